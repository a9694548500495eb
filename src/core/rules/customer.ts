// Rule 2: customers and ex-customers are never dropped. Answer them, keep commitments, and check in
// when the last touch is older than the playbook's interval; no break-up, nurture, disqualify or close-out.

import { DAY } from '../calendar.js';
import type { Decision } from '../decision.js';
import { reach, wait } from './build.js';
import type { Ctx } from './context.js';
import { commitments } from './commitments.js';
import { outOfOffice, respondToReply } from './responses.js';
import { channelFor, targetContact } from './targeting.js';
import { day } from './words.js';

export function customer(ctx: Ctx): Decision | undefined {
  const relationship = ctx.relationship;
  if (relationship === 'prospect') return undefined;
  const answered = respondToReply(ctx) ?? commitments(ctx) ?? outOfOffice(ctx);
  if (answered !== undefined) return answered;

  const interval = ctx.playbook.doc.customers.checkInDays[relationship];
  const last = ctx.h.touches.at(-1);
  const contact = targetContact(ctx);
  if (contact === undefined) return undefined;
  const label = relationship === 'customer' ? 'A customer' : 'An ex-customer';
  const nextAt = last === undefined ? ctx.now : last.at + interval * DAY;
  if (nextAt > ctx.now) {
    return wait(
      ctx,
      'customer-check-in',
      nextAt,
      `${label}, touched ${Math.floor((ctx.now - (last?.at ?? ctx.now)) / DAY)} days ago: next check-in ${day(contact.timezone, nextAt)} (every ${interval} days). Never dropped.`,
    );
  }
  const since =
    last === undefined ? 'no touch logged yet' : `no touch in ${Math.floor((ctx.now - last.at) / DAY)} days`;
  const channel = channelFor(ctx, ctx.playbook.doc.channels['check-in'], contact);
  return reach(ctx, {
    action: 'check-in',
    rule: 'customer-check-in',
    reason: `${label} with ${since} (check in every ${interval} days): check in. Customers are never dropped.`,
    contact,
    channel,
    due: ctx.playbook.calendar.moveIntoWindow(contact.timezone, ctx.now),
    template: 'check-in',
  });
}
