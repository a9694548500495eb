// The demo's stories of commitments: calls and meetings due soon, tomorrow, next week or now, a
// reply promised by a date (rule 6), a conversation without a next step (rule 8), the weekly cap
// (rule 9a) and a missed commitment (rule 9d).

import { MINUTE } from '../../core/calendar.js';
import { chase, coldChase, discovery, qualified } from './rhythm.js';
import type { Kind } from './story.js';

export const COMMITMENT_KINDS = {
  // Rule 6: a committed call in a few hours, not prepared yet.
  'call-soon': {
    weight: 2,
    tell(s) {
      const meeting = discovery(s, s.r.int(2, 8), { quality: 'full' });
      qualified(s);
      // In the contact's working hours: a call agreed for a time they are at work.
      const due = s.inHours(Math.round((s.now + s.r.int(120, 300) * MINUTE) / (15 * MINUTE)) * 15 * MINUTE);
      s.commit(meeting.at + s.r.int(10, 40) * MINUTE, s.r.pick(['call', 'meeting'] as const), due);
    },
  },
  // Rule 6: a committed call tomorrow, prepared (wait) or not (prepare).
  'call-tomorrow': {
    weight: 3,
    tell(s) {
      const meeting = discovery(s, s.r.int(1, 6));
      qualified(s);
      const due = s.day(-1, s.r.int(9, 16), s.r.pick([0, 30]));
      const c = s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'call', due);
      if (s.r.chance(0.5)) s.prep(s.minutesAgo(s.r.int(20, 180)), c);
    },
  },
  // Rule 6: a meeting next week (sometimes rescheduled): wait until the day before.
  'call-later': {
    weight: 3,
    tell(s) {
      const age = s.r.int(2, 6);
      const meeting = discovery(s, age, { quality: s.r.pick(['partial', 'full'] as const) });
      qualified(s);
      const first = s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'meeting', s.day(-2, 10, 0));
      if (s.r.chance(0.4)) {
        s.commit(s.day(age - 1), 'meeting', s.day(-s.r.int(4, 8), 14, 0), { replaces: first });
      }
    },
  },
  // Rule 6: they promised an answer by a date.
  'reply-by': {
    weight: 2,
    tell(s) {
      const call = discovery(s, s.r.int(1, 5), { how: 'call' });
      qualified(s);
      s.commit(call.at + s.r.int(5, 20) * MINUTE, 'reply-by', s.dateAhead(s.r.int(2, 6)), { by: 'prospect' });
    },
  },
  // Rule 6: the committed call is due now.
  'committed-call-now': {
    weight: 1,
    phone: true,
    tell(s) {
      const meeting = discovery(s, s.r.int(2, 8));
      qualified(s);
      // Due a little before now, or (when the contact is not at work now) at their last working hour.
      const due = s.inHoursBefore(Math.floor((s.now - s.r.int(5, 40) * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
      const c = s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'call', due);
      if (s.r.chance(0.5)) s.prep(due - s.r.int(60, 240) * MINUTE, c);
    },
  },
  // Rule 8: a conversation that ended without a dated next step.
  'no-commitment': {
    weight: 4,
    tell(s) {
      const today = s.r.chance(0.5);
      discovery(
        s,
        today ? 0 : s.r.int(1, 3),
        today ? { how: 'call', at: s.inHoursBefore(s.minutesAgo(s.r.int(60, 240))) } : {},
      );
      qualified(s);
    },
  },
  // Rule 9a: emailed, spoke, sent the deck: three touches this week is the cap.
  'weekly-cap': {
    weight: 1,
    phone: true,
    tell(s) {
      coldChase(s, s.r.int(1, 3), s.r.int(8, 12), false);
      s.touch(s.day(2, 10), s.primary, 'email', 'sent');
      s.talk(s.day(1, 11), 'call');
      s.touch(s.day(1, 15), s.primary, 'email', 'sent', 'send-info');
    },
  },
  // Rule 9d: a committed call (or answer) was missed and two touches since went unanswered.
  'missed-commitment': {
    weight: 2,
    phone: true,
    tell(s) {
      const ages = s.ages(s.r.int(2, 4), s.r.int(1, 4));
      const firstAge = ages[0] as number;
      if (s.r.chance(0.75)) {
        const meeting = discovery(s, firstAge + s.r.int(3, 6));
        const due = s.day(firstAge, s.r.pick([10, 11, 14, 15]), 0);
        s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'call', due);
        chase(s, ages, { firstAt: due + 2 * MINUTE });
      } else {
        const call = discovery(s, firstAge + s.r.int(3, 6), { how: 'call' });
        s.commit(call.at + s.r.int(5, 20) * MINUTE, 'reply-by', s.dateAhead(-firstAge), { by: 'prospect' });
        chase(s, ages);
      }
      qualified(s);
    },
  },
} satisfies Record<string, Kind>;
