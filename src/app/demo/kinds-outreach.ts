// The demo's stories of outreach and what comes back: new leads, cold sequences, chases after a
// conversation, break-ups (rules 7, 9b, 9c, 9e, 9f, 9g, 10), then replies, referrals, auto-replies,
// "not now", "not interested" and a lost deal (rules 5 and 10).

import { MINUTE } from '../../core/calendar.js';
import type { Contact, StoredEvent } from '../../core/records.js';
import { chase, coldChase, discovery, qualified, reachedChase } from './rhythm.js';
import type { Kind, Story } from './story.js';

function smallDeal(s: Story): void {
  s.prospect.dealValue = s.r.int(6, 12) * 100;
}

function bigDeal(s: Story): void {
  s.prospect.dealValue = s.r.int(4, 24) * 5000;
}

export const OUTREACH_KINDS = {
  // Rule 7: an inbound lead that arrived minutes ago.
  'new-lead': {
    weight: 2,
    tell(s) {
      s.prospect.source = 'inbound';
      s.createdAt = s.minutesAgo(s.r.int(2, 25));
    },
  },
  // Rule 9f: imported from a list, never touched: start now.
  untouched: {
    weight: 5,
    tell(s) {
      s.prospect.source = s.r.pick(['outbound', 'event', 'referral'] as const);
      s.createdAt = s.day(s.r.int(1, 6));
    },
  },
  // Rule 9f (and 9e for some): a cold sequence under way.
  cold: {
    weight: 14,
    tell(s) {
      const k = s.r.int(1, 7);
      coldChase(s, k, s.r.int(1, s.gap(k) + 2));
    },
  },
  // Rule 9e: three unanswered touches to the primary while a colleague was never tried.
  'multi-thread': {
    weight: 4,
    contacts: 2,
    tell(s) {
      const k = s.r.int(3, 5);
      coldChase(s, k, s.r.int(1, s.gap(k) + 1), false);
    },
  },
  // Rule 9g, never reached: big deals are still worth a touch, small ones get the break-up.
  'long-cold': {
    weight: 5,
    tell(s) {
      if (s.r.chance(0.5)) smallDeal(s);
      else bigDeal(s);
      const k = s.r.int(8, 11);
      coldChase(s, k, s.r.int(1, s.gap(k) + 3));
    },
  },
  // Rule 9f after a conversation (with a diagnosis of what it lacked).
  'reached-chase': {
    weight: 8,
    tell(s) {
      const k = s.r.int(1, 4);
      reachedChase(s, k, s.r.int(1, s.gap(k) + 2));
    },
  },
  // Rule 9g after a conversation.
  'reached-long': {
    weight: 4,
    tell(s) {
      if (s.r.chance(0.3)) s.prospect.dealValue = s.r.int(4, 7) * 100;
      const k = s.r.int(5, 10);
      reachedChase(s, k, s.r.int(1, s.gap(k) + 2));
    },
  },
  // Rule 9c: twelve unanswered touches over months.
  'hard-maximum': {
    weight: 2,
    tell(s) {
      bigDeal(s);
      const k = s.followUp.hardMaximum;
      if (s.r.chance(0.3)) reachedChase(s, k, s.r.int(1, 20));
      else coldChase(s, k, s.r.int(1, 20));
    },
  },
  // Rule 9b: the break-up went out this week.
  'break-up-wait': {
    weight: 3,
    tell(s) {
      const k = s.r.int(7, 11);
      chase(s, s.ages(k + 1, s.r.int(1, 4)), { last: { purpose: 'break-up', channel: 'email' } });
    },
  },
  // Rule 10: no answer to the break-up: nurture.
  'broken-up': {
    weight: 4,
    tell(s) {
      const k = s.r.int(7, 11);
      chase(s, s.ages(k + 1, s.r.int(6, 60)), { last: { purpose: 'break-up', channel: 'email' } });
    },
  },
  // Rule 5: a reply that came in minutes ago.
  'fresh-reply': {
    weight: 4,
    tell(s) {
      const k = s.r.int(1, 4);
      if (s.r.chance(0.5)) reachedChase(s, k, s.r.int(1, 4));
      else coldChase(s, k, s.r.int(1, 4), false);
      const sentiment = s.r.choose({ positive: 3, neutral: 2, objection: 2 });
      s.response(s.minutesAgo(s.r.int(5, 150)), sentiment);
    },
  },
  // Rule 5: a reply from the last business day, still unanswered (overdue).
  'old-reply': {
    weight: 2,
    tell(s) {
      const k = s.r.int(1, 5);
      coldChase(s, k, s.r.int(2, 5), false);
      const sentiment = s.r.choose({ positive: 3, neutral: 2, objection: 1 });
      s.response(s.day(1, s.r.int(13, 16)), sentiment);
    },
  },
  // Rule 5: "talk to my colleague instead".
  referral: {
    weight: 2,
    contacts: 2,
    tell(s) {
      coldChase(s, s.r.int(2, 4), s.r.int(2, 5), false);
      const at = s.r.chance(0.5) ? s.minutesAgo(s.r.int(10, 200)) : s.day(1, s.r.int(10, 16));
      s.response(at, 'referral', { channel: 'email', referred: s.contacts[1] as Contact });
    },
  },
  // Rule 5: an auto-reply: away until a date, or with no date (7 days).
  'out-of-office': {
    weight: 3,
    tell(s) {
      const [last] = chase(s, s.ages(s.r.int(1, 6), s.r.int(1, 3)), { last: { channel: 'email' } }).slice(-1);
      const until = s.r.chance(0.7) ? s.dateAhead(s.r.int(2, 8)) : undefined;
      s.response((last as StoredEvent).at + s.r.int(1, 3) * MINUTE, 'out-of-office', {
        channel: 'email',
        ...(until === undefined ? {} : { until }),
      });
    },
  },
  // Rule 10: "not now, talk to me after a date".
  'not-now': {
    weight: 3,
    tell(s) {
      const age = s.r.int(3, 40);
      if (s.r.chance(0.6)) {
        discovery(s, age + s.r.int(3, 10));
        qualified(s);
      } else coldChase(s, s.r.int(2, 6), age + s.r.int(1, 3), false);
      s.response(s.day(age), 'not-now', { until: s.dateAhead(s.r.int(40, 100)) });
    },
  },
  // Rule 10: "not interested": nurture in six months.
  'not-interested': {
    weight: 2,
    tell(s) {
      const age = s.r.int(5, 120);
      coldChase(s, s.r.int(2, 8), age + s.r.int(1, 3), false);
      s.response(s.day(age), 'not-interested', { channel: 'email' });
    },
  },
  // Rule 10: the deal was lost.
  'lost-deal': {
    weight: 2,
    tell(s) {
      const age = s.r.int(10, 120);
      discovery(s, age + s.r.int(8, 20), { how: 'meeting' });
      qualified(s);
      s.talk(s.day(age + s.r.int(2, 6)), 'call', 'partial');
      s.deal(s.day(age), 'lost');
    },
  },
} satisfies Record<string, Kind>;
