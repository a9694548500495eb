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
import type { WinTrial } from './trials.js';

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

/** Trials that share every condition the model sees, counted together. */
export interface Cell {
  reached: boolean;
  /** 1 to MAX_ATTEMPT (later attempts pool with the last). */
  attempt: number;
  levels: Record<Factor, string>;
  trials: number;
  responses: number;
}

function levelsOf(c: Conditions): Record<Factor, string> {
  return {
    channel: levelOf(c, 'channel'),
    source: levelOf(c, 'source'),
    dealSize: levelOf(c, 'dealSize'),
    gap: levelOf(c, 'gap'),
  };
}

/** Counts trials by cell, so that ten million touches fit in a few thousand numbers. */
export class Tally {
  readonly #cells = new Map<string, Cell>();

  add(t: Conditions & { responded: boolean }): void {
    const attempt = cell(t.attempt) + 1;
    const size = dealSizeOf(t.dealValue);
    const gap = gapOf(t.sinceLastTouch);
    const key = `${t.reached ? 1 : 0}|${attempt}|${t.channel}|${t.source}|${size}|${gap}`;
    let c = this.#cells.get(key);
    if (c === undefined) {
      const levels = { channel: t.channel, source: t.source, dealSize: size, gap };
      c = { reached: t.reached, attempt, levels, trials: 0, responses: 0 };
      this.#cells.set(key, c);
    }
    c.trials += 1;
    if (t.responded) c.responses += 1;
  }

  /** A tally of both. */
  merge(other: Tally): Tally {
    const out = new Tally();
    for (const c of [...this.cells(), ...other.cells()]) out.addCounts(c);
    return out;
  }

  private addCounts(c: Cell): void {
    const key = `${c.reached ? 1 : 0}|${c.attempt}|${c.levels.channel}|${c.levels.source}|${c.levels.dealSize}|${c.levels.gap}`;
    const own = this.#cells.get(key);
    if (own === undefined) this.#cells.set(key, { ...c });
    else {
      own.trials += c.trials;
      own.responses += c.responses;
    }
  }

  cells(): Cell[] {
    return [...this.#cells.values()];
  }

  get trials(): number {
    return this.cells().reduce((n, c) => n + c.trials, 0);
  }

  get responses(): number {
    return this.cells().reduce((n, c) => n + c.responses, 0);
  }
}

/** Wins after conversations, counted by whether the prospect had been reached before. */
export interface WinCounts {
  neverReached: { conversations: number; won: number };
  reached: { conversations: number; won: number };
}

export function emptyWins(): WinCounts {
  return { neverReached: { conversations: 0, won: 0 }, reached: { conversations: 0, won: 0 } };
}

export function addWin(counts: WinCounts, w: WinTrial): void {
  const k = side(w.reached);
  counts[k].conversations += 1;
  if (w.won) counts[k].won += 1;
}

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

const predictCell = (params: Pick<ModelParams, 'curve' | 'ratios'>, c: Cell) =>
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

export function logLoss(tally: Tally, p: (c: Cell) => number): number {
  let sum = 0;
  let n = 0;
  for (const c of tally.cells()) {
    const q = p(c);
    sum -= c.responses * Math.log(q) + (c.trials - c.responses) * Math.log(1 - q);
    n += c.trials;
  }
  return n === 0 ? 0 : sum / n;
}

export interface Decile {
  trials: number;
  predicted: number;
  observed: number;
}

/** Predicted against observed response rates, by tenth of the trials ordered by prediction. */
export function calibrationTable(tally: Tally, p: (c: Cell) => number): Decile[] {
  const scored = tally
    .cells()
    .map((c) => ({ p: p(c), n: c.trials, s: c.responses }))
    .sort((a, b) => a.p - b.p);
  const total = scored.reduce((x, c) => x + c.n, 0);
  const out: Decile[] = [];
  let bin = { trials: 0, predicted: 0, observed: 0 };
  let seen = 0;
  for (const c of scored) {
    bin.trials += c.n;
    bin.predicted += c.p * c.n;
    bin.observed += c.s;
    seen += c.n;
    // A cell is never split: a tenth ends at the first cell that reaches it.
    if (seen >= ((out.length + 1) * total) / 10 || seen === total) {
      out.push({
        trials: bin.trials,
        predicted: bin.predicted / bin.trials,
        observed: bin.observed / bin.trials,
      });
      bin = { trials: 0, predicted: 0, observed: 0 };
    }
  }
  return out;
}

/** A team's history as calibration reads it: trials and wins, a fifth of the prospects held out. */
export class Evidence {
  readonly training = new Tally();
  readonly heldOut = new Tally();
  readonly trainingWins = emptyWins();
  readonly heldOutWins = emptyWins();

  /** Adds one prospect's lessons (all of one prospect go to the same side). */
  add(
    prospectId: string,
    trials: readonly (Conditions & { responded: boolean })[],
    wins: readonly WinTrial[],
  ): void {
    const held = unitHash(`held-out:${prospectId}`) < 0.2;
    const tally = held ? this.heldOut : this.training;
    for (const t of trials) tally.add(t);
    for (const w of wins) addWin(held ? this.heldOutWins : this.trainingWins, w);
  }
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
  evidence: Evidence,
  prior: PriorFigures,
  options: CalibrationOptions = {},
): Calibration {
  const o = { ...DEFAULTS, ...options };
  const all = evidence.training.merge(evidence.heldOut);
  const trials = all.trials;
  const responses = all.responses;
  const trained = fit(evidence.training, evidence.trainingWins, prior, o);
  const heldOut = {
    trials: evidence.heldOut.trials,
    logLoss: logLoss(evidence.heldOut, (c) => predictCell(trained, c)),
    priorLogLoss: logLoss(evidence.heldOut, (c) => predictPrior(prior, c)),
    deciles: calibrationTable(evidence.heldOut, (c) => predictCell(trained, c)),
  };
  const base = { trials, responses, heldOut };
  if (trials < o.minTrials || responses < o.minResponses) {
    return {
      ...base,
      params: undefined,
      refusal: `too little history: ${trials} touches with ${responses} responses; calibration needs at least ${o.minTrials} touches and ${o.minResponses} responses, so the prior stays`,
    };
  }
  if (heldOut.logLoss >= heldOut.priorLogLoss) {
    return {
      ...base,
      params: undefined,
      refusal: `the fitted model does not predict held-out prospects better than the prior (log loss ${heldOut.logLoss.toFixed(4)} against ${heldOut.priorLogLoss.toFixed(4)}), so the prior stays`,
    };
  }
  const wins = emptyWins();
  for (const k of ['neverReached', 'reached'] as const) {
    wins[k].conversations = evidence.trainingWins[k].conversations + evidence.heldOutWins[k].conversations;
    wins[k].won = evidence.trainingWins[k].won + evidence.heldOutWins[k].won;
  }
  return { ...base, params: fit(all, wins, prior, o), refusal: undefined };
}
