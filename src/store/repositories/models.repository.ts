// Calibrated models, the daily value of each rep's time, and saved simulations: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, ModelsTable } from '../schema.js';
import type { StoredModel, StoredSimulation } from '../../core/records.js';

type Q = Kysely<Database>;

function toModel(r: Selectable<ModelsTable>): StoredModel {
  return {
    id: r.id,
    orgId: r.org_id,
    version: Number(r.version),
    params: JSON.parse(r.params) as unknown,
    summary: JSON.parse(r.summary) as unknown,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    active: Number(r.active) === 1,
  };
}

export const models = {
  async active(q: Q, orgId: string): Promise<StoredModel | undefined> {
    const r = await q
      .selectFrom('models')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return r === undefined ? undefined : toModel(r);
  },
  async latestVersion(q: Q, orgId: string): Promise<number> {
    const r = await q
      .selectFrom('models')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return r?.v === undefined || r.v === null ? 0 : Number(r.v);
  },
  /** Stores a new version, in force from now on (the one before it is kept, no longer active). */
  async insertActive(q: Q, m: StoredModel): Promise<void> {
    await q.updateTable('models').set({ active: 0 }).where('org_id', '=', m.orgId).execute();
    await q
      .insertInto('models')
      .values({
        id: m.id,
        org_id: m.orgId,
        version: m.version,
        params: JSON.stringify(m.params),
        summary: JSON.stringify(m.summary),
        created_by: m.createdBy,
        created_at: m.createdAt,
        active: 1,
      })
      .execute();
  },
  async list(q: Q, orgId: string): Promise<StoredModel[]> {
    const rows = await q
      .selectFrom('models')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toModel);
  },
};

export interface RepDay {
  userId: string;
  day: string;
  hourlyValue: number;
}

export const repDays = {
  /** The values these users' days were given at this instant. */
  async computedAt(q: Q, userIds: string[], at: number): Promise<RepDay[]> {
    if (userIds.length === 0) return [];
    const rows = await q
      .selectFrom('rep_days')
      .select(['user_id', 'day', 'hourly_value'])
      .where('user_id', 'in', userIds)
      .where('computed_at', '=', at)
      .execute();
    return rows.map((r) => ({ userId: r.user_id, day: r.day, hourlyValue: Number(r.hourly_value) }));
  },
  async valuesOn(q: Q, userIds: string[], day: string): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await q
      .selectFrom('rep_days')
      .select(['user_id', 'hourly_value'])
      .where('user_id', 'in', userIds)
      .where('day', '=', day)
      .execute();
    return new Map(rows.map((r) => [r.user_id, Number(r.hourly_value)]));
  },
  async set(q: Q, userId: string, day: string, hourlyValue: number, now: number): Promise<void> {
    await q
      .insertInto('rep_days')
      .values({ user_id: userId, day, hourly_value: hourlyValue, computed_at: now })
      .onConflict((oc) =>
        oc.columns(['user_id', 'day']).doUpdateSet({ hourly_value: hourlyValue, computed_at: now }),
      )
      .execute();
  },
};

export const simulations = {
  async insert(q: Q, s: StoredSimulation): Promise<void> {
    await q
      .insertInto('simulations')
      .values({
        id: s.id,
        org_id: s.orgId,
        created_by: s.createdBy,
        created_at: s.createdAt,
        world: s.world,
        report: JSON.stringify(s.report),
      })
      .execute();
  },
  async latest(q: Q, orgId: string): Promise<StoredSimulation | undefined> {
    const r = await q
      .selectFrom('simulations')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r === undefined
      ? undefined
      : {
          id: r.id,
          orgId: r.org_id,
          createdBy: r.created_by,
          createdAt: Number(r.created_at),
          world: r.world,
          report: JSON.parse(r.report) as unknown,
        };
  },
};
