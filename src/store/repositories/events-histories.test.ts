// events.historiesOf and historiesInRange join each prospect's events into its history's JSON text
// in the database: the text must be exactly what reading the events one by one in order gives,
// events at the same instant logged at the same instant keeping the order they were written in,
// whatever their ids and data (a history's order decides what the engine sees last).

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import type { StoredEvent } from '../../core/records.js';
import { events } from './events.repository.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('events histories on %s', (dialect) => {
  let t: TestDb;
  let ids: string[];

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 30 });
    const rows = await t.db.kysely.selectFrom('prospects').select(['id', 'org_id']).orderBy('id').execute();
    ids = rows.map((r) => r.id);
    const [first, second] = rows;
    if (first === undefined || second === undefined) throw new Error('the demo has too few prospects');
    // Ties written in an order that neither their ids nor their data follow, among earlier and later
    // events; text that must come back byte for byte.
    const tie = (id: string, prospect: typeof first, data: Record<string, unknown>): StoredEvent => ({
      id,
      orgId: prospect.org_id,
      prospectId: prospect.id,
      type: 'touch',
      at: NOW - 3_600_000,
      contactId: null,
      data: { id, type: 'touch', ...data },
      loggedBy: null,
      loggedAt: NOW - 3_600_000,
      logSeq: null,
      sourceKey: null,
    });
    const written = ['zz-3', 'aa-1', 'mm-2', '00-4'].map((id, i) =>
      tie(id, first, { note: `${'zyxw'[i] ?? ''} "quoted" \\ ünï 😀`, n: 12345.678901234567 }),
    );
    for (const e of written) await events.insert(t.db.kysely, e);
    await events.insertMany(t.db.kysely, [tie('b', second, { k: 2 }), tie('a', second, { k: 1 })]);
  }, 120_000);

  afterAll(async () => {
    await t.drop();
  });

  /** The history as the events read one by one give it. */
  async function oneByOne(prospectId: string): Promise<string> {
    return JSON.stringify((await events.listByProspect(t.db.kysely, prospectId)).map((e) => e.data));
  }

  it('gives each prospect the text its events read one by one give, ties in the order written', async () => {
    const inRange = await events.historiesInRange(t.db.kysely, { after: '', last: ids.at(-1) as string });
    const byId = await events.historiesOf(t.db.kysely, ids);
    for (const id of ids) {
      const expected = await oneByOne(id);
      expect(inRange.get(id) ?? '[]').toBe(expected);
      expect(byId.get(id) ?? '[]').toBe(expected);
    }
    const order = (id: string) =>
      (JSON.parse(inRange.get(id) ?? '[]') as { id: string }[])
        .map((e) => e.id)
        .filter((e) => /^(zz-3|aa-1|mm-2|00-4|a|b)$/.test(e));
    expect(order(ids[0] as string)).toEqual(['zz-3', 'aa-1', 'mm-2', '00-4']);
    expect(order(ids[1] as string)).toEqual(['b', 'a']);
  });

  it('reads only the prospects asked for', async () => {
    const [, second, third] = ids;
    const some = await events.historiesInRange(t.db.kysely, {
      after: ids[0] as string,
      last: third as string,
    });
    expect(some.has(second as string)).toBe(true);
    for (const id of some.keys()) expect([second, third]).toContain(id);
    expect(await events.historiesOf(t.db.kysely, [])).toEqual(new Map());
    // More ids than one statement takes (read in pages of 2,000): the same histories.
    const many = [...Array.from({ length: 4500 }, (_, i) => `none-${i}`), ...ids];
    expect(await events.historiesOf(t.db.kysely, many)).toEqual(await events.historiesOf(t.db.kysely, ids));
  });
});
