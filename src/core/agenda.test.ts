// How a rep's day is ordered: time-critical work, then the short messages that end a chase or keep
// in touch (break-up, disqualify, close-out, check-in, nurture) and the touches made to keep
// learning (exploration), then the rest by value per minute.

import { describe, expect, it } from 'vitest';
import { agendaRank, compareAgenda } from './agenda.js';
import type { Decision } from './decision.js';

function decision(action: string, rule: string, expectedValue?: number): Decision {
  return {
    action,
    rule,
    ...(expectedValue === undefined
      ? {}
      : {
          model: {
            attempt: 9,
            pResponse: 0.03,
            pWin: 0.1,
            dealValue: 10_000,
            expectedValue,
            minutes: 5,
            hourlyValue: 600,
            touchCost: 50,
          },
        }),
  } as unknown as Decision;
}

const rank = (name: string, d: Decision, due = 0) => ({ name, due, ...agendaRank(d) });

describe("a rep's day", () => {
  it('puts time-critical work first, the messages that end a chase or keep in touch next, then the rest by value', () => {
    const day = [
      rank('high-value follow-up', decision('follow-up', 'minimum-persistence', 300)),
      rank('low-value follow-up', decision('follow-up', 'cost-benefit', 60)),
      rank('exploring touch', decision('follow-up', 'exploration', 20)),
      rank('break-up', decision('break-up', 'cost-benefit', 15)),
      rank('hard-maximum break-up', decision('break-up', 'hard-maximum', 5)),
      rank('reply', decision('respond', 'respond')),
      rank('disqualify', decision('disqualify', 'disqualify')),
      rank('check-in', decision('check-in', 'customer-check-in')),
      rank('next step', decision('schedule-next-step', 'schedule-next-step')),
      rank('new lead', decision('follow-up', 'speed-to-lead', 150)),
    ];
    expect([...day].sort(compareAgenda).map((r) => r.name)).toEqual([
      'new lead',
      'reply',
      'next step',
      // Within a class, value per minute.
      'exploring touch',
      'break-up',
      'hard-maximum break-up',
      'disqualify',
      'check-in',
      'high-value follow-up',
      'low-value follow-up',
    ]);
  });

  it('breaks ties of value by how overdue the action is', () => {
    const a = rank('older', decision('follow-up', 'minimum-persistence', 100), 1000);
    const b = rank('newer', decision('follow-up', 'minimum-persistence', 100), 2000);
    expect([b, a].sort(compareAgenda).map((r) => r.name)).toEqual(['older', 'newer']);
  });
});
