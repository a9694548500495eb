// Signing a person out everywhere and revoking their API tokens: for a lost laptop or a leaked
// token. A password change ends browser sessions only (tokens are for scripts, which a new password
// should not break); this ends both. Their own, or anyone's for an admin.

import { PursuitError } from '../../core/errors.js';
import type { User } from '../../core/records.js';
import { apiTokens, sessions } from '../../store/repositories/accounts.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';
import { resolveName } from './actors.js';
import { audit, NOWHERE } from './audit.js';
import type { Origin } from './audit.js';

export interface SignedOut {
  user: User;
  sessionsEnded: number;
  tokensRevoked: number;
}

/**
 * Ends every session and revokes every live token of a user (default the actor): by id, name or email
 * as typed at the command line, or by id alone (`byId`, the API's address), since a near name must
 * never sign the wrong person out.
 */
export async function signOutEverywhere(
  ctx: AppContext,
  actor: User,
  typedUser: string | undefined,
  origin: Origin = NOWHERE,
  byId = false,
): Promise<SignedOut> {
  return inTransaction(ctx, async (q) => {
    const people = typedUser === undefined || typedUser === actor.id ? [] : await users.list(q, actor.orgId);
    const user =
      typedUser === undefined || typedUser === actor.id
        ? actor
        : byId
          ? people.find((u) => u.id === typedUser)
          : resolveName(people, typedUser, 'user', 'user');
    if (user === undefined) throw new PursuitError('NOT_FOUND', `no user has the id "${typedUser}"`, 'id');
    if (actor.id !== user.id && actor.role !== 'admin') {
      throw new PursuitError('FORBIDDEN', 'only an admin signs another user out', 'user');
    }
    const sessionsEnded = await sessions.deleteForUser(q, user.id);
    const tokensRevoked = await apiTokens.revokeAllForUser(q, user.id, ctx.now());
    const detail = `${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended, ${tokensRevoked} token${tokensRevoked === 1 ? '' : 's'} revoked`;
    await audit(
      q,
      ctx,
      { action: 'signed-out-everywhere', orgId: user.orgId, actor, subjectId: user.id, detail },
      origin,
    );
    return { user, sessionsEnded, tokensRevoked };
  });
}
