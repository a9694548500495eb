// The pipeline board's reads: prospects with their current decision's action and rule, counted and
// summed by those columns, and a page of the prospects that have one of a list of such combinations.
// Which combination is which state is core's business (core/pipeline.ts): this only moves rows.

import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Prospect } from '../../core/records.js';
import { toProspect } from './prospects.repository.js';

type Q = Kysely<Database>;

export interface PipelineFilter {
  orgId: string;
  /** Only these owners' prospects; undefined: the whole organisation. */
  ownerIds?: string[];
}

/** Prospects sharing a relationship and a decision's action and rule (null: no decision yet). */
export interface PipelineGroup {
  relationship: Prospect['relationship'];
  action: string | null;
  rule: string | null;
}

export interface PipelineGroupTotal extends PipelineGroup {
  count: number;
  /** The sum of the deal values that are given. */
  value: number;
}

export interface PipelineCardRow {
  id: string;
  name: string;
  ownerId: string;
  dealValue: number | null;
  relationship: Prospect['relationship'];
  snoozedUntil: number | null;
  action: string | null;
  rule: string | null;
  channel: string | null;
  due: number | null;
  reason: string | null;
}

type From = ExpressionBuilder<Database & { p: Database['prospects']; d: Database['decisions'] }, 'p' | 'd'>;

function base(q: Q, f: PipelineFilter) {
  let query = q
    .selectFrom('prospects as p')
    .leftJoin('decisions as d', 'd.prospect_id', 'p.id')
    .where('p.org_id', '=', f.orgId);
  if (f.ownerIds !== undefined)
    query = query.where('p.owner_id', 'in', f.ownerIds.length > 0 ? f.ownerIds : ['']);
  return query;
}

/** Rows in any of the groups: each group's three columns equal (or both null). */
function inGroups(eb: From, groups: PipelineGroup[]) {
  return eb.or(
    groups.map((g) =>
      eb.and([
        eb('p.relationship', '=', g.relationship),
        g.action === null ? eb('d.action', 'is', null) : eb('d.action', '=', g.action),
        g.rule === null ? eb('d.rule', 'is', null) : eb('d.rule', '=', g.rule),
      ]),
    ),
  );
}

export const pipelineRows = {
  /** How many prospects, and how much deal value, for each relationship, action and rule. */
  async totals(q: Q, f: PipelineFilter): Promise<PipelineGroupTotal[]> {
    const rows = await base(q, f)
      .select((eb) => [
        'p.relationship',
        'd.action',
        'd.rule',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.sum<number | string | null>('p.deal_value').as('value'),
      ])
      .groupBy(['p.relationship', 'd.action', 'd.rule'])
      .execute();
    return rows.map((r) => ({
      relationship: r.relationship,
      action: r.action,
      rule: r.rule,
      count: Number(r.n),
      value: r.value === null ? 0 : Number(r.value),
    }));
  },
  /** The prospects in any of the groups by name (then id, so pages never overlap), or a page of them. */
  async prospectsIn(
    q: Q,
    f: PipelineFilter,
    groups: PipelineGroup[],
    page?: { offset: number; limit: number },
  ): Promise<Prospect[]> {
    if (groups.length === 0) return [];
    let query = base(q, f)
      .where((eb) => inGroups(eb, groups))
      .selectAll('p')
      .orderBy('p.name')
      .orderBy('p.id');
    if (page !== undefined) query = query.limit(page.limit).offset(page.offset);
    return (await query.execute()).map(toProspect);
  },
  /**
   * A page of each column's prospects, a column being the prospects in any of its groups: the
   * soonest next step first (the most overdue before all), those with none last, then by name and
   * id so pages never overlap. One statement numbers every column's rows in a single pass (a
   * statement per column read the whole organisation once per column); each row says its column's
   * index in `columns`.
   */
  async columns(
    q: Q,
    f: PipelineFilter,
    columns: PipelineGroup[][],
    page: { offset: number; limit: number },
  ): Promise<(PipelineCardRow & { column: number })[]> {
    const asked = columns.flatMap((groups, column) => (groups.length === 0 ? [] : [{ groups, column }]));
    if (asked.length === 0) return [];
    const numbered = base(q, f)
      .where((eb) =>
        inGroups(
          eb,
          asked.flatMap((c) => c.groups),
        ),
      )
      .select((eb) => {
        const column = sql<number>`case ${sql.join(
          asked.map((c) => sql`when ${inGroups(eb, c.groups)} then ${sql.lit(c.column)}`),
          sql` `,
        )} end`;
        return [
          'p.id',
          'p.name',
          'p.owner_id',
          'p.deal_value',
          'p.relationship',
          'p.snoozed_until',
          'd.action',
          'd.rule',
          'd.channel',
          'd.due',
          'd.reason',
          column.as('board_column'),
          sql<number>`row_number() over (partition by ${column} order by case when d.due is null then 1 else 0 end, d.due, p.name, p.id)`.as(
            'place',
          ),
        ];
      });
    const rows = await q
      .selectFrom(numbered.as('c'))
      .selectAll()
      .where('place', '>', page.offset)
      .where('place', '<=', page.offset + page.limit)
      .orderBy('board_column')
      .orderBy('place')
      .execute();
    return rows.map((r) => ({
      column: Number(r.board_column),
      id: r.id,
      name: r.name,
      ownerId: r.owner_id,
      dealValue: r.deal_value === null ? null : Number(r.deal_value),
      relationship: r.relationship,
      snoozedUntil: r.snoozed_until === null ? null : Number(r.snoozed_until),
      action: r.action,
      rule: r.rule,
      channel: r.channel,
      due: r.due === null ? null : Number(r.due),
      reason: r.reason,
    }));
  },
};
