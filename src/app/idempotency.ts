// Remembered answers to writes sent with an Idempotency-Key (see api/idempotency.ts), per user.

import type { StoredResponse } from '../core/records.js';
import { idempotencyKeys } from '../store/repositories/accounts.repository.js';
import type { AppContext } from './context.js';
import { inTransaction } from './context.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_MS = 24 * 60 * 60 * 1000;

/** The answer first given to this user's key, while it is remembered. */
export async function rememberedResponse(
  ctx: AppContext,
  userId: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const seen = await inTransaction(ctx, (q) => idempotencyKeys.find(q, userId, key));
  return seen !== undefined && ctx.now() - seen.createdAt < IDEMPOTENCY_MS ? seen : undefined;
}

/** Keeps the first answer to a key (when two identical requests race, the first stored wins). */
export async function rememberResponse(
  ctx: AppContext,
  userId: string,
  key: string,
  answer: Omit<StoredResponse, 'createdAt'>,
): Promise<void> {
  const now = ctx.now();
  await inTransaction(ctx, async (q) => {
    await idempotencyKeys.deleteOlderThan(q, now - IDEMPOTENCY_MS);
    if ((await idempotencyKeys.find(q, userId, key)) !== undefined) return;
    await idempotencyKeys.insert(q, userId, key, { ...answer, createdAt: now });
  });
}
