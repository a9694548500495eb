// The email channel: each rep's mailbox (SMTP to send, IMAP to read; its secret encrypted with
// PURSUIT_SECRET_KEY), how far each of its folders has been read (UID validity and last UID, so no
// message is logged twice), the outbox (every email Pursuit sends, its Message-ID recorded before it
// is sent, at most one open per prospect), the messages read from mailboxes that belong to a prospect
// (replies and bounces; nothing else of a rep's mail is kept), and when a contact's address bounced.

import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mailboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    // One mailbox a rep: theirs.
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('smtp_host', 'text', (c) => c.notNull())
    .addColumn('smtp_port', 'integer', (c) => c.notNull())
    // tls (implicit, 465), starttls (587), none (loopback only).
    .addColumn('smtp_security', 'text', (c) => c.notNull())
    .addColumn('imap_host', 'text', (c) => c.notNull())
    .addColumn('imap_port', 'integer', (c) => c.notNull())
    .addColumn('imap_security', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // password or oauth2.
    .addColumn('auth', 'text', (c) => c.notNull())
    // The password, or the OAuth2 client and tokens, as JSON encrypted with AES-256-GCM.
    .addColumn('secret', 'text', (c) => c.notNull())
    // Where sent mail is kept (\Sent), when Pursuit must file a copy there itself.
    .addColumn('sent_folder', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'bigint')
    .addColumn('last_sync_at', 'bigint')
    // The process reading it, and until when (one reader at a time, across processes).
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await noticeChanges(db, 'mailboxes');

  await db.schema
    .createTable('mail_folders')
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'bigint', (c) => c.notNull())
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('synced_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_folders_pk', ['mailbox_id', 'path'])
    .execute();
  await noticeChanges(db, 'mail_folders');

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    .addColumn('prospect_id', 'text', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    // The prospect's id while the email is on its way (queued, sending, unconfirmed), else null:
    // at most one email a prospect is on its way at a time.
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Made when queued and recorded before sending, so a send is never repeated after a crash.
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('in_reply_to', 'text')
    .addColumn('reference_ids', 'text')
    // The action it carries out (follow-up, break-up, ...) and the touch's purpose.
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // now (the rep sent it) or window (inside the contact's business window).
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('send_after', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    // The touch it logged once sent.
    .addColumn('event_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'send_after']).execute();
  await db.schema
    .createIndex('outbox_prospect')
    .on('outbox')
    .columns(['prospect_id', 'created_at'])
    .execute();
  await db.schema.createIndex('outbox_user').on('outbox').columns(['user_id', 'created_at']).execute();
  await noticeChanges(db, 'outbox');

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'bigint', (c) => c.notNull())
    .addColumn('uid', 'bigint', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('outbox_id', 'text', (c) => c.references('outbox.id').onDelete('set null'))
    // reply or bounce.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // The reply's own words (the quoted original cut off), or the bounce's diagnostic.
    .addColumn('text', 'text', (c) => c.notNull())
    // How it was read: kind, confidence, the deciding phrases, dates (JSON).
    .addColumn('reading', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('mail_messages_uid', ['mailbox_id', 'folder', 'uid_validity', 'uid'])
    .addUniqueConstraint('mail_messages_message_id', ['mailbox_id', 'message_id'])
    .execute();
  await db.schema
    .createIndex('mail_messages_prospect')
    .on('mail_messages')
    .columns(['prospect_id', 'received_at'])
    .execute();
  await noticeChanges(db, 'mail_messages');

  // A hard bounce: the address reaches no one, so no email is drafted to it until it is changed.
  await db.schema.alterTable('contacts').addColumn('email_bounced_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('email_bounced_at').execute();
  await db.schema.dropTable('mail_messages').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('mail_folders').execute();
  await db.schema.dropTable('mailboxes').execute();
}
