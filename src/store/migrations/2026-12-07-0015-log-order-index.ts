// Two indexes on the events logged by hand, in their logging order. Partial: imported events have no
// place in the order, so a bulk import writes no entry in either.
// - By organisation: each event a user logs takes the next number (events.nextLogSeq, max + 1),
//   which without it read every event of the organisation: 3.2 s a logged touch at 1,000,000 events,
//   the writer held meanwhile.
// - By organisation and user: Undo takes back the user's last logged (events.lastLoggedBy), which read
//   every event the user had logged or imported: 2.7 s for the admin who imported 1,000,000 events.

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
  await db.schema
    .createIndex('events_user_log_order')
    .on('events')
    .columns(['org_id', 'logged_by', 'log_seq'])
    .where(sql.ref('log_seq'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_user_log_order').execute();
  await db.schema.dropIndex('events_log_order').execute();
}
