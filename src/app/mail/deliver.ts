// Sending what is due in the outbox, one email at a time and never twice. Each email is checked
// again at the moment it goes (do-not-contact, a bounced address, a reply or a conversation since
// it was queued, the business window, the mailbox's spacing and daily cap); then it is marked
// "sending" (its Message-ID already recorded) before the SMTP server sees it. What the server
// answers decides the rest: accepted (a copy filed in Sent, the touch logged, the prospect
// re-decided), refused (for now: later; for good: failed, or the address bounced), or unknown (the
// connection broke with the message handed over): then it waits for the rep, never resent alone.
// A process that dies mid-send leaves the email "sending"; `reconcile` finds it in Sent (it went)
// or asks the rep.

import { assertNever } from '../../core/errors.js';
import type { Mailbox, OutboxItem } from '../../core/records.js';
import { fileSent, imapClient } from '../../integrations/mail/imap.js';
import type { ImapFlow } from 'imapflow';
import { composeMail, SmtpSender } from '../../integrations/mail/smtp.js';
import type { MailAuth } from '../../integrations/mail/smtp.js';
import { events } from '../../store/repositories/events.repository.js';
import { mailboxes, outbox } from '../../store/repositories/mail.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { mailAuth } from './mailboxes.js';
import { mayNotWrite, slotFor } from './outbox.js';
import { recordBounce, recordSent } from './settle.js';
import { unsubscribeUrl } from './unsubscribe.js';

/** Retries of an email the server put off, or that could not be handed over, before it fails. */
const MAX_ATTEMPTS = 6;

const backoff = (attempts: number) => Math.min(60, 2 ** attempts) * 60_000;

export type Delivery =
  | { item: OutboxItem; outcome: 'sent' | 'bounced' | 'failed' | 'unconfirmed' | 'cancelled' | 'later' }
  | { item: OutboxItem; outcome: 'skipped' };

/** A conversation or an answer since it was queued: what it says may no longer be right. */
async function overtaken(q: Q, item: OutboxItem): Promise<string | undefined> {
  const since = (await events.listByProspect(q, item.prospectId)).filter((e) => e.loggedAt > item.createdAt);
  for (const e of since) {
    const d = e.data as { outcome?: string; sentiment?: string };
    if (e.type === 'response') return `they answered (${d.sentiment ?? 'a response'}) before it went`;
    if (e.type === 'touch' && (d.outcome === 'connected' || d.outcome === 'held'))
      return 'you spoke with them before it went';
    if (e.type === 'commitment' || e.type === 'deal') return `a ${e.type} was logged before it went`;
  }
  return undefined;
}

/** Checks an email at the moment it is to go, and claims it for sending (status sending). */
async function claim(
  ctx: AppContext,
  id: string,
  now: number,
): Promise<Delivery | { item: OutboxItem; mailbox: Mailbox }> {
  return inTransaction(ctx, async (q) => {
    const item = await outbox.findById(q, id);
    if (item === undefined || item.status !== 'queued')
      return { item: item as OutboxItem, outcome: 'skipped' };
    const prospect = await prospects.findById(q, item.prospectId);
    const contact = (await contacts.listByProspect(q, item.prospectId)).find((c) => c.id === item.contactId);
    const mailbox = await mailboxes.findById(q, item.mailboxId);
    const why =
      prospect === undefined
        ? 'the prospect is gone'
        : mailbox === undefined
          ? 'the mailbox was disconnected'
          : ((await mayNotWrite(q, prospect, contact, item.toAddress)) ??
            (contact?.email !== item.toAddress ? "the contact's address changed" : undefined) ??
            (await overtaken(q, item)));
    if (why !== undefined || mailbox === undefined || contact === undefined) {
      await outbox.move(q, item.id, ['queued'], 'cancelled', { at: now, error: why ?? 'cancelled' });
      return { item: { ...item, status: 'cancelled', lastError: why ?? null }, outcome: 'cancelled' };
    }
    const rep = await users.findById(q, item.userId);
    if (rep !== undefined) {
      const slot = await slotFor(q, ctx, mailbox, item, contact.timezone ?? rep.timezone, rep, now);
      if (slot.at > now) {
        await outbox.move(q, item.id, ['queued'], 'queued', { at: now, sendAfter: slot.at });
        return { item: { ...item, sendAfter: slot.at }, outcome: 'later' };
      }
    }
    if (!(await outbox.move(q, item.id, ['queued'], 'sending', { at: now, attempt: true }))) {
      return { item, outcome: 'skipped' };
    }
    return { item: { ...item, status: 'sending', attempts: item.attempts + 1 }, mailbox };
  });
}

/**
 * What sending from one mailbox holds open across its emails: the sign-in, one SMTP connection,
 * and one IMAP connection to file copies in Sent.
 */
class Channel {
  private sender: SmtpSender | undefined;
  private filer: ImapFlow | undefined;

  constructor(
    readonly mailbox: Mailbox,
    readonly auth: MailAuth,
  ) {}

