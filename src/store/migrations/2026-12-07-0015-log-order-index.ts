// An index on the organisation's logging order: each event a user logs takes the next number in it
// (events.nextLogSeq, max + 1), which without this index read every event of the organisation:
// 3.2 s a logged touch at 1,000,000 events, and the writer held meanwhile. Partial: imported events
// have no place in the order, so a bulk import writes no entry here.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_log_order')
    .on('events')
    .columns(['org_id', 'log_seq'])
    .where(sql.ref('log_seq'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_log_order').execute();
}
