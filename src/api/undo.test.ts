// Undo takes back only what the caller can still see (issue 16, item 4): a rep whose last logged call
// sits on a prospect that has since gone to another rep is refused, and the answer shows nothing of
// that prospect (not its name, not its decision); the call stays on it. Their own is taken back.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase, team } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { createToken } from '../app/accounts/tokens.js';
import { addProspect } from '../app/prospects/prospects.js';
import { showProspect } from '../app/prospects/reading.js';
import type { User } from '../core/records.js';
import type { AppContext } from '../app/context.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describe('undo after a reassignment', () => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let admin: User;
  let dana: User;
  let eli: User;
  const bearer: Record<string, string> = {};

  const as = (who: string, method: 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${bearer[who] ?? ''}` }, payload });

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    ctx = appContext(t.db, new TestClock(NOW));
    ({ admin, dana, eli } = await team(ctx));
    for (const [who, user] of [
      ['admin', admin],
      ['dana', dana],
    ] as const)
      bearer[who] = (await createToken(ctx, user, 'test')).token;
    app = (await buildApp(ctx, { checkAnswers: true })).app;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const call = { type: 'touch', channel: 'call', outcome: 'no-answer' };

  it("refuses to take back a call on a prospect that is now another rep's, and shows nothing of it", async () => {
    const acme = await addProspect(ctx, dana, { name: 'Acme Secret Co', contact: { name: 'Pat Lee' } });
    expect((await as('dana', 'POST', `/api/prospects/${acme.id}/events`, call)).statusCode).toBe(201);
    const moved = await as('admin', 'PATCH', `/api/prospects/${acme.id}`, { owner: eli.id });
    expect(moved.statusCode, moved.body).toBe(200);

    const undo = await as('dana', 'POST', '/api/undo');
    expect(undo.statusCode).toBe(409);
    expect(undo.json()).toMatchObject({ code: 'CONFLICT', path: 'undo' });
    for (const secret of [acme.id, 'Acme Secret', 'Pat Lee', 'decision', 'action'])
      expect(undo.body).not.toContain(secret);
    // The call is still on Eli's prospect.
    const events = (await showProspect(ctx, eli, acme.id)).events;
    expect(events.filter((e) => e.type === 'touch')).toHaveLength(1);
  });

  it('takes back a call on a prospect the rep still has', async () => {
    const beta = await addProspect(ctx, dana, { name: 'Beta Co', contact: { name: 'Bo Beta' } });
    expect((await as('dana', 'POST', `/api/prospects/${beta.id}/events`, call)).statusCode).toBe(201);
    const undo = await as('dana', 'POST', '/api/undo');
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ prospect: { id: beta.id } });
    expect((await showProspect(ctx, dana, beta.id)).events.filter((e) => e.type === 'touch')).toEqual([]);
  });
});
