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

import { DEFAULTS, fit, predictCell, predictPrior } from './fit.js';
import type { CalibrationOptions, ModelParams, PriorFigures } from './fit.js';
import { Tally, addWin, emptyWins, unitHash } from './tally.js';
import type { Cell, Conditions } from './tally.js';
import type { WinTrial } from './trials.js';

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
