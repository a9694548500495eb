// The agenda's answer is written by hand (day.routes.ts: each item's JSON once, then `fits` and the
// head minute by minute): it must be, byte for byte, what JSON.stringify writes of the agenda's view,
// which `pursuit today --json` prints (the web app reads the answer). Awkward text in a prospect, a
// contact and a stored decision, a contact gone, every rep, today and tomorrow, plain and gzipped;
// and each page of each of the day's lists, as the function pages it.

import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { actorFor } from '../app/accounts/workspace.js';
import type { AppContext } from '../app/context.js';
import { agenda } from '../app/day/agenda.js';
import { agendaView } from '../app/day/views.js';
import { createDemo } from '../app/demo/demo.js';
import { caller } from '../../test/support/api.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

// On the minute: the answer's clock is read to the minute, the command's is not.
const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;
const AWKWARD = 'Ünïcødé "quoted" \\ back\nslash\t😀 \u2028\u2029 </script> \u0007';

describeDialects('the agenda answer on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let cookie: string;
  let prepared: string;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 40 });
    const q = t.db.kysely;
    const due = await q
      .selectFrom('decisions')
      .selectAll()
      .where('due', '<', NOW + DAY)
      .where('action', 'not in', ['wait', 'stop', 'prepare'])
      .where('contact_id', 'is not', null)
      .orderBy('prospect_id')
      .execute();
    const [first, second, third, fourth] = due;
    if (first === undefined || second === undefined || third === undefined || fourth === undefined)
      throw new Error('the demo has too few actions due today');
    // A call to prepare, due tomorrow: on today's list and tomorrow's, so not one tomorrow adds.
    prepared = fourth.prospect_id;
    await q
      .updateTable('decisions')
      .set({ action: 'prepare', due: NOW + DAY + 3_600_000 })
      .where('prospect_id', '=', prepared)
      .execute();
    await q.updateTable('prospects').set({ name: AWKWARD }).where('id', '=', first.prospect_id).execute();
    await q
      .updateTable('contacts')
      .set({ name: AWKWARD, email: null })
      .where('id', '=', second.contact_id ?? '')
      .execute();
    await q
      .deleteFrom('contacts')
      .where('id', '=', third.contact_id ?? '')
      .execute();
    // A stored decision as JSON.stringify writes awkward text (a lone surrogate escaped) and numbers.
    const decision = JSON.parse(first.decision) as Record<string, unknown>;
    const model = decision.model as Record<string, unknown> | undefined;
    const rewritten = {
      ...decision,
      reason: `${AWKWARD} \ud800`,
      ...(model === undefined ? {} : { model: { ...model, expectedValue: 0.1 + 0.2, pWin: 5e-324 } }),
    };
    await q
      .updateTable('decisions')
      .set({ decision: JSON.stringify(rewritten) })
      .where('prospect_id', '=', first.prospect_id)
      .execute();
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    cookie = (await caller(app, 'avery@northwind.test')).cookie;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  /** An answer's body, gzipped or not (it must say the same either way). */
  async function body(url: string): Promise<string> {
    const plain = await app.inject({ url, headers: { cookie } });
    expect(plain.statusCode, plain.body).toBe(200);
    const gzipped = await app.inject({ url, headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    return plain.body;
  }

  /** Every rep's today and tomorrow, as the admin asks for them (`rep` as a query part). */
  async function repDays() {
    const admin = await actorFor(ctx, 'avery@northwind.test');
    const reps = await t.db.kysely.selectFrom('users').select('email').where('role', '=', 'rep').execute();
    const days = reps.flatMap(({ email }) =>
      ['today', 'tomorrow'].map((date) => ({ email, rep: encodeURIComponent(email), date })),
    );
    return { admin, days };
  }

  it("is JSON.stringify of the agenda's view, for every rep, today and tomorrow", async () => {
    const { admin, days } = await repDays();
    let items = 0;
    let awkward = 0;
    for (const { email, rep, date } of days) {
      const expected = JSON.stringify(agendaView(await agenda(ctx, admin, { rep: email, date }), NOW));
      expect(await body(`/api/agenda?rep=${rep}&date=${date}`)).toBe(expected);
      const day = JSON.parse(expected) as {
        totalMinutes: number;
        items: { minutes: number; decision: { reason: string; model?: { minutes: number } } }[];
      };
      // The minutes (read without the decisions' text) are the model's where it has a say.
      for (const item of day.items)
        if (item.decision.model !== undefined) expect(item.minutes).toBe(item.decision.model.minutes);
      expect(day.items.reduce((n, i) => n + i.minutes, 0)).toBeCloseTo(day.totalMinutes, 9);
      items += day.items.length;
      awkward += day.items.filter((i) => i.decision.reason.startsWith(AWKWARD)).length;
    }
    // The comparison saw a real day, the rewritten decision among it.
    expect(items).toBeGreaterThan(10);
    expect(awkward).toBeGreaterThan(0);
  });

  interface Day {
    count: number;
    overdue: number;
    fitting: number;
    items: { prospect: { id: string }; due: string; fits: boolean }[];
    page?: { show: string; offset: number; limit: number; total: number };
  }

  it("pages each list of the day as the function does, with the whole day's counts", async () => {
    const { admin, days } = await repDays();
    let paged = 0;
    let preparing = 0;
    for (const { email, rep, date } of days) {
      const whole = JSON.parse(await body(`/api/agenda?rep=${rep}&date=${date}`)) as Day;
      const ids = (d: Day) => d.items.map((i) => i.prospect.id);
      const lists: Record<string, string[]> = {};
      for (const show of ['all', 'overdue', 'later', 'day'] as const) {
        const read: Day['items'] = [];
        for (let offset = 0; ; offset += 3) {
          const text = await body(
            `/api/agenda?rep=${rep}&date=${date}&show=${show}&offset=${offset}&limit=3`,
          );
          const expected = agendaView(
            await agenda(ctx, admin, { rep: email, date, show, offset, limit: 3 }),
            NOW,
          );
          expect(text).toBe(JSON.stringify(expected));
          const page = JSON.parse(text) as Day;
          expect([page.count, page.overdue, page.fitting]).toEqual([
            whole.count,
            whole.overdue,
            whole.fitting,
          ]);
          expect(page.page).toEqual({ show, offset, limit: 3, total: expect.any(Number) as number });
          read.push(...page.items);
          paged += 1;
          if (page.items.length < 3) break;
        }
        lists[show] = read.map((i) => i.prospect.id);
        // Each item is the whole day's, `fits` included.
        for (const item of read)
          expect(item).toEqual(whole.items.find((i) => i.prospect.id === item.prospect.id));
      }
      expect(lists.all).toEqual(ids(whole));
      expect(whole.count).toBe(whole.items.length);
      expect(lists.overdue).toEqual(ids(whole).filter((_, i) => Date.parse(whole.items[i]?.due ?? '') < NOW));
      expect(lists.overdue).toHaveLength(whole.overdue);
      expect([...(lists.overdue ?? []), ...(lists.later ?? [])].sort()).toEqual([...ids(whole)].sort());
      if (date === 'tomorrow') {
        // Tomorrow's own actions are those today's agenda does not hold.
        const today = JSON.parse(await body(`/api/agenda?rep=${rep}`)) as Day;
        expect(lists.day).toEqual(ids(whole).filter((id) => !ids(today).includes(id)));
        if (ids(today).includes(prepared)) {
          expect(ids(whole)).toContain(prepared);
          preparing += 1;
        }
      }
    }
    expect(paged).toBeGreaterThan(20);
    // The call to prepare was on its owner's today and tomorrow, and not among what tomorrow adds.
    expect(preparing).toBe(1);
  });

  it('refuses a page asked wrongly, naming what was wrong', async () => {
    for (const [query, field] of [
      ['show=soon', 'show'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['offset=-1', 'offset'],
      ['limit=ten', 'limit'],
    ] as const) {
      const res = await app.inject({ url: `/api/agenda?${query}`, headers: { cookie } });
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(field);
    }
  });
});
