// Control characters in what people type (issue 13 item 4): a NUL in a prospect's or a contact's
// name, a note, a person's name or a search answered 500 on PostgreSQL ("invalid byte sequence for
// encoding UTF8: 0x00") and was stored as it came on SQLite; an RTL override (U+202E) in a name
// reversed what the pages show after it. Now each is a 400 naming the field, on
// both dialects, and nothing is written; tabs and line breaks in a note are still text.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { call, caller } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import type { AppContext } from '../app/context.js';
import { createDemo } from '../app/demo/demo.js';
import { importFile } from '../app/import/import.js';
import type { User } from '../core/records.js';
import { users } from '../store/repositories/people.repository.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u000b', '\u202e'];

describeDialects('control characters in typed text on %s', (dialect) => {
  let t: TestDb;
  let app: Api;
  let dana: Caller;
  let avery: Caller;
  let prospectId = '';
  let danaId = '';
  let ctx: AppContext;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    await createDemo(ctx, { prospects: 3 });
    app = (await buildApp(ctx)).app;
    dana = await caller(app, 'dana@northwind.test');
    avery = await caller(app, 'avery@northwind.test');
    const r = await call(app, dana, 'POST', '/api/prospects', { name: 'Plain Co', contact: { name: 'Pat' } });
    prospectId = r.json<{ id: string }>().id;
    const row = await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'dana@northwind.test')
      .executeTakeFirstOrThrow();
    danaId = row.id;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const count = async () => (await t.db.kysely.selectFrom('prospects').select('id').execute()).length;

  it('refuses each, naming the field, and writes nothing', async () => {
    const before = await count();
    let attempts = 0;
    for (const c of CONTROLS) {
      const tries = [
        { url: '/api/prospects', body: { name: `Nul${c}Co`, contact: { name: 'Pat' } }, path: 'name' },
        { url: '/api/prospects', body: { name: 'Fine Co', contact: { name: `Pat${c}` } }, path: 'contact' },
        {
          url: `/api/prospects/${prospectId}/events`,
          body: { type: 'commitment', kind: 'call', due: '2026-03-12T16:00:00Z', description: `a${c}b` },
          path: 'description',
        },
      ];
      for (const x of tries) {
        attempts += 1;
        const r = await call(app, dana, 'POST', x.url, x.body);
        expect(r.statusCode, JSON.stringify(x.body)).toBe(400);
        expect(r.json()).toMatchObject({ code: 'INVALID_INPUT', path: x.path });
        expect(r.json<{ message: string }>().message).toMatch(/control characters, got U\+(00|202E)/);
      }
      attempts += 1;
      const user = await call(app, avery, 'PATCH', `/api/users/${danaId}`, { name: `Dana${c}` });
      expect(user.statusCode).toBe(400);
      expect(user.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'name' });
      attempts += 1;
      const search = await call(app, dana, 'GET', `/api/prospects?search=${encodeURIComponent(`a${c}`)}`);
      expect(search.statusCode).toBe(400);
      expect(search.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'search' });
    }
    expect(attempts).toBe(CONTROLS.length * 5);
    expect(await count()).toBe(before);
  }, 60_000);

  it('keeps tabs and line breaks in a note as text', async () => {
    const r = await call(app, dana, 'POST', `/api/prospects/${prospectId}/events`, {
      type: 'commitment',
      kind: 'call',
      due: '2026-03-12T16:00:00Z',
      description: 'line one\r\nline\ttwo\rthree',
    });
    expect(r.statusCode).toBe(201);
  });

  it('rejects an imported row (CSV or JSON Lines) with a control character, naming where, and keeps the rest', async () => {
    const [rep] = await users.findByEmail(t.db.kysely, 'dana@northwind.test');
    const dir = mkdtempSync(join(tmpdir(), 'pursuit-controls-'));
    const csv = join(dir, 'rows.csv');
    writeFileSync(
      csv,
      'prospect,contact,email,phone\r\nNul\u0000 Co,Pat,pat@nul.test,1\r\n' +
        'Bell Co,Pat,pat@bell.test,+44\u0007 1\r\nGood Co,Sam,sam@good.test,"+44 20\r\n7946"\r\n',
    );
    const report = await importFile(ctx, rep as User, { path: csv, skipBad: true });
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'prospect.name: expected text without control characters, got U+0000'],
      [3, 'contacts.0.phone: expected text without control characters, got U+0007'],
    ]);
    expect(report.prospects.created).toBe(1);
    const jsonl = join(dir, 'rows.jsonl');
    writeFileSync(
      jsonl,
      `${JSON.stringify({ prospect: { id: 'x1', name: 'Json\u0000Co' }, contacts: [], events: [] })}\n`,
    );
    const json = await importFile(ctx, rep as User, { path: jsonl, skipBad: true });
    expect(json.rejected.map((r) => r.reason)).toEqual([
      'prospect.name: expected text without control characters, got U+0000',
    ]);
  }, 60_000);
});
