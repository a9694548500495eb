// Re-deciding many prospects in worker threads gives exactly what deciding them here gives, and a
// history that cannot be decided fails the same way on either path, naming what is wrong.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { PursuitError } from '../../core/errors.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { refreshDecisions } from './decisions.js';
import { createDemo } from '../demo/demo.js';
import type { DemoSummary } from '../demo/demo.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('re-deciding on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let demo: DemoSummary;
  let ids: string[];

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    demo = await createDemo(ctx, { prospects: 120 });
    ids = (await t.db.kysely.selectFrom('prospects').select('id').orderBy('id').execute()).map((r) => r.id);
  });

  afterAll(async () => {
    await t.drop();
  });

  const redecide = (parallel: boolean, at = NOW + 3_600_000) =>
    t.db.kysely
      .transaction()
      .execute((q) =>
        refreshDecisions(q, demo.organisation.id, ids, at, ctx.defaultPlaybookText, { parallel }),
      );

  it('decides the same in worker threads as in this thread, and stores it', async () => {
    const here = await redecide(false);
    const stored = await t.db.kysely.selectFrom('decisions').selectAll().orderBy('prospect_id').execute();
    const there = await redecide(true);
    expect(there.size).toBe(here.size);
    expect(there.size).toBeGreaterThan(100);
    for (const [id, d] of here) expect(there.get(id), id).toEqual(d);
    const again = await t.db.kysely.selectFrom('decisions').selectAll().orderBy('prospect_id').execute();
    expect(again).toEqual(stored);
  });

  it('fails on a broken history the same way on both paths, and writes nothing', async () => {
    const victim = ids[7] as string;
    const event = await t.db.kysely
      .selectFrom('events')
      .select(['id', 'data'])
      .where('prospect_id', '=', victim)
      .executeTakeFirstOrThrow();
    const broken = { ...(JSON.parse(event.data) as Record<string, unknown>), at: 'yesterday' };
    await t.db.kysely
      .updateTable('events')
      .set({ data: JSON.stringify(broken) })
      .where('id', '=', event.id)
      .execute();
    const before = await t.db.kysely.selectFrom('decisions').selectAll().orderBy('prospect_id').execute();
    for (const parallel of [false, true]) {
      const error = await redecide(parallel, NOW + 7_200_000).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PursuitError);
      expect((error as PursuitError).code).toBe('INVALID_SCENARIO');
      expect((error as PursuitError).path).toMatch(/^events\.\d+\.at$/);
    }
    const after = await t.db.kysely.selectFrom('decisions').selectAll().orderBy('prospect_id').execute();
    expect(after).toEqual(before);
  });
});
