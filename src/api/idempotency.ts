// Idempotency-Key on writes: a retried request (a flaky network, a double click) gets the first
// answer again instead of logging a touch twice. Keys live in the database, per user, so every
// server process agrees; the same key with a different request is refused. The key is written with
// the request's first write (app/idempotency.ts), so a crash before the answer is recorded cannot
// let a retry write twice.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PursuitError } from '../core/errors.js';
import { sha256 } from '../app/accounts/credentials.js';
import type { AppContext } from '../app/context.js';
import { IdempotentRequest, PENDING, inProgress, rememberedResponse } from '../app/idempotency.js';

const HEADER = 'idempotency-key';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotentRequest | undefined;
  }
}

function describe(request: FastifyRequest): string {
  // An upload is not read here (it may be large): its length stands for its bytes.
  const body = request.body as { pipe?: unknown } | null | undefined;
  const content =
    typeof body?.pipe === 'function'
      ? `upload of ${request.headers['content-length'] ?? 'unknown length'}`
      : JSON.stringify(body ?? null);
  return `${request.method} ${request.url} ${sha256(content)}`;
}

/** Replays a remembered answer, or returns the request to carry out (undefined without a key). */
async function check(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<IdempotentRequest | 'replayed' | undefined> {
  const key = request.headers[HEADER];
  if (typeof key !== 'string' || !WRITES.has(request.method) || request.actor === undefined) return undefined;
  if (key.length < 8 || key.length > 200) {
    throw new PursuitError('INVALID_INPUT', 'expected an Idempotency-Key of 8 to 200 characters', HEADER);
  }
  const seen = await rememberedResponse(ctx, request.actor.id, key);
  const described = describe(request);
  if (seen === undefined) return new IdempotentRequest(ctx, request.actor.id, key, described);
  if (seen.request !== described) {
    throw new PursuitError(
      'IDEMPOTENCY_MISMATCH',
      'this Idempotency-Key was used for a different request',
      HEADER,
    );
  }
  if (seen.status === PENDING) throw inProgress();
  void reply
    .status(seen.status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('idempotent-replay', 'true')
    .send(seen.response);
  return 'replayed';
}

export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotency', undefined);
  // A callback hook: the handler runs inside the request's write scope (AsyncLocalStorage).
  app.addHook('preHandler', (request, reply, done) => {
    check(ctx, request, reply).then(
      (found) => {
        if (found === 'replayed') return;
        if (found === undefined) return done();
        request.idempotency = found;
        found.run(() => done());
      },
      (error: Error) => done(error),
    );
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    // Server faults are not remembered (a retry may succeed), unless the request wrote: then its
    // answer, whatever it is, is the one a retry gets.
    if (pending === undefined || (reply.statusCode >= 500 && !pending.written)) return payload;
    await pending.answered({
      status: reply.statusCode,
      response: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return payload;
  });
}
