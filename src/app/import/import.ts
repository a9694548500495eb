// Import of CRM exports (HubSpot, Salesforce, Pipedrive), of any CSV with a column mapping, and of
// Pursuit's own exports (CSV and JSON Lines). Files are streamed in chunks; each chunk's rows are
// resolved with a few batch lookups (external id, then contact email, then company name) and
// written with multi-row inserts. Everything runs in ONE transaction: by default a single bad row
// rolls it all back (and every rejected row is reported with its line and reason); with skipBad
// the good rows are kept and the bad ones written to a rejects file. A crash or Ctrl-C before the
// commit leaves the database as it was. Touched prospects are re-decided before the commit.
//
// This module is the use case's entry; the parts: import-sources (the inputs), importer (one run),
// import-lookup, import-resolve, import-events and import-write (one chunk of rows), import-team
// (owners and products), import-chunk (a chunk's state), import-options and import-report.

import { parseMapping } from '../../integrations/crm/generic.js';
import type { MapContext } from '../../integrations/crm/unit.js';
import type { User } from '../../core/records.js';
import type { AppContext } from '../context.js';
import type { ImportInput, ImportOptions } from './options.js';
import type { ImportReport } from './report.js';
import { prepare } from './sources.js';
import { Importer } from './importer.js';
import type { Runner } from './importer.js';
import { inTransaction } from '../context.js';

export type { ImportInput, ImportOptions, ImportProgress } from './options.js';
export type { ImportReport, RejectedRow } from './report.js';

class Rollback extends Error {}

/** What every import starts from: the clock, the column mapping, and its inputs checked and in order. */
async function plan(ctx: AppContext, actor: User, inputs: ImportInput[], options: ImportOptions) {
  const now = ctx.now();
  const mapping = typeof options.mapping === 'string' ? parseMapping(options.mapping) : options.mapping;
  const mapContext: MapContext = { zone: options.zone ?? actor.timezone, now };
  return { now, mapping, mapContext, sources: await prepare(inputs, options, mapContext, mapping) };
}

/** Imports several files in one transaction (companies, then people, then deals and activities). */
export async function importFiles(
  ctx: AppContext,
  actor: User,
  inputs: ImportInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { now, mapping, mapContext, sources } = await plan(ctx, actor, inputs, options);
  let importer: Importer | undefined;
  try {
    return await inTransaction(
      ctx,
      async (q) => {
        importer = await Importer.start((work) => work(q), ctx, actor, options, now);
        for (const source of sources) await importer.read(source, mapContext, mapping);
        importer.finish();
        // All or nothing: a rejected row rolls everything back (the report says what to fix).
        if (importer.report.rejectedCount > 0 && options.skipBad !== true) throw new Rollback();
        await importer.decide();
        importer.report.committed = true;
        return importer.report;
      },
      // The sources are streams, read once.
      { retry: false },
    ).then((report) => afterBulkLoad(ctx, report));
  } catch (error) {
    if (error instanceof Rollback && importer !== undefined) return importer.report;
    throw error;
  }
}

/** Rows from which an import counts as a bulk load, worth fresh planner statistics after it. */
const BULK_ROWS = 5000;

/** After a bulk load, the planner's statistics are brought up to date (see Db.refreshStatistics). */
async function afterBulkLoad(ctx: AppContext, report: ImportReport): Promise<ImportReport> {
  if (report.committed && report.rowsRead >= BULK_ROWS) {
    // Only an optimisation: should it fail, autovacuum catches up in its own time.
    await ctx.db
      .refreshStatistics(['prospects', 'contacts', 'events', 'decisions', 'external_ids'])
      .catch(() => undefined);
  }
  return report;
}

/**
 * Imports in short transactions, a chunk of rows each, for a server whose other requests must not
 * wait behind one long write (SQLite has a single writer). Good rows are kept as they go and bad
 * ones reported, as with skipBad. A failure or a cancel keeps what was already written; importing
 * the same file again is safe, since rows are matched to the records they made the first time.
 */
export async function importInBatches(
  ctx: AppContext,
  actor: User,
  inputs: ImportInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { now, mapping, mapContext, sources } = await plan(ctx, actor, inputs, options);
  const run: Runner = async (work) => {
    // A chunk's rows are read from the stream once: it is not run again.
    const done = await inTransaction(ctx, work, { retry: false });
    // Let waiting requests in between two chunks.
    await new Promise((resolve) => setImmediate(resolve));
    return done;
  };
  const importer = await Importer.start(run, ctx, actor, { batchRows: 250, ...options, skipBad: true }, now);
  // What was written stays, whatever stops the import: the report says how far it got.
  importer.report.committed = true;
  try {
    for (const source of sources) await importer.read(source, mapContext, mapping);
    importer.finish();
    await importer.decide();
    return await afterBulkLoad(ctx, importer.report);
  } catch (error) {
    importer.finish();
    // Rows already written are decided all the same, unless the database itself failed.
    if (options.signal?.aborted === true) await importer.decide(false);
    throw new ImportCut(importer.report, error);
  }
}

/** An import in batches that stopped part way (cancelled or failed), with what it had done. */
export class ImportCut extends Error {
  constructor(
    readonly report: ImportReport,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Imports one file or stream; see importFiles. */
export async function importFile(
  ctx: AppContext,
  actor: User,
  options: ImportInput & ImportOptions,
): Promise<ImportReport> {
  const { path, stream, name, ...rest } = options;
  return importFiles(ctx, actor, [{ path, stream, name }], rest);
}
