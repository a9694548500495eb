// A simulation: every policy on every seed, the leads of a seed drawn once and shared by all
// policies (common random numbers), so that differences between policies are not luck of the draw.
// As steps (one policy on one seed each) so that a caller can show progress between them.

import type { Playbook } from '../playbook/load.js';
import { drawLeads } from './leads.js';
import type { Lead } from './leads.js';
import type { RunMetrics } from './metrics.js';
import { POLICIES } from './policies.js';
import type { Policy } from './policies.js';
import { runPolicy } from './run.js';
import type { World } from './world.js';

export interface SimulationInput {
  world: World;
  playbook: Playbook;
  /** The seeds, e.g. 1 to 10. */
  seeds: readonly number[];
  policies?: readonly Policy[];
  /** Called after each simulated day of each run. */
  onDay?: (progress: { seed: number; policy: Policy; day: number }) => void;
}

/** One run after another: yields each run's metrics as soon as it is done. */
export function* simulationSteps(input: SimulationInput): Generator<RunMetrics> {
  const policies = input.policies ?? POLICIES;
  for (const seed of input.seeds) {
    const leads: readonly Lead[] = drawLeads(input.world, seed);
    for (const policy of policies) {
      const onDay = input.onDay;
      yield runPolicy({
        world: input.world,
        playbook: input.playbook,
        policy,
        seed,
        leads,
        ...(onDay === undefined ? {} : { onDay: (day: number) => onDay({ seed, policy, day }) }),
      });
    }
  }
}

export function simulate(input: SimulationInput): RunMetrics[] {
  return [...simulationSteps(input)];
}

export function seedList(count: number, first = 1): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
