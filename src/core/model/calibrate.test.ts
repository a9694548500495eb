// Calibration: what a history teaches (trials, censoring, wins), the Beta quantiles, a fit that
// stays at the prior without data and finds a known truth with much of it, the held-out check and
// its refusals, and a calibrated model's exploration in rule 9g.

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAYBOOK,
  NOW,
  deal,
  response,
  scenario,
  silentTouches,
  touch,
} from '../../../test/support/scenario.js';
import { decide } from '../decide.js';
import { normalizeScenario } from '../scenario/normalize.js';
import { betaCdf, betaQuantile } from './beta.js';
import { Evidence, calibrate } from './calibrate.js';
import { fit, predict } from './fit.js';
import type { PriorFigures } from './fit.js';
import { Tally, emptyWins, unitHash } from './tally.js';
import { calibratedModel } from './calibrated-model.js';
import { explorationShare } from './stopping-model.js';
import { seeded } from '../simulate/random.js';
import { opportunityHourlyValue } from './opportunity.js';
import { lessonsOf } from './trials.js';
import type { Trial } from './trials.js';

const PRIOR: PriorFigures = DEFAULT_PLAYBOOK.doc.model;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();

/** Stretches drawn from a known truth: P(response) at attempt k, up to 12 touches each. */
function world(prospects: number, truth: (attempt: number) => number, seed = 7): Trial[] {
  const r = seeded(seed);
  const trials: Trial[] = [];
  for (let p = 0; p < prospects; p += 1) {
    for (let k = 1; k <= 12; k += 1) {
      const responded = r() < truth(k);
      trials.push({
        prospectId: `p${p}`,
        attempt: k,
        reached: false,
        channel: k % 2 === 0 ? 'email' : 'call',
        source: 'outbound',
        dealValue: 20_000,
        sinceLastTouch: k === 1 ? undefined : 3 * DAY,
        responded,
      });
      if (responded) break;
    }
  }
  return trials;
}

function tallyOf(trials: Trial[]): Tally {
  const tally = new Tally();
  for (const t of trials) tally.add(t);
  return tally;
}

function evidenceOf(trials: Trial[]): Evidence {
  const evidence = new Evidence();
  for (const t of trials) evidence.add(t.prospectId, [t], []);
  return evidence;
}

describe('what a history teaches', () => {
  it('counts each touch of a stretch as a trial, ended by a response or by the next touch', () => {
    const state = normalizeScenario(
      scenario({
        events: [
          touch(ago(70), 'email', 'sent'),
          touch(ago(67), 'call', 'voicemail'),
          response(ago(66), 'positive'),
          touch(ago(40), 'call', 'no-answer'),
          touch(ago(3), 'email', 'sent'),
        ],
      }),
    );
    const { trials } = lessonsOf(state);
    expect(trials.map((t) => [t.attempt, t.reached, t.responded])).toEqual([
      [1, false, false],
      [2, false, true],
      [1, true, false],
      // The touch of 3 days ago still waits for its answer: left out, whatever comes.
    ]);
    expect(trials[1]?.sinceLastTouch).toBe(3 * DAY);
  });

  it('counts a connected call as a response to itself, and a silence past the window as none', () => {
    const state = normalizeScenario(
      scenario({
        events: [
          touch(ago(60), 'call', 'no-answer'),
          touch(ago(58), 'call', 'connected'),
          touch(ago(50), 'email', 'sent'),
        ],
      }),
    );
    expect(lessonsOf(state).trials.map((t) => t.responded)).toEqual([false, true, false]);
  });

  it('learns a win rate from conversations followed by a deal, and nothing from an open one', () => {
    const won = normalizeScenario(
      scenario({
        events: [touch(ago(30), 'call', 'connected'), response(ago(20), 'positive'), deal(ago(10), 'won')],
      }),
    );
    expect(lessonsOf(won).wins).toEqual([
      { prospectId: 'p1', reached: false, won: true },
      { prospectId: 'p1', reached: true, won: true },
    ]);
    const open = normalizeScenario(scenario({ events: [touch(ago(30), 'call', 'connected')] }));
    expect(lessonsOf(open).wins).toEqual([]);
  });
});

describe('Beta quantiles', () => {
  it('match closed forms', () => {
    expect(betaQuantile(0.05, 1, 1)).toBeCloseTo(0.05, 8);
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 8);
    // Beta(2, 1) has CDF x^2.
    expect(betaCdf(0.3, 2, 1)).toBeCloseTo(0.09, 8);
    expect(betaQuantile(0.25, 2, 1)).toBeCloseTo(0.5, 8);
  });
});

