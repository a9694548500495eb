// Managing the people of an organisation: adding a user with a first password, changing a user's
// role, manager, time zone, name or hourly value (an admin's job), and changing a password: anyone's
// by an admin, one's own with the current one. The organisation always keeps an admin, and nobody
// who still manages people becomes a rep.

import { verify } from '@node-rs/argon2';
import { PursuitError } from '../../core/errors.js';
import type { Role, User } from '../../core/records.js';
import { credentials, rateLimits } from '../../store/repositories/accounts.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { checkPassword, hashPassword, SIGN_IN_LIMIT, setPassword, storePassword } from './credentials.js';
import { resolveName } from './actors.js';
import type { AppContext } from '../context.js';
import { amount, oneOf, text, zone } from '../inputs.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';
import { insertUser } from './workspace.js';
import type { UserInput } from './workspace.js';
import { audit, NOWHERE } from './audit.js';
import type { Origin } from './audit.js';

const ROLES: readonly Role[] = ['rep', 'manager', 'admin'];

function mustBeAdmin(actor: User, what: string): void {
  if (actor.role !== 'admin') throw new PursuitError('FORBIDDEN', `only an admin can ${what}`, 'user');
}

/** A user of the actor's organisation, by id; another organisation's users do not exist here. */
async function memberById(q: Q, actor: User, id: string): Promise<User> {
  const user = await users.findById(q, id);
  if (user === undefined || user.orgId !== actor.orgId)
    throw new PursuitError('NOT_FOUND', `no user with id ${id}`, 'id');
  return user;
}

/**
 * Adds a user (see `insertUser`), with a first password when one is given, so they can sign in to
 * the web app at once; without one, they sign in after an admin sets it. The user and the password
 * are written in one transaction: never a user whose first password was lost.
 */
export async function createUser(
  ctx: AppContext,
  actor: User,
  input: UserInput & { password?: string },
  origin: Origin = NOWHERE,
): Promise<User> {
  mustBeAdmin(actor, 'add users');
  const { password, ...fields } = input;
  const hashed = password === undefined ? undefined : await hashPassword(password);
  return inTransaction(ctx, async (q) => {
    const user = await insertUser(q, ctx, actor, fields, origin);
    if (hashed !== undefined) await storePassword(q, ctx, user.id, hashed);
    return user;
  });
}

export interface UserChanges {
  name?: string;
  role?: string;
  /** A manager or admin of the organisation (id, name or email); null for nobody. */
  manager?: string | null;
  timezone?: string;
  /** What an hour of this person's time is worth; null to use the playbook's figure. */
  hourlyValue?: number | string | null;
}

/** The people `user` manages, directly. */
function reportsOf(team: User[], user: User): User[] {
  return team.filter((u) => u.managerId === user.id);
}

/** Refuses a manager who is the user, or who reports to the user (directly or further up). */
function checkManager(team: User[], user: User, manager: User): void {
  if (manager.role === 'rep')
    throw new PursuitError('INVALID_INPUT', `${manager.name} is a rep, not a manager`, 'manager');
  const seen = new Set<string>();
  for (let m: User | undefined = manager; m !== undefined;) {
    if (m.id === user.id) {
      throw new PursuitError(
        'INVALID_INPUT',
        manager.id === user.id
          ? `${user.name} cannot be their own manager`
          : `${manager.name} reports to ${user.name}, so cannot be their manager`,
        'manager',
      );
    }
    if (seen.has(m.id)) break;
    seen.add(m.id);
    const next: string | null = m.managerId;
    m = next === null ? undefined : team.find((u) => u.id === next);
  }
}

/** What an admin changed of a user, for the audit log: "role rep → manager; name ...". */
function describeChanges(before: User, after: User, team: User[]): string {
  const nameOf = (id: string | null) =>
    id === null ? 'nobody' : (team.find((u) => u.id === id)?.name ?? id);
  const parts: string[] = [];
  if (before.role !== after.role) parts.push(`role ${before.role} → ${after.role}`);
  if (before.name !== after.name) parts.push(`name ${before.name} → ${after.name}`);
  if (before.managerId !== after.managerId)
    parts.push(`manager ${nameOf(before.managerId)} → ${nameOf(after.managerId)}`);
  if (before.timezone !== after.timezone) parts.push(`time zone ${before.timezone} → ${after.timezone}`);
  if (before.hourlyValue !== after.hourlyValue) parts.push('hourly value');
  return parts.join('; ');
}

