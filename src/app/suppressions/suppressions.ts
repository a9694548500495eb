// The do-not-contact list, as admins keep it: read it, add a person who asked by other means (a
// letter, a call to the office), and lift an entry, with a reason. Lifting keeps the entry (who,
// when, why), so the organisation can always show why someone who objected was contacted again.
// It lifts only the list's hold: a record's own do-not-contact, or an unsubscribe in its history,
// stays as it is.

import { PursuitError } from '../../core/errors.js';
import type { Suppression, User } from '../../core/records.js';
import { emailKey, phoneKey } from '../../core/suppression.js';
import { suppressions } from '../../store/repositories/suppressions.repository.js';
import { inTransaction } from '../context.js';
import type { AppContext } from '../context.js';
import { liftEntries, recordOptOuts } from '../decisions/opt-outs.js';
import { email, text, zone } from '../inputs.js';

function adminOnly(actor: User, what: string): void {
  if (actor.role !== 'admin')
    throw new PursuitError('FORBIDDEN', `only an admin can ${what}`, 'suppressions');
}

export interface ListInput {
  /** Part of an address or number. */
  search?: string;
  /** Lifted entries too. */
  all?: boolean;
  limit?: number;
  offset?: number;
}

const likePattern = (typed: string) =>
  `%${typed
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listSuppressions(
  ctx: AppContext,
  actor: User,
  input: ListInput = {},
): Promise<Suppression[]> {
  adminOnly(actor, 'see the do-not-contact list');
  return inTransaction(ctx, (q) =>
    suppressions.list(q, {
      orgId: actor.orgId,
      removed: input.all === true,
      ...(input.search === undefined || input.search.trim() === ''
        ? {}
        : { like: likePattern(input.search) }),
      limit: Math.min(Math.max(input.limit ?? 100, 1), 1000),
      offset: Math.max(input.offset ?? 0, 0),
    }),
  );
}

export interface AddInput {
  email?: string;
  phone?: string;
  /** The zone that says the number's country, when it is written without one. */
  timezone?: string;
}

/** Adds an address and/or a number to the list (one already there stays as it was). */
export async function addSuppression(ctx: AppContext, actor: User, input: AddInput): Promise<Suppression[]> {
  adminOnly(actor, 'add to the do-not-contact list');
  const address = email('email', input.email);
  const typedPhone = text('phone', input.phone);
  const tz = zone('timezone', input.timezone);
  if (typedPhone !== undefined && phoneKey(typedPhone, tz) === undefined)
    throw new PursuitError(
      'INVALID_INPUT',
      `expected a phone number, got ${JSON.stringify(typedPhone)}`,
      'phone',
    );
  if (address === undefined && typedPhone === undefined)
    throw new PursuitError('INVALID_INPUT', 'give an email address or a phone number', 'email');
  const now = ctx.now();
  const person = {
    id: null,
    prospectId: null,
    email: address ?? null,
    phone: typedPhone ?? null,
    timezone: tz ?? null,
  };
  return inTransaction(ctx, async (q) => {
    await recordOptOuts(
      q,
      ctx,
      actor.orgId,
      [{ contact: person, source: 'manual', at: now, by: actor.id }],
      now,
    );
    const keys = [
      ...(address === undefined ? [] : [{ kind: 'email' as const, value: emailKey(address) as string }]),
      ...(typedPhone === undefined
        ? []
        : [{ kind: 'phone' as const, value: phoneKey(typedPhone, tz) as string }]),
    ];
    return suppressions.inForce(q, actor.orgId, keys);
  });
}

/** Lifts an entry in force: an admin's decision, with the reason kept beside it. */
export async function removeSuppression(
  ctx: AppContext,
  actor: User,
  id: string,
  reason: string | undefined,
): Promise<Suppression> {
  adminOnly(actor, 'lift an entry of the do-not-contact list');
  const why = text('reason', reason);
  if (why === undefined)
    throw new PursuitError(
      'INVALID_INPUT',
      'say why the entry is lifted (their consent, a mistake)',
      'reason',
    );
  if (why.length > 500)
    throw new PursuitError('INVALID_INPUT', 'expected a reason of at most 500 characters', 'reason');
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const entry = await suppressions.findById(q, id);
    if (entry === undefined || entry.orgId !== actor.orgId)
      throw new PursuitError('NOT_FOUND', 'no such entry on the do-not-contact list', 'id');
    if (entry.removedAt !== null)
      throw new PursuitError(
        'CONFLICT',
        `this entry was lifted already (${new Date(entry.removedAt).toISOString()})`,
        'id',
      );
    const [lifted] = await liftEntries(q, ctx, actor.orgId, [entry], { by: actor.id, reason: why }, now);
    if (lifted === undefined) throw new PursuitError('CONFLICT', 'this entry was lifted already', 'id');
    return lifted;
  });
}
