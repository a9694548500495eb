// Rule 6 of PLAYBOOK.md: commitments the prospect made. A committed call or meeting is prepared from
// the start of the business day before it (in the contact's zone), then made at the agreed time; a
// reply-by or other commitment is waited for. Only `by` prospect/both counts; `replaces` supersedes and
// `cancelled` withdraws.

import { describe, expect, it } from 'vitest';
import {
  commitment,
  contact,
  decideRaw,
  NOW,
  prep,
  scenario,
  touch,
} from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';

/** A discovery meeting on Tue 2026-03-03 16:00Z, the commitment logged an hour later. */
const meeting = () => touch('2026-03-03T16:00:00Z', 'meeting', 'held');
const LOGGED = '2026-03-03T17:00:00Z';
const withEvents = (events: Json[], extra: Json = {}) =>
  scenario({ events: [meeting(), ...events], ...extra });

describe('rule 6: commitments', () => {
  describe('a committed call or meeting ahead', () => {
    it('waits until the start of the business day before the call (Wed 08:00 EDT for a Thursday call)', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-12T16:00:00Z')]));
      expect(d).toMatchObject({
        action: 'wait',
        rule: 'commitment-wait',
        due: '2026-03-11T12:00:00Z',
        activeList: true,
      });
      expect(d.contactId).toBeUndefined();
    });

    it('prepares once the business day before the call has started (Tue 08:00 EDT for a Wednesday call), due by the call', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-11T16:00:00Z')]));
      expect(d).toMatchObject({
        action: 'prepare',
        rule: 'commitment-prepare',
        contactId: 'c1',
        due: '2026-03-11T16:00:00Z',
        activeList: true,
      });
    });

    it('prepares for a committed meeting the same way', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'meeting', '2026-03-11T16:00:00Z')]));
      expect(d).toMatchObject({ action: 'prepare', rule: 'commitment-prepare', due: '2026-03-11T16:00:00Z' });
    });

    it('prepares for the contact the commitment was made with', () => {
      const d = decideRaw(
        withEvents([commitment(LOGGED, 'call', '2026-03-11T16:00:00Z', { contactId: 'c2' })], {
          contacts: [contact('c1', { role: 'primary' }), contact('c2')],
        }),
      );
      expect(d).toMatchObject({ action: 'prepare', contactId: 'c2' });
    });

    it('takes the business day before a Monday call to be the Friday', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-16T16:00:00Z')]));
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-13T12:00:00Z' });
    });

    it("uses the contact's time zone for the prepare window (Tokyo: opens Wed 08:00 JST = Tue 23:00Z)", () => {
      // The call is Thu 01:00 JST; in New York the window would already be open (prepare).
      const d = decideRaw(
        withEvents([commitment(LOGGED, 'call', '2026-03-11T16:00:00Z')], {
          contacts: [contact('c1', { role: 'primary', timezone: 'Asia/Tokyo' })],
        }),
      );
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-10T23:00:00Z' });
    });

    it('waits until the call once a prep note for it is logged', () => {
      const k = commitment(LOGGED, 'call', '2026-03-11T16:00:00Z');
      const d = decideRaw(withEvents([k, prep('2026-03-10T14:00:00Z', k.id as string)]));
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-11T16:00:00Z' });
    });

    it('waits until a 19:00 call once prepared (the agreed time is not moved into the window)', () => {
      const k = commitment(LOGGED, 'call', '2026-03-10T23:00:00Z');
      const d = decideRaw(withEvents([k, prep('2026-03-10T14:00:00Z', k.id as string)]));
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-10T23:00:00Z' });
    });
  });

  describe('the committed call itself', () => {
    it('is a follow-up by call due at the agreed time, once that time has come', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-10T14:30:00Z')]));
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'committed-call',
        contactId: 'c1',
        channel: 'call',
        due: '2026-03-10T14:30:00Z',
        activeList: true,
      });
    });

    it('keeps the agreed time even at 19:00 local, outside the business window', () => {
      const d = decideRaw(
        withEvents([commitment(LOGGED, 'call', '2026-03-10T23:00:00Z')], { now: '2026-03-10T23:20:00Z' }),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'committed-call',
        channel: 'call',
        due: '2026-03-10T23:00:00Z',
      });
    });

    it('carries the model numbers, as every follow-up does', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-10T14:30:00Z')]));
      expect(d.model).toBeDefined();
    });

    it('is not missed by a touch before its time', () => {
      const d = decideRaw(
        withEvents([
          commitment(LOGGED, 'call', '2026-03-10T14:30:00Z'),
          touch('2026-03-10T14:00:00Z', 'email', 'sent'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'committed-call',
        channel: 'call',
        due: '2026-03-10T14:30:00Z',
      });
    });

    it('is still due 59 minutes after the agreed time with no touch logged', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-10T14:01:00Z')]));
      expect(d).toMatchObject({ action: 'follow-up', rule: 'committed-call', due: '2026-03-10T14:01:00Z' });
    });

    it('is missed more than an hour past with no conversation: rule 9 follows up now', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'call', '2026-03-10T13:30:00Z')]));
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c1',
        channel: 'call',
        due: NOW,
      });
    });

    it('is missed when a touch at its time got no conversation: next follow-up 1 business day later', () => {
      const d = decideRaw(
        withEvents([
          commitment(LOGGED, 'call', '2026-03-10T14:30:00Z'),
          touch('2026-03-10T14:31:00Z', 'call', 'no-answer'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c1',
        channel: 'call',
        due: '2026-03-11T14:31:00Z',
      });
    });

    it('is kept when the call connected: rule 8 then asks for the next step', () => {
      // The exact due (end of the next business day) is checked in first-touches.test.ts.
      const d = decideRaw(
        withEvents([
          commitment(LOGGED, 'call', '2026-03-10T14:30:00Z'),
          touch('2026-03-10T14:31:00Z', 'call', 'connected'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'schedule-next-step',
        rule: 'schedule-next-step',
        contactId: 'c1',
        channel: 'call',
      });
    });
  });

  describe('reply-by and other commitments', () => {
    it("waits until the start of a reply-by date in the contact's zone", () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'reply-by', '2026-03-13')]));
      expect(d).toMatchObject({
        action: 'wait',
        rule: 'commitment-wait',
        due: '2026-03-13T04:00:00Z',
        activeList: true,
      });
      expect(d.contactId).toBeUndefined();
    });

    it('waits until the date of an other commitment', () => {
      const d = decideRaw(
        withEvents([commitment(LOGGED, 'other', '2026-03-12T18:00:00Z', { description: 'send the RFP' })]),
      );
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-12T18:00:00Z' });
    });

    it('follows up once a reply-by date passed with no response (missed)', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'reply-by', '2026-03-09')]));
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c1',
        due: NOW,
      });
    });

    it('follows up once an other commitment is past its date (it only holds until then)', () => {
      const d = decideRaw(withEvents([commitment(LOGGED, 'other', '2026-03-09T15:00:00Z')]));
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c1',
        due: NOW,
      });
    });
  });

  describe('who committed, replacements and cancellations', () => {
    it("ignores a commitment made by the rep alone: rule 8 asks for the prospect's commitment", () => {
      // The exact due (end of the next business day) is checked in first-touches.test.ts.
      const d = decideRaw(
        scenario({
          events: [
            touch('2026-03-09T16:00:00Z', 'meeting', 'held'),
            commitment('2026-03-09T17:00:00Z', 'call', '2026-03-12T16:00:00Z', { by: 'rep' }),
          ],
        }),
      );
      expect(d).toMatchObject({ action: 'schedule-next-step', rule: 'schedule-next-step', contactId: 'c1' });
    });

    it('counts a commitment made by the prospect alone', () => {
      const d = decideRaw(
        withEvents([commitment(LOGGED, 'call', '2026-03-11T16:00:00Z', { by: 'prospect' })]),
      );
      expect(d).toMatchObject({ action: 'prepare', rule: 'commitment-prepare' });
    });

    it('follows the commitment that replaces an earlier one (moved later)', () => {
      const k1 = commitment(LOGGED, 'call', '2026-03-11T16:00:00Z');
      const k2 = commitment('2026-03-09T15:00:00Z', 'call', '2026-03-17T16:00:00Z', { replaces: k1.id });
      const d = decideRaw(withEvents([k1, k2]));
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-16T12:00:00Z' });
    });

    it('no longer waits for or prepares a commitment withdrawn by a cancellation', () => {
      const k1 = commitment(LOGGED, 'call', '2026-03-11T16:00:00Z');
      const k2 = commitment('2026-03-09T15:00:00Z', 'cancelled', '2026-03-11T16:00:00Z', { replaces: k1.id });
      const d = decideRaw(withEvents([k1, k2]));
      expect(['wait', 'prepare']).not.toContain(d.action);
      expect(d.rule).not.toMatch(/^commitment-|committed-call/);
    });

    it('follows the commitment that replaces an earlier one (moved earlier)', () => {
      const k1 = commitment(LOGGED, 'call', '2026-03-17T16:00:00Z');
      const k2 = commitment('2026-03-09T15:00:00Z', 'call', '2026-03-11T16:00:00Z', { replaces: k1.id });
      const d = decideRaw(withEvents([k1, k2]));
      expect(d).toMatchObject({ action: 'prepare', rule: 'commitment-prepare', due: '2026-03-11T16:00:00Z' });
    });
  });
});

describe('a withdrawn commitment', () => {
  // PLAYBOOK.md: "kind `cancelled` withdraws it"; rule 8 applies when the conversation "has no
  // commitment logged at or after it": a withdrawn commitment no longer counts.
  it('treats a cancelled commitment as withdrawn: rule 8 asks for a next step', () => {
    const k1 = commitment(LOGGED, 'call', '2026-03-12T16:00:00Z');
    const k2 = commitment('2026-03-09T15:00:00Z', 'cancelled', '2026-03-12T16:00:00Z', { replaces: k1.id });
    const d = decideRaw(withEvents([k1, k2]));
    expect(d).toMatchObject({
      action: 'schedule-next-step',
      rule: 'schedule-next-step',
      contactId: 'c1',
    });
  });
});
