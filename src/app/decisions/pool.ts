// Worker threads that decide batches of prospects while the main thread reads and writes the
// database: re-deciding a whole organisation (a new playbook, a large import) uses every core.

import { availableParallelism } from 'node:os';
import type { DecisionsTable } from '../../store/schema.js';
import { WorkerPool, workerUrl } from '../worker-pool.js';
import type { DecideBatch } from './decisions.js';

/** Below this many prospects, starting and feeding workers costs more than it saves. */
export const PARALLEL_MIN = 2000;

/**
 * A decision worker's young generation. A batch of 2,000 prospects parses about 20,000 events
 * (objects and strings that live a moment) and writes 2,000 decisions' texts: with V8's default, much of
 * it outlives a scavenge and is promoted. At 96 MiB, re-deciding 100,000 prospects with a new
 * playbook went from 14,351-16,008 to 17,224-17,928 prospects/s (bench:store on SQLite, three
 * interleaved rounds), for about 30 MiB more peak memory.
 */
const DECIDER_YOUNG_GENERATION_MB = 96;

let shared: WorkerPool<DecideBatch, DecisionsTable[]> | undefined;

/** The process's pool: one worker per core beyond the one this thread uses, at least one. */
export function decidePool(): WorkerPool<DecideBatch, DecisionsTable[]> {
  shared ??= new WorkerPool(
    workerUrl(import.meta.url, 'worker'),
    Math.max(1, Math.min(availableParallelism() - 1, 7)),
    'decision',
    DECIDER_YOUNG_GENERATION_MB,
  );
  return shared;
}
