// The command-line program: the engine's own commands (decide, examples, schema, simulate), the
// data commands' wiring (wiring/), and one exit status and error report for every command. Each
// command is a thin call into app/.

import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { PursuitError } from '../core/errors.js';
import type { DecideOptions } from './commands/decide.js';
import type { SimulateOptions } from './commands/simulate.js';
import { EXIT, reportError } from './exit.js';
import { historyCommands } from './wiring/history.js';
import { mailCommands } from './wiring/mail.js';
import { peopleCommands } from './wiring/people.js';
import { teamCommands } from './wiring/team.js';
import type { AppContext } from '../app/context.js';
import type { LogLevel, TrustProxy } from '../app/config.js';

// Each command's module is loaded when it runs, here and in wiring/: a command starts without the
// libraries of the others (`pursuit decide` without the store, none but the mail commands with the
// mail clients), which took 1.7 s of every start.
const decideModule = () => import('./commands/decide.js');
const examplesModule = () => import('./commands/examples.js');
const schemaModule = () => import('./commands/schema.js');
const simulateModule = () => import('./commands/simulate.js');

/** The HTTP server that `pursuit serve` starts: api/server.ts, given by main.ts. */
export type StartServer = (
  ctx: AppContext,
  options: { host: string; port: number; logLevel?: LogLevel; trustProxy?: TrustProxy },
) => Promise<{ readonly address: string; stop(): Promise<void> }>;

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** The environment, read once into a Config by the commands that need one. */
  env: Record<string, string | undefined>;
  /** Stops `pursuit serve` (tests); else SIGINT or SIGTERM does. */
  shutdown?: AbortSignal;
  /** What `pursuit serve` starts (absent, it refuses). */
  startServer?: StartServer;
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
    .description("decide one prospect's next action (see docs/CONTRACT.md)")
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
      setStatus(await (await decideModule()).decideCommand(file, options, io)),
    );

  program
    .command('examples')
    .description('decide the example scenarios bundled with Pursuit and print the decisions readably')
    .option('--playbook <file>', 'a playbook (YAML or JSON) instead of the built-in default')
    .action(async (options: { playbook?: string }) =>
      setStatus((await examplesModule()).examplesCommand(options, io)),
    );

  program
    .command('schema')
    .description('print the JSON Schema of a scenario, a decision or a playbook')
    .argument('<name>', 'scenario, decision or playbook')
    .action(async (name: string) => setStatus((await schemaModule()).schemaCommand(name, io)));

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
    .action(async (options: SimulateOptions) =>
      setStatus(await (await simulateModule()).simulateCommand(options, io)),
    );

  peopleCommands(program, io, setStatus);
  historyCommands(program, io, setStatus);
  teamCommands(program, io, setStatus);
  mailCommands(program, io, setStatus);
  return program;
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
