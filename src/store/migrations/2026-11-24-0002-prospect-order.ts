// Walking an organisation's prospects in id order (re-deciding everyone after a playbook change)
// needs an index that starts with the organisation and then the id; without it each page rescans.

import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('prospects_org_id').on('prospects').columns(['org_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('prospects_org_id').execute();
}
