// Keeping decisions current a page at a time (the server's StaleKeeper, and a board's or pipeline's
// read of many owners): the same decisions as one refresh of everything stale, nothing left stale,
// an end even where a prospect cannot be decided, and a stop between two pages.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';
import { createDemo } from '../demo/demo.js';
import { refreshStale, refreshStaleInPages } from './decisions.js';
import { StaleKeeper, keepCurrent } from './keeper.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

describeDialects('keeping decisions current on %s', (dialect) => {
  let t: TestDb;
  let other: TestDb;
  let clock: TestClock;
  let ctx: AppContext;
  let orgId: string;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    other = await freshDatabase(dialect);
    clock = new TestClock(NOW);
    ctx = appContext(t.db, clock);
    orgId = (await createDemo(ctx, { prospects: 40 })).organisation.id;
    await createDemo(appContext(other.db, clock), { prospects: 40 });
    // Three days on, many decisions are due another look.
    clock.advance(3 * DAY);
  });

  afterEach(async () => {
    await t.drop();
    await other.drop();
  });

  const stale = (db: TestDb) =>
    inTransaction(appContext(db.db, clock), (q) => decisions.staleIds(q, orgId, clock.now()));
  const stored = (db: TestDb) =>
    db.db.kysely.selectFrom('decisions').selectAll().orderBy('prospect_id').execute();

  it('decides in pages what one refresh decides at once, and leaves nothing stale', async () => {
    const before = (await stale(t)).length;
    expect(before).toBeGreaterThan(10);
    expect(await refreshStaleInPages(ctx, orgId, undefined, { page: 7, restMs: 0 })).toBe(before);
    expect(await stale(t)).toEqual([]);
    // The same demo (the same seed) refreshed in one transaction.
    const at = clock.now();
    const otherCtx = appContext(other.db, clock);
    await inTransaction(otherCtx, (q) => refreshStale(q, orgId, at, otherCtx.defaultPlaybookText));
    expect(await stored(t)).toEqual(await stored(other));
    // Nothing is left for a pass over every organisation.
    expect(await keepCurrent(ctx)).toEqual([0]);
  });

  it('ends where a prospect cannot be decided, and stops between pages when asked', async () => {
    const [stuck] = await stale(t);
    await t.db.kysely
      .deleteFrom('contacts')
      .where('prospect_id', '=', stuck as string)
      .execute();
    // Pages of one end once a page finds only the prospect already taken, wherever it comes.
    const stopped = new AbortController();
    stopped.abort();
    expect(await refreshStaleInPages(ctx, orgId, undefined, { signal: stopped.signal })).toBe(0);
    expect(await refreshStaleInPages(ctx, orgId, undefined, { page: 1, restMs: 0 })).toBeGreaterThan(0);
    expect(await stale(t)).toContain(stuck);
    await refreshStaleInPages(ctx, orgId, undefined, { restMs: 0 });
    expect(await stale(t)).toEqual([stuck]);
  });

  it('runs in the background until stopped', async () => {
    const keeper = new StaleKeeper(ctx, { intervalMs: 5 });
    keeper.start();
    for (let i = 0; i < 500 && (await stale(t)).length > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await keeper.stop();
    expect(await stale(t)).toEqual([]);
  });
});
