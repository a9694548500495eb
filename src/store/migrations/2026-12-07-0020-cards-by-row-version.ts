// The day's cards (migration 0019) on PostgreSQL without a write to every decision whose prospect
// or contacts change: 0019's triggers there bumped `card_generation` on each such decision, card or
// no card, so that a reader could tell a card it had looked up before another transaction's change.
// That made every write of a prospect or contact write its decision too: an import updating 20,000
// prospects wrote 40,000 decisions instead of 20,000 (12.4 s against 8.0 s).
//
// Now the triggers forget only cards that are kept, on both databases, and `card_generation` goes.
// A reader on PostgreSQL tells a change from the row versions instead: it reads each prospect's and
// contact's `xmin` (the transaction that wrote the row as read) with the record, and keeps a card
// only while it holds those very rows locked for share, unchanged (decisions.keepCards). A writer
// that changed a row first holds it (the card is not kept), one that committed a change has a new
// `xmin` (not kept either), and one that comes after waits for the reader's commit, after which its
// trigger finds the card and forgets it (its statements read what was committed before each of
// them: the app writes in READ COMMITTED). On SQLite, writers take turns and a reader overtaken by
// another's commit is refused when it writes: nothing more is needed there.

import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The column of a changed row that names its prospect (as in 0019). */
const PROSPECT_OF = { prospects: 'id', contacts: 'prospect_id' } as const;

/** 0019's functions, which its triggers call, written again with or without the generation. */
async function forgetting(db: Kysely<any>, generation: boolean): Promise<void> {
  for (const table of ['prospects', 'contacts'] as const)
    await sql
      .raw(
        `create or replace function ${table}_cards_forget() returns trigger language plpgsql as $$
begin
  update decisions d set card = null${generation ? ', card_generation = d.card_generation + 1' : ''}
    where d.prospect_id in (select c.${PROSPECT_OF[table]} from changed c)${generation ? '' : ' and d.card is not null'};
  return null;
end $$`,
      )
      .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await forgetting(db, false);
  await db.schema.alterTable('decisions').dropColumn('card_generation').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('decisions')
    .addColumn('card_generation', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) await forgetting(db, true);
}