  send(envelope: { from: string; to: string }, raw: Buffer) {
    this.sender ??= new SmtpSender(this.mailbox.smtp, this.auth);
    return this.sender.send(envelope, raw);
  }

  /** Files a copy in Sent; a missing copy loses nothing (the send is recorded here either way). */
  async file(raw: Buffer, at: number): Promise<void> {
    if (this.mailbox.sentFolder === null) return;
    try {
      if (this.filer === undefined || !this.filer.usable) {
        this.filer = imapClient({ server: this.mailbox.imap, auth: this.auth });
        await this.filer.connect();
      }
      await fileSent(this.filer, this.mailbox.sentFolder, raw, at);
    } catch {
      this.filer?.close();
      this.filer = undefined;
    }
  }

  async close(): Promise<void> {
    this.sender?.close();
    await this.filer?.logout().catch(() => this.filer?.close());
  }
}

async function openChannel(ctx: AppContext, mailbox: Mailbox): Promise<Channel | string> {
  try {
    return new Channel(mailbox, await mailAuth(ctx, mailbox));
  } catch (error) {
    const message = (error as Error).message;
    await inTransaction(ctx, (q) => mailboxes.setStatus(q, mailbox.id, message, ctx.now()));
    return message;
  }
}

/** Sends one email now if it is due and still right; says what became of it. */
export async function deliver(ctx: AppContext, id: string, open?: Channel): Promise<Delivery> {
  const claimed = await claim(ctx, id, ctx.now());
  if ('outcome' in claimed) return claimed;
  const { item, mailbox } = claimed;
  const again = async (error: string, permanent: boolean): Promise<Delivery> => {
    const now = ctx.now();
    const final = permanent || item.attempts >= MAX_ATTEMPTS;
    await inTransaction(ctx, (q) =>
      outbox.move(q, item.id, ['sending'], final ? 'failed' : 'queued', {
        at: now,
        error,
        ...(final ? {} : { sendAfter: now + backoff(item.attempts) }),
      }),
    );
    return {
      item: { ...item, status: final ? 'failed' : 'queued', lastError: error },
      outcome: final ? 'failed' : 'later',
    };
  };
  const channel = open ?? (await openChannel(ctx, mailbox));
  if (typeof channel === 'string') return again(channel, false);
  try {
    const sentAt = ctx.now();
    const raw = await composeMail({
      from: { address: mailbox.address, name: mailbox.displayName ?? undefined },
      to: { address: item.toAddress, name: item.toName ?? undefined },
      subject: item.subject,
      text: item.body,
      messageId: item.messageId,
      inReplyTo: item.inReplyTo ?? undefined,
      references: item.references,
      date: sentAt,
      unsubscribeUrl: unsubscribeUrl(ctx, item),
      unsubscribeMailto: `mailto:${mailbox.address}?subject=unsubscribe`,
    });
    const outcome = await channel.send({ from: mailbox.address, to: item.toAddress }, raw);
    const now = ctx.now();
    switch (outcome.kind) {
      case 'accepted':
        await channel.file(raw, sentAt);
        await inTransaction(ctx, async (q) => {
          await recordSent(q, ctx, item, sentAt, ctx.now());
          if (mailbox.status !== 'ok') await mailboxes.setStatus(q, mailbox.id, null, now);
        });
        return { item: { ...item, status: 'sent', sentAt }, outcome: 'sent' };
      case 'refused':
        if (outcome.permanent && outcome.recipient) {
          await inTransaction(ctx, (q) => recordBounce(q, ctx, item, outcome.message, now));
          return { item: { ...item, status: 'bounced', lastError: outcome.message }, outcome: 'bounced' };
        }
        return again(outcome.message, outcome.permanent);
      case 'not-sent':
        await inTransaction(ctx, (q) => mailboxes.setStatus(q, mailbox.id, outcome.message, now));
        return again(outcome.message, false);
      case 'unknown':
        await inTransaction(ctx, (q) =>
          outbox.move(q, item.id, ['sending'], 'unconfirmed', {
            at: now,
            error: `the connection broke as it was sent (${outcome.message}): check your Sent folder`,
          }),
        );
        return { item: { ...item, status: 'unconfirmed' }, outcome: 'unconfirmed' };
      default:
        return assertNever(outcome);
    }
  } finally {
    if (open === undefined) await channel.close();
  }
}

/** Sends every email of a mailbox that is due now (oldest first), on one connection. */
export async function deliverDue(ctx: AppContext, mailboxId: string, limit = 50): Promise<Delivery[]> {
  const due = await inTransaction(ctx, (q) => outbox.due(q, ctx.now(), limit, mailboxId));
  const mailbox =
    due.length === 0 ? undefined : await inTransaction(ctx, (q) => mailboxes.findById(q, mailboxId));
  if (mailbox === undefined) return [];
  const channel = await openChannel(ctx, mailbox);
  const done: Delivery[] = [];
  try {
    for (const item of due)
      done.push(await deliver(ctx, item.id, typeof channel === 'string' ? undefined : channel));
  } finally {
    if (typeof channel !== 'string') await channel.close();
  }
  return done;
}
