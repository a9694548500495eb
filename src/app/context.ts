// What every use case is given (the database, the clock, the built-in default playbook), how it is
// opened from the configuration, and the one transaction every use case runs in.

import type { Kysely } from 'kysely';
import { openDatabase } from '../store/database.js';
import { storeError } from '../store/errors.js';
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

/** Runs a use case in one transaction; driver failures become catalogue errors. */
export async function inTransaction<T>(ctx: AppContext, fn: (q: Q) => Promise<T>): Promise<T> {
  const { changes } = ctx.db;
  const writes = changes.writes;
  try {
    return await ctx.db.kysely.transaction().execute(fn);
  } catch (error) {
    throw storeError(error);
  } finally {
    // A read that ran while this transaction was open must not outlive its commit.
    if (changes.writes !== writes) changes.settled();
  }
}
