// What each prospect adds to the team dashboard (prospect_counts, migration 0017): read with the
// prospects they belong to, and written back where missing. Triggers forget a prospect's counts
// when its events change; the counts themselves are core/team-stats.ts's, as JSON.

import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { chunks, insertRows } from './rows.js';

type Q = Kysely<Database>;

/** A prospect with its counts: null when missing (never counted, or forgotten since). */
export interface CountedProspect {
  id: string;
  ownerId: string;
  source: string;
  createdAt: number;
  counts: string | null;
  /** The generation of its counts' row as read (null: no row); counts are written only into it. */
  generation: number | null;
}

/** A prospect as a sum of the team's numbers reads it: its owner and its counts (null: missing). */
export interface SummedProspect {
  id: string;
  ownerId: string;
  counts: string | null;
}

/** A page of an organisation's prospects (or some owners'), in id order, after `afterId`. */
export interface CountsPage {
  orgId: string;
  ownerIds?: readonly string[] | undefined;
  afterId: string;
  limit: number;
}

function joined(q: Q) {
  return q.selectFrom('prospects as p').leftJoin('prospect_counts as c', 'c.prospect_id', 'p.id');
}

function withCounts(q: Q) {
  return joined(q).select(['p.id', 'p.owner_id', 'p.source', 'p.created_at', 'c.counts', 'c.generation']);
}

/** The page's prospects (as little of each as a sum reads); only those whose counts are missing, if asked. */
function inPage(q: Q, page: CountsPage, missing: boolean) {
  let query = joined(q)
    .select(['p.id', 'p.owner_id', 'c.counts'])
    .where('p.org_id', '=', page.orgId)
    .where('p.id', '>', page.afterId);
  if (page.ownerIds !== undefined)
    query = query.where('p.owner_id', 'in', page.ownerIds.length > 0 ? [...page.ownerIds] : ['']);
  if (missing) query = query.where('c.counts', 'is', null);
  return query.orderBy('p.id').limit(page.limit);
}

function toCounted(r: {
  id: string;
  owner_id: string;
  source: string;
  created_at: number;
  counts: string | null;
  generation: number | null;
}): CountedProspect {
  return {
    id: r.id,
    ownerId: r.owner_id,
    source: r.source,
    createdAt: Number(r.created_at),
    counts: r.counts,
    generation: r.generation === null ? null : Number(r.generation),
  };
}

export const prospectCounts = {
  /**
   * A page of prospects with their owners and counts, no more: a sum reads every prospect (at
   * 100,000, three columns rather than six took the sum from a median of 345 to 280 ms on SQLite
   * and from 490 to 410 ms on PostgreSQL).
   */
  async pageAfter(q: Q, page: CountsPage): Promise<SummedProspect[]> {
    return (await inPage(q, page, false).execute()).map((r) => ({
      id: r.id,
      ownerId: r.owner_id,
      counts: r.counts,
    }));
  },
  /** The ids of a page of prospects whose counts are missing. */
  async missingAfter(q: Q, page: CountsPage): Promise<string[]> {
    const rows = await inPage(q, page, true).execute();
    return rows.map((r) => r.id);
  },
  /** These prospects with their counts (those gone are left out). */
  async of(q: Q, ids: readonly string[]): Promise<CountedProspect[]> {
    const out: CountedProspect[] = [];
    for (const part of chunks([...ids]))
      for (const r of await withCounts(q).where('p.id', 'in', part).execute()) out.push(toCounted(r));
    return out;
  },
  /**
   * Writes counts into the generation each was counted at: a row forgotten again since (a newer
   * generation), or inserted since where there was none, is left as it stands.
   */
  async store(
    q: Q,
    rows: { prospectId: string; generation: number | null; counts: string }[],
  ): Promise<void> {
    for (const part of chunks(rows))
      await insertRows(
        q,
        'prospect_counts',
        ['prospect_id', 'generation', 'counts'],
        part.map((r) => [r.prospectId, r.generation ?? 0, r.counts]),
        { replaceOn: 'prospect_id', keeping: ['generation'] },
      );
  },
};
