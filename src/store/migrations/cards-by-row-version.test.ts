// Migration 0020: a prospect or contact written where no day's card is kept writes no decision
// (0019's triggers wrote every such decision on PostgreSQL, to bump its generation), and on
// PostgreSQL a card a reader keeps stays locked to the rows it was made from: a writer that comes
// after waits for the reader's commit, and then forgets the card (kept in a table of their own since
// 0021). `down` brings the generation back.

import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import type { AgendaQuery, DayRow } from '../repositories/decisions.repository.js';
import { decisions } from '../repositories/decisions.repository.js';
import { down, up } from './2026-12-07-0020-cards-by-row-version.js';
import { down as downTable, up as upTable } from './2026-12-07-0021-day-cards-table.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

describeDialects('migration 0020 (cards by row version) on %s', (dialect) => {
  let t: TestDb;
  let day: AgendaQuery;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    const demo = await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 40 });
    const rep = demo.users.find((u) => u.role === 'rep');
    if (rep === undefined) throw new Error('the demo has no rep');
    day = { orgId: demo.organisation.id, ownerId: rep.id, dueBefore: NOW + 400 * DAY };
  });
  afterEach(async () => t.drop());

  const q = () => t.db.kysely;
  const cardOf = async (id: string) =>
    (await q().selectFrom('day_cards').select('card').where('prospect_id', '=', id).executeTakeFirst())
      ?.card ?? null;
  const forgetCards = () => q().deleteFrom('day_cards').execute();
  /** The version of a prospect's decision's row (PostgreSQL): a new one for each write. */
  const decisionVersion = async (id: string) =>
    dialect === 'postgres'
      ? (
          await sql<{ v: string }>`select xmin::text as v from decisions where prospect_id = ${id}`.execute(
            q(),
          )
        ).rows[0]?.v
      : undefined;
  /** A day's first two actions, their cards forgotten, then the first's kept again. */
  const twoActions = async (): Promise<[DayRow, DayRow]> => {
    const [a, b] = (await decisions.day(q(), dialect, day)) as [DayRow, DayRow];
    await forgetCards();
    await decisions.dayOf(q(), dialect, day.orgId, [a.prospect.id]);
    return [a, b];
  };

  it('writes no decision for a prospect or contact changed where no card is kept; forgets the one kept', async () => {
    const [a, b] = await twoActions();
    expect(await cardOf(a.prospect.id)).not.toBeNull();
    expect(await cardOf(b.prospect.id)).toBeNull();
    const versionOfB = await decisionVersion(b.prospect.id);
    await q()
      .updateTable('prospects')
      .set({ name: 'Renamed' })
      .where('id', 'in', [a.prospect.id, b.prospect.id])
      .execute();
    await q()
      .updateTable('contacts')
      .set({ name: 'Renamed too' })
      .where('prospect_id', '=', b.prospect.id)
      .execute();
    expect(await cardOf(a.prospect.id)).toBeNull();
    expect(await decisionVersion(b.prospect.id)).toBe(versionOfB);
    const read = await decisions.dayOf(q(), dialect, day.orgId, [a.prospect.id, b.prospect.id]);
    expect(read.map((r) => r.prospect.name)).toEqual(['Renamed', 'Renamed']);
  });

  it('makes a writer that comes after a reader kept a card wait for its commit, then forget the card (PostgreSQL)', async () => {
    if (dialect !== 'postgres' || t.config.kind !== 'postgres') return;
    const [a] = await twoActions();
    await forgetCards();
    const writer = new pg.Client({ connectionString: t.config.url });
    const watcher = new pg.Client({ connectionString: t.config.url });
    await writer.connect();
    await watcher.connect();
    try {
      let renamed: Promise<unknown> | undefined;
      await q()
        .transaction()
        .execute(async (trx) => {
          await decisions.dayOf(trx, dialect, day.orgId, [a.prospect.id]);
          // The card is kept in this transaction; the writer's rename waits on the prospect's row.
          renamed = writer.query('update prospects set name = $1 where id = $2', [
            'Renamed after',
            a.prospect.id,
          ]);
          for (let polls = 0; ; polls += 1) {
            // Without the reader's lock, the rename would not wait (and would leave the card).
            if (polls === 5000) throw new Error('the rename did not wait for the reader');
            const waiting = await watcher.query<{ n: string }>(
              "select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'update prospects%'",
            );
            if (Number(waiting.rows[0]?.n) > 0) break;
          }
        });
      await renamed;
    } finally {
      await writer.end();
      await watcher.end();
    }
    expect(await cardOf(a.prospect.id)).toBeNull();
    const [read] = await decisions.dayOf(q(), dialect, day.orgId, [a.prospect.id]);
    expect(read?.prospect.name).toBe('Renamed after');
  });

  it('goes down and up again', async () => {
    const [a] = await twoActions();
    // 0021 first: it moved the cards out of the decisions (and forgets them).
    await downTable(q());
    await down(q());
    const column = async (name: 'card' | 'card_generation') =>
      (
        await sql<{
          v: string | null;
        }>`select ${sql.ref(name)} as v from decisions where prospect_id = ${a.prospect.id}`.execute(q())
      ).rows[0]?.v;
    expect(Number(await column('card_generation'))).toBe(0);
    await q().updateTable('prospects').set({ name: 'After down' }).where('id', '=', a.prospect.id).execute();
    // 0019's PostgreSQL triggers bump the generation again; SQLite's never did.
    expect(Number(await column('card_generation'))).toBe(dialect === 'postgres' ? 1 : 0);
    expect(await column('card')).toBeNull();
    await up(q());
    await upTable(q());
    await expect(sql`select card_generation from decisions`.execute(q())).rejects.toThrow();
    const [read] = await decisions.dayOf(q(), dialect, day.orgId, [a.prospect.id]);
    expect(read?.prospect.name).toBe('After down');
    expect(await cardOf(a.prospect.id)).not.toBeNull();
  });
});
