import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PursuitError } from '../../core/errors.js';
import type { Contact, Prospect } from '../../core/records.js';
import { activityEvent, callOutcome } from './activity.js';
import { ByteDecoder } from '../csv/decode.js';
import { uuid7 } from './ids.js';
import { createMapper, detectFormat } from './formats.js';
import { parseMapping } from './generic.js';
import { contentKey, mergeContact, mergeProspect } from '../../app/import/merge.js';
import { blankProspect } from '../../app/prospects/prospects.js';
import { CsvParser } from '../csv/parse.js';
import { RowError, parseAmount, parseDuration, parseTime, personKey } from '../csv/values.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const ctx = { zone: 'America/New_York', now: NOW };

function header(file: string): string[] {
  const bytes = readFileSync(fileURLToPath(new URL(`../../../test/fixtures/crm/${file}`, import.meta.url)));
  const parser = new CsvParser();
  const records = parser.push(new ByteDecoder().push(bytes));
  return (records[0] ?? parser.end()[0])?.fields ?? [];
}

function reason(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof RowError) return error.reason;
    if (error instanceof PursuitError) return error.detail;
    throw error;
  }
  throw new Error('expected an error');
}

describe('telling exports apart by their header row', () => {
  it.each([
    ['hubspot/companies.csv', 'hubspot', 'companies'],
    ['hubspot/contacts.csv', 'hubspot', 'contacts'],
    ['hubspot/activities.csv', 'hubspot', 'activities'],
    ['salesforce/accounts.csv', 'salesforce', 'accounts'],
    ['salesforce/contacts.csv', 'salesforce', 'contacts'],
    ['salesforce/opportunities.csv', 'salesforce', 'opportunities'],
    ['salesforce/tasks.csv', 'salesforce', 'activities'],
    ['pipedrive/organizations.csv', 'pipedrive', 'organizations'],
    ['pipedrive/persons.csv', 'pipedrive', 'persons'],
    ['pipedrive/deals.csv', 'pipedrive', 'deals'],
    ['pipedrive/activities.csv', 'pipedrive', 'activities'],
  ])('%s is %s %s', (file, format, kind) => {
    const h = header(file);
    expect(detectFormat(h)).toBe(format);
    expect(createMapper(h, ctx, {}).kind).toBe(kind);
  });

  it('reads Salesforce Data Loader names (API names) as Salesforce', () => {
    const h = [
      'Id',
      'FirstName',
      'LastName',
      'Email',
      'AccountId',
      'HasOptedOutOfEmail',
      'DoNotCall',
      'OwnerId',
    ];
    expect(detectFormat(h)).toBe('salesforce');
    const unit = createMapper(h, ctx, {}).map({
      line: 2,
      fields: ['0035g0', 'Jo', 'Ng', 'jo@x.test', '0015g0', 'false', 'true', '0055g0'],
    });
    expect(unit.contacts[0]).toMatchObject({ externalId: '0035g0', name: 'Jo Ng', doNotContact: true });
    expect(unit.prospect).toMatchObject({ externalId: '0015g0', passing: true });
  });

  it('asks for a format or a mapping when it cannot tell', () => {
    expect(detectFormat(['Firma', 'Name', 'E-Mail'])).toBeUndefined();
    expect(reason(() => createMapper(['Firma', 'Name'], ctx, {}))).toContain('--map prospect=COLUMN');
    expect(reason(() => createMapper(['Firma'], ctx, { mapping: { prospect: 'Company' } }))).toBe(
      'the file has no column "Company" (mapped to prospect)',
    );
  });

  it('parses a column mapping, headers with commas included', () => {
    expect(parseMapping('prospect=Company, Inc.,contact=Name, email = E-mail')).toEqual({
      prospect: 'Company, Inc.',
      contact: 'Name',
      email: 'E-mail',
    });
    expect(reason(() => parseMapping('firm=Company'))).toContain('unknown field "firm"');
  });
});

describe('cell values', () => {
  it('reads times in ISO, US and European forms, in the given zone when they have no offset', () => {
    const z = 'America/New_York';
    expect(parseTime('d', '2026-03-05T14:30:00Z', z)).toBe(Date.parse('2026-03-05T14:30:00Z'));
    expect(parseTime('d', '2026-03-05T14:30:00.000+0100', z)).toBe(Date.parse('2026-03-05T13:30:00Z'));
    expect(parseTime('d', '2026-03-05 14:30', z)).toBe(Date.parse('2026-03-05T19:30:00Z'));
    expect(parseTime('d', '2026-03-05', z)).toBe(Date.parse('2026-03-05T05:00:00Z'));
    expect(parseTime('d', '3/5/2026 2:30 PM', z)).toBe(Date.parse('2026-03-05T19:30:00Z'));
    expect(parseTime('d', '3/5/2026, 12:05 AM', z)).toBe(Date.parse('2026-03-05T05:05:00Z'));
    expect(parseTime('d', '05.03.2026 14:30', z)).toBe(Date.parse('2026-03-05T19:30:00Z'));
    expect(parseTime('d', '25/3/2026', z)).toBe(Date.parse('2026-03-25T04:00:00Z'));
    expect(reason(() => parseTime('Close Date', '31/31/2026', z))).toContain('Close Date: expected a date');
    expect(reason(() => parseTime('d', '2026-02-30', z))).toContain('expected a date');
    expect(reason(() => parseTime('d', '2026-02-30T10:00:00.000Z', z))).toContain('expected');
    expect(parseTime('d', '2024-02-29T10:00:00.000Z', z)).toBe(Date.parse('2024-02-29T10:00:00Z'));
  });

  it('reads money, durations and people as exported', () => {
    expect(parseAmount('a', '$24,000.50')).toBe(24000.5);
    expect(parseAmount('a', '24.000,50 €')).toBe(24000.5);
    expect(parseAmount('a', '24,5')).toBe(24.5);
    expect(reason(() => parseAmount('Amount', 'lots'))).toBe(
      'Amount: expected an amount of zero or more, got "lots"',
    );
    expect(parseDuration('d', '00:12:30', 'ms')).toBe(12.5);
    expect(parseDuration('d', '90', 's')).toBe(1.5);
    expect(personKey('Dana Whitfield (dana@ourco.test)')).toEqual({
      name: 'Dana Whitfield',
      email: 'dana@ourco.test',
    });
    expect(personKey('Dana Whitfield')).toEqual({ name: 'Dana Whitfield' });
  });
});

