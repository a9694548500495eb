// Configuration, read once from the environment into a frozen object; nothing else reads process.env.

import { PursuitError } from '../core/errors.js';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  readonly database: DatabaseConfig;
  /** Who is acting, by email or name (`PURSUIT_USER`); `--as` overrides it. */
  readonly user: string | undefined;
  /** A fixed clock for demos and tests (`PURSUIT_NOW`, ISO 8601); else the system clock. */
  readonly now: number | undefined;
}

export const DEFAULT_SQLITE_PATH = 'data/pursuit.db';

export function readConfig(env: Record<string, string | undefined>): Config {
  const url = env.DATABASE_URL?.trim();
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new PursuitError(
      'CONFIG_INVALID',
      `expected a postgres:// URL, got "${url.slice(0, 40)}"`,
      'DATABASE_URL',
    );
  }
  const nowText = env.PURSUIT_NOW?.trim();
  const now = nowText === undefined || nowText === '' ? undefined : Date.parse(nowText);
  if (now !== undefined && Number.isNaN(now)) {
    throw new PursuitError('CONFIG_INVALID', `expected an ISO 8601 time, got "${nowText}"`, 'PURSUIT_NOW');
  }
  const database: DatabaseConfig =
    url !== undefined && url !== ''
      ? { kind: 'postgres', url }
      : { kind: 'sqlite', path: env.PURSUIT_DB?.trim() || DEFAULT_SQLITE_PATH };
  return Object.freeze({
    database: Object.freeze(database),
    user: env.PURSUIT_USER?.trim() || undefined,
    now,
  });
}
