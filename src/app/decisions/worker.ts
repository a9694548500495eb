// A decision worker (see pool.ts): batches in, stored decisions out.

import { parentPort } from 'node:worker_threads';
import { PursuitError } from '../../core/errors.js';
import type { WorkerReply } from './pool.js';
import { decideBatch } from './decisions.js';
import type { DecideBatch } from './decisions.js';

const port = parentPort;
if (port === null) throw new Error('the decision worker runs only as a worker thread');

port.on('message', ({ id, batch }: { id: number; batch: DecideBatch }) => {
  let reply: WorkerReply;
  try {
    reply = { id, decided: decideBatch(batch) };
  } catch (error) {
    reply =
      error instanceof PursuitError
        ? { id, error: { code: error.code, message: error.detail, path: error.path } }
        : { id, error: { message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage(reply);
});
