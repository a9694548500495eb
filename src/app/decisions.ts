// Keeps every prospect's current decision up to date: after any change to its history, its
// contacts or the playbook, and when time alone may have changed it (a wait ending, a due coming).

import type { Kysely } from 'kysely';
import { agendaRank } from '../core/agenda.js';
import { decide } from '../core/decide.js';
import type { Decision } from '../core/decision.js';
import { HOUR } from '../core/calendar.js';
import { priorModel } from '../core/model/stopping-model.js';
import type { StoppingModel } from '../core/model/stopping-model.js';
import { loadPlaybook } from '../core/playbook/load.js';
import type { Playbook } from '../core/playbook/load.js';
import { normalizeScenario } from '../core/scenario/normalize.js';
import type { Database } from '../store/schema.js';
import type { Organisation, Product, Prospect, StoredDecision, User } from '../store/records.js';
import { organisations, products, users } from '../store/repositories/people.repository.js';
import { contacts, prospects } from '../store/repositories/prospects.repository.js';
import { decisions, events, playbooks } from '../store/repositories/history.repository.js';
import { scenarioFromStore } from './scenario-from-store.js';
import { groupBy } from './collections.js';

type Q = Kysely<Database>;

/** How soon an overdue decision is looked at again, so a missed call or a lapsed hold is seen. */
const RECHECK_OVERDUE = HOUR;

export interface Engine {
  playbook: Playbook;
  model: StoppingModel;
}

const engines = new Map<string, Engine>();

/** The organisation's active playbook, compiled once per version. */
export async function activeEngine(q: Q, orgId: string, defaultPlaybookText: string): Promise<Engine> {
  const stored = await playbooks.active(q, orgId);
  const key = stored === undefined ? 'default' : stored.id;
  let engine = engines.get(key);
  if (engine === undefined) {
    const playbook =
      stored === undefined
        ? loadPlaybook(defaultPlaybookText)
        : loadPlaybook(stored.document, defaultPlaybookText);
    engine = { playbook, model: priorModel(playbook) };
    engines.set(key, engine);
  }
  return engine;
}

export function toStored(p: Prospect, d: Decision, now: number): StoredDecision {
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

interface Lookup {
  org: Organisation;
  owners: Map<string, User>;
  products: Map<string, Product>;
  engine: Engine;
}

async function lookup(q: Q, orgId: string, defaultPlaybookText: string): Promise<Lookup> {
  const org = await organisations.findById(q, orgId);
  if (org === undefined) throw new Error(`organisation ${orgId} is missing`);
  return {
    org,
    owners: new Map((await users.list(q, orgId)).map((u) => [u.id, u])),
    products: new Map((await products.list(q, orgId)).map((p) => [p.id, p])),
    engine: await activeEngine(q, orgId, defaultPlaybookText),
  };
}

/** Decides the given prospects again and stores the decisions; returns them by prospect id. */
export async function refreshDecisions(
  q: Q,
  orgId: string,
  prospectIds: string[],
  now: number,
  defaultPlaybookText: string,
): Promise<Map<string, StoredDecision>> {
  const out = new Map<string, StoredDecision>();
  if (prospectIds.length === 0) return out;
  const known = await lookup(q, orgId, defaultPlaybookText);
  const BATCH = 500;
  for (let i = 0; i < prospectIds.length; i += BATCH) {
    const ids = prospectIds.slice(i, i + BATCH);
    const [ps, cs, es] = await Promise.all([
      prospects.findByIds(q, ids),
      contacts.listByProspects(q, ids),
      events.listByProspects(q, ids),
    ]);
    const contactsBy = groupBy(cs, (c) => c.prospectId);
    const eventsBy = groupBy(es, (e) => e.prospectId);
    for (const p of ps) {
      // A prospect with no contact yet (a company imported alone) cannot be decided until one is added.
      if (!contactsBy.has(p.id)) continue;
      const owner = known.owners.get(p.ownerId);
      if (owner === undefined) throw new Error(`prospect ${p.id} has no owner`);
      const scenario = scenarioFromStore({
        now,
        org: known.org,
        owner,
        prospect: p,
        product: p.productId === null ? undefined : known.products.get(p.productId),
        contacts: contactsBy.get(p.id) ?? [],
        events: eventsBy.get(p.id) ?? [],
      });
      const decision = decide(normalizeScenario(scenario), known.engine.playbook, known.engine.model);
      out.set(p.id, toStored(p, decision, now));
    }
    await decisions.upsertMany(
      q,
      ps.flatMap((p) => out.get(p.id) ?? []),
    );
  }
  return out;
}

/** Re-decides what time alone may have changed, before anyone reads it. */
export async function refreshStale(
  q: Q,
  orgId: string,
  now: number,
  defaultPlaybookText: string,
  ownerId?: string,
): Promise<number> {
  const ids = await decisions.staleIds(q, orgId, now, ownerId);
  await refreshDecisions(q, orgId, ids, now, defaultPlaybookText);
  return ids.length;
}
