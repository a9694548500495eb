// The engine's rhythm in a demo story: unanswered touches spaced, addressed and sent by the channel
// Pursuit would have chosen (with the multi-thread notice), the road from first contact to a first
// conversation, and what that conversation taught about fit.

import { MINUTE } from '../../core/calendar.js';
import type { Channel, Outcome, Purpose } from '../../core/scenario/schema.js';
import type { Contact, StoredEvent } from '../../core/records.js';
import type { MeetingQuality, Story } from './story.js';

/** The channel rule: a call, unless the contact has no phone or the last two touches were calls. */
function channelFor(contact: Contact, sent: StoredEvent[]): Channel {
  if (contact.phone === null) return 'email';
  const recent = sent.filter((e) => e.contactId === contact.id).slice(-2);
  return recent.length === 2 && recent.every((e) => e.data.channel === 'call') ? 'email' : 'call';
}

/**
 * Unanswered touches at the given business-day ages, to whom and by what channel Pursuit would
 * have said: the primary first, a multi-thread notice after three, then the least recently touched.
 */
export function chase(
  s: Story,
  ages: number[],
  options: {
    notice?: boolean;
    firstPurpose?: Purpose;
    firstAt?: number;
    last?: { purpose?: Purpose; channel?: 'email' };
  } = {},
): StoredEvent[] {
  const sent: StoredEvent[] = [];
  let noticed = false;
  ages.forEach((age, i) => {
    const isLast = i === ages.length - 1;
    const others = s.contactable.filter((c) => c !== s.primary && !sent.some((e) => e.contactId === c.id));
    const toPrimary = sent.filter((e) => e.contactId === s.primary.id).length;
    let contact = s.primary;
    let purpose: Purpose = i === 0 ? (options.firstPurpose ?? 'follow-up') : 'follow-up';
    if (noticed) {
      contact = leastRecentlyTouched(s, sent);
    } else if (
      options.notice !== false &&
      toPrimary >= s.followUp.multiThreadAfterTouches &&
      others.length > 0
    ) {
      purpose = 'multi-thread';
      noticed = true;
    }
    if (isLast && options.last?.purpose !== undefined) purpose = options.last.purpose;
    const channel = isLast && options.last?.channel !== undefined ? 'email' : channelFor(contact, sent);
    const outcome: Outcome = channel === 'call' ? (s.r.chance(0.7) ? 'voicemail' : 'no-answer') : 'sent';
    const at = i === 0 && options.firstAt !== undefined ? options.firstAt : s.day(age);
    sent.push(s.touch(at, contact, channel, outcome, purpose));
  });
  return sent;
}

function leastRecentlyTouched(s: Story, sent: StoredEvent[]): Contact {
  let best = s.primary;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const c of s.contactable) {
    const at = sent.findLast((e) => e.contactId === c.id)?.at ?? Number.NEGATIVE_INFINITY;
    if (at < bestAt) {
      best = c;
      bestAt = at;
    }
  }
  return best;
}

/**
 * From first contact to a conversation `convAge` business days ago (or at `at`): a few cold
 * touches, then a call that connected, or a reply, a call that booked a meeting, and the meeting.
 */
export function discovery(
  s: Story,
  convAge: number,
  options: { how?: 'call' | 'meeting'; quality?: MeetingQuality; at?: number } = {},
): StoredEvent {
  const how = options.how ?? (s.r.chance(0.5) ? 'call' : 'meeting');
  const cold = s.r.int(1, 4);
  if (how === 'call') {
    chase(s, s.ages(cold, convAge + s.r.int(3, 6)), { notice: false });
    return s.talk(options.at ?? s.day(convAge), 'call', options.quality);
  }
  chase(s, s.ages(cold, convAge + s.r.int(8, 11)), { notice: false });
  s.response(s.day(convAge + 7), 'positive', { channel: 'email' });
  const call = s.talk(s.day(convAge + 6), 'call', 'none');
  const meetingAt = options.at ?? s.day(convAge, s.r.pick([9, 10, 11, 13, 14, 15]), s.r.pick([0, 30]));
  s.commit(call.at + s.r.int(5, 30) * MINUTE, 'meeting', meetingAt);
  return s.talk(meetingAt, 'meeting', options.quality);
}

/** What a conversation taught us about fit (kept unknown when nobody has talked yet). */
export function qualified(s: Story): void {
  const p = s.prospect;
  if (p.productFit === 'unknown' && s.r.chance(0.6)) p.productFit = 'fit';
  if (s.r.chance(0.5)) {
    p.serious = true;
    p.goalsClear = s.r.chance(0.7) ? true : null;
    p.priceOnly = false;
  }
}

/** A cold stretch of k touches whose last is `lastAge` business days ago. */
export function coldChase(s: Story, k: number, lastAge: number, notice = true): StoredEvent[] {
  return chase(s, s.ages(k, lastAge), { notice });
}

/** A conversation, then k unanswered touches, the last `lastAge` business days ago. */
export function reachedChase(s: Story, k: number, lastAge: number): void {
  const ages = s.ages(k, lastAge);
  discovery(s, (ages[0] as number) + s.r.int(4, 7));
  qualified(s);
  chase(s, ages, { firstPurpose: s.r.pick(['schedule-next-step', 'send-info'] as const) });
}
