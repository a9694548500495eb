// Idempotency-Key on writes: a retried request (a flaky network, a double click) gets the first
// answer again instead of logging a touch twice. Keys live in the database, per user, so every
// server process agrees; the same key with a different request is refused.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PursuitError } from '../core/errors.js';
import { sha256 } from '../app/accounts/credentials.js';
import type { AppContext } from '../app/context.js';
import { rememberResponse, rememberedResponse } from '../app/idempotency.js';

const HEADER = 'idempotency-key';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; request: string } | undefined;
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

export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotency', undefined);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || !WRITES.has(request.method) || request.actor === undefined) return;
    if (key.length < 8 || key.length > 200) {
      throw new PursuitError('INVALID_INPUT', 'expected an Idempotency-Key of 8 to 200 characters', HEADER);
    }
    const seen = await rememberedResponse(ctx, request.actor.id, key);
    const described = describe(request);
    if (seen !== undefined) {
      if (seen.request !== described) {
        throw new PursuitError(
          'IDEMPOTENCY_MISMATCH',
          'this Idempotency-Key was used for a different request',
          HEADER,
        );
      }
      return reply
        .status(seen.status)
        .header('content-type', 'application/json; charset=utf-8')
        .header('idempotent-replay', 'true')
        .send(seen.response);
    }
    request.idempotency = { key, request: described };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    // Server faults are not remembered: a retry may succeed.
    if (pending === undefined || reply.statusCode >= 500 || request.actor === undefined) return payload;
    await rememberResponse(ctx, request.actor.id, pending.key, {
      request: pending.request,
      status: reply.statusCode,
      response: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return payload;
  });
}
