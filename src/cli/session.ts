// Opens what a data command needs, once: the configuration, the database and the acting user.

import { existsSync } from 'node:fs';
import { openContext } from '../app/context.js';
import type { AppContext } from '../app/context.js';
import { DEFAULT_SQLITE_PATH, DEMO_DB, readConfig } from '../app/config.js';
import type { Config } from '../app/config.js';
import { PursuitError } from '../core/errors.js';
import { actorFor } from '../app/accounts/workspace.js';
import type { User } from '../core/records.js';
import type { Io } from './program.js';
import { readDefaultPlaybook } from './resources.js';

export interface GlobalOptions {
  as?: string;
  json?: boolean;
}

export interface Session {
  ctx: AppContext;
  config: Config;
}

/** Runs `fn` with an open database, closing it afterwards whatever happens. */
export async function withSession<T>(io: Io, fn: (s: Session) => Promise<T>): Promise<T> {
  const config = readConfig(io.env);
  const ctx = await openContext(config, readDefaultPlaybook());
  try {
    return await fn({ ctx, config });
  } finally {
    await ctx.db.close();
  }
}

/** The database as a person names it: the SQLite file, or PostgreSQL's host and database (no password). */
export function databaseName(config: Config): string {
  const db = config.database;
  if (db.kind === 'sqlite') return db.path;
  try {
    const url = new URL(db.url);
    return `PostgreSQL ${url.host}${url.pathname} (DATABASE_URL)`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** Where to look instead when the database is not the one with people in it. */
function otherDatabase(config: Config): string {
  if (config.database.kind !== 'sqlite' || config.database.path === DEMO_DB || !existsSync(DEMO_DB))
    return '';
  return `; the demo's is ${DEMO_DB} (PURSUIT_DB=${DEMO_DB} pursuit ...)`;
}

/**
 * Runs `fn` as the acting user: --as, else PURSUIT_USER, else the only user. A SQLite file that
 * is not there is not created (only `init`, `demo` and `restore` make one): the error names it.
 */
export async function asActor<T>(
  io: Io,
  options: GlobalOptions,
  fn: (s: Session, actor: User) => Promise<T>,
): Promise<T> {
  const config = readConfig(io.env);
  if (config.database.kind === 'sqlite' && !existsSync(config.database.path)) {
    const which =
      config.database.path === DEFAULT_SQLITE_PATH ? 'the default; PURSUIT_DB names another' : 'PURSUIT_DB';
    throw new PursuitError(
      'NOT_FOUND',
      `no database at ${config.database.path} (${which}): create one with \`pursuit init\`, or try \`pursuit demo\`${otherDatabase(config)}`,
      'PURSUIT_DB',
    );
  }
  return withSession(io, async (s) => {
    const actor = await actorFor(
      s.ctx,
      options.as ?? s.config.user,
      `${databaseName(s.config)}${otherDatabase(s.config)}`,
    );
    return fn(s, actor);
  });
}

/**
 * A count typed as an option (`--limit 25`): a whole number from `least` (to `most`, when there is
 * a bound), or a refusal that names the option and repeats what was typed.
 */
export function wholeNumber(
  field: string,
  typed: string | undefined,
  least: number,
  most = Number.POSITIVE_INFINITY,
): number | undefined {
  if (typed === undefined) return undefined;
  const n = Number(typed);
  if (!/^\s*\d+\s*$/.test(typed) || n < least || n > most)
    throw new PursuitError(
      'INVALID_ARGUMENTS',
      `expected a whole number ${most === Number.POSITIVE_INFINITY ? `of ${least} or more` : `from ${least} to ${most}`}, got ${JSON.stringify(typed)}`,
      field,
    );
  return n;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
