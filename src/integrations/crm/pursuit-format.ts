// Pursuit's own export: one prospect with its contacts and events (in the decision contract's form)
// as a JSON line, or as rows of the generic CSV. Both read back into the same ImportUnit, with the
// Pursuit ids as external ids, so an export imported into a fresh database gives the same prospects,
// contacts, events and so the same decisions.

import { isValidZone } from '../../core/calendar.js';
import { parseInstant } from '../../core/scenario/time.js';
import type { GenericField } from './generic.js';
import { EXPORT_COLUMNS } from './generic.js';
import type { ContactPart, EventPart, ImportUnit, ProspectPart } from './unit.js';
import { defined } from './unit.js';
import { RowError } from '../csv/values.js';

export interface ExportedContact {
  id: string;
  name: string;
  role: 'primary' | 'stakeholder';
  email: string | null;
  phone: string | null;
  timezone: string | null;
  doNotContact: boolean;
  /** Its ids in other systems ("hubspot:101"), so a later import from there finds it. */
  externalIds?: string[];
}

export interface ExportedProspect {
  prospect: {
    id: string;
    name: string;
    /** The owner's email. */
    owner: string | null;
    relationship: 'prospect' | 'customer' | 'ex-customer';
    source: 'inbound' | 'outbound' | 'referral' | 'event';
    createdAt: string;
    dealValue: number | null;
    icpFit: 'fit' | 'partial' | 'poor' | 'unknown';
    qualification: { serious: boolean | null; goalsClear: boolean | null; priceOnly: boolean | null };
    product: {
      name: string | null;
      status: 'active' | 'deprioritized' | 'end-of-life' | null;
      fit: 'fit' | 'no-fit' | 'unknown';
    };
    doNotContact: boolean;
    snoozedUntil: string | null;
    externalIds?: string[];
  };
  contacts: ExportedContact[];
  /**
   * Contract events (CONTRACT.md), each with `loggedAt` and (for imported ones) `sourceKey` beside
   * its own fields, so the CRM rows they came from are still recognised after a move.
   */
  events: Record<string, unknown>[];
}

const yesNo = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');

function row(values: Partial<Record<GenericField, string | number | boolean | null | undefined>>): string[] {
  return EXPORT_COLUMNS.map((c) => {
    const v = values[c];
    if (v === undefined || v === null) return '';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return String(v);
  });
}

/** The generic CSV rows of one prospect: a row per contact, then a row per event. */
export function exportRows(x: ExportedProspect): string[][] {
  const p = x.prospect;
  const prospect = {
    'prospect-id': p.id,
    prospect: p.name,
    owner: p.owner,
    relationship: p.relationship,
    source: p.source,
    created: p.createdAt,
    'deal-value': p.dealValue,
    'icp-fit': p.icpFit,
    serious: yesNo(p.qualification.serious),
    'goals-clear': yesNo(p.qualification.goalsClear),
    'price-only': yesNo(p.qualification.priceOnly),
    product: p.product.name,
    'product-status': p.product.status,
    'product-fit': p.product.fit,
    'prospect-do-not-contact': p.doNotContact,
    'snoozed-until': p.snoozedUntil,
    'prospect-external-ids': p.externalIds?.join(';'),
  };
  const rows: string[][] = [];
  const contactColumns = (c: ExportedContact) => ({
    'contact-id': c.id,
    contact: c.name,
    role: c.role,
    email: c.email,
    phone: c.phone,
    timezone: c.timezone,
    'do-not-contact': c.doNotContact,
    'contact-external-ids': c.externalIds?.join(';'),
  });
  if (x.contacts.length === 0) rows.push(row(prospect));
  for (const c of x.contacts) rows.push(row({ ...prospect, ...contactColumns(c) }));
  const byId = new Map(x.contacts.map((c) => [c.id, c]));
  for (const e of x.events) {
    const { loggedAt, sourceKey, ...event } = e;
    const contact = typeof e.contactId === 'string' ? byId.get(e.contactId) : undefined;
    const text = (key: string) =>
      typeof e[key] === 'string' || typeof e[key] === 'number' ? (e[key] as string) : undefined;
    rows.push(
      row({
        'prospect-id': p.id,
        prospect: p.name,
        'contact-id': contact?.id,
        contact: contact?.name,
        'event-id': text('id'),
        event: text('type'),
        at: text('at'),
        channel: text('channel'),
        outcome: text('outcome'),
        purpose: text('purpose'),
        sentiment: text('sentiment'),
        duration: text('durationMin'),
        until: text('until'),
        kind: text('kind'),
        by: text('by'),
        due: text('due'),
        description: text('description'),
        result: text('result'),
        'logged-at': typeof loggedAt === 'string' ? loggedAt : undefined,
        'source-key': typeof sourceKey === 'string' ? sourceKey : undefined,
        'event-data': JSON.stringify(event),
      }),
    );
  }
  return rows;
}

function time(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const t = typeof value === 'string' ? parseInstant(value) : undefined;
  if (t === undefined)
    throw new RowError(`${field}: expected an ISO 8601 time, got ${JSON.stringify(value)}`);
  return t;
}

