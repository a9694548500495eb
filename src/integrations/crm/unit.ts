// What one row of an export says, in Pursuit's terms and before anything is looked up: a prospect
// (a company), its contacts, and events in the decision contract's form. Each format maps its rows
// to these; the import use case resolves them against the store (by external id, then email, then
// name) and writes them. An absent field means "leave as it is".

import type { CsvRecord } from '../csv/parse.js';

export type Relationship = 'prospect' | 'customer' | 'ex-customer';
export type Source = 'inbound' | 'outbound' | 'referral' | 'event';

export interface ProspectPart {
  /** The CRM's id of the company / account / organisation (or a Pursuit id in Pursuit's own files). */
  externalId?: string;
  /**
   * The row names the company only in passing (a contact's, an activity's or a deal's row): its
   * name, owner, creation time and source are used to find or create the prospect, never to change
   * one. Everything else it says (a customer, a deal value, do-not-contact) still applies.
   */
  passing?: boolean;
  name?: string;
  /** The owner as exported: a user's email or name. */
  owner?: string;
  relationship?: Relationship;
  source?: Source;
  createdAt?: number;
  dealValue?: number;
  icpFit?: 'fit' | 'partial' | 'poor' | 'unknown';
  serious?: boolean | null;
  goalsClear?: boolean | null;
  priceOnly?: boolean | null;
  productFit?: 'fit' | 'no-fit' | 'unknown';
  product?: { name: string; status?: 'active' | 'deprioritized' | 'end-of-life' };
  doNotContact?: boolean;
  snoozedUntil?: number | null;
  /** Its ids in other systems ("hubspot:9001"), kept so a later import from there finds it. */
  links?: string[];
}

export interface ContactPart {
  externalId?: string;
  name?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  role?: 'primary' | 'stakeholder';
  doNotContact?: boolean;
  /** Its ids in other systems ("hubspot:101"). */
  links?: string[];
}

/** Which of the prospect's contacts an event is with. */
export interface ContactRef {
  externalId?: string;
  email?: string;
  name?: string;
}

export interface EventPart {
  /** The CRM's activity id: the event's source key is `<system>:<id>`. */
  externalId?: string;
  /** A full source key when the id alone would clash (a Pipedrive deal and activity share numbers). */
  sourceKey?: string;
  /** Undefined: the row's own contact, else the prospect's primary contact (not for deals). */
  contact?: ContactRef;
  at: number;
  /** The contract event without id, at and contactId: type and the fields of its type. */
  data: Record<string, unknown>;
  /** Ids of this system that the event refers to, to be mapped to Pursuit's ids. */
  refs?: { commitmentId?: string; replaces?: string; referredContactId?: string };
  /** When it was logged (Pursuit's own exports); else the time of the import. */
  loggedAt?: number;
}

export interface ImportUnit {
  line: number;
  prospect?: ProspectPart;
  contacts: ContactPart[];
  events: EventPart[];
  /** A row read but with nothing to import (a note, a task, a cancelled meeting), and why. */
  ignored?: string;
}

export interface MapContext {
  /** The zone of times exported without an offset (the importing user's). */
  zone: string;
  /** The time of the import: later meetings and tasks are commitments, not touches. */
  now: number;
}

export type FormatName = 'hubspot' | 'salesforce' | 'pipedrive' | 'generic' | 'jsonl';

export interface RowMapper {
  format: FormatName;
  /** What the file holds, e.g. "contacts", "companies", "activities". */
  kind: string;
  /** The namespace of external ids and activity source keys. */
  system: string;
  /** Maps one record; throws RowError for a row that cannot be imported. */
  map(record: CsvRecord): ImportUnit;
}

/** Header lookup: case, spacing and punctuation-insensitive, first of several names that exists. */
export class Columns {
  private readonly index = new Map<string, number>();
  readonly names: string[];

  constructor(header: string[]) {
    this.names = header.map((h) => h.trim());
    this.names.forEach((h, i) => {
      const key = Columns.key(h);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  static key(name: string): string {
    return name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, ' ');
  }

  /** The index of the first of `names` in the header, or -1. */
  find(...names: string[]): number {
    for (const n of names) {
      const i = this.index.get(Columns.key(n));
      if (i !== undefined) return i;
    }
    return -1;
  }

  has(...names: string[]): boolean {
    return this.find(...names) >= 0;
  }

  /** Indexes of every column whose name starts with `prefix`. */
  startingWith(prefix: string): number[] {
    const p = Columns.key(prefix);
    return this.names.flatMap((n, i) => (Columns.key(n).startsWith(p) ? [i] : []));
  }
}

/** A trimmed cell, undefined when the column is missing or the cell is empty. */
export function cell(fields: string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const v = fields[index];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A copy without the undefined fields, so a part says only what the row says. */
/** A row that speaks of the company alone (a companies / accounts / organizations export). */
export function companyUnit(line: number, prospect: ProspectPart): ImportUnit {
  return { line, prospect: defined(prospect), contacts: [], events: [] };
}

/**
 * The company a deal row names in passing: a won deal makes it a customer (never a prospect to break
 * up with); an open deal gives its value; a closed one says nothing of value.
 */
export function dealProspect(deal: {
  externalId: string | undefined;
  name: string | undefined;
  owner: string | undefined;
  result: 'won' | 'lost' | undefined;
  amount: number | undefined;
}): ProspectPart {
  return defined({
    externalId: deal.externalId,
    name: deal.name,
    passing: true,
    owner: deal.owner,
    relationship: deal.result === 'won' ? ('customer' as const) : undefined,
    dealValue: deal.result === undefined ? deal.amount : undefined,
  });
}

/**
 * Whether a CRM status says the team closed the lead without a sale: Salesforce's "Closed - Not
 * Converted", HubSpot's "Unqualified", "Disqualified", "Lost", "Junk", "Dead".
 */
export function closedWithoutSale(status: string | undefined): boolean {
  if (status === undefined) return false;
  const words = status
    .trim()
    .toLowerCase()
    .replace(/[_\s-]+/g, ' ');
  return /^(closed not converted|closed lost|closed unqualified|lost|unqualified|disqualified|not qualified|junk|dead|bad fit)$/.test(
    words,
  );
}

/**
 * What a lead closed without a sale becomes here: a lost deal, so that the prospect is nurtured off
 * the active list (PLAYBOOK.md rule 10) instead of chased. It is dated when the CRM last changed the
 * record, or else at the import; `id` is the lead's id in the CRM (a re-import adds it once).
 */
export function closedLeadEvent(id: string | undefined, changed: number | undefined, now: number): EventPart {
  return defined({
    externalId: id === undefined ? undefined : `${id}:closed`,
    at: Math.min(changed ?? now, now),
    data: { type: 'deal', result: 'lost' },
  });
}

export function defined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}
