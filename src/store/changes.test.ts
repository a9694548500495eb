// The change mark: it moves when this process writes, when another process commits (SQLite's
// data_version; PostgreSQL's notification from the migration's triggers), and never on a read.

import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DIALECTS,
  describeDialects,
  freshDatabase,
  postgresSkipReason,
} from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import type { Db } from './database.js';

async function addOrganisation(db: Db, id: string): Promise<void> {
  await db.kysely.insertInto('organisations').values({ id, name: id, created_at: 0 }).execute();
}

/** Waits (a bounded while) for the mark to move: another process's notice arrives on its own. */
async function moved(db: Db, from: string): Promise<boolean> {
  for (let i = 0; i < 200; i += 1) {
    if (db.changes.mark() !== from) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describeDialects('the change mark on %s', (dialect) => {
  let t: TestDb;
  const others: Db[] = [];
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await t.drop();
  });

  it('moves on a write of this process and stays on a read', async () => {
    t = await freshDatabase(dialect);
    await t.db.listenForChanges();
    const before = t.db.changes.mark();
    await t.db.kysely.selectFrom('organisations').selectAll().execute();
    await sql`select 1`.execute(t.db.kysely);
    expect(t.db.changes.mark()).toBe(before);
    await addOrganisation(t.db, 'o1');
    expect(t.db.changes.mark()).not.toBe(before);
  });

  it('moves when another process commits, and not before the commit', async () => {
    t = await freshDatabase(dialect);
    await t.db.listenForChanges();
    const other = await t.another();
    others.push(other);
    // Settle this process's own notices (the migration's) before watching.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = t.db.changes.mark();
    await other.kysely.transaction().execute(async (q) => {
      await q.insertInto('organisations').values({ id: 'o2', name: 'o2', created_at: 0 }).execute();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(t.db.changes.mark()).toBe(before);
    });
    expect(await moved(t.db, before)).toBe(true);
  });
});

describe.skipIf(!DIALECTS.includes('postgres'))(
  `change notices on PostgreSQL${postgresSkipReason === '' ? '' : ` (skipped: ${postgresSkipReason})`}`,
  () => {
    let t: TestDb;
    afterEach(async () => t.drop());

    it('trusts no mark until it listens', async () => {
      t = await freshDatabase('postgres');
      expect(t.db.changes.mark()).not.toBe(t.db.changes.mark());
      await t.db.listenForChanges();
      expect(t.db.changes.mark()).toBe(t.db.changes.mark());
    });

    it('has a trigger on every table', async () => {
      t = await freshDatabase('postgres');
      const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name not like 'kysely_%'`.execute(t.db.kysely);
      const triggers = await sql<{ name: string }>`
      select distinct event_object_table as name from information_schema.triggers
      where trigger_schema = current_schema() and trigger_name like '%_changed'`.execute(t.db.kysely);
      expect(triggers.rows.map((r) => r.name).sort()).toEqual(tables.rows.map((r) => r.name).sort());
    });
  },
);
