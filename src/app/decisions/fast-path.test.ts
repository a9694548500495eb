// The fast path (every prospect of an organisation re-decided a page at a time, its histories read
// as index ranges and decided in worker threads) decides exactly what `pursuit decide` decides from
// each prospect's stored scenario, checked field by field, on the demo and on a 10,000-prospect
// organisation; the prospects of another organisation that share the id ranges are left alone.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Prospect, StoredDecision, StoredEvent } from '../../core/records.js';
import { DAY, HOUR } from '../../core/calendar.js';
import { organisations, products, users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { decisions, toDecision } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { playbooks } from '../../store/repositories/playbooks.repository.js';
import { chunks } from '../../store/repositories/rows.js';
import { DIALECTS, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext, Q } from '../context.js';
import { createDemo } from '../demo/demo.js';
import { groupBy } from '../collections.js';
import { createDecider } from './decider.js';
import { decidingVersions, refreshDecisions, toStored } from './decisions.js';
import { redecideAll } from './everyone.js';
import { usePlaybook } from './playbook.js';
import { scenarioFromStore } from './scenario.js';
import { withSuppressions } from './suppressions.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
/** Two days and an hour on: waits end, follow-ups fall due, many decisions change. */
const LATER = NOW + 2 * DAY + HOUR;
const NEIGHBOUR = 'org-neighbour';

async function allRows<T>(q: Q, ids: string[], read: (q: Q, part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(ids)) out.push(...(await read(q, part)));
  return out;
}

/** Every prospect's decision as the contract's validating path makes it, one scenario at a time. */
async function referenceDecisions(ctx: AppContext, q: Q, orgId: string, at: number) {
  const org = await organisations.findById(q, orgId);
  if (org === undefined) throw new Error('no organisation');
  const stored = await playbooks.active(q, orgId);
  const decider = createDecider({
    defaultPlaybookText: ctx.defaultPlaybookText,
    ...(stored === undefined ? {} : { playbookText: stored.document }),
  });
  const ids = (await q.selectFrom('prospects').select('id').where('org_id', '=', orgId).execute()).map(
    (r) => r.id,
  );
  const ps = await allRows<Prospect>(q, ids, prospects.findByIds);
  const cs = groupBy(
    await withSuppressions(q, orgId, await allRows<Contact>(q, ids, contacts.listByProspects)),
    (c) => c.prospectId,
  );
  const es = groupBy(await allRows<StoredEvent>(q, ids, events.listByProspects), (e) => e.prospectId);
  const owners = new Map((await users.list(q, orgId)).map((u) => [u.id, u]));
  const productsById = new Map((await products.list(q, orgId)).map((p) => [p.id, p]));
  const out = new Map<string, StoredDecision>();
  for (const p of ps) {
    const list = cs.get(p.id);
    if (list === undefined) continue;
    const owner = owners.get(p.ownerId);
    if (owner === undefined) throw new Error(`prospect ${p.id} has no owner`);
    const scenario = scenarioFromStore({
      now: at,
      org,
      owner,
      prospect: p,
      product: p.productId === null ? undefined : productsById.get(p.productId),
      contacts: list,
      events: (es.get(p.id) ?? []).map((e) => e.data),
    });
    // Through JSON, as `pursuit decide` reads a file: nothing the fast path skips is taken on trust.
    out.set(p.id, toStored(p, decider.decide(JSON.parse(JSON.stringify(scenario))), at));
  }
  return out;
}

/** A copy of some of the organisation's prospects in another organisation, ids interleaved. */
async function addNeighbour(q: Q, orgId: string, count: number): Promise<string[]> {
  await organisations.insert(q, { id: NEIGHBOUR, name: 'Neighbour Co', createdAt: NOW });
  const rep = (await users.list(q, orgId))[0];
  if (rep === undefined) throw new Error('no user');
  const owner = { ...rep, id: 'neighbour-rep', orgId: NEIGHBOUR, email: 'rep@neighbour.test' };
  await users.insert(q, owner);
  const ids = (
    await q.selectFrom('prospects').select('id').where('org_id', '=', orgId).orderBy('id').execute()
  ).map((r) => r.id);
  const some = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / count)) === 0).slice(0, count);
  // A suffix sorts each copy right after its original: the copies sit inside the pages' ranges.
  const copy = (id: string) => `${id}0`;
  const ps = await prospects.findByIds(q, some);
  await prospects.insertMany(
    q,
    ps.map((p) => ({ ...p, id: copy(p.id), orgId: NEIGHBOUR, ownerId: owner.id, productId: null })),
  );
  const cs = await contacts.listByProspects(q, some);
  const es = await events.listByProspects(q, some);
  // Every reference inside an event (its contact, a referred contact, a commitment it prepares or
  // replaces) is to a copy too.
  const known = new Set([...cs.map((c) => c.id), ...es.map((e) => e.id)]);
  const copied = (value: unknown) => (typeof value === 'string' && known.has(value) ? copy(value) : value);
  await contacts.insertMany(
    q,
    cs.map((c) => ({ ...c, id: copy(c.id), orgId: NEIGHBOUR, prospectId: copy(c.prospectId) })),
  );
  await events.insertMany(
    q,
    es.map((e) => ({
      ...e,
      id: copy(e.id),
      orgId: NEIGHBOUR,
      prospectId: copy(e.prospectId),
      contactId: e.contactId === null ? null : copy(e.contactId),
      loggedBy: null,
      sourceKey: null,
      data: Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, copied(v)])),
    })),
  );
  return some.map(copy);
}

