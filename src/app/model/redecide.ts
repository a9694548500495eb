// Deciding every prospect of an organisation again without holding the database's writer for the
// whole run: the prospects are taken a page at a time by id (keyset pagination), and each page is
// read again, decided and stored in a short write transaction of its own. Between two pages the
// writer is free, so a rep logging a touch meanwhile waits at most one page; that prospect's own
// write decides it with whatever is in force then, and its page, read afresh, sees the touch.
//
// Each page commits whole: every prospect's decision is either the one it had or the new one, and
// records the playbook and model versions that made it. Should the run fail part way, the pages
// before stay decided anew and the rest keep their earlier decisions until something re-decides
// them (their next write, their recheck time, or another run).

import type { StoredDecision } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import { inTransaction } from '../context.js';
import type { AppContext, Q } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';

/** Prospects per write transaction: enough for the decision workers, short enough to wait for. */
export const REDECIDE_PAGE = 2000;

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
 * Decides every prospect of the organisation again, a page per write transaction (see the top of
 * this file); returns how many decisions changed action or rule.
 */
export async function redecideInPages(
  ctx: AppContext,
  orgId: string,
  now: number,
  options: PagedOptions = {},
): Promise<number> {
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
  }
}
