// Bulk writes (insertRows): every row written once and counted, conflicts skipped or replaced as
// asked, a batch with a bad row writes none of its rows, and a bulk write counts as a write for the
// change mark and a transaction's write counter (it reaches Kysely compiled, past the plugins'
// query transform: store/changes.ts counts it by its result).

import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeDialects, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { WriteCounter } from '../changes.js';
import { insertRows } from './rows.js';

const COLUMNS = ['id', 'n', 'label'];

const rows = (from: number, count: number, label = 'first'): unknown[][] =>
  Array.from({ length: count }, (_, i) => [`id-${String(from + i).padStart(5, '0')}`, from + i, label]);

describeDialects('bulk writes on %s', (dialect) => {
  let t: TestDb;
  // The probe table is not in the schema Kysely knows: it is read through raw SQL.
  const stored = async (): Promise<{ id: string; n: number; label: string }[]> =>
    (
      await sql<{
        id: string;
        n: number;
        label: string;
      }>`select id, n, label from bulk_probe order by id`.execute(t.db.kysely)
    ).rows.map((r) => ({ ...r, n: Number(r.n) }));

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await sql`create table bulk_probe (id text primary key, n integer not null, label text not null)`.execute(
      t.db.kysely,
    );
  });

  beforeEach(async () => {
    await sql`delete from bulk_probe`.execute(t.db.kysely);
  });

  afterAll(async () => {
    await t.drop();
  });

  it('writes every row once, in one call, and says how many', async () => {
    expect(await insertRows(t.db.kysely, 'bulk_probe', COLUMNS, rows(0, 1200))).toBe(1200);
    const all = await stored();
    expect(all).toHaveLength(1200);
    expect(all[0]).toEqual({ id: 'id-00000', n: 0, label: 'first' });
    expect(all[1199]).toEqual({ id: 'id-01199', n: 1199, label: 'first' });
  });

  it('skips rows whose key is taken, and counts only those written', async () => {
    await insertRows(t.db.kysely, 'bulk_probe', COLUMNS, rows(0, 10));
    expect(await insertRows(t.db.kysely, 'bulk_probe', COLUMNS, rows(5, 10, 'second'), 'skip')).toBe(5);
    const all = await stored();
    expect(all.map((r) => r.label)).toEqual([...Array(10).fill('first'), ...Array(5).fill('second')]);
  });

  it('replaces a taken row, leaving one that would be written as it stands alone', async () => {
    await insertRows(t.db.kysely, 'bulk_probe', COLUMNS, rows(0, 4));
    const next = rows(0, 4);
    (next[1] as unknown[])[2] = 'changed';
    (next[3] as unknown[])[1] = 99;
    const written = await insertRows(t.db.kysely, 'bulk_probe', COLUMNS, next, {
      replaceOn: 'id',
      unlessSame: ['n', 'label'],
    });
    expect(written).toBe(2);
    expect(await stored()).toEqual([
      { id: 'id-00000', n: 0, label: 'first' },
      { id: 'id-00001', n: 1, label: 'changed' },
      { id: 'id-00002', n: 2, label: 'first' },
      { id: 'id-00003', n: 99, label: 'first' },
    ]);
  });

  it('writes none of a batch whose row is refused, and names what was wrong', async () => {
    const batch = rows(0, 20);
    (batch[12] as unknown[])[2] = null;
    await expect(insertRows(t.db.kysely, 'bulk_probe', COLUMNS, batch)).rejects.toThrow(/label/i);
    expect(await stored()).toEqual([]);
  });

  it('counts as a write for the change mark that read caches hold to', async () => {
    const before = t.db.changes.mark();
    await insertRows(t.db.kysely, 'bulk_probe', COLUMNS, rows(0, 3));
    expect(t.db.changes.mark()).not.toBe(before);
  });

  it("counts as a transaction's write (which an idempotent request's mark goes with)", async () => {
    await t.db.kysely.transaction().execute(async (q) => {
      const counter = new WriteCounter();
      await insertRows(q.withPlugin(counter), 'bulk_probe', COLUMNS, rows(0, 2));
      expect(counter.writes).toBeGreaterThan(0);
    });
  });

  if (dialect === 'sqlite') {
    it('undoes only the refused batch inside a transaction, which goes on', async () => {
      await t.db.kysely.transaction().execute(async (q) => {
        await insertRows(q, 'bulk_probe', COLUMNS, rows(0, 3));
        const batch = rows(3, 5);
        (batch[4] as unknown[])[0] = 'id-00000';
        await expect(insertRows(q, 'bulk_probe', COLUMNS, batch)).rejects.toThrow(/unique/i);
        await insertRows(q, 'bulk_probe', COLUMNS, rows(10, 1));
      });
      expect((await stored()).map((r) => r.n)).toEqual([0, 1, 2, 10]);
    });

    it('rolls back with the transaction that wrote it', async () => {
      await expect(
        t.db.kysely.transaction().execute(async (q) => {
          await insertRows(q, 'bulk_probe', COLUMNS, rows(0, 50));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await stored()).toEqual([]);
    });
  }
});
