// Security headers, and which of them depend on the connection: HSTS, the CSP's
// upgrade-insecure-requests and Cross-Origin-Opener-Policy are sent only to a request that came over TLS (its own connection, or
// a proxy believed under PURSUIT_TRUST_PROXY said so). Sent over plain HTTP they would make a
// browser fetch the app's scripts over https, which a server without TLS never answers: a team on
// --host 0.0.0.0 would see a blank page (issue 16).
//
// helmet writes the headers. Its Fastify plugin builds helmet's middleware again for every request
// (parsing the policy each time), a tenth of the server's time on a revalidated agenda (bench:api):
// the headers are the same for every answer, so helmet writes them once here, at start.

import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { HelmetOptions } from 'helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** HSTS as helmet sends it by default: a year, subdomains included. */
export const HSTS = 'max-age=31536000; includeSubDomains';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      // Added below, over TLS only.
      upgradeInsecureRequests: null,
    },
  },
  strictTransportSecurity: false,
  // Browsers ignore it from an origin that is not trustworthy, and say so in the console each page.
  crossOriginOpenerPolicy: false,
};

/** Whether the request reached us over TLS, as far as we may believe. */
export function overTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The headers helmet's middleware sets for these options, in the order it sets them. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined) throw failure;
  return Object.fromEntries(headers);
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const plain = helmetHeaders(OPTIONS);
  const policy = plain['content-security-policy'];
  const tls = {
    ...plain,
    'content-security-policy': `${policy};upgrade-insecure-requests`,
    'strict-transport-security': HSTS,
    'cross-origin-opener-policy': 'same-origin',
  };
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(overTls(request) ? tls : plain);
    done();
  });
}
