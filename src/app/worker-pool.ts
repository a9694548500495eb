// Worker threads for work that would hold the main thread while it reads and writes the database:
// deciding many prospects, reading many messages. A pool sends each job to its least busy worker;
// a worker runs one function on each job it is given (`serve`). Tests run the TypeScript sources,
// so a pool started from them runs the build of the same worker (npm run build first).

import { Worker, parentPort } from 'node:worker_threads';
import { PursuitError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';

/** What a worker sends back for one job. */
type Reply<O> =
  { id: number; done: O } | { id: number; error: { code?: ErrorCode; message: string; path?: string } };

/** The URL of a worker module beside `from` (a module's import.meta.url), in its build when run as source. */
export function workerUrl(from: string, name: string): URL {
  if (!from.endsWith('.ts')) return new URL(`./${name}.js`, from);
  const at = from.lastIndexOf('/src/');
  return new URL(`${from.slice(0, at)}/dist/${from.slice(at + 5, from.lastIndexOf('/'))}/${name}.js`);
}

interface Pending<O> {
  worker: number;
  resolve: (done: O) => void;
  reject: (error: unknown) => void;
}

export class WorkerPool<I, O> {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending<O>>();
  private nextId = 1;

  constructor(
    private readonly url: URL,
    readonly size: number,
    private readonly what: string,
    /**
     * Each worker's young generation (V8's default when unset). Work whose batches leave a lot
     * of short-lived garbage goes faster when a batch's garbage fits in it: less of it survives
     * to the old generation, where collecting costs more.
     */
    private readonly youngGenerationMb?: number,
  ) {}

  /** Runs a job in the least busy worker. */
  run(job: I): Promise<O> {
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
      (this.workers[worker] as Worker).postMessage({ id, job });
    });
  }

  /** Stops the workers; the next job starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    this.load.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.size; i += 1) {
      const worker = new Worker(
        this.url,
        this.youngGenerationMb === undefined
          ? {}
          : { resourceLimits: { maxYoungGenerationSizeMb: this.youngGenerationMb } },
      );
      worker.unref();
      worker.on('message', (reply: Reply<O>) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a ${this.what} worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  private settle(reply: Reply<O>): void {
    const job = this.pending.get(reply.id);
    if (job === undefined) return;
    this.pending.delete(reply.id);
    this.load[job.worker] = (this.load[job.worker] as number) - 1;
    if (this.load[job.worker] === 0) this.workers[job.worker]?.unref();
    if ('done' in reply) job.resolve(reply.done);
    else {
      const e = reply.error;
      job.reject(e.code === undefined ? new Error(e.message) : new PursuitError(e.code, e.message, e.path));
    }
  }

  /** A worker died: every job still out fails, and the next job starts a fresh pool. */
  private fail(error: unknown): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    void this.close();
    for (const job of jobs) job.reject(error);
  }
}

/** The worker's side: runs `work` on each job the pool sends, and sends back its result or its error. */
export function serve<I, O>(work: (job: I) => O | Promise<O>, what: string): void {
  const port = parentPort;
  if (port === null) throw new Error(`the ${what} worker runs only as a worker thread`);
  port.on('message', async ({ id, job }: { id: number; job: I }) => {
    let reply: Reply<O>;
    try {
      reply = { id, done: await work(job) };
    } catch (error) {
      reply =
        error instanceof PursuitError
          ? { id, error: { code: error.code, message: error.detail, path: error.path } }
          : { id, error: { message: error instanceof Error ? error.message : String(error) } };
    }
    port.postMessage(reply);
  });
}
