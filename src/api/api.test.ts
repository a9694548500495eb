// The HTTP API through inject() on a real database (SQLite file and PostgreSQL), with the demo
// organisation: signing in (cookie + anti-forgery token, or a bearer token), who may do what to
// whose prospects, validation errors that name the field, idempotent retries, lead intake.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import type { AppContext } from '../app/context.js';
import { createDemo, DEMO_PASSWORD } from '../app/demo/demo.js';
import { call, caller, signIn as signInTo } from '../../test/support/api.js';
import type { Caller, Method } from '../../test/support/api.js';
import { saveSimulation } from '../app/model/simulations.js';
import { runSimulation } from '../app/model/simulate.js';
import { actorFor } from '../app/accounts/workspace.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('the API on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  const callers: Record<string, Caller> = {};
  let danaProspect: string;

  const signIn = (email: string, password = DEMO_PASSWORD) => signInTo(app, email, password);
  const as = (who: string, method: Method, url: string, payload?: unknown) =>
    call(app, callers[who] as Caller, method, url, payload);

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 90 });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    for (const name of ['dana', 'luis', 'morgan', 'avery']) {
      callers[name] = await caller(app, `${name}@northwind.test`);
    }
    const list = await as('dana', 'GET', '/api/prospects?limit=200');
    const items = list.json<{ items: { id: string; decision: { action: string } | null }[] }>().items;
    danaProspect = (items.find((p) => p.decision?.action === 'follow-up') ?? items[0])?.id as string;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('answers health and readiness without signing in', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready', database: dialect });
  });

  it('refuses the API without a session or token, as JSON with a stable code', async () => {
    const r = await app.inject('/api/agenda');
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const bad = await app.inject({ url: '/api/agenda', headers: { authorization: 'Bearer pst_nope' } });
    expect(bad.statusCode).toBe(401);
  });

  it('signs in with the right password only, with an http-only, same-site cookie', async () => {
    const wrong = await signIn('dana@northwind.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'wrong email or password',
      path: 'password',
    });
    const unknown = await signIn('nobody@northwind.test');
    expect(unknown.json()).toEqual(wrong.json());
    const ok = await signIn('priya@northwind.test');
    const cookie = ok.cookies.find((k) => k.name === 'pursuit_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(ok.json()).toMatchObject({ user: { email: 'priya@northwind.test', role: 'rep' } });
    expect(ok.headers['x-frame-options']).toBeDefined();
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('limits sign-in attempts on one email, then refuses even the right password for a while', async () => {
    for (let i = 0; i < 10; i += 1)
      expect((await signIn('tom@northwind.test', 'wrong-password')).statusCode).toBe(401);
    const limited = await signIn('tom@northwind.test');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('lets a whole office behind one address sign in again and again', async () => {
    const office = async (email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: DEMO_PASSWORD },
        remoteAddress: '10.0.0.7',
      });
    for (let i = 0; i < 60; i += 1) {
      const r = await office(['dana', 'luis', 'priya'][i % 3] + '@northwind.test');
      expect(r.statusCode, `sign-in ${i}`).toBe(200);
    }
    // Sixty argon2 verifications: seconds on a loaded machine.
  }, 60_000);

  it("refuses a browser's change without the session's anti-forgery token", async () => {
    const c = callers.dana as Caller;
    const r = await app.inject({ method: 'POST', url: '/api/undo', headers: { cookie: c.cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'CSRF_FAILED' });
  });

  it('lets a rep see and change only their own prospects; a manager their team; an admin everyone', async () => {
    const read = (who: string) => as(who, 'GET', `/api/prospects/${danaProspect}`);
    const edit = (who: string) => as(who, 'PATCH', `/api/prospects/${danaProspect}`, { dealValue: 30000 });
    const log = (who: string) =>
      as(who, 'POST', `/api/prospects/${danaProspect}/events`, {
        type: 'touch',
        channel: 'email',
        outcome: 'sent',
        at: '2026-03-10 08:00',
      });
    const expected: Record<string, number[]> = {
      dana: [200, 200, 201],
      morgan: [200, 200, 201],
      avery: [200, 200, 201],
      luis: [404, 404, 404],
    };
    for (const [who, statuses] of Object.entries(expected)) {
      const got = [(await read(who)).statusCode, (await edit(who)).statusCode, (await log(who)).statusCode];
      expect(got, who).toEqual(statuses);
    }
    const page = (await read('dana')).json<{
      dealValue: number;
      events: { loggedAt: string; loggedBy: string }[];
    }>();
    expect(page.dealValue).toBe(30000);
    expect(
      new Set(page.events.filter((e) => e.loggedAt === '2026-03-10T15:00:00.000Z').map((e) => e.loggedBy))
        .size,
    ).toBe(3);
    const luisList = (await as('luis', 'GET', '/api/prospects?limit=500')).json<{
      items: { id: string }[];
    }>();
    expect(luisList.items.map((p) => p.id)).not.toContain(danaProspect);
  });

  it('names the bad field of a request', async () => {
    const unknownField = await as('dana', 'POST', `/api/prospects/${danaProspect}/events`, {
      type: 'touch',
      colour: 'red',
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'colour' });
    const badOutcome = await as('dana', 'POST', `/api/prospects/${danaProspect}/events`, {
      type: 'touch',
      channel: 'call',
      outcome: 'sent',
    });
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.json()).toMatchObject({ code: 'INVALID_INPUT' });
    expect(badOutcome.json<{ path: string }>().path).toMatch(/outcome/);
    const badLimit = await as('dana', 'GET', '/api/prospects?limit=0');
    expect(badLimit.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'limit' });
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.body).not.toMatch(/at .*\.js/);
  });

  it('logs a touch once however often the same request is retried with its Idempotency-Key', async () => {
    const c = callers.dana as Caller;
    const send = (payload: Record<string, unknown>, key = 'retry-key-0001') =>
      app.inject({
        method: 'POST',
        url: `/api/prospects/${danaProspect}/events`,
        headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'idempotency-key': key },
        payload,
      });
    const before = (await as('dana', 'GET', `/api/prospects/${danaProspect}`)).json<{ events: unknown[] }>()
      .events.length;
    const touch = { type: 'touch', channel: 'call', outcome: 'voicemail' };
    const first = await send(touch);
    const again = await send(touch);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const after = (await as('dana', 'GET', `/api/prospects/${danaProspect}`)).json<{ events: unknown[] }>()
      .events.length;
    expect(after).toBe(before + 1);
    const other = await send({ ...touch, outcome: 'no-answer' });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
  });

  it('shows everyone the stopping model in force, the published figures until calibrated', async () => {
    const model = await as('dana', 'GET', '/api/model');
    expect(model.statusCode).toBe(200);
    expect(model.json()).toMatchObject({ version: 'prior@1', calibrated: false, low: null });
    expect(model.json<{ curve: { neverReached: number[] } }>().curve.neverReached).toHaveLength(12);
    expect((await app.inject('/api/model')).statusCode).toBe(401);
  });

  it("shows the team's last saved simulation, and none before one is saved", async () => {
    expect((await as('dana', 'GET', '/api/simulations/latest')).json()).toEqual({ simulation: null });
    const avery = await actorFor(ctx, 'avery@northwind.test');
    const report = await runSimulation({
      world: { name: 'default' },
      seeds: 2,
      days: 5,
      reps: 2,
      defaultPlaybookText: ctx.defaultPlaybookText,
    });
    await saveSimulation(ctx, avery, 'default', report);
    const latest = await as('dana', 'GET', '/api/simulations/latest');
    expect(latest.json()).toMatchObject({
      simulation: {
        world: 'default',
        createdAt: '2026-03-10T15:00:00.000Z',
        report: { seeds: report.seeds },
      },
    });
  });

  it('takes a lead from a form with an API token, and tells its owner at once', async () => {
    const made = await as('avery', 'POST', '/api/tokens', { name: 'website form' });
    expect(made.statusCode).toBe(201);
    const token = made.json<{ token: string; id: string }>();
    expect(token.token).toMatch(/^pst_/);
    const lead = await app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { authorization: `Bearer ${token.token}` },
      payload: {
        company: 'Brightwave Labs',
        contact: { name: 'Jo Park', email: 'jo@brightwave.test', phone: '+1 555 0177' },
        owner: 'dana@northwind.test',
        via: 'pricing page form',
      },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json()).toMatchObject({
      decision: { rule: 'speed-to-lead', action: 'follow-up', channel: 'call' },
    });
    const inbox = (await as('dana', 'GET', '/api/notifications?unread=true')).json<{ message: string }[]>();
    expect(inbox[0]?.message).toMatch(/^New inbound lead: Jo Park at Brightwave Labs \(pricing page form\)/);
    const day = (await as('dana', 'GET', '/api/agenda')).json<{ items: { prospect: { name: string } }[] }>();
    expect(day.items.map((i) => i.prospect.name)).toContain('Brightwave Labs');
    expect((await as('avery', 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
    const revoked = await app.inject({
      url: '/api/agenda',
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('lets an admin preview and put in force a new playbook; a bad one names its setting', async () => {
    const current = (await as('dana', 'GET', '/api/playbook')).json<{ document: string; version: number }>();
    const stricter = current.document.replace(/hardMaximum: \d+/, 'hardMaximum: 9');
    expect(stricter).not.toBe(current.document);
    expect((await as('dana', 'POST', '/api/playbook/preview', { document: stricter })).statusCode).toBe(403);
    const bad = await as('avery', 'POST', '/api/playbook/preview', {
      document: current.document.replace(/hardMaximum: \d+/, 'hardMaximum: lots'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_PLAYBOOK', path: 'followUp.hardMaximum' });
    const preview = (await as('avery', 'POST', '/api/playbook/preview', { document: stricter })).json<{
      changed: number;
    }>();
    expect(preview.changed).toBeGreaterThan(0);
    expect((await as('dana', 'GET', '/api/playbook')).json()).toMatchObject({ version: current.version });
    const used = await as('avery', 'PUT', '/api/playbook', { document: stricter });
    expect(used.json()).toMatchObject({ version: current.version + 1, changed: preview.changed });
  });

  it('shows the agenda, the pipeline and the OpenAPI document', async () => {
    const day = (await as('dana', 'GET', '/api/agenda')).json<{
      items: { decision: { reason: string } }[];
      fitting: number;
    }>();
    expect(day.items.length).toBeGreaterThan(0);
    expect(day.items[0]?.decision.reason.length).toBeGreaterThan(10);
    const forbidden = await as('luis', 'GET', '/api/agenda?rep=dana');
    expect(forbidden.statusCode).toBe(403);
    const pipe = (await as('morgan', 'GET', '/api/pipeline')).json<{
      counts: Record<string, number>;
      total: number;
    }>();
    expect(Object.values(pipe.counts).reduce((a, b) => a + b, 0)).toBe(pipe.total);
    const boardAnswer = await as('morgan', 'GET', '/api/pipeline/board?limit=2');
    expect(boardAnswer.statusCode).toBe(200);
    const board = boardAnswer.json<{
      states: { count: number }[];
      columns: { count: number; cards: unknown[]; more: boolean }[];
      total: { count: number };
    }>();
    expect(board.states.reduce((a, s) => a + s.count, 0)).toBe(pipe.total);
    expect(board.total.count).toBe(pipe.total);
    for (const c of board.columns) {
      expect(c.cards.length).toBe(Math.min(2, c.count));
      expect(c.more).toBe(c.count > 2);
    }
    const badState = await as('morgan', 'GET', '/api/pipeline/board?state=won');
    expect(badState.statusCode).toBe(400);
    expect(badState.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'state' });
    expect((await as('luis', 'GET', '/api/pipeline/board?owner=dana')).statusCode).toBe(403);
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/agenda',
        '/api/pipeline/board',
        '/api/prospects/{id}/events',
        '/api/leads',
      ]),
    );
  });
});
