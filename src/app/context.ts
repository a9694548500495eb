// What every use case is given (the database, the clock, the built-in default playbook), how it is
// opened from the configuration, and the one transaction every use case runs in.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { openDatabase } from '../store/database.js';
import { isBusy, storeError } from '../store/errors.js';
import { WriteCounter } from '../store/changes.js';
import type { Db } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Config } from './config.js';

export interface AppContext {
  readonly db: Db;
  /** The clock; fixed in tests. */
  readonly now: () => number;
  /** The built-in default playbook document (YAML), the base of `extends: default`. */
  readonly defaultPlaybookText: string;
  /** The email channel's key (PURSUIT_SECRET_KEY): mailbox secrets, unsubscribe links. */
  readonly secretKey?: string | undefined;
  /** Where people reach the server (PURSUIT_PUBLIC_URL), for links in emails. */
  readonly publicUrl?: string | undefined;
}

/** The configured database (migrated to this version) and clock. Close `ctx.db` when done. */
export async function openContext(config: Config, defaultPlaybookText: string): Promise<AppContext> {
  const db = await openDatabase(config.database);
  const fixed = config.now;
  return {
    db,
    now: fixed === undefined ? () => Date.now() : () => fixed,
    defaultPlaybookText,
    secretKey: config.secretKey,
    publicUrl: config.publicUrl,
  };
}

export type Q = Kysely<Database>;

export interface TransactionOptions {
  /** A transaction that only reads: it never waits for writers (SQLite begins it DEFERRED). */
  readOnly?: boolean;
  /**
   * Mostly reads, now and then a write (a stale decision brought up to date): on SQLite it begins
   * DEFERRED, so it does not wait for other processes' writers, and should its write find the
   * database changed since its snapshot (SQLITE_BUSY_SNAPSHOT) it runs again, IMMEDIATE.
   */
  readMostly?: boolean;
  /**
   * Whether the whole transaction may run again after the database refused it as busy (it rolled
   * back whole). False where `fn` cannot be run twice (it consumes a stream).
   */
  retry?: boolean;
}

/** Runs of a transaction the database refused as busy, in all (see store/errors.ts isBusy). */
const ATTEMPTS = 5;

/**
 * Waits `ms`, or less when `signal` is aborted meanwhile (at once if it already is). Its listener
 * leaves the signal when the wait ends: a server's keeper sleeps on one signal for its whole life.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted === true) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs a use case in one transaction; driver failures become catalogue errors. A write transaction
 * takes the write lock first (store/sqlite-dialect.ts), so two processes' writers wait their turn;
 * one the database still refused as busy is run again, a bounded number of times.
 */
export async function inTransaction<T>(
  ctx: AppContext,
  fn: (q: Q) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const deferred = options.readMostly === true && attempt === 1 && ctx.db.dialect === 'sqlite';
      return await once(ctx, fn, options, deferred);
    } catch (error) {
      if (options.retry === false || attempt >= ATTEMPTS || !isBusy(error)) throw storeError(error);
      await sleep(10 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}

async function once<T>(
  ctx: AppContext,
  fn: (q: Q) => Promise<T>,
  options: TransactionOptions,
  deferred: boolean,
): Promise<T> {
  const { changes } = ctx.db;
  const writes = changes.writes;
  const scope = writeScope.getStore();
  try {
    let transaction = ctx.db.kysely.transaction();
    // SQLite's driver begins a 'read only' transaction DEFERRED (store/sqlite-dialect.ts).
    if (options.readOnly === true || deferred) transaction = transaction.setAccessMode('read only');
    if (scope?.waiting !== true || options.readOnly === true) return await transaction.execute(fn);
    // A write that a request must not repeat: its mark is written in the same transaction.
    let marked = false;
    const result = await transaction.execute(async (q) => {
      const counter = new WriteCounter();
      const value = await fn(q.withPlugin(counter));
      if (counter.writes > 0) {
        await scope.onFirstWrite(q);
        marked = true;
      }
      return value;
    });
    if (marked) scope.wrote();
    return result;
  } finally {
    // A read that ran while this transaction was open must not outlive its commit.
    if (changes.writes !== writes) changes.settled();
  }
}

/** What the request being served wants written with its first write (see idempotency.ts). */
export interface WriteScope {
  /** Whether the scope still waits for its first write. */
  readonly waiting: boolean;
  /** The transaction that ran onFirstWrite committed. */
  wrote(): void;
  /** Runs inside the first transaction that writes, before it commits. */
  onFirstWrite(q: Q): Promise<void>;
}

const writeScope = new AsyncLocalStorage<WriteScope>();

/** Runs `fn` (and everything it starts) within a write scope. */
export function withWriteScope<T>(scope: WriteScope, fn: () => T): T {
  return writeScope.run(scope, fn);
}

/** A read that may bring what it reads up to date (see TransactionOptions.readMostly). */
export function readMostly<T>(ctx: AppContext, fn: (q: Q) => Promise<T>): Promise<T> {
  return inTransaction(ctx, fn, { readMostly: true });
}
