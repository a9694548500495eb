// `pursuit demo` on a real database (SQLite file and PostgreSQL): the team it creates, every rule of
// the catalogue among its decisions, the same demo for the same seed (on either database), a refusal
// on a database already in use, and an agenda for every rep that opens with time-critical work.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PursuitError } from '../../core/errors.js';
import { RULES } from '../../core/rules/catalogue.js';
import { loadPlaybook } from '../../core/playbook/load.js';
import type { StoredDecision } from '../../core/records.js';
import { organisations, users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { agenda } from '../day/agenda.js';
import { createDemo, demoLogins } from './demo.js';
import type { DemoOptions, DemoSummary } from './demo.js';

const NOW = '2026-03-10T15:00:00Z'; // a Tuesday
const TIME_CRITICAL = new Set(['respond', 'referral', 'committed-call', 'speed-to-lead']);

async function failure(promise: Promise<unknown>): Promise<PursuitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PursuitError)) throw new Error(`expected a PursuitError, got ${String(error)}`);
  return error;
}

interface Snapshot {
  users: string[];
  names: string[];
  decisions: StoredDecision[];
}

/** What a demo wrote that a newcomer sees: the team, the prospects' names, and every decision. */
async function snapshot(ctx: AppContext): Promise<Snapshot> {
  const q = ctx.db.kysely;
  const orgs = await organisations.list(q);
  const org = orgs[0];
  if (org === undefined || orgs.length > 1) throw new Error('expected one organisation');
  return {
    users: (await users.list(q, org.id)).map((u) => `${u.name} <${u.email}> ${u.role}`),
    names: (await prospects.list(q, { orgId: org.id })).map((p) => p.name),
    decisions: (await decisions.listByOwners(q, org.id)).sort((a, b) =>
      a.prospectId.localeCompare(b.prospectId),
    ),
  };
}

/** A demo in a fresh SQLite database, dropped afterwards. */
async function onSqlite<T>(
  now: string,
  options: DemoOptions,
  fn: (ctx: AppContext, s: DemoSummary) => Promise<T>,
): Promise<T> {
  const t = await freshDatabase('sqlite');
  try {
    const ctx = appContext(t.db, new TestClock(Date.parse(now)));
    return await fn(ctx, await createDemo(ctx, options));
  } finally {
    await t.drop();
  }
}

/** Rules only a calibrated model takes (the demo decides with the playbook's prior). */
const CALIBRATED_ONLY = new Set(['exploration']);

function missingRules(summary: DemoSummary): string[] {
  return Object.entries(summary.decisionsByRule)
    .filter(([rule, n]) => n === 0 && !CALIBRATED_ONLY.has(rule))
    .map(([rule]) => rule);
}

/** The zones the demo's contacts work in (a contact without one keeps its rep's). */
async function contactZones(ctx: AppContext): Promise<string[]> {
  const rows = await ctx.db.kysely
    .selectFrom('contacts')
    .innerJoin('prospects', 'prospects.id', 'contacts.prospect_id')
    .innerJoin('users', 'users.id', 'prospects.owner_id')
    .select(['contacts.timezone', 'users.timezone as repZone'])
    .execute();
  return [...new Set(rows.map((r) => r.timezone ?? r.repZone))];
}

/** Committed calls and meetings due outside their contact's working hours (none, in a good demo). */
async function callsOutsideHours(ctx: AppContext): Promise<string[]> {
  const calendar = loadPlaybook(ctx.defaultPlaybookText).calendar;
  const rows = await ctx.db.kysely
    .selectFrom('events')
    .innerJoin('contacts', 'contacts.id', 'events.contact_id')
    .innerJoin('prospects', 'prospects.id', 'events.prospect_id')
    .innerJoin('users', 'users.id', 'prospects.owner_id')
    .select(['events.data', 'contacts.timezone', 'contacts.name', 'users.timezone as repZone'])
    .where('events.type', '=', 'commitment')
    .execute();
  return rows.flatMap((r) => {
    const c = JSON.parse(r.data) as { kind: string; due?: string };
    if ((c.kind !== 'call' && c.kind !== 'meeting') || c.due === undefined) return [];
    // A contact without a zone keeps the rep's hours.
    const zone = r.timezone ?? r.repZone;
    return calendar.inWindow(zone, Date.parse(c.due))
      ? []
      : [`${c.kind} with ${r.name} at ${c.due} (${zone})`];
  });
}

async function firstRulesOfAgendas(ctx: AppContext, summary: DemoSummary): Promise<string[]> {
  const out: string[] = [];
  for (const rep of summary.users.filter((u) => u.role === 'rep')) {
    const day = await agenda(ctx, rep, {});
    out.push(day.items[0]?.decision.rule ?? 'empty');
  }
  return out;
}

