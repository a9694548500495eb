// Migration 0011 on a database that already has prospects, events and decisions: on SQLite the
// histories' index takes over from events by prospect and time, and every history, every
// prospect's events and every decision read the same after it as before; PostgreSQL is left alone.

import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { refreshDecisions } from '../../app/decisions/decisions.js';
import { events } from '../repositories/events.repository.js';
import { down, up } from './2026-12-03-0011-event-histories.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('migration 0011 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  async function indexes(): Promise<string[]> {
    const q = t.db.kysely;
    const rows =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master
            where type = 'index' and tbl_name = 'events' and name not like 'sqlite_%'`.execute(q)
        : await sql<{ name: string }>`select indexname as name from pg_indexes
            where tablename = 'events' and indexname <> 'events_pkey'`.execute(q);
    return rows.rows.map((r) => r.name).sort();
  }

  it('keeps every history, event list and decision as they were', async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 60 });
    const q = t.db.kysely;
    // As an older Pursuit left it.
    await down(q);
    const ids = (await q.selectFrom('prospects').select('id').orderBy('id').execute()).map((r) => r.id);
    const orgId = (await q.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const read = async () => ({
      histories: await events.historiesOf(q, ids),
      lists: await events.listByProspects(q, ids),
      decisions: [...(await refreshDecisions(q, orgId, ids, NOW, ctx.defaultPlaybookText)).values()],
    });
    const before = await read();
    expect(before.lists.length).toBeGreaterThan(ids.length);
    const old = await indexes();
    await up(q);
    const now = await indexes();
    if (dialect === 'sqlite') {
      expect(old).toContain('events_prospect_at');
      expect(now).toEqual([...old.filter((n) => n !== 'events_prospect_at'), 'events_history'].sort());
      const plan = await sql<{ detail: string }>`explain query plan
        select prospect_id, group_concat(data, ',' order by at, logged_at, rowid) from events
        where prospect_id > '' and prospect_id <= 'z' group by prospect_id`.execute(q);
      expect(plan.rows.map((r) => r.detail).join(' ')).toContain('COVERING INDEX events_history');
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(q);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    } else expect(now).toEqual(old);
    expect(await read()).toEqual(before);
  }, 120_000);
});
