// The do-not-contact list over HTTP: admins list it (search, lifted entries too), add to it and lift
// an entry with a reason; anyone else is refused; bad input names its field. The answers are checked
// against their declared shapes (checkAnswers).

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  team,
} from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import type { AppContext } from '../app/context.js';
import { createToken } from '../app/accounts/tokens.js';
import { addProspect } from '../app/prospects/prospects.js';
import { logEvent } from '../app/prospects/logging.js';
import { showProspect } from '../app/prospects/reading.js';
import type { User } from '../core/records.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('the do-not-contact list over HTTP on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let dana: User;
  let eli: User;
  const tokens: Record<string, string> = {};

  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who] ?? ''}` },
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    let admin: User;
    ({ admin, dana, eli } = await team(ctx));
    for (const [name, user] of [
      ['admin', admin],
      ['dana', dana],
    ] as const)
      tokens[name] = (await createToken(ctx, user, 'test')).token;
    await addProspect(ctx, dana, { name: 'Acme', contact: { name: 'Pat', email: 'pat@acme.test' } });
    await logEvent(ctx, dana, 'Acme', { type: 'response', channel: 'email', sentiment: 'unsubscribe' });
    await addProspect(ctx, eli, { name: 'Acme Again', contact: { name: 'Pat', email: 'pat@acme.test' } });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('lists the entries to an admin, and to nobody else', async () => {
    const list = await as('admin', 'GET', '/api/suppressions?search=pat%40');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject([
      { kind: 'email', value: 'pat@acme.test', source: 'logged', createdBy: dana.id, inForce: true },
    ]);
    expect(list.json<{ createdAt: string }[]>()[0]?.createdAt).toBe(new Date(NOW).toISOString());
    const refused = await as('dana', 'GET', '/api/suppressions');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', path: 'suppressions' });
    expect((await app.inject({ method: 'GET', url: '/api/suppressions' })).statusCode).toBe(401);
    // % and _ are letters here, not wildcards.
    expect((await as('admin', 'GET', '/api/suppressions?search=%25')).json()).toEqual([]);
  });

  it('adds a number by hand, naming a bad field', async () => {
    const added = await as('admin', 'POST', '/api/suppressions', { phone: '+44 20 7946 0958' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject([{ kind: 'phone', value: '442079460958', source: 'manual' }]);
    const bad = await as('admin', 'POST', '/api/suppressions', { email: 'nobody' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'email' });
    expect((await as('dana', 'POST', '/api/suppressions', { email: 'x@y.test' })).statusCode).toBe(403);
  });

  it('lifts an entry with a reason, and the record it held is decided again', async () => {
    const [entry] = (await as('admin', 'GET', '/api/suppressions?search=acme')).json<{ id: string }[]>();
    const url = `/api/suppressions/${entry?.id ?? ''}/lift`;
    expect((await as('admin', 'POST', url, {})).json()).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await as('dana', 'POST', url, { reason: 'consent' })).statusCode).toBe(403);
    expect((await showProspect(ctx, eli, 'Acme Again')).decision?.action).toBe('stop');
    const lifted = await as('admin', 'POST', url, { reason: 'gave consent again by phone' });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ inForce: false, removalReason: 'gave consent again by phone' });
    expect((await showProspect(ctx, eli, 'Acme Again')).decision?.action).not.toBe('stop');
    expect((await as('admin', 'POST', url, { reason: 'again' })).statusCode).toBe(409);
    const all = (await as('admin', 'GET', '/api/suppressions?all=true&search=acme')).json();
    expect(all).toMatchObject([{ inForce: false }]);
    expect((await as('admin', 'POST', '/api/suppressions/nope/lift', { reason: 'x' })).statusCode).toBe(404);
  });
});
