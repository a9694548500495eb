#!/usr/bin/env node
// The `pursuit` executable.

import { run } from './program.js';

const status = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = status;
