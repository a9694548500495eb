// The ids records have in other systems (a CRM's record ids), for imports to find them again.

import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { chunks, insertRows } from './rows.js';

type Q = Kysely<Database>;

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