function str(value: unknown, field: string, required = false): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new RowError(`${field}: is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new RowError(`${field}: expected text, got ${JSON.stringify(value)}`);
  return value;
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RowError(`${field}: expected an object`);
  }
  return value as Record<string, unknown>;
}

function choice<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  const v = str(value, field);
  if (v !== undefined && !(allowed as readonly string[]).includes(v)) {
    throw new RowError(`${field}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as T | undefined;
}

function flag(value: unknown, field: string): boolean | null | undefined {
  if (value === undefined || value === null || typeof value === 'boolean') return value;
  throw new RowError(`${field}: expected true, false or null, got ${JSON.stringify(value)}`);
}

function amount(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RowError(`${field}: expected a number of zero or more, got ${JSON.stringify(value)}`);
  }
  return value;
}

function links(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !/^[^:]+:.+$/.test(v))) {
    throw new RowError(`${field}: expected a list of "SYSTEM:ID"`);
  }
  return value as string[];
}

function zone(value: unknown, field: string): string | undefined {
  const v = str(value, field);
  if (v !== undefined && !isValidZone(v))
    throw new RowError(`${field}: expected an IANA time zone, got "${v}"`);
  return v;
}

/** One JSON line of an export as an ImportUnit; enumerations are checked when the unit is written. */
export function unitFromJsonLine(text: string, line: number): ImportUnit {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RowError(`not JSON: ${(error as Error).message}`);
  }
  const x = object(parsed, 'line');
  const p = object(x.prospect, 'prospect');
  const q =
    p.qualification === undefined || p.qualification === null
      ? {}
      : object(p.qualification, 'prospect.qualification');
  const product = p.product === undefined || p.product === null ? {} : object(p.product, 'prospect.product');
  const productName = str(product.name, 'prospect.product.name');
  const prospect: ProspectPart = defined({
    externalId: str(p.id, 'prospect.id', true),
    name: str(p.name, 'prospect.name', true),
    owner: str(p.owner, 'prospect.owner'),
    relationship: choice(p.relationship, 'prospect.relationship', [
      'prospect',
      'customer',
      'ex-customer',
    ] as const),
    source: choice(p.source, 'prospect.source', ['inbound', 'outbound', 'referral', 'event'] as const),
    createdAt: time(p.createdAt, 'prospect.createdAt'),
    dealValue: amount(p.dealValue, 'prospect.dealValue'),
    icpFit: choice(p.icpFit, 'prospect.icpFit', ['fit', 'partial', 'poor', 'unknown'] as const),
    serious: flag(q.serious, 'prospect.qualification.serious'),
    goalsClear: flag(q.goalsClear, 'prospect.qualification.goalsClear'),
    priceOnly: flag(q.priceOnly, 'prospect.qualification.priceOnly'),
    productFit: choice(product.fit, 'prospect.product.fit', ['fit', 'no-fit', 'unknown'] as const),
    product:
      productName === undefined
        ? undefined
        : defined({
            name: productName,
            status: choice(product.status, 'prospect.product.status', [
              'active',
              'deprioritized',
              'end-of-life',
            ] as const),
          }),
    doNotContact: p.doNotContact === true ? true : undefined,
    snoozedUntil: time(p.snoozedUntil, 'prospect.snoozedUntil'),
    links: links(p.externalIds, 'prospect.externalIds'),
  });
  const contactList = Array.isArray(x.contacts) ? x.contacts : [];
  const contacts: ContactPart[] = contactList.map((raw, i) => {
    const c = object(raw, `contacts.${i}`);
    return defined({
      externalId: str(c.id, `contacts.${i}.id`, true),
      name: str(c.name, `contacts.${i}.name`, true),
      email: str(c.email, `contacts.${i}.email`)?.toLowerCase(),
      phone: str(c.phone, `contacts.${i}.phone`),
      timezone: zone(c.timezone, `contacts.${i}.timezone`),
      role: choice(c.role, `contacts.${i}.role`, ['primary', 'stakeholder'] as const),
      doNotContact: c.doNotContact === true ? true : undefined,
      links: links(c.externalIds, `contacts.${i}.externalIds`),
    });
  });
  const eventList = Array.isArray(x.events) ? x.events : [];
  const events: EventPart[] = eventList.map((raw, i) => {
    const { id, at, contactId, loggedAt, sourceKey, commitmentId, replaces, referredContactId, ...data } =
      object(raw, `events.${i}`);
    const refs = defined({
      commitmentId: str(commitmentId, `events.${i}.commitmentId`),
      replaces: str(replaces, `events.${i}.replaces`),
      referredContactId: str(referredContactId, `events.${i}.referredContactId`),
    });
    const contact = str(contactId, `events.${i}.contactId`);
    return defined({
      externalId: str(id, `events.${i}.id`, true),
      sourceKey: str(sourceKey, `events.${i}.sourceKey`),
      at: time(at, `events.${i}.at`) ?? Number.NaN,
      data,
      contact: contact === undefined ? undefined : { externalId: contact },
      refs: Object.keys(refs).length === 0 ? undefined : refs,
      loggedAt: time(loggedAt, `events.${i}.loggedAt`),
    });
  });
  for (const [i, e] of events.entries())
    if (Number.isNaN(e.at)) throw new RowError(`events.${i}.at: is required`);
  return { line, prospect, contacts, events };
}
