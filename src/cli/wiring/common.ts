// What the wiring of every data command shares: --as and --json, and how a command reports its status.

import type { Command } from 'commander';

export type Done = (status: number) => void;

/** --as and --json, which every data command takes. */
export function common(command: Command): Command {
  return command
    .option('--as <user>', 'act as this user (email or name); default PURSUIT_USER, or the only user')
    .option('--json', 'print JSON for scripts instead of text');
}
