// Migration 0007 on both databases: stored ranks move from (0 time-critical, 1 the rest) to
// (0, 1 break-ups and exploring touches, 2 the rest), so that stored decisions sort as new ones do.

import { afterEach, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { agendaRank } from '../../core/agenda.js';
import type { Decision } from '../../core/decision.js';
import { decisionOfRow } from '../repositories/decisions.repository.js';
import { up } from './2026-11-25-0007-agenda-classes.js';

describeDialects('migration 0007 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  it('ranks stored break-ups and exploring touches between time-critical work and the rest', async () => {
    t = await freshDatabase(dialect);
    await createDemo(appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z'))), {});
    const rows = () => t.db.kysely.selectFrom('decisions').selectAll().execute();
    const now = await rows();
    // As an older Pursuit stored them: 1 for everything that was not time-critical.
    await t.db.kysely.updateTable('decisions').set({ urgency: 1 }).where('urgency', '>', 0).execute();
    await up(t.db.kysely);
    const migrated = new Map((await rows()).map((r) => [r.prospect_id, Number(r.urgency)]));
    const classes = new Set<number>();
    for (const r of now) {
      const expected = agendaRank(decisionOfRow(r) as unknown as Decision).urgency;
      classes.add(expected);
      expect(migrated.get(r.prospect_id)).toBe(expected);
    }
    expect(classes).toEqual(new Set([0, 1, 2]));
  }, 60_000);
});
