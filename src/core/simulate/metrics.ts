// What one run of one policy achieved, counted against the truth: revenue and wins per rep-hour,
// touches spent on prospects who never answer, and prospects the policy stopped chasing who would
// have answered a later touch of the playbook's full chase (up to its hard maximum and break-up).

import type { Playbook } from '../playbook/load.js';
import { nextChannel } from './chase.js';
import type { Chase } from './chase.js';
import type { CalibrationNote } from './learn.js';
import { answers } from './leads.js';
import type { Policy } from './policies.js';
import type { World } from './world.js';

export interface RunMetrics {
  policy: string;
  seed: number;
  /** Reps x hours a day x days: the time every policy had. */
  repHours: number;
  revenue: number;
  wins: number;
  revenuePerRepHour: number;
  winsPerRepHour: number;
  leads: number;
  touches: number;
  responses: number;
  touchesOnNeverResponders: number;
  /** Prospects the policy stopped chasing without a response (dropped, broken up, nurtured). */
  dropped: number;
  droppedWhoWouldHaveAnswered: number;
  /** Leads still waiting for their first touch at the end: the backlog the reps never reached. */
  neverTouched: number;
  /** Touches the engine made only to explore (rule `exploration`), and what they cost and brought. */
  exploration: Exploration;
  calibrations: CalibrationNote[];
}

export interface Exploration {
  touches: number;
  minutes: number;
  /** Those minutes at the rep's hourly value of the day: what the time could have earned elsewhere. */
  timeValue: number;
  responses: number;
  revenue: number;
}

export const noExploration = (): Exploration => ({
  touches: 0,
  minutes: 0,
  timeValue: 0,
  responses: 0,
  revenue: 0,
});

export interface MeasureInput {
  world: World;
  playbook: Playbook;
  policy: Policy;
  seed: number;
  chases: readonly Chase[];
  counts: {
    touches: number;
    touchesOnNeverResponders: number;
    responses: number;
    wins: number;
    revenue: number;
  };
  exploration: Exploration;
  calibrations: CalibrationNote[];
}

/** Whether a later touch of the full chase (up to the hard maximum's break-up) would have been answered. */
export function wouldHaveAnswered(world: World, seed: number, chase: Chase, lastAttempt: number): boolean {
  if (!chase.lead.canRespond) return false;
  const channels = [...chase.channels];
  for (let attempt = chase.attempts + 1; attempt <= lastAttempt; attempt += 1) {
    const channel = nextChannel(channels);
    if (answers(world, seed, chase.lead, attempt, channel)) return true;
    channels.push(channel);
  }
  return false;
}

/** Whether the policy stopped chasing: dropped, or (the engine) broke up or decided to. */
function stopped(chase: Chase, policy: Policy): boolean {
  if (chase.ending === 'dropped') return true;
  // A fixed rule sends the hard maximum's break-up as one more follow-up: only its own limit stops.
  if (policy.kind === 'fixed' || chase.ending !== 'active') return false;
  return chase.brokenUp || chase.decision?.action === 'break-up';
}

export function measure(input: MeasureInput): RunMetrics {
  const { world, playbook, seed, chases, counts } = input;
  const lastAttempt = playbook.doc.followUp.hardMaximum + 1;
  let dropped = 0;
  let droppedWhoWouldHaveAnswered = 0;
  let neverTouched = 0;
  for (const chase of chases) {
    if (chase.ending === 'active' && chase.attempts === 0) neverTouched += 1;
    if (!stopped(chase, input.policy)) continue;
    dropped += 1;
    if (wouldHaveAnswered(world, seed, chase, lastAttempt)) droppedWhoWouldHaveAnswered += 1;
  }
  const repHours = world.reps * world.hoursPerDay * world.days;
  return {
    policy: input.policy.id,
    seed,
    repHours,
    revenue: counts.revenue,
    wins: counts.wins,
    revenuePerRepHour: counts.revenue / repHours,
    winsPerRepHour: counts.wins / repHours,
    leads: chases.length,
    touches: counts.touches,
    responses: counts.responses,
    touchesOnNeverResponders: counts.touchesOnNeverResponders,
    dropped,
    droppedWhoWouldHaveAnswered,
    neverTouched,
    exploration: input.exploration,
    calibrations: input.calibrations,
  };
}
