// The report as a terminal table: one line per policy, each figure as its mean ± the half-width of
// its 95% interval over seeds, then the paired comparisons and what calibration learned.

import type { Report, ReportRow } from './report.js';
import type { Estimate } from './stats.js';

function number(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function pm(e: Estimate, digits: number, scale = 1): string {
  const half = (e.high - e.low) / 2;
  return e.n < 2
    ? number(e.mean * scale, digits)
    : `${number(e.mean * scale, digits)} ± ${number(half * scale, digits)}`;
}

function percent(e: Estimate): string {
  const f = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  return e.n < 2 ? f(e.mean) : `${f(e.mean)} (95% CI ${f(e.low)} to ${f(e.high)})`;
}

const COLUMNS: { title: string; cell: (r: ReportRow) => string }[] = [
  { title: 'policy', cell: (r) => r.name },
  { title: 'revenue / rep-hour', cell: (r) => pm(r.revenuePerRepHour, 0) },
  { title: 'wins / 100 rep-hours', cell: (r) => pm(r.winsPerRepHour, 2, 100) },
  { title: 'touches on never-responders', cell: (r) => pm(r.touchesOnNeverResponders, 0) },
  { title: "dropped who'd have answered", cell: (r) => pm(r.droppedWhoWouldHaveAnswered, 0) },
  { title: 'leads never touched', cell: (r) => pm(r.neverTouched, 0) },
];

export function formatReport(report: Report): string {
  const w = report.world;
  const lines = [
    `World "${w.name}": ${w.description}.`,
    `${w.reps} reps x ${w.hoursPerDay} h x ${w.days} business days; ${report.seeds.length} seed(s); playbook ${report.playbookVersion}. Figures: mean ± 95% interval over seeds.`,
    report.order === 'oldest'
      ? 'Every policy works its day oldest first (the action that has waited longest), as a sequence tool lists it.'
      : "Every policy works its day in the agenda's order (expected value per minute), but the one marked oldest first.",
    '',
  ];
  const cells = report.rows.map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) =>
    Math.max(c.title.length, ...cells.map((row) => (row[i] as string).length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === 0 ? v.padEnd(widths[i] as number) : v.padStart(widths[i] as number)))
      .join('  ');
  lines.push(line(COLUMNS.map((c) => c.title)), widths.map((n) => '-'.repeat(n)).join('  '));
  for (const row of cells) lines.push(line(row));
  lines.push('');
  const best = report.rows.find((r) => r.policy === report.bestFixedRule);
  if (best !== undefined) lines.push(`Best fixed rule: ${best.name}.`);
  for (const c of report.comparisons)
    lines.push(`Revenue per rep-hour, ${c.label}: ${percent(c.relativeDifference)}.`);
  if (report.headroom !== undefined)
    lines.push(
      `With perfect knowledge, ${report.headroom.label}: ${percent(report.headroom.relativeDifference)}. That engine has the world's own truth in place of a learned model, under the same playbook (its minimum persistence and hard maximum still hold).`,
    );
  const e = report.exploration;
  if (e !== undefined)
    lines.push(
      `Exploration cost the calibrated engine ${pm(e.touches, 0)} touches (${pm(e.share, 1, 100)}% of its touches; ${pm(e.repHours, 1)} rep-hours, worth ${pm(e.timeValue, 0)} at the reps' hourly value) and brought ${pm(e.responses, 0)} responses and ${pm(e.revenue, 0)} of revenue.`,
    );
  const last = report.calibrations.at(-1);
  if (last !== undefined) {
    const applied = report.calibrations.filter((c) => c.applied).length;
    lines.push(
      `Calibration (first seed): ${applied} of ${report.calibrations.length} applied; the last on ${last.trials} touches with ${last.responses} responses${
        last.curve === undefined
          ? ` was refused: ${last.refusal ?? ''}`
          : `: P(response) by attempt ${last.curve
              .slice(0, 8)
              .map((p) => p.toFixed(3))
              .join(', ')} ...`
      }.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
