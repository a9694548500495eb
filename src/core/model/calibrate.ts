// Calibration of the stopping model on the team's own history.
//
// The response curve is a Beta-Binomial per attempt number (1 to 12; later attempts pool with the
// 12th), apart for prospects reached before and never reached: each cell's prior is the playbook's
// published figure p0 worth `priorWeight` touches, Beta(w·p0, w·(1 − p0)), so a cell with little
// data stays near the prior and one with much data follows it. The other conditions (channel,
// source, deal size, time since the last touch) are rate ratios against that curve, each shrunk
// toward 1 (observed + c) / (expected + c) with `c` expected responses, fitted by two passes of
// backfitting. The win rate given a response is a Beta-Binomial toward the playbook's figure.
// Chosen over a regularised hazard regression: every number is a count a manager can check, the
// curve keeps its shape where data is thin, and it fits in one pass over the history.
//
// Before a model replaces the prior it must earn it: fitted on 4/5 of the prospects (by id), it must
// predict the other fifth's touches with a lower log loss than the prior, and its predictions are
// set against what happened by decile. With too little history, calibration refuses.

import { betaQuantile } from './beta.js';
import type { Trial, WinTrial } from './trials.js';

export const MAX_ATTEMPT = 12;

export type Factor = 'channel' | 'source' | 'dealSize' | 'gap';
const FACTORS: Factor[] = ['channel', 'source', 'dealSize', 'gap'];

export interface Curve {
  neverReached: number[];
  reached: number[];
}

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
  /** The share of prospects followed on to the hard maximum, so late attempts keep being observed. */
  exploration: number;
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
  exploration?: number;
  version?: number;
}

const DEFAULTS = {
  priorWeight: 30,
  ratioShrink: 10,
  winWeight: 20,
  minTrials: 300,
  minResponses: 30,
  exploration: 0.05,
  version: 1,
};

export function dealSizeOf(value: number | undefined): string {
  if (value === undefined) return 'unknown';
  if (value < 10_000) return 'under 10k';
  if (value < 50_000) return '10k to 50k';
  return '50k and over';
}

export function gapOf(ms: number | undefined): string {
  if (ms === undefined) return 'first touch';
  const days = ms / 86_400_000;
  if (days <= 1) return 'within a day';
  if (days <= 3) return '2 to 3 days';
  if (days <= 7) return '4 to 7 days';
  return 'over a week';
}

export interface Conditions {
  attempt: number;
  reached: boolean;
  channel: string;
  source: string;
  dealValue: number | undefined;
  sinceLastTouch: number | undefined;
}

function levelOf(c: Conditions, factor: Factor): string {
  switch (factor) {
    case 'channel':
      return c.channel;
    case 'source':
      return c.source;
    case 'dealSize':
      return dealSizeOf(c.dealValue);
    case 'gap':
      return gapOf(c.sinceLastTouch);
  }
}

const cell = (attempt: number) => Math.min(Math.max(attempt, 1), MAX_ATTEMPT) - 1;
const side = (reached: boolean): keyof Curve => (reached ? 'reached' : 'neverReached');
const clamp = (p: number) => Math.min(0.95, Math.max(0.0005, p));

/** P(response) for these conditions under the fitted parameters. */
export function predict(params: Pick<ModelParams, 'curve' | 'ratios'>, c: Conditions): number {
  let p = params.curve[side(c.reached)][cell(c.attempt)] as number;
  for (const factor of FACTORS) p *= params.ratios[factor][levelOf(c, factor)] ?? 1;
  return clamp(p);
}

/** P(response) as the prior has it. */
export function predictPrior(prior: PriorFigures, c: Conditions): number {
  const table = prior.responseByAttempt[side(c.reached)];
  return clamp(table[Math.min(c.attempt, table.length) - 1] as number);
}

function priorAt(prior: PriorFigures, reached: boolean, i: number): number {
  const table = prior.responseByAttempt[side(reached)];
  return table[Math.min(i, table.length - 1)] as number;
}

