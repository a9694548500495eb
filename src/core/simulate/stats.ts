// Means with 95% confidence intervals over seeds: Student's t, its quantile from the Beta
// distribution (if T has n degrees of freedom, n / (n + T²) is Beta(n/2, 1/2)).

import { betaQuantile } from '../model/beta.js';

export interface Estimate {
  mean: number;
  /** The 95% interval; both ends equal the mean with fewer than two values. */
  low: number;
  high: number;
  n: number;
}

/** The two-sided 95% quantile of Student's t with `df` degrees of freedom. */
export function tQuantile95(df: number): number {
  const x = betaQuantile(0.05, df / 2, 0.5);
  return Math.sqrt(df * (1 / x - 1));
}

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, low: mean, high: mean, n };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const half = tQuantile95(n - 1) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}
