// On SQLite, events by prospect, time and logging time hold their data too (`events_history`), so
// re-deciding everyone reads each page's histories from that index alone, in order, rather than
// fetching every event's row from wherever it was written (imported events are written in time
// order, each prospect's scattered across the table). It takes over from `events_prospect_at`,
// whose columns it starts with. Ties (the same time and logging time) are ordered by data in it:
// the reads that want them as written say so (rowid; see events.repository.ts).
// PostgreSQL keeps `events_prospect_at`: a B-tree entry there cannot exceed about 2.7 kB, and an
// event's data may (a prep note, unknown fields kept), which would then fail to be written.

import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema
    .createIndex('events_history')
    .on('events')
    .columns(['prospect_id', 'at', 'logged_at', 'data'])
    .execute();
  await db.schema.dropIndex('events_prospect_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema
    .createIndex('events_prospect_at')
    .on('events')
    .columns(['prospect_id', 'at', 'logged_at'])
    .execute();
  await db.schema.dropIndex('events_history').execute();
}
