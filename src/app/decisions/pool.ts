// Worker threads that decide batches of prospects while the main thread reads and writes the
// database: re-deciding a whole organisation (a new playbook, a large import) uses every core.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PursuitError } from '../../core/errors.js';
import type { ErrorCode } from '../../core/errors.js';
import type { StoredDecision } from '../../core/records.js';
import type { DecideBatch } from './decisions.js';

/** Below this many prospects, starting and feeding workers costs more than it saves. */
export const PARALLEL_MIN = 2000;

/** What a worker sends back for one batch. */
export type WorkerReply =
  | { id: number; decided: StoredDecision[] }
  | { id: number; error: { code?: ErrorCode; message: string; path?: string } };

// Tests run the TypeScript sources; the worker then runs the build of the same sources.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/app/decisions/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url);

interface Pending {
  resolve: (decided: StoredDecision[]) => void;
  reject: (error: unknown) => void;
}

export class DecidePool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, { worker: number } & Pending>();
  private nextId = 1;

  constructor(readonly size: number) {}

  /** Decides a batch in the least busy worker. */
  run(batch: DecideBatch): Promise<StoredDecision[]> {
    if (this.workers.length === 0) this.start();
    let worker = 0;
    for (let i = 1; i < this.workers.length; i += 1)
      if ((this.load[i] as number) < (this.load[worker] as number)) worker = i;
    const id = this.nextId++;
    this.load[worker] = (this.load[worker] as number) + 1;
    // A busy worker keeps the process alive until it answers; an idle one never does.
    if (this.load[worker] === 1) (this.workers[worker] as Worker).ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      (this.workers[worker] as Worker).postMessage({ id, batch });
    });
  }

  /** Stops the workers; the next batch starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    this.load.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.size; i += 1) {
      const worker = new Worker(WORKER_URL);
      worker.unref();
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a decision worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  private settle(reply: WorkerReply): void {
    const job = this.pending.get(reply.id);
    if (job === undefined) return;
    this.pending.delete(reply.id);
    this.load[job.worker] = (this.load[job.worker] as number) - 1;
    if (this.load[job.worker] === 0) this.workers[job.worker]?.unref();
    if ('decided' in reply) job.resolve(reply.decided);
    else {
      const e = reply.error;
      job.reject(e.code === undefined ? new Error(e.message) : new PursuitError(e.code, e.message, e.path));
    }
  }

  /** A worker died: every batch still out fails, and the next batch starts a fresh pool. */
  private fail(error: unknown): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    void this.close();
    for (const job of jobs) job.reject(error);
  }
}

let shared: DecidePool | undefined;

/** The process's pool: one worker per core beyond the one this thread uses, at least one. */
export function decidePool(): DecidePool {
  shared ??= new DecidePool(Math.max(1, Math.min(availableParallelism() - 1, 7)));
  return shared;
}
