// How a rep's day is ordered:
// 0. time-critical work: a reply to answer, a committed call and its preparation, a new lead, and
//    the dated next step to secure after a conversation;
// 1. the short messages that keep Pursuit's promises: ending a chase politely (break-up, disqualify,
//    close-out), a customer's check-in, a nurture touch, and the few touches a calibrated model makes
//    to keep learning (exploration);
// 2. the rest, by what the rep's time earns (expected value per minute).
// Overdue-ness only breaks ties. Class 1 exists because its actions rank, by their own value, below
// what the rest of a full day earns: ranked by value alone they would never be reached, a prospect
// the engine let go would never be told so, and a customer would never hear from us.
// Pure: the app sorts stored decisions with it.

import type { Decision } from './decision.js';

// Answering a reply, making or preparing a committed call, calling a new lead and securing the next
// step while the conversation is fresh cannot wait.
const TIME_CRITICAL: ReadonlySet<string> = new Set([
  'respond',
  'referral',
  'committed-call',
  'commitment-prepare',
  'speed-to-lead',
  'schedule-next-step',
]);

/** The actions of class 1 (besides exploring touches): ending a chase politely, keeping in touch. */
const PROMISES: ReadonlySet<string> = new Set(['break-up', 'disqualify', 'close-out', 'check-in', 'nurture']);

export interface AgendaRank {
  /** 0: time-critical; 1: ending a chase, keeping in touch, or exploring; 2: the rest. */
  urgency: number;
  /** Expected value per minute of the rep's time (0 when the model has no say). */
  valuePerMinute: number;
}

export function agendaRank(decision: Decision): AgendaRank {
  const m = decision.model;
  return {
    urgency: TIME_CRITICAL.has(decision.rule)
      ? 0
      : PROMISES.has(decision.action) || decision.rule === 'exploration'
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

/** What an action's minutes follow from: the model's minutes for the touch, its channel, its action. */
export interface Timed {
  modelMinutes: number | null;
  channel: string | null;
  action: string;
}

/** Minutes an action takes: the model's for the touch, else the playbook's for its channel. */
export function actionMinutes(decision: Decision, minutesPerTouch: Record<string, number>): number {
  return timedMinutes(
    {
      modelMinutes: decision.model === undefined ? null : decision.model.minutes,
      channel: decision.channel ?? null,
      action: decision.action,
    },
    minutesPerTouch,
  );
}

/** actionMinutes from the few fields it needs (as the agenda reads a day without its decisions). */
export function timedMinutes(a: Timed, minutesPerTouch: Record<string, number>): number {
  if (a.modelMinutes !== null) return a.modelMinutes;
  if (a.channel !== null) return minutesPerTouch[a.channel] ?? 0;
  // Preparing a call is the rep's own work: count it as a call's time.
  return a.action === 'prepare' ? (minutesPerTouch.call ?? 0) : 0;
}
