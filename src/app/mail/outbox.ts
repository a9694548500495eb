// The outbox: an email action on the agenda becomes an email on its way, as drafted or as the rep
// edited it, to go now (the rep sent it) or inside the contact's business window. At most one email
// a prospect is on its way at a time, and its Message-ID is made here, before anything is sent. It
// joins the thread of the conversation with that contact. A rep can cancel one that has not gone,
// and settle one whose sending was cut off ("did it go?").

import { randomUUID } from 'node:crypto';
import { DAY, dayNumber, fromLocal, toLocal } from '../../core/calendar.js';
import type { Decision } from '../../core/decision.js';
import { PursuitError } from '../../core/errors.js';
import { nextSendTime, sendLimits } from '../../core/mail/schedule.js';
import { threadAfter } from '../../core/mail/thread.js';
import type { EarlierMessage } from '../../core/mail/thread.js';
import type { Contact, MailMessage, Mailbox, OutboxItem, Prospect, User } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { mailMessages, mailboxes, outbox } from '../../store/repositories/mail.repository.js';
import { contacts } from '../../store/repositories/prospects.repository.js';
import { resolveProspect, visibleOwners } from '../accounts/actors.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { activeEngine, refreshDecisions } from '../decisions/decisions.js';
import { suppressionOf, suppressionReason } from '../decisions/suppressions.js';
import { text } from '../inputs.js';
import { purposeOf } from '../prospects/event-input.js';

/** Characters a header line may not hold (a line break would start a header of its own). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const CONTROL = /[\u0000-\u001f\u007f]+/g;

export interface SendRequest {
  /** The rep's own words, else the draft's. */
  subject?: string | undefined;
  body?: string | undefined;
  /** now (default) or window: inside the contact's business window. */
  when?: 'now' | 'window' | undefined;
}

/** Why an email may not go to a contact now, or undefined when it may. */
export function cannotWrite(prospect: Prospect, contact: Contact | undefined): string | undefined {
  if (prospect.doNotContact) return `${prospect.name} is not to be contacted`;
  if (contact === undefined) return `${prospect.name} has no contact to write to`;
  if (contact.doNotContact) return `${contact.name} asked not to be contacted`;
  if (contact.email === null) return `${contact.name} has no email address`;
  if (contact.emailBouncedAt !== null)
    return `mail to ${contact.email} bounced: give ${contact.name} a new address`;
  return undefined;
}

/**
 * Why an email may not go to this address now (the record's own flags, then the do-not-contact
 * list, which holds the person whatever record they are on), or undefined when it may.
 */
export async function mayNotWrite(
  q: Q,
  prospect: Prospect,
  contact: Contact | undefined,
  toAddress: string | null,
): Promise<string | undefined> {
  const refusal = cannotWrite(prospect, contact);
  if (refusal !== undefined || contact === undefined) return refusal;
  const listed = await suppressionOf(q, prospect.orgId, { ...contact, email: toAddress });
  return listed === undefined ? undefined : suppressionReason(listed);
}

/** The last message of the conversation with a contact, ours or theirs, for threading. */
async function lastOfConversation(
  q: Q,
  prospectId: string,
  contactId: string,
): Promise<EarlierMessage | undefined> {
  const ours = (await outbox.listByProspect(q, prospectId)).find(
    (o) => o.contactId === contactId && (o.status === 'sent' || o.status === 'unconfirmed'),
  );
  const theirs = (await mailMessages.listByProspect(q, prospectId)).find(
    (m) => m.contactId === contactId && m.kind === 'reply',
  );
  const mine = ours === undefined ? undefined : { at: ours.sentAt ?? ours.createdAt, m: ours };
  if (theirs !== undefined && (mine === undefined || theirs.receivedAt > mine.at)) {
    const references = Array.isArray(theirs.reading.references)
      ? (theirs.reading.references as string[])
      : [];
    return { messageId: theirs.messageId, references, subject: theirs.subject };
  }
  return ours === undefined
    ? undefined
    : { messageId: ours.messageId, references: ours.references, subject: ours.subject };
}

