// Mailboxes, how far their folders were read, the outbox and the messages read from mailboxes:
// rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, MailboxesTable, MailMessagesTable, OutboxTable } from '../schema.js';
import type { MailFolder, MailMessage, Mailbox, OutboxItem, OutboxStatus } from '../../core/records.js';

type Q = Kysely<Database>;

const num = (v: number | null) => (v === null ? null : Number(v));

function toMailbox(r: Selectable<MailboxesTable>): Mailbox {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    address: r.address,
    displayName: r.display_name,
    smtp: { host: r.smtp_host, port: Number(r.smtp_port), security: r.smtp_security },
    imap: { host: r.imap_host, port: Number(r.imap_port), security: r.imap_security },
    username: r.username,
    auth: r.auth,
    secret: r.secret,
    sentFolder: r.sent_folder,
    status: r.status,
    lastError: r.last_error,
    lastErrorAt: num(r.last_error_at),
    lastSyncAt: num(r.last_sync_at),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function mailboxRow(m: Mailbox): Omit<MailboxesTable, 'lease_owner' | 'lease_until'> {
  return {
    id: m.id,
    org_id: m.orgId,
    user_id: m.userId,
    address: m.address,
    display_name: m.displayName,
    smtp_host: m.smtp.host,
    smtp_port: m.smtp.port,
    smtp_security: m.smtp.security,
    imap_host: m.imap.host,
    imap_port: m.imap.port,
    imap_security: m.imap.security,
    username: m.username,
    auth: m.auth,
    secret: m.secret,
    sent_folder: m.sentFolder,
    status: m.status,
    last_error: m.lastError,
    last_error_at: m.lastErrorAt,
    last_sync_at: m.lastSyncAt,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

export const mailboxes = {
  /** Connects a user's mailbox, replacing the one they had (their folders are read afresh). */
  async put(q: Q, m: Mailbox): Promise<void> {
    await q.deleteFrom('mailboxes').where('user_id', '=', m.userId).where('id', '!=', m.id).execute();
    const row = mailboxRow(m);
    await q
      .insertInto('mailboxes')
      .values({ ...row, lease_owner: null, lease_until: null })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  },
  async findByUser(q: Q, userId: string): Promise<Mailbox | undefined> {
    const r = await q.selectFrom('mailboxes').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return r === undefined ? undefined : toMailbox(r);
  },
  async findById(q: Q, id: string): Promise<Mailbox | undefined> {
    const r = await q.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toMailbox(r);
  },
  async list(q: Q, orgId?: string): Promise<Mailbox[]> {
    let query = q.selectFrom('mailboxes').selectAll();
    if (orgId !== undefined) query = query.where('org_id', '=', orgId);
    return (await query.orderBy('created_at').execute()).map(toMailbox);
  },
  async delete(q: Q, id: string): Promise<void> {
    await q.deleteFrom('mailboxes').where('id', '=', id).execute();
  },
  async setStatus(q: Q, id: string, error: string | null, at: number): Promise<void> {
    await q
      .updateTable('mailboxes')
      .set(
        error === null
          ? { status: 'ok', last_error: null, last_error_at: null }
          : { status: 'failing', last_error: error, last_error_at: at },
      )
      .where('id', '=', id)
      .execute();
  },
  async setSecret(q: Q, id: string, secret: string, at: number): Promise<void> {
    await q.updateTable('mailboxes').set({ secret, updated_at: at }).where('id', '=', id).execute();
  },
  async synced(q: Q, id: string, at: number): Promise<void> {
    await q.updateTable('mailboxes').set({ last_sync_at: at }).where('id', '=', id).execute();
  },
  /** Takes (or keeps) the right to read a mailbox until `until`; false when another process holds it. */
  async lease(q: Q, id: string, owner: string, now: number, until: number): Promise<boolean> {
    const r = await q
      .updateTable('mailboxes')
      .set({ lease_owner: owner, lease_until: until })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now), eb('lease_owner', '=', owner)]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async release(q: Q, id: string, owner: string): Promise<void> {
    await q
      .updateTable('mailboxes')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  },
};

export const mailFolders = {
  async find(q: Q, mailboxId: string, path: string): Promise<MailFolder | undefined> {
    const r = await q
      .selectFrom('mail_folders')
      .selectAll()
      .where('mailbox_id', '=', mailboxId)
      .where('path', '=', path)
      .executeTakeFirst();
    if (r === undefined) return undefined;
    return {
      mailboxId: r.mailbox_id,
      path: r.path,
      uidValidity: Number(r.uid_validity),
      lastUid: Number(r.last_uid),
      syncedAt: Number(r.synced_at),
    };
  },
  async save(q: Q, f: MailFolder): Promise<void> {
    const values = { uid_validity: f.uidValidity, last_uid: f.lastUid, synced_at: f.syncedAt };
    await q
      .insertInto('mail_folders')
      .values({ mailbox_id: f.mailboxId, path: f.path, ...values })
      .onConflict((oc) => oc.columns(['mailbox_id', 'path']).doUpdateSet(values))
      .execute();
  },
};

const OPEN: OutboxStatus[] = ['queued', 'sending', 'unconfirmed'];

function toOutbox(r: Selectable<OutboxTable>): OutboxItem {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    mailboxId: r.mailbox_id,
    prospectId: r.prospect_id,
    contactId: r.contact_id,
    toAddress: r.to_address,
    toName: r.to_name,
    subject: r.subject,
    body: r.body,
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    references: r.reference_ids === null || r.reference_ids === '' ? [] : r.reference_ids.split(' '),
    action: r.action,
    purpose: r.purpose,
    mode: r.mode,
    sendAfter: Number(r.send_after),
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    eventId: r.event_id,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    sentAt: num(r.sent_at),
  };
}

export const outbox = {
  async insert(q: Q, o: OutboxItem): Promise<void> {
    await q
      .insertInto('outbox')
      .values({
        id: o.id,
        org_id: o.orgId,
        user_id: o.userId,
        mailbox_id: o.mailboxId,
        prospect_id: o.prospectId,
        contact_id: o.contactId,
        open_key: OPEN.includes(o.status) ? o.prospectId : null,
        to_address: o.toAddress,
        to_name: o.toName,
        subject: o.subject,
        body: o.body,
        message_id: o.messageId,
        in_reply_to: o.inReplyTo,
        reference_ids: o.references.join(' '),
        action: o.action,
        purpose: o.purpose,
        mode: o.mode,
        send_after: o.sendAfter,
        status: o.status,
        attempts: o.attempts,
        last_error: o.lastError,
        event_id: o.eventId,
        created_at: o.createdAt,
        updated_at: o.updatedAt,
        sent_at: o.sentAt,
      })
      .execute();
  },
  async findById(q: Q, id: string): Promise<OutboxItem | undefined> {
    const r = await q.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toOutbox(r);
  },
  async findOpen(q: Q, prospectId: string): Promise<OutboxItem | undefined> {
    const r = await q.selectFrom('outbox').selectAll().where('open_key', '=', prospectId).executeTakeFirst();
    return r === undefined ? undefined : toOutbox(r);
  },
  async findByMessageIds(q: Q, orgId: string, ids: string[]): Promise<OutboxItem[]> {
    if (ids.length === 0) return [];
    const rows = await q
      .selectFrom('outbox')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('message_id', 'in', ids)
      .execute();
    return rows.map(toOutbox);
  },
  /** A mailbox's sends to an address since a time, newest first (to match an old-style bounce). */
  async sentTo(q: Q, mailboxId: string, addresses: string[], since: number): Promise<OutboxItem[]> {
    if (addresses.length === 0) return [];
    const rows = await q
      .selectFrom('outbox')
      .selectAll()
      .where('mailbox_id', '=', mailboxId)
      .where('to_address', 'in', addresses)
      .where('status', '=', 'sent')
      .where('sent_at', '>=', since)
      .orderBy('sent_at', 'desc')
      .execute();
    return rows.map(toOutbox);
  },
  /** Emails due to go (queued, their time come), oldest first. */
  async due(q: Q, now: number, limit: number, mailboxId?: string): Promise<OutboxItem[]> {
    let query = q
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'queued')
      .where('send_after', '<=', now);
    if (mailboxId !== undefined) query = query.where('mailbox_id', '=', mailboxId);
    return (await query.orderBy('send_after').limit(limit).execute()).map(toOutbox);
  },
  async withStatus(q: Q, status: OutboxStatus, mailboxId?: string): Promise<OutboxItem[]> {
    let query = q.selectFrom('outbox').selectAll().where('status', '=', status);
    if (mailboxId !== undefined) query = query.where('mailbox_id', '=', mailboxId);
    return (await query.orderBy('created_at').execute()).map(toOutbox);
  },
  /** Moves an email from one status to another; false when it was no longer in `from`. */
  async move(
    q: Q,
    id: string,
    from: OutboxStatus[],
    to: OutboxStatus,
    changes: {
      at: number;
      error?: string | null;
      sendAfter?: number;
      sentAt?: number;
      eventId?: string;
      attempt?: boolean;
    },
  ): Promise<boolean> {
    const r = await q
      .updateTable('outbox')
      .set((eb) => ({
        status: to,
        open_key: OPEN.includes(to) ? eb.ref('prospect_id') : null,
        updated_at: changes.at,
        ...(changes.error === undefined ? {} : { last_error: changes.error }),
        ...(changes.sendAfter === undefined ? {} : { send_after: changes.sendAfter }),
        ...(changes.sentAt === undefined ? {} : { sent_at: changes.sentAt }),
        ...(changes.eventId === undefined ? {} : { event_id: changes.eventId }),
        ...(changes.attempt === true ? { attempts: eb('attempts', '+', 1) } : {}),
      }))
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Cancels the prospect's email that is queued (not one being sent), saying why. */
  async cancelQueued(q: Q, prospectId: string, why: string, at: number): Promise<void> {
    await q
      .updateTable('outbox')
      .set({ status: 'cancelled', open_key: null, last_error: why, updated_at: at })
      .where('open_key', '=', prospectId)
      .where('status', '=', 'queued')
      .execute();
  },
  /** Emails a mailbox sent since a time, and when it sent its last one (ever). */
  async sentSince(
    q: Q,
    mailboxId: string,
    since: number,
  ): Promise<{ count: number; last: number | undefined }> {
    const counted = await q
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('mailbox_id', '=', mailboxId)
      .where('sent_at', '>=', since)
      .executeTakeFirstOrThrow();
    // Both read from the partial index of emails sent (migration 0016).
    const latest = await q
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('sent_at').as('last'))
      .where('mailbox_id', '=', mailboxId)
      .where('sent_at', 'is not', null)
      .executeTakeFirstOrThrow();
    return {
      count: Number(counted.count),
      last: latest.last === null || latest.last === undefined ? undefined : Number(latest.last),
    };
  },
  /** The emails to a prospect, newest first. */
  async listByProspect(q: Q, prospectId: string, limit = 50): Promise<OutboxItem[]> {
    const rows = await q
      .selectFrom('outbox')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toOutbox);
  },
  async listByUsers(
    q: Q,
    orgId: string,
    userIds: string[] | undefined,
    statuses: OutboxStatus[],
    limit: number,
  ): Promise<OutboxItem[]> {
    let query = q
      .selectFrom('outbox')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', 'in', statuses);
    if (userIds !== undefined) query = query.where('user_id', 'in', userIds.length > 0 ? userIds : ['']);
    return (await query.orderBy('created_at', 'desc').limit(limit).execute()).map(toOutbox);
  },
};

