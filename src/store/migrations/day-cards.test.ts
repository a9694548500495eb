// Migration 0019 (and 0021, which keeps the cards in a table of their own): a rep's day keeps, for
// each decision it reads, the prospect and contact it looked up (the card), and reads them back from
// it after; the database forgets a card whenever its prospect or that prospect's contacts change,
// however they are written, and a decision written with another contact no longer reads its own. A
// card looked up before another transaction changed the prospect is not kept after it (PostgreSQL,
// where writers do not take turns), and a read does not wait for a decision another transaction
// holds. `down` removes it all.

import { sql } from 'kysely';
import pg from 'pg';
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
import { blankContact } from '../../app/prospects/prospects.js';
import type { AgendaQuery, DayRow } from '../repositories/decisions.repository.js';
import { decisionRow, decisions } from '../repositories/decisions.repository.js';
import { contacts } from '../repositories/prospects.repository.js';
import { down, up } from './2026-12-07-0019-day-cards.js';
import { down as downVersions, up as upVersions } from './2026-12-07-0020-cards-by-row-version.js';
import { down as downTable, up as upTable } from './2026-12-07-0021-day-cards-table.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

describeDialects('migration 0019 (day cards) on %s', (dialect) => {
  let t: TestDb;
  /** Every rep's day. */
  let days: AgendaQuery[];

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    const demo = await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 40 });
    days = demo.users
      .filter((u) => u.role === 'rep')
      .map((u) => ({ orgId: demo.organisation.id, ownerId: u.id, dueBefore: NOW + 400 * DAY }));
  });
  afterEach(async () => t.drop());

  const q = () => t.db.kysely;
  /** Every rep's day read, in one list. */
  const readDays = async () => (await Promise.all(days.map((a) => decisions.day(q(), dialect, a)))).flat();
  /** The days as the lookups give them, every card forgotten first. */
  const lookedUp = async () => {
    await forgetCards();
    return readDays();
  };
  const forgetCards = () => q().deleteFrom('day_cards').execute();
  /** The prospects whose decisions have a card a day would read. */
  const carded = async () => [...(await cardsRead(q())).keys()].sort();

  it('keeps the cards a day looked up, and reads the day back from them as it was', async () => {
    const first = await lookedUp();
    expect(first.length).toBeGreaterThan(10);
    expect(await carded()).toEqual(first.map((r) => r.prospect.id).sort());
    expect(await readDays()).toEqual(first);
    // Read by prospect (a page of a day) from the cards, and kept by that read too.
    const ids = first.slice(0, 5).map((r) => r.prospect.id);
    const byId = (list: typeof first) => [...list].sort((x, y) => x.prospect.id.localeCompare(y.prospect.id));
    const some = await decisions.dayOf(q(), dialect, (days[0] as AgendaQuery).orgId, ids);
    expect(byId(some)).toEqual(byId(first.filter((r) => ids.includes(r.prospect.id))));
    await forgetCards();
    await decisions.dayOf(q(), dialect, (days[0] as AgendaQuery).orgId, ids);
    expect(await carded()).toEqual([...ids].sort());
  });

  it('forgets the card of a prospect changed, or whose contacts change, or whose decision names another contact; only those', async () => {
    const read = await lookedUp();
    const named = read.filter((r) => r.contact !== undefined);
    if (named.length < 8) throw new Error('the demo has too few actions with a contact');
    const [a, b, c, d, e, f, g, h] = named as [
      DayRow,
      DayRow,
      DayRow,
      DayRow,
      DayRow,
      DayRow,
      DayRow,
      DayRow,
    ];
    const contactOf = (r: DayRow) => r.contact?.id ?? '';
    // A prospect renamed; a contact's address; a contact added; a contact moved to another prospect
    // (both forgotten); a contact deleted.
    await q().updateTable('prospects').set({ name: 'Renamed' }).where('id', '=', a.prospect.id).execute();
    await q().updateTable('contacts').set({ email: 'new@x.test' }).where('id', '=', contactOf(b)).execute();
    await contacts.insert(q(), { ...blankContact(c.prospect, 9, NOW), name: 'Added' });
    await q()
      .updateTable('contacts')
      .set({ prospect_id: e.prospect.id, position: 7 })
      .where('id', '=', contactOf(d))
      .execute();
    await q().deleteFrom('contacts').where('id', '=', contactOf(f)).execute();
    // A decision written again naming no contact forgets its card; one naming the same keeps it.
    const other = (await decisions.findByProspect(q(), g.prospect.id))!;
    await decisions.upsertRows(q(), [decisionRow({ ...other, contactId: null, reason: 'another' })]);
    const same = (await decisions.findByProspect(q(), h.prospect.id))!;
    await decisions.upsertRows(q(), [decisionRow({ ...same, reason: 'the same contact' })]);

    const forgotten = [a, b, c, d, e, f, g].map((r) => r.prospect.id);
    expect(await carded()).toEqual(
      read
        .map((r) => r.prospect.id)
        .filter((id) => !forgotten.includes(id))
        .sort(),
    );
    // What the day reads now, from the cards left and the lookups, is what the lookups alone give.
    const now = await readDays();
    expect(now.find((r) => r.prospect.id === a.prospect.id)?.prospect.name).toBe('Renamed');
    expect(now.find((r) => r.prospect.id === b.prospect.id)?.contact?.email).toBe('new@x.test');
    expect(now.find((r) => r.prospect.id === f.prospect.id)?.contact).toBeUndefined();
    expect(now).toEqual(await lookedUp());
    // A prospect deleted takes its decision, card and all.
    await q().deleteFrom('prospects').where('id', '=', b.prospect.id).execute();
    expect(await carded()).not.toContain(b.prospect.id);
  });

  it('keeps no card where another transaction holds the prospect or the contact, keeps one where it holds the decision, and waits for none (PostgreSQL)', async () => {
    if (dialect !== 'postgres' || t.config.kind !== 'postgres') return;
    const read = await lookedUp();
    const [renamed, readdressed, redecided] = read.filter((r) => r.contact !== undefined) as [
      DayRow,
      DayRow,
      DayRow,
    ];
    await forgetCards();
    // Another transaction renames a prospect, gives a contact a new address and writes a decision
    // (as a re-decision does), and has not committed when the days are read: they read the rows
    // as they were, and keep every card but the prospect's and the contact's (a card holds no
    // decision: the day reads it for whichever decision names its contact).
    const other = new pg.Client({ connectionString: t.config.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('update prospects set name = $1 where id = $2', [
        'Renamed meanwhile',
        renamed.prospect.id,
      ]);
      await other.query('update contacts set email = $1 where id = $2', [
        'new@x.test',
        readdressed.contact?.id,
      ]);
      await other.query('update decisions set reason = $1 where prospect_id = $2', [
        'meanwhile',
        redecided.prospect.id,
      ]);
      const seen = await readDays();
      const of = (r: DayRow) => seen.find((x) => x.prospect.id === r.prospect.id);
      expect(of(renamed)?.prospect.name).toBe(renamed.prospect.name);
      expect(of(readdressed)?.contact?.email).toBe(readdressed.contact?.email);
      expect(of(redecided)?.decision.reason).toBe(redecided.decision.reason);
      const held = [renamed, readdressed].map((r) => r.prospect.id);
      expect(await carded()).toEqual(
        read
          .map((r) => r.prospect.id)
          .filter((id) => !held.includes(id))
          .sort(),
      );
      await other.query('commit');
    } finally {
      await other.end();
    }
    const after = await readDays();
    const of = (r: DayRow) => after.find((x) => x.prospect.id === r.prospect.id);
    expect(of(renamed)?.prospect.name).toBe('Renamed meanwhile');
    expect(of(readdressed)?.contact?.email).toBe('new@x.test');
    expect(of(redecided)?.decision.reason).toBe('meanwhile');
    expect(after).toEqual(await lookedUp());
  });

  it('keeps a card only for the contact it was read for and, on PostgreSQL, from the rows as they stand', async () => {
    const read = await lookedUp();
    const [a, b] = read.filter((r) => r.contact !== undefined) as [DayRow, DayRow];
    await forgetCards();
    /** The versions of a day's row's prospect and contact as they stand (PostgreSQL). */
    const versions = async (r: DayRow): Promise<[string, string | null] | undefined> => {
      if (dialect !== 'postgres') return undefined;
      const of = async (table: 'prospects' | 'contacts', id: string) =>
        (
          await sql<{ v: string }>`select xmin::text as v from ${sql.table(table)} where id = ${id}`.execute(
            q(),
          )
        ).rows[0]?.v ?? null;
      return [(await of('prospects', r.prospect.id)) as string, await of('contacts', r.contact?.id ?? '')];
    };
    const card = async (r: DayRow, contactId: string | null, at?: [string, string | null]) => ({
      prospectId: r.prospect.id,
      contactId,
      card: JSON.stringify([r.prospect, r.contact ?? null]),
      versions: at ?? (await versions(r)),
    });
    if (dialect === 'postgres') {
      // Read, then the prospect or the contact changed before the card is kept: their rows are new
      // versions. (On SQLite, a read's transaction that another's commit overtook is refused when
      // it writes, and run again.)
      const before = await versions(a);
      await q().updateTable('prospects').set({ name: 'Changed' }).where('id', '=', a.prospect.id).execute();
      await decisions.keepCards(q(), dialect, [await card(a, a.contact?.id ?? null, before)]);
      const mid = await versions(a);
      await q()
        .updateTable('contacts')
        .set({ name: 'Changed too' })
        .where('id', '=', a.contact?.id ?? '')
        .execute();
      await decisions.keepCards(q(), dialect, [await card(a, a.contact?.id ?? null, mid)]);
      expect(await carded()).toEqual([]);
    }
    // Read for another contact than the decision names now.
    await decisions.keepCards(q(), dialect, [await card(b, 'another contact')]);
    expect(await carded()).toEqual([]);
    await decisions.keepCards(q(), dialect, [await card(b, b.contact?.id ?? null)]);
    expect(await carded()).toContain(b.prospect.id);
  });

  it('goes down and up again', async () => {
    await readDays();
    // 0021 and 0020 first: they changed 0019's triggers, and moved or dropped its columns.
    await downTable(q());
    await downVersions(q());
    await down(q());
    await expect(sql`select card from decisions`.execute(q())).rejects.toThrow();
    // Without it, contacts and prospects are written as before.
    await q().updateTable('prospects').set({ name: 'After down' }).execute();
    await up(q());
    await upVersions(q());
    await upTable(q());
    expect(await carded()).toEqual([]);
    const first = await readDays();
    expect(first.every((r) => r.prospect.name === 'After down')).toBe(true);
    expect(await readDays()).toEqual(first);
  });
});
