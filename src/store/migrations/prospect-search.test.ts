// Migration 0018: SQLite's search index holds one body per prospect (its name, its contacts' names
// and emails) as the triggers keep it; taken down, writes go on without it, and put back, it is
// filled from what is there. PostgreSQL gets trigram indexes, and searches find the same without.

import { afterEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { prospects } from '../repositories/prospects.repository.js';
import { down, up } from './2026-12-07-0018-prospect-search.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('migration 0018 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  it('keeps a body per prospect on SQLite, and fills it again when put back', async () => {
    t = await freshDatabase(dialect);
    await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 30 });
    const q = t.db.kysely;
    const tables = async () =>
      (
        await sql<{
          name: string;
        }>`select name from sqlite_master where name like 'search_%' order by name`.execute(q)
      ).rows.map((r) => r.name);
    const orgId = (await q.selectFrom('prospects').select('org_id').executeTakeFirstOrThrow()).org_id;
    const search = () => prospects.list(q, { orgId, matching: '.example', limit: 500 });
    const scan = () => prospects.list(q, { orgId, matching: '.example', limit: 500, indexed: false });
    if (dialect === 'postgres') {
      // pg_trgm is there (Debian's PostgreSQL has it): the trigram indexes are made.
      const indexes = async () =>
        (
          await sql<{
            indexname: string;
          }>`select indexname from pg_indexes where indexname like '%_trgm' order by 1`.execute(q)
        ).rows.map((r) => r.indexname);
      expect(await indexes()).toEqual(['contacts_email_trgm', 'contacts_name_trgm', 'prospects_name_trgm']);
      const found = await search();
      expect(found.length).toBeGreaterThan(0);
      await down(q);
      expect(await indexes()).toEqual([]);
      expect(await search()).toEqual(found);
      // A role that may not make them (not the tables' owner): the migration goes on without them.
      const role = `pursuit_weak_${process.pid}`;
      await sql.raw(`create role ${role}`).execute(q);
      try {
        await q.transaction().execute(async (tx) => {
          await sql.raw(`set local role ${role}`).execute(tx);
          await up(tx);
        });
      } finally {
        await sql.raw(`drop role ${role}`).execute(q);
      }
      expect(await indexes()).toEqual([]);
      expect(await search()).toEqual(found);
      await up(q);
      expect(await indexes()).toHaveLength(3);
      expect(await search()).toEqual(found);
      return;
    }
    const bodies = async () =>
      (
        await sql<{
          prospect_id: string;
          body: string;
        }>`select prospect_id, body from search_docs order by prospect_id`.execute(q)
      ).rows;
    const expected = async () => {
      const ps = await q.selectFrom('prospects').select(['id', 'name']).orderBy('id').execute();
      const cs = await q.selectFrom('contacts').select(['prospect_id', 'name', 'email']).execute();
      return ps.map((p) => ({
        prospect_id: p.id,
        body: [
          p.name,
          ...cs.filter((c) => c.prospect_id === p.id).flatMap((c) => [c.name, c.email ?? '']),
        ].join('\x01'),
      }));
    };
    const sorted = (rows: { prospect_id: string; body: string }[]) =>
      rows.map((r) => ({ ...r, body: r.body.split('\x01').sort().join('\x01') }));
    expect(sorted(await bodies())).toEqual(sorted(await expected()));
    const before = await search();
    expect(before.length).toBeGreaterThan(0);

    await down(q);
    expect(await tables()).toEqual([]);
    await q
      .updateTable('prospects')
      .set({ name: 'Renamed Without Index' })
      .where('id', '=', before[0]?.id ?? '')
      .execute();
    await q
      .deleteFrom('contacts')
      .where('prospect_id', '=', before[1]?.id ?? '')
      .execute();

    await up(q);
    expect(await tables()).toContain('search_fts');
    expect(sorted(await bodies())).toEqual(sorted(await expected()));
    expect(await prospects.list(q, { orgId, matching: 'renamed without' })).toHaveLength(1);
    expect(await search()).toEqual(await scan());
  });
});
