// Rule 9 of PLAYBOOK.md: follow up, or stop. Cap, break-up wait, hard maximum, empathy, multi-thread,
// minimum persistence and the cost-benefit model, in that order; the channel rule; the spacing of
// 1, 2, 3, 5, 7, 10, 14 business days at the same local time; the diagnosis of reached prospects.
// NOW is Tue 2026-03-10 11:00 EDT (US DST began Sun 2026-03-08): 10:00 EST = 15:00Z, 10:00 EDT = 14:00Z.

import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../playbook/load.js';
import {
  commitment,
  contact,
  DEFAULT_PLAYBOOK_TEXT,
  decideRaw,
  NOW,
  response,
  scenario,
  silentTouches,
  touch,
} from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';
import { DIAGNOSES } from './diagnosis.js';

const withEvents = (events: Json[], extra: Json = {}) => scenario({ events, ...extra });
const primary = (extra: Json = {}) => contact('c1', { name: 'Peter Lee', role: 'primary', ...extra });
const twoContacts = () => [primary(), contact('c2', { name: 'Sue Park' })];
const to = (contactId: string, t: Json) => ({ ...t, contactId });
/** A discovery meeting without logged details: the prospect is reached. */
const met = (at = '2026-02-09T16:00:00Z') => touch(at, 'meeting', 'held');

describe('rule 9a: weekly cap', () => {
  it('waits when the next touch would be the 4th to that contact in 7 days', () => {
    // Touches Mon 13:00Z, Mon 14:00Z, Tue 13:00Z; spacing: 3 business days -> Fri 13:00Z, when all
    // three are within 7 days; the first drops out at Mon 2026-03-16 13:00Z.
    const d = decideRaw(
      withEvents([
        touch('2026-03-09T13:00:00Z', 'email', 'sent'),
        touch('2026-03-09T14:00:00Z', 'call', 'voicemail'),
        touch('2026-03-10T13:00:00Z', 'email', 'sent'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'wait',
      rule: 'weekly-cap',
      due: '2026-03-16T13:00:00Z',
      activeList: true,
    });
    expect(d.contactId).toBeUndefined();
  });

  it('checks the cap at now, not at a spacing time already past', () => {
    // Spacing after Fri 03-13 10:00 EDT: Wed 03-18 14:00Z, when 03-11 14:30Z is still within 7 days;
    // at now (15:00Z) it is not, so the follow-up stands, overdue.
    const d = decideRaw(
      withEvents(
        [
          touch('2026-03-11T14:30:00Z', 'email', 'sent'),
          touch('2026-03-12T14:00:00Z', 'call', 'voicemail'),
          touch('2026-03-13T14:00:00Z', 'email', 'sent'),
        ],
        { now: '2026-03-18T15:00:00Z' },
      ),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-18T14:00:00Z',
    });
  });

  it('counts only touches to the target contact', () => {
    // Three touches in the stretch, one of them to c2: two to c1 in 7 days, no cap.
    const d = decideRaw(
      withEvents(
        [
          to('c2', touch('2026-03-09T12:00:00Z', 'email', 'sent')),
          touch('2026-03-09T13:00:00Z', 'email', 'sent'),
          touch('2026-03-10T13:00:00Z', 'call', 'voicemail'),
        ],
        { contacts: twoContacts() },
      ),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-13T13:00:00Z',
    });
  });
});

describe('rule 9b: break-up already sent', () => {
  const events = () => [
    ...silentTouches(8, '2026-03-06T15:00:00Z'),
    touch('2026-03-10T14:00:00Z', 'email', 'sent', { purpose: 'break-up' }),
  ];

  it('waits 7 days after the break-up, still on the active list', () => {
    const d = decideRaw(withEvents(events()));
    expect(d).toMatchObject({
      action: 'wait',
      rule: 'break-up-wait',
      due: '2026-03-17T14:00:00Z',
      activeList: true,
    });
    expect(d.contactId).toBeUndefined();
  });

  it('nurtures once the break-up went unanswered for 7 days: first touch 90 days after that', () => {
    const d = decideRaw(withEvents(events(), { now: '2026-03-18T15:00:00Z' }));
    expect(d).toMatchObject({
      action: 'nurture',
      rule: 'nurture',
      contactId: 'c1',
      channel: 'email',
      due: '2026-06-15T14:00:00Z',
      activeList: false,
      message: { template: 'nurture' },
    });
  });

  it('answers a reply to the break-up instead (rule 5)', () => {
    const d = decideRaw(withEvents([...events(), response('2026-03-10T14:30:00Z', 'neutral')]));
    expect(d).toMatchObject({
      action: 'respond',
      rule: 'respond',
      contactId: 'c1',
      due: '2026-03-10T15:30:00Z',
    });
  });
});

