// Migration 0021: the day's cards in a table of their own. Re-deciding writes no card (a decision
// written with the same contact still reads the card kept), a prospect or contact written forgets its
// card and writes no decision, a card goes with its prospect, and `down` brings back the column and
// 0020's forgetting.

import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  cardsRead,
  freshDatabase,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import type { AgendaQuery, DayRow } from '../repositories/decisions.repository.js';
import { decisionRow, decisions } from '../repositories/decisions.repository.js';
import { down, up } from './2026-12-07-0021-day-cards-table.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

describeDialects('migration 0021 (a table of day cards) on %s', (dialect) => {
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
  /** A row's version (PostgreSQL's xmin): a new one for each write; undefined on SQLite. */
  const versionOf = async (table: 'decisions' | 'day_cards', id: string) =>
    dialect === 'postgres'
      ? (
          await sql<{
            v: string;
          }>`select xmin::text as v from ${sql.table(table)} where prospect_id = ${id}`.execute(q())
        ).rows[0]?.v
      : undefined;
  /** The day's actions with a contact, their cards kept. */
  const carded = async (): Promise<DayRow[]> => {
    const read = (await decisions.day(q(), dialect, day)).filter((r) => r.contact !== undefined);
    if (read.length < 3) throw new Error('the demo has too few actions with a contact');
    expect([...(await cardsRead(q())).keys()]).toEqual(
      expect.arrayContaining(read.map((r) => r.prospect.id)),
    );
    return read;
  };

  it('re-deciding with the same contact writes no card and reads the one kept', async () => {
    const [a] = (await carded()) as [DayRow];
    const cardVersion = await versionOf('day_cards', a.prospect.id);
    const stored = await decisions.findByProspect(q(), a.prospect.id);
    if (stored === undefined) throw new Error('no decision');
    await decisions.upsertRows(q(), [decisionRow({ ...stored, due: (stored.due ?? NOW) + DAY })]);
    expect(await versionOf('day_cards', a.prospect.id)).toBe(cardVersion);
    expect((await cardsRead(q())).has(a.prospect.id)).toBe(true);
    const [again] = await decisions.dayOf(q(), dialect, day.orgId, [a.prospect.id]);
    expect([again?.prospect, again?.contact]).toEqual([a.prospect, a.contact]);
  });

  it('forgets the card of a prospect written, and writes no decision for it; a card goes with its prospect', async () => {
    const [a, b] = (await carded()) as [DayRow, DayRow];
    const decisionVersion = await versionOf('decisions', a.prospect.id);
    await q().updateTable('prospects').set({ name: 'Renamed' }).where('id', '=', a.prospect.id).execute();
    expect((await cardsRead(q())).has(a.prospect.id)).toBe(false);
    expect(await versionOf('decisions', a.prospect.id)).toBe(decisionVersion);
    await q().deleteFrom('prospects').where('id', '=', b.prospect.id).execute();
    const left = await q().selectFrom('day_cards').select('prospect_id').execute();
    expect(left.map((r) => r.prospect_id)).not.toContain(b.prospect.id);
    const [read] = await decisions.dayOf(q(), dialect, day.orgId, [a.prospect.id]);
    expect(read?.prospect.name).toBe('Renamed');
  });

  it('goes down to cards in the decisions, forgotten as 0020 forgot them, and up again', async () => {
    const [a] = (await carded()) as [DayRow];
    await down(q());
    await expect(sql`select 1 from day_cards`.execute(q())).rejects.toThrow();
    const cardOf = async () =>
      (
        await sql<{
          card: string | null;
        }>`select card from decisions where prospect_id = ${a.prospect.id}`.execute(q())
      ).rows[0]?.card;
    expect(await cardOf()).toBeNull();
    await sql`update decisions set card = '[]' where prospect_id = ${a.prospect.id}`.execute(q());
    await q()
      .updateTable('contacts')
      .set({ name: 'Renamed' })
      .where('prospect_id', '=', a.prospect.id)
      .execute();
    expect(await cardOf()).toBeNull();
    await up(q());
    await expect(sql`select card from decisions`.execute(q())).rejects.toThrow();
    const first = await decisions.day(q(), dialect, day);
    expect(first.find((r) => r.prospect.id === a.prospect.id)?.contact?.name).toBe('Renamed');
    expect(await decisions.day(q(), dialect, day)).toEqual(first);
  });
});
