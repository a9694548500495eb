// Test support: every store and app test runs against a real SQLite file and a real PostgreSQL
// server (PURSUIT_TEST_DATABASE_URL, started by .ci/run or test/support/postgres.sh). Each test gets
// a fresh database of its own.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import type { CompiledQuery, Kysely } from 'kysely';
import { describe } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { addUser, init } from '../../src/app/accounts/workspace.js';
import type { User } from '../../src/core/records.js';
import { openDatabase } from '../../src/store/database.js';
import type { DatabaseConfig, Db } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';
import { DEFAULT_PLAYBOOK_TEXT } from './scenario.js';

const PG_URL = process.env.PURSUIT_TEST_DATABASE_URL;
if (PG_URL === undefined && process.env.CI !== undefined) {
  throw new Error('CI must set PURSUIT_TEST_DATABASE_URL: the store tests run on PostgreSQL too');
}

export const DIALECTS: ('sqlite' | 'postgres')[] = PG_URL === undefined ? ['sqlite'] : ['sqlite', 'postgres'];

/** Why the PostgreSQL half of the tests does not run here; empty when it does. */
export const postgresSkipReason =
  PG_URL === undefined
    ? 'no PostgreSQL: set PURSUIT_TEST_DATABASE_URL (bash test/support/postgres.sh starts one)'
    : '';

/**
 * `describe.each` over SQLite and PostgreSQL ("%s" in the title names the dialect); without a
 * PostgreSQL server its half is skipped, and its title says why (the run's summary counts them).
 */
export function describeDialects(title: string, body: (dialect: 'sqlite' | 'postgres') => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const skip = dialect === 'postgres' && PG_URL === undefined;
    describe.skipIf(skip)(
      `${title.replace('%s', dialect)}${skip ? ` (skipped: ${postgresSkipReason})` : ''}`,
      () => body(dialect),
    );
  }
}

export interface TestDb {
  db: Db;
  /** Where it is, for another process (a child `pursuit`). */
  config: DatabaseConfig;
  /** Opens the same database again, as another process would. */
  another(): Promise<Db>;
  drop(): Promise<void>;
}

export async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'pursuit-db-')), 'test.db');
    const db = await openDatabase({ kind: 'sqlite', path });
    return {
      db,
      config: { kind: 'sqlite', path },
      another: () => openDatabase({ kind: 'sqlite', path }),
      async drop() {
        await db.close();
        rmSync(dirname(path), { recursive: true, force: true });
      },
    };
  }
  const name = `pursuit_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL as string);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    db,
    config: { kind: 'postgres', url: url.toString() },
    another: () => openDatabase({ kind: 'postgres', url: url.toString() }),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t: number) {}
  now = () => this.t;
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export function appContext(db: Db, clock: TestClock): AppContext {
  return { db, now: clock.now, defaultPlaybookText: DEFAULT_PLAYBOOK_TEXT };
}

/** OurCo: Ada the admin (Denver) and two reps, Dana and Eli. */
export async function team(ctx: AppContext): Promise<{ admin: User; dana: User; eli: User }> {
  const { admin } = await init(ctx, {
    organisation: 'OurCo',
    name: 'Ada Admin',
    email: 'ada@ourco.test',
    timezone: 'America/Denver',
  });
  const dana = await addUser(ctx, admin, { name: 'Dana Whitfield', email: 'dana@ourco.test' });
  const eli = await addUser(ctx, admin, { name: 'Eli Stone', email: 'eli@ourco.test' });
  return { admin, dana, eli };
}

/** Every row an import can touch, in a stable order, to compare two databases. */
export async function dump(db: Db) {
  const k = db.kysely;
  return {
    prospects: await k.selectFrom('prospects').selectAll().orderBy('id').execute(),
    contacts: await k.selectFrom('contacts').selectAll().orderBy('id').execute(),
    events: await k.selectFrom('events').selectAll().orderBy('id').execute(),
    externalIds: await k
      .selectFrom('external_ids')
      .selectAll()
      .orderBy('system')
      .orderBy('external_id')
      .execute(),
    // The day's cards (migration 0021) are not here: reads keep them, writes forget them.
    decisions: await k.selectFrom('decisions').selectAll().orderBy('prospect_id').execute(),
    products: await k.selectFrom('products').selectAll().orderBy('id').execute(),
  };
}

/**
 * The day's cards a read would use (migration 0021): prospect id to card, for the cards kept for the
 * contact their decision names now.
 */
export async function cardsRead(k: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await k
    .selectFrom('day_cards as k')
    .innerJoin('decisions as d', (join) =>
      join
        .onRef('d.prospect_id', '=', 'k.prospect_id')
        .onRef('d.contact_id', 'is not distinct from', 'k.contact_id'),
    )
    .select(['k.prospect_id', 'k.card'])
    .execute();
  return new Map(rows.map((r) => [r.prospect_id, r.card]));
}

/** SQLite's integrity_check of a database file ("ok" when whole); PostgreSQL keeps its own. */
export function integrity(database: DatabaseConfig): string {
  if (database.kind !== 'sqlite') return 'ok';
  const db = new SqliteDatabase(database.path);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

let plans = 0;

/**
 * The plan the database would run a query with, as text, to show which index serves it. On SQLite, a
 * new statement text each time (a statement kept prepared gives the plan it was prepared with); on
 * PostgreSQL, with sequential scans refused, since a test's small table is cheaper to scan.
 */
export async function queryPlan(db: Db, query: CompiledQuery): Promise<string> {
  const q = db.kysely;
  if (db.dialect === 'sqlite') {
    plans += 1;
    const rows = await q.executeQuery<{ detail: string }>({
      ...query,
      sql: `explain query plan ${query.sql} -- ${plans}`,
    });
    return rows.rows.map((r) => r.detail).join('\n');
  }
  return q.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const rows = await tx.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain ${query.sql}` });
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
