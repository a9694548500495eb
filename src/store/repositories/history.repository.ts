// Events, external ids, playbook versions and decisions: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, DecisionsTable, EventsTable, PlaybooksTable } from '../schema.js';
import type { PlaybookVersion, StoredDecision, StoredEvent } from '../records.js';

type Q = Kysely<Database>;

function toEvent(r: Selectable<EventsTable>): StoredEvent {
  return {
    id: r.id,
    orgId: r.org_id,
    prospectId: r.prospect_id,
    type: r.type,
    at: Number(r.at),
    contactId: r.contact_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    loggedBy: r.logged_by,
    loggedAt: Number(r.logged_at),
    logSeq: r.log_seq === null ? null : Number(r.log_seq),
    sourceKey: r.source_key,
  };
}

function toPlaybook(r: Selectable<PlaybooksTable>): PlaybookVersion {
  return {
    id: r.id,
    orgId: r.org_id,
    version: Number(r.version),
    name: r.name,
    document: r.document,
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    active: Number(r.active) === 1,
  };
}

function toDecision(r: Selectable<DecisionsTable>): StoredDecision {
  return {
    prospectId: r.prospect_id,
    orgId: r.org_id,
    ownerId: r.owner_id,
    action: r.action,
    contactId: r.contact_id,
    channel: r.channel,
    due: r.due === null ? null : Number(r.due),
    rule: r.rule,
    reason: r.reason,
    activeList: Number(r.active_list) === 1,
    urgency: Number(r.urgency),
    valuePerMinute: Number(r.value_per_minute),
    decision: JSON.parse(r.decision) as Record<string, unknown>,
    decidedAt: Number(r.decided_at),
    recheckAt: r.recheck_at === null ? null : Number(r.recheck_at),
    playbookVersion: r.playbook_version,
    modelVersion: r.model_version,
  };
}

