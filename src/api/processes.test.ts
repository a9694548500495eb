// Several server processes on one database agree: a session made on one works on the other, a
// retried write with its Idempotency-Key is replayed by whichever process gets the retry, sign-in
// attempts are counted together, and what one process writes the other shows next (its kept reads
// are let go). Two apps on two connections of their own stand for two processes.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, caller, headersOf, signIn } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { createDemo } from '../app/demo/demo.js';
import type { Db } from '../store/database.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

interface Day {
  items: { prospect: { id: string }; decision: { action: string } }[];
}

describeDialects('two server processes on one %s database', (dialect) => {
  let t: TestDb;
  let second: Db;
  let one: Api;
  let two: Api;
  let dana: Caller;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const clock = new TestClock(NOW);
    await createDemo(appContext(t.db, clock), { prospects: 40 });
    second = await t.another();
    one = (await buildApp(appContext(t.db, clock), { checkAnswers: true })).app;
    two = (await buildApp(appContext(second, clock), { checkAnswers: true })).app;
    dana = await caller(one, 'dana@northwind.test');
  });

  afterAll(async () => {
    await one.close();
    await two.close();
    await second.close();
    await t.drop();
  });

  it('serves a session made by the other, and replays a retry the other answered', async () => {
    const day = (await call(two, dana, 'GET', '/api/agenda')).json<Day>();
    const target = day.items.find((i) => i.decision.action === 'follow-up') ?? day.items[0];
    const url = `/api/prospects/${target?.prospect.id ?? ''}/events`;
    const payload = { type: 'touch', channel: 'call', outcome: 'voicemail' };
    const headers = { ...headersOf(dana), 'idempotency-key': 'two-processes-0001' };
    const first = await one.inject({ method: 'POST', url, headers, payload });
    const retry = await two.inject({ method: 'POST', url, headers, payload });
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json()).toEqual(first.json());
  });

  it('counts sign-in attempts on one email across both', async () => {
    for (let i = 0; i < 10; i += 1) {
      const app = i % 2 === 0 ? one : two;
      expect((await signIn(app, 'tom@northwind.test', 'wrong-password')).statusCode).toBe(401);
    }
    expect((await signIn(one, 'tom@northwind.test')).statusCode).toBe(429);
    expect((await signIn(two, 'tom@northwind.test')).statusCode).toBe(429);
  });

  it('shows on one what was logged on the other, even right after reading it', async () => {
    const before = (await call(one, dana, 'GET', '/api/agenda')).json<Day>();
    const target = before.items[0]?.prospect.id as string;
    const logged = await call(two, dana, 'POST', `/api/prospects/${target}/snooze`, {
      until: '2026-03-12T15:00:00Z',
    });
    expect(logged.statusCode, logged.body).toBeLessThan(300);
    let after = (await call(one, dana, 'GET', '/api/agenda')).json<Day>();
    // PostgreSQL's notice of the other's commit arrives on its own: ask again a bounded while.
    for (let i = 0; i < 100 && after.items.some((x) => x.prospect.id === target); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      after = (await call(one, dana, 'GET', '/api/agenda')).json<Day>();
    }
    expect(after.items.map((x) => x.prospect.id)).not.toContain(target);
  });
});