describe('rule 9c: hard maximum', () => {
  it('breaks up after 12 unanswered touches, even when the model would go on', () => {
    // Last touch Tue 2026-02-10 10:00 EST (a call); 14 business days later: Mon 2026-03-02 10:00 EST.
    const d = decideRaw(
      withEvents(silentTouches(12, '2026-02-10T15:00:00Z'), { prospect: { dealValue: 10_000_000 } }),
    );
    expect(d).toMatchObject({
      action: 'break-up',
      rule: 'hard-maximum',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-02T15:00:00Z',
      activeList: true,
      message: { template: 'break-up' },
    });
    expect(d.model).toBeDefined();
    expect(d.message?.voicemail).toBeDefined();
    expect(d.message?.body).toContain('call me back');
  });

  it('breaks up after 14 unanswered touches (the rep went past the maximum)', () => {
    const d = decideRaw(withEvents(silentTouches(14, '2026-02-10T15:00:00Z')));
    expect(d).toMatchObject({
      action: 'break-up',
      rule: 'hard-maximum',
      channel: 'call',
      due: '2026-03-02T15:00:00Z',
    });
  });

  it('still follows up after 11 unanswered touches when the model says so', () => {
    // Attempt 12, never reached: 0.02 x 0.1 x 24,000 = 48 > a call's 5 min x 120/h = 10.
    const d = decideRaw(withEvents(silentTouches(11, '2026-02-10T15:00:00Z')));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'cost-benefit',
      channel: 'call',
      due: '2026-03-02T15:00:00Z',
      model: { attempt: 12, pResponse: 0.02, pWin: 0.1, expectedValue: 48, touchCost: 10 },
    });
  });
});