export const events = {
  async insert(q: Q, e: StoredEvent): Promise<void> {
    await q
      .insertInto('events')
      .values({
        id: e.id,
        org_id: e.orgId,
        prospect_id: e.prospectId,
        type: e.type,
        at: e.at,
        contact_id: e.contactId,
        data: JSON.stringify(e.data),
        logged_by: e.loggedBy,
        logged_at: e.loggedAt,
        log_seq: e.logSeq ?? null,
        source_key: e.sourceKey,
      })
      .execute();
  },
  async listByProspect(q: Q, prospectId: string): Promise<StoredEvent[]> {
    const rows = await q
      .selectFrom('events')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('at')
      .orderBy('logged_at')
      .execute();
    return rows.map(toEvent);
  },
  async listByProspects(q: Q, prospectIds: string[]): Promise<StoredEvent[]> {
    if (prospectIds.length === 0) return [];
    const rows = await q
      .selectFrom('events')
      .selectAll()
      .where('prospect_id', 'in', prospectIds)
      .orderBy('prospect_id')
      .orderBy('at')
      .orderBy('logged_at')
      .execute();
    return rows.map(toEvent);
  },
  /** The last event the user logged by hand (imports have no log order). */
  async lastLoggedBy(q: Q, orgId: string, userId: string): Promise<StoredEvent | undefined> {
    const r = await q
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('logged_by', '=', userId)
      .where('log_seq', 'is not', null)
      .orderBy('log_seq', 'desc')
      .executeTakeFirst();
    return r === undefined ? undefined : toEvent(r);
  },
  /** The next number in the organisation's logging order. */
  async nextLogSeq(q: Q, orgId: string): Promise<number> {
    const r = await q
      .selectFrom('events')
      .select((eb) => eb.fn.max('log_seq').as('last'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return Number(r?.last ?? 0) + 1;
  },
  async findById(q: Q, id: string): Promise<StoredEvent | undefined> {
    const r = await q.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toEvent(r);
  },
  async delete(q: Q, id: string): Promise<void> {
    await q.deleteFrom('events').where('id', '=', id).execute();
  },
};

export const playbooks = {
  async insert(q: Q, p: PlaybookVersion): Promise<void> {
    await q
      .insertInto('playbooks')
      .values({
        id: p.id,
        org_id: p.orgId,
        version: p.version,
        name: p.name,
        document: p.document,
        created_at: p.createdAt,
        created_by: p.createdBy,
        active: p.active ? 1 : 0,
      })
      .execute();
  },
  async deactivateAll(q: Q, orgId: string): Promise<void> {
    await q.updateTable('playbooks').set({ active: 0 }).where('org_id', '=', orgId).execute();
  },
  async active(q: Q, orgId: string): Promise<PlaybookVersion | undefined> {
    const r = await q
      .selectFrom('playbooks')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return r === undefined ? undefined : toPlaybook(r);
  },
  async list(q: Q, orgId: string): Promise<PlaybookVersion[]> {
    const rows = await q
      .selectFrom('playbooks')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('version')
      .execute();
    return rows.map(toPlaybook);
  },
};

function decisionRow(d: StoredDecision): DecisionsTable {
  return {
    prospect_id: d.prospectId,
    org_id: d.orgId,
    owner_id: d.ownerId,
    action: d.action,
    contact_id: d.contactId,
    channel: d.channel,
    due: d.due,
    rule: d.rule,
    reason: d.reason,
    active_list: d.activeList ? 1 : 0,
    urgency: d.urgency,
    value_per_minute: d.valuePerMinute,
    decision: JSON.stringify(d.decision),
    decided_at: d.decidedAt,
    recheck_at: d.recheckAt,
    playbook_version: d.playbookVersion,
    model_version: d.modelVersion,
  };
}

export interface AgendaQuery {
  orgId: string;
  ownerId: string;
  dueBefore: number;
}

export const decisions = {
  async upsert(q: Q, d: StoredDecision): Promise<void> {
    await decisions.upsertMany(q, [d]);
  },
  /** Inserts or replaces decisions, many rows per statement. */
  async upsertMany(q: Q, list: StoredDecision[]): Promise<void> {
    const CHUNK = 400;
    for (let i = 0; i < list.length; i += CHUNK) {
      const rows = list.slice(i, i + CHUNK).map(decisionRow);
      await q
        .insertInto('decisions')
        .values(rows)
        .onConflict((oc) =>
          oc.column('prospect_id').doUpdateSet((eb) => ({
            org_id: eb.ref('excluded.org_id'),
            owner_id: eb.ref('excluded.owner_id'),
            action: eb.ref('excluded.action'),
            contact_id: eb.ref('excluded.contact_id'),
            channel: eb.ref('excluded.channel'),
            due: eb.ref('excluded.due'),
            rule: eb.ref('excluded.rule'),
            reason: eb.ref('excluded.reason'),
            active_list: eb.ref('excluded.active_list'),
            urgency: eb.ref('excluded.urgency'),
            value_per_minute: eb.ref('excluded.value_per_minute'),
            decision: eb.ref('excluded.decision'),
            decided_at: eb.ref('excluded.decided_at'),
            recheck_at: eb.ref('excluded.recheck_at'),
            playbook_version: eb.ref('excluded.playbook_version'),
            model_version: eb.ref('excluded.model_version'),
          })),
        )
        .execute();
    }
  },
  async findByProspect(q: Q, prospectId: string): Promise<StoredDecision | undefined> {
    const r = await q
      .selectFrom('decisions')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .executeTakeFirst();
    return r === undefined ? undefined : toDecision(r);
  },
  /** Prospects whose decision time alone may have changed by `now` (optionally one owner's). */
  async staleIds(q: Q, orgId: string, now: number, ownerId?: string): Promise<string[]> {
    let query = q
      .selectFrom('decisions')
      .select('prospect_id')
      .where('org_id', '=', orgId)
      .where('recheck_at', '<=', now);
    if (ownerId !== undefined) query = query.where('owner_id', '=', ownerId);
    return (await query.execute()).map((r) => r.prospect_id);
  },
  /** One rep's actions due before a time (waits and stops excluded). */
  async agenda(q: Q, a: AgendaQuery): Promise<StoredDecision[]> {
    const rows = await q
      .selectFrom('decisions')
      .selectAll()
      .where('org_id', '=', a.orgId)
      .where('owner_id', '=', a.ownerId)
      .where('due', '<', a.dueBefore)
      .where('action', 'not in', ['wait', 'stop'])
      .execute();
    return rows.map(toDecision);
  },
  async listByOwners(q: Q, orgId: string, ownerIds?: string[]): Promise<StoredDecision[]> {
    let query = q.selectFrom('decisions').selectAll().where('org_id', '=', orgId);
    if (ownerIds !== undefined) query = query.where('owner_id', 'in', ownerIds.length > 0 ? ownerIds : ['']);
    return (await query.execute()).map(toDecision);
  },
};

export const externalIds = {
  async find(q: Q, orgId: string, system: string, kind: 'prospect' | 'contact' | 'user', externalId: string) {
    const r = await q
      .selectFrom('external_ids')
      .select('entity_id')
      .where('org_id', '=', orgId)
      .where('system', '=', system)
      .where('kind', '=', kind)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return r?.entity_id;
  },
  async insert(
    q: Q,
    orgId: string,
    system: string,
    kind: 'prospect' | 'contact' | 'user',
    externalId: string,
    entityId: string,
  ) {
    await q
      .insertInto('external_ids')
      .values({ org_id: orgId, system, kind, external_id: externalId, entity_id: entityId })
      .execute();
  },
  async forEntity(q: Q, entityId: string): Promise<{ system: string; externalId: string }[]> {
    const rows = await q
      .selectFrom('external_ids')
      .select(['system', 'external_id'])
      .where('entity_id', '=', entityId)
      .execute();
    return rows.map((r) => ({ system: r.system, externalId: r.external_id }));
  },
};
