// Opens what a data command needs, once: the configuration, the database and the acting user.

import { openContext } from '../app/context.js';
import type { AppContext } from '../app/context.js';
import { readConfig } from '../app/config.js';
import type { Config } from '../app/config.js';
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
