// The accounts tables on both databases: rate-limit windows counted in one statement, sessions that
// expire, tokens found only while live, idempotent responses kept by user and key, notifications.

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { User } from '../../core/records.js';
import {
  apiTokens,
  credentials,
  idempotencyKeys,
  notifications,
  rateLimits,
  sessions,
} from './accounts.repository.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('accounts on %s', (dialect) => {
  let t: TestDb;
  let dana: User;
  let eli: User;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ({ dana, eli } = await team(appContext(t.db, new TestClock(NOW))));
  });

  afterAll(async () => {
    await t.drop();
  });

  it('counts hits per fixed window, and starts again in the next one', async () => {
    const q = t.db.kysely;
    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push(await rateLimits.hit(q, 'sign-in:1.2.3.4', NOW + i, 60_000));
    expect(counts).toEqual([1, 2, 3]);
    expect(await rateLimits.hit(q, 'sign-in:5.6.7.8', NOW, 60_000)).toBe(1);
    expect(await rateLimits.hit(q, 'sign-in:1.2.3.4', NOW + 60_000, 60_000)).toBe(1);
    await rateLimits.clear(q, 'sign-in:1.2.3.4');
    expect(await rateLimits.hit(q, 'sign-in:1.2.3.4', NOW + 60_001, 60_000)).toBe(1);
  });

  it('keeps a password hash per user, replaced when it changes', async () => {
    const q = t.db.kysely;
    expect(await credentials.passwordHash(q, dana.id)).toBeUndefined();
    await credentials.set(q, dana.id, '$argon2id$one', NOW);
    await credentials.set(q, dana.id, '$argon2id$two', NOW + 1);
    expect(await credentials.passwordHash(q, dana.id)).toBe('$argon2id$two');
  });

  it('finds a session until it expires', async () => {
    const q = t.db.kysely;
    await sessions.insert(q, { id: 'h1', userId: dana.id, csrf: 'c', createdAt: NOW, expiresAt: NOW + 1000 });
    expect((await sessions.findLive(q, 'h1', NOW + 999))?.userId).toBe(dana.id);
    expect(await sessions.findLive(q, 'h1', NOW + 1000)).toBeUndefined();
    await sessions.deleteExpired(q, NOW + 1000);
    expect(await sessions.findLive(q, 'h1', NOW)).toBeUndefined();
  });

  it('finds a token by its hash until it is revoked, and only its owner revokes it', async () => {
    const q = t.db.kysely;
    const token = {
      id: 't1',
      userId: dana.id,
      name: 'script',
      createdAt: NOW,
      lastUsedAt: null,
      revokedAt: null,
    };
    await apiTokens.insert(q, token, 'hash-1');
    expect((await apiTokens.findLive(q, 'hash-1'))?.id).toBe('t1');
    expect(await apiTokens.revoke(q, eli.id, 't1', NOW)).toBe(false);
    expect(await apiTokens.revoke(q, dana.id, 't1', NOW)).toBe(true);
    expect(await apiTokens.revoke(q, dana.id, 't1', NOW)).toBe(false);
    expect(await apiTokens.findLive(q, 'hash-1')).toBeUndefined();
    expect((await apiTokens.listForUser(q, dana.id))[0]?.revokedAt).toBe(NOW);
  });

  it('keeps a response by user and key', async () => {
    const q = t.db.kysely;
    const stored = { request: 'POST /api/x abc', status: 201, response: '{"ok":true}', createdAt: NOW };
    await idempotencyKeys.insert(q, dana.id, 'k1', stored);
    expect(await idempotencyKeys.find(q, dana.id, 'k1')).toEqual(stored);
    expect(await idempotencyKeys.find(q, eli.id, 'k1')).toBeUndefined();
    await idempotencyKeys.deleteOlderThan(q, NOW + 1);
    expect(await idempotencyKeys.find(q, dana.id, 'k1')).toBeUndefined();
  });

  it('lists notifications newest first, and marks them read', async () => {
    const q = t.db.kysely;
    for (const [id, at] of [
      ['n1', NOW],
      ['n2', NOW + 1],
    ] as const) {
      await notifications.insert(q, {
        id,
        orgId: dana.orgId,
        userId: dana.id,
        kind: 'lead',
        prospectId: null,
        message: `lead ${id}`,
        createdAt: at,
        readAt: null,
      });
    }
    expect((await notifications.listForUser(q, dana.id)).map((n) => n.id)).toEqual(['n2', 'n1']);
    await notifications.markRead(q, dana.id, ['n2'], NOW + 5);
    expect((await notifications.listForUser(q, dana.id, { unreadOnly: true })).map((n) => n.id)).toEqual([
      'n1',
    ]);
  });
});
