// The command-line program: commander wiring only; each command is a thin call into app/.

import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { PursuitError } from '../core/errors.js';
import { decideCommand } from './commands/decide.js';
import type { DecideOptions } from './commands/decide.js';
import { examplesCommand } from './commands/examples.js';
import { schemaCommand } from './commands/schema.js';
import { EXIT, reportError } from './exit.js';

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
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

  return program;
}

/** Runs the CLI with the given arguments (without node and script) and returns the exit status. */
export async function run(args: string[], io: Io): Promise<number> {
  let status: number = EXIT.ok;
  const program = build(io, (s) => (status = s));
  try {
    await program.parseAsync(args.length === 0 ? ['--help'] : args, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      const message = error.message.replace(/^error: /, '');
      return reportError(new PursuitError('INVALID_ARGUMENTS', `${message} (see pursuit --help)`), io.stderr);
    }
    return reportError(error, io.stderr);
  }
}
