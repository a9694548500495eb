// The stopping model on the team dashboard: the response curve the team decides with, by attempt,
// against the published figures (with its 90% interval once calibrated on the team's history).

import { useEffect, useMemo, useState } from 'react';
import { api, problem } from '../api.js';
import { Chart } from './Chart.js';
import { modelName } from '../format.js';
import { SimulationChart } from './SimulationChart.js';
import { CalibrateAction } from './CalibrateAction.js';
import { explorationWords } from './exploration.js';
import type { Exploring } from './exploration.js';
import type { User } from '../types.js';

interface Curve {
  neverReached: number[];
  reached: number[];
}

export interface ModelView {
  version: string;
  calibrated: boolean;
  curve: Curve;
  low: Curve | null;
  high: Curve | null;
  prior: { responseByAttempt: Curve; winGivenResponse: { neverReached: number; reached: number } };
  win: { neverReached: number; reached: number };
  trials: number | null;
  responses: number | null;
  heldOut: { trials: number; logLoss: number; priorLogLoss: number } | null;
  exploring: Exploring;
}

const pct = (p: number) => Math.round(p * 1000) / 10;

/** Said under a chart when the calibrated curve keeps within half a point of the published figures. */
function coincide(model: ModelView, side: keyof Curve): string | null {
  const prior = model.prior.responseByAttempt[side];
  const close = model.curve[side].every((p, i) => Math.abs(p - (prior[i] ?? -1)) < 0.005);
  return model.calibrated && close
    ? "Your team's curve keeps within half a point of the published figures at every attempt: the two lines lie on each other."
    : null;
}

function curveOption(model: ModelView, side: keyof Curve) {
  const attempts = model.curve[side].map((_, i) => String(i + 1));
  const band =
    model.low === null || model.high === null
      ? []
      : [
          // The interval as a band: its low edge, then the width stacked on it.
          {
            type: 'line',
            name: 'low',
            data: model.low[side].map(pct),
            stack: 'band',
            lineStyle: { opacity: 0 },
            symbol: 'none',
            tooltip: { show: false },
          },
          {
            type: 'line',
            name: '90% interval',
            data: model.high[side].map((h, i) => pct(h) - pct(model.low?.[side][i] ?? 0)),
            stack: 'band',
            lineStyle: { opacity: 0 },
            areaStyle: { color: 'rgba(31, 95, 191, 0.15)' },
            symbol: 'none',
            tooltip: { show: false },
          },
        ];
  // When the curve in use is the published figures (no calibration, no playbook numbers of its own),
  // one line says so, rather than two drawn on top of each other.
  const prior = model.prior.responseByAttempt[side];
  const same = !model.calibrated && model.curve[side].every((p, i) => Math.abs(p - (prior[i] ?? -1)) < 1e-9);
  const inUse = model.calibrated ? 'your team' : 'in use';
  const published = same ? 'published figures (in use)' : 'published figures';
  const series = [
    ...(same
      ? []
      : [
          ...band,
          { type: 'line', name: inUse, data: model.curve[side].map(pct), itemStyle: { color: '#1f5fbf' } },
        ]),
    {
      type: 'line',
      name: published,
      data: prior.map(pct),
      ...(same ? {} : { lineStyle: { type: 'dashed' } }),
      itemStyle: { color: same ? '#1f5fbf' : '#aab2bf' },
    },
  ];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    legend: { bottom: 0, data: same ? [published] : [inUse, published] },
    grid: { left: 48, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', name: 'attempt', data: attempts },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series,
  };
}

export function ModelCharts({ user }: { user: User }) {
  const [model, setModel] = useState<ModelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<ModelView>('GET', '/api/model').then(setModel, (e: unknown) => setError(problem(e)));
  useEffect(() => {
    void load();
  }, []);
  const options = useMemo(
    () =>
      model === null
        ? null
        : { never: curveOption(model, 'neverReached'), reached: curveOption(model, 'reached') },
    [model],
  );
  if (error !== null) return <p className="error">{error}</p>;
  if (model === null || options === null) return null;
  const words = { never: coincide(model, 'neverReached'), reached: coincide(model, 'reached') };
  const about = model.calibrated ? (
    `Calibrated on ${model.trials?.toLocaleString() ?? 0} touches and ${model.responses?.toLocaleString() ?? 0} responses (${modelName(model.version)}); on held-out prospects its log loss is ${model.heldOut?.logLoss.toFixed(3) ?? '?'} against ${model.heldOut?.priorLogLoss.toFixed(3) ?? '?'} for the published figures. ${explorationWords(model.exploring)}`
  ) : (
    <>
      The engine decides with the published figures until it is calibrated on your team’s own history (here,
      or with <code>pursuit calibrate</code>): the curves below are those figures.
    </>
  );
  return (
    <>
      <h2>When to stop: the response curve</h2>
      <p className="summary">{about}</p>
      <CalibrateAction user={user} onApplied={() => void load()} />
      <div className="charts">
        <figure>
          <figcaption>Never reached: chance the next touch gets a response</figcaption>
          <Chart
            option={options.never}
            label="Response rate by attempt for prospects never reached, against the published figures"
          />
          {coincide(model, 'neverReached') !== null && (
            <p className="hint">{coincide(model, 'neverReached')}</p>
          )}
        </figure>
        <figure>
          <figcaption>Reached before: chance the next touch gets a response</figcaption>
          <Chart
            option={options.reached}
            label="Response rate by attempt for prospects reached before, against the published figures"
          />
          {words.reached !== null && <p className="hint">{words.reached}</p>}
        </figure>
      </div>
      <h2>Does it pay? Policies in a simulated world</h2>
      <SimulationChart />
    </>
  );
}
