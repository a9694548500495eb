// Rules 7 and 8 of PLAYBOOK.md: speed to lead (an inbound lead is called within 5 minutes, or at the
// next window opening, while it is new: newForDays) and a conversation without a commitment (secure a dated next step by the end of
// the next business day).

import { describe, expect, it } from 'vitest';
import {
  commitment,
  contact,
  decideRaw,
  DEFAULT_PLAYBOOK,
  DEFAULT_PLAYBOOK_TEXT,
  NOW,
  scenario,
  touch,
} from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';
import { loadPlaybook } from '../playbook/load.js';

const inbound = (createdAt: string, extra: Json = {}) =>
  scenario({ prospect: { source: 'inbound', createdAt }, ...extra });

describe('rule 7: speed to lead', () => {
  it('calls a new inbound lead, due 5 minutes after it arrived', () => {
    const d = decideRaw(inbound('2026-03-10T14:58:00Z'));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'speed-to-lead',
      contactId: 'c1',
      channel: 'call',
      due: '2026-03-10T15:03:00Z',
      activeList: true,
    });
  });

  it('keeps the 5-minute due (now overdue) for an inbound lead still not touched a day later', () => {
    const d = decideRaw(inbound('2026-03-09T14:00:00Z'));
    expect(d).toMatchObject({ action: 'follow-up', rule: 'speed-to-lead', due: '2026-03-09T14:05:00Z' });
  });

  it('keeps it for a lead untouched 14 days, and no longer after: an old lead (an imported backlog) is followed up now', () => {
    expect(decideRaw(inbound('2026-02-24T15:00:00Z'))).toMatchObject({ rule: 'speed-to-lead' });
    const old = decideRaw(inbound('2026-02-10T15:00:00Z'));
    expect(old).toMatchObject({ action: 'follow-up', due: '2026-03-10T15:00:00Z' });
    expect(old.rule).not.toBe('speed-to-lead');
    expect(old.reason).not.toMatch(/5 minutes/);
    // A playbook without newForDays keeps every untouched lead new.
    const always = loadPlaybook(DEFAULT_PLAYBOOK_TEXT.replace(/^ {2}newForDays: 14\n/m, ''));
    expect(decideRaw(inbound('2026-02-10T15:00:00Z'), always)).toMatchObject({ rule: 'speed-to-lead' });
  });

  it('is due at the next window opening for a lead that arrived at 19:30 (Tue 08:00 EDT)', () => {
    const d = decideRaw(inbound('2026-03-09T23:30:00Z'));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'speed-to-lead',
      channel: 'call',
      due: '2026-03-10T12:00:00Z',
    });
  });

  it('is due on Monday 08:00 for a lead that arrived on Saturday', () => {
    const d = decideRaw(inbound('2026-03-07T15:00:00Z'));
    expect(d).toMatchObject({ action: 'follow-up', rule: 'speed-to-lead', due: '2026-03-09T12:00:00Z' });
  });

  it("uses the contact's time zone for the window (London: 07:30 GMT -> 08:00 GMT)", () => {
    const d = decideRaw(
      inbound('2026-03-10T07:30:00Z', {
        contacts: [contact('c1', { role: 'primary', timezone: 'Europe/London' })],
      }),
    );
    expect(d).toMatchObject({ action: 'follow-up', rule: 'speed-to-lead', due: '2026-03-10T08:00:00Z' });
  });

  it('carries the model numbers of the call', () => {
    const d = decideRaw(inbound('2026-03-10T14:58:00Z'));
    expect(d.model).toMatchObject({ attempt: 1, pResponse: 0.15, pWin: 0.1 });
  });

  it('still applies after only a bounced email (a bounced email is not a touch)', () => {
    const d = decideRaw(
      inbound('2026-03-10T14:50:00Z', { events: [touch('2026-03-10T14:52:00Z', 'email', 'bounced')] }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'speed-to-lead',
      channel: 'call',
      due: '2026-03-10T14:55:00Z',
    });
  });

  it('does not apply to an outbound prospect: the first follow-up is due now', () => {
    const d = decideRaw(scenario({ prospect: { source: 'outbound', createdAt: '2026-03-10T14:58:00Z' } }));
    expect(d).toMatchObject({ action: 'follow-up', rule: 'minimum-persistence', contactId: 'c1', due: NOW });
  });

  it('does not apply once the inbound lead has a touch: spacing takes over (1 business day later)', () => {
    const d = decideRaw(
      inbound('2026-03-10T14:50:00Z', { events: [touch('2026-03-10T14:55:00Z', 'call', 'no-answer')] }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: '2026-03-11T14:55:00Z',
    });
  });
});

