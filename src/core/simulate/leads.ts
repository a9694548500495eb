// The leads of one seed and the hidden truth about each: drawn once, before any policy runs, so
// that every policy meets the same prospects (common random numbers). Whether a prospect answers
// its k-th touch is a counter-based draw on (seed, lead, k): the same whatever happened before.

import type { ReachChannel } from '../decision.js';
import type { Source } from '../scenario/state.js';
import { drawAt, normal, pick, poisson, seeded } from './random.js';
import type { World } from './world.js';

export const SOURCES: readonly Source[] = ['inbound', 'outbound', 'referral', 'event'];

export interface Lead {
  /** Position among the seed's leads: arrival order. */
  index: number;
  id: string;
  rep: number;
  /** The business day it arrives (0 = the first simulated day). */
  day: number;
  source: Source;
  dealValue: number;
  /** False for the prospects who never answer anything. */
  canRespond: boolean;
  /** Whether a conversation with them ends in a won deal. */
  wins: boolean;
}

const RESPONSE_STREAM = 1;

/** The world's leads for this seed, in arrival order (day, then rep). */
export function drawLeads(world: World, seed: number): Lead[] {
  const random = seeded(drawAt(seed, 0x1ead) * 2 ** 32);
  const mix = Object.fromEntries(SOURCES.map((s) => [s, world.sourceMix[s]])) as Record<Source, number>;
  const leads: Lead[] = [];
  const { median, spread, min, max } = world.dealValue;
  for (let day = 0; day < world.days; day += 1) {
    for (let rep = 0; rep < world.reps; rep += 1) {
      const arrivals = poisson(random, world.leadsPerRepPerDay);
      for (let i = 0; i < arrivals; i += 1) {
        const source = pick(random, mix);
        const value = median * Math.exp(spread * normal(random));
        const index = leads.length;
        leads.push({
          index,
          id: `s${seed}-p${index}`,
          rep,
          day,
          source,
          dealValue: Math.round(Math.min(max, Math.max(min, value)) / 100) * 100,
          canRespond: random() >= world.neverRespond[source],
          wins: random() < world.winRate,
        });
      }
    }
  }
  return leads;
}

/** The truth: P(response to the k-th touch | can respond, none yet) by channel; past the list, its last. */
export function hazardAt(world: World, attempt: number, channel: ReachChannel): number {
  const table = channel === 'call' ? world.hazard.call : world.hazard.email;
  return table[Math.min(attempt, table.length) - 1] as number;
}

/** Whether this lead answers its k-th touch by this channel (the same answer under every policy). */
export function answers(
  world: World,
  seed: number,
  lead: Lead,
  attempt: number,
  channel: ReachChannel,
): boolean {
  return (
    lead.canRespond && drawAt(seed, RESPONSE_STREAM, lead.index, attempt) < hazardAt(world, attempt, channel)
  );
}
