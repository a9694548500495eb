// Deciding every prospect of an organisation again without holding the database's writer for the
// whole run: the prospects are taken a page at a time by id (keyset pagination), and each page is
// read again, decided and stored in a short write transaction of its own. Between two pages the
// writer is free, so a rep logging a touch meanwhile waits at most one page; that prospect's own
// write decides it with whatever is in force then, and its page, read afresh, sees the touch.
//
// On SQLite the writer also rests a moment after each of its transactions: a writer of another
// process waiting for the lock is not queued but polls (SQLite's busy handler sleeps up to 100 ms
// between tries), so transactions begun back to back could leave it waiting for the whole run.
//
// Each page commits whole: every prospect's decision is either the one it had or the new one, and
// records the playbook and model versions that made it. Should the run fail part way, the pages
// before stay decided anew and the rest keep their earlier decisions until something re-decides
// them (their next write, their recheck time, or another run).

import type { StoredDecision } from '../../core/records.js';
import { models, repDays } from '../../store/repositories/models.repository.js';
import type { RepDay } from '../../store/repositories/models.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { inTransaction, sleep } from '../context.js';
import type { AppContext, Q } from '../context.js';
import { activeEngine, SQLITE_REST_MS } from '../decisions/decisions.js';
import { redecidePage } from '../decisions/everyone.js';
import { withDayValues } from '../decisions/rep-value.js';

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
  /** The rest after each transaction on SQLite (default SQLITE_REST_MS; 0 when no one else writes). */
  restMs?: number;
}

interface Page {
  last: string | undefined;
  count: number;
  changed: number;
  decided: StoredDecision[];
}

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back');
  }
}

/**
 * Runs `fn` in a write transaction after `before`; on a preview, rolls it back but keeps what it
 * returned. On SQLite, then rests (see the top of this file).
 */
async function step<T>(ctx: AppContext, o: PagedOptions, fn: (q: Q) => Promise<T>): Promise<T> {
  let value: T;
  try {
    value = await inTransaction(ctx, async (q) => {
      await o.before?.(q);
      const v = await fn(q);
      if (o.rollBack === true) throw new RolledBack(v);
      return v;
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    value = error.value as T;
  }
  if (ctx.db.dialect === 'sqlite') await sleep(o.restMs ?? SQLITE_REST_MS);
  return value;
}

async function decidePage(q: Q, ctx: AppContext, orgId: string, after: string, now: number, o: PagedOptions) {
  const page = await redecidePage(q, orgId, after, o.pageSize ?? REDECIDE_PAGE, now, ctx.defaultPlaybookText);
  return page ?? { last: undefined, count: 0, changed: 0, decided: [] };
}

/**
 * With a calibrated model in force, works out each member's value of time for the day (what every
 * decision of the day reads, rep-value.ts) a member per short write, so that the first page, which
 * names them all, does not do it for the whole team while it holds the writer. A preview keeps
 * nothing: the values are returned, for its pages to put back (rolled back with each).
 */
async function valueTheDay(ctx: AppContext, orgId: string, now: number, o: PagedOptions) {
  const team = await inTransaction(
    ctx,
    async (q) =>
      o.before === undefined && (await models.active(q, orgId)) === undefined ? [] : users.list(q, orgId),
    { readOnly: true },
  );
  const worked: RepDay[] = [];
  for (const member of team) {
    const found = await step(ctx, o, async (q) => {
      if ((await models.active(q, orgId)) === undefined) return [];
      const { playbook } = await activeEngine(q, orgId, ctx.defaultPlaybookText);
      await withDayValues(q, [member], now, playbook);
      return repDays.computedAt(q, [member.id], now);
    });
    worked.push(...found);
  }
  return worked;
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
  const worked = await valueTheDay(ctx, orgId, now, options);
  const o: PagedOptions =
    options.rollBack === true
      ? {
          ...options,
          before: async (q) => {
            await options.before?.(q);
            for (const d of worked) await repDays.set(q, d.userId, d.day, d.hourlyValue, now);
          },
        }
      : options;
  let after = '';
  let changed = 0;
  let done = 0;
  for (;;) {
    const page: Page = await step(ctx, o, (q) => decidePage(q, ctx, orgId, after, now, o));
    if (page.last === undefined) return changed;
    changed += page.changed;
    done += page.count;
    await options.onPage?.(page.decided, done);
    after = page.last;
  }
}
