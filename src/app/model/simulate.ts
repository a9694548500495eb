// `pursuit simulate` as a use case: resolves the world (a named one, or a world file over one),
// the playbook, and runs every policy on every seed, yielding to the event loop between runs so a
// progress bar can draw. No database: a simulation reads and writes nothing of the team's.

import { PursuitError } from '../../core/errors.js';
import { loadPlaybook } from '../../core/playbook/load.js';
import { report } from '../../core/simulate/report.js';
import type { Report } from '../../core/simulate/report.js';
import { policiesFor } from '../../core/simulate/policies.js';
import type { Order } from '../../core/simulate/policies.js';
import { seedList, simulationSteps } from '../../core/simulate/simulate.js';
import type { RunMetrics } from '../../core/simulate/metrics.js';
import { withOverrides, worldFromDocument } from '../../core/simulate/world.js';
import type { World } from '../../core/simulate/world.js';
import { WORLDS } from '../../core/simulate/worlds.js';

export const DEFAULT_SEEDS = 10;

export type WorldChoice = { name: string } | { file: string; text: string };

export interface SimulationRequest {
  world: WorldChoice;
  seeds?: number;
  days?: number;
  reps?: number;
  defaultPlaybookText: string;
  /** A playbook of the team's own (it may start with `extends: default`). */
  playbookText?: string;
  /** The order every policy works its day in (default: the agenda's; see policiesFor). */
  order?: Order;
  onProgress?: (progress: { done: number; total: number; policy: string; seed: number }) => void;
}

export function resolveWorld(choice: WorldChoice, overrides: { days?: number; reps?: number } = {}): World {
  let world: World;
  if ('name' in choice) {
    const named = WORLDS[choice.name];
    if (named === undefined) {
      throw new PursuitError(
        'INVALID_ARGUMENTS',
        `expected one of ${Object.keys(WORLDS).join(', ')} or a world file (.json), got "${choice.name}"`,
        'world',
      );
    }
    world = named;
  } else {
    let document: unknown;
    try {
      document = JSON.parse(choice.text);
    } catch (error) {
      throw new PursuitError(
        'INVALID_INPUT',
        `${choice.file} is not valid JSON: ${(error as Error).message}`,
        'world',
      );
    }
    world = worldFromDocument(document, WORLDS);
  }
  return withOverrides(world, overrides);
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runSimulation(request: SimulationRequest): Promise<Report> {
  const world = resolveWorld(request.world, {
    ...(request.days === undefined ? {} : { days: request.days }),
    ...(request.reps === undefined ? {} : { reps: request.reps }),
  });
  const playbook =
    request.playbookText === undefined
      ? loadPlaybook(request.defaultPlaybookText)
      : loadPlaybook(request.playbookText, request.defaultPlaybookText);
  const seeds = seedList(request.seeds ?? DEFAULT_SEEDS);
  const policies = policiesFor(request.order ?? 'agenda');
  const total = seeds.length * policies.length * world.days;
  let done = 0;
  const runs: RunMetrics[] = [];
  const steps = simulationSteps({
    world,
    playbook,
    seeds,
    policies,
    onDay: ({ seed, policy }) => {
      done += 1;
      request.onProgress?.({ done, total, policy: policy.name, seed });
    },
  });
  for (const run of steps) {
    runs.push(run);
    await nextTick();
  }
  return report(world, playbook.version, runs, policies);
}
