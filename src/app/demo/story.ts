// A demo prospect's story: its history told event by event (touches, conversations, replies,
// commitments, preparation, deals) on the playbook's business calendar, in the contacts' zone,
// relative to now; each event later than the one before and none in the future.

import { DAY, MINUTE, dayNumber, formatDay, fromLocal, toLocal } from '../../core/calendar.js';
import type { Channel, CommitmentKind, Outcome, Purpose, Sentiment } from '../../core/scenario/schema.js';
import type { Contact, Prospect, StoredEvent } from '../../core/records.js';
import {
  AGENDA_ITEMS,
  CALL_TOPICS,
  MEETING_TOPICS,
  OBJECTIONS,
  OBJECTIVES,
  POWNS,
  REPLY_TOPICS,
} from './words.js';
import type { Rng } from './words.js';
import type { World } from './world.js';

/** A kind of story: each lands a prospect in one part of the playbook. */
export interface Kind {
  /** Relative frequency among the prospects beyond the first of each kind. */
  weight: number;
  /** The fewest contacts the story needs. */
  contacts?: number;
  /** The primary contact must have a phone. */
  phone?: boolean;
  tell(s: Story): void;
}

const iso = (t: number) => new Date(t).toISOString();

export type MeetingQuality = 'none' | 'partial' | 'full';

