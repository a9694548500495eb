// The one catalogue of thrown errors: stable codes that outer layers map to exit codes or HTTP statuses.

export const ERROR_CODES = {
  INVALID_SCENARIO: 'a scenario that does not follow CONTRACT.md',
  INVALID_PLAYBOOK: 'a playbook document that does not validate',
  INVALID_ARGUMENTS: 'command-line arguments that cannot be used',
  FILE_NOT_READABLE: 'an input file that cannot be read',
  INVALID_INPUT: 'a command or request with a bad value (the path names the field)',
  NOT_FOUND: 'a named prospect, contact, user or event that does not exist',
  AMBIGUOUS: 'a name that matches more than one record',
  CONFLICT: 'a change that clashes with what is stored (a duplicate, or nothing left to undo)',
  FORBIDDEN: 'an action the acting user may not take',
  UNAUTHENTICATED: 'no valid session or API token, or a wrong email or password',
  CSRF_FAILED: "a write from the browser without the session's anti-forgery token",
  RATE_LIMITED: 'too many attempts in a short time: wait and try again',
  IDEMPOTENCY_MISMATCH: 'an Idempotency-Key used again with a different request',
  CONFIG_INVALID: 'a missing or bad setting in the environment',
  DATABASE_LOCKED: 'the database is locked by another process',
  DATABASE_READ_ONLY: 'the database cannot be written',
  DATABASE_TOO_NEW: 'the database was written by a newer Pursuit',
  DATABASE_UNAVAILABLE: 'the database cannot be opened or reached',
  INTERNAL_ERROR: 'a fault in Pursuit itself, not in the input: please report it',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  path?: string;
}

export class PursuitError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  /** The message without the path prefix. */
  readonly detail: string;

  constructor(code: ErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${path}: ${message}`);
    this.name = 'PursuitError';
    this.code = code;
    this.path = path;
    this.detail = message;
  }

  toJSON(): ErrorBody {
    return this.path === undefined
      ? { code: this.code, message: this.detail }
      : { code: this.code, message: this.detail, path: this.path };
  }
}

/** Exhaustiveness check at the end of a switch over a tagged union. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
