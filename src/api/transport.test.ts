// The security headers, written once by helmet at start (transport.ts): the same on every answer,
// refusals and the web app's pages included, and only over TLS the ones that need it.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';
import { HSTS, helmetHeaders } from './transport.js';

const POLICY =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
  "frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';" +
  "script-src-attr 'none';style-src 'self' 'unsafe-inline'";

// What helmet 8 sends with transport.ts's options, as @fastify/helmet sent it before.
const PLAIN = {
  'content-security-policy': POLICY,
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  let t: TestDb;
  let app: Api;
  let web: string;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    web = mkdtempSync(join(tmpdir(), 'pursuit-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Pursuit</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
    const ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    app = (await buildApp(ctx, { webRoot: web, trustProxy: ['127.0.0.1'] })).app;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
    rmSync(web, { recursive: true, force: true });
  });

  const securityHeaders = (headers: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(headers).filter(
        ([name]) =>
          name in PLAIN || name === 'strict-transport-security' || name === 'cross-origin-opener-policy',
      ),
    );

  it('are what helmet writes for the options given', () => {
    expect(helmetHeaders({ strictTransportSecurity: false })).toMatchObject({
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(
      helmetHeaders({ contentSecurityPolicy: false, strictTransportSecurity: { maxAge: 60 } }),
    ).toMatchObject({ 'strict-transport-security': 'max-age=60; includeSubDomains' });
  });

  it('go with every answer: JSON, a refusal, an unknown address, a page and a file of the web app', async () => {
    for (const url of [
      '/readyz',
      '/api/agenda',
      '/api/nothing-here',
      '/',
      '/prospects/x',
      '/assets/app.js',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect(securityHeaders(r.headers), `${url} (${r.statusCode})`).toEqual(PLAIN);
    }
  });

  it('over TLS add HSTS, the opener policy and upgrade-insecure-requests', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/agenda',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(r.statusCode).toBe(401);
    expect(securityHeaders(r.headers)).toEqual({
      ...PLAIN,
      'content-security-policy': `${POLICY};upgrade-insecure-requests`,
      'strict-transport-security': HSTS,
      'cross-origin-opener-policy': 'same-origin',
    });
  });
});
