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
import { statEvent, teamDashboard } from './team.js';

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
});
