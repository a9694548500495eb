// Keeps every prospect's current decision up to date: after any change to its history, its
// contacts or the playbook, and when time alone may have changed it (a wait ending, a due coming).

import type { Kysely } from 'kysely';
import { agendaRank } from '../../core/agenda.js';
import type { Decision } from '../../core/decision.js';
import { HOUR } from '../../core/calendar.js';
import type { Database, DecisionsTable } from '../../store/schema.js';
import type { Contact, Organisation, Product, Prospect, StoredDecision, User } from '../../core/records.js';
import { organisations, products, users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { decisionRow, decisions, toDecision } from '../../store/repositories/decisions.repository.js';
import type { DecisionSummary } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { playbooks } from '../../store/repositories/playbooks.repository.js';
import { models } from '../../store/repositories/models.repository.js';
import type { ModelParams } from '../../core/model/fit.js';
import { groupBy } from '../collections.js';
import { createDecider } from './decider.js';
import type { Decider } from './decider.js';
import { decidePool, PARALLEL_MIN } from './pool.js';
import { scenarioFromStore } from './scenario.js';
import { withDayValues } from './rep-value.js';
import { withSuppressions } from './suppressions.js';
import { inTransaction, sleep } from '../context.js';
import type { AppContext } from '../context.js';

type Q = Kysely<Database>;

/** How soon an overdue decision is looked at again, so a missed call or a lapsed hold is seen. */
const RECHECK_OVERDUE = HOUR;

/**
 * Which playbook and model decide: the playbook's version id (or "default") and its text, when one
 * is stored; the calibrated model in force, when there is one (else the playbook's prior).
 */
export interface PlaybookSource {
  key: string;
  document: string | undefined;
  defaultText: string;
  model?: { key: string; params: ModelParams };
}

const deciders = new Map<string, Decider>();

/** A compiled decider's key: the playbook version's id (or "default") and the model's (or "prior"). */
const deciderKey = (playbook: string, model: string | undefined) => `${playbook}|${model ?? 'prior'}`;

/** The decider for a playbook version, compiled once per process (and once per worker). */
export function deciderFor(source: PlaybookSource): Decider {
  const key = deciderKey(source.key, source.model?.key);
  let decider = deciders.get(key);
  if (decider === undefined) {
    decider = createDecider({
      defaultPlaybookText: source.defaultText,
      playbookText: source.document,
      ...(source.model === undefined ? {} : { modelParams: source.model.params }),
    });
    deciders.set(key, decider);
  }
  return decider;
}

/** The versions of the playbook and model in force, which a decision made now names. */
export async function decidingVersions(
  q: Q,
  orgId: string,
  defaultText: string,
): Promise<{ playbookVersion: string; modelVersion: string }> {
  const decider = deciderFor(await playbookSource(q, orgId, defaultText));
  return { playbookVersion: decider.playbook.version, modelVersion: decider.model.version };
}

async function playbookSource(q: Q, orgId: string, defaultText: string): Promise<PlaybookSource> {
  const [stored, model] = await Promise.all([playbooks.active(q, orgId), models.active(q, orgId)]);
  const source: PlaybookSource =
    stored === undefined
      ? { key: 'default', document: undefined, defaultText }
      : { key: stored.id, document: stored.document, defaultText };
  return model === undefined
    ? source
    : { ...source, model: { key: model.id, params: model.params as ModelParams } };
}

/**
 * The organisation's active playbook and model, compiled once per version. Versions never change
 * once stored: the ids in force name a decider compiled before, and only a new one reads the
 * playbook's document and the model's parameters.
 */
export async function activeEngine(q: Q, orgId: string, defaultPlaybookText: string): Promise<Decider> {
  const ids = await playbooks.activeIds(q, orgId);
  const compiled = deciders.get(deciderKey(ids.playbook ?? 'default', ids.model ?? undefined));
  return compiled ?? deciderFor(await playbookSource(q, orgId, defaultPlaybookText));
}

/** A decision as stored for a prospect (of which it reads the ids and the snooze). */
export function toStored(
  p: Pick<Prospect, 'id' | 'orgId' | 'ownerId' | 'snoozedUntil'>,
  d: Decision,
  now: number,
): StoredDecision {
  const due = d.due === undefined ? null : Date.parse(d.due);
  let recheckAt = d.action === 'stop' ? null : due !== null && due > now ? due : now + RECHECK_OVERDUE;
  if (p.snoozedUntil !== null && p.snoozedUntil > now)
    recheckAt = Math.min(recheckAt ?? p.snoozedUntil, p.snoozedUntil);
  const rank = agendaRank(d);
  return {
    prospectId: p.id,
    orgId: p.orgId,
    ownerId: p.ownerId,
    action: d.action,
    contactId: d.contactId ?? null,
    channel: d.channel ?? null,
    due,
    rule: d.rule,
    reason: d.reason,
    activeList: d.activeList,
    urgency: rank.urgency,
    valuePerMinute: rank.valuePerMinute,
    decision: d as unknown as Record<string, unknown>,
    decidedAt: now,
    recheckAt,
    playbookVersion: d.playbookVersion,
    modelVersion: d.modelVersion,
  };
}

/**
 * Everything needed to decide a batch of prospects, as plain data: it is decided in this thread
 * or sent to a worker thread as it is.
 */
export interface DecideBatch {
  now: number;
  org: Organisation;
  owners: User[];
  products: Product[];
  playbook: PlaybookSource;
  items: { prospect: Prospect; contacts: Contact[]; history: string }[];
}

/**
 * Decides a batch (see DecideBatch); the same in this thread and in a worker. The decisions come
 * back as the store's rows, their JSON written here: text crosses between threads cheaply.
 */
export function decideBatch(batch: DecideBatch): DecisionsTable[] {
  const decider = deciderFor(batch.playbook);
  const owners = new Map(batch.owners.map((u) => [u.id, u]));
  const productsById = new Map(batch.products.map((p) => [p.id, p]));
  return batch.items.map(({ prospect: p, contacts: cs, history }) => {
    const owner = owners.get(p.ownerId);
    if (owner === undefined) throw new Error(`prospect ${p.id} has no owner`);
    const scenario = scenarioFromStore({
      now: batch.now,
      org: batch.org,
      owner,
      prospect: p,
      product: p.productId === null ? undefined : productsById.get(p.productId),
      contacts: cs,
      events: JSON.parse(history) as Record<string, unknown>[],
    });
    return decisionRow(toStored(p, decider.decideStored(scenario), batch.now));
  });
}

/** Prospects read per round trip: well inside both drivers' limits on an IN list. */
const BATCH = 500;

/** A page of prospects to decide, with their contacts and their histories. */
export interface Page {
  prospects: Prospect[];
  contacts: Contact[];
  histories: Map<string, string>;
  /** Their stored decisions' summaries, when the page counts what changed. */
  before?: Map<string, DecisionSummary>;
}

/**
 * Decides pages of prospects and hands each page's decisions to `store`, in order. Many prospects
 * are decided in worker threads while this thread reads the next pages and writes the last ones;
 * a few are decided here, at once.
 */
export async function decidePages(
  q: Q,
  orgId: string,
  now: number,
  defaultPlaybookText: string,
  pages: AsyncIterable<Page> | Iterable<Page>,
  parallel: boolean,
  store: (rows: DecisionsTable[], page: Page) => Promise<void>,
): Promise<void> {
  const org = await organisations.findById(q, orgId);
  if (org === undefined) throw new Error(`organisation ${orgId} is missing`);
  const frame = {
    now,
    org,
    products: await products.list(q, orgId),
    playbook: await playbookSource(q, orgId, defaultPlaybookText),
  };
  // Owners are read as pages name them (one prospect's re-decision reads one user, not the team).
  const owners = new Map<string, User>();
  // With a calibrated model, a rep's time is worth what their own pipeline earns that day.
  const playbook = frame.playbook.model === undefined ? undefined : deciderFor(frame.playbook).playbook;
  const ownersOf = async (ps: Prospect[]): Promise<User[]> => {
    const named = [...new Set(ps.map((p) => p.ownerId))];
    const missing = named.filter((id) => !owners.has(id));
    if (missing.length > 0) {
      let found = await users.findByIds(q, missing);
      if (playbook !== undefined) found = await withDayValues(q, found, now, playbook);
      for (const u of found) owners.set(u.id, u);
    }
    return named.flatMap((id) => owners.get(id) ?? []);
  };
  const pool = parallel ? decidePool() : undefined;
  const inFlight: { page: Page; decided: Promise<DecisionsTable[]> }[] = [];
  const settle = async () => {
    const next = inFlight.shift() as { page: Page; decided: Promise<DecisionsTable[]> };
    await store(await next.decided, next.page);
  };
  try {
    for await (const page of pages) {
      // A contact whose address or number is on the do-not-contact list is do-not-contact here.
      const cs = await withSuppressions(q, orgId, page.contacts);
      const contactsBy = groupBy(cs, (c) => c.prospectId);
      const batch: DecideBatch = {
        ...frame,
        owners: await ownersOf(page.prospects),
        // A prospect with no contact yet (a company imported alone) cannot be decided until one is added.
        items: page.prospects.flatMap((p) => {
          const list = contactsBy.get(p.id);
          return list === undefined
            ? []
            : [{ prospect: p, contacts: list, history: page.histories.get(p.id) ?? '[]' }];
        }),
      };
      if (pool === undefined) await store(decideBatch(batch), page);
      else {
        inFlight.push({ page, decided: pool.run(batch) });
        if (inFlight.length > pool.size * 3) await settle();
      }
    }
    while (inFlight.length > 0) await settle();
  } finally {
    // After a failure, let the batches still out settle before the transaction is rolled back.
    await Promise.allSettled(inFlight.map((f) => f.decided));
  }
}

export interface RefreshOptions {
  /** Decide in worker threads; by default, when there are at least PARALLEL_MIN prospects. */
  parallel?: boolean;
}

/**
 * Decides the given prospects again and stores the decisions, handing each stored page's rows to
 * `stored` (when given): pages of BATCH, so that no more than a few pages are held at once.
 */
async function redecide(
  q: Q,
  orgId: string,
  prospectIds: string[],
  now: number,
  defaultPlaybookText: string,
  options: RefreshOptions,
  stored?: (rows: DecisionsTable[]) => void,
): Promise<void> {
  if (prospectIds.length === 0) return;
  async function* pages(): AsyncGenerator<Page> {
    for (let i = 0; i < prospectIds.length; i += BATCH) {
      const ids = prospectIds.slice(i, i + BATCH);
      const [ps, cs, histories] = await Promise.all([
        prospects.findByIds(q, ids),
        contacts.listByProspects(q, ids),
        events.historiesOf(q, ids),
      ]);
      yield { prospects: ps, contacts: cs, histories };
    }
  }
  const parallel = options.parallel ?? prospectIds.length >= PARALLEL_MIN;
  await decidePages(q, orgId, now, defaultPlaybookText, pages(), parallel, async (rows) => {
    await decisions.upsertRows(q, rows);
    stored?.(rows);
  });
}

/** Decides the given prospects again and stores the decisions; returns them by prospect id. */
export async function refreshDecisions(
  q: Q,
  orgId: string,
  prospectIds: string[],
  now: number,
  defaultPlaybookText: string,
  options: RefreshOptions = {},
): Promise<Map<string, StoredDecision>> {
  const out = new Map<string, StoredDecision>();
  await redecide(q, orgId, prospectIds, now, defaultPlaybookText, options, (rows) => {
    for (const r of rows) out.set(r.prospect_id, toDecision(r));
  });
  return out;
}

/**
 * Re-decides what time alone may have changed, before anyone reads it: the decisions of the owners
 * about to be read (all the organisation's when `ownerIds` is undefined). A rep's agenda or
 * pipeline leaves the rest of the team's to their own reads (and to the server's StaleKeeper): on a
 * large team, thousands of them fall due for another look each hour.
 */
export async function refreshStale(
  q: Q,
  orgId: string,
  now: number,
  defaultPlaybookText: string,
  ownerIds?: readonly string[],
): Promise<number> {
  const ids = await decisions.staleIds(q, orgId, now, ownerIds);
  await redecide(q, orgId, ids, now, defaultPlaybookText, {});
  return ids.length;
}

/** Stale decisions brought up to date in one transaction by refreshStaleInPages. */
export const STALE_PAGE = 2000;

/**
 * How long a run of short write transactions leaves the writer free after each on SQLite: one poll
 * of a writer of another process waiting for the lock (SQLite's busy handler sleeps up to 100 ms
 * between tries, so transactions begun back to back could leave it waiting for the whole run).
 */
export const SQLITE_REST_MS = 100;

/** How a run of short write transactions goes: rows a page, the rest between two, and when to stop. */
export interface InPages {
  page?: number;
  /** Between two pages on SQLite (SQLITE_REST_MS by default), so another process's writer gets in. */
  restMs?: number;
  /** Stops between two pages once aborted. */
  signal?: AbortSignal;
}

/**
 * Brings the stale decisions of an organisation (or of some owners) up to date a page at a time,
 * each page in a write transaction of its own, until none is left: a rep who logs a touch meanwhile
 * waits for one page at most, not for the whole backlog. Returns how many were decided again. Stops
 * between two pages when `signal` is aborted, and early should a page find only decisions it already
 * took (prospects that cannot be decided, such as one whose every contact is gone, stay stale).
 */
export async function refreshStaleInPages(
  ctx: AppContext,
  orgId: string,
  ownerIds?: readonly string[],
  options: InPages = {},
): Promise<number> {
  const page = options.page ?? STALE_PAGE;
  const taken = new Set<string>();
  while (options.signal?.aborted !== true) {
    const now = ctx.now();
    // Looked for without the writer; written with it from the start (a write begun as a read would
    // be refused, and run again, whenever someone else wrote meanwhile).
    const found = await inTransaction(ctx, (q) => decisions.staleIds(q, orgId, now, ownerIds, page), {
      readOnly: true,
    });
    if (found.every((id) => taken.has(id))) break;
    const fresh = await inTransaction(ctx, async (q) => {
      const ids = (await decisions.staleIds(q, orgId, now, ownerIds, page)).filter((id) => !taken.has(id));
      await redecide(q, orgId, ids, now, ctx.defaultPlaybookText, {});
      return ids;
    });
    for (const id of fresh) taken.add(id);
    if (fresh.length < page) return taken.size;
    if (ctx.db.dialect === 'sqlite') await sleep(options.restMs ?? SQLITE_REST_MS);
  }
  return taken.size;
}
