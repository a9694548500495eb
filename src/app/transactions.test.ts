// Writers on one SQLite file wait their turn (issue 16, item 1): a write transaction holds the write
// lock from its first statement, a read-mostly one whose snapshot went stale before its write runs
// again, and every busy or locked code of either database is DATABASE_LOCKED.

import { getEventListeners } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PursuitError } from '../core/errors.js';
import { TestClock, appContext } from '../../test/support/databases.js';
import { isBusy, storeError } from '../store/errors.js';
import { openDatabase } from '../store/database.js';
import type { Db } from '../store/database.js';
import { inTransaction, readMostly, sleep } from './context.js';

const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function twoConnections(): Promise<[Db, Db]> {
  const path = join(mkdtempSync(join(tmpdir(), 'pursuit-tx-')), 'p.db');
  const a = await openDatabase({ kind: 'sqlite', path });
  // The other connection gives up quickly: it stands for a writer that must not slip in.
  const b = await openDatabase({ kind: 'sqlite', path }, { busyTimeoutMs: 20 });
  opened.push(a, b);
  await sql`create table t (n integer)`.execute(a.kysely);
  await sql`insert into t values (0)`.execute(a.kysely);
  return [a, b];
}

const clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));

describe('busy and locked codes', () => {
  it('are all DATABASE_LOCKED, extended SQLite codes and PostgreSQL serialization and deadlock too', () => {
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_BUSY_RECOVERY',
      'SQLITE_BUSY_TIMEOUT',
      'SQLITE_LOCKED',
      'SQLITE_LOCKED_SHAREDCACHE',
      'SQLITE_LOCKED_VTAB',
      '55P03',
      '40001',
      '40P01',
    ]) {
      const error = Object.assign(new Error('database is locked'), { code });
      expect(isBusy(error), code).toBe(true);
      expect((storeError(error) as PursuitError).code, code).toBe('DATABASE_LOCKED');
    }
    expect(isBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSYNESS' }))).toBe(false);
  });
});

describe('transactions on one SQLite file from two connections', () => {
  it('lets no other writer commit between a write transaction’s read and its write', async () => {
    const [a, b] = await twoConnections();
    const other: { error?: unknown } = {};
    const result = await inTransaction(appContext(a, clock), async (q) => {
      const { rows } = await sql<{ n: number }>`select n from t`.execute(q);
      // Another process tries to write in between: it waits (and here gives up), it does not slip in.
      await inTransaction(appContext(b, clock), (p) => sql`update t set n = 100`.execute(p), {
        retry: false,
      }).catch((error: unknown) => (other.error = error));
      await sql`update t set n = ${(rows[0]?.n ?? 0) + 1}`.execute(q);
      return rows[0]?.n;
    });
    expect(result).toBe(0);
    expect(other.error).toBeInstanceOf(PursuitError);
    expect((other.error as PursuitError).code).toBe('DATABASE_LOCKED');
    const { rows } = await sql<{ n: number }>`select n from t`.execute(a.kysely);
    expect(rows[0]?.n).toBe(1);
  });

  it('runs a read-mostly transaction again when its snapshot went stale before its write', async () => {
    const [a, b] = await twoConnections();
    let attempts = 0;
    await readMostly(appContext(a, clock), async (q) => {
      attempts += 1;
      const { rows } = await sql<{ n: number }>`select n from t`.execute(q);
      // The first time, another process commits after this one's snapshot was taken.
      if (attempts === 1)
        await inTransaction(appContext(b, clock), (p) => sql`update t set n = 10`.execute(p));
      await sql`update t set n = ${(rows[0]?.n ?? 0) + 1}`.execute(q);
    });
    expect(attempts).toBe(2);
    const { rows } = await sql<{ n: number }>`select n from t`.execute(a.kysely);
    expect(rows[0]?.n).toBe(11);
  });
});

describe('sleep', () => {
  it('leaves no listener on its signal once a wait ends, and ends at once when aborted', async () => {
    const controller = new AbortController();
    // A server's keeper rests on one signal between every two pages, for as long as it runs.
    for (let i = 0; i < 20; i += 1) await sleep(0, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const long = sleep(60_000, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    await long;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await sleep(60_000, controller.signal);
  });
});
