// Accounts: passwords (argon2id) and browser sessions with an anti-forgery token (API tokens are in
// tokens.ts). Secrets are random 256-bit values; only their SHA-256 is stored, so a copy of the
// database opens no session and no token.

import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PursuitError } from '../../core/errors.js';
import type { Session, User } from '../../core/records.js';
import { credentials, rateLimits, sessions } from '../../store/repositories/accounts.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext } from '../context.js';
import { resolveName } from './actors.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';
import type { ReadCache } from '../read-cache.js';
import { audit, auditAlone, NOWHERE } from './audit.js';
import type { Origin } from './audit.js';
import { cacheFor, changeMark } from '../read-cache.js';

export const MINUTE = 60_000;
/** A session lasts two weeks from sign-in. */
export const SESSION_MS = 14 * 24 * 60 * MINUTE;
/**
 * Sign-in attempts allowed in a window: per email (against guessing one password), and per address,
 * more (a whole office may share one address); a successful sign-in gives its attempt back.
 */
export const SIGN_IN_LIMIT = { perEmail: 10, perAddress: 50, windowMs: 15 * MINUTE };
const MIN_PASSWORD = 10;

/**
 * How every password is hashed: argon2id at OWASP's first configuration (19 MiB, 2 passes, 1 lane).
 * Named here, not left to the library's defaults, so that the decoy below costs what a real one does.
 */
export const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * A fixed argon2id hash of the same parameters, of a random password nobody knows: a sign-in for an
 * email without a password is verified against it, so both answers take as long (issue 15).
 */
export const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$KhZUiqfqaKBvvwhEFBehjg$VLPK54Qq7q0XqlOscoitoRvvv8rVRRq8Z9DZOjpxqYY';

/** A secret to hand out once: 32 random bytes, URL-safe. */
export function secret(): string {
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
  return hash(password, ARGON2);
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
  origin: Origin = NOWHERE,
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
    await audit(
      q,
      ctx,
      {
        action: 'password-changed',
        orgId: user.orgId,
        actor,
        subjectId: user.id,
        detail:
          actor.id === user.id
            ? 'their own; their browser sessions ended'
            : 'set by an admin; their browser sessions ended',
      },
      origin,
    );
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

/** Signs in with email and password; too many attempts from one address or on one email wait. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const origin: Origin = { address: input.address, via: 'session' };
  const found = await inTransaction(ctx, async (q) => {
    // An email names one person; in the rare case of one address in two organisations, neither signs in.
    const matches = await users.findByEmail(q, email);
    const user = matches.length === 1 ? matches[0] : undefined;
    const byAddress = await rateLimits.hit(
      q,
      `sign-in:address:${input.address}`,
      now,
      SIGN_IN_LIMIT.windowMs,
    );
    const byEmail = await rateLimits.hit(q, `sign-in:email:${email}`, now, SIGN_IN_LIMIT.windowMs);
    const limited = byEmail > SIGN_IN_LIMIT.perEmail || byAddress > SIGN_IN_LIMIT.perAddress;
    return {
      user,
      limited,
      hash: user === undefined ? undefined : await credentials.passwordHash(q, user.id),
    };
  });
  // Who it was about, for the log: an unknown email is not written down (it may be a password typed
  // in the wrong field).
  const about = { orgId: found.user?.orgId ?? null, actor: null, subjectId: found.user?.id ?? null };
  if (found.limited) {
    await auditAlone(ctx, { ...about, action: 'sign-in-limited' }, origin);
    throw new PursuitError(
      'RATE_LIMITED',
      'too many sign-in attempts: wait 15 minutes and try again',
      'email',
    );
  }
  // Unknown email or no password yet: the same work as a wrong password, so time tells nothing.
  const ok = await verify(found.hash ?? DECOY_HASH, input.password);
  if (!ok || found.user === undefined || found.hash === undefined) {
    const detail =
      found.user === undefined
        ? 'unknown email'
        : found.hash === undefined
          ? 'no password set'
          : 'wrong password';
    await auditAlone(ctx, { ...about, action: 'sign-in-failed', detail }, origin);
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
    await audit(q, ctx, { action: 'sign-in', orgId: user.orgId, actor: user }, origin);
  });
  return { user, token, csrf: session.csrf, expiresAt: session.expiresAt };
}

// Who a cookie or token is, kept until anyone writes to the database (a sign-out, a revoked token,
// a changed role all write) or the clock ends it; a busy server then reads no table per request.
const sessionsSeen = new WeakMap<AppContext, ReadCache<{ user: User; session: Session } | undefined>>();
export const SEEN_CAPACITY = 10_000;

/**
 * The user and session behind a cookie's value, when it is live. `mark`: the database's change mark,
 * taken before this call (a request's, shared with its other reads) or else now.
 */
export async function sessionUser(
  ctx: AppContext,
  token: string,
  mark: string = changeMark(ctx),
): Promise<{ user: User; session: Session } | undefined> {
  const cache = cacheFor(sessionsSeen, ctx, SEEN_CAPACITY);
  const id = sha256(token);
  const now = ctx.now();
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

export async function signOut(ctx: AppContext, token: string, origin: Origin = NOWHERE): Promise<void> {
  await inTransaction(ctx, async (q) => {
    const session = await sessions.findLive(q, sha256(token), ctx.now());
    if (session === undefined) return;
    await sessions.delete(q, session.id);
    const user = await users.findById(q, session.userId);
    if (user !== undefined)
      await audit(q, ctx, { action: 'sign-out', orgId: user.orgId, actor: user }, origin);
  });
}
