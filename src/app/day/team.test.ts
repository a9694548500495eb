// The team dashboard on a real database (SQLite file and PostgreSQL): counted a page of prospects at
// a time, it says what counting every prospect's whole history at once says, for the organisation
// and for a manager's team.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { teamStats } from '../../core/team-stats.js';
import type { RepStats } from '../../core/team-stats.js';
import type { User } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { visibleOwners } from '../accounts/actors.js';
import { createDemo } from '../demo/demo.js';
import { logEvent } from '../prospects/logging.js';
import { prospectCounts } from '../../store/repositories/counts.repository.js';
import { keepCurrent } from '../decisions/keeper.js';
import { countMissingInPages, keepTeamCounts, statEvent, sumTeam, teamDashboard } from './team.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('the team dashboard on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let team: User[];

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    team = (await createDemo(ctx, { prospects: 60 })).users;
  });

  afterEach(async () => {
    await t.drop();
  });

  /** The numbers as counted from every prospect and its whole history, read at once. */
  async function counted(actor: User) {
    const q = t.db.kysely;
    const owners = await visibleOwners(q, actor);
    const list = await prospects.list(q, {
      orgId: actor.orgId,
      ...(owners === undefined ? {} : { ownerIds: owners }),
    });
    const histories = await events.historiesOf(
      q,
      list.map((p) => p.id),
    );
    const stats = teamStats(
      list.map((p) => ({
        ownerId: p.ownerId,
        source: p.source,
        createdAt: p.createdAt,
        events: (JSON.parse(histories.get(p.id) ?? '[]') as Record<string, unknown>[]).map(statEvent),
      })),
      await decisions.overdueByOwner(q, actor.orgId, NOW, owners),
      { touches: 0, speedToLeadMinutes: 0 },
    );
    return { byAttempt: stats.byAttempt, afterBreakUp: stats.afterBreakUp, reps: stats.reps };
  }

  /** Reps with something counted, their lists in order of size (the order of counting is no number). */
  const sorted = (reps: RepStats[]) =>
    reps
      .map((r) => ({
        ...r,
        touchesBeforeGivingUp: [...r.touchesBeforeGivingUp].sort((a, b) => a - b),
        minutesToFirstCall: [...r.minutesToFirstCall].sort((a, b) => a - b),
      }))
      .filter((r) => r.breakUps + r.inboundLeads + r.overdue + r.touchesBeforeGivingUp.length > 0)
      .sort((a, b) => a.ownerId.localeCompare(b.ownerId));

  it('counts a page of prospects at a time as it would count them all at once', async () => {
    const admin = team.find((u) => u.role === 'admin') as User;
    const manager = team.find((u) => u.role === 'manager') as User;
    for (const actor of [admin, manager]) {
      const whole = await counted(actor);
      expect(whole.byAttempt.some((a) => a.touches > 0)).toBe(true);
      for (const page of [7, 2000]) {
        const shown = await teamDashboard(ctx, actor, page);
        expect(shown.byAttempt).toEqual(whole.byAttempt);
        expect(shown.afterBreakUp).toEqual(whole.afterBreakUp);
        expect(sorted(shown.reps)).toEqual(
          sorted(whole.reps.filter((r) => shown.names[r.ownerId] !== undefined)),
        );
      }
    }
  });

  /** The prospects whose kept counts are missing. */
  const missing = async () =>
    (await t.db.kysely.selectFrom('prospects').select('id').execute()).length -
    (
      await t.db.kysely
        .selectFrom('prospect_counts')
        .select('prospect_id')
        .where('counts', 'is not', null)
        .execute()
    ).length;

  it("keeps each prospect's counts, and counts again only those whose events changed", async () => {
    const admin = team.find((u) => u.role === 'admin') as User;
    const rep = team.find((u) => u.role === 'rep') as User;
    expect(await missing()).toBeGreaterThan(0);
    const first = await teamDashboard(ctx, admin);
    expect(await missing()).toBe(0);
    // Nothing is left for the server's keeper to count.
    expect(await keepCurrent(ctx, [keepTeamCounts])).toEqual([0]);
    const own = await t.db.kysely
      .selectFrom('prospects')
      .select('id')
      .where('owner_id', '=', rep.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await logEvent(ctx, rep, own.id, {
      type: 'touch',
      channel: 'email',
      outcome: 'sent',
      purpose: 'break-up',
    });
    expect(await missing()).toBe(1);
    const after = await teamDashboard(ctx, admin);
    expect(await missing()).toBe(0);
    expect(after.afterBreakUp.sent).toBe(first.afterBreakUp.sent + 1);
    expect(sorted(after.reps)).toEqual(
      sorted((await counted(admin)).reps.filter((r) => after.names[r.ownerId] !== undefined)),
    );
  });

  it('counts from its history a prospect forgotten after the counting, as if kept', async () => {
    const admin = team.find((u) => u.role === 'admin') as User;
    await countMissingInPages(ctx, admin.orgId, undefined, { page: 7, restMs: 0 });
    const kept = await sumTeam(ctx, admin, undefined, 7);
    // Every third prospect's counts forgotten (as an event written since would).
    const ids = (await t.db.kysely.selectFrom('prospects').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    const forgotten = ids.filter((_, i) => i % 3 === 0);
    await t.db.kysely
      .updateTable('prospect_counts')
      .set({ counts: null })
      .where('prospect_id', 'in', forgotten)
      .execute();
    expect((await prospectCounts.of(t.db.kysely, forgotten)).every((p) => p.counts === null)).toBe(true);
    const read = await sumTeam(ctx, admin, undefined, 7);
    expect(read).toEqual(kept);
  });
});
