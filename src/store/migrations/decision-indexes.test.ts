// Migration 0013 on a database with decisions: decisions keep two secondary indexes instead of four,
// and every read of them gives what it gave before (each rep's day, stale decisions of a rep and of
// the organisation, next rechecks, overdue counts), each through an index.

import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { decisions } from '../repositories/decisions.repository.js';
import { down, up } from './2026-12-04-0013-decision-indexes.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

describeDialects('migration 0013 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  async function indexes(): Promise<string[]> {
    const q = t.db.kysely;
    const rows =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master
            where type = 'index' and tbl_name = 'decisions' and name not like 'sqlite_%'`.execute(q)
        : await sql<{ name: string }>`select indexname as name from pg_indexes
            where tablename = 'decisions' and indexname <> 'decisions_pkey'`.execute(q);
    return rows.rows.map((r) => r.name).sort();
  }

  it('reads every day, stale list, recheck and count as before, through two indexes', async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 80 });
    const q = t.db.kysely;
    const orgId = (await q.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const owners = (await q.selectFrom('users').select('id').where('org_id', '=', orgId).execute()).map(
      (r) => r.id,
    );
    const byId = <T extends { prospectId: string }>(list: T[]) =>
      [...list].sort((a, b) => a.prospectId.localeCompare(b.prospectId));
    const read = async () => {
      const out: Record<string, unknown> = {};
      for (const at of [NOW, NOW + 3 * DAY, NOW + 30 * DAY]) {
        out[`stale ${at}`] = (await decisions.staleIds(q, orgId, at)).sort();
        out[`overdue ${at}`] = [...(await decisions.overdueByOwner(q, orgId, at))].sort();
        for (const ownerId of owners) {
          const a = { orgId, ownerId, dueBefore: at };
          out[`agenda ${ownerId} ${at}`] = byId(await decisions.agenda(q, a));
          out[`day ${ownerId} ${at}`] = (await decisions.day(q, dialect, a))
            .map((r) => ({ ...r, prospectId: r.prospect.id }))
            .sort((x, y) => x.prospectId.localeCompare(y.prospectId));
          out[`stale ${ownerId} ${at}`] = (await decisions.staleIds(q, orgId, at, [ownerId])).sort();
          out[`recheck ${ownerId} ${at}`] = await decisions.nextRecheck(q, orgId, ownerId, at);
        }
      }
      return out;
    };
    // As an older Pursuit left it.
    await down(q);
    const old = await indexes();
    const before = await read();
    expect(Object.values(before).some((v) => Array.isArray(v) && v.length > 0)).toBe(true);
    await up(q);
    expect(old).toEqual(
      [
        'decisions_owner_action',
        'decisions_owner_due',
        'decisions_owner_recheck',
        'decisions_recheck',
      ].sort(),
    );
    expect(await indexes()).toEqual(['decisions_owner_action_due', 'decisions_owner_recheck']);
    expect(await read()).toEqual(before);
    if (dialect === 'sqlite') {
      const plan = async (text: string) =>
        (await sql<{ detail: string }>`${sql.raw(`explain query plan ${text}`)}`.execute(q)).rows
          .map((r) => r.detail)
          .join(' | ');
      expect(
        await plan(`select * from decisions where org_id = 'o' and owner_id = 'u'
          and action in ('follow-up', 'respond') and due < 5`),
      ).toContain('decisions_owner_action_due (org_id=? AND owner_id=? AND action=? AND due<?)');
      expect(
        await plan(`select prospect_id from decisions where org_id = 'o'
          and owner_id in (select id from users where org_id = 'o') and recheck_at <= 5`),
      ).toContain('decisions_owner_recheck (org_id=? AND owner_id=? AND recheck_at<?)');
    } else {
      // Pursuit's connections cost a random read as on SSD, so that a rep's day is read by index
      // (see openPostgres), whatever the server's default.
      const cost = await sql<{ random_page_cost: string }>`show random_page_cost`.execute(q);
      expect(cost.rows).toEqual([{ random_page_cost: '1.1' }]);
    }
  }, 120_000);
});
