// The report of a simulation: one row per policy with 95% intervals over seeds, and the comparisons
// the acceptance asks about, paired seed by seed (the same leads under both policies).

import type { RunMetrics } from './metrics.js';
import { isBound, POLICIES } from './policies.js';
import type { Order, Policy } from './policies.js';
import { estimate } from './stats.js';
import type { Estimate } from './stats.js';
import type { World } from './world.js';

export interface ReportRow {
  policy: string;
  name: string;
  fixedRule: boolean;
  /** The bound: the engine with the world's truth in place of a learned model (perfect knowledge). */
  bound: boolean;
  revenuePerRepHour: Estimate;
  winsPerRepHour: Estimate;
  touchesOnNeverResponders: Estimate;
  droppedWhoWouldHaveAnswered: Estimate;
  touches: Estimate;
  responses: Estimate;
  dropped: Estimate;
  neverTouched: Estimate;
}

export interface Comparison {
  /** E.g. "engine (calibrated) vs stop after 5". */
  label: string;
  against: string;
  /** (calibrated - other) / other, revenue per rep-hour, per seed. */
  relativeDifference: Estimate;
}

export interface Report {
  world: World;
  /** The order every policy worked its days in (`oldest`: all of them oldest first). */
  order: Order;
  seeds: number[];
  playbookVersion: string;
  rows: ReportRow[];
  bestFixedRule: string | undefined;
  comparisons: Comparison[];
  /**
   * The bound against the best fixed rule: what perfect knowledge of the world would add over it,
   * with the day worked in the same order (when the bound was run).
   */
  headroom: Comparison | undefined;
  /** What exploration cost the calibrated engine (when it ran). */
  exploration: ExplorationReport | undefined;
  /** The calibrated engine's calibrations on the first seed (what it learned, or why it refused). */
  calibrations: RunMetrics['calibrations'];
}

type Metric = Exclude<keyof RunMetrics, 'policy' | 'seed' | 'calibrations' | 'exploration'>;

/** What exploration cost the calibrated engine, over seeds. */
export interface ExplorationReport {
  touches: Estimate;
  /** The exploring touches' share of all its touches. */
  share: Estimate;
  repHours: Estimate;
  /** Those hours at the reps' hourly value of the day. */
  timeValue: Estimate;
  responses: Estimate;
  revenue: Estimate;
}

function explorationOf(runs: readonly RunMetrics[]): ExplorationReport | undefined {
  const own = runs.filter((r) => r.policy === 'calibrated');
  if (own.length === 0) return undefined;
  const of = (f: (r: RunMetrics) => number) => estimate(own.map(f));
  return {
    touches: of((r) => r.exploration.touches),
    share: of((r) => (r.touches === 0 ? 0 : r.exploration.touches / r.touches)),
    repHours: of((r) => r.exploration.minutes / 60),
    timeValue: of((r) => r.exploration.timeValue),
    responses: of((r) => r.exploration.responses),
    revenue: of((r) => r.exploration.revenue),
  };
}

function over(runs: readonly RunMetrics[], metric: Metric): Estimate {
  return estimate(runs.map((r) => r[metric]));
}

function compare(
  runs: readonly RunMetrics[],
  subject: string,
  against: Policy | undefined,
): Comparison | undefined {
  if (against === undefined) return undefined;
  const bySeed = new Map(runs.filter((r) => r.policy === against.id).map((r) => [r.seed, r]));
  const differences: number[] = [];
  for (const r of runs.filter((x) => x.policy === subject)) {
    const other = bySeed.get(r.seed);
    if (other === undefined || other.revenuePerRepHour === 0) continue;
    differences.push((r.revenuePerRepHour - other.revenuePerRepHour) / other.revenuePerRepHour);
  }
  const name = POLICIES.find((p) => p.id === subject)?.name ?? subject;
  return {
    label: `${name} vs ${against.name}`,
    against: against.id,
    relativeDifference: estimate(differences),
  };
}

export function report(
  world: World,
  playbookVersion: string,
  runs: readonly RunMetrics[],
  policies: readonly Policy[] = POLICIES,
): Report {
  const rows: ReportRow[] = policies
    .map((policy) => ({ policy, own: runs.filter((r) => r.policy === policy.id) }))
    .filter(({ own }) => own.length > 0)
    .map(({ policy, own }) => ({
      policy: policy.id,
      name: policy.name,
      fixedRule: policy.kind === 'fixed',
      bound: isBound(policy),
      revenuePerRepHour: over(own, 'revenuePerRepHour'),
      winsPerRepHour: over(own, 'winsPerRepHour'),
      touchesOnNeverResponders: over(own, 'touchesOnNeverResponders'),
      droppedWhoWouldHaveAnswered: over(own, 'droppedWhoWouldHaveAnswered'),
      touches: over(own, 'touches'),
      responses: over(own, 'responses'),
      dropped: over(own, 'dropped'),
      neverTouched: over(own, 'neverTouched'),
    }));
  const fixed = rows.filter((r) => r.fixedRule);
  const best = fixed.reduce<ReportRow | undefined>(
    (a, r) => (a === undefined || r.revenuePerRepHour.mean > a.revenuePerRepHour.mean ? r : a),
    undefined,
  );
  const byId = (id: string | undefined) => policies.find((p) => p.id === id);
  const comparisons = [best?.policy, 'prior', 'never-stop']
    .filter((id, i, ids) => id !== undefined && ids.indexOf(id) === i)
    .map((id) => compare(runs, 'calibrated', byId(id)))
    .filter((c): c is Comparison => c !== undefined && c.relativeDifference.n > 0);
  const headroom = compare(runs, 'truth', byId(best?.policy));
  const seeds = [...new Set(runs.map((r) => r.seed))];
  return {
    world,
    order: policies.every((p) => p.order === 'oldest') ? 'oldest' : 'agenda',
    seeds,
    playbookVersion,
    rows,
    bestFixedRule: best?.policy,
    comparisons,
    headroom: headroom !== undefined && headroom.relativeDifference.n > 0 ? headroom : undefined,
    exploration: explorationOf(runs),
    calibrations: runs.find((r) => r.policy === 'calibrated' && r.seed === seeds[0])?.calibrations ?? [],
  };
}
