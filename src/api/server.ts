// The API and the web app listening on a port (`pursuit serve`), and their graceful stop: readiness
// turns false, requests in flight finish, then the server closes. The command line is given this
// through main.ts, so cli/ never imports api/.

import { fileURLToPath } from 'node:url';
import type { AppContext } from '../app/context.js';
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
  const address = await app.listen({ host: options.host, port: options.port });
  return {
    address,
    stop: async () => {
      state.closing = true;
      await app.close();
    },
  };
}
