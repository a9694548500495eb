// Security headers, and which of them depend on the connection: HSTS, the CSP's
// upgrade-insecure-requests and Cross-Origin-Opener-Policy are sent only to a request that came over TLS (its own connection, or
// a proxy believed under PURSUIT_TRUST_PROXY said so). Sent over plain HTTP they would make a
// browser fetch the app's scripts over https, which a server without TLS never answers: a team on
// --host 0.0.0.0 would see a blank page (issue 16).

import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** HSTS as helmet sends it by default: a year, subdomains included. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Whether the request reached us over TLS, as far as we may believe. */
export function overTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
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
  });
  // Runs after helmet's own hook has written the policy (hooks run in the order they are added).
  app.addHook('onRequest', async (request, reply) => {
    if (!overTls(request)) return;
    reply.raw.setHeader('strict-transport-security', HSTS);
    reply.raw.setHeader('cross-origin-opener-policy', 'same-origin');
    const policy = reply.raw.getHeader('content-security-policy');
    if (typeof policy === 'string')
      reply.raw.setHeader('content-security-policy', `${policy};upgrade-insecure-requests`);
  });
}
