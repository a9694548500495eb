// Who is calling: a bearer API token (scripts) or the session cookie (the browser). A browser's
// writes must also carry the session's anti-forgery token, so another site cannot forge them.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PursuitError } from '../core/errors.js';
import type { User } from '../core/records.js';
import { sessionUser } from '../app/accounts/credentials.js';
import { tokenUser } from '../app/accounts/tokens.js';
import type { AppContext } from '../app/context.js';
import type { Origin } from '../app/accounts/audit.js';
import { changeMark } from '../app/read-cache.js';

export const SESSION_COOKIE = 'pursuit_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: User | undefined;
    /** How the caller signed in; undefined before authentication. */
    via: 'session' | 'token' | undefined;
    /** The database's change mark, taken when the request first needed it (`markOf`). */
    changeMark: string | undefined;
  }
  interface FastifyContextConfig {
    /** A route anyone may call (sign-in, health). */
    public?: boolean;
  }
}

/** Gives the browser its session cookie (http-only, same-site, secure on https). */
export function setSessionCookie(
  reply: FastifyReply,
  ctx: AppContext,
  signed: { token: string; expiresAt: number },
): void {
  reply.setCookie(SESSION_COOKIE, signed.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    // Max-Age rather than a date: the browser's clock need not agree with the server's.
    maxAge: Math.floor((signed.expiresAt - ctx.now()) / 1000),
  });
}

/** Where a request came from, for the audit log: the client's address (a believed proxy's word) and how. */
export function originOf(request: FastifyRequest): Origin {
  return { address: request.ip, via: request.via ?? null };
}

/** The signed-in user of a request that passed authentication. */
export function actorOf(request: FastifyRequest): User {
  if (request.actor === undefined)
    throw new PursuitError('UNAUTHENTICATED', 'sign in first', 'authorization');
  return request.actor;
}

/**
 * The database's change mark for what this request reads and keeps (the signed-in user, an agenda):
 * taken once, before the first such read, and reused by the later ones. A mark taken earlier is
 * never wrong: a write after it only makes what is kept under it expire sooner.
 */
export function markOf(request: FastifyRequest, ctx: AppContext): string {
  request.changeMark ??= changeMark(ctx);
  return request.changeMark;
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('via', undefined);
  app.decorateRequest('changeMark', undefined);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined && /^bearer\s+/i.test(header)) {
      const user = await tokenUser(
        ctx,
        header.replace(/^bearer\s+/i, '').trim(),
        { address: request.ip, via: 'token' },
        markOf(request, ctx),
      );
      if (user === undefined)
        throw new PursuitError('UNAUTHENTICATED', 'that API token is not valid', 'authorization');
      request.actor = user;
      request.via = 'token';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie !== undefined) {
      const found = await sessionUser(ctx, cookie, markOf(request, ctx));
      if (found !== undefined) {
        const open = request.routeOptions.config.public === true;
        if (!open && !SAFE.has(request.method) && request.headers[CSRF_HEADER] !== found.session.csrf) {
          throw new PursuitError(
            'CSRF_FAILED',
            `send the session's ${CSRF_HEADER} header with every change`,
            CSRF_HEADER,
          );
        }
        request.actor = found.user;
        request.via = 'session';
        return;
      }
    }
    // An address no route answers is not found, signed in or not (notFoundHandler).
    if (request.is404) return;
    if (request.routeOptions.config.public !== true && request.url.startsWith('/api/')) {
      throw new PursuitError(
        'UNAUTHENTICATED',
        'sign in, or send an API token as "Authorization: Bearer ..."',
        'authorization',
      );
    }
  });
}