/** Changes a user's role, manager, time zone, name or hourly value: an admin's job. */
export async function updateUser(
  ctx: AppContext,
  actor: User,
  id: string,
  changes: UserChanges,
  origin: Origin = NOWHERE,
): Promise<User> {
  mustBeAdmin(actor, 'change users');
  return inTransaction(ctx, async (q) => {
    // Taken first: two admins demoting each other at once cannot both count the other as still
    // there (the second waits, then reads the first's commit).
    if (changes.role !== undefined) await users.lockAdmins(q, ctx.db.dialect, actor.orgId);
    const before = await memberById(q, actor, id);
    const team = await users.list(q, actor.orgId);
    const role = oneOf<Role>('role', changes.role, ROLES) ?? before.role;
    if (before.role === 'admin' && role !== 'admin' && team.filter((u) => u.role === 'admin').length === 1) {
      throw new PursuitError(
        'CONFLICT',
        `${before.name} is the only admin: make someone else an admin first`,
        'role',
      );
    }
    const reports = reportsOf(team, before);
    if (role === 'rep' && reports.length > 0) {
      const names = reports.slice(0, 3).map((u) => u.name);
      throw new PursuitError(
        'CONFLICT',
        `${before.name} manages ${reports.length} ${reports.length === 1 ? 'person' : 'people'} (${names.join(', ')}${reports.length > 3 ? ', ...' : ''}): give them another manager first`,
        'role',
      );
    }
    let managerId = before.managerId;
    if (changes.manager === null) managerId = null;
    else if (changes.manager !== undefined) {
      const manager = resolveName(team, changes.manager, 'user', 'manager');
      checkManager(team, before, manager);
      managerId = manager.id;
    }
    const hourly = changes.hourlyValue;
    const after: User = {
      ...before,
      name: text('name', changes.name) ?? before.name,
      role,
      managerId,
      timezone: zone('timezone', changes.timezone) ?? before.timezone,
      hourlyValue: hourly === null ? null : (amount('hourlyValue', hourly) ?? before.hourlyValue),
    };
    await users.update(q, after);
    const changed = describeChanges(before, after, team);
    if (changed !== '') {
      const facts = { action: 'user-changed' as const, orgId: after.orgId, actor, subjectId: after.id };
      await audit(q, ctx, { ...facts, detail: changed }, origin);
    }
    return after;
  });
}

/** A wrong current password counts like a wrong sign-in, so a left-open session cannot guess it. */
async function checkCurrentPassword(ctx: AppContext, actor: User, current: string | undefined) {
  if (current === undefined || current === '') {
    throw new PursuitError('INVALID_INPUT', 'give your current password to set a new one', 'currentPassword');
  }
  const bucket = `password-check:user:${actor.id}`;
  const found = await inTransaction(ctx, async (q) => ({
    tries: await rateLimits.hit(q, bucket, ctx.now(), SIGN_IN_LIMIT.windowMs),
    hash: await credentials.passwordHash(q, actor.id),
  }));
  if (found.tries > SIGN_IN_LIMIT.perEmail) {
    throw new PursuitError(
      'RATE_LIMITED',
      'too many wrong passwords: wait 15 minutes and try again',
      'currentPassword',
    );
  }
  if (found.hash === undefined || !(await verify(found.hash, current))) {
    throw new PursuitError('INVALID_INPUT', 'that is not your current password', 'currentPassword');
  }
  await inTransaction(ctx, (q) => rateLimits.clear(q, bucket));
}

/**
 * Sets a user's password by id: an admin sets anyone's; everyone (admins too) sets their own with
 * their current one. As `setPassword` does, it signs out every browser of that user.
 */
export async function changePassword(
  ctx: AppContext,
  actor: User,
  id: string,
  input: { password: string; currentPassword?: string },
  origin: Origin = NOWHERE,
): Promise<User> {
  const user = await inTransaction(ctx, (q) => memberById(q, actor, id));
  if (user.id !== actor.id) mustBeAdmin(actor, "set another user's password");
  checkPassword(input.password);
  if (user.id === actor.id) await checkCurrentPassword(ctx, actor, input.currentPassword);
  return setPassword(ctx, actor, user.id, input.password, origin);
}
