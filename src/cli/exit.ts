// The one place that maps error codes to exit statuses and prints errors as CONTRACT.md says:
// 0 all decided; 1 some JSONL lines failed; 2 unusable arguments or an invalid single scenario;
// 3 the database is locked, read-only, too new or unreachable.

import type { ErrorBody, ErrorCode } from '../core/errors.js';
import type { Writable } from 'node:stream';
import { errorBody } from '../app/errors.js';

export const EXIT = { ok: 0, someLinesFailed: 1, unusable: 2, unavailable: 3 } as const;

const STATUS: Record<ErrorCode, number> = {
  INVALID_SCENARIO: EXIT.unusable,
  INVALID_PLAYBOOK: EXIT.unusable,
  INVALID_ARGUMENTS: EXIT.unusable,
  FILE_NOT_READABLE: EXIT.unusable,
  INVALID_INPUT: EXIT.unusable,
  NOT_FOUND: EXIT.unusable,
  AMBIGUOUS: EXIT.unusable,
  CONFLICT: EXIT.unusable,
  FORBIDDEN: EXIT.unusable,
  UNAUTHENTICATED: EXIT.unusable,
  CSRF_FAILED: EXIT.unusable,
  RATE_LIMITED: EXIT.unusable,
  IDEMPOTENCY_MISMATCH: EXIT.unusable,
  CONFIG_INVALID: EXIT.unusable,
  DATABASE_LOCKED: EXIT.unavailable,
  DATABASE_READ_ONLY: EXIT.unavailable,
  DATABASE_TOO_NEW: EXIT.unavailable,
  DATABASE_UNAVAILABLE: EXIT.unavailable,
  INTERNAL_ERROR: EXIT.someLinesFailed,
};

/** Prints the error on stderr (as JSON, or as a sentence naming the field) and returns the exit status. */
export function reportError(error: unknown, stderr: Writable, json = true): number {
  const body: ErrorBody = errorBody(error);
  if (json) stderr.write(`${JSON.stringify(body)}\n`);
  else
    stderr.write(
      `pursuit: ${body.path === undefined || body.path === '' ? '' : `${body.path}: `}${body.message}\n`,
    );
  return STATUS[body.code];
}