function messageIdFor(mailbox: Mailbox): string {
  const domain = mailbox.address.split('@')[1] ?? 'pursuit.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/** When an email queued now may go: at once, or the moment the window, spacing and cap allow. */
export async function slotFor(
  q: Q,
  ctx: AppContext,
  mailbox: Mailbox,
  item: Pick<OutboxItem, 'mode' | 'sendAfter'>,
  contactZone: string,
  rep: User,
  now: number,
) {
  const { playbook } = await activeEngine(q, mailbox.orgId, ctx.defaultPlaybookText);
  const repDay = fromLocal(rep.timezone, dayNumber(toLocal(rep.timezone, now)) * DAY);
  const sent = await outbox.sentSince(q, mailbox.id, repDay);
  return nextSendTime({
    now,
    mode: item.mode,
    notBefore: item.sendAfter,
    contactZone,
    repZone: rep.timezone,
    calendar: playbook.calendar,
    limits: sendLimits(playbook.doc),
    sentToday: sent.count,
    lastSentAt: sent.last,
  });
}

/**
 * Puts the prospect's next email on its way: the action Pursuit proposes must go by email. Asking
 * again for the same email gives the one already on its way.
 */
export async function queueEmail(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  request: SendRequest,
): Promise<OutboxItem> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const mailbox = await mailboxes.findByUser(q, actor.id);
    if (mailbox === undefined) {
      throw new PursuitError(
        'CONFLICT',
        'connect your mailbox first (Settings, or pursuit mailbox add)',
        'mailbox',
      );
    }
    let stored = await decisions.findByProspect(q, prospect.id);
    if (stored === undefined || (stored.recheckAt !== null && stored.recheckAt <= now)) {
      stored = (await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText)).get(
        prospect.id,
      );
    }
    const decision = stored?.decision as unknown as Decision | undefined;
    if (decision === undefined || decision.channel !== 'email' || decision.message === undefined) {
      const what =
        decision === undefined
          ? 'no next step'
          : `${decision.action}${decision.channel === undefined ? '' : ` by ${decision.channel}`}`;
      throw new PursuitError(
        'CONFLICT',
        `Pursuit's next step for ${prospect.name} is ${what}, not an email`,
        'prospect',
      );
    }
    const contact = (await contacts.listByProspect(q, prospect.id)).find((c) => c.id === decision.contactId);
    const refusal = await mayNotWrite(q, prospect, contact, contact?.email ?? null);
    if (refusal !== undefined || contact === undefined)
      throw new PursuitError('CONFLICT', refusal ?? 'no contact', 'contact');
    const thread = threadAfter(
      await lastOfConversation(q, prospect.id, contact.id),
      decision.message.subject,
    );
    // A subject is one line: a line break in it would start a header of its own.
    // The draft's own subject, sent back unedited, is the thread's ("Re: ..."), so the email stays in it.
    const typed = text('subject', request.subject);
    const subject = (typed === undefined || typed === decision.message.subject ? thread.subject : typed)
      .replace(CONTROL, ' ')
      .trim();
    const body = text('body', request.body) ?? decision.message.body;
    const open = await outbox.findOpen(q, prospect.id);
    if (open !== undefined) {
      if (open.subject === subject && open.body === body && open.contactId === contact.id) return open;
      throw new PursuitError(
        'CONFLICT',
        `an email to ${prospect.name} is already on its way (${open.status}): cancel it first to send another`,
        'prospect',
      );
    }
    const mode = request.when ?? 'now';
    const item: OutboxItem = {
      id: randomUUID(),
      orgId: actor.orgId,
      userId: actor.id,
      mailboxId: mailbox.id,
      prospectId: prospect.id,
      contactId: contact.id,
      toAddress: contact.email as string,
      toName: contact.name,
      subject,
      body,
      messageId: messageIdFor(mailbox),
      inReplyTo: thread.inReplyTo ?? null,
      references: thread.references,
      action: decision.action,
      purpose: purposeOf(decision.action),
      mode,
      sendAfter: now,
      status: 'queued',
      attempts: 0,
      lastError: null,
      eventId: null,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
    };
    const slot = await slotFor(q, ctx, mailbox, item, contact.timezone ?? actor.timezone, actor, now);
    item.sendAfter = slot.at;
    await outbox.insert(q, item);
    return item;
  });
}

export async function visibleItem(q: Q, actor: User, id: string): Promise<OutboxItem> {
  const item = await outbox.findById(q, id);
  const owners = await visibleOwners(q, actor);
  if (
    item === undefined ||
    item.orgId !== actor.orgId ||
    (owners !== undefined && !owners.includes(item.userId))
  ) {
    throw new PursuitError('NOT_FOUND', 'no such email', 'id');
  }
  return item;
}

/** Stops an email that has not gone yet. */
export async function cancelEmail(ctx: AppContext, actor: User, id: string): Promise<OutboxItem> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const item = await visibleItem(q, actor, id);
    const moved = await outbox.move(q, item.id, ['queued'], 'cancelled', {
      at: now,
      error: 'cancelled by the rep',
    });
    if (!moved) {
      throw new PursuitError(
        'CONFLICT',
        `it is ${item.status === 'sending' ? 'being sent right now' : item.status}: too late to cancel`,
        'id',
      );
    }
    return { ...item, status: 'cancelled', lastError: 'cancelled by the rep', updatedAt: now };
  });
}

export async function listOutbox(ctx: AppContext, actor: User, limit = 100): Promise<OutboxItem[]> {
  return inTransaction(ctx, async (q) =>
    outbox.listByUsers(
      q,
      actor.orgId,
      await visibleOwners(q, actor),
      ['queued', 'sending', 'unconfirmed', 'failed', 'sent', 'bounced', 'cancelled'],
      limit,
    ),
  );
}

/** The emails sent to a prospect and the messages read from them, newest first. */
export async function prospectMail(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
): Promise<{ emails: OutboxItem[]; replies: MailMessage[] }> {
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    return {
      emails: await outbox.listByProspect(q, prospect.id),
      replies: await mailMessages.listByProspect(q, prospect.id),
    };
  });
}
