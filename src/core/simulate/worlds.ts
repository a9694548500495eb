// The named worlds of `pursuit simulate`. Each is a plausible team, documented here and in the
// README; the response truths deliberately differ from the playbook's prior (which has no source or
// channel effects and one curve for everyone), so that calibration has something to learn. A
// quarter is 63 business days (13 weeks less two holidays). Every world but "idle" brings more
// leads than its reps can work: a full chase of 8 touches costs about 37 minutes of calls and
// emails (playbook minutes), before any conversation it earns.

import type { World } from './world.js';

/**
 * A mid-market B2B team with mixed sources. Outbound lists are mostly people who will never answer
 * (70%); inbound and referred leads mostly can. Those who can answer do so more to calls than to
 * emails, and less with each touch. 8 leads a rep a day against 4 hours: about 330 minutes of work
 * for 240.
 */
export const DEFAULT_WORLD: World = {
  name: 'default',
  description: 'a mid-market B2B team with mixed sources: 8 leads a rep a day for 4 hours of follow-up',
  days: 63,
  reps: 10,
  hoursPerDay: 4,
  leadsPerRepPerDay: 8,
  sourceMix: { inbound: 0.3, outbound: 0.5, referral: 0.1, event: 0.1 },
  neverRespond: { inbound: 0.35, outbound: 0.7, referral: 0.2, event: 0.5 },
  hazard: {
    call: [0.3, 0.26, 0.22, 0.19, 0.17, 0.15, 0.13, 0.12, 0.11, 0.1, 0.09, 0.08],
    email: [0.16, 0.14, 0.12, 0.11, 0.1, 0.09, 0.08, 0.07, 0.06, 0.06, 0.05, 0.05],
  },
  dealValue: { median: 12_000, spread: 0.8, min: 1_000, max: 250_000 },
  winRate: 0.2,
  conversationMinutes: 45,
  closeDays: 30,
  calibrateEveryDays: 30,
};

/**
 * A high-volume inbound SDR team: form fills and trial sign-ups, 15 a rep a day against 6 hours.
 * Many are junk (40% never answer), and interest fades fast: the first call, made at once, is by
 * far the best chance (45% of those who can answer), later touches much less than the prior says.
 * Small deals, short cycles.
 */
export const INBOUND_WORLD: World = {
  name: 'inbound',
  description: 'a high-volume inbound SDR team: 15 leads a rep a day for 6 hours of follow-up',
  days: 63,
  reps: 20,
  hoursPerDay: 6,
  leadsPerRepPerDay: 15,
  sourceMix: { inbound: 0.85, outbound: 0, referral: 0.05, event: 0.1 },
  neverRespond: { inbound: 0.4, outbound: 0.7, referral: 0.2, event: 0.55 },
  hazard: {
    call: [0.45, 0.25, 0.18, 0.14, 0.11, 0.09, 0.08, 0.07, 0.06, 0.05, 0.05, 0.04],
    email: [0.25, 0.14, 0.1, 0.08, 0.07, 0.06, 0.05, 0.04, 0.04, 0.03, 0.03, 0.03],
  },
  dealValue: { median: 4_000, spread: 0.7, min: 500, max: 50_000 },
  winRate: 0.25,
  conversationMinutes: 25,
  closeDays: 10,
  calibrateEveryDays: 30,
};

/**
 * A long-cycle enterprise team working named accounts, mostly outbound: 5 new accounts a rep a day
 * against 3 hours of prospecting. Executives are hard to reach but do not tire of a polite,
 * persistent rep: the chance per touch is low and nearly flat. Large deals of very different sizes;
 * a deal's result comes 120 business days after the first conversation, so calibration inside a
 * quarter never sees a result and keeps the prior win rate.
 */
export const ENTERPRISE_WORLD: World = {
  name: 'enterprise',
  description: 'a long-cycle enterprise team: 5 named accounts a rep a day for 3 hours of prospecting',
  days: 63,
  reps: 8,
  hoursPerDay: 3,
  leadsPerRepPerDay: 5,
  sourceMix: { inbound: 0.1, outbound: 0.6, referral: 0.15, event: 0.15 },
  neverRespond: { inbound: 0.3, outbound: 0.75, referral: 0.2, event: 0.5 },
  hazard: {
    call: [0.1, 0.1, 0.1, 0.1, 0.09, 0.09, 0.09, 0.08, 0.08, 0.08, 0.07, 0.07],
    email: [0.08, 0.08, 0.08, 0.08, 0.07, 0.07, 0.07, 0.06, 0.06, 0.06, 0.05, 0.05],
  },
  dealValue: { median: 60_000, spread: 1, min: 10_000, max: 1_500_000 },
  winRate: 0.15,
  conversationMinutes: 90,
  closeDays: 120,
  calibrateEveryDays: 30,
};

/** The default team with a quarter of its leads: about 90 minutes of work for 240, time to spare. */
export const IDLE_WORLD: World = {
  ...DEFAULT_WORLD,
  name: 'idle',
  description: 'the default team with time to spare: 2 leads a rep a day for 4 hours of follow-up',
  leadsPerRepPerDay: 2,
};

export const WORLDS: Readonly<Record<string, World>> = {
  default: DEFAULT_WORLD,
  inbound: INBOUND_WORLD,
  enterprise: ENTERPRISE_WORLD,
  idle: IDLE_WORLD,
};
