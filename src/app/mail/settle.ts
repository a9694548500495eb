// What became of an email, recorded: sent (its touch logged, the prospect re-decided), bounced (the
// address marked bad; a touch that went out "sent" turns "bounced", since it reached no one), or
// settled after its sending was cut off: found in Sent (it went), or the rep says.

import { PursuitError } from '../../core/errors.js';
import type { Mailbox, OutboxItem, User } from '../../core/records.js';
import { hasMessage, imapClient } from '../../integrations/mail/imap.js';
import type { MailAuth } from '../../integrations/mail/smtp.js';
import { events } from '../../store/repositories/events.repository.js';
import { outbox } from '../../store/repositories/mail.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { recordEvent } from '../prospects/logging.js';
import { visibleItem } from './outbox.js';

/** An email "sending" for longer than this was cut off: its process stopped mid-send. */
const STUCK_MS = 5 * 60_000;

/** The sent email's touch, in the contract's form, with what identifies the email. */
function touchOf(item: OutboxItem, at: number, outcome: 'sent' | 'bounced') {
  return {
    type: 'touch',
    at: new Date(at).toISOString(),
    contactId: item.contactId,
    channel: 'email',
    outcome,
    purpose: item.purpose,
    mail: { outboxId: item.id, messageId: item.messageId, subject: item.subject },
  };
}

/** Records a sent email: the touch (by the rep who sent it, not undoable), and the decision after it. */
export async function recordSent(
  q: Q,
  ctx: AppContext,
  item: OutboxItem,
  sentAt: number,
  now: number,
): Promise<boolean> {
  const prospect = await prospects.findById(q, item.prospectId);
  if (prospect === undefined) return false;
  const logged = await recordEvent(
    q,
    ctx,
    prospect,
    touchOf(item, sentAt, 'sent'),
    { by: item.userId, undoable: false },
    now,
  );
  return outbox.move(q, item.id, ['sending', 'unconfirmed'], 'sent', {
    at: now,
    sentAt,
    eventId: logged.event.id,
    error: null,
  });
}

/** An address that reaches no one: no more email to it, and a bounced touch (the next is a call). */
export async function recordBounce(
  q: Q,
  ctx: AppContext,
  item: OutboxItem,
  why: string,
  now: number,
): Promise<void> {
  const contact = (await contacts.listByProspect(q, item.prospectId)).find((c) => c.id === item.contactId);
  if (contact !== undefined && contact.email === item.toAddress && contact.emailBouncedAt === null) {
    await contacts.update(q, { ...contact, emailBouncedAt: now });
  }
  const prospect = await prospects.findById(q, item.prospectId);
  if (prospect === undefined) return;
  if (item.eventId !== null) {
    // It was logged as sent: it reached no one after all.
    const sent = await events.findById(q, item.eventId);
    if (sent !== undefined)
      await events.replaceData(q, sent.id, { ...sent.data, outcome: 'bounced', bounce: why });
    await refreshDecisions(q, prospect.orgId, [prospect.id], now, ctx.defaultPlaybookText);
  } else {
    const logged = await recordEvent(
      q,
      ctx,
      prospect,
      { ...touchOf(item, now, 'bounced'), bounce: why },
      { by: item.userId, undoable: false },
      now,
    );
    item.eventId = logged.event.id;
  }
  await outbox.move(q, item.id, ['sending', 'sent', 'unconfirmed'], 'bounced', {
    at: now,
    error: why,
    ...(item.eventId === null ? {} : { eventId: item.eventId }),
  });
}

/**
 * Settles the emails a process left "sending" when it stopped: one found in Sent went (its touch is
 * logged now); one not found waits for the rep ("did it go?"), and is never sent again alone.
 */
export async function reconcile(ctx: AppContext, mailbox: Mailbox, auth: MailAuth): Promise<number> {
  // A send takes seconds: one "sending" for longer was cut off (in this process or another).
  const before = ctx.now() - STUCK_MS;
  const stuck = (await inTransaction(ctx, (q) => outbox.withStatus(q, 'sending', mailbox.id))).filter(
    (o) => o.updatedAt < before,
  );
  if (stuck.length === 0) return 0;
  const client = imapClient({ server: mailbox.imap, auth });
  await client.connect();
  try {
    for (const item of stuck) {
      const filed =
        mailbox.sentFolder !== null && (await hasMessage(client, mailbox.sentFolder, item.messageId));
      const now = ctx.now();
      await inTransaction(ctx, async (q) => {
        if (filed) await recordSent(q, ctx, item, item.updatedAt, now);
        else {
          await outbox.move(q, item.id, ['sending'], 'unconfirmed', {
            at: now,
            error: 'Pursuit stopped while sending it: check your Sent folder, then say whether it went',
          });
        }
      });
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return stuck.length;
}

/**
 * The rep's answer about an email whose sending was cut off: it went (its touch is logged), or it
 * did not (it is queued to go now).
 */
export async function settleEmail(
  ctx: AppContext,
  actor: User,
  id: string,
  went: boolean,
): Promise<OutboxItem> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const item = await visibleItem(q, actor, id);
    if (item.status !== 'unconfirmed') {
      throw new PursuitError(
        'CONFLICT',
        `it is ${item.status}: only an email whose sending was cut off is settled`,
        'id',
      );
    }
    if (went) {
      await recordSent(q, ctx, item, item.updatedAt, now);
      return { ...item, status: 'sent', sentAt: item.updatedAt };
    }
    await outbox.move(q, item.id, ['unconfirmed'], 'queued', { at: now, sendAfter: now, error: null });
    return { ...item, status: 'queued', sendAfter: now, lastError: null };
  });
}
