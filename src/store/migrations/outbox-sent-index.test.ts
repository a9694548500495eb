// Migration 0016: how many emails a mailbox sent since a time, and when it sent its last, are read
// through the partial index of emails sent (on both databases). The mail tests send real emails
// through it; this shows the plans.

import type { CompiledQuery } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeDialects, freshDatabase, queryPlan } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { outbox } from '../repositories/mail.repository.js';
import { down, up } from './2026-12-07-0016-outbox-sent-index.js';

describeDialects('migration 0016 on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.drop());

  it("reads a mailbox's emails sent through the index", async () => {
    t = await freshDatabase(dialect);
    const q = t.db.kysely;
    const plan = (query: CompiledQuery) => queryPlan(t.db, query);
    const counted = q
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('mailbox_id', '=', 'a mailbox')
      .where('sent_at', '>=', 0)
      .compile();
    const latest = q
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('sent_at').as('last'))
      .where('mailbox_id', '=', 'a mailbox')
      .where('sent_at', 'is not', null)
      .compile();
    expect(await plan(counted)).toContain('outbox_mailbox_sent');
    expect(await plan(latest)).toContain('outbox_mailbox_sent');
    expect(await outbox.sentSince(q, 'a mailbox', 0)).toEqual({ count: 0, last: undefined });
    await down(q);
    expect(await plan(latest)).not.toContain('outbox_mailbox_sent');
    await up(q);
    expect(await plan(latest)).toContain('outbox_mailbox_sent');
  });
});
