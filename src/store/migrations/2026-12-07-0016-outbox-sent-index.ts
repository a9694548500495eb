// An index on the emails each mailbox sent, by the time they went: every email queued or sent asks
// how many its mailbox sent that day and when it sent its last (outbox.sentSince, for the day's cap
// and the spacing between two emails), which without it read the whole outbox, every email the team
// ever sent. Partial: an email not yet sent is not in it.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('outbox_mailbox_sent')
    .on('outbox')
    .columns(['mailbox_id', 'sent_at'])
    .where(sql.ref('sent_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_mailbox_sent').execute();
}
