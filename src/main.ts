#!/usr/bin/env node
// The `pursuit` executable, and the one place that joins the layers: the command line (cli/) is
// given the HTTP server (api/) that `pursuit serve` starts, so neither imports the other.

import { startServer } from './api/server.js';
import { run } from './cli/program.js';

const status = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  startServer,
});
process.exitCode = status;
