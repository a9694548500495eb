// The day's cards (migrations 0019 and 0020) in a table of their own, `day_cards`, rather than a
// column of the decisions: a card (700 bytes at bench:store's size) made every decision's row twice
// as long, so that re-deciding rewrote every card with its decision (SQLite: 20 µs a row written
// with the card, 12 without, at 100,000), and forgetting a card, on any write of its prospect or
// contacts, wrote its decision.
//
// - `day_cards`: one row per prospect, `[prospect, contact or null]` as before (`card`), and the
//   contact the card was made for (`contact_id`, null for none). The day reads a card only where
//   its contact is the one the decision names now: a decision written with another contact leaves
//   its card unread (where 0019 had the decision's write forget it), and the day's next read makes
//   the new one. A card goes with its prospect.
// - The triggers of 0019 (SQLite) and the functions they call (PostgreSQL) delete the cards of the
//   prospects written instead of clearing a column. What 0020 says of PostgreSQL's readers and
//   writers holds as it was: a reader keeps a card only while it holds the prospect's and the
//   contact's rows, as read, locked for share.
// - The cards kept are not moved: the day's reads make them again.

import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** 0019's triggers: name, table, the change, and the rows whose prospects' cards they forget. */
const TRIGGERS = [
  ['prospects_cards_update', 'prospects', 'update', 'new'],
  ['contacts_cards_insert', 'contacts', 'insert', 'new'],
  ['contacts_cards_update_new', 'contacts', 'update', 'new'],
  ['contacts_cards_update_old', 'contacts', 'update', 'old'],
  ['contacts_cards_delete', 'contacts', 'delete', 'old'],
] as const;

/** The column of a changed row that names its prospect (as in 0019). */
const PROSPECT_OF = { prospects: 'id', contacts: 'prospect_id' } as const;

/** What forgets a written prospect's card: a deletion from the table, or (down) 0020's update. */
function forget(inTable: boolean, prospectIds: string): string {
  return inTable
    ? `delete from day_cards where prospect_id in (${prospectIds})`
    : `update decisions set card = null where prospect_id in (${prospectIds}) and card is not null`;
}

/** The forgetting, written again: PostgreSQL's functions (the triggers stay), SQLite's triggers. */
async function forgetting(db: Kysely<any>, inTable: boolean): Promise<void> {
  if (isPostgres(db)) {
    for (const table of ['prospects', 'contacts'] as const)
      await sql
        .raw(
          `create or replace function ${table}_cards_forget() returns trigger language plpgsql as $$
begin
  ${forget(inTable, `select c.${PROSPECT_OF[table]} from changed c`)};
  return null;
end $$`,
        )
        .execute(db);
    return;
  }
  for (const [name, table, when, rows] of TRIGGERS)
    await sql
      .raw(
        `create trigger ${name} after ${when} on ${table} begin
           ${forget(inTable, `${rows}.${PROSPECT_OF[table]}`)};
         end`,
      )
      .execute(db);
}

/** SQLite: 0019's triggers name the column of the cards, which cannot be dropped or added under them. */
async function dropSqliteTriggers(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const [name] of TRIGGERS) await sql.raw(`drop trigger ${name}`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('day_cards')
    .addColumn('prospect_id', 'text', (c) => c.primaryKey().references('prospects.id').onDelete('cascade'))
    .addColumn('contact_id', 'text')
    .addColumn('card', 'text', (c) => c.notNull())
    .execute();
  // As every table: a card kept changes the mark (src/store/changes.ts), as it did in the decisions.
  await noticeChanges(db, 'day_cards');
  await dropSqliteTriggers(db);
  await forgetting(db, true);
  await db.schema.alterTable('decisions').dropColumn('card').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropSqliteTriggers(db);
  await db.schema.alterTable('decisions').addColumn('card', 'text').execute();
  await forgetting(db, false);
  await db.schema.dropTable('day_cards').execute();
}
