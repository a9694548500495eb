// Fewer indexes on decisions, so that re-deciding everyone writes less: each decision written
// updated four secondary indexes, which cost two thirds of the write (bench:store). Two serve every
// read they served:
// - by organisation, owner, action, then due: one rep's actions of a kind due before a time (the
//   agenda names the actions it lists, each one an index range) and one rep's calls to prepare;
// - by organisation, owner, then recheck time (kept from 0002): one rep's stale decisions, the
//   organisation's as each of its users' in turn, and a rep's next recheck.

import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('decisions_owner_action_due')
    .on('decisions')
    .columns(['org_id', 'owner_id', 'action', 'due'])
    .execute();
  await db.schema.dropIndex('decisions_owner_action').execute();
  await db.schema.dropIndex('decisions_owner_due').execute();
  await db.schema.dropIndex('decisions_recheck').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('decisions_recheck')
    .on('decisions')
    .columns(['org_id', 'recheck_at'])
    .execute();
  await db.schema
    .createIndex('decisions_owner_due')
    .on('decisions')
    .columns(['org_id', 'owner_id', 'due'])
    .execute();
  await db.schema
    .createIndex('decisions_owner_action')
    .on('decisions')
    .columns(['org_id', 'owner_id', 'action'])
    .execute();
  await db.schema.dropIndex('decisions_owner_action_due').execute();
}
