// The one place that maps errors to HTTP: a stable code, a message and the bad field's path, as
// JSON; never a stack trace, never an internal message. Request validation failures (validation.ts)
// are INVALID_INPUT naming the field; the framework's own refusals of a body (not JSON, empty, too
// large, of a type no parser takes) name the body or the header. A fault in Pursuit answers 500 with a
// neutral message and the request's id, under which the cause is logged.

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

/** The largest JSON body any address takes (imports stream their files and have no such limit). */
export const BODY_LIMIT = 1024 * 1024;
/** The header that carries each request's id (in every answer, and in the logs). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The framework's refusals of a request, by its code: which part was wrong, and how to say it. */
function frameworkBody(error: FastifyError, request: FastifyRequest): ErrorBody {
  const type = JSON.stringify(request.headers['content-type'] ?? '');
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        code: 'INVALID_INPUT',
        message: 'the body is empty but its content-type says JSON: send a JSON object',
        path: 'body',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        code: 'INVALID_INPUT',
        message: 'the body is not valid JSON (or names __proto__ or constructor.prototype)',
        path: 'body',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        code: 'INVALID_INPUT',
        message: `the body is larger than the ${BODY_LIMIT / 1024 / 1024} MB this address takes`,
        path: 'body',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'INVALID_INPUT',
        message: `this address does not take a body of type ${type}: send JSON, as application/json`,
        path: 'content-type',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        code: 'INVALID_INPUT',
        message: 'the body is not as long as its content-length header says',
        path: 'content-length',
      };
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return { code: 'INVALID_INPUT', message: 'the address is not a valid URL', path: 'url' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'INVALID_INPUT', message: 'a part of the address is too long', path: 'url' };
    default:
      return { code: 'INVALID_INPUT', message: `the request was refused: ${error.message}`, path: 'request' };
  }
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // Fastify's own client errors (a malformed JSON body, a body too large) keep their status.
  if (typeof error.statusCode === 'number' && error.statusCode < 500 && error.code?.startsWith('FST_')) {
    return reply.status(error.statusCode).send(frameworkBody(error, request));
  }
  const body = errorBody(error);
  const status = HTTP_STATUS[body.code];
  if (status < 500) return reply.status(status).send(body);
  // The cause goes to the log under the request's id; the answer says only that, and which id.
  request.log.error({ err: error, reqId: request.id }, body.message);
  const neutral: ErrorBody =
    body.code === 'INTERNAL_ERROR'
      ? {
          code: 'INTERNAL_ERROR',
          message: `Pursuit failed on this request; the cause is logged under request id ${request.id} (please report it)`,
        }
      : body;
  return reply.status(status).header(REQUEST_ID_HEADER, request.id).send(neutral);
}

/** Unknown addresses, signed in or not: JSON under /api, naming the address. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const address = request.url.split('?')[0] ?? request.url;
  return reply.status(404).send({
    code: 'NOT_FOUND',
    message: `there is nothing at ${request.method} ${address}`,
    path: 'url',
  });
}