describe('rule 9d: empathy', () => {
  const committed = (due: string, extra: Json = {}) => commitment('2026-02-24T17:00:00Z', 'call', due, extra);

  it('sends an empathy message after a missed call and 2 unanswered touches since its time', () => {
    // Missed Tue 03-03 (the call at its time got no answer); an email Wed 11:00 EST; next 2 business days later.
    const d = decideRaw(
      withEvents([
        met('2026-02-24T16:00:00Z'),
        committed('2026-03-03T16:00:00Z'),
        touch('2026-03-03T16:05:00Z', 'call', 'no-answer'),
        touch('2026-03-04T16:00:00Z', 'email', 'sent'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'empathy',
      rule: 'empathy',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-06T16:00:00Z',
      activeList: true,
      message: { template: 'empathy' },
    });
    expect(d.model).toBeDefined();
    expect(d.message?.voicemail).toBeDefined();
  });

  it('counts touches after a call missed by time alone (due Mon 11:00 EDT, across the DST change)', () => {
    const d = decideRaw(
      withEvents([
        met('2026-02-24T16:00:00Z'),
        committed('2026-03-03T16:00:00Z'),
        touch('2026-03-04T16:00:00Z', 'email', 'sent'),
        touch('2026-03-05T16:00:00Z', 'call', 'voicemail'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'empathy',
      rule: 'empathy',
      channel: 'call',
      due: '2026-03-09T15:00:00Z',
    });
  });

  it('also follows a missed reply-by date', () => {
    const d = decideRaw(
      withEvents([
        met('2026-02-24T16:00:00Z'),
        commitment('2026-02-24T17:00:00Z', 'reply-by', '2026-03-03'),
        touch('2026-03-04T16:00:00Z', 'email', 'sent'),
        touch('2026-03-05T16:00:00Z', 'call', 'voicemail'),
      ]),
    );
    expect(d).toMatchObject({ action: 'empathy', rule: 'empathy', due: '2026-03-09T15:00:00Z' });
  });

  it('waits for a second unanswered touch since the missed time: one is not enough', () => {
    const d = decideRaw(
      withEvents([
        met('2026-02-24T16:00:00Z'),
        committed('2026-03-03T16:00:00Z'),
        touch('2026-03-03T16:05:00Z', 'call', 'no-answer'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      due: '2026-03-04T16:05:00Z',
    });
  });

  it('sends only one empathy message per silence stretch', () => {
    // Third touch (the empathy email, Mon 11:00 EDT): next 3 business days later, by call after two emails.
    const d = decideRaw(
      withEvents([
        met('2026-02-24T16:00:00Z'),
        committed('2026-03-03T16:00:00Z'),
        touch('2026-03-03T16:05:00Z', 'call', 'no-answer'),
        touch('2026-03-04T16:00:00Z', 'email', 'sent'),
        touch('2026-03-09T15:00:00Z', 'email', 'sent', { purpose: 'empathy' }),
      ]),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: '2026-03-12T15:00:00Z',
    });
  });

  it("ignores a missed commitment the rep alone made (the rep's promise is not a commitment)", () => {
    const d = decideRaw(
      withEvents([
        met('2026-02-24T16:00:00Z'),
        committed('2026-03-03T16:00:00Z', { by: 'rep' }),
        touch('2026-03-03T16:05:00Z', 'call', 'no-answer'),
        touch('2026-03-04T16:00:00Z', 'email', 'sent'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      due: '2026-03-06T16:00:00Z',
    });
  });
});

describe('rule 9e: multi-thread', () => {
  // Three touches to the primary: Fri 02-27, Mon 03-02, Thu 03-05 (email, call, email), 10:00 EST.
  const threeToPrimary = () => silentTouches(3, '2026-03-05T15:00:00Z');
  const notice = () => touch('2026-03-10T14:00:00Z', 'email', 'sent', { purpose: 'multi-thread' });

  it('sends the primary a notice after 3 unanswered touches when a colleague was not touched', () => {
    const d = decideRaw(withEvents(threeToPrimary(), { contacts: twoContacts() }));
    expect(d).toMatchObject({
      action: 'multi-thread',
      rule: 'multi-thread',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-10T14:00:00Z',
      activeList: true,
      message: { template: 'multi-thread' },
    });
    expect(d.model).toBeDefined();
    expect(d.message?.body).toContain('Sue Park');
  });

  it('after the notice, follows up the colleague not touched in the stretch (5 business days later)', () => {
    const d = decideRaw(withEvents([...threeToPrimary(), notice()], { contacts: twoContacts() }));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c2',
      channel: 'call',
      due: '2026-03-17T14:00:00Z',
    });
  });

  it('breaks ties between untouched colleagues by the order of the contact list', () => {
    const d = decideRaw(
      withEvents([...threeToPrimary(), notice()], { contacts: [...twoContacts(), contact('c3')] }),
    );
    expect(d).toMatchObject({ action: 'follow-up', contactId: 'c2' });
  });

  it('then goes back to the least recently touched contact (the primary), by call after two emails', () => {
    const d = decideRaw(
      withEvents(
        [...threeToPrimary(), notice(), to('c2', touch('2026-03-17T14:00:00Z', 'call', 'voicemail'))],
        {
          contacts: twoContacts(),
          now: '2026-03-18T15:00:00Z',
        },
      ),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-26T14:00:00Z',
    });
  });

  it('does not multi-thread when the colleague was already touched in the stretch', () => {
    const d = decideRaw(
      withEvents([to('c2', touch('2026-02-25T15:00:00Z', 'email', 'sent')), ...threeToPrimary()], {
        contacts: twoContacts(),
      }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      due: '2026-03-12T14:00:00Z',
    });
  });

  it('does not multi-thread when the only colleague may not be contacted', () => {
    const d = decideRaw(
      withEvents(threeToPrimary(), { contacts: [primary(), contact('c2', { doNotContact: true })] }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      due: '2026-03-10T14:00:00Z',
    });
  });
});

describe('rule 9f/9g: minimum persistence, then the cost-benefit model', () => {
  it('follows up a reached prospect with 4 unanswered touches (minimum 5)', () => {
    const d = decideRaw(withEvents([met(), ...silentTouches(4, '2026-03-05T15:00:00Z')]));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-12T14:00:00Z',
      model: { attempt: 5, pResponse: 0.1, pWin: 0.2, expectedValue: 480, touchCost: 10 },
    });
  });

  it('lets the model decide for a reached prospect with 5 unanswered touches: EV 384 > cost 10, follow up', () => {
    const d = decideRaw(withEvents([met(), ...silentTouches(5, '2026-03-05T15:00:00Z')]));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'cost-benefit',
      channel: 'call',
      due: '2026-03-16T14:00:00Z',
      model: { attempt: 6, pResponse: 0.08, pWin: 0.2, expectedValue: 384, touchCost: 10 },
    });
  });

  it('follows up a never-reached prospect with 7 unanswered touches (minimum 8)', () => {
    const d = decideRaw(withEvents(silentTouches(7, '2026-03-05T15:00:00Z')));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: '2026-03-25T14:00:00Z',
      model: { attempt: 8, pResponse: 0.04, pWin: 0.1 },
    });
    expect(d.model?.expectedValue).toBeCloseTo(96, 6);
  });

  it('lets the model decide for a never-reached prospect with 8 unanswered touches: EV 72 > 10, follow up', () => {
    const d = decideRaw(withEvents(silentTouches(8, '2026-03-05T15:00:00Z')));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'cost-benefit',
      channel: 'call',
      due: '2026-03-25T14:00:00Z',
      model: { attempt: 9, pResponse: 0.03, pWin: 0.1 },
    });
    expect(d.model?.expectedValue).toBeCloseTo(72, 6);
    expect(d.model?.touchCost).toBeCloseTo(10, 6);
  });

  it("breaks up when the next touch's expected value is below its cost (small deal, costly rep)", () => {
    // Attempt 6, reached: 0.08 x 0.2 x 1,000 = 16 < 5 min x 600/h = 50.
    const d = decideRaw(
      withEvents([met(), ...silentTouches(5, '2026-03-05T15:00:00Z')], {
        prospect: { dealValue: 1000 },
        rep: { hourlyValue: 600 },
      }),
    );
    expect(d).toMatchObject({
      action: 'break-up',
      rule: 'cost-benefit',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-16T14:00:00Z',
      activeList: true,
      message: { template: 'break-up' },
      model: { attempt: 6, pResponse: 0.08, pWin: 0.2 },
    });
    expect(d.model?.expectedValue).toBeCloseTo(16, 6);
    expect(d.model?.touchCost).toBeCloseTo(50, 6);
  });

  it('breaks up a never-reached prospect at attempt 9 when EV 6 < cost 10', () => {
    const d = decideRaw(
      withEvents(silentTouches(8, '2026-03-05T15:00:00Z'), { prospect: { dealValue: 2000 } }),
    );
    expect(d).toMatchObject({ action: 'break-up', rule: 'cost-benefit', due: '2026-03-25T14:00:00Z' });
    expect(d.model?.expectedValue).toBeCloseTo(6, 6);
  });

  it('uses the default deal value 10,000 and hourly value 100 when none are given', () => {
    // Attempt 9, never reached: 0.03 x 0.1 x 10,000 = 30 > 5 min x 100/h = 8.33.
    const d = decideRaw(
      withEvents(silentTouches(8, '2026-03-05T15:00:00Z'), {
        prospect: { dealValue: null },
        rep: { hourlyValue: null },
      }),
    );
    expect(d).toMatchObject({ action: 'follow-up', rule: 'cost-benefit' });
    expect(d.model?.expectedValue).toBeCloseTo(30, 6);
    expect(d.model?.touchCost).toBeCloseTo(500 / 60, 2);
  });

  it("prices an email at 4 minutes of the rep's time", () => {
    // Last two touches to c1 were calls: the next is an email, 4 min x 120/h = 8.
    const d = decideRaw(
      withEvents([
        ...silentTouches(6, '2026-02-27T15:00:00Z'),
        touch('2026-03-02T15:00:00Z', 'call', 'voicemail'),
        touch('2026-03-05T15:00:00Z', 'call', 'no-answer'),
      ]),
    );
    expect(d).toMatchObject({ action: 'follow-up', rule: 'cost-benefit', channel: 'email' });
    expect(d.model?.touchCost).toBeCloseTo(8, 6);
  });
});