export class Story {
  readonly events: StoredEvent[] = [];
  /** When the prospect arrived; by default some days before its first event. */
  createdAt: number | undefined;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    readonly w: World,
    readonly prospect: Prospect,
    readonly contacts: Contact[],
    /** The zone the story's times are read in: the contacts', else the rep's. */
    readonly zone: string,
  ) {}

  get r(): Rng {
    return this.w.rng;
  }

  get now(): number {
    return this.w.now;
  }

  get primary(): Contact {
    return this.contacts[0] as Contact;
  }

  get contactable(): Contact[] {
    return this.contacts.filter((c) => !c.doNotContact);
  }

  /** The playbook's follow-up numbers (spacing, hard maximum, multi-thread threshold). */
  get followUp() {
    return this.w.playbook.doc.followUp;
  }

  // --- time ---------------------------------------------------------------------------------

  /** The local day `n` business days before today (n > 0), after it (n < 0), or today (0). */
  private businessDay(n: number): number {
    const calendar = this.w.playbook.calendar;
    let day = dayNumber(toLocal(this.zone, this.now));
    const step = n > 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      day += step;
      if (calendar.isBusinessDay(day)) left -= 1;
    }
    return day;
  }

  /** A time of day on the business day `n` business days ago (n < 0: ahead), in the story's zone. */
  day(n: number, hour = this.r.int(9, 16), minute = this.r.int(0, 59)): number {
    return fromLocal(this.zone, this.businessDay(n) * DAY + (hour * 60 + minute) * MINUTE);
  }

  /** The date `n` business days ahead (n < 0: ago), as the contract's bare date (2026-04-01). */
  dateAhead(n: number): string {
    return formatDay(this.businessDay(-n));
  }

  minutesAgo(minutes: number): number {
    return this.now - minutes * MINUTE;
  }

  /** `t` when it falls in the contacts' working hours, else the next opening after it. */
  inHours(t: number): number {
    return this.w.playbook.calendar.moveIntoWindow(this.zone, t);
  }

  /** `t` when it falls in the contacts' working hours, else the last working quarter-hour before it. */
  inHoursBefore(t: number): number {
    const calendar = this.w.playbook.calendar;
    let at = Math.floor(t / (15 * MINUTE)) * 15 * MINUTE;
    // At most a long weekend and a holiday or two back, a quarter of an hour at a time.
    for (let i = 0; i < 8 * 96 && !calendar.inWindow(this.zone, at); i += 1) at -= 15 * MINUTE;
    return at;
  }

  /** The next touch's gap in business days after the k-th unanswered one (the playbook's spacing). */
  gap(k: number): number {
    const spacing = this.followUp.spacingBusinessDays;
    return spacing[Math.min(k, spacing.length) - 1] as number;
  }

  /** Business-day ages of k touches spaced as the playbook spaces them, the last `lastAge` ago. */
  ages(k: number, lastAge: number): number[] {
    const out = [lastAge];
    for (let i = k - 1; i >= 1; i -= 1) out.unshift((out[0] as number) + this.gap(i));
    return out;
  }

  // --- events -------------------------------------------------------------------------------

  private add(
    type: StoredEvent['type'],
    at: number,
    contact: Contact | null,
    fields: Record<string, unknown>,
  ): StoredEvent {
    // Histories are told in order; two events never share a time, so their order is never a tie.
    const when = Math.max(at, this.last + MINUTE);
    if (when > this.now) throw new Error(`demo: a ${type} of ${this.prospect.name} would be in the future`);
    this.last = when;
    const id = this.w.ids.uuid();
    const head = contact === null ? { type, at: iso(when) } : { type, at: iso(when), contactId: contact.id };
    const event: StoredEvent = {
      id,
      orgId: this.w.orgId,
      prospectId: this.prospect.id,
      type,
      at: when,
      contactId: contact?.id ?? null,
      data: { ...head, ...fields, id },
      loggedBy: null,
      loggedAt: when,
      sourceKey: null,
    };
    this.events.push(event);
    return event;
  }

  touch(
    at: number,
    contact: Contact,
    channel: Channel,
    outcome: Outcome,
    purpose: Purpose = 'follow-up',
    extra: { durationMin?: number; meeting?: Record<string, unknown> } = {},
  ): StoredEvent {
    const duration =
      extra.durationMin ??
      (channel === 'call' ? (outcome === 'connected' ? this.r.int(6, 25) : 1) : undefined);
    return this.add('touch', at, contact, {
      channel,
      outcome,
      purpose,
      ...(duration === undefined ? {} : { durationMin: duration }),
      ...(extra.meeting === undefined ? {} : { meeting: extra.meeting }),
    });
  }

  /** A conversation: a call that connected or a meeting held, with what the rep logged about it. */
  talk(
    at: number,
    channel: 'call' | 'meeting',
    quality?: MeetingQuality,
    contact = this.primary,
  ): StoredEvent {
    const q = quality ?? this.r.choose({ none: 35, partial: 40, full: 25 });
    const meeting = this.meetingNotes(q);
    // Without their number, the conversation was a video meeting.
    const how = channel === 'call' && contact.phone === null ? 'meeting' : channel;
    return this.touch(at, contact, how, how === 'call' ? 'connected' : 'held', 'follow-up', {
      durationMin: how === 'call' ? this.r.int(8, 25) : this.r.pick([30, 45, 60]),
      ...(meeting === undefined ? {} : { meeting }),
    });
  }

  private meetingNotes(quality: MeetingQuality): Record<string, unknown> | undefined {
    const r = this.r;
    if (quality === 'none') return undefined;
    const objections = r.chance(0.4) ? [r.pick(OBJECTIONS)] : [];
    if (quality === 'full') {
      return {
        agendaShared: true,
        objective: r.pick(OBJECTIVES),
        powns: r.sample(POWNS, r.int(1, 3)),
        objections,
        infoTailored: true,
      };
    }
    return {
      agendaShared: r.chance(0.5),
      ...(r.chance(0.5) ? { objective: r.pick(OBJECTIVES) } : {}),
      powns: r.chance(0.5) ? r.sample(POWNS, r.int(1, 2)) : [],
      objections,
      infoTailored: r.chance(0.4),
    };
  }

  response(
    at: number,
    sentiment: Sentiment,
    extra: { channel?: Channel; until?: string; referred?: Contact; contact?: Contact } = {},
  ): StoredEvent {
    return this.add('response', at, extra.contact ?? this.primary, {
      channel: extra.channel ?? this.r.choose({ email: 6, call: 3, sms: 1 }),
      sentiment,
      ...(extra.until === undefined ? {} : { until: extra.until }),
      ...(extra.referred === undefined ? {} : { referredContactId: extra.referred.id }),
    });
  }

  /** A commitment; `due` is a time, or a bare date for a reply-by. */
  commit(
    at: number,
    kind: CommitmentKind,
    due: number | string,
    extra: { description?: string; replaces?: StoredEvent; by?: 'prospect' | 'both' } = {},
  ): StoredEvent {
    const topics = kind === 'reply-by' ? REPLY_TOPICS : kind === 'meeting' ? MEETING_TOPICS : CALL_TOPICS;
    return this.add('commitment', at, this.primary, {
      kind,
      by: extra.by ?? 'both',
      due: typeof due === 'string' ? due : iso(due),
      description: extra.description ?? this.r.pick(topics),
      ...(extra.replaces === undefined ? {} : { replaces: extra.replaces.id }),
    });
  }

  prep(at: number, commitment: StoredEvent): StoredEvent {
    return this.add('prep', at, this.primary, {
      commitmentId: commitment.id,
      objective: this.r.pick(OBJECTIVES),
      agenda: this.r.sample(AGENDA_ITEMS, this.r.int(2, 4)),
    });
  }

  deal(at: number, result: 'won' | 'lost'): StoredEvent {
    return this.add('deal', at, null, { result });
  }

  finish(): void {
    const first = this.events[0]?.at;
    const p = this.prospect;
    p.createdAt = this.createdAt ?? (first ?? this.day(this.r.int(1, 5))) - this.r.int(1, 14) * DAY;
    p.updatedAt = Math.max(p.createdAt, this.events.at(-1)?.at ?? p.createdAt);
    for (const c of this.contacts) c.createdAt = p.createdAt;
  }
}
