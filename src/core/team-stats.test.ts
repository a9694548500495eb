import { describe, expect, it } from 'vitest';
import { teamStats } from './team-stats.js';
import type { StatEvent, StatProspect } from './team-stats.js';

const H = 3_600_000;
const touch = (at: number, extra: Partial<StatEvent> = {}): StatEvent => ({
  type: 'touch',
  at,
  channel: 'email',
  outcome: 'sent',
  ...extra,
});
const reply = (at: number, sentiment = 'positive'): StatEvent => ({ type: 'response', at, sentiment });
const prospect = (ownerId: string, events: StatEvent[], extra: Partial<StatProspect> = {}): StatProspect => ({
  ownerId,
  source: 'outbound',
  createdAt: 0,
  events,
  ...extra,
});
const stats = (ps: StatProspect[], overdue = new Map<string, number>()) =>
  teamStats(ps, overdue, { touches: 5, speedToLeadMinutes: 5 });

describe('team stats', () => {
  it('counts the unanswered touches before each break-up message, per rep', () => {
    const s = stats([
      prospect('dana', [touch(1), touch(2), touch(3, { purpose: 'break-up' })]),
      prospect('dana', [touch(1), reply(2), touch(3), touch(4, { purpose: 'break-up' })]),
      prospect('eli', [touch(1, { purpose: 'break-up' })]),
    ]);
    const by = new Map(s.reps.map((r) => [r.ownerId, r]));
    expect(by.get('dana')?.touchesBeforeGivingUp).toEqual([3, 2]);
    expect(by.get('eli')?.touchesBeforeGivingUp).toEqual([1]);
  });

  it('gives the response rate by attempt: the touch before a reply is the one it answered', () => {
    const s = stats([
      prospect('dana', [touch(1), reply(2), touch(3), touch(4)]),
      prospect('dana', [touch(1), touch(2), reply(3)]),
      prospect('dana', [
        touch(1, { outcome: 'bounced' }),
        touch(2, { channel: 'call', outcome: 'connected' }),
      ]),
    ]);
    expect(s.byAttempt.slice(0, 3)).toEqual([
      { attempt: 1, touches: 3, responses: 1 },
      { attempt: 2, touches: 2, responses: 1 },
      { attempt: 3, touches: 0, responses: 0 },
    ]);
  });

  it('measures speed to lead from arrival to the first call, for inbound leads only', () => {
    const s = stats([
      prospect('dana', [touch(10 * 60_000, { channel: 'call', outcome: 'voicemail' })], {
        source: 'inbound',
      }),
      prospect('dana', [touch(H)], { source: 'inbound' }),
      prospect('dana', [touch(60_000, { channel: 'call', outcome: 'voicemail' })]),
    ]);
    expect(s.reps[0]).toMatchObject({ inboundLeads: 2, minutesToFirstCall: [10] });
  });

  it('tells what happened after break-up messages', () => {
    const s = stats([
      prospect('dana', [touch(1, { purpose: 'break-up' }), reply(2, 'not-now')]),
      prospect('dana', [touch(1, { purpose: 'break-up' })]),
      prospect('dana', [touch(1, { purpose: 'break-up' }), reply(2, 'positive')]),
    ]);
    expect(s.afterBreakUp).toEqual({ sent: 3, unanswered: 1, answered: { 'not-now': 1, positive: 1 } });
  });

  it('lists overdue actions for reps with no history too', () => {
    const s = stats([], new Map([['tom', 4]]));
    expect(s.reps).toEqual([expect.objectContaining({ ownerId: 'tom', overdue: 4 })]);
  });
});
