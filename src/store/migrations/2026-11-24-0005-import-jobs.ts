// Imports started from the web app or the API: one row per uploaded file, with its progress (kept
// up to date while it runs, so any server process can answer "how far is it?"), a request to stop
// it, and at the end its report (rows read, created, rejected with line and reason) or its error.

import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // The import's options as given (format, column mapping, time zone), as JSON.
    .addColumn('options', 'text', (c) => c.notNull())
    // running, done, failed or cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bytes_total', 'bigint')
    .addColumn('bytes_read', 'bigint', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    .addColumn('rejected', 'bigint', (c) => c.notNull())
    // reading (rows), then deciding (the prospects it touched).
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('decided', 'bigint', (c) => c.notNull())
    .addColumn('to_decide', 'bigint', (c) => c.notNull())
    .addColumn('cancel_requested', 'integer', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // The running process writes at least every few seconds: a job silent for long was cut off.
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('import_jobs_org')
    .on('import_jobs')
    .columns(['org_id', 'created_at'])
    .execute();
  await noticeChanges(db, 'import_jobs');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute();
}
