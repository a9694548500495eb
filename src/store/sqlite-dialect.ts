// Kysely's SQLite dialect with write transactions that wait their turn. Kysely begins every
// transaction DEFERRED: it reads first and asks for the write lock only at its first write, when
// another process may have committed since its snapshot (SQLITE_BUSY_SNAPSHOT), which no busy
// timeout can cure. Here a transaction begins IMMEDIATE (it takes the write lock, waiting the busy
// timeout for it, before it reads anything) unless it says it only reads ('read only'), which stays
// DEFERRED and so never waits for writers (WAL). Beginning is retried a few times, as nothing has
// run yet. Kysely also prepares every statement it runs afresh: here a connection keeps its prepared
// statements by SQL text (re-deciding everyone runs the same few statements a million times).

import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
import type {
  DatabaseConnection,
  Driver,
  SqliteDatabase,
  SqliteDialectConfig,
  SqliteStatement,
  TransactionSettings,
} from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { isBusy } from './errors.js';

/** Attempts at BEGIN IMMEDIATE (each waiting the connection's busy timeout) before giving up. */
const BEGIN_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class WaitingSqliteDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings = {},
  ): Promise<void> {
    const begin = CompiledQuery.raw(
      settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate',
    );
    for (let attempt = 1; ; attempt += 1) {
      try {
        await connection.executeQuery(begin);
        return;
      } catch (error) {
        if (!isBusy(error) || attempt >= BEGIN_ATTEMPTS) throw error;
        // Let this process's other work run before waiting again.
        await sleep(5 * attempt + Math.random() * 20);
      }
    }
  }
}

/** Prepared statements kept per connection; the oldest is let go beyond this many. */
const KEPT_STATEMENTS = 256;

/**
 * A statement that reads rows: better-sqlite3 hands them over as arrays (its raw mode) and they
 * become objects here, with the same keys in the same order. better-sqlite3 sets each key of each
 * row from C++, which costs more than building the object in JavaScript: reading 100,000 prospects
 * of 17 columns, 2,000 a statement, took 290-370 ms against 450-560, and a rep's day of 900
 * decisions 5.2 ms against 6.5 (at the driver, on bench databases). A column named `__proto__`
 * (none of Pursuit's) would set the object's prototype here, so such a statement keeps the
 * objects better-sqlite3 builds.
 */
function readingRows(statement: BetterSqlite3.Statement): SqliteStatement {
  const names = statement.columns().map((c) => c.name);
  if (names.includes('__proto__')) return statement as SqliteStatement;
  const raw = statement.raw(true);
  // Two columns of the same name give the last one's value, as better-sqlite3's objects do.
  const toObject = (row: unknown[]): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i += 1) o[names[i] as string] = row[i];
    return o;
  };
  return {
    reader: true,
    get busy() {
      return raw.busy;
    },
    all: (parameters) => (raw.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => raw.run(parameters),
    *iterate(parameters) {
      for (const row of raw.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(row);
    },
  } as SqliteStatement;
}

/**
 * A database whose `prepare` returns the statement it prepared before for the same text, unless
 * that one is still busy (a stream still reading from it), when a new one is prepared. Its
 * reading statements build their rows' objects in JavaScript (readingRows).
 */
export function keepingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, SqliteStatement & { busy?: boolean }>();
  const prepare = (sql: string): SqliteStatement => {
    const statement = database.prepare(sql);
    return statement.reader ? readingRows(statement) : (statement as SqliteStatement);
  };
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const found = kept.get(sql);
      if (found !== undefined && found.busy !== true) return found;
      const statement = prepare(sql);
      if (found === undefined) {
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
        kept.set(sql, statement);
      }
      return statement;
    },
  };
}

export class WaitingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WaitingSqliteDriver(this.#config);
  }
}
