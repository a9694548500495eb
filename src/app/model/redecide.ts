// Deciding every prospect of an organisation again without holding the database's writer for the
// whole run: the prospects are taken a page at a time by id (keyset pagination), and each page is
// read again, decided and stored in a short write transaction of its own. Between two pages the
// writer is free, so a rep logging a touch meanwhile waits at most one page; that prospect's own
// write decides it with whatever is in force then, and its page, read afresh, sees the touch.
//
// On SQLite the writer also rests a moment between two pages: a writer of another process waiting
// for the lock is not queued but polls (SQLite's busy handler sleeps up to 100 ms between tries), so
// pages begun back to back could leave it waiting for the whole run.
//
// Each page commits whole: every prospect's decision is either the one it had or the new one, and
// records the playbook and model versions that made it. Should the run fail part way, the pages
// before stay decided anew and the rest keep their earlier decisions until something re-decides
// them (their next write, their recheck time, or another run).

import type { StoredDecision } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { models } from '../../store/repositories/models.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import { inTransaction } from '../context.js';
import type { AppContext, Q } from '../context.js';
import { activeEngine, refreshDecisions } from '../decisions/decisions.js';
import { withDayValues } from '../decisions/rep-value.js';

/** Prospects per write transaction: enough for the decision workers, short enough to wait for. */
export const REDECIDE_PAGE = 2000;

/** How long the writer is left free between two pages on SQLite: one poll of a waiting writer. */
export const SQLITE_REST_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PagedOptions {
  /** Prospects per page (and so per write transaction). */
  pageSize?: number;
  /** Runs first in each page's transaction (a preview puts its candidate in force there). */
  before?: (q: Q) => Promise<void>;
  /** Rolls each page back once decided (a preview): only what `onPage` is given is kept. */
  rollBack?: boolean;
  /**
   * Given each page's fresh decisions, once its transaction is over (committed or rolled back) and
   * before the next begins; the run waits for it.
   */
  onPage?: (decided: StoredDecision[], done: number) => void | Promise<void>;
  /** The rest between two pages on SQLite (default SQLITE_REST_MS; 0 when no one else writes). */
  restMs?: number;
}

interface Page {
  last: string | undefined;
  count: number;
  changed: number;
  decided: StoredDecision[];
}

class RolledBack extends Error {
  constructor(readonly page: Page) {
    super('rolled back');
  }
}

async function decidePage(q: Q, ctx: AppContext, orgId: string, after: string, now: number, o: PagedOptions) {
  const ids = await prospects.idsAfter(q, orgId, after, o.pageSize ?? REDECIDE_PAGE);
  if (ids.length === 0) return { last: undefined, count: 0, changed: 0, decided: [] };
  await o.before?.(q);
  const earlier = await decisions.summaries(q, ids);
  const fresh = await refreshDecisions(q, orgId, ids, now, ctx.defaultPlaybookText);
  let changed = 0;
  for (const [id, d] of fresh) if (earlier.get(id) !== `${d.action}/${d.rule}`) changed += 1;
  const page: Page = { last: ids.at(-1), count: ids.length, changed, decided: [...fresh.values()] };
  if (o.rollBack === true) throw new RolledBack(page);
  return page;
}

/**
 * With a calibrated model in force, works out each member's value of time for the day (what every
 * decision of the day reads, rep-value.ts) a member per short write, so that the first page, which
 * names them all, does not do it for the whole team while it holds the writer.
 */
async function valueTheDay(ctx: AppContext, orgId: string, now: number): Promise<void> {
  const team = await inTransaction(
    ctx,
    async (q) => ((await models.active(q, orgId)) === undefined ? [] : users.list(q, orgId)),
    { readOnly: true },
  );
  for (const member of team)
    await inTransaction(ctx, async (q) => {
      const { playbook } = await activeEngine(q, orgId, ctx.defaultPlaybookText);
      await withDayValues(q, [member], now, playbook);
    });
}

/**
 * Decides every prospect of the organisation again, a page per write transaction (see the top of
 * this file); returns how many decisions changed action or rule.
 */
export async function redecideInPages(
  ctx: AppContext,
  orgId: string,
  now: number,
  options: PagedOptions = {},
): Promise<number> {
  // A preview keeps nothing, the day's values either: its pages work them out as they need them.
  if (options.rollBack !== true) await valueTheDay(ctx, orgId, now);
  let after = '';
  let changed = 0;
  let done = 0;
  for (;;) {
    let page: Page;
    try {
      page = await inTransaction(ctx, (q) => decidePage(q, ctx, orgId, after, now, options));
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      page = error.page;
    }
    if (page.last === undefined) return changed;
    changed += page.changed;
    done += page.count;
    await options.onPage?.(page.decided, done);
    after = page.last;
    if (ctx.db.dialect === 'sqlite') await sleep(options.restMs ?? SQLITE_REST_MS);
  }
}
