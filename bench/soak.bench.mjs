// npm run bench:soak — two `pursuit serve` processes on one SQLite file (and, given DATABASE_URL, on a
// fresh PostgreSQL database beside it) under a bounded mixed load: 20 connections, half reads (the
// agenda, a prospect, the list) and half writes (a touch with an Idempotency-Key), for --seconds
// (default 300), while the CLI logs emails one after another. Reports requests/s, p99, each server's
// RSS at start and end, 5xx and network failures, failed CLI writes and lost writes (answered 2xx,
// not in the database). Options: --seconds N, --connections N, --prospects N.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { percentile, soak } from './soak-load.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const SECONDS = arg('--seconds', 300);
const CONNECTIONS = arg('--connections', 20);
const PROSPECTS = arg('--prospects', 300);
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

async function run(label, database) {
  const r = await soak({
    database,
    seconds: SECONDS,
    connections: CONNECTIONS,
    prospects: PROSPECTS,
    seed: 13,
  });
  const fivexx = Object.entries(r.statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + c, 0);
  console.log(`\n${label}: ${r.requests} requests in ${r.elapsed.toFixed(0)} s, ${CONNECTIONS} connections`);
  console.log(`  requests/s: ${(r.requests / r.elapsed).toFixed(1)}`);
  console.log(
    `  latency p50 ${percentile(r.latencies, 50).toFixed(0)} ms, p99 ${percentile(r.latencies, 99).toFixed(0)} ms`,
  );
  console.log(`  statuses: ${JSON.stringify(r.statuses)}`);
  console.log(`  RSS start: ${r.rssStart.map(mb).join(', ')}; end: ${r.rssEnd.map(mb).join(', ')}`);
  console.log(`  5xx: ${fivexx}, network failures: ${r.failures.length - fivexx}`);
  console.log(`  writes acknowledged: ${r.acknowledged.length}, lost: ${r.lost.length}`);
  console.log(
    `  CLI writes: ${r.cli.ok} made, ${r.cli.failed.length} failed ${r.cli.failed.slice(0, 2).join(' | ')}`,
  );
  return fivexx + r.failures.length + r.lost.length + r.cli.failed.length;
}

const work = mkdtempSync(join(tmpdir(), 'pursuit-soak-'));
let bad = 0;
try {
  bad += await run('SQLite, two servers, one file', { kind: 'sqlite', path: join(work, 'soak.db') });
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const name = `pursuit_soak_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    try {
      bad += await run('PostgreSQL, two servers', { kind: 'postgres', url: target.toString() });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log('\n(PostgreSQL skipped: set DATABASE_URL to run it too)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = bad === 0 ? 0 : 1;
