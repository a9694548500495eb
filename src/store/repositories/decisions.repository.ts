// Every prospect's current decision, and the agenda's reads of them: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, DecisionsTable } from '../schema.js';
import type { StoredDecision } from '../../core/records.js';
import { chunks, insertColumns } from './rows.js';
import type { IdRange } from './rows.js';

type Q = Kysely<Database>;

/** A stored row as a decision record. */
export function toDecision(r: Selectable<DecisionsTable>): StoredDecision {
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

/** The table's columns, with their PostgreSQL types for a bulk write. */
const DECISION_COLUMNS = [
  ['prospect_id', 'text'],
  ['org_id', 'text'],
  ['owner_id', 'text'],
  ['action', 'text'],
  ['contact_id', 'text'],
  ['channel', 'text'],
  ['due', 'bigint'],
  ['rule', 'text'],
  ['reason', 'text'],
  ['active_list', 'integer'],
  ['urgency', 'integer'],
  ['value_per_minute', 'double precision'],
  ['decision', 'text'],
  ['decided_at', 'bigint'],
  ['recheck_at', 'bigint'],
  ['playbook_version', 'text'],
  ['model_version', 'text'],
] as const satisfies readonly (readonly [keyof DecisionsTable, string])[];

/** A decision record as the table's row (its decision written as JSON). */
export function decisionRow(d: StoredDecision): DecisionsTable {
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
    await decisions.upsertRows(q, list.map(decisionRow));
  },
  /**
   * Inserts or replaces decisions given as rows (their JSON already written, as a worker does);
   * with `keepSame`, a decision stored exactly so (same decision, owner and recheck time) is left
   * as it stands, its decidedAt too.
   */
  async upsertRows(q: Q, rows: DecisionsTable[], options: { keepSame?: boolean } = {}): Promise<void> {
    const onConflict = {
      replaceOn: 'prospect_id',
      ...(options.keepSame === true ? { unlessSame: ['decision', 'owner_id', 'recheck_at'] } : {}),
    };
    for (const part of chunks(rows, 1000)) {
      await insertColumns(
        q,
        'decisions',
        DECISION_COLUMNS,
        part.map((r) => DECISION_COLUMNS.map(([c]) => r[c])),
        onConflict,
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
  /** Action and rule of the decisions of a page of prospects (as summaries), read as one index range. */
  async summariesInRange(q: Q, range: IdRange): Promise<Map<string, string>> {
    const rows = await q
      .selectFrom('decisions')
      .select(['prospect_id', 'action', 'rule'])
      .where('prospect_id', '>', range.after)
      .where('prospect_id', '<=', range.last)
      .execute();
    return new Map(rows.map((r) => [r.prospect_id, `${r.action}/${r.rule}`]));
  },
};