function toMessage(r: Selectable<MailMessagesTable>): MailMessage {
  return {
    id: r.id,
    orgId: r.org_id,
    mailboxId: r.mailbox_id,
    folder: r.folder,
    uidValidity: Number(r.uid_validity),
    uid: Number(r.uid),
    messageId: r.message_id,
    prospectId: r.prospect_id,
    contactId: r.contact_id,
    outboxId: r.outbox_id,
    kind: r.kind,
    fromAddress: r.from_address,
    subject: r.subject,
    text: r.text,
    reading: JSON.parse(r.reading) as Record<string, unknown>,
    eventId: r.event_id,
    receivedAt: Number(r.received_at),
    createdAt: Number(r.created_at),
  };
}

export const mailMessages = {
  /** Keeps a message; false when it was kept already (the same UID, or the same Message-ID). */
  async insert(q: Q, m: MailMessage): Promise<boolean> {
    const r = await q
      .insertInto('mail_messages')
      .values({
        id: m.id,
        org_id: m.orgId,
        mailbox_id: m.mailboxId,
        folder: m.folder,
        uid_validity: m.uidValidity,
        uid: m.uid,
        message_id: m.messageId,
        prospect_id: m.prospectId,
        contact_id: m.contactId,
        outbox_id: m.outboxId,
        kind: m.kind,
        from_address: m.fromAddress,
        subject: m.subject,
        text: m.text,
        reading: JSON.stringify(m.reading),
        event_id: m.eventId,
        received_at: m.receivedAt,
        created_at: m.createdAt,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  async knows(q: Q, mailboxId: string, messageId: string): Promise<boolean> {
    const r = await q
      .selectFrom('mail_messages')
      .select('id')
      .where('mailbox_id', '=', mailboxId)
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return r !== undefined;
  },
  async findById(q: Q, id: string): Promise<MailMessage | undefined> {
    const r = await q.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toMessage(r);
  },
  async findByEvent(q: Q, eventId: string): Promise<MailMessage | undefined> {
    const r = await q
      .selectFrom('mail_messages')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return r === undefined ? undefined : toMessage(r);
  },
  async findByMessageIds(q: Q, orgId: string, ids: string[]): Promise<MailMessage[]> {
    if (ids.length === 0) return [];
    const rows = await q
      .selectFrom('mail_messages')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('message_id', 'in', ids)
      .execute();
    return rows.map(toMessage);
  },
  async listByProspect(q: Q, prospectId: string, limit = 50): Promise<MailMessage[]> {
    const rows = await q
      .selectFrom('mail_messages')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  },
  async setEvent(q: Q, id: string, eventId: string): Promise<void> {
    await q.updateTable('mail_messages').set({ event_id: eventId }).where('id', '=', id).execute();
  },
  async setReading(q: Q, id: string, reading: Record<string, unknown>): Promise<void> {
    await q
      .updateTable('mail_messages')
      .set({ reading: JSON.stringify(reading) })
      .where('id', '=', id)
      .execute();
  },
};
