// A browser that has the agenda asks whether it still holds (If-None-Match with its ETag): the answer
// is 304 without a body while it does, and the whole agenda again once the clock's minute, a write
// or the day has changed it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { actorFor } from '../app/accounts/workspace.js';
import { snooze } from '../app/prospects/logging.js';
import type { AppContext } from '../app/context.js';
import { createDemo } from '../app/demo/demo.js';
import { caller } from '../../test/support/api.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';
import { matchesTag } from './routes/day.routes.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

interface Day {
  now: string;
  items: { prospect: { id: string } }[];
}

describeDialects('agenda revalidation on %s', (dialect) => {
  let t: TestDb;
  let clock: TestClock;
  let ctx: AppContext;
  let app: Api;
  let cookie: string;

  const day = async (headers: Record<string, string> = {}) =>
    app.inject({ url: '/api/agenda', headers: { cookie, ...headers } });

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    clock = new TestClock(NOW);
    ctx = appContext(t.db, clock);
    await createDemo(ctx, { prospects: 40 });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    cookie = (await caller(app, 'dana@northwind.test')).cookie;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('answers 304 without a body while the agenda holds, the same tag plain or gzipped', async () => {
    const first = await day();
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const gzipped = await day({ 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.etag).toBe(etag);

    const same = await day({ 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers['content-length']).toBeUndefined();
    expect(same.headers['content-type']).toBeUndefined();
    expect(same.headers.etag).toBe(etag);
    expect((await day({ 'if-none-match': 'W/"other", ' + etag })).statusCode).toBe(304);
    const other = await day({ 'if-none-match': 'W/"other"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('answers the whole agenda again after a minute and after a write', async () => {
    const first = await day();
    const etag = String(first.headers.etag);
    clock.advance(60_000);
    const later = await day({ 'if-none-match': etag });
    expect(later.statusCode).toBe(200);
    expect(later.json<Day>().now).not.toBe(first.json<Day>().now);
    const laterTag = String(later.headers.etag);
    expect(laterTag).not.toBe(etag);

    const target = later.json<Day>().items[0]?.prospect.id as string;
    const dana = await actorFor(ctx, 'dana@northwind.test');
    await snooze(ctx, dana, target, new Date(clock.t + 3_600_000).toISOString());
    const written = await day({ 'if-none-match': laterTag });
    expect(written.statusCode).toBe(200);
    expect(written.json<Day>().items.map((i) => i.prospect.id)).not.toContain(target);
  });
});

describe('If-None-Match', () => {
  it('compares tags weakly, in a list, and takes *', () => {
    expect(matchesTag(undefined, 'W/"a"')).toBe(false);
    expect(matchesTag('W/"a"', 'W/"a"')).toBe(true);
    expect(matchesTag('"a"', 'W/"a"')).toBe(true);
    expect(matchesTag('"b" , W/"a"', 'W/"a"')).toBe(true);
    expect(matchesTag('*', 'W/"a"')).toBe(true);
    expect(matchesTag('"ab"', 'W/"a"')).toBe(false);
  });
});
