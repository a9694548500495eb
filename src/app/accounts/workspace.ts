// Setting up: the first organisation and admin, and more users.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import { loadPlaybook } from '../../core/playbook/load.js';
import type { Organisation, Role, User } from '../../core/records.js';
import { organisations, users } from '../../store/repositories/people.repository.js';
import { playbooks } from '../../store/repositories/playbooks.repository.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';
import type { AppContext } from '../context.js';
import { resolveActor, resolveName } from './actors.js';
import { amount, email, oneOf, text, zone } from '../inputs.js';
import { audit, NOWHERE } from './audit.js';
import type { Origin } from './audit.js';

/** The organisations the database holds (an empty database has none). */
export async function listOrganisations(ctx: AppContext): Promise<Organisation[]> {
  return inTransaction(ctx, (q) => organisations.list(q));
}

/** The acting user; `where` names the database in the error when it has no users yet. */
export async function actorFor(ctx: AppContext, as: string | undefined, where?: string): Promise<User> {
  return inTransaction(ctx, (q) => resolveActor(q, as, where));
}

export interface InitInput {
  organisation: string;
  name: string;
  email: string;
  timezone: string;
}

/** Creates the first organisation, its admin, and the default playbook as version 1. */
export async function init(ctx: AppContext, input: InitInput): Promise<{ org: Organisation; admin: User }> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    if ((await organisations.list(q)).length > 0) {
      throw new PursuitError(
        'CONFLICT',
        'this database already has an organisation; add users with `pursuit user add`',
      );
    }
    const org: Organisation = {
      id: randomUUID(),
      name: text('organisation', input.organisation) as string,
      createdAt: now,
    };
    const admin: User = {
      id: randomUUID(),
      orgId: org.id,
      email: email('email', input.email) as string,
      name: text('name', input.name) as string,
      role: 'admin',
      managerId: null,
      timezone: zone('timezone', input.timezone) as string,
      phone: null,
      hourlyValue: null,
      createdAt: now,
    };
    await organisations.insert(q, org);
    await users.insert(q, admin);
    const doc = loadPlaybook(ctx.defaultPlaybookText).doc;
    await playbooks.insert(q, {
      id: randomUUID(),
      orgId: org.id,
      version: 1,
      name: doc.name,
      document: ctx.defaultPlaybookText,
      createdAt: now,
      createdBy: admin.id,
      active: true,
    });
    return { org, admin };
  });
}

export interface UserInput {
  name: string;
  email: string;
  role?: string;
  manager?: string;
  timezone?: string;
  phone?: string;
  hourlyValue?: string | number;
}

/**
 * Adds a user in the caller's transaction, so a use case can write more alongside (a first
 * password); `addUser` runs it in a transaction of its own.
 */
export async function insertUser(
  q: Q,
  ctx: AppContext,
  actor: User,
  input: UserInput,
  origin: Origin = NOWHERE,
): Promise<User> {
  if (actor.role !== 'admin') throw new PursuitError('FORBIDDEN', 'only an admin can add users', 'user');
  const team = await users.list(q, actor.orgId);
  const address = email('email', input.email) as string;
  if (team.some((u) => u.email === address)) {
    throw new PursuitError('CONFLICT', `a user with email ${address} already exists`, 'email');
  }
  const manager =
    input.manager === undefined ? undefined : resolveName(team, input.manager, 'user', 'manager');
  if (manager !== undefined && manager.role === 'rep') {
    throw new PursuitError('INVALID_INPUT', `${manager.name} is a rep, not a manager`, 'manager');
  }
  const user: User = {
    id: randomUUID(),
    orgId: actor.orgId,
    email: address,
    name: text('name', input.name) as string,
    role: oneOf<Role>('role', input.role, ['rep', 'manager', 'admin']) ?? 'rep',
    managerId: manager?.id ?? null,
    timezone: zone('timezone', input.timezone) ?? actor.timezone,
    phone: text('phone', input.phone) ?? null,
    hourlyValue: amount('hourly-value', input.hourlyValue) ?? null,
    createdAt: ctx.now(),
  };
  await users.insert(q, user);
  const detail = `${user.name} <${user.email}>, ${user.role}`;
  await audit(
    q,
    ctx,
    { action: 'user-created', orgId: user.orgId, actor, subjectId: user.id, detail },
    origin,
  );
  return user;
}

export async function addUser(
  ctx: AppContext,
  actor: User,
  input: UserInput,
  origin: Origin = NOWHERE,
): Promise<User> {
  return inTransaction(ctx, (q) => insertUser(q, ctx, actor, input, origin));
}

export async function listUsers(ctx: AppContext, actor: User): Promise<User[]> {
  return inTransaction(ctx, (q) => users.list(q, actor.orgId));
}
