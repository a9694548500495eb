// The team dashboard's numbers: whether the team gives up too early or chases too long, summed from
// what each prospect the actor may see adds to them, counted from its logged history
// (core/team-stats.ts) and kept per prospect until that history changes (see README.md).

import { countProspect, teamCounter } from '../../core/team-stats.js';
import type { ProspectCounts, StatEvent, TeamStats } from '../../core/team-stats.js';
import type { User } from '../../core/records.js';
import { prospectCounts } from '../../store/repositories/counts.repository.js';
import type { CountedProspect, SummedProspect } from '../../store/repositories/counts.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext } from '../context.js';
import { visibleOwners } from '../accounts/actors.js';
import { SQLITE_REST_MS, activeEngine } from '../decisions/decisions.js';
import type { InPages } from '../decisions/decisions.js';
import type { KeeperPass } from '../decisions/keeper.js';
import { inTransaction, sleep } from '../context.js';

export interface TeamView extends TeamStats {
  names: Record<string, string>;
}

/** Prospects counted from their histories per write transaction. */
const PAGE = 2000;
/**
 * Prospects whose kept counts are summed per read: small rows, so more at a time (at 100,000 on
 * PostgreSQL, pages of 10,000 took 0.43 s where pages of 2,000 took 1.0 s; SQLite the same).
 */
const SUM_PAGE = 10_000;

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

/** A prospect's counts, from its stored history (JSON text; none when it has no events). */
function countFrom(p: CountedProspect, history: string | undefined): ProspectCounts {
  return countProspect({
    source: p.source,
    createdAt: p.createdAt,
    events: (JSON.parse(history ?? '[]') as Record<string, unknown>[]).map(statEvent),
  });
}

/**
 * Counts the prospects of an organisation (or of some owners) whose counts are missing, a page at a
 * time, each page in a write transaction of its own (looked for without the writer), and stores
 * them. Returns how many were counted. Stops between two pages when `signal` is aborted.
 */
export async function countMissingInPages(
  ctx: AppContext,
  orgId: string,
  ownerIds?: readonly string[],
  options: InPages = {},
): Promise<number> {
  const page = options.page ?? PAGE;
  let after = '';
  let done = 0;
  while (options.signal?.aborted !== true) {
    const found = await inTransaction(
      ctx,
      (q) => prospectCounts.missingAfter(q, { orgId, ownerIds, afterId: after, limit: page }),
      { readOnly: true },
    );
    if (found.length === 0) break;
    done += await inTransaction(ctx, async (q) => {
      // The rows' generations first, then the histories: counts from a history that changed in
      // between are written into a generation that is gone, and so are not written.
      const missing = (await prospectCounts.of(q, found)).filter((p) => p.counts === null);
      const histories = await events.historiesOf(
        q,
        missing.map((p) => p.id),
      );
      await prospectCounts.store(
        q,
        missing.map((p) => ({
          prospectId: p.id,
          generation: p.generation,
          counts: JSON.stringify(countFrom(p, histories.get(p.id))),
        })),
      );
      return missing.length;
    });
    after = found.at(-1) as string;
    if (found.length < page) break;
    if (ctx.db.dialect === 'sqlite') await sleep(options.restMs ?? SQLITE_REST_MS, options.signal);
  }
  return done;
}

/** The server's keeper's pass: counts kept for every prospect whose events changed since. */
export const keepTeamCounts: KeeperPass = (ctx, orgId, signal) =>
  countMissingInPages(ctx, orgId, undefined, signal === undefined ? {} : { signal });

/**
 * The team's numbers, summed from each prospect's kept counts; those missing are counted and kept
 * first (a page at a time, as the server's keeper does in the background). `page` prospects are
 * read at a time (a test reads a few to cross pages).
 */
export async function teamDashboard(ctx: AppContext, actor: User, page?: number): Promise<TeamView> {
  const owners = await inTransaction(ctx, (q) => visibleOwners(q, actor), { readOnly: true });
  await countMissingInPages(ctx, actor.orgId, owners, page === undefined ? {} : { page });
  return sumTeam(ctx, actor, owners, page);
}

/**
 * The team's numbers summed from the kept counts of the owners' prospects (all the organisation's
 * when undefined); a prospect whose counts were forgotten since is counted from its history.
 */
export async function sumTeam(
  ctx: AppContext,
  actor: User,
  owners: readonly string[] | undefined,
  page = SUM_PAGE,
): Promise<TeamView> {
  const now = ctx.now();
  // A read only: the writer stays free meanwhile.
  return inTransaction(
    ctx,
    async (q) => {
      const team = (await users.list(q, actor.orgId)).filter(
        (u) => u.role === 'rep' && (owners === undefined || owners.includes(u.id)),
      );
      const { playbook } = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
      const counter = teamCounter({
        touches: playbook.doc.followUp.minimumTouches.reached,
        speedToLeadMinutes: playbook.doc.speedToLead.withinMinutes,
      });
      // A page of prospects at a time, each summed and let go: a team of a million prospects is
      // never held at once. One forgotten since its counts were kept is counted from its history.
      let after = '';
      for (;;) {
        const read = await prospectCounts.pageAfter(q, {
          orgId: actor.orgId,
          ownerIds: owners,
          afterId: after,
          limit: page,
        });
        if (read.length === 0) break;
        after = (read.at(-1) as SummedProspect).id;
        // Counted here, as read (with what counting needs besides the history).
        const uncounted = await prospectCounts.of(
          q,
          read.filter((p) => p.counts === null).map((p) => p.id),
        );
        const histories = await events.historiesOf(
          q,
          uncounted.map((p) => p.id),
        );
        const counted = new Map(uncounted.map((p) => [p.id, countFrom(p, histories.get(p.id))]));
        for (const p of read) {
          const counts = p.counts === null ? counted.get(p.id) : (JSON.parse(p.counts) as ProspectCounts);
          // One deleted since the page was read is left out, as it would have been a moment later.
          if (counts !== undefined) counter.add(p.ownerId, counts);
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
