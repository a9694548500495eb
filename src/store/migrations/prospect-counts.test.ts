// Migration 0017: each prospect's team counts are forgotten by the database whenever its events (or
// its source or arrival) change, however they are written; counts read before a change are not
// written after it (PostgreSQL, where writers do not take turns); and `down` removes it all.

import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { logEvent } from '../../app/prospects/logging.js';
import type { User } from '../../core/records.js';
import { prospectCounts } from '../repositories/counts.repository.js';
import { events } from '../repositories/events.repository.js';
import { down, up } from './2026-12-07-0017-prospect-counts.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('migration 0017 on %s', (dialect) => {
  let t: TestDb;
  let rep: User;
  let orgId: string;
  let ids: string[];

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    const demo = await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 12 });
    rep = demo.users.find((u) => u.role === 'rep') as User;
    orgId = demo.organisation.id;
    ids = (await t.db.kysely.selectFrom('prospects').select('id').orderBy('id').execute()).map((r) => r.id);
  });
  afterEach(async () => t.drop());

  /** Counts every prospect, as the app keeps them (the value does not matter here). */
  const countAll = async () => {
    const read = await prospectCounts.of(t.db.kysely, ids);
    await prospectCounts.store(
      t.db.kysely,
      read.map((p) => ({ prospectId: p.id, generation: p.generation, counts: `{"of":"${p.id}"}` })),
    );
  };
  /** The prospects whose counts are missing. */
  const missing = async () =>
    (await prospectCounts.of(t.db.kysely, ids)).filter((p) => p.counts === null).map((p) => p.id);

  it('forgets the counts of a prospect whose events are inserted, changed or deleted, and only those', async () => {
    expect((await missing()).length).toBe(ids.length);
    await countAll();
    expect(await missing()).toEqual([]);
    const [a, b, c, d] = ids as [string, string, string, string];

    const ctx = appContext(t.db, new TestClock(NOW));
    await t.db.kysely.updateTable('prospects').set({ owner_id: rep.id }).where('id', '=', a).execute();
    const logged = await logEvent(ctx, rep, a, { type: 'touch', channel: 'call', outcome: 'no-answer' });
    expect(await missing()).toEqual([a]);
    await countAll();

    const event = await events.findById(t.db.kysely, logged.event.id);
    await events.replaceData(t.db.kysely, logged.event.id, { ...event?.data, outcome: 'voicemail' });
    expect(await missing()).toEqual([a]);
    await countAll();
    await events.delete(t.db.kysely, logged.event.id);
    expect(await missing()).toEqual([a]);
    await countAll();

    // A bulk insert (an import's) forgets every prospect it wrote to.
    await events.insertMany(
      t.db.kysely,
      [b, c].map((prospectId, i) => ({
        id: `bulk-${i}`,
        orgId,
        prospectId,
        type: 'touch',
        at: NOW,
        contactId: null,
        data: { type: 'touch', at: new Date(NOW).toISOString(), channel: 'email', outcome: 'sent' },
        loggedBy: null,
        loggedAt: NOW,
        logSeq: null,
        sourceKey: null,
      })),
    );
    expect(await missing()).toEqual([b, c].sort());
    await countAll();

    // A prospect's source and arrival count (speed to lead); its name does not.
    await t.db.kysely.updateTable('prospects').set({ name: 'Renamed' }).where('id', '=', d).execute();
    expect(await missing()).toEqual([]);
    const { source } = await t.db.kysely
      .selectFrom('prospects')
      .select('source')
      .where('id', '=', d)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('prospects')
      .set({ source: source === 'inbound' ? 'outbound' : 'inbound' })
      .where('id', '=', d)
      .execute();
    await t.db.kysely
      .updateTable('prospects')
      .set((eb) => ({ created_at: eb('created_at', '+', 1) }))
      .where('id', '=', c)
      .execute();
    expect(await missing()).toEqual([c, d].sort());

    // A prospect deleted takes its events and counts with it.
    await t.db.kysely.deleteFrom('prospects').where('id', '=', a).execute();
    const left = await t.db.kysely.selectFrom('prospect_counts').select('prospect_id').execute();
    expect(left.map((r) => r.prospect_id)).not.toContain(a);
  });

  it('writes counts only into the generation they were read at, on PostgreSQL', async () => {
    if (dialect !== 'postgres') return; // SQLite's writers take turns: a write transaction's read holds.
    const [a, b] = ids as [string, string];
    await countAll();
    // Read (as a page being counted reads), then an event is logged elsewhere, then written.
    const ctx = appContext(t.db, new TestClock(NOW));
    await t.db.kysely.updateTable('prospects').set({ owner_id: rep.id }).where('id', 'in', [a, b]).execute();
    await logEvent(ctx, rep, a, { type: 'touch', channel: 'call', outcome: 'no-answer' });
    const read = await prospectCounts.of(t.db.kysely, [a]);
    await logEvent(ctx, rep, a, { type: 'touch', channel: 'call', outcome: 'voicemail' });
    await prospectCounts.store(t.db.kysely, [
      { prospectId: a, generation: read[0]?.generation ?? null, counts: '{}' },
    ]);
    expect(await missing()).toEqual([a]);
    // A prospect with no row when read, which gained one (its events changed) before the write.
    await t.db.kysely.deleteFrom('prospect_counts').where('prospect_id', '=', b).execute();
    const none = await prospectCounts.of(t.db.kysely, [b]);
    expect(none[0]?.generation).toBe(null);
    await logEvent(ctx, rep, b, { type: 'touch', channel: 'call', outcome: 'no-answer' });
    await prospectCounts.store(t.db.kysely, [{ prospectId: b, generation: null, counts: '{}' }]);
    expect(await missing()).toEqual([a, b].sort());
    // Read at the right generation, they are written.
    await countAll();
    expect(await missing()).toEqual([]);
  });

  it('is removed whole by down, and events are written without it', async () => {
    await down(t.db.kysely);
    const ctx = appContext(t.db, new TestClock(NOW));
    const [a] = ids as [string];
    await t.db.kysely
      .updateTable('prospects')
      .set({ owner_id: rep.id, source: 'event' })
      .where('id', '=', a)
      .execute();
    await logEvent(ctx, rep, a, { type: 'touch', channel: 'call', outcome: 'no-answer' });
    await expect(sql`select count(*) from prospect_counts`.execute(t.db.kysely)).rejects.toThrow();
    await up(t.db.kysely);
    expect((await missing()).length).toBe(ids.length);
  });
});
