// Migration 0014: a rep's prospects snoozed past a time are read through the partial index on snoozes
// (on both databases), and the read gives what it gave without the index.

import { afterEach, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  queryPlan,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { prospects } from '../repositories/prospects.repository.js';
import { down, up } from './2026-12-06-0014-snooze-index.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const HOUR = 3_600_000;

describeDialects('migration 0014 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  it('reads the snoozes of a rep through the index, as it read them without it', async () => {
    t = await freshDatabase(dialect);
    await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 60 });
    const q = t.db.kysely;
    const all = await q.selectFrom('prospects').select(['id', 'org_id', 'owner_id']).orderBy('id').execute();
    // Snoozed: some past now, one that has woken, one an hour from now.
    for (const [i, p] of all.slice(0, 12).entries())
      await q
        .updateTable('prospects')
        .set({ snoozed_until: i === 0 ? NOW - HOUR : NOW + (i + 1) * HOUR })
        .where('id', '=', p.id)
        .execute();
    const reads = async () => {
      const out: Record<string, [string, number][]> = {};
      for (const owner of new Set(all.map((p) => p.owner_id)))
        for (const at of [NOW, NOW + 5 * HOUR])
          out[`${owner} ${at}`] = [
            ...(await prospects.snoozedAfter(q, all[0]?.org_id ?? '', owner, at)),
          ].sort();
      return out;
    };
    const withIndex = await reads();
    expect(Object.values(withIndex).flat()).toHaveLength(11 + 7);

    const query = q
      .selectFrom('prospects')
      .select(['id', 'snoozed_until'])
      .where('org_id', '=', all[0]?.org_id ?? '')
      .where('owner_id', '=', all[0]?.owner_id ?? '')
      .where('snoozed_until', '>', NOW)
      .compile();
    const plan = () => queryPlan(t.db, query);
    expect(await plan()).toContain('prospects_owner_snoozed');
    await down(q);
    expect(await plan()).not.toContain('prospects_owner_snoozed');
    expect(await reads()).toEqual(withIndex);
    await up(q);
    expect(await reads()).toEqual(withIndex);
  });
});
