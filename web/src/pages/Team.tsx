// The team dashboard, as charts: touches before giving up against the 5-follow-up benchmark,
// response rate by attempt number, speed to lead against the 5-minute mark, what happened after
// break-up messages, and overdue actions per rep.

import { useEffect, useMemo, useState } from 'react';
import { api, problem } from '../api.js';
import { Chart } from '../components/Chart.js';
import { ModelCharts } from '../components/ModelCharts.js';
import { spokenMinutes } from '../format.js';
import type { User } from '../types.js';

interface RepStats {
  ownerId: string;
  breakUps: number;
  touchesBeforeGivingUp: number[];
  inboundLeads: number;
  minutesToFirstCall: number[];
  overdue: number;
}

interface TeamView {
  benchmarkTouches: number;
  speedToLeadMinutes: number;
  reps: RepStats[];
  byAttempt: { attempt: number; touches: number; responses: number }[];
  afterBreakUp: { sent: number; unanswered: number; answered: Record<string, number> };
  names: Record<string, string>;
}

const average = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
/** Durations people say, in minutes: 1 min, 5 min, 1 h, 1 d, 1 wk, 1 mo, 1 y. */
const SPOKEN_DURATIONS = [1, 5, 60, 1440, 10_080, 43_200, 525_600];

function barsByRep(
  names: string[],
  values: (number | null)[],
  name: string,
  mark: { value: number; label: string } | null,
  yAxis: Record<string, unknown> = { type: 'value' },
) {
  return {
    tooltip: { trigger: 'axis' },
    // Room on the right for the benchmark's label, beside its line rather than over a bar.
    grid: { left: 56, right: mark === null ? 24 : 80, top: 24, bottom: 56 },
    xAxis: {
      type: 'category',
      data: names,
      // A name on two lines (first name, then the rest), so that neighbours do not run together.
      axisLabel: {
        interval: 0,
        rotate: names.length > 5 ? 30 : 0,
        lineHeight: 14,
        formatter: (n: string) => (names.length > 5 ? n : n.replace(' ', '\n')),
      },
    },
    yAxis,
    series: [
      {
        type: 'bar',
        name,
        data: values,
        itemStyle: { color: '#1f5fbf' },
        ...(mark === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                lineStyle: { color: '#b4361e', type: 'dashed' },
                label: { formatter: mark.label, position: 'end', color: '#b4361e' },
                data: [{ yAxis: mark.value }],
              },
            }),
      },
    ],
  };
}

export function Team({ user }: { user: User }) {
  const [team, setTeam] = useState<TeamView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<TeamView>('GET', '/api/team').then(setTeam, (e: unknown) => setError(problem(e)));
  }, []);

  const charts = useMemo(() => {
    if (team === null) return null;
    const names = team.reps.map((r) => team.names[r.ownerId] ?? '?');
    const answered = Object.entries(team.afterBreakUp.answered);
    return {
      givingUp: barsByRep(
        names,
        team.reps.map((r) => round1(average(r.touchesBeforeGivingUp))),
        'touches before the break-up (average)',
        { value: team.benchmarkTouches, label: `${team.benchmarkTouches} follow-ups` },
      ),
      byAttempt: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
        grid: { left: 48, right: 24, top: 24, bottom: 40 },
        xAxis: { type: 'category', name: 'attempt', data: team.byAttempt.map((a) => String(a.attempt)) },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [
          {
            type: 'line',
            name: 'response rate',
            data: team.byAttempt.map((a) =>
              a.touches === 0 ? null : round1((100 * a.responses) / a.touches),
            ),
            itemStyle: { color: '#21724a' },
          },
        ],
      },
      // Minutes range from 1 to months: drawn on a log scale (bars of log10 minutes) so that the 5-minute
      // mark stays readable, with ticks at the durations people say (5 min, 1 h, 1 d, 1 wk, 1 mo).
      speed: (() => {
        const medians = team.reps.map((r) =>
          r.minutesToFirstCall.length === 0 ? null : Math.max(1, median(r.minutesToFirstCall)),
        );
        const top = Math.max(60, team.speedToLeadMinutes, ...medians.map((m) => m ?? 0));
        const ticks = SPOKEN_DURATIONS.filter((m, i) => i === 0 || (SPOKEN_DURATIONS[i - 1] ?? 0) < top);
        const option = barsByRep(
          names,
          medians.map((m) => (m === null ? null : Math.log10(m))),
          'from lead to first call (median)',
          { value: Math.log10(team.speedToLeadMinutes), label: `${team.speedToLeadMinutes} min` },
          {
            type: 'value',
            min: 0,
            max: Math.log10(ticks.at(-1) ?? top),
            axisLabel: {
              customValues: ticks.map((m) => Math.log10(m)),
              formatter: (v: number) => spokenMinutes(Math.round(10 ** v)),
            },
            axisTick: { customValues: ticks.map((m) => Math.log10(m)) },
            splitLine: { show: false },
          },
        );
        return {
          ...option,
          tooltip: {
            trigger: 'axis',
            valueFormatter: (v: number | null) =>
              v === null ? 'no lead yet' : spokenMinutes(Math.round(10 ** v)),
          },
        };
      })(),
      // Nothing answered yet: a sentence says it better than a grey ring.
      breakUps: answered.every(([, n]) => n === 0)
        ? null
        : {
            tooltip: { trigger: 'item' },
            legend: { bottom: 0 },
            series: [
              {
                type: 'pie',
                radius: ['35%', '65%'],
                data: [
                  { name: 'no answer', value: team.afterBreakUp.unanswered, itemStyle: { color: '#aab2bf' } },
                  ...answered.map(([name, value]) => ({ name, value })),
                ],
              },
            ],
          },
      overdue: barsByRep(
        names,
        team.reps.map((r) => r.overdue),
        'overdue actions',
        null,
      ),
    };
  }, [team]);

  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (team === null || charts === null) return <p className="loading">Loading the team…</p>;
  const sent = team.afterBreakUp.sent;
  const replies = sent - team.afterBreakUp.unanswered;
  return (
    <section className="team">
      <h1>Team</h1>
      <div className="charts">
        <figure>
          <figcaption>Touches before giving up, against {team.benchmarkTouches} follow-ups</figcaption>
          <Chart option={charts.givingUp} label="Average touches before the break-up message, per rep" />
        </figure>
        <figure>
          <figcaption>Response rate by attempt number</figcaption>
          <Chart option={charts.byAttempt} label="Share of touches answered, by attempt number" />
        </figure>
        <figure>
          <figcaption>Speed to lead, against {team.speedToLeadMinutes} minutes</figcaption>
          <Chart
            option={charts.speed}
            label="Median minutes from an inbound lead to the first call, per rep"
          />
        </figure>
        <figure>
          <figcaption>
            After {sent} break-up message{sent === 1 ? '' : 's'}: {replies} answered
          </figcaption>
          {charts.breakUps === null ? (
            <p className="empty-chart">
              {sent === 0
                ? 'No break-up message has been sent yet.'
                : `None of the ${sent} break-up message${sent === 1 ? ' has' : 's has'} been answered yet. Each stands for a prospect taken off the active list politely: they are nurtured, not dropped.`}
            </p>
          ) : (
            <Chart option={charts.breakUps} label="What happened after break-up messages" />
          )}
        </figure>
        <figure>
          <figcaption>Overdue actions per rep</figcaption>
          <Chart option={charts.overdue} label="Overdue actions per rep" />
        </figure>
      </div>
      <ModelCharts user={user} />
    </section>
  );
}
