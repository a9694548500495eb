// Whom to reach and how: the target contact and the channel rule of PLAYBOOK.md.

import type { ReachChannel } from '../decision.js';
import { assertNever } from '../errors.js';
import { findLast } from '../history.js';
import type { ChannelPolicyName } from '../playbook/schema.js';
import type { ContactInfo, Response, Touch } from '../scenario/state.js';
import { contactById, isContactable } from './context.js';
import type { Ctx } from './context.js';

/** The first contact with role primary, else the first contact. */
export function primaryContact(ctx: Ctx): ContactInfo {
  const contacts = ctx.state.contacts;
  return contacts.find((c) => c.role === 'primary') ?? (contacts[0] as ContactInfo);
}

function lastTouchTo(touches: Touch[], contactId: string): number {
  for (let i = touches.length - 1; i >= 0; i -= 1) {
    const t = touches[i] as Touch;
    if (t.contactId === contactId) return t.at;
  }
  return Number.NEGATIVE_INFINITY;
}

/** The contactable contact least recently touched in the stretch (ties: contact list order). */
export function leastRecentlyTouched(ctx: Ctx): ContactInfo | undefined {
  let best: ContactInfo | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const c of ctx.contactable) {
    const at = lastTouchTo(ctx.h.stretch, c.id);
    if (at < bestAt) {
      best = c;
      bestAt = at;
    }
  }
  return best;
}

function lastReferral(ctx: Ctx): Response | undefined {
  for (let i = ctx.h.responses.length - 1; i >= 0; i -= 1) {
    const r = ctx.h.responses[i] as Response;
    if (r.sentiment === 'referral' && r.referredContactId !== undefined) return r;
  }
  return undefined;
}

export function multiThreadNoticeSent(ctx: Ctx): boolean {
  return ctx.h.stretch.some((t) => t.purpose === 'multi-thread');
}

/** The target contact: referred, else primary, else (or after a multi-thread notice) the least recently touched. */
export function targetContact(ctx: Ctx): ContactInfo | undefined {
  const referral = lastReferral(ctx);
  const referred = contactById(ctx, referral?.referredContactId);
  if (isContactable(ctx, referred)) return referred;
  const primary = primaryContact(ctx);
  if (isContactable(ctx, primary) && !multiThreadNoticeSent(ctx)) return primary;
  return leastRecentlyTouched(ctx);
}

function hasPhone(c: ContactInfo): boolean {
  return c.phone !== undefined && c.phone.trim() !== '';
}

function hasEmail(c: ContactInfo): boolean {
  return c.email !== undefined && c.email.trim() !== '';
}

function written(c: ContactInfo): ReachChannel {
  return hasEmail(c) ? 'email' : 'social';
}

/** The channel rule: a call, unless the last unanswered touches to them were calls, or they have no phone. */
export function ruleChannel(ctx: Ctx, contact: ContactInfo): ReachChannel {
  if (!hasPhone(contact)) return written(contact);
  // A bounced email reached no one: the next touch to that contact is a call.
  const lastAttempt = findLast(ctx.h.events, (e) => e.type === 'touch' && e.contactId === contact.id);
  if (lastAttempt?.type === 'touch' && lastAttempt.outcome === 'bounced') return 'call';
  const n = ctx.playbook.doc.followUp.switchToEmailAfterCalls;
  const toContact = ctx.h.stretch.filter((t) => t.contactId === contact.id);
  const recent = toContact.slice(-n);
  if (recent.length === n && recent.every((t) => t.channel === 'call') && hasEmail(contact)) return 'email';
  return 'call';
}

/** The channel of an action, by the playbook's policy for it. */
export function channelFor(
  ctx: Ctx,
  policy: ChannelPolicyName,
  contact: ContactInfo,
  reply?: Response,
): ReachChannel {
  switch (policy) {
    case 'auto':
      return ruleChannel(ctx, contact);
    case 'email':
      return hasEmail(contact) || !hasPhone(contact) ? written(contact) : 'call';
    case 'call':
      return hasPhone(contact) ? 'call' : written(contact);
    case 'reply': {
      const used = reply?.channel;
      if (used === 'email') return hasEmail(contact) ? 'email' : ruleChannel(ctx, contact);
      if (used === 'sms') return hasPhone(contact) ? 'sms' : written(contact);
      if (used === 'social') return 'social';
      return hasPhone(contact) ? 'call' : written(contact);
    }
    default:
      return assertNever(policy);
  }
}
