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
 * A database whose `prepare` returns the statement it prepared before for the same text, unless
 * that one is still busy (a stream still reading from it), when a new one is prepared.
 */
export function keepingStatements(database: SqliteDatabase): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const found = kept.get(sql) as (SqliteStatement & { busy?: boolean }) | undefined;
      if (found !== undefined && found.busy !== true) return found;
      const statement = database.prepare(sql);
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
