// `pursuit backup FILE` and `pursuit restore FILE`: an operator's commands (whoever can read the
// database file or DATABASE_URL), so they act as nobody in particular.

import { backupDatabase, restoreDatabase } from '../../app/backup.js';
import { readConfig } from '../../app/config.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { printJson } from '../session.js';

export interface BackupOptions {
  force?: boolean;
  json?: boolean;
}

export async function backupCommand(file: string, options: BackupOptions, io: Io): Promise<number> {
  const config = readConfig(io.env);
  const done = await backupDatabase(config.database, file, { force: options.force === true });
  if (options.json === true) printJson(io, done);
  else
    io.stdout.write(
      done.dialect === 'sqlite'
        ? `Backed up to ${done.file} (a consistent copy; servers kept writing). Restore with: pursuit restore ${done.file}\n`
        : `Backed up with pg_dump to ${done.file}. Restore with pg_restore (see README, Backups).\n`,
    );
  return EXIT.ok;
}

export async function restoreCommand(file: string, options: BackupOptions, io: Io): Promise<number> {
  const config = readConfig(io.env);
  const done = await restoreDatabase(config.database, file, {
    force: options.force === true,
    now: config.now ?? Date.now(),
  });
  if (options.json === true) printJson(io, done);
  else
    io.stdout.write(
      `Restored ${done.file}${done.migrated > 0 ? ` (brought ${done.migrated} schema version(s) up to date)` : ''}.` +
        (done.previous === null ? '\n' : ` The database it replaced is kept in ${done.previous}.\n`),
    );
  return EXIT.ok;
}
