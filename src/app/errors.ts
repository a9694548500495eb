// Any failure as the error catalogue's body ({code, message, path}): a catalogue error as it is, a
// database driver's failure by its code (DATABASE_LOCKED, ...), anything else as INTERNAL_ERROR. The
// API and the command line map the code to a status or an exit code; this decides the code.

import { PursuitError } from '../core/errors.js';
import type { ErrorBody } from '../core/errors.js';
import { storeError } from '../store/errors.js';

export function errorBody(error: unknown): ErrorBody {
  const known = storeError(error);
  if (known instanceof PursuitError) return known.toJSON();
  const message = known instanceof Error ? known.message : String(known);
  return {
    code: 'INTERNAL_ERROR',
    message: `Pursuit itself failed (please report it): ${message}`,
  };
}
