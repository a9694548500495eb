// Rule 10 of PLAYBOOK.md: long-term nurture. Off the active list, one `nurture` touch (template
// `nurture`) due at the date named (not-now with a date), else 180 days after a not-interested, a
// close-out or a lost deal, else 90 days after entering nurture; then every 90 days after the last
// nurture touch; until they respond again.

import { describe, expect, it } from 'vitest';
import { deal, decideRaw, response, scenario, silentTouches, touch } from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';

const met = () => touch('2026-02-20T16:00:00Z', 'meeting', 'held');
const withEvents = (events: Json[], extra: Json = {}) => scenario({ events, ...extra });
const nurtureTouch = (at: string) => touch(at, 'email', 'sent', { purpose: 'nurture' });

/** The shape every nurture decision has, whatever its due. */
const nurture = (due: string) => ({
  action: 'nurture',
  rule: 'nurture',
  contactId: 'c1',
  channel: 'email',
  due,
  activeList: false,
  message: { template: 'nurture' },
});

describe('rule 10: nurture', () => {
  describe('first touch, by how the prospect entered nurture', () => {
    it('after a break-up unanswered for 7 days: 90 days after entering (break-up + 7 days)', () => {
      const d = decideRaw(
        withEvents(
          [
            ...silentTouches(8, '2026-03-06T15:00:00Z'),
            touch('2026-03-10T14:00:00Z', 'email', 'sent', { purpose: 'break-up' }),
          ],
          { now: '2026-03-18T15:00:00Z' },
        ),
      );
      expect(d).toMatchObject(nurture('2026-06-15T14:00:00Z'));
    });

    it('after a close-out: 180 days later', () => {
      const d = decideRaw(
        withEvents([met(), touch('2026-03-11T14:00:00Z', 'email', 'sent', { purpose: 'close-out' })], {
          prospect: { product: { status: 'deprioritized', fit: 'fit' } },
          now: '2026-03-11T15:00:00Z',
        }),
      );
      expect(d).toMatchObject(nurture('2026-09-07T14:00:00Z'));
    });

    it('after a lost deal: 180 days later', () => {
      const d = decideRaw(
        withEvents([met(), deal('2026-03-11T14:00:00Z', 'lost')], { now: '2026-03-11T15:00:00Z' }),
      );
      expect(d).toMatchObject(nurture('2026-09-07T14:00:00Z'));
    });

    it('after a lost deal on a Tuesday: 180 days later is a Sunday, moved to Monday 08:00 EDT', () => {
      const d = decideRaw(withEvents([met(), deal('2026-03-10T14:00:00Z', 'lost')]));
      expect(d).toMatchObject(nurture('2026-09-07T12:00:00Z'));
    });

    it('after a not-interested: 180 days later', () => {
      const d = decideRaw(
        withEvents([met(), response('2026-03-11T14:00:00Z', 'not-interested')], {
          now: '2026-03-11T15:00:00Z',
        }),
      );
      expect(d).toMatchObject(nurture('2026-09-07T14:00:00Z'));
    });

    it('after a not-now with a date: at the start of that date, moved into the window', () => {
      const d = decideRaw(
        withEvents([met(), response('2026-03-09T16:00:00Z', 'not-now', { until: '2026-05-04' })]),
      );
      expect(d).toMatchObject(nurture('2026-05-04T12:00:00Z'));
    });

    it('after a not-now without a date: 90 days later', () => {
      const d = decideRaw(withEvents([met(), response('2026-03-10T14:00:00Z', 'not-now')]));
      expect(d).toMatchObject(nurture('2026-06-08T14:00:00Z'));
    });

    it('after a not-now without a date on a Monday: 90 days later is a Sunday, moved to Monday 08:00 EDT', () => {
      const d = decideRaw(withEvents([met(), response('2026-03-09T15:00:00Z', 'not-now')]));
      expect(d).toMatchObject(nurture('2026-06-08T12:00:00Z'));
    });
  });

  describe('then every 90 days', () => {
    it('counts from entering nurture, not from a later non-nurture touch (first touch not yet sent)', () => {
      // not-now Mon 03-09 15:00Z + 90 days = Sun 06-07 -> Mon 06-08 08:00 EDT; the follow-up email sent
      // on Tue 03-10 is not a nurture touch.
      const d = decideRaw(
        withEvents([
          met(),
          response('2026-03-09T15:00:00Z', 'not-now'),
          touch('2026-03-10T14:00:00Z', 'email', 'sent'),
        ]),
      );
      expect(d).toMatchObject(nurture('2026-06-08T12:00:00Z'));
    });

    it('is due 90 days after the last nurture touch', () => {
      const d = decideRaw(
        withEvents([
          met(),
          response('2025-06-02T14:00:00Z', 'not-interested'),
          nurtureTouch('2026-03-10T14:00:00Z'),
        ]),
      );
      expect(d).toMatchObject(nurture('2026-06-08T14:00:00Z'));
    });

    it('counts from the latest of several nurture touches', () => {
      const d = decideRaw(
        withEvents([
          met(),
          response('2025-03-03T15:00:00Z', 'not-now'),
          nurtureTouch('2025-06-02T14:00:00Z'),
          nurtureTouch('2025-09-01T14:00:00Z'),
          nurtureTouch('2026-03-10T14:00:00Z'),
        ]),
      );
      expect(d).toMatchObject(nurture('2026-06-08T14:00:00Z'));
    });

    it('keeps the overdue first due when the named date passed without a nurture touch', () => {
      const d = decideRaw(
        withEvents([
          touch('2025-12-15T16:00:00Z', 'meeting', 'held'),
          response('2026-01-05T16:00:00Z', 'not-now', { until: '2026-02-02' }),
        ]),
      );
      expect(d).toMatchObject(nurture('2026-02-02T13:00:00Z'));
    });
  });

  describe('until they respond again', () => {
    it('answers a positive reply to a nurture touch (rule 5), back on the active list', () => {
      const d = decideRaw(
        withEvents([
          met(),
          response('2025-06-02T14:00:00Z', 'not-interested'),
          nurtureTouch('2026-03-09T14:00:00Z'),
          response('2026-03-10T14:30:00Z', 'positive'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'respond',
        rule: 'respond',
        contactId: 'c1',
        due: '2026-03-10T15:30:00Z',
        activeList: true,
      });
    });

    it('stays in nurture when they answer not-now again, with the new date', () => {
      const d = decideRaw(
        withEvents([
          met(),
          response('2025-06-02T14:00:00Z', 'not-interested'),
          nurtureTouch('2026-03-09T14:00:00Z'),
          response('2026-03-10T14:30:00Z', 'not-now', { until: '2026-05-04' }),
        ]),
      );
      expect(d).toMatchObject(nurture('2026-05-04T12:00:00Z'));
    });
  });
});
