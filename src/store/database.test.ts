// Opening the database: migrations applied once and safely, and the failures people meet named as
// such: locked by another process, read-only, written by a newer Pursuit.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PursuitError } from '../core/errors.js';
import { TestClock, appContext } from '../../test/support/databases.js';
import { init } from '../app/accounts/workspace.js';
import { openDatabase } from './database.js';

const path = () => join(mkdtempSync(join(tmpdir(), 'pursuit-open-')), 'p.db');

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PursuitError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('opening a SQLite database', () => {
  it('creates the file and its folder, and migrates it once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pursuit-open-')), 'deeper', 'p.db');
    const first = await openDatabase({ kind: 'sqlite', path: file });
    await first.close();
    const again = await openDatabase({ kind: 'sqlite', path: file });
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(again.kysely);
    expect(rows.rows.map((r) => r.name)).toEqual([
      '2026-11-23-0001-initial',
      '2026-11-24-0002-large-organisations',
      '2026-11-24-0003-accounts',
      '2026-11-24-0004-change-notices',
      '2026-11-24-0005-import-jobs',
      '2026-11-24-0006-models',
      '2026-11-25-0007-agenda-classes',
      '2026-12-03-0008-mail',
      '2026-12-03-0009-suppressions',
      '2026-12-03-0010-audit-log',
      '2026-12-03-0011-event-histories',
      '2026-12-04-0012-notes',
      '2026-12-04-0013-decision-indexes',
      '2026-12-06-0014-snooze-index',
      '2026-12-07-0015-log-order-index',
      '2026-12-07-0016-outbox-sent-index',
      '2026-12-07-0017-prospect-counts',
      '2026-12-07-0018-prospect-search',
      '2026-12-07-0019-day-cards',
      '2026-12-07-0020-cards-by-row-version',
      '2026-12-07-0021-day-cards-table',
    ]);
    await again.close();
  });

  it('uses WAL and durable commits', async () => {
    const db = await openDatabase({ kind: 'sqlite', path: path() });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.kysely);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(sync.rows[0]?.synchronous).toBe(2);
    await db.close();
  });

  it('refuses a database written by a newer Pursuit', async () => {
    const file = path();
    await (await openDatabase({ kind: 'sqlite', path: file })).close();
    const raw = new SqliteDatabase(file);
    raw
      .prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-0001-future', 'x')")
      .run();
    raw.close();
    expect(await failure(openDatabase({ kind: 'sqlite', path: file }))).toBe('DATABASE_TOO_NEW');
  });

  it('reports a database locked by another process', async () => {
    const file = path();
    const db = await openDatabase({ kind: 'sqlite', path: file }, { busyTimeoutMs: 50 });
    const other = new SqliteDatabase(file);
    other.exec('begin exclusive');
    const ctx = appContext(db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    expect(
      await failure(init(ctx, { organisation: 'O', name: 'A', email: 'a@o.test', timezone: 'UTC' })),
    ).toBe('DATABASE_LOCKED');
    other.exec('rollback');
    other.close();
    await db.close();
  });

  it('reports a database that cannot be written', async () => {
    const db = await openDatabase({ kind: 'sqlite', path: path() });
    await sql`pragma query_only = on`.execute(db.kysely);
    const ctx = appContext(db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    expect(
      await failure(init(ctx, { organisation: 'O', name: 'A', email: 'a@o.test', timezone: 'UTC' })),
    ).toBe('DATABASE_READ_ONLY');
    await db.close();
  });

  it('reports a file that is not a database', async () => {
    const file = path();
    const raw = new SqliteDatabase(file);
    raw.close();
    writeFileSync(file, 'this is not a database, it is a shopping list\n'.repeat(100));
    expect(await failure(openDatabase({ kind: 'sqlite', path: file }))).toBe('DATABASE_UNAVAILABLE');
  });
});

describe('opening a PostgreSQL database', () => {
  it('reports a server that cannot be reached', async () => {
    expect(await failure(openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }))).toBe(
      'DATABASE_UNAVAILABLE',
    );
  });
});
