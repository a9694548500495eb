// The one catalogue of thrown errors: stable codes that outer layers map to exit codes or HTTP statuses.

export const ERROR_CODES = {
  INVALID_SCENARIO: 'a scenario that does not follow CONTRACT.md',
  INVALID_PLAYBOOK: 'a playbook document that does not validate',
  INVALID_ARGUMENTS: 'command-line arguments that cannot be used',
  FILE_NOT_READABLE: 'an input file that cannot be read',
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
