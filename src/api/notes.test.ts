// Notes over HTTP, on both dialects: add (201), list newest first, edit, delete (204); a rep may not
// change a manager's note (403) but sees it; a prospect or note the caller may not see is not found;
// an empty or over-long body is refused naming `body`; a retried add with the same Idempotency-Key
// writes one note; the prospect's page and decision are as they were.

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  TestClock,
  appContext,
  describeDialects,
  freshDatabase,
  team,
} from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { createToken } from '../app/accounts/tokens.js';
import { addUser } from '../app/accounts/workspace.js';
import type { AppContext } from '../app/context.js';
import { LIMITS } from '../app/limits.js';
import { addProspect } from '../app/prospects/prospects.js';
import type { Prospect } from '../core/records.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

interface NoteAnswer {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  mayChange: boolean;
}

describeDialects('notes over HTTP on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let clock: TestClock;
  let app: Api;
  const bearer: Record<string, string> = {};
  let acme: Prospect;
  let globex: Prospect;

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const as = (who: string, method: Method, url: string, payload?: object, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${bearer[who] ?? ''}`, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const notesOf = async (who: string, p: Prospect) => {
    const r = await as(who, 'GET', `/api/prospects/${p.id}/notes`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<NoteAnswer[]>();
  };

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    clock = new TestClock(NOW);
    ctx = appContext(t.db, clock);
    const { admin, eli } = await team(ctx);
    const mia = await addUser(ctx, admin, { name: 'Mia Manager', email: 'mia@ourco.test', role: 'manager' });
    const rae = await addUser(ctx, admin, { name: 'Rae Report', email: 'rae@ourco.test', manager: mia.id });
    for (const [name, user] of Object.entries({ admin, eli, mia, rae }))
      bearer[name] = (await createToken(ctx, user, 'test')).token;
    acme = await addProspect(ctx, rae, {
      name: 'Acme',
      contact: { name: 'Peter Lee', phone: '+1 212 555 0100' },
    });
    globex = await addProspect(ctx, eli, { name: 'Globex', contact: { name: 'Gil Secret' } });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('adds, lists newest first, edits and deletes a note, and the decision stays as it was', async () => {
    const page = async () => (await as('rae', 'GET', `/api/prospects/${acme.id}`)).json<object>();
    const before = await page();
    const first = await as('rae', 'POST', `/api/prospects/${acme.id}/notes`, { body: 'Golfs on Fridays.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      body: 'Golfs on Fridays.',
      author: { name: 'Rae Report' },
      createdAt: '2026-03-10T15:00:00.000Z',
      edited: false,
      mayChange: true,
    });
    clock.advance(60_000);
    const second = await as('rae', 'POST', `/api/prospects/${acme.id}/notes`, { body: 'CFO decides.' });
    expect((await notesOf('rae', acme)).map((n) => n.body)).toEqual(['CFO decides.', 'Golfs on Fridays.']);

    clock.advance(60_000);
    const id = second.json<NoteAnswer>().id;
    const edited = await as('rae', 'PATCH', `/api/prospects/${acme.id}/notes/${id}`, {
      body: 'The CFO decides.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      body: 'The CFO decides.',
      edited: true,
      updatedAt: '2026-03-10T15:02:00.000Z',
    });
    const gone = await as('rae', 'DELETE', `/api/prospects/${acme.id}/notes/${id}`);
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await notesOf('rae', acme)).map((n) => n.body)).toEqual(['Golfs on Fridays.']);
    const after = (await page()) as { now: string };
    expect({ ...after, now: '' }).toEqual({ ...(before as { now: string }), now: '' });
  });

  it("lets a manager or admin change a rep's note, and refuses a rep a manager's note (403)", async () => {
    const mias = await as('mia', 'POST', `/api/prospects/${acme.id}/notes`, { body: 'Push for April.' });
    expect(mias.statusCode, mias.body).toBe(201);
    const id = mias.json<NoteAnswer>().id;
    const seen = (await notesOf('rae', acme)).find((n) => n.id === id);
    expect(seen).toMatchObject({ author: { name: 'Mia Manager' }, mayChange: false });
    const refused = await as('rae', 'PATCH', `/api/prospects/${acme.id}/notes/${id}`, { body: 'no' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', path: 'note' });
    expect((await as('rae', 'DELETE', `/api/prospects/${acme.id}/notes/${id}`)).statusCode).toBe(403);
    const raes = await as('rae', 'POST', `/api/prospects/${acme.id}/notes`, { body: 'Mine.' });
    const raeId = raes.json<NoteAnswer>().id;
    expect(
      (await as('mia', 'PATCH', `/api/prospects/${acme.id}/notes/${raeId}`, { body: 'Ours.' })).statusCode,
    ).toBe(200);
    expect((await as('admin', 'DELETE', `/api/prospects/${acme.id}/notes/${raeId}`)).statusCode).toBe(204);
    expect((await as('admin', 'DELETE', `/api/prospects/${acme.id}/notes/${id}`)).statusCode).toBe(204);
  });

  it('does not find a prospect or a note the caller may not see', async () => {
    const note = (
      await as('eli', 'POST', `/api/prospects/${globex.id}/notes`, { body: 'Gil: secret.' })
    ).json<NoteAnswer>();
    for (const r of [
      await as('rae', 'GET', `/api/prospects/${globex.id}/notes`),
      await as('rae', 'POST', `/api/prospects/${globex.id}/notes`, { body: 'x' }),
      await as('rae', 'PATCH', `/api/prospects/${globex.id}/notes/${note.id}`, { body: 'x' }),
      await as('rae', 'DELETE', `/api/prospects/${acme.id}/notes/${note.id}`),
    ]) {
      expect(r.statusCode, r.body).toBe(404);
      expect(r.body).not.toContain('secret');
    }
    expect((await as('eli', 'GET', `/api/prospects/${globex.id}/notes`)).json()).toHaveLength(1);
  });

  it('refuses an empty, blank or over-long body, naming the field', async () => {
    const url = `/api/prospects/${acme.id}/notes`;
    const empty = await as('rae', 'POST', url, { body: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body' });
    const blank = await as('rae', 'POST', url, { body: ' \n ' });
    expect(blank.json()).toEqual({ code: 'INVALID_INPUT', message: 'a note needs some text', path: 'body' });
    const long = await as('rae', 'POST', url, { body: 'x'.repeat(LIMITS.noteBody + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body' });
    expect((await as('rae', 'POST', url, {})).json()).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('writes one note for a retried add with the same Idempotency-Key', async () => {
    const url = `/api/prospects/${globex.id}/notes`;
    const count = async () => (await notesOf('eli', globex)).length;
    const before = await count();
    const headers = { 'idempotency-key': 'note-key-12345' };
    const one = await as('eli', 'POST', url, { body: 'Once only.' }, headers);
    const two = await as('eli', 'POST', url, { body: 'Once only.' }, headers);
    expect(one.statusCode).toBe(201);
    expect(two.statusCode).toBe(201);
    expect(two.json<NoteAnswer>().id).toBe(one.json<NoteAnswer>().id);
    expect(await count()).toBe(before + 1);
  });
});
