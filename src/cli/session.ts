// Opens what a data command needs, once: the configuration, the database and the acting user.

import type { AppContext } from '../app/context.js';
import { readConfig } from '../app/config.js';
import type { Config } from '../app/config.js';
import { actorFor } from '../app/workspace.js';
import { openDatabase } from '../store/database.js';
import type { User } from '../store/records.js';
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
  const db = await openDatabase(config.database);
  const fixed = config.now;
  const ctx: AppContext = {
    db,
    now: fixed === undefined ? () => Date.now() : () => fixed,
    defaultPlaybookText: readDefaultPlaybook(),
  };
  try {
    return await fn({ ctx, config });
  } finally {
    await db.close();
  }
}

/** Runs `fn` as the acting user: --as, else PURSUIT_USER, else the only user. */
export async function asActor<T>(
  io: Io,
  options: GlobalOptions,
  fn: (s: Session, actor: User) => Promise<T>,
): Promise<T> {
  return withSession(io, async (s) => fn(s, await actorFor(s.ctx, options.as ?? s.config.user)));
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
