// Driver failures (SQLite's and PostgreSQL's codes) as the error catalogue's codes. No driver is
// loaded here, so anything may map an error without opening a database.

import { PursuitError } from '../core/errors.js';

/** Maps a driver error to the catalogue; anything unknown is returned as it is. */
export function storeError(error: unknown): unknown {
  if (error instanceof PursuitError) return error;
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  switch (e.code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case '55P03':
      return new PursuitError('DATABASE_LOCKED', `the database is locked by another process: ${message}`);
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
