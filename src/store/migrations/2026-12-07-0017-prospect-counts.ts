// What each prospect adds to the team dashboard's numbers (core/team-stats.ts countProspect), kept
// per prospect so that the dashboard sums small rows instead of reading every event the team ever
// logged (3 s at 1,000,000 events, and ten times that at ten million).
//
// The database itself forgets a prospect's counts whenever its events change, by triggers, so that
// no way of writing an event (logging, undo, import, the mail worker, what comes later) can leave
// them stale. The app counts again what is missing (app/day/counts.ts).
//
// - SQLite: a row-level trigger deletes the prospect's row. Writers take turns on SQLite, so counts
//   written in a write transaction were counted from the history that holds until it commits.
// - PostgreSQL: two transactions write at once, so a deleted row is not enough: counts read from a
//   history before another transaction added an event, and written after that one's trigger ran,
//   would stay. The trigger keeps the row, empties it and bumps its `generation`; it inserts one
//   (generation 1) when there is none. The app writes counts only into a row of the generation it
//   read before the history, or inserts one where there was none and still is none. A trigger's
//   own write waits for an uncommitted one on the same row, and then sees it. The triggers run
//   once per statement over the rows it changed (an import inserts thousands of events at once).

import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The triggers on events: name, the change, and which rows' prospects they forget. */
const EVENT_TRIGGERS = [
  ['events_counts_insert', 'insert', 'new'],
  ['events_counts_update_new', 'update', 'new'],
  ['events_counts_update_old', 'update', 'old'],
  ['events_counts_delete', 'delete', 'old'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const table = db.schema
    .createTable('prospect_counts')
    .addColumn('prospect_id', 'text', (c) => c.primaryKey().references('prospects.id').onDelete('cascade'))
    .addColumn('generation', 'bigint', (c) => c.notNull().defaultTo(0))
    // JSON of ProspectCounts; null when forgotten (PostgreSQL), until counted again.
    .addColumn('counts', 'text');
  // On SQLite, kept in the order of its key: a dashboard's join finds a prospect's counts in one
  // lookup rather than two (the key's index, then the row).
  await (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)).execute();
  await noticeChanges(db, 'prospect_counts');
  if (isPostgres(db)) {
    // Each trigger names the rows its statement inserted, updated or deleted `changed` (a transition
    // table); an update, both the old rows and the new. A prospect being deleted is left out: its
    // row goes with it.
    await sql
      .raw(
        `create function prospect_counts_forget() returns trigger language plpgsql as $$
begin
  insert into prospect_counts (prospect_id, generation, counts)
    select distinct c.prospect_id, 1, null::text from changed c
    where exists (select 1 from prospects p where p.id = c.prospect_id)
  on conflict (prospect_id) do update
    set generation = prospect_counts.generation + 1, counts = null;
  return null;
end $$`,
      )
      .execute(db);
    for (const [name, when, rows] of EVENT_TRIGGERS)
      await sql
        .raw(
          `create trigger ${name} after ${when} on events
             referencing ${rows} table as changed for each statement
             execute function prospect_counts_forget()`,
        )
        .execute(db);
    // A prospect's source and arrival count too (speed to lead).
    await sql
      .raw(
        `create function prospect_counts_forget_prospect() returns trigger language plpgsql as $$
begin
  insert into prospect_counts (prospect_id, generation, counts) values (new.id, 1, null)
  on conflict (prospect_id) do update
    set generation = prospect_counts.generation + 1, counts = null;
  return null;
end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger prospects_counts_update after update of source, created_at on prospects
           for each row
           when (old.source is distinct from new.source or old.created_at is distinct from new.created_at)
           execute function prospect_counts_forget_prospect()`,
      )
      .execute(db);
    return;
  }
  for (const [name, when, row] of EVENT_TRIGGERS) {
    await sql
      .raw(
        `create trigger ${name} after ${when} on events begin
           delete from prospect_counts where prospect_id = ${row}.prospect_id;
         end`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `create trigger prospects_counts_update after update of source, created_at on prospects begin
         delete from prospect_counts where prospect_id = new.id;
       end`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of EVENT_TRIGGERS)
    await sql.raw(`drop trigger ${name}${isPostgres(db) ? ' on events' : ''}`).execute(db);
  await sql.raw(`drop trigger prospects_counts_update${isPostgres(db) ? ' on prospects' : ''}`).execute(db);
  if (isPostgres(db))
    for (const fn of ['prospect_counts_forget', 'prospect_counts_forget_prospect'])
      await sql.raw(`drop function ${fn}()`).execute(db);
  await db.schema.dropTable('prospect_counts').execute();
}
