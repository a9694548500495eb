// The do-not-contact (suppression) list: an objection to contact belongs to the person, so it is
// kept by email address and phone number (normalised), per organisation, with when and how it came
// (a logged opt-out, an unsubscribe link or reply, an import's opt-out column, an admin). An entry
// outlives the record it was made on (a deleted prospect leaves it in force); an admin may lift it,
// which keeps the entry with who lifted it and why. At most one entry in force per address or number.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suppressions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    // email or phone.
    .addColumn('kind', 'text', (c) => c.notNull())
    // The address (trimmed, lower case) or number (digits, with the country code where known).
    .addColumn('value', 'text', (c) => c.notNull())
    // logged, marked, unsubscribe-link, reply, import, manual.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('prospect_id', 'text', (c) => c.references('prospects.id').onDelete('set null'))
    // The opt-out event it came from (taking that event back lifts the entry).
    .addColumn('event_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .addColumn('removed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('removal_reason', 'text')
    .execute();
  await db.schema
    .createIndex('suppressions_in_force')
    .unique()
    .on('suppressions')
    .columns(['org_id', 'kind', 'value'])
    .where(sql.ref('removed_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('suppressions_org_created')
    .on('suppressions')
    .columns(['org_id', 'created_at'])
    .execute();
  await db.schema.createIndex('suppressions_event').on('suppressions').column('event_id').execute();
  await noticeChanges(db, 'suppressions');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suppressions').execute();
}
