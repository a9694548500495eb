// Behind a reverse proxy (issue 15 item 3, issue 16 item 2): forwarded headers are believed only from
// the proxies PURSUIT_TRUST_PROXY names (or within its hop count). Then a TLS proxy's
// X-Forwarded-Proto makes the session cookie Secure and sends HSTS and upgrade-insecure-requests,
// and sign-in limits count the client's own address. Without it, forwarded headers change nothing,
// and a plain-HTTP request never gets HSTS or upgrade-insecure-requests.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import type { AppContext } from '../app/context.js';
import type { TrustProxy } from '../app/config.js';
import { SIGN_IN_LIMIT } from '../app/accounts/credentials.js';
import { createDemo, DEMO_PASSWORD } from '../app/demo/demo.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const PROXY = '10.0.0.5';
const clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));

interface Via {
  from: string;
  forwardedFor?: string;
  proto?: string;
}

function headersOf(via: Via): Record<string, string> {
  return {
    ...(via.forwardedFor === undefined ? {} : { 'x-forwarded-for': via.forwardedFor }),
    ...(via.proto === undefined ? {} : { 'x-forwarded-proto': via.proto }),
  };
}

function signIn(app: Api, email: string, password: string, via: Via) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    remoteAddress: via.from,
    headers: headersOf(via),
  });
}

/** Wrong passwords on distinct unknown emails, so only the per-address limit can refuse them. */
async function failures(app: Api, count: number, via: (i: number) => Via): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await signIn(app, `someone-${i}-${clock.t}@elsewhere.test`, 'wrong password', via(i));
    statuses.push(r.statusCode);
  }
  return statuses;
}

/** The session cookie's attributes after a good sign-in. */
async function sessionCookie(app: Api, via: Via) {
  const r = await signIn(app, 'dana@northwind.test', DEMO_PASSWORD, via);
  expect(r.statusCode, r.body).toBe(200);
  return r.cookies.find((c) => c.name === 'pursuit_session');
}

describe('forwarded headers and the transport', () => {
  let t: TestDb;
  let ctx: AppContext;
  const apps: Api[] = [];

  const appTrusting = async (trustProxy?: TrustProxy) => {
    const app = (await buildApp(ctx, trustProxy === undefined ? {} : { trustProxy })).app;
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    ctx = appContext(t.db, clock);
    await createDemo(ctx, { prospects: 3 });
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.drop();
  });

  it('ignores forwarded headers by default: no Secure cookie, no HSTS, the proxy address is limited', async () => {
    clock.advance(SIGN_IN_LIMIT.windowMs);
    const app = await appTrusting();
    const cookie = await sessionCookie(app, { from: PROXY, proto: 'https', forwardedFor: '203.0.113.7' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const page = await app.inject({
      url: '/api/health',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    // Fifty-one clients behind the proxy, as far as the headers say: all counted as the proxy.
    const statuses = await failures(app, SIGN_IN_LIMIT.perAddress + 1, (i) => ({
      from: PROXY,
      forwardedFor: `198.51.100.${i + 1}`,
    }));
    expect(statuses.slice(0, SIGN_IN_LIMIT.perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 120_000);

  it('believes a named proxy: Secure cookie, HSTS and upgrade-insecure-requests over its TLS, limits per real client', async () => {
    clock.advance(SIGN_IN_LIMIT.windowMs);
    const app = await appTrusting(['127.0.0.1', '10.0.0.0/24']);
    const cookie = await sessionCookie(app, { from: PROXY, proto: 'https', forwardedFor: '203.0.113.7' });
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    const page = await app.inject({
      url: '/api/health',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(page.headers['content-security-policy'])).toMatch(/;upgrade-insecure-requests$/);
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    // The proxy forwarding plain http: no Secure, no HSTS.
    expect((await sessionCookie(app, { from: PROXY, proto: 'http' }))?.secure).toBeUndefined();
    const plain = await app.inject({
      url: '/api/health',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['cross-origin-opener-policy']).toBeUndefined();
    // Someone else claiming https is not believed.
    expect((await sessionCookie(app, { from: '192.0.2.9', proto: 'https' }))?.secure).toBeUndefined();

    // Many clients behind one proxy: none is limited by the others' failures...
    const many = await failures(app, SIGN_IN_LIMIT.perAddress + 5, (i) => ({
      from: PROXY,
      forwardedFor: `198.51.100.${i + 1}`,
    }));
    expect(many.every((s) => s === 401)).toBe(true);
    // ...and one client is limited by its own, however the proxy's connection arrives.
    const one = await failures(app, SIGN_IN_LIMIT.perAddress + 1, () => ({
      from: PROXY,
      forwardedFor: '203.0.113.50',
    }));
    expect(one.at(-2)).toBe(401);
    expect(one.at(-1)).toBe(429);
    // A client cannot escape its limit by forging a header in front of the proxy's: the proxy appends.
    const forged = await signIn(app, 'x@elsewhere.test', 'wrong password', {
      from: PROXY,
      forwardedFor: '192.0.2.200, 203.0.113.50',
    });
    expect(forged.statusCode).toBe(429);
  }, 120_000);

  it('believes a hop count: the one proxy in front, whatever its address', async () => {
    const app = await appTrusting(1);
    const cookie = await sessionCookie(app, {
      from: '172.16.9.9',
      proto: 'https',
      forwardedFor: '203.0.113.8',
    });
    expect(cookie?.secure).toBe(true);
  });
});
