// `pursuit serve`: the API and the web app on one port, on the same database as the CLI. On SIGINT
// or SIGTERM it stops taking new requests, finishes the ones in flight, and closes the database.

import { fileURLToPath } from 'node:url';
import { buildApp } from '../../api/build-app.js';
import type { LogLevel } from '../../app/config.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { withSession } from '../session.js';

/** The built web app (vite build writes it here). */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

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
  const env = {
    ...io.env,
    ...(options.port === undefined ? {} : { PURSUIT_PORT: options.port }),
    ...(options.host === undefined ? {} : { PURSUIT_HOST: options.host }),
  };
  const stop = stopSignal(io);
  return withSession({ ...io, env }, async ({ ctx, config }) => {
    const { app, state } = await buildApp(ctx, {
      logLevel: options.logLevel ?? config.logLevel,
      webRoot: WEB_ROOT,
    });
    const address = await app.listen({ host: config.server.host, port: config.server.port });
    io.stdout.write(
      `Pursuit is open at ${address} (API documentation: ${address}/docs), on ${ctx.db.dialect}. Ctrl-C stops it.\n`,
    );
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
    state.closing = true;
    io.stderr.write('Stopping: finishing requests in flight...\n');
    await app.close();
    return EXIT.ok;
  });
}
