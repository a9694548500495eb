// Rule 7 (speed to lead) and rule 8 (a conversation without a commitment): the first moves after a
// lead arrives and after every conversation.

import { DAY, MINUTE } from '../calendar.js';
import type { Decision } from '../decision.js';
import { reach } from './build.js';
import { contactById, isContactable } from './context.js';
import type { Ctx } from './context.js';
import { evaluateTouch } from './numbers.js';
import { channelFor, targetContact } from './targeting.js';

export function speedToLead(ctx: Ctx): Decision | undefined {
  const rule = ctx.playbook.doc.speedToLead;
  const { prospect } = ctx.state;
  if (!rule.sources.includes(prospect.source) || ctx.h.touches.length > 0) return undefined;
  // A lead that arrived long ago (an imported backlog) is no longer new: rule 9 follows it up.
  if (rule.newForDays !== undefined && ctx.now - prospect.createdAt > rule.newForDays * DAY) return undefined;
  const contact = targetContact(ctx);
  if (contact === undefined) return undefined;
  const channel = channelFor(ctx, 'call', contact);
  // Within minutes of arriving; a lead that arrived outside business hours is called at the next opening.
  const calendar = ctx.playbook.calendar;
  const due = calendar.inWindow(contact.timezone, prospect.createdAt)
    ? calendar.moveIntoWindow(contact.timezone, prospect.createdAt + rule.withinMinutes * MINUTE)
    : calendar.moveIntoWindow(contact.timezone, prospect.createdAt);
  return reach(ctx, {
    action: 'follow-up',
    rule: 'speed-to-lead',
    reason: `New ${prospect.source} lead, not yet contacted: call within ${rule.withinMinutes} minutes, while they are still thinking about it.`,
    contact,
    channel,
    due,
    template: 'speed-to-lead',
    model: evaluateTouch(ctx, channel).numbers,
  });
}

export function scheduleNextStep(ctx: Ctx): Decision | undefined {
  const last = ctx.h.lastConversation;
  if (last === undefined) return undefined;
  const touchedSince = ctx.h.touches.some((t) => t.seq > last.seq);
  // A commitment the prospect made and did not withdraw (replaced ones count through their replacement).
  const committed = ctx.h.commitments.some((c) => c.event.at >= last.at);
  if (touchedSince || committed) return undefined;
  const spoke = contactById(ctx, last.contactId);
  const contact = isContactable(ctx, spoke) ? spoke : targetContact(ctx);
  if (contact === undefined) return undefined;
  const calendar = ctx.playbook.calendar;
  const days = ctx.playbook.doc.scheduleNextStep.withinBusinessDays;
  // By the end of the next business day: the same time a business day later, or the next opening
  // when the conversation happened outside business hours.
  const due = calendar.inWindow(contact.timezone, last.at)
    ? calendar.addBusinessDays(contact.timezone, last.at, days)
    : calendar.moveIntoWindow(contact.timezone, last.at);
  const channel = channelFor(ctx, ctx.playbook.doc.channels['schedule-next-step'], contact);
  return reach(ctx, {
    action: 'schedule-next-step',
    rule: 'schedule-next-step',
    reason: `Your last conversation with ${spoke?.name ?? contact.name} ended without a commitment: secure a dated next step (a scheduled call, not a "follow-up call") by the end of the next business day.`,
    contact,
    channel,
    due,
    template: 'schedule-next-step',
  });
}
