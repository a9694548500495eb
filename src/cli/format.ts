// Prints a decision for a person to read: what to do, for whom, when (in the rep's zone), why, and the draft.

import type { Decision } from '../core/decision.js';

const when = new Map<string, Intl.DateTimeFormat>();
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** "Tue, Mar 10, 9:03 AM MDT" in the reader's zone. */
export function formatWhen(at: number, zone: string): string {
  return formatDue(new Date(at).toISOString(), zone);
}

function formatDue(due: string, zone: string): string {
  let f = when.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    when.set(zone, f);
  }
  return f.format(Date.parse(due));
}

export function relative(due: number, now: number): string {
  const minutes = Math.round((due - now) / 60_000);
  const abs = Math.abs(minutes);
  const span =
    abs < 60
      ? `${abs} min`
      : abs < 48 * 60
        ? `${Math.round(abs / 60)} h`
        : `${Math.round(abs / (24 * 60))} days`;
  if (minutes === 0) return 'now';
  return minutes > 0 ? `in ${span}` : `overdue by ${span}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (prefix + line).trimEnd())
    .join('\n');
}

export interface Labels {
  title: string;
  contactName: string | undefined;
  repZone: string;
  now: number;
}

export function formatDecision(d: Decision, labels: Labels): string {
  const lines: string[] = [];
  const who = labels.contactName === undefined ? '' : ` · ${labels.contactName}`;
  const how = d.channel === undefined ? '' : ` by ${d.channel}`;
  lines.push(`${labels.title}${who}`);
  const due =
    d.due === undefined
      ? ''
      : `, due ${formatDue(d.due, labels.repZone)} (${relative(Date.parse(d.due), labels.now)})`;
  lines.push(`  ${d.action.toUpperCase()}${how}${due}${d.activeList ? '' : ' · off the active list'}`);
  lines.push(`  Why: ${d.reason}  [rule ${d.rule}]`);
  if (d.model !== undefined) {
    const m = d.model;
    lines.push(
      `  Model: touch ${m.attempt}, ${(m.pResponse * 100).toFixed(1)}% response x ${(m.pWin * 100).toFixed(0)}% win x ${money.format(m.dealValue)} = ${money.format(m.expectedValue)} expected, against ${money.format(m.touchCost)} of your time`,
    );
  }
  if (d.diagnosis !== undefined && d.diagnosis.length > 0) {
    lines.push(`  Diagnosis: ${d.diagnosis.join('; ')}`);
  }
  if (d.message !== undefined) {
    if (d.message.voicemail !== undefined) lines.push(`  Voicemail: "${d.message.voicemail}"`);
    // A text message has no subject.
    if (d.message.subject !== '') lines.push(`  Subject: ${d.message.subject}`);
    lines.push(indent(d.message.body, '  | '));
  }
  return lines.join('\n');
}
