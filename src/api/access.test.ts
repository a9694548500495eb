// The audit log and "sign out everywhere" through the API on a real database (SQLite file and
// PostgreSQL), with the demo organisation: every sign-in, failure, sign-out, token made, revoked or
// tried after revocation, password change and user added or changed is one entry, with the time,
// who, whom, the client's address and how; no entry holds a password, cookie or token value; only
// an admin reads it. A password change ends sessions but not tokens (as the docs say); signing out
// everywhere ends both, for oneself or, by an admin, for anyone.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { call, callerOf, signIn } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import { createDemo, DEMO_PASSWORD } from '../app/demo/demo.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

interface Entry {
  id: string;
  at: string;
  action: string;
  actor: { name: string } | null;
  subject: { name: string } | null;
  address: string | null;
  via: string | null;
  detail: string | null;
}

const NEW_PASSWORD = 'a much longer passphrase';

describeDialects('the audit log and signing out everywhere on %s', (dialect) => {
  let t: TestDb;
  let app: Api;
  const clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));
  let avery: Caller;
  const secrets: string[] = [DEMO_PASSWORD, NEW_PASSWORD];

  async function entries(query = ''): Promise<Entry[]> {
    const r = await call(app, avery, 'GET', `/api/audit${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ entries: Entry[] }>().entries;
  }

  const bearer = (token: string) =>
    app.inject({
      url: '/api/agenda',
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: '192.0.2.44',
    });

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, clock);
    await createDemo(ctx, { prospects: 6 });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    const r = await signIn(app, 'avery@northwind.test', DEMO_PASSWORD, '198.51.100.1');
    avery = callerOf(r);
    secrets.push(avery.cookie.split('=')[1] as string, avery.csrf);
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('records sign-ins, failures, tokens, passwords and users, and never a secret', async () => {
    clock.advance(1000);
    expect((await signIn(app, 'dana@northwind.test', 'wrong password', '203.0.113.9')).statusCode).toBe(401);
    expect((await signIn(app, 'nobody@northwind.test', 'wrong password', '203.0.113.9')).statusCode).toBe(
      401,
    );
    const danaSignIn = await signIn(app, 'dana@northwind.test', DEMO_PASSWORD, '203.0.113.9');
    const dana = callerOf(danaSignIn);
    secrets.push(dana.cookie.split('=')[1] as string, dana.csrf);
    const made = await call(app, dana, 'POST', '/api/tokens', { name: 'calendar sync' });
    const token = made.json<{ id: string; token: string }>();
    secrets.push(token.token);
    expect((await bearer(token.token)).statusCode).toBe(200);
    expect((await call(app, dana, 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
    expect((await bearer(token.token)).statusCode).toBe(401);
    const added = await call(app, avery, 'POST', '/api/users', {
      name: 'Rita Moreno',
      email: 'rita@northwind.test',
      password: NEW_PASSWORD,
    });
    const rita = added.json<{ id: string }>().id;
    expect((await call(app, avery, 'PATCH', `/api/users/${rita}`, { role: 'manager' })).statusCode).toBe(200);
    expect(
      (await call(app, avery, 'PUT', `/api/users/${rita}/password`, { password: `${NEW_PASSWORD}!` }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: '/api/session',
          headers: { cookie: dana.cookie },
          remoteAddress: '203.0.113.9',
        })
      ).statusCode,
    ).toBe(204);

    // Signed out on the server, not only in the browser: the old cookie opens nothing.
    expect((await call(app, dana, 'GET', '/api/session')).statusCode).toBe(401);
    const log = await entries();
    const summary = log.map((e) => [
      e.action,
      e.actor?.name ?? null,
      e.subject?.name ?? null,
      e.address,
      e.via,
    ]);
    expect(summary.slice(0, 10).reverse()).toEqual([
      ['sign-in-failed', null, 'Dana Whitfield', '203.0.113.9', 'session'],
      ['sign-in-failed', null, null, '203.0.113.9', 'session'],
      ['sign-in', 'Dana Whitfield', 'Dana Whitfield', '203.0.113.9', 'session'],
      ['token-created', 'Dana Whitfield', 'Dana Whitfield', '127.0.0.1', 'session'],
      ['token-revoked', 'Dana Whitfield', 'Dana Whitfield', '127.0.0.1', 'session'],
      ['revoked-token-used', null, 'Dana Whitfield', '192.0.2.44', 'token'],
      ['user-created', 'Avery Quinn', 'Rita Moreno', '127.0.0.1', 'session'],
      ['user-changed', 'Avery Quinn', 'Rita Moreno', '127.0.0.1', 'session'],
      ['password-changed', 'Avery Quinn', 'Rita Moreno', '127.0.0.1', 'session'],
      ['sign-out', 'Dana Whitfield', 'Dana Whitfield', '203.0.113.9', 'session'],
    ]);
    expect(log.find((e) => e.action === 'sign-in-failed' && e.subject === null)?.detail).toBe(
      'unknown email',
    );
    expect(log.find((e) => e.action === 'user-changed')?.detail).toBe('role rep → manager');
    expect(log.find((e) => e.action === 'token-created')?.detail).toBe('“calendar sync”');
    const text = JSON.stringify(log);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('nobody@northwind.test');
  });

  it('pages newest first and filters by action; only an admin reads it', async () => {
    const first = await call(app, avery, 'GET', '/api/audit?limit=2');
    const page = first.json<{ entries: Entry[]; next: string | null }>();
    expect(page.entries).toHaveLength(2);
    const rest = await entries(`?before=${page.next}&limit=1000`);
    expect([...page.entries, ...rest].map((e) => e.id)).toEqual(
      (await entries('?limit=1000')).map((e) => e.id),
    );
    expect((await entries('?action=sign-in-failed')).every((e) => e.action === 'sign-in-failed')).toBe(true);
    const bad = await call(app, avery, 'GET', '/api/audit?action=nonsense');
    expect(bad.statusCode).toBe(400);
    const morgan = callerOf(await signIn(app, 'morgan@northwind.test'));
    const refused = await call(app, morgan, 'GET', '/api/audit');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await app.inject('/api/audit')).statusCode).toBe(401);
  });

  it('keeps API tokens through a password change, and ends them with sign-out-everywhere', async () => {
    const luis = callerOf(await signIn(app, 'luis@northwind.test'));
    const token = (await call(app, luis, 'POST', '/api/tokens', { name: 'script' })).json<{ token: string }>()
      .token;
    const changed = await call(app, luis, 'PUT', `/api/users/${(await me(luis)).id}/password`, {
      password: NEW_PASSWORD,
      currentPassword: DEMO_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // The documented rule: a new password ends the other browsers, not the scripts' tokens.
    expect((await bearer(token)).statusCode).toBe(200);
    const elsewhere = callerOf(await signIn(app, 'luis@northwind.test', NEW_PASSWORD, '192.0.2.77'));
    const again = callerOf(changed);
    const everywhere = await call(
      app,
      again,
      'POST',
      `/api/users/${(await me(again)).id}/sign-out-everywhere`,
    );
    expect(everywhere.statusCode, everywhere.body).toBe(200);
    expect(everywhere.json()).toMatchObject({ sessionsEnded: 2, tokensRevoked: 1 });
    expect(everywhere.cookies.find((c) => c.name === 'pursuit_session')?.value).toBe('');
    expect((await bearer(token)).statusCode).toBe(401);
    expect((await call(app, elsewhere, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await call(app, again, 'GET', '/api/session')).statusCode).toBe(401);
    const logged = (await entries('?action=signed-out-everywhere'))[0];
    expect(logged).toMatchObject({
      subject: { name: 'Luis Ortega' },
      detail: '2 sessions ended, 1 token revoked',
    });
  });

  it('lets an admin sign anyone out everywhere, and nobody else another person', async () => {
    const priya = callerOf(await signIn(app, 'priya@northwind.test'));
    const tom = callerOf(await signIn(app, 'tom@northwind.test'));
    const priyaId = (await me(priya)).id;
    const refused = await call(app, tom, 'POST', `/api/users/${priyaId}/sign-out-everywhere`);
    expect(refused.statusCode).toBe(403);
    const done = await call(app, avery, 'POST', `/api/users/${priyaId}/sign-out-everywhere`);
    expect(done.json()).toMatchObject({ user: { name: 'Priya Raman' }, sessionsEnded: 1, tokensRevoked: 0 });
    expect((await call(app, priya, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await call(app, avery, 'GET', '/api/session')).statusCode).toBe(200);
  });

  async function me(c: Caller): Promise<{ id: string }> {
    return (await call(app, c, 'GET', '/api/session')).json<{ user: { id: string } }>().user;
  }
});
