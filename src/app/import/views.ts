// What the outside sees of imports: a file's preview before the upload, an import's report, and a
// background import's job (its progress, then its report). Times are ISO 8601.

import Type from 'typebox';
import type { Static } from 'typebox';
import type { ImportJob } from '../../core/records.js';
import { FORMATS } from '../../integrations/crm/formats.js';
import { Counts, Instant, Nullable, Shape, iso } from '../shapes.js';

const count = Type.Integer({ minimum: 0 });
const Format = Type.Enum([...FORMATS]);

export const ImportPreviewView = Shape(
  {
    format: Nullable(Format),
    kind: Nullable(Type.String({ description: 'contacts, companies, deals, activities or prospects' })),
    columns: Type.Array(Type.String()),
    sample: Type.Array(Type.Array(Type.String()), { description: 'the first rows, as read' }),
    fields: Type.Array(Type.String(), { description: "Pursuit's fields, for a column mapping" }),
    suggested: Type.Record(Type.String(), Type.String(), {
      description: 'a mapping guessed from the column names: field to column',
    }),
    problem: Nullable(Type.String({ description: 'why it cannot be imported as it stands' })),
  },
  'What a file is, from its first bytes',
);

export const ImportReportView = Shape(
  {
    committed: Type.Boolean({
      description: 'false when rows were rejected without skipping: nothing written',
    }),
    files: Type.Array(
      Shape({
        name: Type.String(),
        format: Format,
        kind: Type.String(),
        encoding: Type.Enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'mixed']),
        rows: count,
      }),
    ),
    rowsRead: count,
    ignored: Counts,
    prospects: Shape({ created: count, updated: count, unchanged: count }),
    contacts: Shape({ created: count, updated: count }),
    events: Shape({ added: count, duplicates: count }),
    productsCreated: Type.Array(Type.String()),
    unknownOwners: Type.Array(Shape({ owner: Type.String(), rows: count })),
    rejected: Type.Array(Shape({ file: Type.String(), line: count, reason: Type.String() }), {
      description: 'the first 10,000 rejected rows',
    }),
    rejectedCount: count,
    rejectsFiles: Type.Array(Type.String()),
    decided: count,
    withoutContacts: count,
  },
  'What an import did',
);

export const ImportJobView = Shape(
  {
    id: Type.String(),
    userId: Type.String({ description: 'who started it' }),
    fileName: Type.String(),
    options: Shape(
      {
        format: Type.Optional(Type.String()),
        mapping: Type.Optional(Type.String()),
        zone: Type.Optional(Type.String()),
      },
      'the options as given',
    ),
    status: Type.Enum(['running', 'done', 'failed', 'cancelled', 'interrupted'], {
      description: 'interrupted: running, but its server stopped writing',
    }),
    bytesTotal: Nullable(count),
    bytesRead: count,
    rows: count,
    rejected: count,
    phase: Type.Enum(['reading', 'deciding']),
    decided: count,
    toDecide: count,
    cancelRequested: Type.Boolean(),
    report: Nullable(ImportReportView),
    error: Nullable(Type.String()),
    createdAt: Instant,
    updatedAt: Instant,
    finishedAt: Nullable(Instant),
  },
  'An import running in the background, or how it ended',
);
export type ImportJobView = Static<typeof ImportJobView>;

/** A job as shown; a running job whose process stopped writing for `silentMs` is `interrupted`. */
export function importJobView(job: ImportJob, now: number, silentMs: number): ImportJobView {
  const silent = job.status === 'running' && now - job.updatedAt > silentMs;
  return {
    id: job.id,
    userId: job.userId,
    fileName: job.fileName,
    options: job.options as ImportJobView['options'],
    status: silent ? 'interrupted' : job.status,
    bytesTotal: job.bytesTotal,
    bytesRead: job.bytesRead,
    rows: job.rows,
    rejected: job.rejected,
    phase: job.phase,
    decided: job.decided,
    toDecide: job.toDecide,
    cancelRequested: job.cancelRequested,
    report: (job.report ?? null) as ImportJobView['report'],
    error: job.error,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    finishedAt: iso(job.finishedAt),
  };
}
