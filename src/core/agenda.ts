// How a decision ranks in a rep's day: time-critical work first (a reply to answer, a committed
// call and its preparation, a new lead); then ending the chases the engine has decided to end (the
// break-up) and the few touches a calibrated model makes to keep learning (exploration); then the
// rest by what the rep's time earns (expected value per minute), overdue-ness only breaking ties.
// The middle class exists because both rank, by their own value, below what the rest of a full day
// earns: ranked by value alone they would never be reached, and a chase the engine ended would
// never be told so. Pure: the app sorts stored decisions with it.

import type { Decision } from './decision.js';

// Answering a reply, making or preparing a committed call, and calling a new lead cannot wait.
const TIME_CRITICAL: ReadonlySet<string> = new Set([
  'respond',
  'referral',
  'committed-call',
  'commitment-prepare',
  'speed-to-lead',
]);

export interface AgendaRank {
  /** 0: time-critical; 1: a break-up or an exploring touch; 2: the rest. */
  urgency: number;
  /** Expected value per minute of the rep's time (0 when the model has no say). */
  valuePerMinute: number;
}

export function agendaRank(decision: Decision): AgendaRank {
  const m = decision.model;
  return {
    urgency: TIME_CRITICAL.has(decision.rule)
      ? 0
      : decision.action === 'break-up' || decision.rule === 'exploration'
        ? 1
        : 2,
    valuePerMinute: m === undefined || m.minutes === 0 ? 0 : m.expectedValue / m.minutes,
  };
}

export interface Rankable {
  urgency: number;
  valuePerMinute: number;
  due: number | null;
}

/** Sort order for a day: urgency, then value per minute (high first), then the most overdue first. */
export function compareAgenda(a: Rankable, b: Rankable): number {
  return (
    a.urgency - b.urgency ||
    b.valuePerMinute - a.valuePerMinute ||
    (a.due ?? Number.POSITIVE_INFINITY) - (b.due ?? Number.POSITIVE_INFINITY)
  );
}

/** Minutes an action takes: the model's for the touch, else the playbook's for its channel. */
export function actionMinutes(decision: Decision, minutesPerTouch: Record<string, number>): number {
  if (decision.model !== undefined) return decision.model.minutes;
  if (decision.channel !== undefined) return minutesPerTouch[decision.channel] ?? 0;
  // Preparing a call is the rep's own work: count it as a call's time.
  return decision.action === 'prepare' ? (minutesPerTouch.call ?? 0) : 0;
}
