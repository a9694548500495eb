// `pursuit serve`: the API and the web app on one port, on the same database as the CLI. On SIGINT
// or SIGTERM it stops taking new requests, finishes the ones in flight, and closes the database.

import type { LogLevel } from '../../app/config.js';
import { MailWorker } from '../../app/mail/worker.js';
import { StaleKeeper, keepDecisions } from '../../app/decisions/keeper.js';
import { keepTeamCounts } from '../../app/day/team.js';
import { announceServing } from '../../app/backup.js';
import { PursuitError } from '../../core/errors.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { wholeNumber, withSession } from '../session.js';

function stopSignal(io: Io): AbortSignal {
  if (io.shutdown !== undefined) return io.shutdown;
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(signal));
  return controller.signal;
}

export interface ServeOptions {
  port?: string | undefined;
  host?: string | undefined;
  /** The demo only logs warnings and errors; else PURSUIT_LOG_LEVEL decides. */
  logLevel?: LogLevel;
}

export async function serveCommand(options: ServeOptions, io: Io): Promise<number> {
  // --port is named as itself when refused (PURSUIT_PORT names the variable's own mistakes).
  const port = wholeNumber('port', options.port, 1, 65535);
  const { startServer } = io;
  if (startServer === undefined) {
    throw new PursuitError('INVALID_ARGUMENTS', 'this program was started without its HTTP server');
  }
  const env = {
    ...io.env,
    ...(port === undefined ? {} : { PURSUIT_PORT: String(port) }),
    ...(options.host === undefined ? {} : { PURSUIT_HOST: options.host }),
  };
  const stop = stopSignal(io);
  return withSession({ ...io, env }, async ({ ctx, config }) => {
    const server = await startServer(ctx, {
      logLevel: options.logLevel ?? config.logLevel,
      host: config.server.host,
      port: config.server.port,
      trustProxy: config.trustProxy,
    });
    io.stdout.write(
      `Pursuit is open at ${server.address} (API documentation: ${server.address}/docs), on ${ctx.db.dialect}. Ctrl-C stops it.\n`,
    );
    if (typeof config.trustProxy === 'number' && !/^(127\.|::1$|localhost$)/.test(config.server.host))
      io.stderr.write(
        `Warning: PURSUIT_TRUST_PROXY=${config.trustProxy} believes the forwarded headers of anyone who reaches ${config.server.host}; name the proxy's address instead unless only the proxy can reach this port.\n`,
      );
    // Each connected mailbox: what is due is sent, new mail read (nothing to do until one is connected).
    const mail = new MailWorker(ctx, {
      pollMs: config.mailPollSeconds * 1000,
      onError: (mailbox, message) => io.stderr.write(`mail: ${mailbox.address}: ${message}\n`),
    });
    mail.start();
    // Decisions that time alone changed are decided again in the background, a page at a time, and
    // the team dashboard's counts of prospects whose events changed are counted again.
    const keeper = new StaleKeeper(ctx, {
      passes: [keepDecisions, keepTeamCounts],
      onError: (message) => io.stderr.write(`keeping decisions and counts current: ${message}\n`),
    });
    keeper.start();
    // A restore refuses the file while this server has it open.
    const unmark = announceServing(config.database);
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
    io.stderr.write('Stopping: finishing requests in flight...\n');
    await Promise.all([mail.stop(), keeper.stop()]);
    await server.stop();
    unmark();
    return EXIT.ok;
  });
}
