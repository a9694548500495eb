// Remembered answers to writes sent with an Idempotency-Key (see api/idempotency.ts), per user.
// The key is written in the same transaction as the request's first write, before its answer is
// known (status 0: carried out, answer pending); the answer is added once it is sent. So a retry
// after a crash between the write's commit and its answer finds the key and does not write again,
// and of two identical requests racing, one writes and the other is refused.

import { PursuitError } from '../core/errors.js';
import type { StoredResponse } from '../core/records.js';
import { idempotencyKeys } from '../store/repositories/accounts.repository.js';
import type { AppContext, Q, WriteScope } from './context.js';
import { inTransaction, withWriteScope } from './context.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_MS = 24 * 60 * 60 * 1000;

/** The status of a key whose request wrote but whose answer is not recorded (yet). */
export const PENDING = 0;

const HEADER = 'idempotency-key';

/** The answer first given to this user's key, while it is remembered. */
export async function rememberedResponse(
  ctx: AppContext,
  userId: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const seen = await inTransaction(ctx, (q) => idempotencyKeys.find(q, userId, key), { readOnly: true });
  return seen !== undefined && ctx.now() - seen.createdAt < IDEMPOTENCY_MS ? seen : undefined;
}

/** The request being served with a key: what its first write records. */
export class IdempotentRequest implements WriteScope {
  #written = false;
  #answering = false;

  constructor(
    private readonly ctx: AppContext,
    readonly userId: string,
    readonly key: string,
    readonly request: string,
  ) {}

  /** Runs `fn` (the rest of the request) so that its first write records the key. */
  run<T>(fn: () => T): T {
    return withWriteScope(this, fn);
  }

  get waiting(): boolean {
    return !this.#written && !this.#answering;
  }

  /** Whether the request wrote (its key is recorded, without its answer yet). */
  get written(): boolean {
    return this.#written;
  }

  wrote(): void {
    this.#written = true;
  }

  async onFirstWrite(q: Q): Promise<void> {
    const now = this.ctx.now();
    await idempotencyKeys.deleteOlderThan(q, now - IDEMPOTENCY_MS);
    // Another request with this key wrote first (a racing duplicate): this one's write rolls back.
    if ((await idempotencyKeys.find(q, this.userId, this.key)) !== undefined) throw inProgress();
    await idempotencyKeys
      .insert(q, this.userId, this.key, {
        request: this.request,
        status: PENDING,
        response: '',
        createdAt: now,
      })
      .catch((error: unknown) => {
        // PostgreSQL: the racing duplicate committed its key between our look and our insert.
        throw (error as { code?: string }).code === '23505' ? inProgress() : error;
      });
  }

  /** Records the answer sent (the first stored wins when two identical requests race). */
  async answered(answer: { status: number; response: string }): Promise<void> {
    const now = this.ctx.now();
    this.#answering = true;
    await inTransaction(this.ctx, async (q) => {
      if (this.#written) {
        await idempotencyKeys.answer(q, this.userId, this.key, answer);
        return;
      }
      await idempotencyKeys.deleteOlderThan(q, now - IDEMPOTENCY_MS);
      if ((await idempotencyKeys.find(q, this.userId, this.key)) !== undefined) return;
      await idempotencyKeys.insert(q, this.userId, this.key, {
        ...answer,
        request: this.request,
        createdAt: now,
      });
    });
  }
}

/** A retry of a request that wrote and whose answer is not recorded: it is not carried out again. */
export function inProgress(): PursuitError {
  return new PursuitError(
    'CONFLICT',
    'a request with this Idempotency-Key was already carried out (or is being carried out) and its answer is not known yet: it is not carried out again; read what it changed, or retry in a moment',
    HEADER,
  );
}