describe('rule 8: conversation without a commitment', () => {
  it('asks for a dated next step after a meeting with no commitment, by call, with its draft', () => {
    const d = decideRaw(scenario({ events: [touch('2026-03-09T16:00:00Z', 'meeting', 'held')] }));
    expect(d).toMatchObject({
      action: 'schedule-next-step',
      rule: 'schedule-next-step',
      contactId: 'c1',
      channel: 'call',
      activeList: true,
      message: { template: 'schedule-next-step' },
    });
    expect(d.message?.voicemail).toBeDefined();
  });

  it('asks the contact who spoke, by email when they have no phone', () => {
    const d = decideRaw(
      scenario({
        contacts: [contact('c1', { role: 'primary' }), contact('c2', { phone: null })],
        events: [touch('2026-03-09T16:00:00Z', 'call', 'connected', { contactId: 'c2' })],
      }),
    );
    expect(d).toMatchObject({
      action: 'schedule-next-step',
      rule: 'schedule-next-step',
      contactId: 'c2',
      channel: 'email',
    });
  });

  it('does not apply when the prospect committed to a step at or after the conversation', () => {
    const d = decideRaw(
      scenario({
        events: [
          touch('2026-03-09T16:00:00Z', 'meeting', 'held'),
          commitment('2026-03-09T16:30:00Z', 'reply-by', '2026-03-13'),
        ],
      }),
    );
    expect(d).toMatchObject({ action: 'wait', rule: 'commitment-wait' });
  });

  it('does not apply once an outbound touch followed the conversation: rule 9 follows up', () => {
    // Reached, one unanswered touch (Mon 12:00 EDT): next due 1 business day later.
    const d = decideRaw(
      scenario({
        events: [
          touch('2026-03-06T16:00:00Z', 'meeting', 'held'),
          touch('2026-03-09T16:00:00Z', 'email', 'sent'),
        ],
      }),
    );
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      channel: 'call',
      due: '2026-03-10T16:00:00Z',
    });
  });

  it('does not treat a no-show meeting as a conversation', () => {
    const d = decideRaw(scenario({ events: [touch('2026-03-09T16:00:00Z', 'meeting', 'no-show')] }));
    expect(d).toMatchObject({
      action: 'follow-up',
      rule: 'minimum-persistence',
      due: '2026-03-10T16:00:00Z',
    });
  });
});

describe('speed to lead outside business hours', () => {
  it('calls a lead that arrived just before the window opens at the opening, not 5 minutes after it', () => {
    const d = decideRaw(
      scenario({
        now: '2026-03-10T11:59:00Z',
        prospect: { source: 'inbound', createdAt: '2026-03-10T11:58:00Z' },
      }),
    );
    expect(d).toMatchObject({ action: 'follow-up', rule: 'speed-to-lead', due: '2026-03-10T12:00:00Z' });
  });
});

describe('schedule-next-step is due by the end of the next business day, inside a business window', () => {
  // The same time of day one business day after the conversation (18:00 itself is outside the
  // [08:00, 18:00) window), or the next opening when the conversation was outside business hours.
  it.each([
    [
      'a Monday meeting: Tuesday, same time',
      '2026-03-09T16:00:00Z',
      'meeting',
      'held',
      '2026-03-10T16:00:00Z',
    ],
    [
      'a Friday call (EST): Monday, same local time (EDT)',
      '2026-03-06T16:00:00Z',
      'call',
      'connected',
      '2026-03-09T15:00:00Z',
    ],
    [
      "today's call: Wednesday, same time",
      '2026-03-10T14:31:00Z',
      'call',
      'connected',
      '2026-03-11T14:31:00Z',
    ],
    [
      'a call at 19:00 EDT on Monday: Tuesday 08:00',
      '2026-03-09T23:00:00Z',
      'call',
      'connected',
      '2026-03-10T12:00:00Z',
    ],
  ])('after %s', (_, at, channel, outcome, due) => {
    const d = decideRaw(scenario({ events: [touch(at, channel, outcome)] }));
    expect(d).toMatchObject({ action: 'schedule-next-step', rule: 'schedule-next-step', due });
    expect(DEFAULT_PLAYBOOK.calendar.inWindow('America/New_York', Date.parse(due))).toBe(true);
  });

  it("uses the contact's zone (London)", () => {
    const d = decideRaw(
      scenario({
        contacts: [contact('c1', { role: 'primary', timezone: 'Europe/London' })],
        events: [touch('2026-03-09T16:00:00Z', 'meeting', 'held')],
      }),
    );
    expect(d).toMatchObject({ action: 'schedule-next-step', due: '2026-03-10T16:00:00Z' });
  });
});
