// Import jobs: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, ImportJobsTable } from '../schema.js';
import type { ImportJob } from '../../core/records.js';

type Q = Kysely<Database>;

function toJob(r: Selectable<ImportJobsTable>): ImportJob {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    fileName: r.file_name,
    options: JSON.parse(r.options) as Record<string, unknown>,
    status: r.status,
    bytesTotal: r.bytes_total === null ? null : Number(r.bytes_total),
    bytesRead: Number(r.bytes_read),
    rows: Number(r.rows),
    rejected: Number(r.rejected),
    phase: r.phase,
    decided: Number(r.decided),
    toDecide: Number(r.to_decide),
    cancelRequested: r.cancel_requested === 1,
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    error: r.error,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  };
}

export interface JobProgress {
  bytesRead: number;
  rows: number;
  rejected: number;
  phase: 'reading' | 'deciding';
  decided: number;
  toDecide: number;
}

const progressRow = (p: JobProgress) => ({
  bytes_read: p.bytesRead,
  rows: p.rows,
  rejected: p.rejected,
  phase: p.phase,
  decided: p.decided,
  to_decide: p.toDecide,
});

export const importJobs = {
  async insert(q: Q, j: ImportJob): Promise<void> {
    await q
      .insertInto('import_jobs')
      .values({
        id: j.id,
        org_id: j.orgId,
        user_id: j.userId,
        file_name: j.fileName,
        options: JSON.stringify(j.options),
        status: j.status,
        bytes_total: j.bytesTotal,
        bytes_read: j.bytesRead,
        rows: j.rows,
        rejected: j.rejected,
        phase: j.phase,
        decided: j.decided,
        to_decide: j.toDecide,
        cancel_requested: j.cancelRequested ? 1 : 0,
        report: j.report === null ? null : JSON.stringify(j.report),
        error: j.error,
        created_at: j.createdAt,
        updated_at: j.updatedAt,
        finished_at: j.finishedAt,
      })
      .execute();
  },
  async findById(q: Q, orgId: string, id: string): Promise<ImportJob | undefined> {
    const r = await q
      .selectFrom('import_jobs')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r === undefined ? undefined : toJob(r);
  },
  /** The newest first; one user's, or (userIds undefined) the whole organisation's. */
  async list(q: Q, orgId: string, userIds: string[] | undefined, limit: number): Promise<ImportJob[]> {
    let query = q.selectFrom('import_jobs').selectAll().where('org_id', '=', orgId);
    if (userIds !== undefined) {
      if (userIds.length === 0) return [];
      query = query.where('user_id', 'in', userIds);
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toJob);
  },
  /** Notes progress; returns whether someone asked the job to stop. */
  async progress(q: Q, id: string, p: JobProgress, now: number): Promise<boolean> {
    await q
      .updateTable('import_jobs')
      .set({ ...progressRow(p), updated_at: now })
      .where('id', '=', id)
      .execute();
    const r = await q
      .selectFrom('import_jobs')
      .select('cancel_requested')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.cancel_requested === 1;
  },
  async finish(
    q: Q,
    id: string,
    end: { status: ImportJob['status']; report: unknown; error: string | null } & JobProgress,
    now: number,
  ): Promise<void> {
    await q
      .updateTable('import_jobs')
      .set({
        status: end.status,
        report: end.report === null ? null : JSON.stringify(end.report),
        error: end.error,
        ...progressRow(end),
        updated_at: now,
        finished_at: now,
      })
      .where('id', '=', id)
      .execute();
  },
  async requestCancel(q: Q, id: string, now: number): Promise<void> {
    await q
      .updateTable('import_jobs')
      .set({ cancel_requested: 1, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  },
};