describe('channel', () => {
  it('writes an email when the last two unanswered touches to the contact were calls', () => {
    const d = decideRaw(
      withEvents([
        touch('2026-03-02T15:00:00Z', 'email', 'sent'),
        touch('2026-03-05T15:00:00Z', 'call', 'voicemail'),
        touch('2026-03-06T15:00:00Z', 'call', 'no-answer'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'email',
      due: '2026-03-11T14:00:00Z',
    });
  });

  it('calls after two unanswered emails (email silence is not disinterest)', () => {
    const d = decideRaw(
      withEvents([
        touch('2026-03-02T15:00:00Z', 'call', 'voicemail'),
        touch('2026-03-05T15:00:00Z', 'email', 'sent'),
        touch('2026-03-06T15:00:00Z', 'email', 'sent'),
      ]),
    );
    expect(d).toMatchObject({ action: 'follow-up', channel: 'call', due: '2026-03-11T14:00:00Z' });
  });

  it('writes an email to a contact with no phone', () => {
    const d = decideRaw(withEvents([], { contacts: [primary({ phone: null })] }));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      contactId: 'c1',
      channel: 'email',
      due: NOW,
    });
  });

  it("looks only at the target contact's own touches", () => {
    // The prospect's last two touches were calls, but c1's last two were an email and a call.
    const d = decideRaw(
      withEvents(
        [
          touch('2026-03-02T15:00:00Z', 'email', 'sent'),
          touch('2026-03-04T15:00:00Z', 'call', 'voicemail'),
          to('c2', touch('2026-03-05T15:00:00Z', 'call', 'voicemail')),
        ],
        { contacts: twoContacts() },
      ),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-10T14:00:00Z',
    });
  });

  it('calls after a bounced email', () => {
    const d = decideRaw(
      withEvents([
        touch('2026-03-05T15:00:00Z', 'email', 'sent'),
        touch('2026-03-06T15:00:00Z', 'email', 'bounced'),
      ]),
    );
    expect(d).toMatchObject({ action: 'follow-up', channel: 'call' });
  });

  it('calls after a bounced email even when the two touches before it were calls', () => {
    // Read literally: "the next touch to that contact is a call". Spacing runs from the last real touch.
    const d = decideRaw(
      withEvents([
        touch('2026-03-02T15:00:00Z', 'email', 'sent'),
        touch('2026-03-04T15:00:00Z', 'call', 'voicemail'),
        touch('2026-03-05T15:00:00Z', 'call', 'no-answer'),
        touch('2026-03-06T15:00:00Z', 'email', 'bounced'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: '2026-03-10T14:00:00Z',
    });
  });

  it('does not count a bounced email as a touch (7 real touches stay under the minimum of 8)', () => {
    const d = decideRaw(
      withEvents([
        ...silentTouches(7, '2026-03-05T15:00:00Z'),
        touch('2026-03-06T15:00:00Z', 'email', 'bounced'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: '2026-03-25T14:00:00Z',
      model: { attempt: 8 },
    });
  });
});

describe('spacing', () => {
  // The last of k touches (3 days apart) on Wed 2026-03-04 10:00 EST; the next is due k-th spacing
  // business days later at 10:00 local (EDT from 03-08).
  it.each([
    [1, '2026-03-05T15:00:00Z'],
    [2, '2026-03-06T15:00:00Z'],
    [3, '2026-03-09T14:00:00Z'],
    [4, '2026-03-11T14:00:00Z'],
    [5, '2026-03-13T14:00:00Z'],
    [6, '2026-03-18T14:00:00Z'],
    [7, '2026-03-24T14:00:00Z'],
    [8, '2026-03-24T14:00:00Z'],
  ])('after %i unanswered touches, the next is due at %s', (k, due) => {
    const d = decideRaw(withEvents(silentTouches(k, '2026-03-04T15:00:00Z')));
    expect(d).toMatchObject({ action: 'follow-up', contactId: 'c1', channel: 'call', due });
  });

  it('skips the weekend (Fri 10:00 EST -> Mon 10:00 EST)', () => {
    const d = decideRaw(withEvents([touch('2026-02-27T15:00:00Z', 'email', 'sent')]));
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-02T15:00:00Z' });
  });

  it('skips the weekend across the spring DST change (Fri 10:00 EST -> Mon 10:00 EDT)', () => {
    const d = decideRaw(withEvents([touch('2026-03-06T15:00:00Z', 'email', 'sent')]));
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-09T14:00:00Z' });
  });

  it('keeps the local time across the autumn DST change (Fri 10:00 EDT -> Mon 10:00 EST)', () => {
    const d = decideRaw(
      withEvents([touch('2026-10-30T14:00:00Z', 'email', 'sent')], { now: '2026-10-30T15:00:00Z' }),
    );
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-11-02T15:00:00Z' });
  });

  it('skips a holiday listed in the playbook (Fri -> Tue when Monday is a holiday)', () => {
    const text = DEFAULT_PLAYBOOK_TEXT.replace('holidays: []', "holidays: ['2026-03-09']");
    expect(text).not.toBe(DEFAULT_PLAYBOOK_TEXT);
    const d = decideRaw(withEvents([touch('2026-03-06T15:00:00Z', 'email', 'sent')]), loadPlaybook(text));
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-10T14:00:00Z' });
  });

  it('moves a 19:30 time to the next window opening (Wed 08:00 EDT)', () => {
    const d = decideRaw(withEvents([touch('2026-03-09T23:30:00Z', 'email', 'sent')]));
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-11T12:00:00Z' });
  });

  it('moves a 07:00 time to the same day window opening (Tue 08:00 EDT)', () => {
    const d = decideRaw(withEvents([touch('2026-03-09T11:00:00Z', 'email', 'sent')]));
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-10T12:00:00Z' });
  });

  it("uses the contact's zone (Tokyo: Mon 10:00 JST -> Tue 10:00 JST)", () => {
    const d = decideRaw(
      withEvents([touch('2026-03-09T01:00:00Z', 'email', 'sent')], {
        contacts: [primary({ timezone: 'Asia/Tokyo' })],
      }),
    );
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-10T01:00:00Z' });
  });

  it("uses the rep's zone for a contact without one (Denver: Mon 17:30 MDT -> Tue 17:30 MDT)", () => {
    const d = decideRaw(
      withEvents([touch('2026-03-09T23:30:00Z', 'email', 'sent')], {
        contacts: [primary({ timezone: null })],
      }),
    );
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-10T23:30:00Z' });
  });

  it('makes the first touch of an empty stretch due now', () => {
    const d = decideRaw(withEvents([]));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: NOW,
      model: { attempt: 1 },
    });
  });

  it('moves the first touch of an empty stretch into the window when now is outside it', () => {
    const d = decideRaw(withEvents([], { now: '2026-03-10T23:00:00Z' }));
    expect(d).toMatchObject({ action: 'follow-up', due: '2026-03-11T12:00:00Z' });
  });
});

describe('diagnosis', () => {
  const all = Object.values(DIAGNOSES);
  const silence = () => silentTouches(2, '2026-03-05T15:00:00Z');

  it('lists all four missing items when the conversation has no meeting details logged', () => {
    const d = decideRaw(withEvents([met(), ...silence()]));
    expect(d.rule).toBe('minimum-persistence');
    expect([...(d.diagnosis ?? [])].sort()).toEqual([...all].sort());
  });

  it('lists only the missing commitment when the meeting had agenda, objective, POWNs and tailored info', () => {
    const meeting = {
      agendaShared: true,
      objective: 'agree scope',
      powns: ['slow quoting'],
      infoTailored: true,
    };
    const d = decideRaw(
      withEvents([touch('2026-02-09T16:00:00Z', 'meeting', 'held', { meeting }), ...silence()]),
    );
    expect(d.diagnosis).toEqual([DIAGNOSES.commitment]);
  });

  it('lists agenda, POWNs and information when only a commitment was obtained', () => {
    const meeting = { agendaShared: false, objective: 'agree scope', powns: [], infoTailored: false };
    const d = decideRaw(
      withEvents([
        touch('2026-02-09T16:00:00Z', 'meeting', 'held', { meeting }),
        commitment('2026-02-09T17:00:00Z', 'other', '2026-02-20T15:00:00Z'),
        ...silence(),
      ]),
    );
    expect(d.rule).toBe('minimum-persistence');
    expect([...(d.diagnosis ?? [])].sort()).toEqual(
      [DIAGNOSES.agenda, DIAGNOSES.powns, DIAGNOSES.info].sort(),
    );
  });

  it('is empty (but present) when nothing was missing', () => {
    const meeting = {
      agendaShared: true,
      objective: 'agree scope',
      powns: ['slow quoting'],
      infoTailored: true,
    };
    const d = decideRaw(
      withEvents([
        touch('2026-02-09T16:00:00Z', 'meeting', 'held', { meeting }),
        commitment('2026-02-09T17:00:00Z', 'other', '2026-02-20T15:00:00Z'),
        ...silence(),
      ]),
    );
    expect(d.rule).toBe('minimum-persistence');
    expect(d.diagnosis).toEqual([]);
  });

  it('lists information as missing when it was sent before any commitment, even if tailored', () => {
    const meeting = {
      agendaShared: true,
      objective: 'agree scope',
      powns: ['slow quoting'],
      infoTailored: true,
    };
    const d = decideRaw(
      withEvents([
        touch('2026-02-09T16:00:00Z', 'meeting', 'held', { meeting }),
        touch('2026-03-04T15:00:00Z', 'email', 'sent', { purpose: 'send-info' }),
        touch('2026-03-05T15:00:00Z', 'call', 'voicemail'),
      ]),
    );
    expect(d.rule).toBe('minimum-persistence');
    expect([...(d.diagnosis ?? [])].sort()).toEqual([DIAGNOSES.commitment, DIAGNOSES.info].sort());
  });

  it('counts a commitment by the rep alone as missing', () => {
    const meeting = {
      agendaShared: true,
      objective: 'agree scope',
      powns: ['slow quoting'],
      infoTailored: true,
    };
    const d = decideRaw(
      withEvents([
        touch('2026-02-09T16:00:00Z', 'meeting', 'held', { meeting }),
        commitment('2026-02-09T17:00:00Z', 'other', '2026-02-20T15:00:00Z', { by: 'rep' }),
        ...silence(),
      ]),
    );
    expect(d.diagnosis).toEqual([DIAGNOSES.commitment]);
  });

  it('comes with every rule-9 action of a reached prospect (empathy, multi-thread, break-up)', () => {
    const multi = decideRaw(
      withEvents([met(), ...silentTouches(3, '2026-03-05T15:00:00Z')], { contacts: twoContacts() }),
    );
    expect(multi.action).toBe('multi-thread');
    expect(multi.diagnosis).toHaveLength(4);
    const breakUp = decideRaw(
      withEvents([met('2025-12-01T16:00:00Z'), ...silentTouches(12, '2026-02-10T15:00:00Z')]),
    );
    expect(breakUp).toMatchObject({ action: 'break-up', rule: 'hard-maximum' });
    expect(breakUp.diagnosis).toHaveLength(4);
  });

  it('is absent for a prospect never reached', () => {
    const d = decideRaw(withEvents(silence()));
    expect(d.rule).toBe('minimum-persistence');
    expect(d.diagnosis).toBeUndefined();
  });
});

describe('the first touch of a prospect nobody has heard from', () => {
  it('introduces the rep rather than "following up"', () => {
    const d = decideRaw(scenario({ events: [] }));
    expect(d).toMatchObject({ action: 'follow-up', rule: 'minimum-persistence' });
    expect(d.message).toMatchObject({ template: 'follow-up', variant: 'first-touch' });
    expect(d.message?.body).not.toMatch(/following up/i);
    expect(d.message?.voicemail).not.toMatch(/following up/i);
  });

  it('follows up once a touch has gone out', () => {
    const d = decideRaw(withEvents([touch('2026-03-06T15:00:00Z', 'email', 'sent')]));
    expect(d.message?.template).toBe('follow-up');
    expect(d.message?.variant).toBeUndefined();
  });

  it('uses the follow-up template in a playbook written before first-touch existed', () => {
    const withoutFirstTouch = DEFAULT_PLAYBOOK_TEXT.replace(
      /\n {2}# The first touch[\s\S]*?(?=\n {2}speed-to-lead:)/,
      '',
    );
    expect(withoutFirstTouch).not.toContain('first-touch:');
    const d = decideRaw(scenario({ events: [] }), loadPlaybook(withoutFirstTouch));
    expect(d.message?.variant).toBe('first-touch');
    expect(d.message?.subject).toBe('Following up');
  });
});
