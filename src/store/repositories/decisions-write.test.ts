// Every prospect's decision is written in bulk (insertColumns): on PostgreSQL its text columns go
// as JSON arrays. What is written must read back exactly, whatever the text; a row sent as it is
// stored is left alone (keepSame); one whose indexed columns are as read is written without them
// (indexesAsStored).

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import type { DecisionsTable } from '../schema.js';
import { decisions } from './decisions.repository.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

const TEXTS = [
  'Ünïcødé "quoted" \\ back\nslash\t😀',
  "O'Brien \u2028 «x» \u0001",
  '["not", "an array"]',
  'null',
  '',
  ' leading and trailing ',
  '{"a":1}',
  'a'.repeat(20_000),
];

describeDialects('decisions written in bulk on %s', (dialect) => {
  let t: TestDb;
  let stored: DecisionsTable[];

  const read = async (): Promise<DecisionsTable[]> =>
    (await t.db.kysely.selectFrom('decisions').selectAll().orderBy('prospect_id').execute()).map((r) => ({
      ...r,
      due: r.due === null ? null : Number(r.due),
      decided_at: Number(r.decided_at),
      recheck_at: r.recheck_at === null ? null : Number(r.recheck_at),
      active_list: Number(r.active_list),
      urgency: Number(r.urgency),
      value_per_minute: Number(r.value_per_minute),
    }));

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 12 });
    stored = await read();
  });

  afterAll(async () => {
    await t.drop();
  });

  it('reads back every text, null and number exactly as written', async () => {
    expect(stored.length).toBeGreaterThanOrEqual(TEXTS.length);
    const written = stored.map((row, i) => {
      const text = TEXTS[i % TEXTS.length] as string;
      return {
        ...row,
        rule: text,
        reason: `${text} (${i})`,
        decision: JSON.stringify({ words: text, i }),
        channel: i % 3 === 0 ? null : text,
        contact_id: i % 4 === 0 ? null : row.contact_id,
        due: i % 5 === 0 ? null : NOW + i * 1_000,
        value_per_minute: 1 / (i + 3),
        playbook_version: `v-${text.slice(0, 12)}`,
      };
    });
    await decisions.upsertRows(t.db.kysely, written);
    expect(await read()).toEqual(written);
    stored = written;
  });

  it('leaves a row sent as it stands alone, and writes one that differs (keepSame)', async () => {
    const [first, second] = stored;
    if (first === undefined || second === undefined) throw new Error('too few decisions');
    const changed = { ...second, reason: 'changed', decided_at: second.decided_at + 1 };
    // Same decision, owner and recheck time: kept as stored even though decided_at differs.
    const same = { ...first, decided_at: first.decided_at + 1 };
    await decisions.upsertRows(t.db.kysely, [same, { ...changed, decision: '{"new":true}' }], {
      keepSame: true,
    });
    const after = await read();
    expect(after.find((r) => r.prospect_id === first.prospect_id)).toEqual(first);
    expect(after.find((r) => r.prospect_id === second.prospect_id)).toEqual({
      ...changed,
      decision: '{"new":true}',
    });
  });

  it('writes all but the indexed columns with indexesAsStored, and leaves a row whose indexed ones moved since', async () => {
    const [first, second] = await read();
    if (first === undefined || second === undefined) throw new Error('too few decisions');
    const rewritten = {
      ...first,
      reason: 'new words',
      decision: '{"words":"new"}',
      decided_at: first.decided_at + 5,
      playbook_version: 'v-next',
    };
    // The second row's owner moved since it was read: the write, made from what was read, is stale.
    await t.db.kysely
      .updateTable('decisions')
      .set({ owner_id: 'someone-else' })
      .where('prospect_id', '=', second.prospect_id)
      .execute();
    const moved = { ...second, owner_id: 'someone-else' };
    await decisions.upsertRows(
      t.db.kysely,
      [rewritten, { ...second, reason: 'stale', decided_at: second.decided_at + 5 }],
      {
        keepSame: true,
        indexesAsStored: true,
      },
    );
    const after = await read();
    expect(after.find((r) => r.prospect_id === first.prospect_id)).toEqual(rewritten);
    expect(after.find((r) => r.prospect_id === second.prospect_id)).toEqual(moved);
    await decisions.upsertRows(t.db.kysely, [second]);
    stored = await read();
  });

  it('writes a text with a lone UTF-16 surrogate, which no UTF-8 store can hold, as U+FFFD', async () => {
    const [first] = stored;
    if (first === undefined) throw new Error('no decision');
    await decisions.upsertRows(t.db.kysely, [{ ...first, reason: `before \ud800 after` }]);
    const reason = (await read()).find((r) => r.prospect_id === first.prospect_id)?.reason ?? '';
    expect(reason).toMatch(/^before \ufffd+ after$/);
  });
});
