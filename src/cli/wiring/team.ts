// The commands of a team's day and its data: import, export, demo, serve, backup, restore, ics,
// playbook, agenda, pipeline and calibrate (commander wiring only).

import type { Command } from 'commander';
import type { AgendaOptions } from '../commands/day.js';
import type { DemoOptions } from '../commands/demo.js';
import type { BackupOptions } from '../commands/backup.js';
import type { ImportCliOptions } from '../commands/transfer.js';
import type { Io } from '../program.js';
import { DEMO_DB } from '../../app/config.js';
import type { GlobalOptions } from '../session.js';
import { common } from './common.js';
import type { Done } from './common.js';

// Loaded when a command runs (see program.ts).
const calibrateModule = () => import('../commands/calibrate.js');
const dayModule = () => import('../commands/day.js');
const demoModule = () => import('../commands/demo.js');
const extrasModule = () => import('../commands/extras.js');
const serveModule = () => import('../commands/serve.js');
const backupModule = () => import('../commands/backup.js');
const transferModule = () => import('../commands/transfer.js');

export function teamCommands(program: Command, io: Io, done: Done): void {
  common(
    program
      .command('import')
      .description('import CRM exports (HubSpot, Salesforce, Pipedrive, a generic CSV) or a Pursuit export')
      .argument('<files...>', 'CSV or JSON Lines files (- for standard input); several are one import')
      .option(
        '--format <format>',
        'hubspot, salesforce, pipedrive, generic or jsonl (default: from the header)',
      )
      .option('--map <mapping>', "a generic CSV's columns: prospect=Company,contact=Name,email=E-mail,...")
      .option('--system <name>', "the namespace of the file's record ids (default: the format)")
      .option('--skip-bad', 'import the good rows and set the bad ones aside (default: all or nothing)')
      .option('--rejects <file>', 'where --skip-bad writes the rejected rows (line, reason, row)')
      .option('--zone <iana>', 'the time zone of times without an offset (default: yours)')
      .addHelpText(
        'after',
        '\nRe-importing the same file changes nothing. Opt-outs become do-not-contact; customers and won deals\nbecome customers; lost deals and leads closed without a sale ("Closed - Not Converted",\n"Unqualified") are nurtured, not chased. A failed or interrupted import leaves the database as it was.',
      ),
  ).action(async (files: string[], o: ImportCliOptions) =>
    done(await (await transferModule()).importCommand(files, o, io)),
  );
  common(
    program
      .command('export')
      .description(
        'export your prospects, contacts and history (CSV or JSON Lines; pursuit import reads both back)',
      )
      .option('--format <format>', 'csv or jsonl', 'csv')
      .option('--out <file>', 'write to this file (default: standard output)'),
  ).action(async (o: GlobalOptions & { format?: string; out?: string }) =>
    done(await (await transferModule()).exportCommand(o, io)),
  );

  program
    .command('demo')
    .description(
      `a demo organisation (in ${DEMO_DB} unless PURSUIT_DB or DATABASE_URL says otherwise), then a rep's agenda`,
    )
    .option('--seed <n>', 'another demo (same seed, same demo)')
    .option('--prospects <n>', 'how many prospects (default 300)')
    .option('--json', 'print JSON for scripts')
    .option('--serve', 'then serve the web app on it (what `npm start` does)')
    .option('--port <n>', 'with --serve: port (default PURSUIT_PORT, else 3000)')
    .option('--host <address>', 'with --serve: address (default PURSUIT_HOST, else 127.0.0.1)')
    .action(async (o: DemoOptions) => done(await (await demoModule()).demoCommand(o, io)));

  program
    .command('serve')
    .description('the web app and the HTTP API (documented at /docs), on the same database')
    .option('--port <n>', 'port to listen on (default PURSUIT_PORT, else 3000)')
    .option('--host <address>', 'address to listen on (default PURSUIT_HOST, else 127.0.0.1)')
    .action(async (o: { port?: string; host?: string }) =>
      done(await (await serveModule()).serveCommand(o, io)),
    );

  common(
    program
      .command('ics')
      .description('a calendar invite (.ics) for a committed call or meeting, for both calendars')
      .argument('<commitment>', "a commitment's id, or a prospect (its latest committed call)")
      .option(
        '--out <file>',
        'write to this file, or into this folder under a name from the prospect and date, instead of stdout',
      ),
  ).action(async (typed: string, o: GlobalOptions & { out?: string }) =>
    done(await (await extrasModule()).icsCommand(typed, o, io)),
  );

  const playbook = program.command('playbook').description("the organisation's playbook");
  common(playbook.command('show').description('print the playbook in force')).action(
    async (o: GlobalOptions) => done(await (await extrasModule()).playbookShowCommand(o, io)),
  );
  common(
    playbook
      .command('use')
      .description('put a new playbook version in force (admins); every prospect is decided again')
      .argument('<file>', 'a playbook (YAML or JSON); it may start with `extends: default`'),
  ).action(async (file: string, o: GlobalOptions) =>
    done(await (await extrasModule()).playbookUseCommand(file, o, io)),
  );

  common(
    program
      .command('agenda')
      .description("a rep's actions for a day, most valuable first, with reasons and drafts")
      .option('--rep <user>', "another rep's agenda (managers and admins)")
      .option('--date <date>', 'a day: 2026-03-17, today or tomorrow', 'today')
      .option(
        '--show <list>',
        'all (default); overdue; later (due later today); day (new on the day: due on it, not before)',
      )
      .option('--limit <n>', 'print this many actions (default 25, at most 500)')
      .option('--offset <n>', 'skip this many of the list first')
      .option('--all', 'print the whole day (as --json does unless --show, --limit or --offset)'),
  ).action(async (o: AgendaOptions) => done(await (await dayModule()).agendaCommand(o, io)));
  common(
    program
      .command('pipeline')
      .description('prospects by state, and those with no dated next step')
      .option('--owner <user>', "one rep's pipeline"),
  ).action(async (o: GlobalOptions & { owner?: string }) =>
    done(await (await dayModule()).pipelineCommand(o, io)),
  );
  common(
    program
      .command('calibrate')
      .description("fit the stopping model on the team's history and, if it beats the prior, put it in force")
      .option('--dry-run', 'show the curve and how many decisions would change; keep nothing'),
  ).action(async (o: GlobalOptions & { dryRun?: boolean }) =>
    done(await (await calibrateModule()).calibrateCommand(o, io)),
  );

  program
    .command('backup')
    .description('copy the database to FILE while servers keep writing (SQLite; PostgreSQL: pg_dump)')
    .argument('<file>', 'the new backup file')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print JSON for scripts')
    .addHelpText('after', '\nSchedule it with cron or a systemd timer: see README, Backups.')
    .action(async (file: string, o: BackupOptions) =>
      done(await (await backupModule()).backupCommand(file, o, io)),
    );
  program
    .command('restore')
    .description(
      'replace the database with a backup, after checking it (SQLite; the replaced one is kept beside it)',
    )
    .argument('<file>', 'a file made by pursuit backup')
    .option('--force', 'restore even while a server has the database open')
    .option('--json', 'print JSON for scripts')
    .action(async (file: string, o: BackupOptions) =>
      done(await (await backupModule()).restoreCommand(file, o, io)),
    );
}