// The large organisation on SQLite only: building it takes a minute on PostgreSQL, and the demo
// already covers PostgreSQL's reads and writes of the fast path. PURSUIT_FAST_PATH_PROSPECTS sets
// its size (CI's second Node pass makes it smaller, to keep the whole run short).
const LARGE = Number(process.env.PURSUIT_FAST_PATH_PROSPECTS ?? 10_000);
const CASES = DIALECTS.flatMap((dialect) => [
  { dialect, name: 'the demo', prospects: 300, seed: 1 },
  ...(dialect === 'sqlite'
    ? [
        {
          dialect,
          name: `a ${LARGE.toLocaleString('en-US')}-prospect organisation`,
          prospects: LARGE,
          seed: 20261203,
        },
      ]
    : []),
]);

describe.each(CASES)('the fast path on $dialect, $name', ({ dialect, prospects: size, seed }) => {
  let t: TestDb;
  let clock: TestClock;
  let ctx: AppContext;
  let orgId: string;
  let neighbours: string[];

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    clock = new TestClock(NOW);
    ctx = appContext(t.db, clock);
    orgId = (await createDemo(ctx, { prospects: size, seed })).organisation.id;
    neighbours = await t.db.kysely.transaction().execute(async (q) => {
      const copies = await addNeighbour(q, orgId, 50);
      await refreshDecisions(q, NEIGHBOUR, copies, NOW, ctx.defaultPlaybookText);
      return copies;
    });
  }, 600_000);

  afterAll(async () => {
    await t.drop();
  });

  it('decides every prospect as the validating path does, field by field', async () => {
    const q = t.db.kysely;
    const neighbourBefore = await decisions.findByProspects(q, neighbours);
    const before = new Map(
      (await q.selectFrom('decisions').selectAll().where('org_id', '=', orgId).execute()).map((r) => [
        r.prospect_id,
        toDecision(r),
      ]),
    );
    const changed = await q
      .transaction()
      .execute((tx) => redecideAll(tx, orgId, LATER, ctx.defaultPlaybookText));
    const reference = await referenceDecisions(ctx, q, orgId, LATER);
    const after = new Map(
      (await q.selectFrom('decisions').selectAll().where('org_id', '=', orgId).execute()).map((r) => [
        r.prospect_id,
        toDecision(r),
      ]),
    );
    expect(after.size).toBe(reference.size);
    expect(reference.size).toBeGreaterThan(size * 0.9);
    let kept = 0;
    for (const [id, expected] of reference) {
      const got = after.get(id) as StoredDecision;
      expect(got.decision, id).toEqual(expected.decision);
      const { decidedAt, ...fields } = got;
      const { decidedAt: _, ...expectedFields } = expected;
      expect(fields, id).toEqual(expectedFields);
      // A decision that came out as it stood keeps the time it was made; any other is made now.
      const old = before.get(id);
      if (decidedAt === LATER) continue;
      kept += 1;
      expect(old?.decidedAt, id).toBe(decidedAt);
      expect(JSON.stringify(old?.decision), id).toBe(JSON.stringify(expected.decision));
    }
    // Time changed many decisions, and left some as they were.
    const moved = [...reference].filter(([id, d]) => {
      const old = before.get(id);
      return old === undefined || old.action !== d.action || old.rule !== d.rule;
    }).length;
    expect(changed).toBe(moved);
    expect(moved).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
    // The other organisation's decisions, inside the same id ranges, are as they were.
    expect(await decisions.findByProspects(q, neighbours)).toEqual(neighbourBefore);
  }, 600_000);

  it('leaves a decision that stands unwritten a minute later, an overdue one looked at again as set', async () => {
    const q = t.db.kysely;
    const rows = async () =>
      new Map(
        (await q.selectFrom('decisions').selectAll().where('org_id', '=', orgId).execute()).map((r) => [
          r.prospect_id,
          toDecision(r),
        ]),
      );
    const before = await rows();
    const soon = LATER + 60_000;
    const changed = await q
      .transaction()
      .execute((tx) => redecideAll(tx, orgId, soon, ctx.defaultPlaybookText));
    const reference = await referenceDecisions(ctx, q, orgId, soon);
    const after = await rows();
    let overdue = 0;
    for (const [id, expected] of reference) {
      const got = after.get(id) as StoredDecision;
      const { decidedAt, recheckAt, ...fields } = got;
      const { decidedAt: _, recheckAt: fresh, ...expectedFields } = expected;
      expect(fields, id).toEqual(expectedFields);
      if (decidedAt === soon) {
        expect(recheckAt, id).toBe(fresh);
        continue;
      }
      // Left as it stood: looked at again when set, never later than a fresh decision would be.
      expect(got, id).toEqual(before.get(id));
      if (recheckAt === fresh) continue;
      overdue += 1;
      expect(recheckAt, id).toBeGreaterThan(soon);
      expect(recheckAt, id).toBeLessThanOrEqual(fresh as number);
    }
    const moved = [...reference].filter(([id, d]) => {
      const old = before.get(id);
      return old === undefined || old.action !== d.action || old.rule !== d.rule;
    }).length;
    expect(changed).toBe(moved);
    expect(overdue).toBeGreaterThan(0);
  }, 600_000);

  it('writes every decision of a new playbook, its indexed columns too where they moved', async () => {
    const q = t.db.kysely;
    const admin = (await users.list(q, orgId)).find((u) => u.role === 'admin');
    if (admin === undefined) throw new Error('no admin');
    const before = new Map((await decisions.summariesInRange(q, { after: '', last: '\uffff' })).entries());
    clock.t = LATER + 60_000;
    // Follow-ups spaced otherwise: some due dates and rechecks move, every decision names the version.
    await usePlaybook(
      ctx,
      admin,
      'extends: default\nid: spaced\nversion: 2\nname: Spaced\nfollowUp:\n  spacingBusinessDays: [2, 3, 4, 6, 8, 11, 15]\n',
    );
    const reference = await referenceDecisions(ctx, q, orgId, LATER + 60_000);
    const after = new Map(
      (await q.selectFrom('decisions').selectAll().where('org_id', '=', orgId).execute()).map((r) => [
        r.prospect_id,
        toDecision(r),
      ]),
    );
    let moved = 0;
    for (const [id, expected] of reference) {
      const { decidedAt: _, ...fields } = after.get(id) as StoredDecision;
      const { decidedAt: __, ...expectedFields } = expected;
      expect(fields, id).toEqual(expectedFields);
      expect(fields.playbookVersion, id).toBe('spaced@2');
      const old = before.get(id);
      if (old?.due !== expected.due || old.recheck_at !== expected.recheckAt) moved += 1;
    }
    // Both kinds of write happened: rows whose indexed columns stayed, and rows whose moved.
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(reference.size);
    // Read for the versions deciding, the summaries hold each decision's text (or its print); for
    // others, none: no decision of another version stands as stored.
    const deciding = await decidingVersions(q, orgId, ctx.defaultPlaybookText);
    expect(deciding.playbookVersion).toBe('spaced@2');
    const everyone = { after: '', last: '\uffff' };
    const texts = (versions: typeof deciding) =>
      decisions
        .summariesInRange(q, everyone, versions)
        .then((m) => [...m.values()].filter((s) => (s.text ?? s.print) !== undefined).length);
    expect(await texts(deciding)).toBe(reference.size);
    expect(await texts({ ...deciding, playbookVersion: 'none@0' })).toBe(0);
  }, 600_000);
});
