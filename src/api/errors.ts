// The one place that maps errors to HTTP: a stable code, a message and the bad field's path, as
// JSON; never a stack trace. Request validation failures become INVALID_INPUT naming the field.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '../core/errors.js';
import { errorBody } from '../app/errors.js';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_SCENARIO: 400,
  INVALID_PLAYBOOK: 400,
  INVALID_ARGUMENTS: 400,
  FILE_NOT_READABLE: 400,
  INVALID_INPUT: 400,
  AMBIGUOUS: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  IDEMPOTENCY_MISMATCH: 422,
  CONFIG_INVALID: 500,
  DATABASE_LOCKED: 503,
  DATABASE_READ_ONLY: 503,
  DATABASE_TOO_NEW: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

/** "/contact/email" (and a missing "name" property) as the contract's dotted path. */
function validationBody(error: FastifyError): ErrorBody {
  const first = error.validation?.[0];
  const context = error.validationContext ?? 'body';
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const segments = (first?.instancePath ?? '').split('/').filter((s) => s !== '');
  if (missing !== undefined) segments.push(missing);
  if (extra !== undefined) segments.push(extra);
  const path = segments.join('.');
  const message =
    extra !== undefined
      ? `unknown field "${extra}" in the ${context}`
      : missing !== undefined
        ? `"${missing}" is required in the ${context}`
        : `${context}${path === '' ? '' : ` field ${path}`} ${first?.message ?? 'is not valid'}`;
  return { code: 'INVALID_INPUT', message, ...(path === '' ? {} : { path }) };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation !== undefined) return reply.status(400).send(validationBody(error));
  // Fastify's own client errors (a malformed JSON body, a body too large) keep their status.
  if (typeof error.statusCode === 'number' && error.statusCode < 500 && error.code?.startsWith('FST_')) {
    return reply.status(error.statusCode).send({ code: 'INVALID_INPUT', message: error.message });
  }
  const body = errorBody(error);
  const status = HTTP_STATUS[body.code];
  if (status >= 500) request.log.error({ err: error }, body.message);
  return reply.status(status).send(body);
}
