// decisions.day reads a rep's day in one statement and decisions.dayOf some of its actions, the
// prospect's and the contact's columns sent as JSON arrays; decisions.dayIndex reads the day with only
// what orders, counts and times it, and prospects.snoozedAfter its snoozes. They must give exactly
// what the separate reads give (decisions.agenda, then prospects and contacts by id), whatever the
// text, the numbers, a contact gone, a snooze or a call to prepare.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { createDemo } from '../../app/demo/demo.js';
import { decisions } from './decisions.repository.js';
import { contacts, prospects } from './prospects.repository.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

describeDialects('decisions.day, dayIndex and dayOf on %s', (dialect) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await createDemo(appContext(t.db, new TestClock(NOW)), { prospects: 40 });
  });

  afterAll(async () => {
    await t.drop();
  });

  it('gives each action with its prospect and contact, as the separate reads do, in their order', async () => {
    const q = t.db.kysely;
    const rows = await q
      .selectFrom('decisions')
      .selectAll()
      .where('due', 'is not', null)
      .where('action', 'not in', ['wait', 'stop', 'prepare'])
      .execute();
    const [first, second, third, fourth] = rows;
    if (first === undefined || second === undefined || third === undefined || fourth === undefined)
      throw new Error('the demo has too few dated decisions');
    // Text JSON must escape, numbers that must come back exact, a contact gone, a call to prepare.
    await q
      .updateTable('prospects')
      .set({ name: 'Ünïcødé "quoted" \\ back\nslash\t😀', deal_value: 12345.678901234567, serious: 1 })
      .where('id', '=', first.prospect_id)
      .execute();
    for (const [row, value] of [
      [second, 1 / 3],
      [third, 0.1 + 0.2],
      [fourth, 5e-324],
    ] as const)
      await q.updateTable('prospects').set({ deal_value: value }).where('id', '=', row.prospect_id).execute();
    await q
      .updateTable('contacts')
      .set({ name: "O'Brien \u2028 «x»", email: null, email_bounced_at: NOW - DAY })
      .where('id', '=', second.contact_id ?? '')
      .execute();
    await q
      .deleteFrom('contacts')
      .where('id', '=', third.contact_id ?? '')
      .execute();
    await q
      .updateTable('decisions')
      .set({ action: 'prepare', due: NOW + 5 * DAY })
      .where('prospect_id', '=', fourth.prospect_id)
      .execute();
    await q
      .updateTable('prospects')
      .set({ snoozed_until: NOW + DAY })
      .where('id', '=', second.prospect_id)
      .execute();

    const byId = <T>(list: T[], id: (x: T) => string) => [...list].sort((x, y) => id(x).localeCompare(id(y)));
    let modelled = 0;
    for (const owner of [...new Set(rows.map((r) => r.owner_id))]) {
      const a = { orgId: first.org_id, ownerId: owner, dueBefore: NOW + 400 * DAY };
      const stored = await decisions.agenda(q, a);
      const ps = new Map(
        (
          await prospects.findByIds(
            q,
            stored.map((d) => d.prospectId),
          )
        ).map((p) => [p.id, p]),
      );
      const cs = new Map(
        (
          await contacts.findByIds(
            q,
            stored.flatMap((d) => (d.contactId === null ? [] : [d.contactId])),
          )
        ).map((c) => [c.id, c]),
      );
      const expected = stored.map((d) => ({
        prospect: ps.get(d.prospectId),
        contact: d.contactId === null ? undefined : cs.get(d.contactId),
        decision: d.decision,
        due: d.due,
        urgency: d.urgency,
        valuePerMinute: d.valuePerMinute,
      }));
      expect(await decisions.day(q, dialect, a)).toEqual(expected);
      const ids = stored.map((d) => d.prospectId);
      const whole = await decisions.dayOf(q, dialect, first.org_id, ids);
      expect(byId(whole, (r) => r.prospect.id)).toEqual(byId(expected, (r) => r.prospect?.id ?? ''));
      const index = await decisions.dayIndex(q, dialect, a);
      expect(byId(index, (r) => r.prospectId)).toEqual(
        byId(
          stored.map((d) => ({
            prospectId: d.prospectId,
            action: d.action,
            channel: d.channel,
            due: d.due,
            urgency: d.urgency,
            valuePerMinute: d.valuePerMinute,
            modelMinutes: (d.decision.model as { minutes: number } | undefined)?.minutes ?? null,
          })),
          (r) => r.prospectId,
        ),
      );
      modelled += index.filter((r) => r.modelMinutes !== null).length;
    }
    // The demo's decisions come from a calibrated model: its minutes were read from their text.
    expect(modelled).toBeGreaterThan(0);
    // Snoozed past a time: the one snoozed, not before it wakes, and no prospect of another owner.
    const snoozed = (at: number, owner = second.owner_id) =>
      prospects.snoozedAfter(q, first.org_id, owner, at).then((m) => [...m]);
    expect(await snoozed(NOW)).toEqual([[second.prospect_id, NOW + DAY]]);
    expect(await snoozed(NOW + DAY)).toEqual([]);
    const other = rows.find((r) => r.owner_id !== second.owner_id);
    if (other !== undefined) expect(await snoozed(NOW, other.owner_id)).toEqual([]);
    const day = await decisions.dayOf(
      q,
      dialect,
      first.org_id,
      [first, third].map((r) => r.prospect_id),
    );
    const odd = day.find((r) => r.prospect.id === first.prospect_id);
    expect(day.find((r) => r.prospect.id === third.prospect_id)?.contact).toBeUndefined();
    expect(odd?.prospect.name).toBe('Ünïcødé "quoted" \\ back\nslash\t😀');
    expect(odd?.prospect.dealValue).toBe(12345.678901234567);
    expect(odd?.prospect.serious).toBe(true);
  });
});
