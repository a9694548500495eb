// The generic CSV: Pursuit's own columns (what `pursuit export --format csv` writes, read back with
// no mapping) or any CSV with a column mapping (`--map prospect=Company,contact=Name,email=E-mail`).
// A row describes a prospect and one of its contacts, or (when "event" is filled) one event of it;
// "event-data" carries the whole contract event as JSON, so nothing is lost in a round trip.

import { PursuitError } from '../../core/errors.js';
import { isValidZone } from '../../core/calendar.js';
import type { CsvRecord } from '../csv/parse.js';
import type { ContactPart, ImportUnit, MapContext, RowMapper, Columns } from './unit.js';
import { cell, defined } from './unit.js';
import {
  RowError,
  bad,
  joinName,
  parseAmount,
  parseChoice,
  parseEmail,
  parseFlag,
  parseFlagOrUnknown,
  parseTime,
} from '../csv/values.js';
import { eventOf } from './generic-event.js';

export const GENERIC_FIELDS = [
  'prospect-id',
  'prospect',
  'owner',
  'relationship',
  'source',
  'created',
  'deal-value',
  'icp-fit',
  'serious',
  'goals-clear',
  'price-only',
  'product',
  'product-status',
  'product-fit',
  'prospect-do-not-contact',
  'snoozed-until',
  'prospect-external-ids',
  'contact-id',
  'contact',
  'first-name',
  'last-name',
  'role',
  'email',
  'phone',
  'timezone',
  'do-not-contact',
  'contact-external-ids',
  'event-id',
  'event',
  'at',
  'channel',
  'outcome',
  'purpose',
  'sentiment',
  'duration',
  'until',
  'kind',
  'by',
  'due',
  'description',
  'result',
  'logged-at',
  'source-key',
  'event-data',
] as const;

export type GenericField = (typeof GENERIC_FIELDS)[number];

/** The columns an export writes (a person's name is one column there). */
export const EXPORT_COLUMNS: GenericField[] = GENERIC_FIELDS.filter(
  (f) => f !== 'first-name' && f !== 'last-name',
);

export type Mapping = Partial<Record<GenericField, string>>;

/** Parses `prospect=Company,contact=Name,email=E-mail` (a header may itself hold commas). */
export function parseMapping(text: string): Mapping {
  const out: Mapping = {};
  for (const pair of text.split(/,(?=\s*[a-z-]+\s*=)/)) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    const column = pair.slice(eq + 1).trim();
    if (eq < 0 || column === '') {
      throw new PursuitError('INVALID_INPUT', `expected FIELD=Column, got "${pair.trim()}"`, 'map');
    }
    if (!(GENERIC_FIELDS as readonly string[]).includes(key)) {
      throw new PursuitError(
        'INVALID_INPUT',
        `unknown field "${key}"; the fields are ${GENERIC_FIELDS.join(', ')}`,
        'map',
      );
    }
    out[key as GenericField] = column;
  }
  return out;
}

/** How many of Pursuit's own column names a header has. */
export function genericScore(cols: Columns): number {
  return GENERIC_FIELDS.filter((f) => cols.has(f)).length;
}

/** "hubspot:9001;salesforce:0015g00000AbCdE": the record's ids in other systems. */
function links(column: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const l of list) if (!/^[^:]+:.+$/.test(l)) bad(column, 'SYSTEM:ID entries separated by ;', value);
  return list;
}

export function genericMapper(cols: Columns, ctx: MapContext, mapping: Mapping, system: string): RowMapper {
  const index = new Map<GenericField, number>();
  for (const field of GENERIC_FIELDS) {
    const column = mapping[field];
    const i = column === undefined ? cols.find(field) : cols.find(column);
    if (column !== undefined && i < 0) {
      throw new PursuitError(
        'INVALID_INPUT',
        `the file has no column "${column}" (mapped to ${field})`,
        'map',
      );
    }
    if (i >= 0) index.set(field, i);
  }
  if (!index.has('prospect') && !index.has('prospect-id')) {
    throw new PursuitError(
      'INVALID_INPUT',
      `no column for the prospect (company): map one with --map prospect=COLUMN; the file's columns are ${cols.names.join(', ')}`,
      'map',
    );
  }
  const map = ({ line, fields }: CsvRecord): ImportUnit => {
    const get = (f: GenericField) => cell(fields, index.get(f) ?? -1);
    const hasEvent = get('event') !== undefined || get('event-data') !== undefined;
    const email = parseEmail('email', get('email'));
    const name = get('contact') ?? joinName(get('first-name'), get('last-name'));
    const contactId = get('contact-id');
    const zone = get('timezone');
    if (zone !== undefined && !isValidZone(zone))
      bad('timezone', 'an IANA time zone like Europe/Berlin', zone);
    const contacts: ContactPart[] = [];
    if (name !== undefined || email !== undefined || get('phone') !== undefined) {
      const contactName = name ?? email;
      if (contactName === undefined) throw new RowError('contact: a contact needs a name or an email');
      contacts.push(
        defined({
          externalId: contactId,
          name: contactName,
          email,
          phone: get('phone'),
          timezone: zone,
          role: parseChoice('role', get('role'), ['primary', 'stakeholder'] as const),
          doNotContact: parseFlag('do-not-contact', get('do-not-contact')) === true ? true : undefined,
          links: links('contact-external-ids', get('contact-external-ids')),
        }),
      );
    }
    const prospectName = get('prospect');
    const prospectId = get('prospect-id');
    if (prospectName === undefined && prospectId === undefined) {
      throw new RowError('prospect: the company is empty');
    }
    const product = get('product');
    const unit: ImportUnit = {
      line,
      prospect: defined({
        externalId: prospectId,
        name: prospectName,
        passing: hasEvent ? true : undefined,
        owner: get('owner'),
        relationship: parseChoice('relationship', get('relationship'), [
          'prospect',
          'customer',
          'ex-customer',
        ] as const),
        source: parseChoice('source', get('source'), ['inbound', 'outbound', 'referral', 'event'] as const),
        createdAt: parseTime('created', get('created'), ctx.zone),
        dealValue: parseAmount('deal-value', get('deal-value')),
        icpFit: parseChoice('icp-fit', get('icp-fit'), ['fit', 'partial', 'poor', 'unknown'] as const),
        serious: parseFlagOrUnknown('serious', get('serious')),
        goalsClear: parseFlagOrUnknown('goals-clear', get('goals-clear')),
        priceOnly: parseFlagOrUnknown('price-only', get('price-only')),
        productFit: parseChoice('product-fit', get('product-fit'), ['fit', 'no-fit', 'unknown'] as const),
        product:
          product === undefined
            ? undefined
            : defined({
                name: product,
                status: parseChoice('product-status', get('product-status'), [
                  'active',
                  'deprioritized',
                  'end-of-life',
                ] as const),
              }),
        doNotContact:
          parseFlag('prospect-do-not-contact', get('prospect-do-not-contact')) === true ? true : undefined,
        snoozedUntil: parseTime('snoozed-until', get('snoozed-until'), ctx.zone),
        links: links('prospect-external-ids', get('prospect-external-ids')),
      }),
      contacts: hasEvent ? [] : contacts,
      events: [],
    };
    if (hasEvent) {
      // On an event row the contact columns say whom it was with (and may add that contact).
      unit.contacts = contacts;
      const ref =
        contactId === undefined && email === undefined && name === undefined
          ? undefined
          : defined({ externalId: contactId, email, name });
      unit.events.push(eventOf(get, ctx, ref));
    }
    return unit;
  };
  return { format: 'generic', kind: 'records', system, map };
}
