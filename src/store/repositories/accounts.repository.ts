// Credentials, sessions, API tokens, idempotency keys, rate-limit counters and notifications: rows
// in, records out. Secrets arrive here already hashed.

import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database, NotificationsTable } from '../schema.js';
import type { ApiToken, Notification, Session, StoredResponse } from '../../core/records.js';

type Q = Kysely<Database>;

function toToken(r: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

function toNotification(r: Selectable<NotificationsTable>): Notification {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    kind: r.kind,
    prospectId: r.prospect_id,
    message: r.message,
    createdAt: Number(r.created_at),
    readAt: r.read_at === null ? null : Number(r.read_at),
  };
}

export const credentials = {
  async passwordHash(q: Q, userId: string): Promise<string | undefined> {
    const r = await q
      .selectFrom('credentials')
      .select('password_hash')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r?.password_hash;
  },
  async set(q: Q, userId: string, passwordHash: string, now: number): Promise<void> {
    await q
      .insertInto('credentials')
      .values({ user_id: userId, password_hash: passwordHash, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: passwordHash, updated_at: now }))
      .execute();
  },
};

export const sessions = {
  async insert(q: Q, s: Session): Promise<void> {
    await q
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf: s.csrf,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute();
  },
  /** A session that has not expired. */
  async findLive(q: Q, id: string, now: number): Promise<Session | undefined> {
    const r = await q
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return r === undefined
      ? undefined
      : {
          id: r.id,
          userId: r.user_id,
          csrf: r.csrf,
          createdAt: Number(r.created_at),
          expiresAt: Number(r.expires_at),
        };
  },
  async delete(q: Q, id: string): Promise<void> {
    await q.deleteFrom('sessions').where('id', '=', id).execute();
  },
  /** Ends every session of the user; how many there were. */
  async deleteForUser(q: Q, userId: string): Promise<number> {
    const result = await q.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  async deleteExpired(q: Q, now: number): Promise<void> {
    await q.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },
};

export const apiTokens = {
  async insert(q: Q, t: ApiToken, tokenHash: string): Promise<void> {
    await q
      .insertInto('api_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        token_hash: tokenHash,
        created_at: t.createdAt,
        last_used_at: t.lastUsedAt,
        revoked_at: t.revokedAt,
      })
      .execute();
  },
  /** A token that has not been revoked, by the hash of its value. */
  async findLive(q: Q, tokenHash: string): Promise<ApiToken | undefined> {
    const r = await q
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return r === undefined ? undefined : toToken(r);
  },
  /** A token, live or revoked, by the hash of its value. */
  async findByHash(q: Q, tokenHash: string): Promise<ApiToken | undefined> {
    const r = await q
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r === undefined ? undefined : toToken(r);
  },
  /** Revokes every live token of the user; how many there were. */
  async revokeAllForUser(q: Q, userId: string, now: number): Promise<number> {
    const result = await q
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
  async listForUser(q: Q, userId: string): Promise<ApiToken[]> {
    const rows = await q
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toToken);
  },
  async touch(q: Q, id: string, now: number): Promise<void> {
    await q.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  },
  /** Revokes one of the user's tokens; false when there is no such live token. */
  async revoke(q: Q, userId: string, id: string, now: number): Promise<boolean> {
    const result = await q
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};

export const idempotencyKeys = {
  async find(q: Q, userId: string, key: string): Promise<StoredResponse | undefined> {
    const r = await q
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return r === undefined
      ? undefined
      : { request: r.request, status: r.status, response: r.response, createdAt: Number(r.created_at) };
  },
  async insert(q: Q, userId: string, key: string, r: StoredResponse): Promise<void> {
    await q
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        key,
        request: r.request,
        status: r.status,
        response: r.response,
        created_at: r.createdAt,
      })
      .execute();
  },
  /** Adds the answer to a key recorded with its request's write. */
  async answer(
    q: Q,
    userId: string,
    key: string,
    r: Pick<StoredResponse, 'status' | 'response'>,
  ): Promise<void> {
    await q
      .updateTable('idempotency_keys')
      .set({ status: r.status, response: r.response })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
  },
  async deleteOlderThan(q: Q, before: number): Promise<void> {
    await q.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
  },
};

export const rateLimits = {
  /**
   * Counts one more hit in the bucket's fixed window (a new window when the old one has passed);
   * returns the count so far in the current window. One statement, so processes agree.
   */
  async hit(q: Q, bucket: string, now: number, windowMs: number): Promise<number> {
    const start = now - (now % windowMs);
    const r = await q
      .insertInto('rate_limits')
      .values({ bucket, window_start: start, count: 1 })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('rate_limits.window_start', '=', start)
            .then(eb(eb.ref('rate_limits.count'), '+', 1))
            .else(1)
            .end(),
          window_start: start,
        })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(r.count);
  },
  /** Takes one hit back (a successful attempt does not use up the budget). */
  async refund(q: Q, bucket: string): Promise<void> {
    await q
      .updateTable('rate_limits')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('bucket', '=', bucket)
      .where('count', '>', 0)
      .execute();
  },
  async clear(q: Q, bucket: string): Promise<void> {
    await q.deleteFrom('rate_limits').where('bucket', '=', bucket).execute();
  },
};

export const notifications = {
  async insert(q: Q, n: Notification): Promise<void> {
    await q
      .insertInto('notifications')
      .values({
        id: n.id,
        org_id: n.orgId,
        user_id: n.userId,
        kind: n.kind,
        prospect_id: n.prospectId,
        message: n.message,
        created_at: n.createdAt,
        read_at: n.readAt,
      })
      .execute();
  },
  /** The user's notifications, newest first; only unread ones when asked. */
  async listForUser(q: Q, userId: string, options: { unreadOnly?: boolean; limit?: number } = {}) {
    let query = q
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(options.limit ?? 50);
    if (options.unreadOnly === true) query = query.where('read_at', 'is', null);
    return (await query.execute()).map(toNotification);
  },
  async markRead(q: Q, userId: string, ids: string[], now: number): Promise<void> {
    if (ids.length === 0) return;
    await q
      .updateTable('notifications')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('id', 'in', ids)
      .where('read_at', 'is', null)
      .execute();
  },
};
