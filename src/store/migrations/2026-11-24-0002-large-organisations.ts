// Two indexes for large organisations:
// - prospects by organisation, then id: re-deciding everyone walks them in pages (each page rescanned
//   the organisation's prospects before);
// - decisions by organisation, owner, then recheck time: one rep's stale decisions are found without
//   reading every other rep's;
// - decisions by organisation, owner, then action: one rep's calls to prepare, whatever their date.

import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('prospects_org_id').on('prospects').columns(['org_id', 'id']).execute();
  await db.schema
    .createIndex('decisions_owner_recheck')
    .on('decisions')
    .columns(['org_id', 'owner_id', 'recheck_at'])
    .execute();
  await db.schema
    .createIndex('decisions_owner_action')
    .on('decisions')
    .columns(['org_id', 'owner_id', 'action'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('decisions_owner_action').execute();
  await db.schema.dropIndex('decisions_owner_recheck').execute();
  await db.schema.dropIndex('prospects_org_id').execute();
}
