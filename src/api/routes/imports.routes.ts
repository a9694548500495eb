// Imports and exports over HTTP. An import is an upload of the file's bytes (text/csv, or JSON Lines
// as application/x-ndjson) that answers at once with a job; the job's progress, its rejected rows
// and its end are read from /api/imports/:id, and it can be asked to stop. A preview of the file's
// first bytes (before uploading it) says what it is and suggests a column mapping. An export streams
// the caller's visible prospects, contacts and events as CSV or JSON Lines.

import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { exportData } from '../../app/import/export.js';
import { cancelImport, importJob, listImports, startImport } from '../../app/import/jobs.js';
import { previewImport } from '../../app/import/preview.js';
import { PursuitError } from '../../core/errors.js';
import { ImportJobView, ImportPreviewView } from '../../app/import/views.js';
import { actorOf } from '../auth.js';
import { ExportFile } from '../answers.js';
import type { Api } from '../build-app.js';

const Options = {
  format: Type.Optional(Type.String({ maxLength: 20 })),
  mapping: Type.Optional(Type.String({ maxLength: 4000 })),
  zone: Type.Optional(Type.String({ maxLength: 64 })),
};
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const UPLOAD_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream'];

export function importRoutes(app: Api, ctx: AppContext): void {
  // The upload's bytes go to the import as a stream, never whole in memory.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/imports/preview',
    {
      schema: {
        tags: ['import'],
        summary: 'What a file is, from its first bytes: format, columns, first rows, a suggested mapping',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 300 }),
            head: Type.String({ maxLength: 262_144 }),
            complete: Type.Boolean(),
            ...Options,
          },
          { additionalProperties: false },
        ),
        response: { 200: ImportPreviewView },
      },
    },
    async (request) => previewImport(actorOf(request), request.body, ctx.now()),
  );

  app.post(
    '/api/imports',
    {
      bodyLimit: Number.MAX_SAFE_INTEGER,
      schema: {
        tags: ['import'],
        summary: 'Start an import: the body is the file (text/csv or application/x-ndjson)',
        description:
          'Answers 202 with the job at once; the rows are imported in short batches, good rows kept as ' +
          'they go and bad ones listed with their line and reason. Importing the same file again is safe.',
        querystring: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 300 }), ...Options },
          { additionalProperties: false },
        ),
        response: { 202: ImportJobView },
      },
    },
    async (request, reply) => {
      const body = request.body as Readable | undefined;
      if (body === undefined || typeof body.pipe !== 'function') {
        throw new PursuitError(
          'INVALID_INPUT',
          `send the file as the body, with Content-Type ${UPLOAD_TYPES.slice(0, 2).join(' or ')}`,
          'body',
        );
      }
      const job = await startImport(ctx, actorOf(request), {
        ...request.query,
        stream: body,
        onFault: (error) => request.log.error({ err: error }, 'an import failed part way'),
      });
      return reply.status(202).header('location', `/api/imports/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['import'],
        summary: 'The latest imports you may see, newest first',
        response: {
          200: Type.Object({ items: Type.Array(ImportJobView) }, { additionalProperties: false }),
        },
      },
    },
    async (request) => ({ items: await listImports(ctx, actorOf(request)) }),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['import'],
        summary: "An import's progress, and its report once it has ended",
        params: Id,
        response: { 200: ImportJobView },
      },
    },
    async (request) => importJob(ctx, actorOf(request), request.params.id),
  );

  app.delete(
    '/api/imports/:id',
    {
      schema: {
        tags: ['import'],
        summary: 'Ask a running import to stop after its current batch',
        params: Id,
        response: { 200: ImportJobView },
      },
    },
    async (request) => cancelImport(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/export',
    {
      schema: {
        tags: ['import'],
        summary: 'Your visible prospects, contacts and events, as CSV or JSON Lines (re-importable)',
        querystring: Type.Object(
          { format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'csv' }) },
          { additionalProperties: false },
        ),
        response: { 200: ExportFile },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format } = request.query;
      // On a connection of its own: a long export does not hold up other requests.
      const reader = ctx.db.longReader();
      const out = new PassThrough();
      void exportData({ ...ctx, db: reader }, actor, { format, stream: out })
        .then(() => out.end())
        .catch((error: unknown) => {
          request.log.error({ err: error }, 'the export failed part way');
          out.destroy(error as Error);
        })
        .finally(() => void reader.close());
      return (
        reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="pursuit-export.${format}"`)
          // A stream of the declared text, written as it is read.
          .send(out as never)
      );
    },
  );
}
