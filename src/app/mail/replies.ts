// What a message read from a rep's mailbox does, once it is known to belong to a prospect: a reply is
// read (core/replies: its kind, the phrases that decided it, dates) and logged as the contact's
// response, which re-decides the prospect (an out-of-office pauses it until the return date, an
// unsubscribe stops it); a bounce of one of our emails marks the address bad. An automatic message
// that is neither an absence nor an opt-out is kept but not counted (correct.ts: a rep's correction).

import { randomUUID } from 'node:crypto';
import type { ReplyClass, ReplyKind } from '../../core/replies/classify.js';
import type { Contact, MailMessage, Mailbox, OutboxItem, Prospect, User } from '../../core/records.js';
import type { InboundMail } from '../../integrations/mail/inbound.js';
import type { Read } from './read.js';
import { mailMessages, outbox } from '../../store/repositories/mail.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext, Q } from '../context.js';
import { notifyOwner } from '../prospects/leads.js';
import { recordEvent } from '../prospects/logging.js';
import { recordBounce } from './settle.js';
import { optOut } from './unsubscribe.js';

/** The words of a reply kept on its event (the whole reply stays with the message). */
export const EVENT_TEXT = 2_000;
/** What of a reply's own words is kept with the message. */
const KEPT_TEXT = 20_000;

export interface Placed {
  prospect: Prospect;
  contact: Contact | undefined;
  outbox: OutboxItem | undefined;
}

export interface Seen {
  folder: string;
  uidValidity: number;
  uid: number;
  internalDate: number | undefined;
}

function stored(
  mailbox: Mailbox,
  seen: Seen,
  mail: InboundMail,
  placed: Placed,
  kind: 'reply' | 'bounce',
  now: number,
): MailMessage {
  return {
    id: randomUUID(),
    orgId: mailbox.orgId,
    mailboxId: mailbox.id,
    folder: seen.folder,
    uidValidity: seen.uidValidity,
    uid: seen.uid,
    messageId: mail.messageId ?? `<${seen.uidValidity}.${seen.uid}.${seen.folder}@${mailbox.id}>`,
    prospectId: placed.prospect.id,
    contactId: placed.contact?.id ?? null,
    outboxId: placed.outbox?.id ?? null,
    kind,
    fromAddress: mail.from ?? '',
    subject: mail.subject,
    text: '',
    reading: {},
    eventId: null,
    receivedAt: Math.min(mail.date ?? seen.internalDate ?? now, now),
    createdAt: now,
  };
}

/** A bounce of one of our emails: for good (5.x.x) the address is marked bad; for now it is only kept. */
export async function takeBounce(
  q: Q,
  ctx: AppContext,
  mailbox: Mailbox,
  seen: Seen,
  mail: InboundMail,
  item: OutboxItem,
  now: number,
): Promise<'bounce' | 'known'> {
  const failed =
    mail.bounce?.recipients.find((r) => r.address === item.toAddress) ?? mail.bounce?.recipients[0];
  const permanent =
    failed === undefined
      ? mail.bounce?.temporary !== true
      : failed.action === 'failed' && failed.status.startsWith('5');
  const prospect = await prospects.findById(q, item.prospectId);
  if (prospect === undefined) return 'known';
  const message = stored(mailbox, seen, mail, { prospect, contact: undefined, outbox: item }, 'bounce', now);
  const why = failed === undefined ? mail.subject : `${failed.status} ${failed.diagnostic}`.trim();
  message.text = why;
  message.reading = { permanent, recipients: mail.bounce?.recipients ?? [] };
  if (!(await mailMessages.insert(q, message))) return 'known';
  if (permanent && item.status !== 'bounced') await recordBounce(q, ctx, item, why, now);
  return 'bounce';
}

/** The contact at the prospect who wrote (a colleague on the thread is added as a stakeholder). */
async function writer(
  q: Q,
  prospect: Prospect,
  mail: InboundMail,
  fallback: Contact | undefined,
  now: number,
): Promise<Contact | undefined> {
  // Most replies come from the contact the email went to: no lookup.
  if (fallback !== undefined && fallback.email !== null && fallback.email === mail.from) return fallback;
  const all = await contacts.listByProspect(q, prospect.id);
  const found = all.find((c) => c.email !== null && c.email === mail.from);
  if (found !== undefined || mail.from === undefined) return found ?? fallback;
  const added: Contact = {
    id: randomUUID(),
    orgId: prospect.orgId,
    prospectId: prospect.id,
    position: all.length,
    name: mail.fromName ?? mail.from,
    role: 'stakeholder',
    email: mail.from,
    phone: null,
    timezone: fallback?.timezone ?? null,
    doNotContact: false,
    createdAt: now,
    emailBouncedAt: null,
  };
  await contacts.insert(q, added);
  return added;
}

