// Rule 5 of PLAYBOOK.md: the last response, with no outbound touch after it, decides by its sentiment.

import { describe, expect, it } from 'vitest';
import { commitment, contact, decideRaw, response, scenario, touch } from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';

const outreach = () => touch('2026-03-04T15:00:00Z', 'email', 'sent');
const withEvents = (events: Json[], extra: Json = {}) => scenario({ events, ...extra });
const twoContacts = () => [
  contact('c1', { name: 'Peter Lee', role: 'primary' }),
  contact('c2', { name: 'Sue Park' }),
];

describe('rule 5: responses', () => {
  describe('positive, neutral, objection: respond within 1 business hour', () => {
    it.each([
      ['positive', {}],
      ['neutral', {}],
      ['objection', { variant: 'respond-objection' }],
    ])(
      'responds to a %s reply, due 1 business hour after it, on the channel they used',
      (sentiment, variant) => {
        const d = decideRaw(withEvents([outreach(), response('2026-03-10T14:30:00Z', sentiment)]));
        expect(d).toMatchObject({
          action: 'respond',
          rule: 'respond',
          contactId: 'c1',
          channel: 'email',
          due: '2026-03-10T15:30:00Z',
          activeList: true,
          message: { template: 'respond', ...variant },
        });
      },
    );

    it('responds by call (with a voicemail script) to a reply that came by call', () => {
      const d = decideRaw(
        withEvents([outreach(), response('2026-03-10T14:30:00Z', 'neutral', { channel: 'call' })]),
      );
      expect(d).toMatchObject({ action: 'respond', channel: 'call', due: '2026-03-10T15:30:00Z' });
      expect(d.message?.voicemail).toBeDefined();
    });

    it('responds to the contact who replied, not the primary', () => {
      const d = decideRaw(
        withEvents([outreach(), response('2026-03-10T14:30:00Z', 'positive', { contactId: 'c2' })], {
          contacts: twoContacts(),
        }),
      );
      expect(d).toMatchObject({
        action: 'respond',
        rule: 'respond',
        contactId: 'c2',
        due: '2026-03-10T15:30:00Z',
      });
    });

    it('counts the business hour from the next window opening for a reply at 19:30 (Tue 09:00 EDT)', () => {
      const d = decideRaw(withEvents([outreach(), response('2026-03-09T23:30:00Z', 'positive')]));
      expect(d).toMatchObject({ action: 'respond', rule: 'respond', due: '2026-03-10T13:00:00Z' });
    });

    it('splits the business hour over two days for a reply at 17:30 (Tue 08:30 EDT)', () => {
      const d = decideRaw(withEvents([outreach(), response('2026-03-09T21:30:00Z', 'objection')]));
      expect(d).toMatchObject({ action: 'respond', due: '2026-03-10T12:30:00Z' });
    });

    it('counts from Monday 08:00 for a reply on a Saturday (Mon 09:00 EDT)', () => {
      const d = decideRaw(withEvents([outreach(), response('2026-03-07T15:00:00Z', 'positive')]));
      expect(d).toMatchObject({ action: 'respond', due: '2026-03-09T13:00:00Z' });
    });

    it("uses the responder's time zone for the business hour (London, 17:30 GMT -> Wed 08:30 GMT)", () => {
      const d = decideRaw(
        withEvents([outreach(), response('2026-03-10T17:30:00Z', 'positive')], {
          now: '2026-03-10T18:00:00Z',
          contacts: [contact('c1', { role: 'primary', timezone: 'Europe/London' })],
        }),
      );
      expect(d).toMatchObject({ action: 'respond', due: '2026-03-11T08:30:00Z' });
    });

    it('does not respond again once an outbound touch followed the reply: follows up instead', () => {
      // The respond touch (Mon 11:00 EDT) opens a stretch of 1: next due 1 business day later.
      const d = decideRaw(
        withEvents([
          outreach(),
          response('2026-03-09T14:00:00Z', 'positive'),
          touch('2026-03-09T15:00:00Z', 'email', 'sent', { purpose: 'respond' }),
        ]),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c1',
        channel: 'call',
        due: '2026-03-10T15:00:00Z',
      });
    });
  });

  describe('referral', () => {
    it('thanks the contact who referred, within 1 business hour', () => {
      const d = decideRaw(
        withEvents([outreach(), response('2026-03-10T14:30:00Z', 'referral', { referredContactId: 'c2' })], {
          contacts: twoContacts(),
        }),
      );
      expect(d).toMatchObject({
        action: 'respond',
        rule: 'referral',
        contactId: 'c1',
        channel: 'email',
        due: '2026-03-10T15:30:00Z',
        message: { template: 'respond', variant: 'respond-referral' },
      });
      expect(d.message?.body).toContain('Sue Park');
    });

    it('after the thank-you, follows up the referred contact by call', () => {
      const d = decideRaw(
        withEvents(
          [
            outreach(),
            response('2026-03-09T14:00:00Z', 'referral', { referredContactId: 'c2' }),
            touch('2026-03-09T15:00:00Z', 'email', 'sent', { purpose: 'respond' }),
          ],
          { contacts: twoContacts() },
        ),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c2',
        channel: 'call',
        due: '2026-03-10T15:00:00Z',
      });
    });

    it('keeps following up the referred contact even when the referrer was touched less recently', () => {
      // Stretch: thank-you to c1 (Mon), call to c2 (Wed 10:00 EST): next 2 business days later.
      const d = decideRaw(
        withEvents(
          [
            touch('2026-02-23T15:00:00Z', 'meeting', 'held'),
            response('2026-03-02T14:00:00Z', 'referral', { referredContactId: 'c2' }),
            touch('2026-03-02T15:00:00Z', 'email', 'sent', { purpose: 'respond' }),
            touch('2026-03-04T15:00:00Z', 'call', 'voicemail', { contactId: 'c2' }),
          ],
          { contacts: twoContacts() },
        ),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c2',
        channel: 'call',
        due: '2026-03-06T15:00:00Z',
      });
    });
  });

  describe('out-of-office', () => {
    const threeTouches = () => [
      touch('2026-03-02T16:00:00Z', 'call', 'no-answer'),
      touch('2026-03-04T16:00:00Z', 'email', 'sent'),
      touch('2026-03-06T16:00:00Z', 'call', 'voicemail'),
    ];

    it("waits until the start of the return date in the contact's zone", () => {
      const d = decideRaw(
        withEvents([
          ...threeTouches(),
          response('2026-03-09T13:00:00Z', 'out-of-office', { until: '2026-03-16' }),
        ]),
      );
      expect(d).toMatchObject({
        action: 'wait',
        rule: 'out-of-office',
        due: '2026-03-16T04:00:00Z',
        activeList: true,
      });
      expect(d.contactId).toBeUndefined();
    });

    it('waits 7 days after the reply when no return date was given', () => {
      const d = decideRaw(withEvents([...threeTouches(), response('2026-03-09T13:00:00Z', 'out-of-office')]));
      expect(d).toMatchObject({ action: 'wait', rule: 'out-of-office', due: '2026-03-16T13:00:00Z' });
    });

    it('once the wait is over, decides as if it had not come (no conversation, no touch)', () => {
      // Two unanswered touches, never reached: next due 2 business days after Wed 10:00 EST.
      const d = decideRaw(
        withEvents([
          touch('2026-02-23T15:00:00Z', 'email', 'sent'),
          touch('2026-02-25T15:00:00Z', 'call', 'voicemail'),
          response('2026-02-26T12:00:00Z', 'out-of-office'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'minimum-persistence',
        contactId: 'c1',
        channel: 'call',
        due: '2026-02-27T15:00:00Z',
        model: { attempt: 3, pWin: 0.1 },
      });
      expect(d.diagnosis).toBeUndefined();
    });
  });

  describe('not-now and not-interested: nurture (rule 10)', () => {
    const met = () => [
      touch('2026-02-20T16:00:00Z', 'meeting', 'held'),
      touch('2026-03-02T16:00:00Z', 'email', 'sent'),
    ];

    it('nurtures a not-now with a date, first touch at that date moved into the window (Mon 08:00 EDT)', () => {
      const d = decideRaw(
        withEvents([...met(), response('2026-03-09T16:00:00Z', 'not-now', { until: '2026-05-04' })]),
      );
      expect(d).toMatchObject({
        action: 'nurture',
        rule: 'nurture',
        contactId: 'c1',
        channel: 'email',
        due: '2026-05-04T12:00:00Z',
        activeList: false,
        message: { template: 'nurture' },
      });
    });

    it('nurtures a not-now without a date, first touch 90 days later', () => {
      const d = decideRaw(withEvents([...met(), response('2026-03-10T14:00:00Z', 'not-now')]));
      expect(d).toMatchObject({
        action: 'nurture',
        rule: 'nurture',
        due: '2026-06-08T14:00:00Z',
        activeList: false,
      });
    });

    it('nurtures a not-interested, first touch 180 days later (Sunday -> Monday 08:00 EDT)', () => {
      const d = decideRaw(withEvents([...met(), response('2026-03-10T14:00:00Z', 'not-interested')]));
      expect(d).toMatchObject({
        action: 'nurture',
        rule: 'nurture',
        due: '2026-09-07T12:00:00Z',
        activeList: false,
      });
    });

    it('still nurtures when follow-up touches came after the not-now', () => {
      const d = decideRaw(
        withEvents([
          ...met(),
          response('2026-03-03T16:00:00Z', 'not-now', { until: '2026-05-04' }),
          touch('2026-03-05T16:00:00Z', 'email', 'sent'),
          touch('2026-03-09T16:00:00Z', 'call', 'voicemail'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'nurture',
        rule: 'nurture',
        due: '2026-05-04T12:00:00Z',
        activeList: false,
      });
    });

    it('keeps a commitment logged after the not-now instead of nurturing (rule 6)', () => {
      const d = decideRaw(
        withEvents([
          ...met(),
          response('2026-03-03T16:00:00Z', 'not-now'),
          commitment('2026-03-04T16:00:00Z', 'call', '2026-03-17T16:00:00Z'),
        ]),
      );
      expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait', due: '2026-03-16T12:00:00Z' });
    });

    it('nurtures when the only commitment was logged before the not-now', () => {
      const d = decideRaw(
        withEvents([
          ...met(),
          commitment('2026-03-02T17:00:00Z', 'call', '2026-03-17T16:00:00Z'),
          response('2026-03-03T16:00:00Z', 'not-now', { until: '2026-05-04' }),
        ]),
      );
      expect(d).toMatchObject({ action: 'nurture', rule: 'nurture', due: '2026-05-04T12:00:00Z' });
    });

    it('goes by the last response: an earlier positive reply does not override a later not-interested', () => {
      const d = decideRaw(
        withEvents([
          ...met(),
          response('2026-03-09T14:00:00Z', 'positive'),
          response('2026-03-10T14:00:00Z', 'not-interested'),
        ]),
      );
      expect(d).toMatchObject({ action: 'nurture', rule: 'nurture', due: '2026-09-07T12:00:00Z' });
    });
  });

  describe('unsubscribe', () => {
    it('stops (rule 1) when the only contact unsubscribes, even after a positive reply', () => {
      const d = decideRaw(
        withEvents([
          outreach(),
          response('2026-03-09T14:00:00Z', 'positive'),
          response('2026-03-10T14:00:00Z', 'unsubscribe'),
        ]),
      );
      expect(d).toMatchObject({ action: 'stop', rule: 'do-not-contact', activeList: false });
    });
  });
});
