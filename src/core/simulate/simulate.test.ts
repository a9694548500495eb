// The simulator on small worlds: determinism, common random numbers across policies, fixed rules
// that stop where they say, an idle team that never stops early, and the calibrated engine against
// giving up after one touch when there is more work than time.

import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../test/support/scenario.js';
import { drawLeads } from './leads.js';
import { POLICIES } from './policies.js';
import type { Policy } from './policies.js';
import { drawAt, seeded } from './random.js';
import { runPolicy } from './run.js';
import type { Trace } from './run.js';
import { simulate } from './simulate.js';
import { truthModel } from './truth.js';
import { calibratedModel } from '../model/calibrated-model.js';
import { fit } from '../model/fit.js';
import { Tally, emptyWins } from '../model/tally.js';
import type { World } from './world.js';
import { DEFAULT_WORLD } from './worlds.js';

/** Three reps with 2 hours for about 6 leads a day each: nearly twice the work they have time for. */
const BUSY: World = {
  ...DEFAULT_WORLD,
  name: 'busy',
  reps: 3,
  days: 30,
  leadsPerRepPerDay: 6,
  hoursPerDay: 2,
};
const policy = (id: string) => POLICIES.find((p) => p.id === id) as Policy;

/** Every touch of a run: (lead, attempt) -> answered. */
function touches(world: World, p: Policy, seed: number) {
  const seen = new Map<string, boolean>();
  const perLead = new Map<number, number>();
  const trace: Trace = {
    touch: ({ chase, attempt, answered }) => {
      seen.set(`${chase.lead.index}:${attempt}`, answered);
      perLead.set(chase.lead.index, attempt);
    },
  };
  const metrics = runPolicy({
    world,
    playbook: DEFAULT_PLAYBOOK,
    policy: p,
    seed,
    leads: drawLeads(world, seed),
    trace,
  });
  return { seen, perLead, metrics };
}

