// Processes and databases for the benchmarks: a free port, a Node process started and waited for
// until it answers, a PostgreSQL server, and a new empty database.

import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));

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

/** PostgreSQL at DATABASE_URL, else a throw-away server from test/support/postgres.sh. */
export function startPostgres() {
  if (process.env.DATABASE_URL !== undefined) return { url: process.env.DATABASE_URL, stop() {} };
  const script = join(root, 'test/support/postgres.sh');
  const out = execFileSync('bash', [script], { encoding: 'utf8' });
  const dir = /PURSUIT_PG_DIR=(.*)/.exec(out)[1];
  const url = /DATABASE_URL=(.*)/.exec(out)[1];
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir]) };
}

/** A new, empty database: a SQLite file in `dir`, or a new database on the PostgreSQL server. */
export async function freshDatabase(dialect, dir, name, pgUrl) {
  if (dialect === 'sqlite') return { kind: 'sqlite', path: join(dir, `${name}.db`) };
  const dbName = `bench_${name}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  return { kind: 'postgres', url: url.toString() };
}