/** The contact a referral points to, found by address or added. */
async function referred(
  q: Q,
  prospect: Prospect,
  reading: ReplyClass,
  like: Contact,
  now: number,
): Promise<string | undefined> {
  const address = reading.referral?.email?.toLowerCase();
  if (address === undefined) return undefined;
  const all = await contacts.listByProspect(q, prospect.id);
  const found = all.find((c) => c.email === address);
  if (found !== undefined) return found.id;
  const contact: Contact = {
    ...like,
    id: randomUUID(),
    position: all.length,
    name: reading.referral?.name ?? address.split('@')[0] ?? address,
    role: 'stakeholder',
    email: address,
    phone: null,
    doNotContact: false,
    createdAt: now,
    emailBouncedAt: null,
  };
  await contacts.insert(q, contact);
  return contact.id;
}

/** Whether a reading is counted as their response (an auto-acknowledgement is not). */
function counts(reading: ReplyClass): boolean {
  return !reading.automatic || reading.kind === 'out-of-office' || reading.kind === 'unsubscribe';
}

function responseData(
  reading: ReplyClass,
  message: MailMessage,
  contactId: string,
  referredId: string | undefined,
) {
  return {
    type: 'response',
    at: new Date(message.receivedAt).toISOString(),
    contactId,
    channel: 'email',
    sentiment: reading.kind,
    ...(reading.until === undefined || (reading.kind !== 'out-of-office' && reading.kind !== 'not-now')
      ? {}
      : { until: reading.until }),
    ...(referredId === undefined ? {} : { referredContactId: referredId }),
    mail: { messageId: message.messageId, subject: message.subject, messageRef: message.id },
    text: reading.ownText.slice(0, EVENT_TEXT),
    reading: {
      confidence: reading.confidence,
      phrases: reading.phrases,
      language: reading.language,
      automatic: reading.automatic,
    },
  };
}

/** A reply to a prospect's thread (or from one of its contacts): read, kept, and logged. */
export async function takeReply(
  q: Q,
  ctx: AppContext,
  mailbox: Mailbox,
  rep: User,
  seen: Seen,
  read: Read & { reading: ReplyClass },
  placed: Placed,
  now: number,
): Promise<'reply' | 'known'> {
  const { prospect } = placed;
  const { mail, reading } = read;
  const contact = await writer(q, prospect, mail, placed.contact, now);
  const message = stored(mailbox, seen, mail, { ...placed, contact }, 'reply', now);
  message.receivedAt = read.receivedAt;
  message.text = reading.ownText.slice(0, KEPT_TEXT);
  message.reading = {
    kind: reading.kind,
    confidence: reading.confidence,
    phrases: reading.phrases,
    language: reading.language,
    automatic: reading.automatic,
    counted: counts(reading) && contact !== undefined,
    ...(reading.until === undefined ? {} : { until: reading.until }),
    ...(reading.referral === undefined ? {} : { referral: reading.referral }),
    references: [...mail.references, ...(mail.messageId === undefined ? [] : [mail.messageId])].slice(-10),
  };
  // The response's id is known before the message is kept, which points at it.
  if (counts(reading) && contact !== undefined) message.eventId = randomUUID();
  if (!(await mailMessages.insert(q, message))) return 'known';
  if (contact === undefined || !counts(reading)) return 'reply';
  const referredId =
    reading.kind === 'referral' ? await referred(q, prospect, reading, contact, now) : undefined;
  // The caller re-decides the batch's prospects together.
  await recordEvent(
    q,
    ctx,
    prospect,
    responseData(reading, message, contact.id, referredId),
    { by: null, undoable: false, decide: false, id: message.eventId ?? undefined, optOut: 'reply' },
    now,
  );
  if (reading.kind === 'unsubscribe')
    await optOut(q, ctx, { prospectId: prospect.id, contactId: contact.id, userId: rep.id }, 'reply', now);
  // What was waiting to go was written before they answered.
  await outbox.cancelQueued(q, prospect.id, `they answered (${reading.kind}) before it went`, now);
  // A person's answer is news for the prospect's owner, at once (an automatic one is not).
  if (!reading.automatic) {
    const dated =
      reading.until !== undefined && (reading.kind === 'not-now' || reading.kind === 'out-of-office')
        ? `, until ${reading.until}`
        : '';
    await notifyOwner(
      q,
      prospect,
      'reply',
      `${contact.name} (${prospect.name}) replied: ${ANSWERS[reading.kind]}${dated}.`,
      now,
    );
  }
  return 'reply';
}

/** A reply's kind as the rep's notification says it. */
const ANSWERS: Record<ReplyKind, string> = {
  positive: 'interested',
  neutral: 'a question or a note',
  objection: 'an objection',
  referral: 'points you to someone else',
  'not-now': 'not now',
  'not-interested': 'not interested',
  'out-of-office': 'out of the office',
  unsubscribe: 'asks not to be contacted again',
};
