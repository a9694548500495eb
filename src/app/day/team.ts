// The team dashboard's numbers: whether the team gives up too early or chases too long, read from
// the logged history of the prospects the actor may see (core/team-stats.ts does the counting).

import { teamCounter } from '../../core/team-stats.js';
import type { StatEvent, TeamStats } from '../../core/team-stats.js';
import type { Prospect, User } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext } from '../context.js';
import { visibleOwners } from '../accounts/actors.js';
import { activeEngine } from '../decisions/decisions.js';
import { inTransaction } from '../context.js';

export interface TeamView extends TeamStats {
  names: Record<string, string>;
}

const PAGE = 2000;

/** A stored event as much as the counts need. */
export function statEvent(e: Record<string, unknown>): StatEvent {
  return {
    type: String(e.type),
    at: Date.parse(String(e.at)),
    ...(typeof e.channel === 'string' ? { channel: e.channel } : {}),
    ...(typeof e.outcome === 'string' ? { outcome: e.outcome } : {}),
    ...(typeof e.purpose === 'string' ? { purpose: e.purpose } : {}),
    ...(typeof e.sentiment === 'string' ? { sentiment: e.sentiment } : {}),
  };
}

/** The team's numbers; `page` prospects are read at a time (a test reads a few to cross pages). */
export async function teamDashboard(ctx: AppContext, actor: User, page = PAGE): Promise<TeamView> {
  const now = ctx.now();
  // A read only: the writer stays free for the seconds an organisation's whole history takes.
  return inTransaction(
    ctx,
    async (q) => {
      const owners = await visibleOwners(q, actor);
      const team = (await users.list(q, actor.orgId)).filter(
        (u) => u.role === 'rep' && (owners === undefined || owners.includes(u.id)),
      );
      const { playbook } = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
      const counter = teamCounter({
        touches: playbook.doc.followUp.minimumTouches.reached,
        speedToLeadMinutes: playbook.doc.speedToLead.withinMinutes,
      });
      // A page of prospects at a time, each counted and let go: a team of a million prospects and
      // ten million events is never held at once.
      let after = '';
      for (;;) {
        const read = await prospects.pageAfter(q, {
          orgId: actor.orgId,
          ...(owners === undefined ? {} : { ownerIds: owners }),
          afterId: after,
          limit: page,
        });
        if (read.length === 0) break;
        after = (read.at(-1) as Prospect).id;
        const histories = await events.historiesOf(
          q,
          read.map((p) => p.id),
        );
        for (const p of read) {
          const history = JSON.parse(histories.get(p.id) ?? '[]') as Record<string, unknown>[];
          counter.add({
            ownerId: p.ownerId,
            source: p.source,
            createdAt: p.createdAt,
            events: history.map(statEvent),
          });
        }
      }
      const result = counter.stats(await decisions.overdueByOwner(q, actor.orgId, now, owners));
      // Every rep of the team is shown, even one with nothing logged yet.
      const shown = new Set(result.reps.map((r) => r.ownerId));
      for (const u of team) {
        if (!shown.has(u.id))
          result.reps.push({
            ownerId: u.id,
            breakUps: 0,
            touchesBeforeGivingUp: [],
            inboundLeads: 0,
            minutesToFirstCall: [],
            overdue: 0,
          });
      }
      const names = Object.fromEntries(team.map((u) => [u.id, u.name]));
      result.reps = result.reps
        .filter((r) => names[r.ownerId] !== undefined)
        .sort((a, b) => (names[a.ownerId] ?? '').localeCompare(names[b.ownerId] ?? ''));
      return { ...result, names };
    },
    { readOnly: true },
  );
}
