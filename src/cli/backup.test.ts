// `pursuit backup` and `pursuit restore`, round trip, while a server writes to the same SQLite file
// (the API on its own connection, marked as `pursuit serve` marks it): the backup holds every write
// acknowledged before it began; a restore refuses while the server has the file open unless forced,
// refuses a file that is not a sound Pursuit database of a known schema, keeps what it replaced,
// and the running server then reads and writes the restored data. On PostgreSQL, pg_dump.

import { copyFileSync, existsSync, mkdtempSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase, postgresSkipReason } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { caller, call } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import { runCli } from '../../test/support/cli.js';
import { buildApp } from '../api/build-app.js';
import type { Api } from '../api/build-app.js';
import { announceServing } from '../app/backup.js';
import { createDemo } from '../app/demo/demo.js';
import { openDatabase } from '../store/database.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-backup-'));
const live = join(dir, 'live.db');
const env = { PURSUIT_DB: live, PURSUIT_NOW: '2026-03-10T15:00:00Z' };
const cli = (args: string[], extra: Record<string, string> = {}) =>
  runCli(args, { env: { ...env, ...extra } });

/** Rows of a table in a SQLite file, read on a connection of its own. */
function count(file: string, table = 'api_tokens'): number {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    return db.prepare(`select count(*) from ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('backup and restore of a SQLite database a server is writing', () => {
  let app: Api;
  let dana: Caller;
  let unmark: () => void;
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let acknowledged = 0;
  let writing = true;
  let writer: Promise<void>;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'sqlite', path: live });
    const ctx = appContext(db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    await createDemo(ctx, { prospects: 10 });
    app = (await buildApp(ctx)).app;
    dana = await caller(app, 'dana@northwind.test');
    unmark = announceServing({ kind: 'sqlite', path: live });
    // The server's work: one acknowledged write after another, until told to stop.
    writer = (async () => {
      for (let i = 0; writing; i++) {
        const r = await call(app, dana, 'POST', '/api/tokens', { name: `write ${i}` });
        if (r.statusCode !== 201) throw new Error(`write ${i}: ${r.statusCode} ${r.body}`);
        acknowledged += 1;
        await new Promise((done) => setImmediate(done));
      }
    })();
  }, 60_000);

  afterAll(async () => {
    writing = false;
    await writer.catch(() => undefined);
    unmark();
    await app.close();
    await db.close();
  });

  const until = async (n: number) => {
    while (acknowledged < n) await new Promise((done) => setTimeout(done, 5));
  };

  it('backs up while the server writes, and restores only when it is safe', async () => {
    await until(20);
    const before = acknowledged;
    const file = join(dir, 'nightly.db');
    const made = await cli(['backup', file]);
    const after = acknowledged;
    expect(made.status, made.err).toBe(0);
    expect(made.out).toContain(`Backed up to ${file}`);
    const inBackup = count(file);
    expect(inBackup).toBeGreaterThanOrEqual(before);
    expect(inBackup).toBeLessThanOrEqual(after);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // A second backup to the same name is refused unless forced.
    expect((await cli(['backup', file])).err).toMatch(/exists: choose a new file, or --force/);

    await until(after + 20);
    // The server has the file open: refused, nothing changed.
    const refused = await cli(['restore', file]);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(
      new RegExp(`a server \\(process ${process.pid}\\) has .*live\\.db open: stop it first, or --force`),
    );
    expect(count(live)).toBeGreaterThan(inBackup);

    writing = false;
    await writer;
    const restored = await cli(['restore', file, '--force']);
    expect(restored.status, restored.err).toBe(0);
    expect(restored.out).toMatch(
      /The database it replaced is kept in .*live\.db\.before-restore-2026-03-10T15-00-00-000Z/,
    );
    expect(count(live)).toBe(inBackup);
    expect(count(join(dir, 'live.db.before-restore-2026-03-10T15-00-00-000Z'))).toBe(acknowledged);
    // The running server reads the restored data and goes on writing to it.
    const listed = await call(app, dana, 'GET', '/api/tokens');
    expect(listed.json<unknown[]>()).toHaveLength(inBackup);
    expect((await call(app, dana, 'POST', '/api/tokens', { name: 'after the restore' })).statusCode).toBe(
      201,
    );
    expect(count(live)).toBe(inBackup + 1);
  }, 120_000);

  it('restores into a new place and refuses files that are not sound Pursuit backups of a known schema', async () => {
    const file = join(dir, 'again.db');
    expect((await cli(['backup', file])).status).toBe(0);
    const elsewhere = join(dir, 'new', 'restored.db');
    const fresh = await cli(['restore', file], { PURSUIT_DB: elsewhere });
    expect(fresh.status, fresh.err).toBe(0);
    expect(fresh.out).not.toContain('kept in');
    expect(count(elsewhere, 'prospects')).toBe(count(live, 'prospects'));

    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database at all, just some text'.repeat(200));
    const notDb = await cli(['restore', garbage], { PURSUIT_DB: elsewhere });
    expect(notDb.status).toBe(2);
    expect(notDb.err).toMatch(/file: .*garbage\.db is not a SQLite database/);

    const other = join(dir, 'other.db');
    new SqliteDatabase(other).exec('create table notes (x text)').close();
    expect((await cli(['restore', other], { PURSUIT_DB: elsewhere })).err).toMatch(
      /is not a Pursuit database/,
    );

    const newer = join(dir, 'newer.db');
    copyFileSync(file, newer);
    new SqliteDatabase(newer)
      .exec("insert into kysely_migration (name, timestamp) values ('2099-01-01-9999-future', 'x')")
      .close();
    const tooNew = await cli(['restore', newer], { PURSUIT_DB: elsewhere });
    expect(tooNew.status).toBe(3);
    expect(tooNew.err).toMatch(/written by a newer Pursuit \(schema 2099-01-01-9999-future\)/);

    const broken = join(dir, 'broken.db');
    copyFileSync(file, broken);
    // Cut in half, as a copy interrupted midway would be.
    truncateSync(broken, Math.floor(statSync(broken).size / 2));
    const corrupt = await cli(['restore', broken], { PURSUIT_DB: elsewhere });
    expect(corrupt.status).not.toBe(0);
    expect(corrupt.err).toMatch(/integrity check|not a SQLite database|malformed/);
    // Whatever was refused left the restored database as it was.
    expect(count(elsewhere, 'prospects')).toBe(count(live, 'prospects'));
  }, 120_000);
});

const PG_URL = process.env.PURSUIT_TEST_DATABASE_URL;

describe.skipIf(PG_URL === undefined)(
  `backup on PostgreSQL${postgresSkipReason === '' ? '' : ` (skipped: ${postgresSkipReason})`}`,
  () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await freshDatabase('postgres');
    });
    afterAll(async () => t?.drop());

    it('runs pg_dump in its custom format, and says how to restore', async () => {
      const name = (
        await t.db.kysely
          .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('d'))
          .executeTakeFirstOrThrow()
      ).d;
      const target = new URL(PG_URL as string);
      target.pathname = `/${name}`;
      const file = join(dir, 'pg.dump');
      const made = await runCli(['backup', file], { env: { DATABASE_URL: target.toString() } });
      expect(made.status, made.err).toBe(0);
      expect(made.out).toContain('Backed up with pg_dump');
      const listing = execFileSync('pg_restore', ['--list', file], { encoding: 'utf8' });
      expect(listing).toContain('TABLE public audit_log');
      const restore = await runCli(['restore', file], { env: { DATABASE_URL: target.toString() } });
      expect(restore.status).toBe(2);
      expect(restore.err).toContain('pg_restore --clean --if-exists --no-owner --single-transaction');
    });
  },
);
