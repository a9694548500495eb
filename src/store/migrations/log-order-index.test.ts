// Migration 0015: the next number in an organisation's logging order, and a user's last event logged,
// are read through the partial indexes on that order (on both databases), as they were read without.

import type { CompiledQuery } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import {
  describeDialects,
  queryPlan,
  TestClock,
  appContext,
  freshDatabase,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { logEvent } from '../../app/prospects/logging.js';
import type { User } from '../../core/records.js';
import { events } from '../repositories/events.repository.js';
import { down, up } from './2026-12-07-0015-log-order-index.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('migration 0015 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  it("reads the next place in the logging order and a user's last, through the indexes, as without", async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    const demo = await createDemo(ctx, { prospects: 40 });
    const orgId = demo.organisation.id;
    const q = t.db.kysely;
    // A demo's history is imported, outside the order: a rep logs three touches by hand.
    const rep = demo.users.find((u) => u.role === 'rep') as User;
    const own = await q
      .selectFrom('prospects')
      .select('id')
      .where('owner_id', '=', rep.id)
      .executeTakeFirstOrThrow();
    for (const outcome of ['no-answer', 'voicemail', 'connected'])
      await logEvent(ctx, rep, own.id, { type: 'touch', channel: 'call', outcome });
    const logged = await q
      .selectFrom('events')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('log_seq').as('last')])
      .where('log_seq', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(3);
    const next = await events.nextLogSeq(q, orgId);
    expect(next).toBe(Number(logged.last) + 1);
    // Another organisation's order is its own.
    expect(await events.nextLogSeq(q, 'another organisation')).toBe(1);

    const last = await events.lastLoggedBy(q, orgId, rep.id);
    expect(last?.logSeq).toBe(next - 1);
    const together = await events.loggedTogether(q, orgId, rep.id, next - 1);
    expect(together).toEqual([last]);

    const plan = (query: CompiledQuery) => queryPlan(t.db, query);
    const order = q
      .selectFrom('events')
      .select((eb) => eb.fn.max('log_seq').as('last'))
      .where('org_id', '=', orgId)
      .where('log_seq', 'is not', null)
      .compile();
    const users = q
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('logged_by', '=', rep.id)
      .where('log_seq', 'is not', null)
      .orderBy('log_seq', 'desc')
      .limit(1)
      .compile();
    const place = q
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('logged_by', '=', rep.id)
      .where('log_seq', '=', next - 1)
      .compile();
    expect(await plan(order)).toContain('events_log_order');
    expect(await plan(users)).toContain('events_user_log_order');
    expect(await plan(place)).toContain('events_user_log_order');
    await down(q);
    expect(await plan(order)).not.toContain('events_log_order');
    expect(await plan(users)).not.toContain('events_user_log_order');
    expect(await events.nextLogSeq(q, orgId)).toBe(next);
    expect(await events.lastLoggedBy(q, orgId, rep.id)).toEqual(last);
    expect(await events.loggedTogether(q, orgId, rep.id, next - 1)).toEqual(together);
    await up(q);
    expect(await events.nextLogSeq(q, orgId)).toBe(next);
    expect(await events.lastLoggedBy(q, orgId, rep.id)).toEqual(last);
  });
});
