// Driver failures (SQLite's and PostgreSQL's codes) as the error catalogue's codes. No driver is
// loaded here, so anything may map an error without opening a database.

import { PursuitError } from '../core/errors.js';

// PostgreSQL: lock_not_available, serialization_failure, deadlock_detected.
const PG_BUSY = new Set(['55P03', '40001', '40P01']);

/**
 * Whether the database refused because another connection held it, however the driver says so:
 * SQLITE_BUSY and SQLITE_LOCKED with every extended code (SQLITE_BUSY_SNAPSHOT, _RECOVERY,
 * _TIMEOUT, SQLITE_LOCKED_SHAREDCACHE, _VTAB), PostgreSQL's lock, serialization and deadlock
 * failures. Such a transaction rolled back whole: running it again is safe.
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code) || PG_BUSY.has(code);
}

/** Maps a driver error to the catalogue; anything unknown is returned as it is. */
export function storeError(error: unknown): unknown {
  if (error instanceof PursuitError) return error;
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  if (isBusy(error)) {
    return new PursuitError('DATABASE_LOCKED', `the database is locked by another process: ${message}`);
  }
  switch (e.code) {
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
    case '25006':
      return new PursuitError('DATABASE_READ_ONLY', `the database cannot be written: ${message}`);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case '3D000':
    case '28P01':
      return new PursuitError('DATABASE_UNAVAILABLE', `the database cannot be opened: ${message}`);
    default:
      return error;
  }
}
