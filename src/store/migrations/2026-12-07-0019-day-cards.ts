// What a rep's day shows of each action's prospect and contact, kept with its decision (`card`), so
// that a whole day of 900 reads one index range of decisions and looks nothing up: looking up 900
// prospects and 900 contacts by their keys took most of the day's statement (SQLite 8-14 ms of it,
// PostgreSQL 13 ms of 1,800 index probes). See decisions.repository.ts `dayColumns`.
//
// - `card`: JSON of the prospect's and the contact's records as the day reads them, `[prospect,
//   contact or null]`; null until a day has read the action (the reader keeps what it looked up),
//   and again whenever the prospect or its contacts change (triggers, whoever writes) or the
//   decision names another contact (decisions.upsertRows). A later migration that changes what a
//   prospect or a contact holds must forget every card.
// - `card_generation`, PostgreSQL: two transactions write at once, so a card looked up before
//   another transaction changed the prospect, and kept after that one's trigger ran, would stay. The
//   trigger there forgets the card and bumps the generation whether or not a card was kept (its
//   write waits for a reader's uncommitted one, and a reader's waits for it); a reader keeps a card
//   only in the generation it read. On SQLite, writers take turns, and a reader that read before
//   another's commit cannot write after it (its transaction is refused and run again), so the
//   triggers forget a card only where there is one, and the generation stays 0.
// - The triggers on PostgreSQL run once per statement over the rows it changed (an import writes
//   thousands of contacts at once); SQLite's, the same list, once per row.

import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The triggers: name, table, the change, and the rows whose prospects' cards they forget. */
const TRIGGERS = [
  ['prospects_cards_update', 'prospects', 'update', 'new'],
  ['contacts_cards_insert', 'contacts', 'insert', 'new'],
  ['contacts_cards_update_new', 'contacts', 'update', 'new'],
  ['contacts_cards_update_old', 'contacts', 'update', 'old'],
  ['contacts_cards_delete', 'contacts', 'delete', 'old'],
] as const;

/** The column of a changed row that names its prospect. */
const PROSPECT_OF = { prospects: 'id', contacts: 'prospect_id' } as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('card', 'text').execute();
  await db.schema
    .alterTable('decisions')
    .addColumn('card_generation', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) {
    for (const table of ['prospects', 'contacts'] as const)
      await sql
        .raw(
          `create function ${table}_cards_forget() returns trigger language plpgsql as $$
begin
  update decisions d set card = null, card_generation = d.card_generation + 1
    where d.prospect_id in (select c.${PROSPECT_OF[table]} from changed c);
  return null;
end $$`,
        )
        .execute(db);
    for (const [name, table, when, rows] of TRIGGERS)
      await sql
        .raw(
          `create trigger ${name} after ${when} on ${table}
             referencing ${rows} table as changed for each statement
             execute function ${table}_cards_forget()`,
        )
        .execute(db);
    return;
  }
  // The same triggers on SQLite, row by row, each writing only where a card is kept (an update's
  // second one finds none left when the contact stayed with its prospect).
  for (const [name, table, when, rows] of TRIGGERS)
    await sql
      .raw(
        `create trigger ${name} after ${when} on ${table} begin
           update decisions set card = null
             where prospect_id = ${rows}.${PROSPECT_OF[table]} and card is not null;
         end`,
      )
      .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table] of TRIGGERS)
    await sql.raw(`drop trigger ${name}${isPostgres(db) ? ` on ${table}` : ''}`).execute(db);
  if (isPostgres(db))
    for (const table of ['prospects', 'contacts'])
      await sql.raw(`drop function ${table}_cards_forget()`).execute(db);
  await db.schema.alterTable('decisions').dropColumn('card_generation').execute();
  await db.schema.alterTable('decisions').dropColumn('card').execute();
}
