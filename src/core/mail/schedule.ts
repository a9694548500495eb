// When an email may go out: not before it is due; inside the contact's business window when it was
// queued for one (a rep's own "send now" goes at once); no sooner than the playbook's spacing after
// the mailbox's last email; and on a day the mailbox has not reached its daily cap (the rep's day).

import { DAY, dayNumber, fromLocal, toLocal } from '../calendar.js';
import type { BusinessCalendar } from '../calendar.js';
import type { PlaybookDoc } from '../playbook/schema.js';

export interface SendLimits {
  dailyCap: number;
  spacingSeconds: number;
}

/** The defaults of playbooks written before the email channel (and of the default playbook). */
export const DEFAULT_SEND_LIMITS: SendLimits = { dailyCap: 100, spacingSeconds: 60 };

export function sendLimits(doc: PlaybookDoc): SendLimits {
  return doc.email ?? DEFAULT_SEND_LIMITS;
}

export interface SendSlot {
  now: number;
  /** now: the rep asked for it to go at once; window: inside the contact's business window. */
  mode: 'now' | 'window';
  /** The earliest time it was queued for. */
  notBefore: number;
  /** The contact's zone (else the rep's): their business window. */
  contactZone: string;
  /** The rep's zone: their day, for the daily cap. */
  repZone: string;
  calendar: BusinessCalendar;
  limits: SendLimits;
  /** Emails the mailbox sent in the rep's day of `now`. */
  sentToday: number;
  /** The mailbox's last email, if any. */
  lastSentAt: number | undefined;
}

export type Hold = 'window' | 'spacing' | 'cap';

/** When it may go (`at` <= now: now), and what holds it back when it may not. */
export function nextSendTime(slot: SendSlot): { at: number; hold: Hold | undefined } {
  let at = Math.max(slot.now, slot.notBefore);
  let hold: Hold | undefined;
  if (slot.sentToday >= slot.limits.dailyCap) {
    const tomorrow = dayNumber(toLocal(slot.repZone, slot.now)) + 1;
    at = Math.max(at, fromLocal(slot.repZone, tomorrow * DAY));
    hold = 'cap';
  }
  if (slot.lastSentAt !== undefined) {
    const spaced = slot.lastSentAt + slot.limits.spacingSeconds * 1000;
    if (spaced > at) {
      at = spaced;
      hold ??= 'spacing';
    }
  }
  if (slot.mode === 'window') {
    const inWindow = slot.calendar.moveIntoWindow(slot.contactZone, at);
    if (inWindow > at) {
      at = inWindow;
      hold ??= 'window';
    }
  }
  return { at, hold: at > slot.now ? hold : undefined };
}
