// Test support: every store and app test runs against a real SQLite file and a real PostgreSQL
// server (PURSUIT_TEST_DATABASE_URL, started by .ci/run or test/support/postgres.sh). Each test gets
// a fresh database of its own.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AppContext } from '../../src/app/context.js';
import { openDatabase } from '../../src/store/database.js';
import type { Db } from '../../src/store/database.js';
import { DEFAULT_PLAYBOOK_TEXT } from './scenario.js';

const PG_URL = process.env.PURSUIT_TEST_DATABASE_URL;
if (PG_URL === undefined && process.env.CI !== undefined) {
  throw new Error('CI must set PURSUIT_TEST_DATABASE_URL: the store tests run on PostgreSQL too');
}

export const DIALECTS: ('sqlite' | 'postgres')[] = PG_URL === undefined ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

export async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'pursuit-db-')), 'test.db');
    const db = await openDatabase({ kind: 'sqlite', path });
    return { db, drop: () => db.close() };
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
