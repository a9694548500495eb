// Imports started from the web app or the API: the uploaded file is read in the background, in short
// transactions, while its job row says how far it has got (any server process can answer), and a
// request to stop it is heard between two batches. (Before the upload: preview.ts.)

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { PursuitError } from '../../core/errors.js';
import type { ImportJob, User } from '../../core/records.js';
import { importJobs } from '../../store/repositories/imports.repository.js';
import type { JobProgress } from '../../store/repositories/imports.repository.js';
import type { AppContext } from '../context.js';
import { ImportCut, importInBatches } from './import.js';
import { checkOptions } from './preview.js';
import type { TypedImportOptions } from './preview.js';
import type { ImportOptions, ImportReport } from './import.js';
import { prepare } from './sources.js';
import type { Source } from './sources.js';
import { visibleOwners } from '../accounts/actors.js';
import { inTransaction } from '../context.js';
import { importJobView } from './views.js';
import type { ImportJobView } from './views.js';

/** A running job writes at least this often; one silent for much longer was cut off. */
const HEARTBEAT_MS = 10_000;
const SILENT_MS = 120_000;
/** Progress is written at most this often (by the process's own clock, not the app's). */
const PROGRESS_MS = 250;

export interface ImportRequest extends TypedImportOptions {
  /** The uploaded file's bytes; kept on this server's disk until the import ends. */
  stream: Readable;
  /** The file's name as the user knows it. */
  name: string;
  /** Told of a failure that is not the file's fault (the server logs it; the job says it failed). */
  onFault?: (error: unknown) => void;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

const running = new WeakMap<AppContext, Map<string, Running>>();

const view = (job: ImportJob, now: number): ImportJobView => importJobView(job, now, SILENT_MS);

/** The largest file an import takes (a million prospects with their history fit in far less). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** Keeps an upload in a file of its own; refuses one larger than the limit, keeping nothing. */
async function receive(stream: Readable): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pursuit-upload-'));
  const path = join(dir, 'upload');
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes <= MAX_UPLOAD_BYTES) return done(null, chunk);
      done(
        new PursuitError(
          'INVALID_INPUT',
          `the file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB`,
          'file',
        ),
      );
    },
  });
  try {
    await pipeline(stream, limit, createWriteStream(path));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return path;
}

async function discard(path: string): Promise<void> {
  await rm(dirname(path), { recursive: true, force: true });
}

/** Checks the file and the options, records the job, and starts it in the background. */
export async function startImport(
  ctx: AppContext,
  actor: User,
  request: ImportRequest,
): Promise<ImportJobView> {
  const options = checkOptions(request);
  const now = ctx.now();
  const path = await receive(request.stream);
  let source: Source | undefined;
  try {
    // Fails now, before any job, on a file that cannot be read or whose format cannot be told.
    [source] = await prepare(
      [{ path, name: request.name }],
      options,
      { zone: options.zone ?? actor.timezone, now },
      options.mapping,
    );
  } catch (error) {
    await discard(path);
    throw error;
  }
  const job: ImportJob = {
    id: randomUUID(),
    orgId: actor.orgId,
    userId: actor.id,
    fileName: request.name,
    options: Object.fromEntries(
      Object.entries({ format: request.format, mapping: request.mapping, zone: request.zone }).filter(
        ([, v]) => v !== undefined && v !== '',
      ),
    ),
    status: 'running',
    bytesTotal: source?.size ?? null,
    bytesRead: 0,
    rows: 0,
    rejected: 0,
    phase: 'reading',
    decided: 0,
    toDecide: 0,
    cancelRequested: false,
    report: null,
    error: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  };
  await inTransaction(ctx, (q) => importJobs.insert(q, job)).catch(async (error: unknown) => {
    await discard(path);
    throw error;
  });
  const controller = new AbortController();
  const jobs = running.get(ctx) ?? new Map<string, Running>();
  running.set(ctx, jobs);
  jobs.set(job.id, {
    controller,
    done: run(ctx, actor, job, path, options, controller, request.onFault).finally(() => jobs.delete(job.id)),
  });
  return view(job, now);
}

