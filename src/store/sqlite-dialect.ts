// Kysely's SQLite dialect with write transactions that wait their turn. Kysely begins every
// transaction DEFERRED: it reads first and asks for the write lock only at its first write, when
// another process may have committed since its snapshot (SQLITE_BUSY_SNAPSHOT), which no busy
// timeout can cure. Here a transaction begins IMMEDIATE (it takes the write lock, waiting the busy
// timeout for it, before it reads anything) unless it says it only reads ('read only'), which stays
// DEFERRED and so never waits for writers (WAL). Beginning is retried a few times, as nothing has
// run yet.

import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDialectConfig, TransactionSettings } from 'kysely';
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
