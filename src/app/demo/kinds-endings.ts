// The demo's stories where the pursuit ends or changes: do not contact (rule 1), customers and
// ex-customers (rule 2), close-outs (rule 3) and disqualifications (rule 4).

import { MINUTE } from '../../core/calendar.js';
import type { StoredEvent } from '../../core/records.js';
import { coldChase, discovery, qualified } from './rhythm.js';
import type { Kind, Story } from './story.js';

function customerHistory(s: Story, lastAge: number): void {
  const checkIns = s.r.int(1, 3);
  const ages = Array.from({ length: checkIns }, (_, i) => lastAge + i * s.r.int(60, 70)).reverse();
  s.talk(s.day((ages[0] as number) + s.r.int(20, 40)), 'meeting', 'full');
  for (const age of ages) {
    if (s.primary.phone !== null && s.r.chance(0.5))
      s.touch(s.day(age), s.primary, 'call', 'connected', 'check-in');
    else s.touch(s.day(age), s.primary, 'email', 'sent', 'check-in');
  }
}

function notRight(s: Story): void {
  const p = s.prospect;
  switch (s.r.int(0, 3)) {
    case 0:
      p.serious = false;
      break;
    case 1:
      p.goalsClear = false;
      break;
    case 2:
      p.priceOnly = true;
      break;
    default:
      p.icpFit = 'poor';
  }
}

function ourSideChanged(s: Story): void {
  if (s.r.chance(0.6)) s.prospect.productId = s.w.catalogue.old.id;
  else s.prospect.productFit = 'no-fit';
}

export const ENDING_KINDS = {
  // Rule 1: the company asked not to be contacted, or everyone unsubscribed.
  'do-not-contact': {
    weight: 2,
    tell(s) {
      const [last] = coldChase(s, s.r.int(1, 6), s.r.int(2, 30), false).slice(-1);
      const way = s.r.int(0, 2);
      if (way === 0) s.prospect.doNotContact = true;
      else if (way === 1) for (const c of s.contacts) c.doNotContact = true;
      else {
        s.contacts.splice(1);
        s.response((last as StoredEvent).at + s.r.int(5, 120) * MINUTE, 'unsubscribe', { channel: 'email' });
      }
    },
  },
  // Rule 4: not serious, goals unclear, price only, or a poor fit: a polite exit.
  disqualify: {
    weight: 2,
    tell(s) {
      discovery(s, s.r.int(1, 15), { quality: 'partial' });
      notRight(s);
    },
  },
  // Rule 4: the exit message went out: stop.
  disqualified: {
    weight: 2,
    tell(s) {
      const age = s.r.int(2, 30);
      discovery(s, age + s.r.int(2, 8));
      notRight(s);
      s.touch(s.day(age), s.primary, 'email', 'sent', 'disqualify');
    },
  },
  // Rule 3: the product they wanted was deprioritized, or discovery showed no fit.
  'close-out': {
    weight: 2,
    tell(s) {
      discovery(s, s.r.int(1, 20));
      ourSideChanged(s);
    },
  },
  // Rule 3, then 10: the close-out message went out: nurture in six months.
  'closed-out': {
    weight: 1,
    tell(s) {
      const age = s.r.int(5, 60);
      discovery(s, age + s.r.int(3, 10));
      ourSideChanged(s);
      s.touch(s.day(age), s.primary, 'email', 'sent', 'close-out');
    },
  },
  // Rule 2: customers are never dropped: a check-in every 90 days.
  customer: {
    weight: 6,
    tell(s) {
      s.prospect.relationship = 'customer';
      customerHistory(s, s.r.int(10, 110));
    },
  },
  // Rule 2: ex-customers every 180 days.
  'ex-customer': {
    weight: 2,
    tell(s) {
      s.prospect.relationship = 'ex-customer';
      customerHistory(s, s.r.int(60, 200));
    },
  },
  // Rule 2: a won deal makes a customer.
  won: {
    weight: 1,
    tell(s) {
      const age = s.r.int(20, 150);
      discovery(s, age + s.r.int(10, 25), { how: 'meeting', quality: 'full' });
      qualified(s);
      s.talk(s.day(age + s.r.int(2, 8)), 'meeting', 'full');
      s.deal(s.day(age), 'won');
    },
  },
  // Rule 2 then 5: a customer wrote back; answer within the hour.
  'customer-reply': {
    weight: 1,
    tell(s) {
      s.prospect.relationship = 'customer';
      customerHistory(s, s.r.int(3, 60));
      s.response(s.r.chance(0.5) ? s.minutesAgo(s.r.int(10, 240)) : s.day(1, s.r.int(13, 16)), 'positive');
    },
  },
} satisfies Record<string, Kind>;
