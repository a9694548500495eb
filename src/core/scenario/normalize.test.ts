import { describe, expect, it } from 'vitest';
import { PursuitError } from '../errors.js';
import { commitment, contact, response, scenario, touch } from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';
import { normalizeScenario } from './normalize.js';

function problem(raw: unknown): { path: string | undefined; message: string } {
  try {
    normalizeScenario(raw);
  } catch (error) {
    if (error instanceof PursuitError) {
      expect(error.code).toBe('INVALID_SCENARIO');
      return { path: error.path, message: error.detail };
    }
    throw error;
  }
  throw new Error('the scenario was accepted');
}

const withEvents = (...events: Json[]) => scenario({ events });

describe('scenario validation names the bad field and what was expected', () => {
  it('rejects a value that is not an object', () => {
    expect(problem([])).toEqual({ path: '', message: 'expected a JSON object (a scenario), got an array' });
  });

  it('names a missing required field', () => {
    const raw = scenario();
    delete raw.now;
    expect(problem(raw)).toEqual({ path: 'now', message: 'is required' });
    const noTz = scenario({ rep: { timezone: undefined } });
    expect(problem(JSON.parse(JSON.stringify(noTz)))).toEqual({
      path: 'rep.timezone',
      message: 'is required',
    });
  });

  it('names a missing field of an event by its index', () => {
    const bad = touch('2026-03-01T16:00:00Z', 'call', 'voicemail');
    delete bad.contactId;
    expect(problem(withEvents(touch('2026-03-01T15:00:00Z', 'email', 'sent'), bad))).toEqual({
      path: 'events.1.contactId',
      message: 'is required',
    });
  });

  it('requires at least one contact', () => {
    expect(problem(scenario({ contacts: [] }))).toMatchObject({
      path: 'contacts',
      message: 'expected at least 1 item(s)',
    });
  });

  it('names a bad enum value and lists the allowed ones', () => {
    expect(problem(scenario({ prospect: { relationship: 'friend' } }))).toEqual({
      path: 'prospect.relationship',
      message: 'expected one of "prospect", "customer", "ex-customer", got "friend"',
    });
  });

  it('names an unknown event type', () => {
    expect(problem(withEvents({ id: 'x', type: 'tweet', at: '2026-03-01T16:00:00Z' })).path).toBe(
      'events.0.type',
    );
  });

  it('rejects times without an offset and dates that do not exist', () => {
    expect(problem(scenario({ now: '2026-03-10T15:00:00' }))).toMatchObject({ path: 'now' });
    expect(problem(scenario({ now: '2026-02-30T15:00:00Z' })).message).toContain('ISO 8601');
    expect(
      problem(withEvents(response('2026-03-01T16:00:00Z', 'not-now', { until: '2026-13-01' }))).path,
    ).toBe('events.0.until');
  });

  it('accepts offsets and fractions, and bare dates where the contract allows them', () => {
    const state = normalizeScenario(
      withEvents(
        touch('2026-03-01T11:00:00.5-05:00', 'call', 'voicemail'),
        response('2026-03-02T16:00:00+01:00', 'out-of-office', { until: '2026-03-16' }),
        commitment('2026-03-02T17:00:00Z', 'reply-by', '2026-03-20'),
      ),
    );
    expect(state.events.map((e) => e.at)).toEqual([
      Date.parse('2026-03-01T16:00:00.500Z'),
      Date.parse('2026-03-02T15:00:00Z'),
      Date.parse('2026-03-02T17:00:00Z'),
    ]);
    const ooo = state.events[1];
    // A bare date is the start of that day in the contact's zone (New York, EDT).
    expect(ooo?.type === 'response' && ooo.until).toBe(Date.parse('2026-03-16T04:00:00Z'));
  });

  it('requires a time, not a bare date, for a call commitment', () => {
    expect(problem(withEvents(commitment('2026-03-02T17:00:00Z', 'call', '2026-03-20'))).path).toBe(
      'events.0.due',
    );
  });

  it('requires due for every commitment but a cancellation', () => {
    expect(problem(withEvents(commitment('2026-03-02T17:00:00Z', 'call', undefined)))).toEqual({
      path: 'events.0.due',
      message: 'is required for a call commitment',
    });
    const first = commitment('2026-03-02T17:00:00Z', 'call', '2026-03-20T15:00:00Z');
    expect(() =>
      normalizeScenario(
        withEvents(first, commitment('2026-03-03T17:00:00Z', 'cancelled', undefined, { replaces: first.id })),
      ),
    ).not.toThrow();
  });

  it('rejects an unknown time zone', () => {
    expect(problem(scenario({ contacts: [contact('c1', { timezone: 'Mars/Olympus' })] }))).toEqual({
      path: 'contacts.0.timezone',
      message: 'expected an IANA time zone name like America/New_York, got "Mars/Olympus"',
    });
  });

  it('rejects an outcome that does not fit the channel', () => {
    expect(problem(withEvents(touch('2026-03-01T16:00:00Z', 'email', 'voicemail')))).toEqual({
      path: 'events.0.outcome',
      message: 'expected one of "sent", "bounced" for a email, got "voicemail"',
    });
  });

  it('rejects duplicate ids', () => {
    const a = touch('2026-03-01T16:00:00Z', 'call', 'voicemail', { id: 'e1' });
    const b = touch('2026-03-02T16:00:00Z', 'call', 'voicemail', { id: 'e1' });
    expect(problem(withEvents(a, b)).path).toBe('events.1.id');
    expect(problem(scenario({ contacts: [contact('c1'), contact('c1')] })).path).toBe('contacts.1.id');
  });

  it('rejects references to unknown contacts, commitments and events', () => {
    expect(
      problem(withEvents(touch('2026-03-01T16:00:00Z', 'call', 'voicemail', { contactId: 'c9' }))),
    ).toEqual({
      path: 'events.0.contactId',
      message: 'expected the id of a contact (c1), got "c9"',
    });
    expect(
      problem(withEvents(response('2026-03-01T16:00:00Z', 'referral', { referredContactId: 'c7' }))).path,
    ).toBe('events.0.referredContactId');
    expect(
      problem(withEvents({ id: 'p', type: 'prep', at: '2026-03-01T16:00:00Z', commitmentId: 'nope' })).path,
    ).toBe('events.0.commitmentId');
    expect(
      problem(
        withEvents(commitment('2026-03-01T16:00:00Z', 'call', '2026-03-20T15:00:00Z', { replaces: 'zz' })),
      ).path,
    ).toBe('events.0.replaces');
  });
});

