// The Idempotency-Key is written in the same transaction as the write it guards (issue 16, item 11):
// a server that dies after the commit but before recording its answer cannot let a retry write
// twice, and of two identical requests racing on two processes only one writes.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { caller, headersOf } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { sha256 } from '../app/accounts/credentials.js';
import { actorFor } from '../app/accounts/workspace.js';
import type { AppContext } from '../app/context.js';
import { createDemo } from '../app/demo/demo.js';
import { IdempotentRequest } from '../app/idempotency.js';
import { logEvent } from '../app/prospects/logging.js';
import type { Db } from '../store/database.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const TOUCH = { type: 'touch', channel: 'call', outcome: 'voicemail' } as const;

describeDialects('an Idempotency-Key on %s', (dialect) => {
  let t: TestDb;
  let second: Db;
  let ctx: AppContext;
  let one: Api;
  let two: Api;
  let dana: Caller;
  let prospect: string;

  const events = async () =>
    (await one.inject({ method: 'GET', url: `/api/prospects/${prospect}`, headers: headersOf(dana) })).json<{
      events: unknown[];
    }>().events.length;
  const send = (app: Api, key: string) =>
    app.inject({
      method: 'POST',
      url: `/api/prospects/${prospect}/events`,
      headers: { ...headersOf(dana), 'idempotency-key': key },
      payload: TOUCH,
    });

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const clock = new TestClock(NOW);
    ctx = appContext(t.db, clock);
    await createDemo(ctx, { prospects: 30 });
    second = await t.another();
    one = (await buildApp(ctx, { checkAnswers: true })).app;
    two = (await buildApp(appContext(second, clock), { checkAnswers: true })).app;
    dana = await caller(one, 'dana@northwind.test');
    const list = await one.inject({ method: 'GET', url: '/api/prospects?limit=1', headers: headersOf(dana) });
    prospect = list.json<{ items: { id: string }[] }>().items[0]?.id as string;
  }, 120_000);

  afterAll(async () => {
    await one.close();
    await two.close();
    await second.close();
    await t.drop();
  });

  it('is not carried out again when the server stopped between the commit and its answer', async () => {
    const actor = await actorFor(ctx, 'dana@northwind.test');
    const key = 'crash-between-commit-and-answer';
    const request = `POST /api/prospects/${prospect}/events ${sha256(JSON.stringify(TOUCH))}`;
    const before = await events();
    // The write commits with its key; the answer is never recorded (the process died).
    const crashed = new IdempotentRequest(ctx, actor.id, key, request);
    await crashed.run(() => logEvent(ctx, actor, prospect, TOUCH));
    expect(await events()).toBe(before + 1);

    for (const app of [one, two]) {
      const retry = await send(app, key);
      expect(retry.statusCode, retry.body).toBe(409);
      expect(retry.json()).toMatchObject({ code: 'CONFLICT', path: 'idempotency-key' });
    }
    expect(await events()).toBe(before + 1);
  });

  it('writes once when the same request races on two processes, and replays it after', async () => {
    const before = await events();
    const key = 'racing-duplicates-0001';
    const answers = await Promise.all([send(one, key), send(two, key), send(one, key), send(two, key)]);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201).length, JSON.stringify(statuses)).toBeGreaterThanOrEqual(1);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(await events()).toBe(before + 1);
    const later = await send(two, key);
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replay']).toBe('true');
    const first = answers.find((a) => a.statusCode === 201 && a.headers['idempotent-replay'] === undefined);
    expect(later.json()).toEqual(first?.json());
    expect(await events()).toBe(before + 1);
  });

  it('writes nothing for a refused request, and a new key is carried out', async () => {
    const before = await events();
    const key = 'rolled-back-0001';
    const refused = await one.inject({
      method: 'POST',
      url: `/api/prospects/${prospect}/events`,
      headers: { ...headersOf(dana), 'idempotency-key': key },
      payload: { type: 'touch', channel: 'call', outcome: 'sent' },
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    expect(await events()).toBe(before);
    const fresh = await send(one, 'rolled-back-0002');
    expect(fresh.statusCode).toBe(201);
    expect(await events()).toBe(before + 1);
  });
});
