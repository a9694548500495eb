// Calibrating on a real database (SQLite file and PostgreSQL): the demo team's history is enough to
// beat the prior, a dry run keeps nothing, putting it in force re-decides everyone with the new
// version, a rep cannot put a model in force, and a thin history is refused with the prior kept.

import { afterEach, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { activeModel, calibrateModel, modelView } from './calibrate.js';
import { createDemo } from '../demo/demo.js';
import { actorFor } from '../accounts/workspace.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('calibration on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  it("fits the demo team's history, previews it, then puts it in force", async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, {});
    const avery = await actorFor(ctx, 'avery@northwind.test');
    const preview = await calibrateModel(ctx, avery, { dryRun: true });
    expect(preview.calibration.refusal).toBeUndefined();
    expect(preview.calibration.heldOut.logLoss).toBeLessThan(preview.calibration.heldOut.priorLogLoss);
    expect(preview.applied).toBe(false);
    expect(await activeModel(ctx, avery)).toBeUndefined();

    const dana = await actorFor(ctx, 'dana@northwind.test');
    await expect(calibrateModel(ctx, dana)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await modelView(ctx, dana)).toMatchObject({ version: 'prior@1', calibrated: false, low: null });
    const applied = await calibrateModel(ctx, avery);
    const shown = await modelView(ctx, dana);
    expect(shown).toMatchObject({ version: 'calibrated@1', calibrated: true });
    expect(shown.low?.neverReached).toHaveLength(12);
    expect(shown.heldOut?.logLoss).toBeLessThan(shown.heldOut?.priorLogLoss ?? 0);
    expect(applied).toMatchObject({ applied: true, version: 1 });
    expect((await activeModel(ctx, avery))?.version).toBe(1);
    const all = await t.db.kysely
      .transaction()
      .execute((q) => decisions.listByOwners(q, avery.orgId, undefined));
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((d) => d.modelVersion))).toEqual(new Set(['calibrated@1']));
    // Each rep's time is worth what their own day earns, worked out once for the day.
    const days = await t.db.kysely.selectFrom('rep_days').selectAll().execute();
    expect(days.length).toBeGreaterThan(0);
    const again = await calibrateModel(ctx, avery);
    expect(again.version).toBe(2);
    const after = await t.db.kysely.selectFrom('rep_days').selectAll().execute();
    expect(after.map((d) => [d.user_id, d.day, Number(d.hourly_value)]).sort()).toEqual(
      days.map((d) => [d.user_id, d.day, Number(d.hourly_value)]).sort(),
    );
  }, 60_000);

  it('refuses a thin history and keeps the prior', async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    const { admin } = await team(ctx);
    const result = await calibrateModel(ctx, admin);
    expect(result.applied).toBe(false);
    expect(result.calibration.refusal).toMatch(/too little history: 0 touches with 0 responses/);
    expect(await activeModel(ctx, admin)).toBeUndefined();
  });
});
