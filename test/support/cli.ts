// Test support for the command line: runs `pursuit` in-process with its own standard streams and
// environment, and returns the exit status and what it printed.

import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/program.js';

export async function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<{ status: number; out: string; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  stdin.end(options.input ?? '');
  const status = await run(args, { stdin, stdout, stderr, env: options.env ?? {} });
  return { status, out, err };
}
