// Copies of the database while it is in use. SQLite: the online backup API, in one step (a
// consistent snapshot that concurrent writers neither block nor restart), and a restore that copies
// a checked backup into the live file through SQLite's own locks, so a process with the file open
// sees the restored data rather than writing to a file that is gone. PostgreSQL: pg_dump's custom
// format, when the client tools are installed. A `pursuit serve` marks the file it serves, so a
// restore can refuse to pull the data from under it.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { PursuitError } from '../core/errors.js';
import { MIGRATION_NAMES } from './database.js';
import { storeError } from './errors.js';

const run = promisify(execFile);
/** All remaining pages in one step. */
const AT_ONCE = { progress: () => 0x7fffffff };

/** A consistent copy of the database at `path`, as one self-contained file (no -wal beside it). */
export async function backupSqlite(path: string, file: string): Promise<void> {
  const source = openExisting(path);
  try {
    await source.backup(file, AT_ONCE);
  } catch (error) {
    throw storeError(error);
  } finally {
    source.close();
  }
  const copy = openExisting(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

// Read-write connections even to read: a read-only one cannot open a WAL file whose -shm is absent.
function openExisting(path: string): SqliteDatabase.Database {
  try {
    return new SqliteDatabase(path, { fileMustExist: true, timeout: 10_000 });
  } catch (error) {
    throw storeError(error);
  }
}

export interface BackupCheck {
  /** Schema versions the backup was migrated to. */
  migrations: string[];
  /** Versions this Pursuit would add when it opens the restored database. */
  behind: number;
}

/** Refuses a file that is not a sound Pursuit database of a version this Pursuit knows. */
export function checkSqliteBackup(file: string): BackupCheck {
  if (!existsSync(file)) throw new PursuitError('FILE_NOT_READABLE', `no such file: ${file}`, 'file');
  const db = openExisting(file);
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      const why = (error as Error).message;
      throw new PursuitError('INVALID_INPUT', `${file} is not a SQLite database: ${why}`, 'file');
    }
    if (integrity !== 'ok') {
      const why = String(integrity);
      throw new PursuitError('INVALID_INPUT', `${file} fails SQLite's integrity check: ${why}`, 'file');
    }
    const table = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (table === undefined)
      throw new PursuitError(
        'INVALID_INPUT',
        `${file} is not a Pursuit database (no schema version)`,
        'file',
      );
    const migrations = db
      .prepare('select name from kysely_migration order by name')
      .pluck()
      .all() as string[];
    const unknown = migrations.filter((m) => !MIGRATION_NAMES.includes(m));
    if (unknown.length > 0)
      throw new PursuitError(
        'DATABASE_TOO_NEW',
        `${file} was written by a newer Pursuit (schema ${unknown.join(', ')}); upgrade Pursuit to restore it`,
      );
    return { migrations, behind: MIGRATION_NAMES.length - migrations.length };
  } finally {
    db.close();
  }
}

/** Copies a checked backup into the live database file (made if absent), under SQLite's locks. */
export async function restoreSqlite(file: string, path: string): Promise<void> {
  const source = openExisting(file);
  try {
    await source.backup(path, AT_ONCE);
  } catch (error) {
    throw storeError(error);
  } finally {
    source.close();
  }
}

const marker = (path: string) => `${path}.serving`;

/** Marks the file as served by this process; the returned function takes the mark away. */
export function markServing(path: string): () => void {
  const at = marker(path);
  writeFileSync(at, `${process.pid}\n`);
  return () => {
    if (servingPid(path) === process.pid) rmSync(at, { force: true });
  };
}

/** The process serving the file, if one is alive. */
export function servingPid(path: string): number | undefined {
  const at = marker(path);
  if (!existsSync(at)) return undefined;
  const pid = Number(readFileSync(at, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as { code?: string }).code === 'EPERM' ? pid : undefined;
  }
}

/** pg_dump in its custom format (for pg_restore); a clear way forward when it is not installed. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') {
      throw new PursuitError(
        'DATABASE_UNAVAILABLE',
        `pg_dump is not installed here: install PostgreSQL's client tools (apt install postgresql-client), or run where they are: pg_dump --format=custom --no-owner --file=${file} "$DATABASE_URL"`,
      );
    }
    throw new PursuitError('DATABASE_UNAVAILABLE', `pg_dump failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
