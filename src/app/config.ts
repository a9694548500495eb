// Configuration, read once from the environment into a frozen object; nothing else reads process.env.

import { PursuitError } from '../core/errors.js';

import type { DatabaseConfig } from '../store/database.js';

export type { DatabaseConfig };

export interface Config {
  readonly database: DatabaseConfig;
  /** Who is acting, by email or name (`PURSUIT_USER`); `--as` overrides it. */
  readonly user: string | undefined;
  /** A fixed clock for demos and tests (`PURSUIT_NOW`, ISO 8601); else the system clock. */
  readonly now: number | undefined;
  /** Where `pursuit serve` listens (`PURSUIT_HOST`, default 127.0.0.1; `PURSUIT_PORT`, default 3000). */
  readonly server: { readonly host: string; readonly port: number };
  /** The server's log level (`PURSUIT_LOG_LEVEL`: info, the default, logs every request; warn; error). */
  readonly logLevel: LogLevel;
}

export const DEFAULT_SQLITE_PATH = 'data/pursuit.db';

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  const portText = env.PURSUIT_PORT?.trim() || '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new PursuitError(
      'CONFIG_INVALID',
      `expected a port from 1 to 65535, got "${portText}"`,
      'PURSUIT_PORT',
    );
  }
  const logLevel = (env.PURSUIT_LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new PursuitError(
      'CONFIG_INVALID',
      `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
      'PURSUIT_LOG_LEVEL',
    );
  }
  return Object.freeze({
    logLevel,
    server: Object.freeze({ host: env.PURSUIT_HOST?.trim() || '127.0.0.1', port }),
    database: Object.freeze(database),
    user: env.PURSUIT_USER?.trim() || undefined,
    now,
  });
}
