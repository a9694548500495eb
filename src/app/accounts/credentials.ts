// Accounts: passwords (argon2id), browser sessions with an anti-forgery token, and personal API
// tokens. Secrets are random 256-bit values; only their SHA-256 is stored, so a copy of the
// database opens no session and no token.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PursuitError } from '../../core/errors.js';
import type { ApiToken, Session, User } from '../../core/records.js';
import {
  apiTokens,
  credentials,
  rateLimits,
  sessions,
} from '../../store/repositories/accounts.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext } from '../context.js';
import { resolveName } from './actors.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';
import type { ReadCache } from '../read-cache.js';
import { cacheFor, changeMark } from '../read-cache.js';

const MINUTE = 60_000;
/** A session lasts two weeks from sign-in. */
export const SESSION_MS = 14 * 24 * 60 * MINUTE;
/**
 * Sign-in attempts allowed in a window: per email (against guessing one password), and per address,
 * more (a whole office may share one address); a successful sign-in gives its attempt back.
 */
export const SIGN_IN_LIMIT = { perEmail: 10, perAddress: 50, windowMs: 15 * MINUTE };
const MIN_PASSWORD = 10;

/** A secret to hand out once: 32 random bytes, URL-safe. */
function secret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The password rule, checked before anything is hashed or written. */
export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected a password of at least ${MIN_PASSWORD} characters, got ${password.length}`,
      'password',
    );
  }
  if (password.length > 256) {
    throw new PursuitError('INVALID_INPUT', 'expected a password of at most 256 characters', 'password');
  }
}

/** A new password, checked and hashed: argon2 is slow on purpose, so hash before a transaction opens. */
export async function hashPassword(password: string): Promise<string> {
  checkPassword(password);
  return hash(password);
}

/**
 * Stores a user's new password hash in the caller's transaction. A new password signs out every
 * browser that knew the old one.
 */
export async function storePassword(q: Q, ctx: AppContext, userId: string, hashed: string): Promise<void> {
  await credentials.set(q, userId, hashed, ctx.now());
  await sessions.deleteForUser(q, userId);
}

/**
 * Sets a user's password (by id, name or email; default the actor): their own, or anyone's in the
 * organisation for an admin. Returns whose it was.
 */
export async function setPassword(
  ctx: AppContext,
  actor: User,
  typedUser: string | undefined,
  password: string,
): Promise<User> {
  const hashed = await hashPassword(password);
  return inTransaction(ctx, async (q) => {
    const user =
      typedUser === undefined
        ? actor
        : resolveName(await users.list(q, actor.orgId), typedUser, 'user', 'user');
    if (actor.id !== user.id && actor.role !== 'admin') {
      throw new PursuitError('FORBIDDEN', "only an admin sets another user's password", 'user');
    }
    await storePassword(q, ctx, user.id, hashed);
    return user;
  });
}

export interface SignedIn {
  user: User;
  /** The cookie's value (shown once). */
  token: string;
  csrf: string;
  expiresAt: number;
}

// Verifying against a real hash when the email is unknown keeps the answer's timing the same.
let decoy: Promise<string> | undefined;

/** Signs in with email and password; too many attempts from one address or on one email wait. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const found = await inTransaction(ctx, async (q) => {
    const byAddress = await rateLimits.hit(
      q,
      `sign-in:address:${input.address}`,
      now,
      SIGN_IN_LIMIT.windowMs,
    );
    const byEmail = await rateLimits.hit(q, `sign-in:email:${email}`, now, SIGN_IN_LIMIT.windowMs);
    if (byEmail > SIGN_IN_LIMIT.perEmail || byAddress > SIGN_IN_LIMIT.perAddress) return 'limited' as const;
    // An email names one person; in the rare case of one address in two organisations, neither signs in.
    const matches = await users.findByEmail(q, email);
    const user = matches.length === 1 ? matches[0] : undefined;
    return { user, hash: user === undefined ? undefined : await credentials.passwordHash(q, user.id) };
  });
  if (found === 'limited') {
    throw new PursuitError(
      'RATE_LIMITED',
      'too many sign-in attempts: wait 15 minutes and try again',
      'email',
    );
  }
  decoy ??= hash(secret());
  const ok = await verify(found.hash ?? (await decoy), input.password);
  if (!ok || found.user === undefined || found.hash === undefined) {
    throw new PursuitError('UNAUTHENTICATED', 'wrong email or password', 'password');
  }
  const user = found.user;
  const token = secret();
  const session: Session = {
    id: sha256(token),
    userId: user.id,
    csrf: secret(),
    createdAt: now,
    expiresAt: now + SESSION_MS,
  };
  await inTransaction(ctx, async (q) => {
    await sessions.deleteExpired(q, now);
    await sessions.insert(q, session);
    await rateLimits.clear(q, `sign-in:email:${email}`);
    await rateLimits.refund(q, `sign-in:address:${input.address}`);
  });
  return { user, token, csrf: session.csrf, expiresAt: session.expiresAt };
}

// Who a cookie or token is, kept until anyone writes to the database (a sign-out, a revoked token,
// a changed role all write) or the clock ends it; a busy server then reads no table per request.
const sessionsSeen = new WeakMap<AppContext, ReadCache<{ user: User; session: Session } | undefined>>();
const tokensSeen = new WeakMap<AppContext, ReadCache<User | undefined>>();
const SEEN_CAPACITY = 10_000;

/** The user and session behind a cookie's value, when it is live. */
export async function sessionUser(
  ctx: AppContext,
  token: string,
): Promise<{ user: User; session: Session } | undefined> {
  const cache = cacheFor(sessionsSeen, ctx, SEEN_CAPACITY);
  const id = sha256(token);
  const now = ctx.now();
  const mark = changeMark(ctx);
  const kept = cache.get(id, mark, now);
  if (kept !== undefined) return kept;
  const found = await inTransaction(ctx, async (q) => {
    const session = await sessions.findLive(q, id, now);
    if (session === undefined) return undefined;
    const user = await users.findById(q, session.userId);
    return user === undefined ? undefined : { user, session };
  });
  if (found !== undefined) cache.set(id, mark, found.session.expiresAt, found);
  return found;
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await inTransaction(ctx, (q) => sessions.delete(q, sha256(token)));
}

/** A new personal API token; its value is returned here once and never again. */
export async function createToken(
  ctx: AppContext,
  actor: User,
  name: string,
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
  await inTransaction(ctx, (q) => apiTokens.insert(q, record, sha256(token)));
  return { token, record };
}

export async function listTokens(ctx: AppContext, actor: User): Promise<ApiToken[]> {
  return inTransaction(ctx, (q) => apiTokens.listForUser(q, actor.id));
}

export async function revokeToken(ctx: AppContext, actor: User, id: string): Promise<void> {
  const done = await inTransaction(ctx, (q) => apiTokens.revoke(q, actor.id, id, ctx.now()));
  if (!done) throw new PursuitError('NOT_FOUND', 'no such live token of yours', 'id');
}

/** The user behind a bearer token, when it is live; its last use is noted (to the minute). */
export async function tokenUser(ctx: AppContext, token: string): Promise<User | undefined> {
  const cache = cacheFor(tokensSeen, ctx, SEEN_CAPACITY);
  const hashed = sha256(token);
  const now = ctx.now();
  const mark = changeMark(ctx);
  const kept = cache.get(hashed, mark, now);
  if (kept !== undefined) return kept;
  const found = await inTransaction(ctx, async (q) => {
    const record = await apiTokens.findLive(q, hashed);
    if (record === undefined) return undefined;
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
