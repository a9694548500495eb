// The audit log: entries in, entries out (newest first). Nothing here knows what an entry means.

import type { Kysely, Selectable } from 'kysely';
import type { AuditAction, AuditEntry, AuditVia } from '../../core/records.js';
import type { AuditLogTable, Database } from '../schema.js';

type Q = Kysely<Database>;

function toEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: r.id,
    orgId: r.org_id,
    at: Number(r.at),
    action: r.action as AuditAction,
    actorId: r.actor_id,
    subjectId: r.subject_id,
    address: r.address,
    via: r.via as AuditVia | null,
    detail: r.detail,
  };
}

export interface AuditQuery {
  /** Entries of this organisation, and those of none (unknown emails). */
  orgId: string;
  /** Only entries written before this one (its id: the next page). */
  before?: string;
  action?: AuditAction;
  limit: number;
}

export const auditLog = {
  async insert(q: Q, e: AuditEntry): Promise<void> {
    await q
      .insertInto('audit_log')
      .values({
        id: e.id,
        org_id: e.orgId,
        at: e.at,
        action: e.action,
        actor_id: e.actorId,
        subject_id: e.subjectId,
        address: e.address,
        via: e.via,
        detail: e.detail,
      })
      .execute();
  },
  async list(q: Q, query: AuditQuery): Promise<AuditEntry[]> {
    let select = q
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) => eb.or([eb('org_id', '=', query.orgId), eb('org_id', 'is', null)]))
      .orderBy('id', 'desc')
      .limit(query.limit);
    if (query.before !== undefined) select = select.where('id', '<', query.before);
    if (query.action !== undefined) select = select.where('action', '=', query.action);
    return (await select.execute()).map(toEntry);
  },
};
