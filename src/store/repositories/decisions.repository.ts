// Every prospect's current decision, and the agenda's reads of them: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, DecisionsTable } from '../schema.js';
import type { Contact, Prospect, StoredDecision } from '../../core/records.js';
import { chunks, insertRows } from './rows.js';
import { toContact, toProspect } from './prospects.repository.js';

type Q = Kysely<Database>;

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

/** One action of a rep's day with what it is about, as the agenda reads it (see decisions.day). */
export interface DayRow {
  prospect: Prospect;
  /** The contact the decision names, when it names one that exists. */
  contact: Contact | undefined;
  decision: Record<string, unknown>;
  due: number | null;
  urgency: number;
  valuePerMinute: number;
}

// The contact's columns beside the prospect's, each under a name of its own.
const CONTACT_AS = [
  'c.id as c_id',
  'c.org_id as c_org_id',
  'c.prospect_id as c_prospect_id',
  'c.position as c_position',
  'c.name as c_name',
  'c.role as c_role',
  'c.email as c_email',
  'c.phone as c_phone',
  'c.timezone as c_timezone',
  'c.do_not_contact as c_do_not_contact',
  'c.created_at as c_created_at',
  'c.email_bounced_at as c_email_bounced_at',
] as const;

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
  /**
   * The same actions as `agenda`, in the same order, each with its prospect and contact: one
   * statement (both index ranges, each row joined by primary key), and only the decision's columns
   * the day needs.
   */
  async day(q: Q, a: AgendaQuery): Promise<DayRow[]> {
    const rep = q
      .selectFrom('decisions as d')
      .innerJoin('prospects as p', 'p.id', 'd.prospect_id')
      .leftJoin('contacts as c', 'c.id', 'd.contact_id')
      .selectAll('p')
      .select(['d.due', 'd.urgency', 'd.value_per_minute', 'd.decision', ...CONTACT_AS])
      .where('d.org_id', '=', a.orgId)
      .where('d.owner_id', '=', a.ownerId);
    const rows = await rep
      .where('d.due', '<', a.dueBefore)
      .where('d.action', 'not in', ['wait', 'stop', 'prepare'])
      .unionAll(rep.where('d.action', '=', 'prepare'))
      .execute();
    return rows.map((r) => ({
      prospect: toProspect(r),
      contact:
        r.c_id === null
          ? undefined
          : toContact({
              id: r.c_id,
              org_id: r.c_org_id as string,
              prospect_id: r.c_prospect_id as string,
              position: r.c_position as number,
              name: r.c_name as string,
              role: r.c_role as Contact['role'],
              email: r.c_email,
              phone: r.c_phone,
              timezone: r.c_timezone,
              do_not_contact: r.c_do_not_contact as number,
              created_at: r.c_created_at as number,
              email_bounced_at: r.c_email_bounced_at,
            }),
      decision: JSON.parse(r.decision) as Record<string, unknown>,
      due: r.due === null ? null : Number(r.due),
      urgency: Number(r.urgency),
      valuePerMinute: Number(r.value_per_minute),
    }));
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
