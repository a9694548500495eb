// Deciding every prospect of an organisation again (a new playbook, a calibration): the prospects a
// page at a time in id order, each page's contacts, histories and decisions' summaries read as index
// ranges, decided in worker threads while the next page is read. A decision that comes out as it is
// stored is left as it stands (its decidedAt says since when it has stood).

import type { Prospect, StoredDecision } from '../../core/records.js';
import type { DecisionsTable } from '../../store/schema.js';
import {
  decisions,
  indexesAsStored,
  standsAsStored,
  toDecision,
} from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { Q } from '../context.js';
import { decidePages, decidingVersions } from './decisions.js';
import type { Page } from './decisions.js';
import { PARALLEL_MIN } from './pool.js';

/** Prospects per page when re-deciding everyone: read as index ranges, decided by a worker. */
const PAGE = 2000;

/** The versions of the playbook and model deciding: a decision another version made never stands. */
type Deciding = Awaited<ReturnType<typeof decidingVersions>>;

/**
 * The next page of the organisation's prospects after `after` in id order, read as index ranges
 * (the decisions' texts only where the versions deciding made them).
 */
async function pageAfter(
  q: Q,
  orgId: string,
  after: string,
  limit: number,
  deciding: Deciding,
): Promise<Page | undefined> {
  const ps = await prospects.pageAfter(q, { orgId, afterId: after, limit });
  if (ps.length === 0) return undefined;
  const range = { after, last: (ps.at(-1) as Prospect).id };
  const [listed, read, summaries] = await Promise.all([
    contacts.listInRange(q, range),
    events.historiesInRange(q, range),
    decisions.summariesInRange(q, range, deciding),
  ]);
  // Another organisation's prospects may share the range: only this page's are kept.
  const ids = new Set(ps.map((p) => p.id));
  return {
    prospects: ps,
    contacts: listed.filter((c) => ids.has(c.prospectId)),
    histories: new Map([...read].filter(([id]) => ids.has(id))),
    before: new Map([...summaries].filter(([id]) => ids.has(id))),
  };
}

/**
 * Stores a page's fresh decisions, leaving a decision stored so that it stands (see
 * standsAsStored; its decidedAt says since when it has stood); returns how many changed action or
 * rule.
 */
async function storeChanges(q: Q, rows: DecisionsTable[], page: Page, now: number): Promise<number> {
  let changed = 0;
  // Rows to write: those whose indexed columns are as stored (a new playbook version changes every
  // decision's text, few of their due dates), which leave the indexes alone, and the rest.
  const sameIndexes: DecisionsTable[] = [];
  const rest: DecisionsTable[] = [];
  for (const r of rows) {
    const before = page.before?.get(r.prospect_id);
    if (before?.action !== r.action || before.rule !== r.rule) changed += 1;
    if (before === undefined) rest.push(r);
    else if (!standsAsStored(before, r, now)) (indexesAsStored(before, r) ? sameIndexes : rest).push(r);
  }
  await decisions.upsertRows(q, sameIndexes, { keepSame: true, indexesAsStored: true });
  await decisions.upsertRows(q, rest, { keepSame: true });
  return changed;
}

/**
 * Decides every prospect of the organisation again in one transaction, a page at a time (read
 * while the workers decide the pages before); returns how many decisions changed action or rule.
 */
export async function redecideAll(
  q: Q,
  orgId: string,
  now: number,
  defaultPlaybookText: string,
): Promise<number> {
  let changed = 0;
  const deciding = await decidingVersions(q, orgId, defaultPlaybookText);
  const first = await pageAfter(q, orgId, '', PAGE, deciding);
  if (first === undefined) return 0;
  async function* pages(): AsyncGenerator<Page> {
    for (let page: Page | undefined = first; page !== undefined;) {
      yield page;
      page = await pageAfter(q, orgId, (page.prospects.at(-1) as Prospect).id, PAGE, deciding);
    }
  }
  // A small organisation is decided here: starting the workers would cost more than it saves.
  const parallel = first.prospects.length >= PARALLEL_MIN;
  await decidePages(q, orgId, now, defaultPlaybookText, pages(), parallel, async (rows, page) => {
    changed += await storeChanges(q, rows, page, now);
  });
  return changed;
}

/** One page of a re-decision of everyone (see redecideAll), for a run giving each page its own transaction. */
export async function redecidePage(
  q: Q,
  orgId: string,
  after: string,
  limit: number,
  now: number,
  defaultPlaybookText: string,
): Promise<{ last: string; count: number; changed: number; decided: StoredDecision[] } | undefined> {
  const deciding = await decidingVersions(q, orgId, defaultPlaybookText);
  const page = await pageAfter(q, orgId, after, limit, deciding);
  if (page === undefined) return undefined;
  let changed = 0;
  const decided: StoredDecision[] = [];
  const parallel = page.prospects.length >= PARALLEL_MIN;
  await decidePages(q, orgId, now, defaultPlaybookText, [page], parallel, async (rows) => {
    changed += await storeChanges(q, rows, page, now);
    for (const r of rows) decided.push(toDecision(r));
  });
  return { last: (page.prospects.at(-1) as Prospect).id, count: page.prospects.length, changed, decided };
}
