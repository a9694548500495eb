// Rule 2 of PLAYBOOK.md: customers and ex-customers are never dropped. Their replies are answered,
// their commitments kept, otherwise a check-in after 90 (customer) / 180 (ex-customer) days without a
// touch, else a wait until then; never break-up, nurture, disqualify or close-out.

import { describe, expect, it } from 'vitest';
import {
  commitment,
  contact,
  deal,
  decideRaw,
  NOW,
  response,
  scenario,
  silentTouches,
  touch,
} from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';

const customer = (events: Json[], prospect: Json = {}) =>
  scenario({ prospect: { relationship: 'customer', ...prospect }, events });
const exCustomer = (events: Json[], prospect: Json = {}) =>
  scenario({ prospect: { relationship: 'ex-customer', ...prospect }, events });

/** A touch long enough ago that any check-in is due. */
const longAgo = () => touch('2025-09-01T15:00:00Z', 'call', 'connected');

describe('rule 2: customers and ex-customers', () => {
  describe('check-ins', () => {
    it('checks in on a customer whose last touch is older than 90 days, now, by call', () => {
      const d = decideRaw(customer([touch('2025-12-01T15:00:00Z', 'call', 'connected')]));
      expect(d).toMatchObject({
        action: 'check-in',
        rule: 'customer-check-in',
        contactId: 'c1',
        channel: 'call',
        due: NOW,
        activeList: true,
        message: { template: 'check-in' },
      });
      expect(d.message?.voicemail).toBeDefined();
    });

    it('waits until 90 days after the last touch for a customer touched recently', () => {
      const d = decideRaw(customer([touch('2026-03-10T14:00:00Z', 'email', 'sent')]));
      expect(d).toMatchObject({
        action: 'wait',
        rule: 'customer-check-in',
        due: '2026-06-08T14:00:00Z',
        activeList: true,
      });
      expect(d.contactId).toBeUndefined();
    });

    it('checks in on an ex-customer whose last touch is older than 180 days', () => {
      const d = decideRaw(exCustomer([longAgo()]));
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', contactId: 'c1', due: NOW });
    });

    it('waits (no check-in) for an ex-customer last touched 100 days ago', () => {
      const d = decideRaw(exCustomer([touch('2025-11-30T15:00:00Z', 'call', 'connected')]));
      expect(d).toMatchObject({ action: 'wait', rule: 'customer-check-in' });
    });

    it('waits until 180 days after the last touch for an ex-customer touched recently', () => {
      const later = decideRaw({
        ...exCustomer([touch('2026-03-11T14:00:00Z', 'email', 'sent')]),
        now: '2026-03-11T15:00:00Z',
      });
      expect(later).toMatchObject({ action: 'wait', rule: 'customer-check-in', due: '2026-09-07T14:00:00Z' });
    });
  });

  describe('answers their replies (rule 5)', () => {
    it.each([
      ['positive', {}],
      ['neutral', {}],
      ['objection', { variant: 'respond-objection' }],
    ])('responds to an unanswered %s reply within 1 business hour', (sentiment, variant) => {
      const d = decideRaw(customer([longAgo(), response('2026-03-10T14:30:00Z', sentiment)]));
      expect(d).toMatchObject({
        action: 'respond',
        rule: 'respond',
        contactId: 'c1',
        channel: 'email',
        due: '2026-03-10T15:30:00Z',
        message: { template: 'respond', ...variant },
      });
    });

    it('thanks a customer for a referral', () => {
      const d = decideRaw({
        ...customer([longAgo(), response('2026-03-10T14:30:00Z', 'referral', { referredContactId: 'c2' })]),
        contacts: [contact('c1', { role: 'primary' }), contact('c2')],
      });
      expect(d).toMatchObject({
        action: 'respond',
        rule: 'referral',
        contactId: 'c1',
        due: '2026-03-10T15:30:00Z',
        message: { template: 'respond', variant: 'respond-referral' },
      });
    });
  });

  describe('keeps their commitments (rule 6)', () => {
    it('prepares for a committed call with a customer, due by the call', () => {
      const d = decideRaw(
        customer([longAgo(), commitment('2026-03-03T17:00:00Z', 'call', '2026-03-11T16:00:00Z')]),
      );
      expect(d).toMatchObject({
        action: 'prepare',
        rule: 'commitment-prepare',
        contactId: 'c1',
        due: '2026-03-11T16:00:00Z',
      });
    });

    it('makes the committed call with a customer at the agreed time', () => {
      const d = decideRaw(
        customer([longAgo(), commitment('2026-03-03T17:00:00Z', 'call', '2026-03-10T14:30:00Z')]),
      );
      expect(d).toMatchObject({
        action: 'follow-up',
        rule: 'committed-call',
        contactId: 'c1',
        channel: 'call',
        due: '2026-03-10T14:30:00Z',
      });
    });
  });

  describe('never dropped', () => {
    it('never breaks up with a customer after 13 unanswered touches: waits for the next check-in', () => {
      const d = decideRaw(customer(silentTouches(13, '2026-03-10T14:00:00Z')));
      expect(d).toMatchObject({ action: 'wait', rule: 'customer-check-in', due: '2026-06-08T14:00:00Z' });
    });

    it('does not ask a customer for a next step after a conversation: waits for the next check-in', () => {
      const d = decideRaw(customer([touch('2026-03-10T14:00:00Z', 'meeting', 'held')]));
      expect(d).toMatchObject({ action: 'wait', rule: 'customer-check-in', due: '2026-06-08T14:00:00Z' });
    });

    it('never nurtures a customer who said not-interested', () => {
      const d = decideRaw(
        customer([
          touch('2026-03-10T14:00:00Z', 'email', 'sent'),
          response('2026-03-10T14:30:00Z', 'not-interested'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'wait',
        rule: 'customer-check-in',
        due: '2026-06-08T14:00:00Z',
        activeList: true,
      });
    });

    it('never nurtures a customer who said not-now: checks in once 90 days have passed', () => {
      const d = decideRaw(
        customer([
          touch('2025-12-01T15:00:00Z', 'email', 'sent'),
          response('2025-12-02T15:00:00Z', 'not-now', { until: '2026-09-01' }),
        ]),
      );
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', due: NOW, activeList: true });
    });

    it('never disqualifies a customer (not serious, goals unclear, price only, poor ICP fit)', () => {
      const d = decideRaw(
        customer([longAgo()], {
          icpFit: 'poor',
          qualification: { serious: false, goalsClear: false, priceOnly: true },
        }),
      );
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', due: NOW, activeList: true });
    });

    it('never closes out a customer on an end-of-life product', () => {
      const d = decideRaw(customer([longAgo()], { product: { status: 'end-of-life', fit: 'no-fit' } }));
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', due: NOW, activeList: true });
    });

    it('never nurtures an ex-customer with a lost deal', () => {
      const d = decideRaw(exCustomer([longAgo(), deal('2026-03-01T15:00:00Z', 'lost')]));
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', due: NOW, activeList: true });
    });
  });

  describe('a won deal makes a prospect a customer', () => {
    it('waits until 90 days after the last touch instead of following up', () => {
      const d = decideRaw(
        scenario({
          events: [touch('2026-03-10T14:00:00Z', 'email', 'sent'), deal('2026-03-10T14:30:00Z', 'won')],
        }),
      );
      expect(d).toMatchObject({ action: 'wait', rule: 'customer-check-in', due: '2026-06-08T14:00:00Z' });
    });

    it('checks in (no break-up) on a won prospect whose last touch is older than 90 days', () => {
      const d = decideRaw(
        scenario({
          events: [...silentTouches(12, '2025-11-20T15:00:00Z'), deal('2025-11-25T15:00:00Z', 'won')],
        }),
      );
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', contactId: 'c1', due: NOW });
    });

    it('is not closed out or disqualified after a won deal', () => {
      const d = decideRaw(
        scenario({
          prospect: { icpFit: 'poor', product: { status: 'deprioritized', fit: 'fit' } },
          events: [longAgo(), deal('2025-09-02T15:00:00Z', 'won')],
        }),
      );
      expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', due: NOW });
    });
  });
});