describe('scenario normalisation', () => {
  it('applies the contract defaults, and treats null as absent', () => {
    const raw = scenario({
      prospect: {
        source: null,
        icpFit: undefined,
        qualification: null,
        product: null,
        doNotContact: null,
        dealValue: null,
      },
    });
    const state = normalizeScenario(JSON.parse(JSON.stringify(raw)));
    expect(state.prospect).toMatchObject({
      source: 'outbound',
      icpFit: 'unknown',
      qualification: { serious: null, goalsClear: null, priceOnly: null },
      product: { status: 'active', fit: 'unknown' },
      doNotContact: false,
      dealValue: undefined,
    });
  });

  it('gives a contact without a zone the rep zone', () => {
    const state = normalizeScenario(scenario({ contacts: [contact('c1', { timezone: null })] }));
    expect(state.contacts[0]?.timezone).toBe('America/Denver');
  });

  it('defaults a commitment to being made by both', () => {
    const state = normalizeScenario(
      withEvents(commitment('2026-03-01T16:00:00Z', 'call', '2026-03-20T15:00:00Z')),
    );
    expect(state.events[0]).toMatchObject({ by: 'both' });
  });

  it('orders events by time, ties keeping input order, and drops events after now', () => {
    const a = touch('2026-03-02T16:00:00Z', 'call', 'voicemail', { id: 'a' });
    const b = touch('2026-03-01T16:00:00Z', 'email', 'sent', { id: 'b' });
    const c = touch('2026-03-02T16:00:00Z', 'email', 'sent', { id: 'c' });
    const future = touch('2026-03-11T16:00:00Z', 'email', 'sent', { id: 'f' });
    const state = normalizeScenario(withEvents(a, future, b, c));
    expect(state.events.map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(state.events.map((e) => e.seq)).toEqual([0, 1, 2]);
  });

  it('ignores unknown fields, so a newer caller can talk to this engine', () => {
    const raw = { ...scenario(), futureField: 1, rep: { ...(scenario().rep as Json), team: 'x' } };
    expect(() => normalizeScenario(raw)).not.toThrow();
  });

  it('accepts contract version 1, and a newer caller, but not a version that is not one', () => {
    expect(() => normalizeScenario({ ...scenario(), version: 1 })).not.toThrow();
    expect(() => normalizeScenario({ ...scenario(), version: 2 })).not.toThrow();
    expect(problem({ ...scenario(), version: 0 }).path).toBe('version');
    expect(problem({ ...scenario(), version: 'one' }).path).toBe('version');
  });

  it('reads years before 100 as written', () => {
    const state = normalizeScenario(scenario({ now: '0050-03-02T16:00:00Z' }));
    expect(new Date(state.now).toISOString()).toBe('0050-03-02T16:00:00.000Z');
  });
});
