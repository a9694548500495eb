// A generic CSV's column mapping guessed from its column names ("Company" is the prospect, "Email
// Address" the email): offered by the import preview, and by the command line when it cannot tell
// what a file is.

import { GENERIC_FIELDS } from './generic.js';
import type { GenericField, Mapping } from './generic.js';

const SYNONYMS: Record<string, GenericField> = {
  company: 'prospect',
  companyname: 'prospect',
  account: 'prospect',
  accountname: 'prospect',
  organisation: 'prospect',
  organization: 'prospect',
  name: 'contact',
  contactname: 'contact',
  fullname: 'contact',
  person: 'contact',
  firstname: 'first-name',
  lastname: 'last-name',
  surname: 'last-name',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  owner: 'owner',
  rep: 'owner',
  salesrep: 'owner',
  accountowner: 'owner',
  timezone: 'timezone',
  tz: 'timezone',
  amount: 'deal-value',
  dealvalue: 'deal-value',
  value: 'deal-value',
  leadsource: 'source',
  source: 'source',
  created: 'created',
  createdat: 'created',
  createdate: 'created',
};

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Pursuit's field for each column whose name says it, at most one column per field. */
export function suggestMapping(columns: string[]): Mapping {
  const byName = new Map(GENERIC_FIELDS.map((f) => [squash(f), f]));
  const out: Mapping = {};
  for (const column of columns) {
    const key = squash(column);
    const field = byName.get(key) ?? SYNONYMS[key];
    if (field !== undefined && out[field] === undefined) out[field] = column;
  }
  return out;
}

/** A mapping as `--map` takes it, quoted for a shell when a column name needs it. */
export function mappingArgument(mapping: Mapping): string {
  const text = Object.entries(mapping)
    .map(([field, column]) => `${field}=${column}`)
    .join(',');
  return /^[\w=,.@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
