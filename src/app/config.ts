// Configuration, read once from the environment into a frozen object; nothing else reads process.env.

import { isIP } from 'node:net';
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
  /**
   * The key that encrypts mailbox passwords and tokens at rest and signs unsubscribe links
   * (`PURSUIT_SECRET_KEY`, at least 32 characters); without it no mailbox can be connected.
   */
  readonly secretKey: string | undefined;
  /** Where people reach this server (`PURSUIT_PUBLIC_URL`), for the links in emails (unsubscribe). */
  readonly publicUrl: string | undefined;
  /**
   * How often `pursuit serve` reads each mailbox and sends what is due (`PURSUIT_MAIL_POLL_SECONDS`,
   * default 60); new mail in INBOX is read at once where the server offers IMAP IDLE.
   */
  readonly mailPollSeconds: number;
  /**
   * Which reverse proxies are believed (`PURSUIT_TRUST_PROXY`): off by default, so X-Forwarded-For
   * and X-Forwarded-Proto are ignored; a hop count (`1`: the one proxy in front) or a comma-separated
   * list of proxy addresses and CIDR ranges (`127.0.0.1,10.0.0.0/8`, or `loopback`, `linklocal`,
   * `uniquelocal`), as Fastify's trustProxy takes. A hop count believes whoever connects, so it is
   * safe only where nothing but the proxy can reach the port; addresses are safe everywhere. Under it the forwarded protocol and client address
   * count: the session cookie is Secure behind a TLS proxy, sign-in limits count the real client.
   */
  readonly trustProxy: TrustProxy;
}

/** Off, a number of proxy hops, or the proxies' addresses and ranges. */
export type TrustProxy = false | number | readonly string[];

export const DEFAULT_SQLITE_PATH = 'data/pursuit.db';

/** The demo's own database (`pursuit demo`, `npm start`), unless PURSUIT_DB or DATABASE_URL is set. */
export const DEMO_DB = 'data/demo.db';

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
  const secretKey = env.PURSUIT_SECRET_KEY?.trim() || undefined;
  if (secretKey !== undefined && secretKey.length < 32) {
    throw new PursuitError(
      'CONFIG_INVALID',
      `expected a key of at least 32 characters (for example: openssl rand -base64 32), got ${secretKey.length}`,
      'PURSUIT_SECRET_KEY',
    );
  }
  const publicUrl = env.PURSUIT_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) {
    throw new PursuitError(
      'CONFIG_INVALID',
      `expected the server's address as people reach it, like https://pursuit.example.com, got "${publicUrl.slice(0, 60)}"`,
      'PURSUIT_PUBLIC_URL',
    );
  }
  const pollText = env.PURSUIT_MAIL_POLL_SECONDS?.trim() || '60';
  const mailPollSeconds = Number(pollText);
  if (!/^\d+$/.test(pollText) || mailPollSeconds < 5 || mailPollSeconds > 3600) {
    throw new PursuitError(
      'CONFIG_INVALID',
      `expected seconds from 5 to 3600, got "${pollText}"`,
      'PURSUIT_MAIL_POLL_SECONDS',
    );
  }
  return Object.freeze({
    trustProxy: readTrustProxy(env.PURSUIT_TRUST_PROXY),
    logLevel,
    mailPollSeconds,
    secretKey,
    publicUrl,
    server: Object.freeze({ host: env.PURSUIT_HOST?.trim() || '127.0.0.1', port }),
    database: Object.freeze(database),
    user: env.PURSUIT_USER?.trim() || undefined,
    now,
  });
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, an address/prefix, or one of proxy-addr's names; else why not. */
function proxyProblem(entry: string): string | undefined {
  if (PROXY_NAMES.has(entry)) return undefined;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return `"${entry}" is not an address or a CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
    return `"${entry}" has a prefix length out of range`;
  return undefined;
}

function readTrustProxy(text: string | undefined): TrustProxy {
  const value = text?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false' || value === 'off' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10)
      throw new PursuitError(
        'CONFIG_INVALID',
        `expected 1 to 10 proxy hops, got ${hops}`,
        'PURSUIT_TRUST_PROXY',
      );
    return hops;
  }
  if (value === 'true') {
    throw new PursuitError(
      'CONFIG_INVALID',
      "believing every address would let any client forge its address and protocol: give the proxy's address (like 127.0.0.1 or 10.0.0.0/8) or a hop count (like 1)",
      'PURSUIT_TRUST_PROXY',
    );
  }
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const problem = entry === '' ? 'an empty entry' : proxyProblem(entry);
    if (problem !== undefined) {
      throw new PursuitError(
        'CONFIG_INVALID',
        `expected a hop count or proxy addresses and CIDR ranges separated by commas: ${problem}`,
        'PURSUIT_TRUST_PROXY',
      );
    }
  }
  return Object.freeze(entries);
}
