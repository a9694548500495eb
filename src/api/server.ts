// The API and the web app listening on a port (`pursuit serve`), and their graceful stop: readiness
// turns false, requests in flight finish, then the server closes. The command line is given this
// through main.ts, so cli/ never imports api/.

import { fileURLToPath } from 'node:url';
import type { AppContext } from '../app/context.js';
import { PursuitError } from '../core/errors.js';
import { buildApp } from './build-app.js';
import type { ApiOptions } from './build-app.js';

/** The built web app (vite build writes it here). */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface ServerOptions extends Pick<ApiOptions, 'logLevel' | 'trustProxy'> {
  host: string;
  port: number;
}

export interface RunningServer {
  /** Where it listens, as a URL (http://127.0.0.1:3000). */
  readonly address: string;
  /** Stops taking requests, finishes those in flight, and closes. */
  stop(): Promise<void>;
}

export async function startServer(ctx: AppContext, options: ServerOptions): Promise<RunningServer> {
  const { app, state } = await buildApp(ctx, {
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    webRoot: WEB_ROOT,
  });
  let address: string;
  try {
    address = await app.listen({ host: options.host, port: options.port });
  } catch (e) {
    await app.close();
    throw listenError(e, options);
  }
  return {
    address,
    stop: async () => {
      state.closing = true;
      await app.close();
    },
  };
}

/** A port that cannot be had, said as the setting that chooses it; anything else as it is. */
function listenError(e: unknown, { host, port }: ServerOptions): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  const other = port === 3000 ? 3001 : 3000;
  const choose = `choose another with PURSUIT_PORT (for example PURSUIT_PORT=${other} npm start, or --port ${other})`;
  if (code === 'EADDRINUSE')
    return new PursuitError(
      'CONFIG_INVALID',
      `port ${port} on ${host} is already in use (another Pursuit, or another program): stop it, or ${choose}`,
      'PURSUIT_PORT',
    );
  if (code === 'EACCES')
    return new PursuitError(
      'CONFIG_INVALID',
      `this user may not listen on port ${port} (ports below 1024 need privileges): ${choose}`,
      'PURSUIT_PORT',
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new PursuitError(
      'CONFIG_INVALID',
      `this machine has no address ${host} to listen on: set PURSUIT_HOST to one of its own (127.0.0.1, or 0.0.0.0 for every address)`,
      'PURSUIT_HOST',
    );
  return e;
}
