// The organisation of bench:api, on SQLite or PostgreSQL: --reps reps with --each prospects each
// (one contact, a short history), written in bulk in one transaction and decided by the engine. Most
// of each rep's book has a call agreed for the coming weeks and about 5% is due today, as in a worked
// pipeline; rep0, the one measured, has `dueToday` prospects due today and the rest scheduled later.
// Run after npm run build (it imports dist/).

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { openDatabase } = await import(dist('store/database.js'));
const { init } = await import(dist('app/accounts/workspace.js'));
const { users } = await import(dist('store/repositories/people.repository.js'));
const { prospects, contacts } = await import(dist('store/repositories/prospects.repository.js'));
const { events } = await import(dist('store/repositories/events.repository.js'));
const { credentials } = await import(dist('store/repositories/accounts.repository.js'));
const { refreshDecisions } = await import(dist('app/decisions/decisions.js'));
const { seeded } = await import(dist('core/simulate/random.js'));

const DAY = 86_400_000;

function rep(orgId, i, now) {
  return {
    id: randomUUID(),
    orgId,
    email: `rep${i}@bench.test`,
    name: `Rep ${i}`,
    role: 'rep',
    managerId: null,
    timezone: 'America/New_York',
    phone: '+1 555 0100',
    hourlyValue: null,
    createdAt: now - 400 * DAY,
  };
}

/** Prospect i (of rep i % reps), its contact and its events: due today when `dueToday` says so. */
function prospectRows(orgId, owner, i, now, r, dueToday) {
  const createdAt = now - Math.floor((20 + r() * 100) * DAY);
  const p = {
    id: `p${i}`,
    orgId,
    ownerId: owner.id,
    name: `Company ${i}`,
    relationship: 'prospect',
    source: 'outbound',
    createdAt,
    dealValue: Math.round(5000 + r() * 50000),
    icpFit: 'fit',
    serious: null,
    goalsClear: null,
    priceOnly: null,
    productId: null,
    productFit: 'unknown',
    doNotContact: false,
    snoozedUntil: null,
    updatedAt: createdAt,
  };
  const c = {
    id: `c${i}`,
    orgId,
    prospectId: p.id,
    position: 0,
    name: `Contact ${i}`,
    role: 'primary',
    email: `c${i}@company${i}.test`,
    phone: '+1 555 0199',
    timezone: 'America/New_York',
    doNotContact: false,
    createdAt,
  };
  const event = (k, at, data) => ({
    id: `e${i}_${k}`,
    orgId,
    prospectId: p.id,
    type: data.type,
    at,
    contactId: c.id,
    data: { id: `e${i}_${k}`, at: new Date(at).toISOString(), contactId: c.id, ...data },
    loggedBy: owner.id,
    loggedAt: at,
    sourceKey: null,
  });
  if (dueToday(r)) {
    // Emailed yesterday, never reached: the next touch is due today.
    const at = now - DAY - Math.floor(r() * 3_600_000);
    return { p, c, es: [event(0, at, { type: 'touch', channel: 'email', outcome: 'sent' })] };
  }
  // Reached on a call, and a call agreed for the coming weeks: nothing to do today.
  const talked = now - Math.floor((1 + r() * 10) * DAY);
  const due = new Date(now + Math.floor((3 + r() * 80) * DAY));
  due.setUTCHours(15, 0, 0, 0);
  const es = [
    event(0, talked, { type: 'touch', channel: 'call', outcome: 'connected' }),
    event(1, talked + 60_000, { type: 'commitment', kind: 'call', by: 'both', due: due.toISOString() }),
  ];
  return { p, c, es };
}

/**
 * Builds the organisation in `config` (every rep signs in with `password`); returns the
 * organisation's id and rep0, the measured rep (a User record).
 */
export async function buildOrg(config, { reps, each, dueToday, now, passwordHash, playbookText }) {
  const db = await openDatabase(config);
  const ctx = { db, now: () => now, defaultPlaybookText: playbookText };
  const { org } = await init(ctx, {
    organisation: 'Bench Co',
    name: 'Ada Admin',
    email: 'admin@bench.test',
    timezone: 'America/New_York',
  });
  const r = seeded(7);
  const team = Array.from({ length: reps }, (_, i) => rep(org.id, i, now));
  await db.kysely.transaction().execute(async (q) => {
    for (const user of team) {
      await users.insert(q, user);
      await credentials.set(q, user.id, passwordHash, now);
    }
    for (let start = 0; start < reps * each; start += 5000) {
      const ps = [];
      const cs = [];
      const es = [];
      for (let i = start; i < Math.min(start + 5000, reps * each); i += 1) {
        // rep0's first `dueToday` prospects are due today; everyone else's one in twenty.
        const due = i % reps === 0 ? () => i / reps < dueToday : (x) => x() < 0.05;
        const rows = prospectRows(org.id, team[i % reps], i, now, r, due);
        ps.push(rows.p);
        cs.push(rows.c);
        es.push(...rows.es);
      }
      await prospects.insertMany(q, ps);
      await contacts.insertMany(q, cs);
      await events.insertMany(q, es);
    }
    const ids = (await q.selectFrom('prospects').select('id').execute()).map((x) => x.id);
    await refreshDecisions(q, org.id, ids, now, playbookText);
  });
  await db.refreshStatistics(['prospects', 'contacts', 'events', 'decisions']);
  await db.close();
  return { orgId: org.id, rep0: team[0] };
}
