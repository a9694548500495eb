// Events, external ids, playbook versions and decisions: rows in, records out.

import { CompiledQuery } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DecisionsTable, EventsTable, PlaybooksTable } from '../schema.js';
import type { PlaybookVersion, StoredDecision, StoredEvent } from '../records.js';

type Q = Kysely<Database>;

/** Rows per multi-row INSERT, and values per IN list: well inside both drivers' parameter limits. */
const CHUNK = 500;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** What a bulk insert does with a row whose key is taken: fail, skip it, or replace the other columns. */
export type OnConflict = 'fail' | 'skip' | { replaceOn: string };

function conflictClause(columns: readonly string[], onConflict: OnConflict): string {
  if (onConflict === 'fail') return '';
  if (onConflict === 'skip') return ' on conflict do nothing';
  const key = onConflict.replaceOn;
  const set = columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
  return ` on conflict (${key}) do update set ${set.join(', ')}`;
}

/**
 * A multi-row INSERT of plain values, written as SQL text rather than built node by node: bulk
 * imports and re-deciding everyone send millions of rows through here. Table and column names are
 * the caller's constants. Returns how many rows were written (fewer than given when skipped).
 */
export async function insertRows(
  q: Q,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  onConflict: OnConflict = 'fail',
): Promise<number> {
  if (rows.length === 0) return 0;
  const dollar = q.selectFrom('events').select('id').where('id', '=', '').compile().sql.includes('$1');
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const value of row) {
      params.push(value);
      marks.push(dollar ? `$${params.length}` : '?');
    }
    tuples.push(`(${marks.join(',')})`);
  }
  const text = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(',')}${conflictClause(columns, onConflict)}`;
  const result = await q.executeQuery(CompiledQuery.raw(text, params));
  return Number(result.numAffectedRows ?? 0);
}

const EVENT_COLUMNS = [
  'id',
  'org_id',
  'prospect_id',
  'type',
  'at',
  'contact_id',
  'data',
  'logged_by',
  'logged_at',
  'log_seq',
  'source_key',
] as const;

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
  /**
   * Inserts many events, many rows per statement; an event whose source key the organisation
   * already has is skipped. Returns how many were inserted.
   */
  async insertMany(q: Q, list: StoredEvent[]): Promise<number> {
    let inserted = 0;
    for (const part of chunks(list, 1000)) {
      const rows = part.map((e) => [
        e.id,
        e.orgId,
        e.prospectId,
        e.type,
        e.at,
        e.contactId,
        JSON.stringify(e.data),
        e.loggedBy,
        e.loggedAt,
        e.logSeq ?? null,
        e.sourceKey,
      ]);
      inserted += await insertRows(q, 'events', EVENT_COLUMNS, rows, 'skip');
    }
    return inserted;
  },
  /** The organisation's events with these source keys, by source key. */
  async idsBySourceKey(
    q: Q,
    orgId: string,
    keys: string[],
  ): Promise<Map<string, { id: string; prospectId: string; type: string }>> {
    const out = new Map<string, { id: string; prospectId: string; type: string }>();
    for (const part of chunks([...new Set(keys)])) {
      const rows = await q
        .selectFrom('events')
        .select(['id', 'prospect_id', 'type', 'source_key'])
        .where('org_id', '=', orgId)
        .where('source_key', 'in', part)
        .execute();
      for (const r of rows)
        out.set(r.source_key as string, { id: r.id, prospectId: r.prospect_id, type: r.type });
    }
    return out;
  },
  /** Which of these ids are taken by events (of any organisation), with their owners. */
  async ownersOf(
    q: Q,
    ids: string[],
  ): Promise<Map<string, { orgId: string; prospectId: string; type: string }>> {
    const out = new Map<string, { orgId: string; prospectId: string; type: string }>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await q
        .selectFrom('events')
        .select(['id', 'org_id', 'prospect_id', 'type'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { orgId: r.org_id, prospectId: r.prospect_id, type: r.type });
    }
    return out;
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
  /**
   * Each prospect's history in the contract's form, in order, as JSON array text: only what
   * deciding needs, read in bulk and left unparsed (re-deciding everyone reads every event).
   */
  async historiesOf(q: Q, prospectIds: string[]): Promise<Map<string, string>> {
    const parts = new Map<string, string[]>();
    if (prospectIds.length === 0) return new Map();
    const rows = await q
      .selectFrom('events')
      .select(['prospect_id', 'data'])
      .where('prospect_id', 'in', prospectIds)
      .orderBy('prospect_id')
      .orderBy('at')
      .orderBy('logged_at')
      .execute();
    for (const r of rows) {
      const list = parts.get(r.prospect_id);
      if (list === undefined) parts.set(r.prospect_id, [r.data]);
      else list.push(r.data);
    }
    return new Map([...parts].map(([id, list]) => [id, `[${list.join(',')}]`]));
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

const DECISION_COLUMNS = [
  'prospect_id',
  'org_id',
  'owner_id',
  'action',
  'contact_id',
  'channel',
  'due',
  'rule',
  'reason',
  'active_list',
  'urgency',
  'value_per_minute',
  'decision',
  'decided_at',
  'recheck_at',
  'playbook_version',
  'model_version',
] as const satisfies readonly (keyof DecisionsTable)[];

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
    for (const part of chunks(list, 1000)) {
      const rows = part.map(decisionRow);
      await insertRows(
        q,
        'decisions',
        DECISION_COLUMNS,
        rows.map((r) => DECISION_COLUMNS.map((c) => r[c])),
        { replaceOn: 'prospect_id' },
      );
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
  /** The earliest time after `after` at which one of a rep's decisions is due another look. */
  async nextRecheck(q: Q, orgId: string, ownerId: string, after: number): Promise<number | undefined> {
    const r = await q
      .selectFrom('decisions')
      .select('recheck_at')
      .where('org_id', '=', orgId)
      .where('owner_id', '=', ownerId)
      .where('recheck_at', '>', after)
      .orderBy('recheck_at')
      .limit(1)
      .executeTakeFirst();
    return r?.recheck_at === undefined || r.recheck_at === null ? undefined : Number(r.recheck_at);
  },
  /** One rep's actions due before a time, and calls to prepare (waits and stops excluded). */
  async agenda(q: Q, a: AgendaQuery): Promise<StoredDecision[]> {
    // Two index ranges rather than one OR, which would read every decision of the rep: what is due
    // before the time, and the calls to prepare (due by their call, but on the day from the moment
    // their window opens).
    const rep = q
      .selectFrom('decisions')
      .selectAll()
      .where('org_id', '=', a.orgId)
      .where('owner_id', '=', a.ownerId);
    const [due, prepare] = await Promise.all([
      rep.where('due', '<', a.dueBefore).where('action', 'not in', ['wait', 'stop', 'prepare']).execute(),
      rep.where('action', '=', 'prepare').execute(),
    ]);
    return [...due, ...prepare].map(toDecision);
  },
  /** Action and rule of each prospect's decision, for counting what changed. */
  async summaries(q: Q, prospectIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(prospectIds)) {
      const rows = await q
        .selectFrom('decisions')
        .select(['prospect_id', 'action', 'rule'])
        .where('prospect_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.prospect_id, `${r.action}/${r.rule}`);
    }
    return out;
  },
  /** Actions due before `now` (waits and stops aside), counted by owner. */
  async overdueByOwner(q: Q, orgId: string, now: number, ownerIds?: string[]): Promise<Map<string, number>> {
    let query = q
      .selectFrom('decisions')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('due', '<', now)
      .where('action', 'not in', ['wait', 'stop'])
      .groupBy('owner_id');
    if (ownerIds !== undefined) query = query.where('owner_id', 'in', ownerIds.length > 0 ? ownerIds : ['']);
    return new Map((await query.execute()).map((r) => [r.owner_id, Number(r.n)]));
  },
  async findByProspects(q: Q, prospectIds: string[]): Promise<StoredDecision[]> {
    const out: StoredDecision[] = [];
    for (const part of chunks(prospectIds)) {
      const rows = await q.selectFrom('decisions').selectAll().where('prospect_id', 'in', part).execute();
      for (const r of rows) out.push(toDecision(r));
    }
    return out;
  },
  /** The organisation's decisions made by one rule. */
  async listByRule(q: Q, orgId: string, rule: string): Promise<StoredDecision[]> {
    const rows = await q
      .selectFrom('decisions')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('rule', '=', rule)
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
  /** The entities of many external ids of one system and kind, by external id. */
  async findMany(
    q: Q,
    orgId: string,
    system: string,
    kind: 'prospect' | 'contact' | 'user',
    externalIdList: string[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks([...new Set(externalIdList)])) {
      const rows = await q
        .selectFrom('external_ids')
        .select(['external_id', 'entity_id'])
        .where('org_id', '=', orgId)
        .where('system', '=', system)
        .where('kind', '=', kind)
        .where('external_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.external_id, r.entity_id);
    }
    return out;
  },
  /** Inserts many external ids; one already there is left as it is. */
  async insertMany(
    q: Q,
    rows: {
      orgId: string;
      system: string;
      kind: 'prospect' | 'contact' | 'user';
      externalId: string;
      entityId: string;
    }[],
  ): Promise<void> {
    for (const part of chunks(rows, 1000)) {
      await insertRows(
        q,
        'external_ids',
        ['org_id', 'system', 'kind', 'external_id', 'entity_id'],
        part.map((r) => [r.orgId, r.system, r.kind, r.externalId, r.entityId]),
        'skip',
      );
    }
  },
  /** Each entity's ids in other systems, as "system:id". */
  async listForEntities(q: Q, orgId: string, entityIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks([...new Set(entityIds)])) {
      const rows = await q
        .selectFrom('external_ids')
        .select(['system', 'external_id', 'entity_id'])
        .where('org_id', '=', orgId)
        .where('entity_id', 'in', part)
        .orderBy('system')
        .orderBy('external_id')
        .execute();
      for (const r of rows)
        out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), `${r.system}:${r.external_id}`]);
    }
    return out;
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
