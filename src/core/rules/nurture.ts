// Rule 10: long-term nurture. Off the active list; the only action is one `nurture` touch, due at
// the first date the entry gives, then every interval after the last nurture touch.

import { DAY } from '../calendar.js';
import type { Decision } from '../decision.js';
import { reach } from './build.js';
import type { Ctx } from './context.js';
import { channelFor, targetContact } from './targeting.js';
import { day } from './words.js';

export interface NurtureEntry {
  /** Position of the event that put the prospect in nurture (touches after it are nurture touches). */
  seq: number;
  /** When the first nurture touch is due. */
  firstDue: number;
  /** Why they are in nurture, the start of the reason sentence. */
  why: string;
  /** The date a `not-now` named, for the message. */
  until?: number;
  diagnosis?: string[];
}

export function nurture(ctx: Ctx, entry: NurtureEntry): Decision {
  const interval = ctx.playbook.doc.nurture.intervalDays;
  // A touch marked as nurture counts even if sent early; any touch from the first due date counts too.
  const counted = ctx.h.touches.filter(
    (t) => t.seq > entry.seq && (t.purpose === 'nurture' || t.at >= entry.firstDue),
  );
  const last = counted.at(-1);
  const contact = targetContact(ctx);
  if (contact === undefined) throw new Error('nurture needs a contactable contact (rule 1 runs first)');
  const dueAt = last === undefined ? entry.firstDue : last.at + interval * DAY;
  const due = ctx.playbook.calendar.moveIntoWindow(contact.timezone, dueAt);
  const next =
    last === undefined
      ? `next touch ${day(contact.timezone, due)}`
      : `next touch ${day(contact.timezone, due)}, ${interval} days after the last`;
  const channel = channelFor(ctx, ctx.playbook.doc.channels.nurture, contact);
  return reach(ctx, {
    action: 'nurture',
    rule: 'nurture',
    reason: `${entry.why}: long-term nurture, off the active list; ${next}, then every ${interval} days.`,
    contact,
    channel,
    due,
    template: 'nurture',
    extras: entry.until === undefined ? {} : { until: entry.until },
    diagnosis: entry.diagnosis,
  });
}
