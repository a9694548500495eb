// The arithmetic of the report: Student's t intervals, paired comparisons seed by seed, the best
// fixed rule, and the terminal table.

import { describe, expect, it } from 'vitest';
import type { RunMetrics } from './metrics.js';
import { report } from './report.js';
import { estimate, tQuantile95 } from './stats.js';
import { formatReport } from './table.js';
import { DEFAULT_WORLD } from './worlds.js';

describe('confidence intervals', () => {
  it("use Student's t quantiles", () => {
    expect(tQuantile95(1)).toBeCloseTo(12.706, 2);
    expect(tQuantile95(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile95(1000)).toBeCloseTo(1.962, 2);
  });

  it('are the mean plus or minus t x the standard error', () => {
    const e = estimate([1, 2, 3, 4]);
    // sd = sqrt(5/3), se = sd / 2, t(3) = 3.182
    const half = 3.1824 * (Math.sqrt(5 / 3) / 2);
    expect(e.mean).toBe(2.5);
    expect(e.high - e.mean).toBeCloseTo(half, 3);
    expect(e.mean - e.low).toBeCloseTo(half, 3);
    expect(estimate([7])).toEqual({ mean: 7, low: 7, high: 7, n: 1 });
    expect(estimate([]).n).toBe(0);
  });
});

function run(policy: string, seed: number, revenue: number, extra: Partial<RunMetrics> = {}): RunMetrics {
  return {
    policy,
    seed,
    repHours: 100,
    revenue,
    wins: revenue / 1000,
    revenuePerRepHour: revenue / 100,
    winsPerRepHour: revenue / 1000 / 100,
    leads: 50,
    touches: 200,
    responses: 20,
    touchesOnNeverResponders: 120,
    dropped: 10,
    droppedWhoWouldHaveAnswered: 2,
    neverTouched: 0,
    exploration: { touches: 10, minutes: 50, timeValue: 200, responses: 1, revenue: 0 },
    calibrations: [],
    ...extra,
  };
}

describe('the report', () => {
  const runs = [
    run('calibrated', 1, 12_000),
    run('calibrated', 2, 22_000),
    run('prior', 1, 11_000),
    run('prior', 2, 20_000),
    run('stop-after-2', 1, 10_000),
    run('stop-after-2', 2, 20_000),
    run('stop-after-5', 1, 9_000),
    run('stop-after-5', 2, 9_000),
    run('never-stop', 1, 6_000),
    run('never-stop', 2, 11_000),
  ];
  const r = report(DEFAULT_WORLD, 'default@1', runs);

  it('has a row per policy that ran, in the order of the policies', () => {
    expect(r.rows.map((row) => row.policy)).toEqual([
      'calibrated',
      'prior',
      'stop-after-2',
      'stop-after-5',
      'never-stop',
    ]);
    expect(r.rows[0]?.revenuePerRepHour.mean).toBe(170);
    expect(r.seeds).toEqual([1, 2]);
    expect(r.order).toBe('agenda');
  });

  it('picks the best fixed rule by mean revenue per rep-hour', () => {
    expect(r.bestFixedRule).toBe('stop-after-2');
  });

  it('compares the calibrated engine seed by seed', () => {
    const best = r.comparisons.find((c) => c.against === 'stop-after-2');
    // Seed 1: +20%; seed 2: +10%.
    expect(best?.relativeDifference.mean).toBeCloseTo(0.15, 10);
    expect(best?.label).toBe('engine (calibrated) vs stop after 2');
    const never = r.comparisons.find((c) => c.against === 'never-stop');
    expect(never?.relativeDifference.mean).toBeCloseTo((1 + 1) / 2, 10);
    expect(r.comparisons.map((c) => c.against)).toEqual(['stop-after-2', 'prior', 'never-stop']);
  });

  it('prints a table with each policy and its interval', () => {
    const text = formatReport(r);
    expect(text).toContain('World "default"');
    expect(text).toMatch(/engine \(calibrated\)\s+170 ± 635/);
    expect(text).toContain('Best fixed rule: stop after 2.');
    expect(text).toContain('engine (calibrated) vs stop after 2: +15.0%');
    expect(text).not.toContain('With perfect knowledge');
    expect(text).toContain(
      "Exploration cost the calibrated engine 10 ± 0 touches (5.0 ± 0.0% of its touches; 0.8 ± 0.0 rep-hours, worth 200 ± 0 at the reps' hourly value) and brought 1 ± 0 responses and 0 ± 0 of revenue.",
    );
  });

  it('reports the bound beside the policies: never the best fixed rule, compared with it as the headroom', () => {
    const bounded = report(DEFAULT_WORLD, 'default@1', [
      ...runs,
      run('truth', 1, 13_200),
      run('truth', 2, 22_000),
    ]);
    const row = bounded.rows.find((x) => x.policy === 'truth');
    expect(row).toMatchObject({ bound: true, fixedRule: false });
    expect(bounded.bestFixedRule).toBe('stop-after-2');
    expect(bounded.comparisons.map((c) => c.against)).toEqual(['stop-after-2', 'prior', 'never-stop']);
    // Seed 1: +32%; seed 2: +10%.
    expect(bounded.headroom?.relativeDifference.mean).toBeCloseTo(0.21, 10);
    expect(formatReport(bounded)).toContain(
      'With perfect knowledge, bound: engine knowing the truth vs stop after 2: +21.0%',
    );
  });
});
