// Opens the database (SQLite file by default, PostgreSQL with DATABASE_URL), applies the one
// migration set, and turns driver failures into the error catalogue's codes.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';
import pg from 'pg';
import { PursuitError } from '../core/errors.js';
import { storeError } from './errors.js';
import { keepingStatements, WaitingSqliteDialect } from './sqlite-dialect.js';
import * as initial from './migrations/2026-11-23-0001-initial.js';
import * as largeOrganisations from './migrations/2026-11-24-0002-large-organisations.js';
import * as accounts from './migrations/2026-11-24-0003-accounts.js';
import * as changeNotices from './migrations/2026-11-24-0004-change-notices.js';
import * as importJobs from './migrations/2026-11-24-0005-import-jobs.js';
import * as models from './migrations/2026-11-24-0006-models.js';
import * as agendaClasses from './migrations/2026-11-25-0007-agenda-classes.js';
import * as mail from './migrations/2026-12-03-0008-mail.js';
import * as suppressions from './migrations/2026-12-03-0009-suppressions.js';
import * as auditLog from './migrations/2026-12-03-0010-audit-log.js';
import * as eventHistories from './migrations/2026-12-03-0011-event-histories.js';
import * as notes from './migrations/2026-12-04-0012-notes.js';
import * as decisionIndexes from './migrations/2026-12-04-0013-decision-indexes.js';
import * as snoozeIndex from './migrations/2026-12-06-0014-snooze-index.js';
import * as logOrderIndex from './migrations/2026-12-07-0015-log-order-index.js';
import * as outboxSentIndex from './migrations/2026-12-07-0016-outbox-sent-index.js';
import * as prospectCounts from './migrations/2026-12-07-0017-prospect-counts.js';
import * as prospectSearch from './migrations/2026-12-07-0018-prospect-search.js';
import * as dayCards from './migrations/2026-12-07-0019-day-cards.js';
import * as cardsByRowVersion from './migrations/2026-12-07-0020-cards-by-row-version.js';
import * as dayCardsTable from './migrations/2026-12-07-0021-day-cards-table.js';
import { ChangeListener, ChangeWatch } from './changes.js';
import type { Database } from './schema.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-0001-initial': initial,
  '2026-11-24-0002-large-organisations': largeOrganisations,
  '2026-11-24-0003-accounts': accounts,
  '2026-11-24-0004-change-notices': changeNotices,
  '2026-11-24-0005-import-jobs': importJobs,
  '2026-11-24-0006-models': models,
  '2026-11-25-0007-agenda-classes': agendaClasses,
  '2026-12-03-0008-mail': mail,
  '2026-12-03-0009-suppressions': suppressions,
  '2026-12-03-0010-audit-log': auditLog,
  '2026-12-03-0011-event-histories': eventHistories,
  '2026-12-04-0012-notes': notes,
  '2026-12-04-0013-decision-indexes': decisionIndexes,
  '2026-12-06-0014-snooze-index': snoozeIndex,
  '2026-12-07-0015-log-order-index': logOrderIndex,
  '2026-12-07-0016-outbox-sent-index': outboxSentIndex,
  '2026-12-07-0017-prospect-counts': prospectCounts,
  '2026-12-07-0018-prospect-search': prospectSearch,
  '2026-12-07-0019-day-cards': dayCards,
  '2026-12-07-0020-cards-by-row-version': cardsByRowVersion,
  '2026-12-07-0021-day-cards-table': dayCardsTable,
};

