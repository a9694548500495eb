// Notes on a prospect: free text a person writes (what was said at lunch, who the real buyer is),
// with its author and when it was written and last changed. Notes are not events: the engine never
// reads them, so no decision depends on them. They go with their prospect (cascade); an author who
// is no longer a user leaves the note, unsigned. `seq` orders a prospect's notes as they were
// written, so two written in the same millisecond still list newest first.

import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_prospect').on('notes').columns(['prospect_id', 'seq']).execute();
  await noticeChanges(db, 'notes');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notes').execute();
}
