// The trusted path for stored data (stateFromStored: no schema, zone, uniqueness, reference or
// outcome checks) gives exactly the State the checked path gives, field by field, key order and
// undefined fields included: over the worked scenarios, generated scenarios of every shape, and
// prospects as the store writes them (the bench's synthetic organisation's kind of data).

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb, ZONES } from '../../../test/support/arbitraries.js';
import { normalizeScenario, stateFromStored } from './normalize.js';

const RUNS = { seed: 14, numRuns: 2000 };
const DAY = 86_400_000;
const NOW = Date.parse('2026-03-10T15:00:00Z');

/** Every key in order, undefined values included: equal text means an identical State. */
function exact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v));
}

function expectSame(input: unknown): void {
  const before = structuredClone(input);
  const checked = normalizeScenario(input);
  const trusted = stateFromStored(input);
  expect(trusted).toStrictEqual(checked);
  expect(exact(trusted)).toBe(exact(checked));
  expect(input, 'the input is not modified').toStrictEqual(before);
}

function corpus(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const dir of ['../../../test/fixtures/scenarios/', '../../../bench/scenarios/']) {
    const url = new URL(dir, import.meta.url);
    for (const name of readdirSync(url).sort()) {
      if (name.endsWith('.json') && !name.endsWith('.expected.json')) {
        out.push([name, JSON.parse(readFileSync(new URL(name, url), 'utf8')) as unknown]);
      }
    }
  }
  return out;
}

const iso = (t: number) => new Date(t).toISOString();

/** A prospect as the store keeps it and builds its scenario: nulls for what is unknown, times as written. */
const storedArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    contactZone: fc.option(fc.constantFrom(...ZONES)),
    phone: fc.option(fc.constant('+1 555 0100')),
    email: fc.option(fc.constant('ana.lee@customer.test')),
    dealValue: fc.option(fc.integer({ min: 2000, max: 62_000 })),
    hourlyValue: fc.option(fc.constantFrom(60, 120)),
    createdDays: fc.integer({ min: 30, max: 180 }),
    serious: fc.option(fc.boolean()),
    source: fc.constantFrom('inbound', 'outbound', 'referral', 'event'),
    events: fc.array(
      fc.record({
        hours: fc.integer({ min: -24 * 150, max: 24 * 3 }),
        kind: fc.constantFrom('call', 'email', 'meeting', 'response'),
        outcome: fc.constantFrom('voicemail', 'no-answer', 'connected'),
        sentiment: fc.constantFrom('positive', 'neutral', 'objection', 'not-now'),
      }),
      { maxLength: 30 },
    ),
  })
  .map((g) => ({
    version: 1,
    now: iso(NOW),
    rep: {
      id: 'u1',
      name: 'Ava Rep0',
      email: 'rep0@bench.test',
      phone: null,
      company: 'Bench Org',
      timezone: g.zone,
      hourlyValue: g.hourlyValue,
    },
    prospect: {
      id: 'bp1',
      name: 'Acme Labs 1',
      relationship: 'prospect',
      source: g.source,
      createdAt: iso(NOW - g.createdDays * DAY),
      dealValue: g.dealValue,
      icpFit: 'unknown',
      qualification: { serious: g.serious, goalsClear: null, priceOnly: null },
      product: { status: 'active', fit: 'unknown' },
      doNotContact: false,
    },
    contacts: [
      {
        id: 'bc1',
        name: 'Ana Lee',
        role: 'primary',
        email: g.email,
        phone: g.phone,
        timezone: g.contactZone,
        doNotContact: false,
      },
    ],
    events: g.events.map((e, k) => {
      const at = iso(NOW + e.hours * 3_600_000);
      const id = `be1_${k}`;
      if (e.kind === 'response')
        return { id, type: 'response', at, contactId: 'bc1', channel: 'email', sentiment: e.sentiment };
      if (e.kind === 'call')
        return { id, type: 'touch', at, contactId: 'bc1', channel: 'call', outcome: e.outcome };
      if (e.kind === 'meeting')
        return { id, type: 'touch', at, contactId: 'bc1', channel: 'meeting', outcome: 'held' };
      return { id, type: 'touch', at, contactId: 'bc1', channel: 'email', outcome: 'sent' };
    }),
  }));

describe('stateFromStored', () => {
  it.each(corpus())('gives the checked State for the worked scenario %s', (_name, input) => {
    expectSame(input);
  });

  it('gives the checked State for generated scenarios of every shape', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => expectSame(s)),
      RUNS,
    );
  });

  it('gives the checked State for prospects as the store writes them', () => {
    fc.assert(
      fc.property(storedArb, (s) => expectSame(s)),
      RUNS,
    );
  });

  it('still refuses a time it cannot read, naming it', () => {
    const [, input] = corpus()[0] as [string, { now: string }];
    expect(() => stateFromStored({ ...input, now: 'yesterday' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCENARIO', path: 'now' }),
    );
  });
});