/** The schema versions this Pursuit knows, oldest first (a backup's are checked against them). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

export type Dialect = 'sqlite' | 'postgres';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Tells whether the database may have changed since a moment (see changes.ts). */
  readonly changes: ChangeWatch;
  /**
   * Starts hearing other processes' commits (PostgreSQL; SQLite needs nothing). Until then, on
   * PostgreSQL, the watch trusts no mark. For long-running servers, not one-shot commands.
   */
  listenForChanges(): Promise<void>;
  /**
   * A connection of its own for a long read (an export), so that other work does not wait behind
   * it (SQLite serves one connection's statements one at a time). Close it after.
   */
  longReader(): Db;
  /**
   * Brings the planner's statistics up to date after a bulk load (PostgreSQL's ANALYZE), so that the
   * first reads after it do not wait for autovacuum to notice. SQLite keeps no such statistics here.
   * Given a transaction, within it: its own rows, not yet committed, are counted too (a table filled
   * by one long transaction has no statistics until it commits, and autovacuum cannot see them).
   */
  refreshStatistics(tables: readonly (keyof Database)[], within?: Kysely<Database>): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (int8) as a string; our bigints are epoch milliseconds, safe as numbers.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export interface OpenOptions {
  /** How long a SQLite writer waits for another process's lock before giving up. */
  busyTimeoutMs?: number;
}

function openSqlite(path: string, options: OpenOptions): Db {
  let sqlite: SqliteDatabase.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    sqlite = new SqliteDatabase(path, { timeout: options.busyTimeoutMs ?? 5000 });
    sqlite.pragma('journal_mode = WAL');
    // Durable commits: a logged touch survives a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // A 64 MiB page cache: large transactions (an import, a new playbook) stay out of the WAL lookups.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    // Reads through a 256 MiB memory map rather than a system call per page; the map is the OS's
    // page cache, so it costs no private memory.
    sqlite.pragma('mmap_size = 268435456');
  } catch (error) {
    throw storeError(error);
  }
  // Another connection's commit changes data_version; reading it touches no disk.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const changes = new ChangeWatch(() => {
    try {
      return dataVersion.get() as number;
    } catch {
      // The connection is busy streaming rows: the mark cannot be told.
      return undefined;
    }
  });
  const kysely = new Kysely<Database>({
    dialect: new WaitingSqliteDialect({ database: keepingStatements(sqlite) }),
    plugins: [changes],
  });
  return {
    kysely,
    dialect: 'sqlite',
    changes,
    listenForChanges: () => Promise.resolve(),
    longReader: () => openSqlite(path, options),
    refreshStatistics: () => Promise.resolve(),
    close: () => kysely.destroy(),
  };
}

function openPostgres(url: string): Db {
  // Pursuit's reads are short index lookups over data the server holds in memory or on SSD:
  // PostgreSQL's default cost of a random read (4, for spinning disks) made it scan and hash all
  // prospects for one rep's 900-item day instead of looking each up (120 ms against 14 at 100,000
  // prospects). An `options` parameter in DATABASE_URL replaces this one.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c random_page_cost=1.1' });
  const changes = new ChangeWatch();
  changes.trust(false);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [changes] });
  let listener: ChangeListener | undefined;
  const db: Db = {
    kysely,
    dialect: 'postgres',
    changes,
    listenForChanges: async () => {
      if (listener !== undefined) return;
      listener = new ChangeListener(() => new pg.Client({ connectionString: url }), changes);
      await listener.start();
    },
    // The pool has connections enough: a long read takes one of them.
    longReader: () => ({ ...db, close: () => Promise.resolve() }),
    refreshStatistics: async (tables, within = kysely) => {
      if (tables.length > 0) await sql.raw(`ANALYZE ${tables.join(', ')}`).execute(within);
    },
    close: async () => {
      await listener?.close();
      await kysely.destroy();
    },
  };
  return db;
}

/** Brings the schema up to date; refuses a database migrated by a newer Pursuit. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const message = (error as Error).message ?? String(error);
    if (/corrupted migrations|missing/.test(message)) {
      throw new PursuitError(
        'DATABASE_TOO_NEW',
        `the database was written by a newer version of Pursuit (${message}); upgrade Pursuit to use it`,
      );
    }
    throw storeError(error);
  }
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Db> {
  const db = config.kind === 'sqlite' ? openSqlite(config.path, options) : openPostgres(config.url);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw storeError(error);
  }
  return db;
}
