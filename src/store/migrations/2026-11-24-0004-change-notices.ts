// On PostgreSQL, every committed change to a table notifies the `pursuit_changes` channel, so each
// server process can tell that what it keeps in memory may be out of date (see ../changes.ts).
// A statement-level trigger runs once per statement, not per row; PostgreSQL folds a transaction's
// identical notifications into one and sends it at commit. SQLite needs nothing: its
// `data_version` already changes when another connection commits. A later migration that adds a
// table adds the same trigger with `noticeChanges` (a test checks every table has it).

import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

const TABLES = [
  'organisations',
  'users',
  'products',
  'prospects',
  'contacts',
  'events',
  'external_ids',
  'playbooks',
  'decisions',
  'credentials',
  'sessions',
  'api_tokens',
  'idempotency_keys',
  'rate_limits',
  'notifications',
];

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function noticeChanges(db: Kysely<any>, table: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql
    .raw(
      `CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} ` +
        'FOR EACH STATEMENT EXECUTE FUNCTION pursuit_notice_change()',
    )
    .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql
    .raw(
      'CREATE FUNCTION pursuit_notice_change() RETURNS trigger LANGUAGE plpgsql AS ' +
        "$$ BEGIN PERFORM pg_notify('pursuit_changes', ''); RETURN NULL; END $$",
    )
    .execute(db);
  for (const table of TABLES) await noticeChanges(db, table);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of TABLES) await sql.raw(`DROP TRIGGER ${table}_changed ON ${table}`).execute(db);
  await sql.raw('DROP FUNCTION pursuit_notice_change()').execute(db);
}
