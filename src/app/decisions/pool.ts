// Worker threads that decide batches of prospects while the main thread reads and writes the
// database: re-deciding a whole organisation (a new playbook, a large import) uses every core.

import { availableParallelism } from 'node:os';
import type { DecisionsTable } from '../../store/schema.js';
import { WorkerPool, workerUrl } from '../worker-pool.js';
import type { DecideBatch } from './decisions.js';

/** Below this many prospects, starting and feeding workers costs more than it saves. */
export const PARALLEL_MIN = 2000;

let shared: WorkerPool<DecideBatch, DecisionsTable[]> | undefined;

/** The process's pool: one worker per core beyond the one this thread uses, at least one. */
export function decidePool(): WorkerPool<DecideBatch, DecisionsTable[]> {
  shared ??= new WorkerPool(
    workerUrl(import.meta.url, 'worker'),
    Math.max(1, Math.min(availableParallelism() - 1, 7)),
    'decision',
  );
  return shared;
}
