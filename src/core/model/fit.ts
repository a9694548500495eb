// Fitting the stopping model on counted trials (see calibrate.ts for the method and why), and
// predicting with the fitted numbers or with the prior.

import { betaQuantile } from './beta.js';
import { FACTORS, MAX_ATTEMPT, cell, clamp, levelsOf, side } from './tally.js';
import type { Cell, Conditions, Curve, Factor, Tally, WinCounts } from './tally.js';

export interface ModelParams {
  version: number;
  priorWeight: number;
  /** P(response) by attempt (index 0 = attempt 1), for the prospect as the prior describes them. */
  curve: Curve;
  /** 90% intervals of the curve. */
  low: Curve;
  high: Curve;
  /** Touches and responses behind each point of the curve. */
  trials: Curve;
  responses: Curve;
  ratios: Record<Factor, Record<string, number>>;
  win: { neverReached: number; reached: number };
  winTrials: { neverReached: number; reached: number };
}

export interface PriorFigures {
  responseByAttempt: Curve;
  winGivenResponse: { neverReached: number; reached: number };
}

export interface CalibrationOptions {
  priorWeight?: number;
  ratioShrink?: number;
  winWeight?: number;
  minTrials?: number;
  minResponses?: number;
  version?: number;
}

export const DEFAULTS = {
  priorWeight: 30,
  ratioShrink: 10,
  winWeight: 20,
  minTrials: 300,
  minResponses: 30,
  version: 1,
};

function predictLevels(
  params: Pick<ModelParams, 'curve' | 'ratios'>,
  reached: boolean,
  attempt: number,
  levels: Record<Factor, string>,
): number {
  let p = params.curve[side(reached)][cell(attempt)] as number;
  for (const factor of FACTORS) p *= params.ratios[factor][levels[factor]] ?? 1;
  return clamp(p);
}

/** P(response) for these conditions under the fitted parameters. */
export function predict(params: Pick<ModelParams, 'curve' | 'ratios'>, c: Conditions): number {
  return predictLevels(params, c.reached, c.attempt, levelsOf(c));
}

export const predictCell = (params: Pick<ModelParams, 'curve' | 'ratios'>, c: Cell) =>
  predictLevels(params, c.reached, c.attempt, c.levels);

/** P(response) as the prior has it. */
export function predictPrior(prior: PriorFigures, c: Pick<Conditions, 'attempt' | 'reached'>): number {
  const table = prior.responseByAttempt[side(c.reached)];
  return clamp(table[Math.min(c.attempt, table.length) - 1] as number);
}

function priorAt(prior: PriorFigures, reached: boolean, i: number): number {
  const table = prior.responseByAttempt[side(reached)];
  return table[Math.min(i, table.length - 1)] as number;
}

/** Fits the curve, the ratios and the win rates on these counts. */
export function fit(
  tally: Tally,
  wins: WinCounts,
  prior: PriorFigures,
  options: CalibrationOptions = {},
): ModelParams {
  const o = { ...DEFAULTS, ...options };
  const empty = (): Curve => ({
    neverReached: new Array<number>(MAX_ATTEMPT).fill(0),
    reached: new Array<number>(MAX_ATTEMPT).fill(0),
  });
  const cells = tally.cells();
  const n = empty();
  const s = empty();
  for (const c of cells) {
    const k = side(c.reached);
    const i = c.attempt - 1;
    n[k][i] = (n[k][i] ?? 0) + c.trials;
    s[k][i] = (s[k][i] ?? 0) + c.responses;
  }
  const curve = empty();
  const low = empty();
  const high = empty();
  for (const reached of [false, true]) {
    const k = side(reached);
    for (let i = 0; i < MAX_ATTEMPT; i += 1) {
      const p0 = priorAt(prior, reached, i);
      const successes = s[k][i] ?? 0;
      const a = successes + o.priorWeight * p0;
      const b = (n[k][i] ?? 0) - successes + o.priorWeight * (1 - p0);
      curve[k][i] = a / (a + b);
      low[k][i] = betaQuantile(0.05, a, b);
      high[k][i] = betaQuantile(0.95, a, b);
    }
  }
  const ratios: Record<Factor, Record<string, number>> = { channel: {}, source: {}, dealSize: {}, gap: {} };
  for (let pass = 0; pass < 2; pass += 1) {
    for (const factor of FACTORS) {
      const observed = new Map<string, number>();
      const expected = new Map<string, number>();
      for (const c of cells) {
        const level = c.levels[factor];
        // What the model expects without this factor's own ratio.
        const p = predictCell({ curve, ratios }, c) / (ratios[factor][level] ?? 1);
        expected.set(level, (expected.get(level) ?? 0) + p * c.trials);
        observed.set(level, (observed.get(level) ?? 0) + c.responses);
      }
      for (const [level, e] of expected) {
        ratios[factor][level] = ((observed.get(level) ?? 0) + o.ratioShrink) / (e + o.ratioShrink);
      }
    }
  }
  const winOf = (reached: boolean) => {
    const own = wins[side(reached)];
    const p0 = prior.winGivenResponse[side(reached)];
    return (own.won + o.winWeight * p0) / (own.conversations + o.winWeight);
  };
  return {
    version: o.version,
    priorWeight: o.priorWeight,
    curve,
    low,
    high,
    trials: n,
    responses: s,
    ratios,
    win: { neverReached: winOf(false), reached: winOf(true) },
    winTrials: { neverReached: wins.neverReached.conversations, reached: wins.reached.conversations },
  };
}
