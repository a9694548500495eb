// The email channel in words: what became of an email, how a reply was read, and which emails are
// still the rep's business (on their way, waiting for an answer, or failed lately).

import { calendarDay, timeOf } from '../../format.js';
import type { Email, Reading, ReplyKind } from '../../types.js';

/** Emails not yet settled: the item shows their state in place of the Send buttons. */
export const OPEN: ReadonlySet<Email['status']> = new Set(['queued', 'sending', 'unconfirmed']);

export const KINDS: [ReplyKind, string][] = [
  ['positive', 'Positive'],
  ['neutral', 'Neutral'],
  ['objection', 'Objection'],
  ['referral', 'Referral'],
  ['not-now', 'Not now'],
  ['not-interested', 'Not interested'],
  ['out-of-office', 'Out of office'],
  ['unsubscribe', 'Unsubscribe'],
];

/** The kinds that carry a date: back on (out of office), talk again after (not now). */
export const DATED: ReadonlySet<ReplyKind> = new Set(['out-of-office', 'not-now']);

/** Below this, a reading is a guess the rep should check. */
export const SURE = 0.6;

export function kindLabel(kind: ReplyKind): string {
  return KINDS.find(([k]) => k === kind)?.[1] ?? kind;
}

/** "Out of office until Mon, Mar 16", "Not now until Wed, Apr 1", "Positive". */
export function readingLabel(r: Pick<Reading, 'kind' | 'until'>): string {
  return r.until !== null && DATED.has(r.kind)
    ? `${kindLabel(r.kind)} until ${calendarDay(r.until)}`
    : kindLabel(r.kind);
}

/** What became of an email, in a sentence, times in the rep's zone. */
export function emailState(e: Email, zone: string, now: number): string {
  const at = (iso: string) => timeOf(iso, zone, now);
  const later = Date.parse(e.sendAfter) > now;
  switch (e.status) {
    case 'queued':
      if (e.lastError !== null)
        return `Not sent yet: ${e.lastError}. Trying again ${later ? `at ${at(e.sendAfter)}` : 'in a moment'}.`;
      if (e.mode === 'window')
        return later
          ? `Queued for ${at(e.sendAfter)}, in their hours.`
          : 'Queued: it goes out in a moment (they are in their hours).';
      return later
        ? `Queued for ${at(e.sendAfter)}: your emails go out spaced apart.`
        : 'Queued: it goes out in a moment.';
    case 'sending':
      return 'Sending…';
    case 'sent':
      return `Sent at ${at(e.sentAt ?? e.updatedAt)}.`;
    case 'unconfirmed':
      return 'It may have gone: check your Sent folder.';
    case 'failed':
      return `Not sent: ${e.lastError ?? 'the mail server refused it'}.`;
    case 'bounced':
      return `Bounced: ${e.lastError ?? 'the address reaches no one'}. No more email goes to ${e.to.address}.`;
    case 'cancelled':
      return e.lastError === null || e.lastError === 'cancelled by the rep'
        ? 'Cancelled: not sent.'
        : `Cancelled, not sent: ${e.lastError}.`;
  }
}

const DAY = 24 * 60 * 60_000;

/**
 * The rep's emails that still need them, for the outbox strip: the newest email of each prospect,
 * when it is on its way, waiting for "did it go?", or failed in the last three days.
 */
export function needingYou(outbox: Email[], userId: string, now: number): Email[] {
  const seen = new Set<string>();
  const out: Email[] = [];
  for (const e of outbox) {
    if (e.userId !== userId || seen.has(e.prospectId)) continue;
    seen.add(e.prospectId);
    if (OPEN.has(e.status) || (e.status === 'failed' && now - Date.parse(e.updatedAt) < 3 * DAY)) out.push(e);
  }
  return out;
}
