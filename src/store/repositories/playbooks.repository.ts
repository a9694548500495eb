// Playbook versions: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, PlaybooksTable } from '../schema.js';
import type { PlaybookVersion } from '../../core/records.js';

type Q = Kysely<Database>;

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
  /**
   * The ids of the organisation's playbook version and calibrated model in force, in one statement
   * and without their documents: enough to find a decider already compiled for them.
   */
  async activeIds(q: Q, orgId: string): Promise<{ playbook: string | null; model: string | null }> {
    const r = await q
      .selectNoFrom((eb) => [
        eb
          .selectFrom('playbooks')
          .select('id')
          .where('org_id', '=', orgId)
          .where('active', '=', 1)
          .limit(1)
          .as('playbook'),
        eb
          .selectFrom('models')
          .select('id')
          .where('org_id', '=', orgId)
          .where('active', '=', 1)
          .limit(1)
          .as('model'),
      ])
      .executeTakeFirstOrThrow();
    return { playbook: r.playbook, model: r.model };
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
