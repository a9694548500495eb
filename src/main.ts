#!/usr/bin/env node
// The `pursuit` executable, and the one place that joins the layers: the command line (cli/) is
// given the HTTP server (api/) that `pursuit serve` starts, so neither imports the other. The server
// (Fastify and its plugins) is loaded only when a command starts it: `pursuit decide` and the other
// commands start without it.

import type { StartServer } from './cli/program.js';
import { run } from './cli/program.js';

const startServer: StartServer = async (...args) => (await import('./api/server.js')).startServer(...args);

const status = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  startServer,
});
process.exitCode = status;
