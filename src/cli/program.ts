// The command-line program: commander wiring only; each command is a thin call into app/.

import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { PursuitError } from '../core/errors.js';
import { decideCommand } from './commands/decide.js';
import type { DecideOptions } from './commands/decide.js';
import { examplesCommand } from './commands/examples.js';
import { schemaCommand } from './commands/schema.js';
import { simulateCommand } from './commands/simulate.js';
import type { SimulateOptions } from './commands/simulate.js';
import { agendaCommand, pipelineCommand } from './commands/day.js';
import { logCommand, snoozeCommand, undoCommand } from './commands/log.js';
import type { LogOptions } from './commands/log.js';
import {
  contactAddCommand,
  contactEditCommand,
  prospectAddCommand,
  prospectEditCommand,
  prospectListCommand,
  prospectShowCommand,
} from './commands/prospects.js';
import type { ContactOptions, ListOptions, ProspectOptions } from './commands/prospects.js';
import { initCommand, userAddCommand, userListCommand, userPasswordCommand } from './commands/setup.js';
import { serveCommand } from './commands/serve.js';
import { icsCommand, playbookShowCommand, playbookUseCommand } from './commands/extras.js';
import { DEMO_DB, demoCommand } from './commands/demo.js';
import { exportCommand, importCommand } from './commands/transfer.js';
import { calibrateCommand } from './commands/calibrate.js';
import type { ImportCliOptions } from './commands/transfer.js';
import type { DemoOptions } from './commands/demo.js';
import type { InitOptions, UserAddOptions } from './commands/setup.js';
import type { GlobalOptions } from './session.js';
import { EXIT, reportError } from './exit.js';

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** The environment, read once into a Config by the commands that need one. */
  env: Record<string, string | undefined>;
  /** Stops `pursuit serve` (tests); else SIGINT or SIGTERM does. */
  shutdown?: AbortSignal;
}

function build(io: Io, setStatus: (status: number) => void): Command {
  const program = new Command('pursuit')
    .description('Pursuit: whom to contact, how, with what words, and when to stop.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Argument errors are reported once, as JSON, by run() below.
      writeErr: () => undefined,
      outputError: () => undefined,
    });

  program
    .command('decide')
    .description("decide one prospect's next action (see CONTRACT.md)")
    .argument('[file]', 'a scenario JSON file, or - for standard input', '-')
    .option('--jsonl', 'one scenario per line in, one decision per line out, same order')
    .option('--playbook <file>', 'a playbook (YAML or JSON) instead of the built-in default')
    .addHelpText(
      'after',
      `
Exit status: 0 all decided; 1 some --jsonl lines failed (each yields {"line": N, "error": {...}});
2 unusable arguments or an invalid single scenario (error JSON on stderr).

Examples:
  pursuit decide scenario.json
  pursuit decide --jsonl < many.jsonl > decisions.jsonl
  pursuit decide --playbook my-playbook.yaml scenario.json`,
    )
    .action(async (file: string, options: DecideOptions) =>
      setStatus(await decideCommand(file, options, io)),
    );

  program
    .command('examples')
    .description('decide the example scenarios bundled with Pursuit and print the decisions readably')
    .option('--playbook <file>', 'a playbook (YAML or JSON) instead of the built-in default')
    .action((options: { playbook?: string }) => setStatus(examplesCommand(options, io)));

  program
    .command('schema')
    .description('print the JSON Schema of a scenario, a decision or a playbook')
    .argument('<name>', 'scenario, decision or playbook')
    .action((name: string) => setStatus(schemaCommand(name, io)));

  program
    .command('simulate')
    .description('compare when-to-stop policies on a simulated team whose truth is known')
    .option('--world <world>', 'default, inbound, enterprise, idle, or a world file (.json)', 'default')
    .option('--seeds <n>', 'seeds: the same leads and answers for every policy (default 10)')
    .option('--days <n>', "business days to simulate (default: the world's quarter, 63)")
    .option('--reps <n>', "reps (default: the world's)")
    .option('--playbook <file>', 'a playbook (YAML or JSON) instead of the built-in default')
    .option(
      '--order <order>',
      "agenda: every policy works its day in the agenda's order (default); oldest: all of them oldest first",
    )
    .option('--json', 'print the report as JSON')
    .option('--save', "keep the report for the team dashboard (in the database, as --as's organisation)")
    .option('--as <user>', 'with --save: act as this user (email or name)')
    .addHelpText(
      'after',
      `
A world file lists what differs from the world it extends, e.g.
  {"extends": "default", "leadsPerRepPerDay": 12, "neverRespond": {"outbound": 0.8}}
Fields: days, reps, hoursPerDay, leadsPerRepPerDay, sourceMix, neverRespond (by source),
hazard.call and hazard.email (by attempt), dealValue {median, spread, min, max}, winRate,
conversationMinutes, closeDays, calibrateEveryDays. See README "Simulating policies".`,
    )
    .action(async (options: SimulateOptions) => setStatus(await simulateCommand(options, io)));

  addDataCommands(program, io, setStatus);
  return program;
}

