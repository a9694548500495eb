// Processes for the API benchmarks: a free port, and a Node process started and waited for until it
// answers.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on now (other benchmarks may run on this machine at the same time). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function start(args, env, readyUrl) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const r = await fetch(readyUrl);
        if (r.ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return reject(new Error(`${args.join(' ')} did not start`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}
