// Personal API tokens for scripts: made (the value shown once; only its SHA-256 is kept), listed,
// revoked, and who is behind one. Each is written to the audit log; a revoked token tried again too.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import type { ApiToken, User } from '../../core/records.js';
import { apiTokens } from '../../store/repositories/accounts.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import type { ReadCache } from '../read-cache.js';
import { cacheFor, changeMark } from '../read-cache.js';
import { audit, NOWHERE } from './audit.js';
import type { Origin } from './audit.js';
import { MINUTE, SEEN_CAPACITY, secret, sha256 } from './credentials.js';

// Who a token is, kept until anyone writes to the database or its last use is a minute old.
const tokensSeen = new WeakMap<AppContext, ReadCache<User | undefined>>();

/** A new personal API token; its value is returned here once and never again. */
export async function createToken(
  ctx: AppContext,
  actor: User,
  name: string,
  origin: Origin = NOWHERE,
): Promise<{ token: string; record: ApiToken }> {
  const label = name.trim();
  if (label === '' || label.length > 100)
    throw new PursuitError('INVALID_INPUT', 'expected a name of 1 to 100 characters', 'name');
  const token = `pst_${secret()}`;
  const record: ApiToken = {
    id: randomUUID(),
    userId: actor.id,
    name: label,
    createdAt: ctx.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await inTransaction(ctx, async (q) => {
    await apiTokens.insert(q, record, sha256(token));
    await audit(q, ctx, { action: 'token-created', orgId: actor.orgId, actor, detail: `“${label}”` }, origin);
  });
  return { token, record };
}

export async function listTokens(ctx: AppContext, actor: User): Promise<ApiToken[]> {
  return inTransaction(ctx, (q) => apiTokens.listForUser(q, actor.id));
}

export async function revokeToken(
  ctx: AppContext,
  actor: User,
  id: string,
  origin: Origin = NOWHERE,
): Promise<void> {
  const done = await inTransaction(ctx, async (q) => {
    const token = (await apiTokens.listForUser(q, actor.id)).find((t) => t.id === id);
    if (token === undefined || !(await apiTokens.revoke(q, actor.id, id, ctx.now()))) return false;
    const detail = `“${token.name}”`;
    await audit(q, ctx, { action: 'token-revoked', orgId: actor.orgId, actor, detail }, origin);
    return true;
  });
  if (!done) throw new PursuitError('NOT_FOUND', 'no such live token of yours', 'id');
}

/**
 * The user behind a bearer token, when it is live; its last use is noted (to the minute). `mark`:
 * the database's change mark, taken before this call (a request's) or else now.
 */
export async function tokenUser(
  ctx: AppContext,
  token: string,
  origin: Origin = NOWHERE,
  mark: string = changeMark(ctx),
): Promise<User | undefined> {
  const cache = cacheFor(tokensSeen, ctx, SEEN_CAPACITY);
  const hashed = sha256(token);
  const now = ctx.now();
  const kept = cache.get(hashed, mark, now);
  if (kept !== undefined) return kept;
  const found = await inTransaction(ctx, async (q) => {
    const record = await apiTokens.findLive(q, hashed);
    if (record === undefined) {
      await noteRevokedUse(q, ctx, hashed, origin);
      return undefined;
    }
    let lastUsedAt = record.lastUsedAt;
    if (lastUsedAt === null || now - lastUsedAt > MINUTE) {
      await apiTokens.touch(q, record.id, now);
      lastUsedAt = now;
    }
    const user = await users.findById(q, record.userId);
    return user === undefined ? undefined : { user, lastUsedAt };
  });
  if (found === undefined) return undefined;
  // Kept no longer than a minute past its noted use, so the next use is noted again.
  cache.set(hashed, mark, found.lastUsedAt + MINUTE + 1, found.user);
  return found.user;
}

/** A revoked token tried again is worth an admin's attention: whose it was, and from where. */
async function noteRevokedUse(q: Q, ctx: AppContext, hashed: string, origin: Origin): Promise<void> {
  const revoked = await apiTokens.findByHash(q, hashed);
  if (revoked === undefined) return;
  const owner = await users.findById(q, revoked.userId);
  if (owner === undefined) return;
  await audit(
    q,
    ctx,
    {
      action: 'revoked-token-used',
      orgId: owner.orgId,
      actor: null,
      subjectId: owner.id,
      detail: `“${revoked.name}”`,
    },
    { ...origin, via: 'token' },
  );
}