describe('activities as contract events', () => {
  it('says a call connected only when the export says so', () => {
    expect(
      ['Connected', 'Busy', 'No answer', 'Left live message', 'Left voicemail', 'Wrong number'].map(
        callOutcome,
      ),
    ).toEqual(['connected', 'no-answer', 'no-answer', 'voicemail', 'voicemail', 'no-answer']);
    expect(callOutcome('Call')).toBeUndefined();
    expect(activityEvent({ kind: 'call', at: NOW - 1000, done: true }, NOW)).toMatchObject({
      event: { data: { type: 'touch', channel: 'call', outcome: 'no-answer' } },
    });
  });

  it('makes a reply they sent a response, and a planned call a commitment', () => {
    expect(activityEvent({ kind: 'email', at: NOW - 1000, inbound: true }, NOW)).toMatchObject({
      event: { data: { type: 'response', channel: 'email', sentiment: 'neutral' } },
    });
    const planned = Date.parse('2026-03-12T16:00:00Z');
    expect(activityEvent({ kind: 'call', at: planned, done: false, subject: 'Demo' }, NOW)).toEqual({
      event: {
        at: NOW,
        commitment: true,
        data: {
          type: 'commitment',
          kind: 'call',
          by: 'rep',
          due: '2026-03-12T16:00:00.000Z',
          description: 'Demo',
        },
      },
    });
    expect(activityEvent({ kind: 'call', at: NOW - 86_400_000, done: false }, NOW)).toEqual({
      ignored: 'an open task that was never done',
    });
    expect(reason(() => activityEvent({ kind: 'call', at: planned, done: true }, NOW))).toBe(
      'a completed activity dated in the future',
    );
  });
});

describe('what an import may change', () => {
  const prospect: Prospect = {
    ...blankProspect('o', 'u1', 0, 0),
    id: 'p1',
    name: 'Acme',
    relationship: 'customer',
    doNotContact: true,
  };
  const resolved = { ownerId: undefined, productId: undefined, now: 5 };

  it('never turns a customer back into a prospect, and never takes do-not-contact away', () => {
    expect(
      mergeProspect(prospect, { relationship: 'prospect', doNotContact: false }, resolved),
    ).toBeUndefined();
    expect(mergeProspect(prospect, { relationship: 'ex-customer' }, resolved)).toMatchObject({
      relationship: 'ex-customer',
      updatedAt: 5,
    });
    const contact: Contact = {
      id: 'c1',
      orgId: 'o',
      prospectId: 'p1',
      position: 0,
      name: 'Peter',
      role: 'primary',
      email: null,
      phone: null,
      timezone: null,
      doNotContact: true,
      createdAt: 0,
      emailBouncedAt: null,
    };
    expect(mergeContact(contact, { name: 'Peter', doNotContact: false })).toBeUndefined();
    expect(mergeContact(contact, { email: 'p@x.test' })).toMatchObject({
      email: 'p@x.test',
      doNotContact: true,
    });
  });

  it('names a company only in passing from a contact row: it does not rename it', () => {
    expect(mergeProspect(prospect, { name: 'ACME Inc', passing: true }, resolved)).toBeUndefined();
    expect(mergeProspect(prospect, { name: 'ACME Inc' }, resolved)?.name).toBe('ACME Inc');
  });

  it('keys an event without an id by what it says, whatever the order of its fields', () => {
    const a = contentKey('p1', { id: 'x', type: 'touch', at: 't', channel: 'call', outcome: 'voicemail' });
    const b = contentKey('p1', { outcome: 'voicemail', channel: 'call', at: 't', type: 'touch', id: 'y' });
    expect(a).toBe(b);
    expect(a).not.toBe(contentKey('p2', { type: 'touch', at: 't', channel: 'call', outcome: 'voicemail' }));
    expect(a).toMatch(/^hash:[0-9a-f]{40}$/);
  });
});

describe('ids of new records', () => {
  it('are UUIDv7: time-ordered, so big imports append to the indexes', () => {
    const ids = Array.from({ length: 1000 }, () => uuid7());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
    expect(ids[0]! < ids[999]!).toBe(true);
  });
});
