// What the server keeps in memory (who a cookie or token is, a rep's agenda) is never served after a
// change: not after a write through this server, not after another process's commit on the same
// database, and not after the clock has turned it over (a snooze ends, a new day begins).

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { actorFor } from '../app/accounts/workspace.js';
import { snooze } from '../app/prospects/logging.js';
import type { AppContext } from '../app/context.js';
import { createDemo } from '../app/demo/demo.js';
import type { Db } from '../store/database.js';
import { caller } from '../../test/support/api.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const HOUR = 3_600_000;

interface Day {
  now: string;
  date: string;
  availableMinutes: number;
  fitting: number;
  items: { prospect: { id: string; name: string }; fits: boolean }[];
}

/** Another process's notice arrives on its own: ask again for a bounded while. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

describeDialects('kept reads on %s', (dialect) => {
  let t: TestDb;
  let clock: TestClock;
  let ctx: AppContext;
  let other: Db;
  let otherCtx: AppContext;
  let app: Api;
  let cookie: string;

  const day = async (headers: Record<string, string> = { cookie }) =>
    app.inject({ url: '/api/agenda', headers });

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    clock = new TestClock(NOW);
    ctx = appContext(t.db, clock);
    await createDemo(ctx, { prospects: 60 });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    other = await t.another();
    otherCtx = appContext(other, clock);
    cookie = (await caller(app, 'dana@northwind.test')).cookie;
  });

  afterAll(async () => {
    await app.close();
    await other.close();
    await t.drop();
  });

  it('answers a repeated agenda the same, with the clock moving the time left', async () => {
    const first = (await day()).json<Day>();
    expect(first.items.length).toBeGreaterThan(0);
    clock.advance(30 * 60_000);
    const again = (await day()).json<Day>();
    expect(again.items.map((i) => i.prospect.id)).toEqual(first.items.map((i) => i.prospect.id));
    expect(again.now).not.toBe(first.now);
    expect(again.availableMinutes).toBe(Math.max(0, first.availableMinutes - 30));
    expect(again.items.filter((i) => i.fits)).toHaveLength(again.fitting);
  });

  it("shows another process's snooze, and the prospect again when the snooze ends", async () => {
    const before = (await day()).json<Day>();
    const target = before.items[0]?.prospect as { id: string; name: string };
    const dana = await actorFor(otherCtx, 'dana@northwind.test');
    await snooze(otherCtx, dana, target.id, new Date(clock.t + 2 * HOUR).toISOString());
    const hidden = await eventually(
      async () => (await day()).json<Day>(),
      (d) => !d.items.some((i) => i.prospect.id === target.id),
    );
    expect(hidden.items.map((i) => i.prospect.id)).not.toContain(target.id);
    clock.advance(2 * HOUR + 1);
    const back = (await day()).json<Day>();
    expect(back.items.map((i) => i.prospect.id)).toContain(target.id);
  });

  it('turns the day over at the rep’s midnight', async () => {
    const today = (await day()).json<Day>();
    clock.advance(24 * HOUR);
    const tomorrow = (await day()).json<Day>();
    expect(tomorrow.date).not.toBe(today.date);
    clock.t = NOW;
  });

  it('refuses a session ended by another process, and a token revoked here, at once', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': await csrf() },
      payload: { name: 'script' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { token, id } = made.json<{ token: string; id: string }>();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await day(bearer)).statusCode).toBe(200);
    expect((await day(bearer)).statusCode).toBe(200);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${id}`,
      headers: { cookie, 'x-csrf-token': await csrf() },
    });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    expect((await day(bearer)).statusCode).toBe(401);

    expect((await day()).statusCode).toBe(200);
    await other.kysely.deleteFrom('sessions').execute();
    const refused = await eventually(day, (r) => r.statusCode === 401);
    expect(refused.statusCode).toBe(401);
  });

  async function csrf(): Promise<string> {
    const r = await app.inject({ url: '/api/session', headers: { cookie } });
    return r.json<{ csrf: string }>().csrf;
  }
});
