// The audit log: who signed in or failed to, signed out, made, revoked or used a revoked API token,
// changed a password, or was added or changed, when, from which address and how (browser session,
// token, command line). Never a secret: no password, cookie or token value ever reaches it. Rows are
// not tied to users by a foreign key, so a person's history outlives them.

import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Ids sort as the entries were written (the instant first), so a page ends at an id.
    // Null for what belongs to no organisation: a sign-in with an email nobody has.
    .addColumn('org_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // Who did it (null when nobody signed in: a failed sign-in, a revoked token tried).
    .addColumn('actor_id', 'text')
    // Whom it was about (the user signing in, whose password or token it was).
    .addColumn('subject_id', 'text')
    .addColumn('address', 'text')
    // session, token or cli.
    .addColumn('via', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_org').on('audit_log').columns(['org_id', 'id']).execute();
  await noticeChanges(db, 'audit_log');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
