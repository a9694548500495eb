// Rule 1 of PLAYBOOK.md: a contact that opted out is never contacted again by any rule; with nobody
// left to contact, or a prospect that is itself do-not-contact, the decision is `stop`.

import { describe, expect, it } from 'vitest';
import { contact, decideRaw, NOW, response, scenario, touch } from '../../../test/support/scenario.js';

const primary = (extra = {}) => contact('c1', { name: 'Peter Lee', role: 'primary', ...extra });

describe('rule 1: do not contact', () => {
  it('stops when the only contact is marked doNotContact', () => {
    const d = decideRaw(scenario({ contacts: [primary({ doNotContact: true })] }));
    expect(d).toMatchObject({ action: 'stop', rule: 'do-not-contact', activeList: false });
    expect(d.contactId).toBeUndefined();
    expect(d.due).toBeUndefined();
  });

  it('stops when the only contact sent an unsubscribe response', () => {
    const d = decideRaw(
      scenario({
        events: [
          touch('2026-03-02T15:00:00Z', 'email', 'sent'),
          response('2026-03-03T15:00:00Z', 'unsubscribe'),
        ],
      }),
    );
    expect(d).toMatchObject({ action: 'stop', rule: 'do-not-contact', activeList: false });
    expect(d.contactId).toBeUndefined();
    expect(d.due).toBeUndefined();
  });

  it('stops when the prospect itself is doNotContact, even though its contacts could be reached', () => {
    const d = decideRaw(scenario({ prospect: { doNotContact: true }, contacts: [primary(), contact('c2')] }));
    expect(d).toMatchObject({ action: 'stop', rule: 'do-not-contact', activeList: false });
    expect(d.contactId).toBeUndefined();
  });

  it('stops when every contact opted out (one flagged, the other unsubscribed)', () => {
    const d = decideRaw(
      scenario({
        contacts: [primary({ doNotContact: true }), contact('c2')],
        events: [
          touch('2026-03-02T15:00:00Z', 'email', 'sent', { contactId: 'c2' }),
          response('2026-03-03T15:00:00Z', 'unsubscribe', { contactId: 'c2' }),
        ],
      }),
    );
    expect(d).toMatchObject({ action: 'stop', rule: 'do-not-contact', activeList: false });
  });

  it('falls back to the first contactable contact (list order) when the primary is doNotContact', () => {
    const d = decideRaw(
      scenario({ contacts: [primary({ doNotContact: true }), contact('c2'), contact('c3')] }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c2',
      channel: 'call',
      due: NOW,
      activeList: true,
    });
  });

  it('after the primary unsubscribes, follows up another contact and the silence stretch goes on', () => {
    // Two unanswered touches to c1 (an unsubscribe is no conversation): the next is due 2 business days
    // after the second (Fri 10:00 EST -> Tue 10:00 EDT), by call since c2 was never called.
    const d = decideRaw(
      scenario({
        contacts: [primary(), contact('c2')],
        events: [
          touch('2026-03-05T15:00:00Z', 'email', 'sent'),
          touch('2026-03-06T15:00:00Z', 'call', 'voicemail'),
          response('2026-03-09T14:00:00Z', 'unsubscribe'),
        ],
      }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c2',
      channel: 'call',
      due: '2026-03-10T14:00:00Z',
    });
  });

  it('never closes out to an opted-out primary: the close-out goes to the contactable contact', () => {
    const d = decideRaw(
      scenario({
        prospect: { product: { status: 'end-of-life', fit: 'fit' } },
        contacts: [primary({ doNotContact: true }), contact('c2')],
      }),
    );
    expect(d).toMatchObject({ action: 'close-out', rule: 'close-out', contactId: 'c2', due: NOW });
  });

  it('never disqualifies to an opted-out primary: the exit message goes to the contactable contact', () => {
    const d = decideRaw(
      scenario({ prospect: { icpFit: 'poor' }, contacts: [primary({ doNotContact: true }), contact('c2')] }),
    );
    expect(d).toMatchObject({ action: 'disqualify', rule: 'disqualify', contactId: 'c2', due: NOW });
  });

  it('never checks in on an opted-out customer contact: the check-in goes to the other contact', () => {
    const d = decideRaw(
      scenario({
        prospect: { relationship: 'customer' },
        contacts: [primary({ doNotContact: true }), contact('c2')],
        events: [touch('2025-11-02T15:00:00Z', 'call', 'connected', { contactId: 'c2' })],
      }),
    );
    expect(d).toMatchObject({ action: 'check-in', rule: 'customer-check-in', contactId: 'c2', due: NOW });
  });

  it('stops for a customer whose only contact opted out (rule 1 comes before rule 2)', () => {
    const d = decideRaw(
      scenario({
        prospect: { relationship: 'customer' },
        events: [
          touch('2025-11-02T15:00:00Z', 'call', 'connected'),
          response('2025-11-03T15:00:00Z', 'unsubscribe'),
        ],
      }),
    );
    expect(d).toMatchObject({ action: 'stop', rule: 'do-not-contact', activeList: false });
  });

  it('calls a new inbound lead through another contact when the primary is doNotContact', () => {
    const d = decideRaw(
      scenario({
        prospect: { source: 'inbound', createdAt: '2026-03-10T14:58:00Z' },
        contacts: [primary({ doNotContact: true }), contact('c2')],
      }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'speed-to-lead',
      contactId: 'c2',
      channel: 'call',
      due: '2026-03-10T15:03:00Z',
    });
  });

  it('does not follow up a referred contact who is doNotContact: the follow-up goes to a contactable one', () => {
    // Stretch after the referral: the thank-you touch to c1 (Mon 11:00 EDT); 1 business day later.
    const d = decideRaw(
      scenario({
        contacts: [primary(), contact('c2', { doNotContact: true })],
        events: [
          touch('2026-03-02T16:00:00Z', 'meeting', 'held'),
          response('2026-03-09T14:00:00Z', 'referral', { referredContactId: 'c2' }),
          touch('2026-03-09T15:00:00Z', 'email', 'sent', { purpose: 'respond' }),
        ],
      }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-10T15:00:00Z',
    });
  });

  it('does not answer a reply to its sender when the sender is doNotContact', () => {
    // Ambiguous in PLAYBOOK.md ("respond goes to the contact who responded, when they may be
    // contacted"): only the negative is asserted, the sender is never the target.
    const d = decideRaw(
      scenario({
        contacts: [primary(), contact('c2', { doNotContact: true })],
        events: [
          touch('2026-03-04T15:00:00Z', 'email', 'sent'),
          response('2026-03-10T14:30:00Z', 'positive', { contactId: 'c2' }),
        ],
      }),
    );
    expect(d.action).not.toBe('stop');
    expect(d.contactId).toBe('c1');
  });
});
