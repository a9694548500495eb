// A calibration does not hold the database's writer for its run (SQLite file and PostgreSQL): it is
// paused between two of its pages, and a rep on another connection (as another process would be)
// logs touches through the ordinary use case. Each touch commits there and then (on SQLite the rep's
// connection waits only 100 ms for the lock, so a held writer fails the test rather than stalls it;
// on PostgreSQL a held page would make the rep's write wait on its rows until the test times out),
// and every prospect ends decided with its whole history and the new model. A failure part way
// leaves the model in force and each decision whole (earlier or new); running again finishes it.

import { afterEach, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { StoredDecision, User } from '../../core/records.js';
import { openDatabase } from '../../store/database.js';
import type { Db } from '../../store/database.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import type { AppContext } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { actorFor } from '../accounts/workspace.js';
import { createDemo } from '../demo/demo.js';
import { logEvent } from '../prospects/logging.js';
import { calibrateModel } from './calibrate.js';
import type { CalibrationProgress } from './calibrate.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const PAGE = 40;

const read = <T>(db: Db, fn: (q: Db['kysely']) => Promise<T>) => db.kysely.transaction().execute(fn);

/** Every decision of the organisation, by prospect id, in id order. */
async function allDecisions(db: Db, orgId: string): Promise<StoredDecision[]> {
  const list = await read(db, (q) => decisions.listByOwners(q, orgId, undefined));
  return list.sort((a, b) => (a.prospectId < b.prospectId ? -1 : 1));
}

/** What the engine decides for the prospect now, from the store as it is (worked out, not kept). */
async function decidedNow(db: Db, ctx: AppContext, orgId: string, id: string) {
  let out: StoredDecision | undefined;
  await read(db, async (q) => {
    out = (await refreshDecisions(q, orgId, [id], NOW, ctx.defaultPlaybookText)).get(id);
    throw new Error('rolled back');
  }).catch((error: Error) => {
    if (error.message !== 'rolled back') throw error;
  });
  return out;
}

describeDialects('calibration beside reps at work, on %s', (dialect) => {
  let t: TestDb;
  let other: Db | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
    await t.drop();
  });

  /** The demo team; the rep Dana on a connection of her own; two of her prospects she can touch. */
  async function setUp() {
    t = await freshDatabase(dialect);
    const clock = new TestClock(NOW);
    const ctx = appContext(t.db, clock);
    await createDemo(ctx, {});
    other =
      t.config.kind === 'sqlite' ? await openDatabase(t.config, { busyTimeoutMs: 100 }) : await t.another();
    const repCtx = appContext(other, clock);
    const avery = await actorFor(ctx, 'avery@northwind.test');
    const dana = await actorFor(repCtx, 'dana@northwind.test');
    const before = await allDecisions(t.db, avery.orgId);
    const touchable = (d: StoredDecision) =>
      d.ownerId === dana.id && (d.channel === 'call' || d.channel === 'email');
    // One in the first page, one three pages on (neither decided nor read yet when the run pauses).
    const early = before.slice(0, PAGE).find(touchable);
    const late = before.slice(3 * PAGE).find(touchable);
    if (early === undefined || late === undefined) throw new Error('the demo has no prospect to touch');
    return { ctx, repCtx, avery, dana, before, early, late };
  }

  const touch = (repCtx: AppContext, rep: User, d: StoredDecision) =>
    logEvent(repCtx, rep, d.prospectId, {
      type: 'touch',
      channel: d.channel as string,
      outcome: d.channel === 'call' ? 'no-answer' : 'sent',
    });

  it('lets a rep log touches while it reads and while it decides; each ends decided with both', async () => {
    const { ctx, repCtx, avery, dana, before, early, late } = await setUp();
    const seen: string[] = [];
    const logged: string[] = [];
    const onProgress = async (p: CalibrationProgress) => {
      seen.push(`${p.stage} ${p.prospects}`);
      if (p.prospects !== PAGE) return;
      if (p.stage === 'reading') logged.push((await touch(repCtx, dana, late)).event.id);
      else {
        const first = await touch(repCtx, dana, early);
        // Its page was decided already: the rep's own write decides it, with the model in force.
        expect(first.decision?.modelVersion).toBe('calibrated@1');
        logged.push(first.event.id, (await touch(repCtx, dana, late)).event.id);
      }
      // Committed at once: the calibration's own connection sees each touch before it goes on.
      const stored = await read(t.db, async (q) => [
        ...(await events.listByProspect(q, early.prospectId)),
        ...(await events.listByProspect(q, late.prospectId)),
      ]);
      for (const id of logged) expect(stored.map((e) => e.id)).toContain(id);
    };
    const result = await calibrateModel(ctx, avery, { pageSize: PAGE, onProgress });
    expect(result).toMatchObject({ applied: true, version: 1 });
    expect(logged).toHaveLength(3);
    // Every page was its own transaction, reading then deciding.
    const pages = Math.ceil(before.length / PAGE);
    expect(seen.filter((s) => s.startsWith('reading'))).toHaveLength(pages);
    expect(seen.filter((s) => s.startsWith('deciding')).length).toBeGreaterThanOrEqual(pages);

    const after = await allDecisions(t.db, avery.orgId);
    expect(after.map((d) => d.prospectId)).toEqual(before.map((d) => d.prospectId));
    expect(new Set(after.map((d) => d.modelVersion))).toEqual(new Set(['calibrated@1']));
    for (const d of [early, late]) {
      const final = after.find((a) => a.prospectId === d.prospectId) as StoredDecision;
      const fresh = await decidedNow(t.db, ctx, avery.orgId, d.prospectId);
      expect(final.decision).toEqual(fresh?.decision);
      const history = await read(t.db, (q) => events.listByProspect(q, d.prospectId));
      expect(history.filter((e) => logged.includes(e.id))).toHaveLength(d === early ? 1 : 2);
    }
  }, 120_000);

  it('previews page by page and keeps nothing; the changes it foresaw are those made', async () => {
    const { ctx, avery, before } = await setUp();
    const preview = await calibrateModel(ctx, avery, { dryRun: true, pageSize: PAGE });
    expect(preview).toMatchObject({ applied: false, version: 1 });
    expect(await allDecisions(t.db, avery.orgId)).toEqual(before);
    expect(await read(t.db, (q) => q.selectFrom('models').selectAll().execute())).toEqual([]);
    expect(await read(t.db, (q) => q.selectFrom('rep_days').selectAll().execute())).toEqual([]);
    const applied = await calibrateModel(ctx, avery, { pageSize: PAGE });
    expect(applied.changed).toBe(preview.changed);
    expect(applied.exploring).toEqual(preview.exploring);
    expect(applied.calibration).toEqual(preview.calibration);
  }, 120_000);

  it('stopped part way, leaves the model in force and each decision whole; a new run finishes', async () => {
    const { ctx, repCtx, avery, dana, before, late } = await setUp();
    const stop = async (p: CalibrationProgress) => {
      if (p.stage === 'deciding' && p.prospects >= 2 * PAGE) throw new Error('the machine went down');
    };
    await expect(calibrateModel(ctx, avery, { pageSize: PAGE, onProgress: stop })).rejects.toThrow(
      'the machine went down',
    );
    const half = await allDecisions(t.db, avery.orgId);
    expect(half.map((d) => d.prospectId)).toEqual(before.map((d) => d.prospectId));
    expect(half.slice(0, 2 * PAGE).every((d) => d.modelVersion === 'calibrated@1')).toBe(true);
    // The rest kept their earlier decisions, whole, until something decides them again.
    expect(half.slice(2 * PAGE)).toEqual(before.slice(2 * PAGE));
    // A rep's write decides with the model in force.
    expect((await touch(repCtx, dana, late)).decision?.modelVersion).toBe('calibrated@1');
    const again = await calibrateModel(ctx, avery, { pageSize: PAGE });
    expect(again.version).toBe(2);
    const all = await allDecisions(t.db, avery.orgId);
    expect(new Set(all.map((d) => d.modelVersion))).toEqual(new Set(['calibrated@2']));
  }, 120_000);
});