describe('fitting', () => {
  it('keeps the prior where there is no data', () => {
    const params = fit(new Tally(), emptyWins(), PRIOR);
    params.curve.neverReached.forEach((p, i) =>
      expect(p).toBeCloseTo(PRIOR.responseByAttempt.neverReached[i] as number, 10),
    );
    expect(params.win.reached).toBeCloseTo(PRIOR.winGivenResponse.reached, 10);
  });

  it('finds a known truth from much data, with intervals around it', () => {
    const truth = (k: number) => 0.3 / k;
    const params = fit(tallyOf(world(6000, truth)), emptyWins(), PRIOR);
    for (const k of [1, 2, 3, 5]) {
      const i = k - 1;
      expect(params.curve.neverReached[i]).toBeCloseTo(truth(k), 1);
      expect(params.low.neverReached[i]).toBeLessThan(params.curve.neverReached[i] as number);
      expect(params.high.neverReached[i]).toBeGreaterThan(params.curve.neverReached[i] as number);
    }
    // One factor at a time leaves no ratio far from 1 when the truth has none.
    for (const ratio of Object.values(params.ratios.channel)) expect(Math.abs(ratio - 1)).toBeLessThan(0.15);
  });

  it('beats the prior on held-out prospects when the team differs from it, and is calibrated', () => {
    const result = calibrate(evidenceOf(world(4000, (k) => 0.4 / k)), PRIOR);
    expect(result.refusal).toBeUndefined();
    expect(result.heldOut.logLoss).toBeLessThan(result.heldOut.priorLogLoss);
    for (const d of result.heldOut.deciles) expect(Math.abs(d.predicted - d.observed)).toBeLessThan(0.08);
    expect(
      predict(result.params!, {
        attempt: 1,
        reached: false,
        channel: 'call',
        source: 'outbound',
        dealValue: 20_000,
        sinceLastTouch: undefined,
      }),
    ).toBeGreaterThan(0.3);
  });

  it('refuses to replace the prior with too little history, saying how much there is', () => {
    const result = calibrate(evidenceOf(world(20, () => 0.1)), PRIOR);
    expect(result.params).toBeUndefined();
    expect(result.refusal).toMatch(/too little history: \d+ touches with \d+ responses/);
  });
});

describe('a calibrated model in rule 9g', () => {
  it('follows a few prospects on to the hard maximum, saying why', () => {
    const params = fit(new Tally(), emptyWins(), PRIOR);
    const late = normalizeScenario(
      scenario({ prospect: { dealValue: 500 }, events: silentTouches(9, ago(4), 3) }),
    );
    const prior = decide(late, DEFAULT_PLAYBOOK);
    expect(prior.action).toBe('break-up');
    const explored = decide(late, DEFAULT_PLAYBOOK, calibratedModel(params, 1));
    expect(explored).toMatchObject({
      action: 'follow-up',
      rule: 'exploration',
      modelVersion: 'calibrated@1',
    });
    const none = decide(late, DEFAULT_PLAYBOOK, calibratedModel(params, 0));
    expect(none.action).toBe('break-up');
    expect(unitHash('p1')).toBeGreaterThanOrEqual(0);
  });

  it("explores the playbook's share of prospects, chosen by id", () => {
    const model = calibratedModel(fit(new Tally(), emptyWins(), PRIOR), explorationShare(DEFAULT_PLAYBOOK));
    expect(explorationShare(DEFAULT_PLAYBOOK)).toBe(0.05);
    const explored = Array.from({ length: 4000 }, (_, i) => model.explores?.(`p${i}`) === true).filter(
      Boolean,
    );
    expect(explored.length / 4000).toBeGreaterThan(0.04);
    expect(explored.length / 4000).toBeLessThan(0.06);
    expect(model.explores?.('p17')).toBe(model.explores?.('p17'));
  });
});

describe("the value of a rep's time", () => {
  it('is what the first action that no longer fits would earn, per hour', () => {
    const day = [
      { expectedValue: 100, minutes: 5 },
      { expectedValue: 10, minutes: 5 },
      { expectedValue: 50, minutes: 5 },
    ];
    // Best first: 20/min, 10/min, 2/min; 10 minutes fit the first two, so the third is the margin.
    expect(opportunityHourlyValue(day, 10)).toBeCloseTo(120, 10);
    expect(opportunityHourlyValue(day, 5)).toBeCloseTo(600, 10);
    // Everything fits: idle time costs nothing.
    expect(opportunityHourlyValue(day, 60)).toBe(0);
  });

  it("takes the work that comes first whatever it earns (replies, committed calls, break-ups) out of the day's minutes", () => {
    const day = [
      { expectedValue: 100, minutes: 5 },
      { expectedValue: 10, minutes: 5 },
      // A reply to answer (no model: no value of its own) and a break-up: done first.
      { expectedValue: 0, minutes: 4, urgency: 0 },
      { expectedValue: 1, minutes: 4, urgency: 1 },
    ];
    // 13 minutes: 8 go to the reply and the break-up, 5 to the best touch; the next is the margin.
    expect(opportunityHourlyValue(day, 13)).toBeCloseTo(120, 10);
    // Without them the same minutes fit both touches: idle time.
    expect(opportunityHourlyValue(day.slice(0, 2), 13)).toBe(0);
    // A day of urgent work alone: the best touch is what the rep's time is worth.
    expect(opportunityHourlyValue(day, 6)).toBeCloseTo(1200, 10);
  });
});
