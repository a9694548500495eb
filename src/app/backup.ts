// Backing up and restoring the database (`pursuit backup FILE`, `pursuit restore FILE`). SQLite: a
// consistent copy while servers write; a restore checks the backup (integrity, a schema this
// Pursuit knows), keeps the database it replaces beside it, refuses while a server has the file
// open unless forced, copies it in under SQLite's locks, then migrates and checks the result.
// PostgreSQL: pg_dump when installed (README: restoring with pg_restore).

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PursuitError } from '../core/errors.js';
import {
  backupPostgres,
  backupSqlite,
  checkSqliteBackup,
  markServing,
  restoreSqlite,
  servingPid,
} from '../store/backup.js';
import { openDatabase } from '../store/database.js';
import type { DatabaseConfig } from './config.js';

export interface BackupDone {
  file: string;
  dialect: 'sqlite' | 'postgres';
}

function target(file: string): string {
  const path = resolve(file.trim());
  if (file.trim() === '') throw new PursuitError('INVALID_ARGUMENTS', 'give the backup file', 'file');
  if (!existsSync(dirname(path)))
    throw new PursuitError('FILE_NOT_READABLE', `no such folder: ${dirname(path)}`, 'file');
  return path;
}

export async function backupDatabase(
  database: DatabaseConfig,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupDone> {
  const path = target(file);
  if (existsSync(path) && options.force !== true)
    throw new PursuitError('CONFLICT', `${path} exists: choose a new file, or --force to replace it`, 'file');
  if (database.kind === 'postgres') {
    await backupPostgres(database.url, path);
    return { file: path, dialect: 'postgres' };
  }
  if (resolve(database.path) === path)
    throw new PursuitError('INVALID_ARGUMENTS', 'the backup cannot be the database itself', 'file');
  // A fresh file: an old one of the same name would be overwritten page by page.
  if (existsSync(path)) rmSync(path);
  await backupSqlite(database.path, path);
  checkSqliteBackup(path);
  return { file: path, dialect: 'sqlite' };
}

export interface RestoreDone {
  file: string;
  /** Where the database it replaced was kept (null when there was none). */
  previous: string | null;
  /** Schema versions added on opening it. */
  migrated: number;
}

export async function restoreDatabase(
  database: DatabaseConfig,
  file: string,
  options: { force?: boolean; now: number },
): Promise<RestoreDone> {
  if (database.kind === 'postgres') {
    throw new PursuitError(
      'INVALID_ARGUMENTS',
      'on PostgreSQL, stop the servers and restore with pg_restore: pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" FILE (see README, Backups)',
    );
  }
  const source = resolve(file);
  const live = resolve(database.path);
  if (source === live)
    throw new PursuitError('INVALID_ARGUMENTS', 'that file is the database itself', 'file');
  const check = checkSqliteBackup(source);
  const pid = servingPid(live);
  if (pid !== undefined && options.force !== true) {
    throw new PursuitError(
      'CONFLICT',
      `a server (process ${pid}) has ${live} open: stop it first, or --force to restore under it (its requests in flight may fail)`,
    );
  }
  let previous: string | null = null;
  if (existsSync(live)) {
    previous = `${live}.before-restore-${new Date(options.now).toISOString().replace(/[:.]/g, '-')}`;
    await backupSqlite(live, previous);
  } else mkdirSync(dirname(live), { recursive: true });
  await restoreSqlite(source, live);
  const db = await openDatabase({ kind: 'sqlite', path: live });
  await db.close();
  checkSqliteBackup(live);
  return { file: source, previous, migrated: check.behind };
}

/** `pursuit serve` marks the SQLite file it serves (a restore refuses it); the result unmarks it. */
export function announceServing(database: DatabaseConfig): () => void {
  return database.kind === 'sqlite' ? markServing(resolve(database.path)) : () => undefined;
}
