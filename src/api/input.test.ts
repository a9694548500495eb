// How the API answers bad input and its own faults (issues 15 and 16): a JSON body taken as sent (no
// coercion), the framework's body refusals naming the body or the header, a 500 that says only which
// request it was (the cause logged under that id), a JSON 404 for unknown addresses under /api signed
// in or not, and search that takes % and _ as themselves (SQLite and PostgreSQL).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { call, caller } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import type { AppContext } from '../app/context.js';
import { createDemo } from '../app/demo/demo.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('API input on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let dana: Caller;
  let prospectId: string;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 10 });
    const webRoot = mkdtempSync(join(tmpdir(), 'pursuit-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Pursuit</title>');
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    app = (await buildApp(ctx, { checkAnswers: true, webRoot, logLevel: 'error', logStream: logs })).app;
    dana = await caller(app, 'dana@northwind.test');
    const list = await call(app, dana, 'GET', '/api/prospects?limit=1');
    prospectId = list.json<{ items: { id: string }[] }>().items[0]?.id as string;
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('takes a JSON body as sent: a wrong type is a 400 naming the field, never coerced', async () => {
    const patch = (body: unknown) => call(app, dana, 'PATCH', `/api/prospects/${prospectId}`, body);
    for (const [body, path] of [
      [{ dealValue: ' ' }, 'dealValue'],
      [{ dealValue: true }, 'dealValue'],
      [{ dealValue: '1000' }, 'dealValue'],
      [{ serious: 0 }, 'serious'],
      [{ serious: 'false' }, 'serious'],
      [{ doNotContact: 'false' }, 'doNotContact'],
      [{ contact: { doNotContact: 1 } }, 'contact.doNotContact'],
    ] as const) {
      const r = await patch(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json(), JSON.stringify(body)).toMatchObject({ code: 'INVALID_INPUT', path });
    }
    const flag = await patch({ serious: 0 });
    expect(flag.json<{ message: string }>().message).toBe(
      'serious in the body must be true or false or null, not a whole number',
    );
    // Proper types still work; query strings are still converted.
    expect((await patch({ dealValue: 1000, serious: false })).statusCode).toBe(200);
    expect((await call(app, dana, 'GET', '/api/prospects?limit=2')).statusCode).toBe(200);
  });

  it("answers the framework's own body refusals with the body or the header as the path", async () => {
    const send = (payload: string, type: string) =>
      app.inject({
        method: 'POST',
        url: '/api/prospects',
        headers: { cookie: dana.cookie, 'x-csrf-token': dana.csrf, 'content-type': type },
        payload,
      });
    const cases = [
      [await send('"just text"', 'application/json'), 400, 'body', /body must be an object, not text/],
      [await send('{"name":', 'application/json'), 400, 'body', /not valid JSON/],
      [await send('', 'application/json'), 400, 'body', /body is empty/],
      [
        await send('<a/>', 'application/xml'),
        415,
        'content-type',
        /does not take a body of type "application\/xml"/,
      ],
      [await send('name\nAcme', 'text/csv'), 400, 'content-type', /takes a JSON body/],
      [
        await send(`{"name":"${'x'.repeat(1_100_000)}"}`, 'application/json'),
        413,
        'body',
        /larger than the 1 MB/,
      ],
    ] as const;
    for (const [r, status, path, message] of cases) {
      expect(r.statusCode).toBe(status);
      expect(r.json()).toMatchObject({
        code: 'INVALID_INPUT',
        path,
        message: expect.stringMatching(message),
      });
    }
  });

  it('answers a fault with a neutral message and the request id, and logs the cause under it', async () => {
    const touch = { type: 'touch', channel: 'call', outcome: 'no-answer' };
    expect((await call(app, dana, 'POST', `/api/prospects/${prospectId}/events`, touch)).statusCode).toBe(
      201,
    );
    // A database changed by hand under the server: an event whose stored JSON is cut short.
    await sql`update events set data = ${'{"type":"touch","at":'} where prospect_id = ${prospectId}`.execute(
      t.db.kysely,
    );
    try {
      // Logging a call reads the prospect's history to decide again: the engine meets the bad row.
      const r = await call(app, dana, 'POST', `/api/prospects/${prospectId}/events`, touch);
      expect(r.statusCode, r.body).toBe(500);
      const id = r.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const body = r.json<{ code: string; message: string }>();
      expect(body.code).toBe('INTERNAL_ERROR');
      expect(body.message).toContain(id);
      expect(body.message).not.toMatch(/JSON|position|Unexpected|scenario/i);
      const line = logged.find((l) => l.includes(id));
      expect(line).toBeDefined();
      expect(line).toMatch(/JSON/);
    } finally {
      await sql`delete from events where prospect_id = ${prospectId}`.execute(t.db.kysely);
    }
  });

  it('answers an unknown address under /api with a JSON 404, signed in or not; other pages are the app', async () => {
    for (const headers of [{}, { cookie: dana.cookie }]) {
      for (const url of ['/api/nonexistent', '/api/prospects/x/nothing', '/api']) {
        const r = await app.inject({ url, headers });
        expect(r.statusCode, url).toBe(404);
        expect(r.headers['content-type']).toMatch(/^application\/json/);
        expect(r.json()).toMatchObject({ code: 'NOT_FOUND', path: 'url' });
      }
    }
    const page = await app.inject('/prospects/abc');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('searches for % and _ as themselves, in any case', async () => {
    for (const name of ['100% Growth Ltd', 'Under_score Inc', 'Undersea Cables']) {
      const contact = { name: 'Pat Doe', email: `pat${name.length}@${name.length}.test` };
      const r = await call(app, dana, 'POST', '/api/prospects', { name, contact });
      expect(r.statusCode, r.body).toBe(201);
    }
    const names = async (search: string) =>
      (await call(app, dana, 'GET', `/api/prospects?limit=500&search=${encodeURIComponent(search)}`))
        .json<{ items: { name: string }[] }>()
        .items.map((p) => p.name);
    expect(await names('%')).toEqual(['100% Growth Ltd']);
    expect(await names('under_')).toEqual(['Under_score Inc']);
    expect(await names('nde_s')).toEqual([]);
    expect(await names('UNDERSEA')).toEqual(['Undersea Cables']);
    expect(await names('\\')).toEqual([]);
  });
});