async function run(
  ctx: AppContext,
  actor: User,
  job: ImportJob,
  path: string,
  options: ImportOptions,
  controller: AbortController,
  onFault: ((error: unknown) => void) | undefined,
): Promise<void> {
  const progress: JobProgress = {
    bytesRead: 0,
    rows: 0,
    rejected: 0,
    phase: 'reading',
    decided: 0,
    toDecide: 0,
  };
  let written = performance.now();
  const write = async () => {
    written = performance.now();
    const stop = await inTransaction(ctx, (q) => importJobs.progress(q, job.id, progress, ctx.now()));
    if (stop) controller.abort();
  };
  const heartbeat = setInterval(() => void write().catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  const often = async () => {
    if (performance.now() - written >= PROGRESS_MS) await write();
  };
  let end: { status: ImportJob['status']; report: ImportReport | null; error: string | null };
  try {
    const report = await importInBatches(ctx, actor, [{ path, name: job.fileName }], {
      ...options,
      signal: controller.signal,
      onProgress: async (p) => {
        Object.assign(progress, { bytesRead: p.bytesRead, rows: p.rows, rejected: p.rejected });
        await often();
      },
      onDecide: async (decided, total) => {
        Object.assign(progress, { phase: 'deciding', decided, toDecide: total });
        await often();
      },
    });
    end = { status: 'done', report, error: null };
  } catch (error) {
    const cut = error instanceof ImportCut ? error : undefined;
    const reason = cut?.reason ?? error;
    const cancelled = controller.signal.aborted;
    if (!cancelled && !(reason instanceof PursuitError)) onFault?.(reason);
    end = {
      status: cancelled ? 'cancelled' : 'failed',
      report: cut?.report ?? null,
      error: cancelled
        ? 'stopped on request; the rows read before were imported'
        : reason instanceof PursuitError
          ? reason.detail
          : 'the import failed on an internal error; the rows read before were imported',
    };
  } finally {
    clearInterval(heartbeat);
    await discard(path);
  }
  if (end.report !== null) {
    progress.rows = end.report.rowsRead;
    progress.rejected = end.report.rejectedCount;
  }
  await inTransaction(ctx, (q) => importJobs.finish(q, job.id, { ...end, ...progress }, ctx.now())).catch(
    () => undefined,
  );
}

/** Asks a running import to stop after its current batch (it may run in another process). */
export async function cancelImport(ctx: AppContext, actor: User, id: string): Promise<ImportJobView> {
  const job = await findJob(ctx, actor, id);
  if (job.status !== 'running') {
    throw new PursuitError(
      'CONFLICT',
      `the import of ${job.fileName} has already ended (${job.status})`,
      'id',
    );
  }
  await inTransaction(ctx, (q) => importJobs.requestCancel(q, job.id, ctx.now()));
  running.get(ctx)?.get(job.id)?.controller.abort();
  return { ...job, cancelRequested: true };
}

async function findJob(ctx: AppContext, actor: User, id: string): Promise<ImportJobView> {
  return inTransaction(ctx, async (q) => {
    const job = await importJobs.findById(q, actor.orgId, id);
    const owners = await visibleOwners(q, actor);
    if (job === undefined || (owners !== undefined && !owners.includes(job.userId)))
      throw new PursuitError('NOT_FOUND', 'no such import', 'id');
    return view(job, ctx.now());
  });
}

export { findJob as importJob };

/** The latest imports: one's own (a rep), the team's (a manager), everyone's (an admin). */
export async function listImports(ctx: AppContext, actor: User, limit = 20): Promise<ImportJobView[]> {
  return inTransaction(ctx, async (q) => {
    const owners = await visibleOwners(q, actor);
    const jobs = await importJobs.list(q, actor.orgId, owners, limit);
    return jobs.map((j) => view(j, ctx.now()));
  });
}

/** Stops this process's imports (the server is shutting down) and waits for them to record it. */
export async function stopImports(ctx: AppContext): Promise<void> {
  const jobs = [...(running.get(ctx)?.values() ?? [])];
  for (const j of jobs) j.controller.abort();
  await Promise.all(jobs.map((j) => j.done));
}