/** Fits the curve, the ratios and the win rates on these trials. */
export function fit(
  trials: Trial[],
  wins: WinTrial[],
  prior: PriorFigures,
  options: CalibrationOptions = {},
): ModelParams {
  const o = { ...DEFAULTS, ...options };
  const empty = (): Curve => ({
    neverReached: new Array<number>(MAX_ATTEMPT).fill(0),
    reached: new Array<number>(MAX_ATTEMPT).fill(0),
  });
  const n = empty();
  const s = empty();
  for (const t of trials) {
    const i = cell(t.attempt);
    const k = side(t.reached);
    n[k][i] = (n[k][i] ?? 0) + 1;
    if (t.responded) s[k][i] = (s[k][i] ?? 0) + 1;
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
      for (const t of trials) {
        const level = levelOf(t, factor);
        const own = ratios[factor][level] ?? 1;
        // What the model expects without this factor's own ratio.
        const p = predict({ curve, ratios }, t) / own;
        expected.set(level, (expected.get(level) ?? 0) + p);
        if (t.responded) observed.set(level, (observed.get(level) ?? 0) + 1);
      }
      for (const [level, e] of expected) {
        ratios[factor][level] = ((observed.get(level) ?? 0) + o.ratioShrink) / (e + o.ratioShrink);
      }
    }
  }
  const winOf = (reached: boolean) => {
    const own = wins.filter((w) => w.reached === reached);
    const p0 = prior.winGivenResponse[side(reached)];
    return (own.filter((w) => w.won).length + o.winWeight * p0) / (own.length + o.winWeight);
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
    winTrials: {
      neverReached: wins.filter((w) => !w.reached).length,
      reached: wins.filter((w) => w.reached).length,
    },
    exploration: o.exploration,
  };
}

/** A stable pseudo-random number in [0, 1) from an id (FNV-1a): the same prospect, the same draw. */
export function unitHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

export function logLoss(trials: Trial[], p: (t: Trial) => number): number {
  let sum = 0;
  for (const t of trials) sum -= Math.log(t.responded ? p(t) : 1 - p(t));
  return trials.length === 0 ? 0 : sum / trials.length;
}

export interface Decile {
  trials: number;
  predicted: number;
  observed: number;
}

/** Predicted against observed response rates, by decile of the prediction. */
export function calibrationTable(trials: Trial[], p: (t: Trial) => number): Decile[] {
  const scored = trials.map((t) => ({ p: p(t), y: t.responded ? 1 : 0 })).sort((a, b) => a.p - b.p);
  const out: Decile[] = [];
  for (let d = 0; d < 10; d += 1) {
    const part = scored.slice(
      Math.floor((d * scored.length) / 10),
      Math.floor(((d + 1) * scored.length) / 10),
    );
    if (part.length === 0) continue;
    out.push({
      trials: part.length,
      predicted: part.reduce((x, r) => x + r.p, 0) / part.length,
      observed: part.reduce((x, r) => x + r.y, 0) / part.length,
    });
  }
  return out;
}

export interface Calibration {
  /** The fitted model, when it may replace the prior. */
  params: ModelParams | undefined;
  /** Why it may not, when it may not. */
  refusal: string | undefined;
  trials: number;
  responses: number;
  heldOut: { trials: number; logLoss: number; priorLogLoss: number; deciles: Decile[] };
}

/** Fits on the team's trials and checks the fit on held-out prospects before offering it. */
export function calibrate(
  trials: Trial[],
  wins: WinTrial[],
  prior: PriorFigures,
  options: CalibrationOptions = {},
): Calibration {
  const o = { ...DEFAULTS, ...options };
  const responses = trials.filter((t) => t.responded).length;
  const test = (id: string) => unitHash(`held-out:${id}`) < 0.2;
  const training = trials.filter((t) => !test(t.prospectId));
  const heldOutTrials = trials.filter((t) => test(t.prospectId));
  const trained = fit(
    training,
    wins.filter((w) => !test(w.prospectId)),
    prior,
    o,
  );
  const heldOut = {
    trials: heldOutTrials.length,
    logLoss: logLoss(heldOutTrials, (t) => predict(trained, t)),
    priorLogLoss: logLoss(heldOutTrials, (t) => predictPrior(prior, t)),
    deciles: calibrationTable(heldOutTrials, (t) => predict(trained, t)),
  };
  const base = { trials: trials.length, responses, heldOut };
  if (trials.length < o.minTrials || responses < o.minResponses) {
    return {
      ...base,
      params: undefined,
      refusal: `too little history: ${trials.length} touches with ${responses} responses; calibration needs at least ${o.minTrials} touches and ${o.minResponses} responses, so the prior stays`,
    };
  }
  if (heldOut.logLoss >= heldOut.priorLogLoss) {
    return {
      ...base,
      params: undefined,
      refusal: `the fitted model does not predict held-out prospects better than the prior (log loss ${heldOut.logLoss.toFixed(4)} against ${heldOut.priorLogLoss.toFixed(4)}), so the prior stays`,
    };
  }
  return { ...base, params: fit(trials, wins, prior, o), refusal: undefined };
}
