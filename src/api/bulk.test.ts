// Bulk actions from the agenda's selection: snooze many, or log the same thing on each, all or
// nothing; a prospect that refuses names itself and nothing is written; one undo takes back what was
// logged together; a rep cannot reach another rep's prospect through a bulk action.

import { DateTime } from 'luxon';
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
import type { AppContext } from '../app/context.js';
import { addProspect } from '../app/prospects/prospects.js';
import { showProspect } from '../app/prospects/reading.js';
import type { Prospect, User } from '../core/records.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('bulk actions on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let dana: User;
  let eli: User;
  const bearer: Record<string, string> = {};
  let mine: Prospect[] = [];
  let eliOwn: Prospect;

  const as = (who: string, method: 'POST' | 'GET', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${bearer[who] ?? ''}` }, payload });
  const touches = async (p: Prospect) =>
    (await showProspect(ctx, dana, p.id)).events.filter((e) => e.type === 'touch').length;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    ({ dana, eli } = await team(ctx));
    bearer.dana = (await createToken(ctx, dana, 'test')).token;
    mine = [];
    for (const name of ['Alder Co', 'Birch Co', 'Cedar Co'])
      mine.push(
        await addProspect(ctx, dana, { name, contact: { name: `Pat ${name}`, phone: '+1 212 555 0100' } }),
      );
    eliOwn = await addProspect(ctx, eli, { name: 'Eli Own Co', contact: { name: 'Sam Secret' } });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('logs the same call outcome on each, and one undo takes them all back', async () => {
    const ids = mine.map((p) => p.id);
    const r = await as('dana', 'POST', '/api/prospects/bulk', {
      ids,
      action: 'log',
      log: { type: 'touch', channel: 'call', outcome: 'voicemail' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<{
      count: number;
      prospects: { prospect: { id: string }; decision: object | null }[];
    }>();
    expect(body.count).toBe(3);
    expect(body.prospects.map((p) => p.prospect.id)).toEqual(ids);
    for (const p of body.prospects) expect(p.decision).not.toBeNull();
    for (const p of mine) expect(await touches(p)).toBe(1);

    const undo = await as('dana', 'POST', '/api/undo');
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ count: 3 });
    for (const p of mine) expect(await touches(p)).toBe(0);
  });

  it('snoozes each until one time typed as people say it', async () => {
    const r = await as('dana', 'POST', '/api/prospects/bulk', {
      ids: mine.slice(0, 2).map((p) => p.id),
      action: 'snooze',
      until: 'next monday 9:00',
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<{ prospects: { prospect: { snoozedUntil: string } }[] }>();
    const monday = DateTime.fromObject({ year: 2026, month: 3, day: 16, hour: 9 }, { zone: dana.timezone });
    for (const p of body.prospects) expect(p.prospect.snoozedUntil).toBe(monday.toUTC().toISO());
    expect((await showProspect(ctx, dana, mine[2]?.id ?? '')).prospect.snoozedUntil).toBeNull();
  });

  it('writes nothing when one prospect refuses, and names it', async () => {
    // Only Alder Co has a contact of that name: Birch Co refuses, and Alder Co keeps nothing either.
    const r = await as('dana', 'POST', '/api/prospects/bulk', {
      ids: [mine[0]?.id ?? '', mine[1]?.id ?? ''],
      action: 'log',
      log: { type: 'touch', channel: 'call', outcome: 'no-answer', contact: 'Pat Alder Co' },
    });
    expect(r.statusCode, r.body).toBe(404);
    expect(r.json()).toMatchObject({ path: 'contact' });
    expect(r.json<{ message: string }>().message).toMatch(/^Birch Co: /);
    expect(await touches(mine[0] as Prospect)).toBe(0);
  });

  it("does not reach another rep's prospect, and does not name it", async () => {
    const r = await as('dana', 'POST', '/api/prospects/bulk', {
      ids: [mine[2]?.id ?? '', eliOwn.id],
      action: 'snooze',
      until: 'tomorrow at 10',
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ path: 'ids.1' });
    expect(r.body).not.toContain('Eli Own');
    expect((await showProspect(ctx, dana, mine[2]?.id ?? '')).prospect.snoozedUntil).toBeNull();
  });

  it('names what is wrong with the request itself', async () => {
    const cases: [object, string][] = [
      [{ ids: [], action: 'snooze', until: 'tomorrow' }, 'ids'],
      [{ ids: [mine[0]?.id, mine[0]?.id], action: 'snooze', until: 'tomorrow' }, 'ids'],
      [{ ids: [mine[0]?.id], action: 'snooze' }, 'until'],
      [{ ids: [mine[0]?.id], action: 'log' }, 'log'],
      [{ ids: [mine[0]?.id], action: 'snooze', until: 'yesterday' }, 'until'],
      [{ ids: Array.from({ length: 201 }, (_, i) => `p${i}`), action: 'snooze', until: 'tomorrow' }, 'ids'],
    ];
    for (const [payload, path] of cases) {
      const r = await as('dana', 'POST', '/api/prospects/bulk', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      const { path: named, message } = r.json<{ path?: string; message: string }>();
      expect(`${named ?? ''} ${message}`, r.body).toContain(path);
    }
  });
});