describe('randomness', () => {
  it('is seeded: the same seed, the same numbers', () => {
    const a = seeded(42);
    const b = seeded(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(seeded(43)()).not.toBe(first[0]);
    expect(drawAt(1, 2, 3)).toBe(drawAt(1, 2, 3));
    expect(drawAt(1, 2, 3)).not.toBe(drawAt(1, 3, 2));
  });
});

describe('a simulation', () => {
  it('gives the same result for the same seed', () => {
    const small = { ...BUSY, days: 8 };
    const input = {
      world: small,
      playbook: DEFAULT_PLAYBOOK,
      seeds: [5],
      policies: [policy('prior'), policy('stop-after-2')],
    };
    expect(simulate(input)).toEqual(simulate(input));
    expect(simulate({ ...input, seeds: [6] })).not.toEqual(simulate(input));
  });

  it('meets the same leads and the same answers under every policy', () => {
    expect(drawLeads(BUSY, 3)).toEqual(drawLeads(BUSY, 3));
    const small = { ...BUSY, days: 15 };
    const a = touches(small, policy('prior'), 3);
    const b = touches(small, policy('stop-after-5'), 3);
    const c = touches(small, policy('prior-oldest-first'), 3);
    let shared = 0;
    for (const [key, answered] of a.seen) {
      for (const other of [b, c]) {
        const theirs = other.seen.get(key);
        if (theirs === undefined) continue;
        shared += 1;
        expect(theirs).toBe(answered);
      }
    }
    expect(shared).toBeGreaterThan(200);
    expect(a.metrics.leads).toBe(b.metrics.leads);
  });

  it('stops a fixed rule after exactly its number of unanswered touches', () => {
    for (const n of [1, 2, 5]) {
      const { seen, perLead, metrics } = touches({ ...BUSY, days: 20 }, policy(`stop-after-${n}`), 1);
      expect(Math.max(...perLead.values())).toBeLessThanOrEqual(n);
      // A lead dropped by the rule had exactly n touches, none answered.
      const droppedByRule = [...perLead].filter(
        ([lead, count]) => count === n && seen.get(`${lead}:${n}`) === false,
      );
      expect(metrics.dropped).toBe(droppedByRule.length);
      expect(metrics.dropped).toBeGreaterThan(0);
    }
  });

  it('never stops under "never stop", past the hard maximum, where the engine breaks up', () => {
    // Time to spare and two quarters: chases run past the playbook's 12 unanswered touches.
    const long = { ...BUSY, reps: 1, days: 130, leadsPerRepPerDay: 1, hoursPerDay: 4 };
    const never = touches(long, policy('never-stop'), 1);
    expect(Math.max(...never.perLead.values())).toBeGreaterThan(13);
    expect(never.metrics.dropped).toBe(0);
    const engine = touches(long, policy('prior'), 1);
    // Idle time costs nothing: the engine follows up to the hard maximum, then sends the break-up.
    expect(Math.max(...engine.perLead.values())).toBe(13);
    expect(engine.metrics.dropped).toBeGreaterThan(0);
  });

  it('counts touches on never-responders and dropped prospects who would have answered', () => {
    const { metrics } = touches({ ...BUSY, days: 20 }, policy('stop-after-1'), 2);
    expect(metrics.touchesOnNeverResponders).toBeGreaterThan(0);
    expect(metrics.touchesOnNeverResponders).toBeLessThan(metrics.touches);
    expect(metrics.droppedWhoWouldHaveAnswered).toBeGreaterThan(0);
    expect(metrics.droppedWhoWouldHaveAnswered).toBeLessThan(metrics.dropped);
    expect(metrics.revenuePerRepHour).toBeCloseTo(metrics.revenue / (3 * 2 * 20), 10);
  });

  it('keeps an idle team following up as long as never stopping does', () => {
    const idle = { ...BUSY, days: 25, leadsPerRepPerDay: 1, hoursPerDay: 4 };
    const engine = touches(idle, policy('prior'), 4).metrics;
    const never = touches(idle, policy('never-stop'), 4).metrics;
    expect(engine.revenue).toBe(never.revenue);
    expect(engine.dropped).toBe(0);
  });
});

describe('the bound: an engine knowing the truth', () => {
  it("predicts each touch's response as often as the simulated prospects answer", () => {
    // Predicted against observed by source and attempt, over every touch the bound made.
    const world = { ...BUSY, days: 40 };
    const model = truthModel(world);
    const cells = new Map<string, { predicted: number; answered: number; n: number }>();
    for (const seed of [1, 2]) {
      runPolicy({
        world,
        playbook: DEFAULT_PLAYBOOK,
        policy: policy('truth'),
        seed,
        leads: drawLeads(world, seed),
        trace: {
          touch: ({ chase, attempt, answered, decision }) => {
            const key = `${chase.lead.source}:${Math.min(attempt, 4)}`;
            const c = cells.get(key) ?? { predicted: 0, answered: 0, n: 0 };
            const { pResponse } = model.estimate({
              attempt,
              reached: false,
              channel: decision.channel ?? 'call',
              source: chase.lead.source,
              dealValue: chase.lead.dealValue,
              sinceLastTouch: undefined,
            });
            c.predicted += pResponse;
            c.answered += answered ? 1 : 0;
            c.n += 1;
            cells.set(key, c);
          },
        },
      });
    }
    let checked = 0;
    for (const c of cells.values()) {
      if (c.n < 150) continue;
      checked += 1;
      // Within 3 binomial standard errors of the prediction.
      const p = c.predicted / c.n;
      expect(Math.abs(c.answered / c.n - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / c.n) + 0.005);
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('knows that silence makes a never-responder likelier: the chance falls faster than the hazard', () => {
    const model = truthModel(DEFAULT_WORLD);
    const at = (attempt: number, source: 'outbound' | 'referral') =>
      model.estimate({
        attempt,
        reached: false,
        channel: 'call',
        source,
        dealValue: 10_000,
        sinceLastTouch: undefined,
      }).pResponse;
    // Attempt 1: the share who can respond times the first call's hazard.
    expect(at(1, 'outbound')).toBeCloseTo(0.3 * 0.3, 10);
    expect(at(1, 'referral')).toBeCloseTo(0.8 * 0.3, 10);
    expect(at(6, 'outbound') / at(1, 'outbound')).toBeLessThan(at(6, 'referral') / at(1, 'referral'));
  });
});

describe('exploration', () => {
  it('counts the touches made only to explore, their minutes, the time they cost and what they brought', () => {
    // A model that explores every prospect: past the point where a touch no longer pays, the
    // engine follows up under rule "exploration" instead of breaking up.
    const explorer = calibratedModel(fit(new Tally(), emptyWins(), DEFAULT_PLAYBOOK.doc.model), 1);
    const world = { ...BUSY, reps: 2, days: 90 };
    let seen = 0;
    let answered = 0;
    const { exploration } = runPolicy({
      world,
      playbook: DEFAULT_PLAYBOOK,
      policy: policy('prior'),
      seed: 1,
      leads: drawLeads(world, 1),
      model: explorer,
      trace: {
        touch: (t) => {
          if (t.decision.rule !== 'exploration') return;
          seen += 1;
          if (t.answered) answered += 1;
        },
      },
    });
    expect(seen).toBeGreaterThan(0);
    expect(exploration.touches).toBe(seen);
    expect(exploration.responses).toBe(answered);
    expect(exploration.minutes).toBeGreaterThanOrEqual(4 * seen);
    // Each of them cost more of the rep's time than it was expected to earn: a positive time value.
    expect(exploration.timeValue).toBeGreaterThan(0);
  });
});

describe('with more work than time', () => {
  it('the calibrated engine earns more per rep-hour than stopping after one touch', () => {
    const runs = simulate({
      world: BUSY,
      playbook: DEFAULT_PLAYBOOK,
      seeds: [1, 2, 3],
      policies: [policy('calibrated'), policy('stop-after-1')],
    });
    const mean = (id: string) =>
      runs.filter((r) => r.policy === id).reduce((a, r) => a + r.revenuePerRepHour, 0) / 3;
    expect(mean('calibrated')).toBeGreaterThan(1.2 * mean('stop-after-1'));
    // The calibrated engine tried to calibrate on the simulated history after 30 days; on so little
    // judged history (a touch counts once its 30-day window has closed) it keeps the prior.
    const calibrations = runs.filter((x) => x.policy === 'calibrated').map((r) => r.calibrations);
    for (const c of calibrations) expect(c.length).toBe(1);
  });
});