describeDialects('the demo on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let summary: DemoSummary;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse(NOW)));
    summary = await createDemo(ctx);
  });

  afterAll(async () => {
    await t.drop();
  });

  it('creates Northwind Analytics: an admin, a manager, and reps in different time zones with phones', async () => {
    expect(summary.organisation.name).toBe('Northwind Analytics');
    const team = await users.list(ctx.db.kysely, summary.organisation.id);
    expect(team.map((u) => u.email).sort()).toEqual(
      demoLogins()
        .map((l) => l.email)
        .sort(),
    );
    expect(summary.users.map((u) => u.email)).toEqual(demoLogins().map((l) => l.email));
    expect(team.filter((u) => u.role === 'admin')).toHaveLength(1);
    const manager = team.find((u) => u.role === 'manager');
    const reps = team.filter((u) => u.role === 'rep');
    expect(reps.length).toBeGreaterThanOrEqual(3);
    expect(reps.length).toBeLessThanOrEqual(5);
    expect(new Set(reps.map((r) => r.timezone)).size).toBe(reps.length);
    for (const rep of reps) {
      expect(rep.phone).toMatch(/^\+\d/);
      expect(rep.managerId).toBe(manager?.id);
    }
  });

  it('gives 300 prospects 1 to 3 contacts each, some without a phone, some opted out', async () => {
    expect(summary.prospects).toBe(300);
    const all = await prospects.list(ctx.db.kysely, { orgId: summary.organisation.id });
    expect(all).toHaveLength(300);
    expect(new Set(all.map((p) => p.name)).size).toBe(300);
    expect(new Set(all.map((p) => p.source))).toEqual(new Set(['inbound', 'outbound', 'referral', 'event']));
    const people = await contacts.listByProspects(
      ctx.db.kysely,
      all.map((p) => p.id),
    );
    expect(people).toHaveLength(summary.contacts);
    const perProspect = new Map<string, number>();
    for (const c of people) perProspect.set(c.prospectId, (perProspect.get(c.prospectId) ?? 0) + 1);
    expect(Math.min(...perProspect.values())).toBe(1);
    expect(Math.max(...perProspect.values())).toBe(3);
    expect(people.filter((c) => c.position === 0).every((c) => c.role === 'primary')).toBe(true);
    expect(people.some((c) => c.phone === null)).toBe(true);
    expect(people.some((c) => c.doNotContact)).toBe(true);
  });

  it('lands prospects in every rule of the catalogue, and varies the diagnoses', async () => {
    const { decisions: stored } = await snapshot(ctx);
    expect(stored).toHaveLength(300);
    const byRule: Record<string, number> = Object.fromEntries(Object.keys(RULES).map((r) => [r, 0]));
    for (const d of stored) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
    expect(byRule).toEqual(summary.decisionsByRule);
    expect(missingRules(summary)).toEqual([]);
    const diagnoses = new Set(
      stored.map((d) => JSON.stringify(d.decision.diagnosis)).filter((d) => d !== undefined),
    );
    expect(diagnoses.size).toBeGreaterThanOrEqual(4);
  });

  it("opens every rep's agenda with time-critical work", async () => {
    const firsts = await firstRulesOfAgendas(ctx, summary);
    expect(firsts).toHaveLength(4);
    for (const rule of firsts) expect([...TIME_CRITICAL]).toContain(rule);
  });

  it('refuses a database that already has an organisation, and writes nothing', async () => {
    const before = await snapshot(ctx);
    const error = await failure(createDemo(ctx, { seed: 7 }));
    expect(error.code).toBe('CONFLICT');
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('is the same demo for the same seed: names, ids and decisions', async () => {
    const here = await snapshot(ctx);
    const again = await onSqlite(NOW, {}, async (other, second) => {
      expect(second.decisionsByRule).toEqual(summary.decisionsByRule);
      return snapshot(other);
    });
    expect(again).toEqual(here);
    const otherSeed = await onSqlite(NOW, { seed: 7, prospects: 50 }, async (other) => snapshot(other));
    expect(otherSeed.names.slice(0, 50)).not.toEqual(here.names.slice(0, 50));
  });

  it('names a bad option', async () => {
    expect(await failure(createDemo(ctx, { prospects: 0 }))).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'prospects',
    });
    expect(await failure(createDemo(ctx, { seed: 1.5 }))).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'seed',
    });
  });
});

describe('the demo at any time of the week', () => {
  it.each([
    ['on a Saturday', '2026-03-14T12:00:00Z'],
    ['before dawn on a Monday', '2026-03-16T03:30:00Z'],
    ['late on a Friday', '2026-03-13T23:30:00Z'],
    ['across a change of clocks', '2026-10-25T09:00:00Z'],
  ])(
    '%s still shows every rule, a time-critical start to each agenda, and calls only in working hours',
    async (_, now) => {
      await onSqlite(now, { prospects: 40, seed: Date.parse(now) % 1000 }, async (ctx, s) => {
        // A call committed for now needs someone at work now: when nobody is, it is due at their last
        // working hour and has been missed (rule 9d) rather than kept.
        const calendar = loadPlaybook(ctx.defaultPlaybookText).calendar;
        const atWork = (await contactZones(ctx)).some((zone) => calendar.inWindow(zone, Date.parse(now)));
        expect(missingRules(s).filter((rule) => atWork || rule !== 'committed-call')).toEqual([]);
        for (const rule of await firstRulesOfAgendas(ctx, s)) expect([...TIME_CRITICAL]).toContain(rule);
        expect(await callsOutsideHours(ctx)).toEqual([]);
      });
    },
  );
});
