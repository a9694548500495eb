// A large import brings the planner's statistics up to date within its own transaction as its tables
// grow: on PostgreSQL, a table filled by one uncommitted transaction has none, and the planner then
// looks a chunk's names up by reading every prospect of the organisation, each chunk, ever slower.

import { CompiledQuery, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { User } from '../../core/records.js';
import type { Database } from '../../store/schema.js';
import type { AppContext } from '../context.js';
import { importFile } from './import.js';
import { ANALYSE_AFTER_ROWS } from './importer.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('statistics during an import on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    ({ admin } = await team(ctx));
  });

  afterEach(async () => {
    await t.drop();
  });

  it('refreshes them within the import transaction once it has written enough rows, and after it', async () => {
    const calls: { tables: readonly string[]; within: boolean }[] = [];
    const db = t.db;
    ctx = {
      ...ctx,
      db: {
        ...db,
        refreshStatistics: (tables, within) => {
          calls.push({ tables, within: within !== undefined && within !== db.kysely });
          return db.refreshStatistics(tables, within);
        },
      },
    };
    const rows = ANALYSE_AFTER_ROWS + 500;
    let csv = 'Company,Name,Email\n';
    for (let i = 0; i < rows; i += 1) csv += `Company ${i},Person ${i},person${i}@company${i}.test\n`;
    const report = await importFile(ctx, admin, {
      stream: (async function* () {
        yield Buffer.from(csv);
      })(),
      mapping: 'prospect=Company,contact=Name,email=Email',
    });
    expect(report.prospects.created).toBe(rows);
    expect(calls).toEqual([
      { tables: ['prospects', 'contacts', 'events', 'external_ids'], within: true },
      { tables: ['prospects', 'contacts', 'events', 'decisions', 'external_ids'], within: false },
    ]);
  });

  it('lets a lookup by name use its index within the transaction that filled the table', async () => {
    const orgId = admin.orgId;
    const plan = async (q: Kysely<Database>) => {
      const names = Array.from({ length: 200 }, (_, i) => `Company ${i * 37}`);
      const query = q
        .selectFrom('prospects')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('name', 'in', names)
        .compile();
      const explain = dialect === 'postgres' ? 'explain' : 'explain query plan';
      const result = await q.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]),
      );
      return result.rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
    };
    await t.db.kysely.transaction().execute(async (trx) => {
      await sql`insert into prospects (id, org_id, owner_id, name, relationship, source, created_at,
          icp_fit, product_fit, do_not_contact, updated_at)
        with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
        select 'bulk-' || i, ${orgId}, ${admin.id}, 'Company ' || i, 'prospect', 'import', 0,
          'fit', 'unknown', 0, 0
        from n`.execute(trx);
      // PostgreSQL has no statistics yet, and reads the organisation's prospects to filter them;
      // SQLite's planner takes an index on both columns as selective without any.
      if (dialect === 'postgres') expect(await plan(trx)).not.toContain('prospects_org_name');
      else expect(await plan(trx)).toContain('USING INDEX prospects_org_name');
      await t.db.refreshStatistics(['prospects'], trx);
      expect(await plan(trx)).toMatch(/(Index Scan using|USING INDEX) prospects_org_name/);
    });
  });
});
