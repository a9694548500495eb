// The last policy simulation the team saved: revenue per rep-hour for each policy (the engine with
// its calibrated model, with the prior only, fixed "stop after N" rules, never stopping), with the
// 95% interval over seeds, and the same numbers as a table.

import { useEffect, useMemo, useState } from 'react';
import { api, problem } from '../api.js';
import { Chart } from './Chart.js';

interface Estimate {
  mean: number;
  low: number;
  high: number;
}

interface Row {
  policy: string;
  name: string;
  revenuePerRepHour: Estimate;
  winsPerRepHour: Estimate;
  touchesOnNeverResponders: Estimate;
  droppedWhoWouldHaveAnswered: Estimate;
}

interface Comparison {
  label: string;
  relativeDifference: Estimate & { n: number };
}

interface Saved {
  world: string;
  createdAt: string;
  report: {
    rows: (Row & { bound?: boolean })[];
    seeds: number[];
    /** Absent in reports saved before `--order` existed: the agenda's order. */
    order?: 'agenda' | 'oldest';
    bestFixedRule?: string;
    comparisons?: Comparison[];
    headroom?: Comparison;
  };
}

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const signed = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
const change = (c: Comparison) => {
  const d = c.relativeDifference;
  return d.n < 2 ? signed(d.mean) : `${signed(d.mean)} (95% interval ${signed(d.low)} to ${signed(d.high)})`;
};
const BAR = { calibrated: '#1f5fbf', bound: '#d9dde4', other: '#aab2bf' };

export function SimulationChart() {
  const [saved, setSaved] = useState<Saved | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ simulation: Saved | null }>('GET', '/api/simulations/latest').then(
      (r) => setSaved(r.simulation),
      (e: unknown) => setError(problem(e)),
    );
  }, []);
  const option = useMemo(() => {
    if (saved === null || saved === undefined) return null;
    const rows = [...saved.report.rows].sort((a, b) => a.revenuePerRepHour.mean - b.revenuePerRepHour.mean);
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const row = rows[items[0]?.dataIndex ?? 0];
          if (row === undefined) return '';
          const r = row.revenuePerRepHour;
          return `${row.name}: ${money(r.mean)} per rep-hour (95%: ${money(Math.max(0, r.low))} to ${money(r.high)})`;
        },
      },
      grid: { left: 170, right: 24, top: 16, bottom: 32 },
      // Short ticks ($1.5K) that a phone's width holds; any that would still touch are left out.
      xAxis: {
        type: 'value',
        axisLabel: {
          hideOverlap: true,
          formatter: (v: number) =>
            v.toLocaleString('en-US', { style: 'currency', currency: 'USD', notation: 'compact' }),
        },
      },
      yAxis: { type: 'category', data: rows.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          name: 'revenue per rep-hour',
          data: rows.map((r) => ({
            value: Math.round(r.revenuePerRepHour.mean),
            itemStyle: {
              color: r.policy === 'calibrated' ? BAR.calibrated : r.bound === true ? BAR.bound : BAR.other,
            },
          })),
        },
      ],
    };
  }, [saved]);
  if (error !== null) return <p className="error">{error}</p>;
  if (saved === undefined) return null;
  if (saved === null || option === null)
    return (
      <p className="summary">
        No simulation saved yet: <code>pursuit simulate --save</code> compares the engine with fixed stopping
        rules in a world with a known truth.
      </p>
    );
  return (
    <figure>
      <figcaption>
        Last simulation ({saved.world} world, {saved.report.seeds.length} seeds
        {saved.report.order === 'oldest' ? ', every policy working oldest first' : ''}): revenue per rep-hour
        by policy
      </figcaption>
      <Chart option={option} label="Revenue per rep-hour by policy in the last simulation" />
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Revenue per rep-hour (95%)</th>
            <th scope="col">Touches on never-responders</th>
            <th scope="col">Dropped who would have answered</th>
          </tr>
        </thead>
        <tbody>
          {saved.report.rows.map((r) => (
            <tr key={r.policy}>
              <td>{r.name}</td>
              <td>
                {money(r.revenuePerRepHour.mean)} ({money(Math.max(0, r.revenuePerRepHour.low))} to{' '}
                {money(r.revenuePerRepHour.high)})
              </td>
              <td>{Math.round(r.touchesOnNeverResponders.mean).toLocaleString('en-US')}</td>
              <td>{Math.round(r.droppedWhoWouldHaveAnswered.mean).toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="summary">
        {(saved.report.comparisons ?? []).map((c) => (
          <li key={c.label}>
            Revenue per rep-hour, {c.label}: {change(c)}
          </li>
        ))}
        {saved.report.headroom === undefined ? null : (
          <li>
            With perfect knowledge, {saved.report.headroom.label}: {change(saved.report.headroom)}. That
            engine has the world&apos;s own truth in place of a learned model, under the same playbook.
          </li>
        )}
      </ul>
    </figure>
  );
}