/** --as and --json, which every data command takes. */
function common(command: Command): Command {
  return command
    .option('--as <user>', 'act as this user (email or name); default PURSUIT_USER, or the only user')
    .option('--json', 'print JSON for scripts instead of text');
}

function addDataCommands(program: Command, io: Io, setStatus: (status: number) => void): void {
  const done = (status: number) => setStatus(status);

  common(
    program
      .command('init')
      .description('create the database, the first organisation and its admin')
      .requiredOption('--org <name>', 'the organisation')
      .requiredOption('--name <name>', "the admin's name")
      .requiredOption('--email <email>', "the admin's email")
      .option('--timezone <iana>', "the admin's time zone (default: this machine's)"),
  ).action(async (o: InitOptions) => done(await initCommand(o, io)));

  const user = program.command('user').description('users: reps, managers, admins');
  common(
    user
      .command('add')
      .description('add a user (admins only)')
      .argument('<name>', 'full name')
      .requiredOption('--email <email>', 'email, also their sign-in')
      .option('--role <role>', 'rep, manager or admin', 'rep')
      .option('--manager <user>', 'the manager whose team they are in')
      .option('--timezone <iana>', 'their time zone (default: yours)')
      .option('--phone <phone>', 'their phone, for voicemail scripts')
      .option('--hourly-value <amount>', "what an hour of their time earns (default: the playbook's)"),
  ).action(async (name: string, o: UserAddOptions) => done(await userAddCommand(name, o, io)));
  common(
    user
      .command('password')
      .description("set a user's password for the web app: yours, or anyone's for an admin (typed, or piped)")
      .argument('[user]', 'name or email (default: you)'),
  ).action(async (typed: string | undefined, o: GlobalOptions) =>
    done(await userPasswordCommand(typed, o, io)),
  );
  common(user.command('list').description('list the users')).action(async (o: GlobalOptions) =>
    done(await userListCommand(o, io)),
  );

  const prospectOptions = (c: Command) =>
    c
      .option('--owner <user>', 'the rep who owns it (default: you)')
      .option('--relationship <kind>', 'prospect, customer or ex-customer')
      .option('--source <source>', 'inbound, outbound, referral or event')
      .option('--deal-value <amount>', 'expected deal value')
      .option('--icp-fit <fit>', 'fit, partial, poor or unknown')
      .option('--serious <yes|no|unknown>', 'are they serious about changing?')
      .option('--goals-clear <yes|no|unknown>', 'are their goals clear?')
      .option('--price-only <yes|no|unknown>', 'does it stay on price alone?')
      .option('--product-fit <fit>', 'fit, no-fit or unknown')
      .option('--do-not-contact', 'never contact anyone there');
  const prospect = program.command('prospect').description('prospects: add, edit, show, list');
  common(
    prospectOptions(
      prospect
        .command('add')
        .description('add a prospect with its first contact')
        .argument('<name>', 'the company or person')
        .requiredOption('--contact <name>', 'the primary contact')
        .option('--email <email>', "the contact's email")
        .option('--phone <phone>', "the contact's phone")
        .option('--timezone <iana>', "the contact's time zone (default: the owner's)")
        .option('--created <time>', 'when the lead came in (default: now)'),
    ),
  ).action(async (name: string, o: ProspectOptions & { created?: string }) =>
    done(
      await prospectAddCommand(
        name,
        { ...o, ...(o.created === undefined ? {} : { createdAt: o.created }) },
        io,
      ),
    ),
  );
  common(
    prospectOptions(
      prospect
        .command('edit')
        .description('change a prospect; its decision is updated at once')
        .argument('<prospect>', 'name (or part of it) or id')
        .option('--rename <name>', 'a new name'),
    ),
  ).action(async (typed: string, o: ProspectOptions & { rename?: string }) =>
    done(await prospectEditCommand(typed, o, io)),
  );
  common(
    prospect
      .command('show')
      .description(
        'timeline, contacts, and the current decision with its reason, model numbers and diagnosis',
      )
      .argument('<prospect>', 'name (or part of it) or id'),
  ).action(async (typed: string, o: GlobalOptions) => done(await prospectShowCommand(typed, o, io)));
  common(
    prospect
      .command('list')
      .description('your prospects (a manager: the team; an admin: everyone) with their next action')
      .option('--search <text>', 'names containing this')
      .option('--owner <user>', "one rep's prospects")
      .option('--limit <n>', 'at most this many'),
  ).action(async (o: ListOptions) => done(await prospectListCommand(o, io)));

  const contact = program.command('contact').description("a prospect's contacts");
  const contactOptions = (c: Command) =>
    c
      .option('--email <email>', 'email')
      .option('--phone <phone>', 'phone')
      .option('--timezone <iana>', 'time zone')
      .option('--role <role>', 'primary or stakeholder')
      .option('--do-not-contact', 'they opted out: never contact them');
  common(
    contactOptions(
      contact
        .command('add')
        .description('add a contact')
        .argument('<prospect>', 'the prospect')
        .argument('<name>', 'their name'),
    ),
  ).action(async (p: string, name: string, o: ContactOptions) =>
    done(await contactAddCommand(p, name, o, io)),
  );
  common(
    contactOptions(
      contact
        .command('edit')
        .description('change a contact')
        .argument('<prospect>', 'the prospect')
        .argument('<contact>', 'the contact')
        .option('--rename <name>', 'a new name'),
    ),
  ).action(async (p: string, name: string, o: ContactOptions) =>
    done(await contactEditCommand(p, name, o, io)),
  );

  const log = program
    .command('log')
    .description('log what happened: pursuit log call acme --outcome voicemail')
    .addHelpText(
      'after',
      '\nEvery log re-decides the prospect and prints the next action. Take one back with pursuit undo.',
    );
  const touchOptions = (c: Command) =>
    c
      .option(
        '--outcome <outcome>',
        'call: connected|voicemail|no-answer; email/sms/social: sent|bounced; meeting: held|no-show',
      )
      .option('--purpose <purpose>', 'what it was for (default: the action Pursuit proposed, else follow-up)')
      .option('--duration <minutes>', 'how long it took')
      .option('--objective <text>', 'a conversation: its objective')
      .option('--agenda-shared', 'a conversation: the agenda was shared with them')
      .option(
        '--powns <list>',
        'a conversation: their problems, opportunities, wants, needs (separate with ;)',
      )
      .option('--objections <list>', 'a conversation: objections raised (separate with ;)')
      .option('--info-tailored', 'information sent was tied to what they said');
  const logOptions = (c: Command) =>
    common(c)
      .argument('<prospect>', 'name (or part of it) or id')
      .option('--contact <name>', 'who (default: the contact Pursuit proposed, else the primary)')
      .option('--at <time>', 'when it happened (default: now); e.g. "2026-03-10 14:30", -2h');
  const touchVerbs = {
    call: 'log a call (outcome: connected, voicemail or no-answer)',
    email: 'log an email you sent',
    sms: 'log a text message you sent',
    social: 'log a social message (LinkedIn and the like) you sent',
    meeting: 'log a meeting (outcome: held or no-show)',
  } as const;
  for (const [verb, description] of Object.entries(touchVerbs) as [keyof typeof touchVerbs, string][]) {
    touchOptions(logOptions(log.command(verb).description(description))).action(
      async (p: string, o: LogOptions) => done(await logCommand(verb, p, o, io)),
    );
  }
  touchOptions(logOptions(log.command('touch').description('log any outbound touch')))
    .option('--channel <channel>', 'call, email, sms, social or meeting')
    .action(async (p: string, o: LogOptions) => done(await logCommand('touch', p, o, io)));
  logOptions(log.command('response').description('log their response'))
    .requiredOption(
      '--sentiment <kind>',
      'positive|neutral|objection|referral|not-now|not-interested|out-of-office|unsubscribe',
    )
    .option('--channel <channel>', 'how it came (default: email)')
    .option('--until <date>', 'out-of-office: back on; not-now: talk after')
    .option('--referred <contact>', 'referral: the contact they pointed you to')
    .action(async (p: string, o: LogOptions) => done(await logCommand('response', p, o, io)));
  logOptions(log.command('commitment').description('log a dated next step'))
    .option('--kind <kind>', 'call, meeting, reply-by, other or cancelled', 'call')
    .option('--due <time>', 'when: "2026-03-17 10:00" (their time zone), or a date for reply-by')
    .option('--by <who>', 'who committed: prospect, rep or both', 'both')
    .option('--description <text>', 'what was agreed')
    .option('--replaces <id>', 'the commitment it reschedules or cancels (default for cancelled: latest)')
    .action(async (p: string, o: LogOptions) => done(await logCommand('commitment', p, o, io)));
  logOptions(log.command('prep').description('log the preparation for a committed call'))
    .option('--commitment <id>', 'the commitment (default: the latest call or meeting)')
    .option('--objective <text>', 'the objective of the call')
    .option('--agenda <list>', 'the agenda (separate with ;)')
    .action(async (p: string, o: LogOptions) => done(await logCommand('prep', p, o, io)));
  logOptions(log.command('deal').description('log a won or lost deal'))
    .requiredOption('--result <result>', 'won or lost')
    .action(async (p: string, o: LogOptions) => done(await logCommand('deal', p, o, io)));

  common(program.command('undo').description('take back the last event you logged')).action(
    async (o: GlobalOptions) => done(await undoCommand(o, io)),
  );
  common(
    program
      .command('snooze')
      .description('keep a prospect off your agenda until a date')
      .argument('<prospect>', 'name (or part of it) or id')
      .requiredOption('--until <date>', 'e.g. 2026-03-20, tomorrow, +3d'),
  ).action(async (p: string, o: GlobalOptions & { until: string }) => done(await snoozeCommand(p, o, io)));

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
        '\nRe-importing the same file changes nothing. Opt-outs become do-not-contact; customers and won deals\nbecome customers. A failed or interrupted import leaves the database as it was.',
      ),
  ).action(async (files: string[], o: ImportCliOptions) => done(await importCommand(files, o, io)));
  common(
    program
      .command('export')
      .description(
        'export your prospects, contacts and history (CSV or JSON Lines; pursuit import reads both back)',
      )
      .option('--format <format>', 'csv or jsonl', 'csv')
      .option('--out <file>', 'write to this file (default: standard output)'),
  ).action(async (o: GlobalOptions & { format?: string; out?: string }) => done(await exportCommand(o, io)));

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
    .action(async (o: DemoOptions) => done(await demoCommand(o, io)));

  program
    .command('serve')
    .description('the web app and the HTTP API (documented at /docs), on the same database')
    .option('--port <n>', 'port to listen on (default PURSUIT_PORT, else 3000)')
    .option('--host <address>', 'address to listen on (default PURSUIT_HOST, else 127.0.0.1)')
    .action(async (o: { port?: string; host?: string }) => done(await serveCommand(o, io)));

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
    done(await icsCommand(typed, o, io)),
  );

  const playbook = program.command('playbook').description("the organisation's playbook");
  common(playbook.command('show').description('print the playbook in force')).action(
    async (o: GlobalOptions) => done(await playbookShowCommand(o, io)),
  );
  common(
    playbook
      .command('use')
      .description('put a new playbook version in force (admins); every prospect is decided again')
      .argument('<file>', 'a playbook (YAML or JSON); it may start with `extends: default`'),
  ).action(async (file: string, o: GlobalOptions) => done(await playbookUseCommand(file, o, io)));

  common(
    program
      .command('agenda')
      .description("a rep's actions for a day, most valuable first, with reasons and drafts")
      .option('--rep <user>', "another rep's agenda (managers and admins)")
      .option('--date <date>', 'a day: 2026-03-17, today or tomorrow', 'today'),
  ).action(async (o: GlobalOptions & { rep?: string; date?: string }) => done(await agendaCommand(o, io)));
  common(
    program
      .command('pipeline')
      .description('prospects by state, and those with no dated next step')
      .option('--owner <user>', "one rep's pipeline"),
  ).action(async (o: GlobalOptions & { owner?: string }) => done(await pipelineCommand(o, io)));
  common(
    program
      .command('calibrate')
      .description("fit the stopping model on the team's history and, if it beats the prior, put it in force")
      .option('--dry-run', 'show the curve and how many decisions would change; keep nothing'),
  ).action(async (o: GlobalOptions & { dryRun?: boolean }) => done(await calibrateCommand(o, io)));
}

/** Runs the CLI with the given arguments (without node and script) and returns the exit status. */
export async function run(args: string[], io: Io): Promise<number> {
  let status: number = EXIT.ok;
  const program = build(io, (s) => (status = s));
  // The contract's commands and --json report errors as JSON; the others in a sentence.
  const json = args[0] === 'decide' || args[0] === 'schema' || args.includes('--json');
  try {
    await program.parseAsync(args.length === 0 ? ['--help'] : args, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      const message = error.message.replace(/^error: /, '');
      return reportError(
        new PursuitError('INVALID_ARGUMENTS', `${message} (see pursuit --help)`),
        io.stderr,
        json,
      );
    }
    return reportError(error, io.stderr, json);
  }
}
