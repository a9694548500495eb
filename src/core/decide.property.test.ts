// Property tests of decide() over generated scenarios (valid per CONTRACT.md): the guarantees of
// PLAYBOOK.md that hold for every prospect, whatever its history.

import fc from 'fast-check';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../../test/support/arbitraries.js';
import { DEFAULT_PLAYBOOK, decideRaw } from '../../test/support/scenario.js';
import { Decision } from './decision.js';
import type { RawCommitment, RawScenario } from './scenario/schema.js';

const RUNS = { seed: 42, numRuns: 1000 };
/** Each property takes well under a second here; leave room for a slow machine. */
const TIMEOUT = 60_000;
const HOUR = 3_600_000;

const decisionSchema = Compile(Decision);

/** Actions that reach nobody: everything else goes to a person. */
const NOT_REACHING = new Set(['wait', 'stop', 'prepare']);
const NEVER_FOR_CUSTOMERS = new Set(['break-up', 'disqualify', 'close-out', 'nurture']);
const WITH_MODEL = new Set(['follow-up', 'empathy', 'multi-thread', 'break-up']);
const WITH_MESSAGE = new Set([
  'break-up',
  'empathy',
  'multi-thread',
  'close-out',
  'disqualify',
  'check-in',
  'nurture',
  'respond',
  'schedule-next-step',
]);
const OFF_THE_LIST = new Set(['stop', 'nurture', 'disqualify', 'close-out']);

const at = (time: string) => Date.parse(time);

/** Events at or before now: the only ones the engine reads. */
function pastEvents(s: RawScenario) {
  const now = at(s.now);
  return s.events.filter((e) => at(e.at) <= now);
}

/** Contacts that may not be contacted: `doNotContact`, or an `unsubscribe` at or before now. */
function optedOut(s: RawScenario): Set<string> {
  const out = new Set(s.contacts.filter((c) => c.doNotContact === true).map((c) => c.id));
  for (const e of pastEvents(s))
    if (e.type === 'response' && e.sentiment === 'unsubscribe') out.add(e.contactId);
  return out;
}

function zoneOf(s: RawScenario, contactId: string): string {
  return s.contacts.find((c) => c.id === contactId)?.timezone ?? s.rep.timezone;
}

/** Call or meeting commitments the prospect made that are live and whose agreed time is now (up to an hour past). */
function dueCallTimes(s: RawScenario): number[] {
  const now = at(s.now);
  const past = pastEvents(s);
  const replaced = new Set(
    past.flatMap((e) => (e.type === 'commitment' && e.replaces != null ? [e.replaces] : [])),
  );
  return past
    .filter(
      (e): e is RawCommitment =>
        e.type === 'commitment' &&
        (e.kind === 'call' || e.kind === 'meeting') &&
        e.by !== 'rep' &&
        !replaced.has(e.id) &&
        e.due != null,
    )
    .map((e) => at(e.due as string))
    .filter((due) => due <= now && now <= due + HOUR);
}

function withoutFutureEvents(s: RawScenario): RawScenario {
  return { ...s, events: pastEvents(s) };
}

describe('decide, over generated scenarios', () => {
  it(
    '1. never reaches a do-not-contact contact, and stops when nobody may be contacted',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const d = decideRaw(s);
          const out = optedOut(s);
          if (d.contactId !== undefined) expect(out.has(d.contactId), `contact ${d.contactId}`).toBe(false);
          if (s.prospect.doNotContact === true || s.contacts.every((c) => out.has(c.id))) {
            expect(d.action).toBe('stop');
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '2. never breaks up with, disqualifies, closes out or nurtures a customer or ex-customer',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const won = pastEvents(s).some((e) => e.type === 'deal' && e.result === 'won');
          if (s.prospect.relationship === 'prospect' && !won) return;
          const d = decideRaw(s);
          expect(NEVER_FOR_CUSTOMERS.has(d.action), `${d.action} (${d.rule})`).toBe(false);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '3. reaches a person only inside their business window, except a committed call at its agreed time',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const d = decideRaw(s);
          if (NOT_REACHING.has(d.action)) return;
          expect(d.contactId).toBeDefined();
          expect(d.due).toBeDefined();
          const due = at(d.due as string);
          if (d.rule === 'committed-call') {
            expect(dueCallTimes(s)).toContain(due);
          } else {
            const zone = zoneOf(s, d.contactId as string);
            expect(
              DEFAULT_PLAYBOOK.calendar.inWindow(zone, due),
              `${d.action} (${d.rule}) due ${d.due} in ${zone}`,
            ).toBe(true);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '4. is deterministic, never throws on a valid scenario, and returns a valid decision',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const input = structuredClone(s);
          const d = decideRaw(s);
          expect(s, 'the input is not modified').toEqual(input);
          expect(decideRaw(s)).toEqual(d);
          expect(decideRaw(JSON.parse(JSON.stringify(s)))).toEqual(d);
          expect(decisionSchema.Check(d), JSON.stringify([...decisionSchema.Errors(d)])).toBe(true);
          expect(d.prospectId).toBe(s.prospect.id);
          if (d.due !== undefined) expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '5. carries the fields the contract requires for its action',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const d = decideRaw(s);
          const what = `${d.action} (${d.rule})`;
          if (WITH_MODEL.has(d.action)) expect(d.model, what).toBeDefined();
          if (WITH_MESSAGE.has(d.action)) {
            expect(d.message, what).toBeDefined();
            expect(d.message?.template, what).toBeTruthy();
          }
          if (d.message !== undefined) {
            expect(d.message.voicemail !== undefined, `voicemail on ${what} by ${d.channel}`).toBe(
              d.channel === 'call',
            );
          }
          expect(d.activeList, what).toBe(!OFF_THE_LIST.has(d.action));
          if (d.action === 'wait' || d.action === 'stop') {
            expect(d.contactId, what).toBeUndefined();
            expect(d.channel, what).toBeUndefined();
          } else {
            expect(s.contacts.map((c) => c.id)).toContain(d.contactId);
          }
          if (!NOT_REACHING.has(d.action)) expect(d.channel, what).toBeDefined();
          expect(d.due === undefined, what).toBe(d.action === 'stop');
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    '6. ignores events after now',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          fc.pre(s.events.some((e) => at(e.at) > at(s.now)));
          expect(decideRaw(withoutFutureEvents(s))).toEqual(decideRaw(s));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
