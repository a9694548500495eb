// npm run bench:api — one rep's agenda with --due actions due today (default 900), on SQLite and on
// PostgreSQL (--dialects sqlite,postgres; PostgreSQL at DATABASE_URL, else a throw-away server from
// test/support/postgres.sh):
//   (a) as a function: agenda() from src/app/day/agenda.ts, --agenda-runs times (after a few
//       uncounted warm-up runs), the clock a second later each run; p50 / p99 (target p99 < 20 ms);
//   (b) through the API: the agenda endpoint under load next to a bare Fastify hello-world route in
//       the same run, both servers in their own processes on loopback, autocannon from this one
//       (targets: at least 0.25 of hello world's requests/s, p99 < 50 ms).
//
// Data (bench/agenda-org.mjs): an organisation of 100 reps with 1,000 prospects each (100,000), most
// of each rep's book scheduled for the coming weeks and about 5% due today, every prospect decided by
// the engine; rep0, the one measured, has --due of their prospects due today and the rest scheduled
// later. rep0 signs in; the cookie goes with every request. Then, unless --import 0: another rep
// uploads a CSV of --import N rows (default 20,000) through the API while rep0 opens the agenda again
// and again, one request at a time; the latencies during the import are set against the same
// requests without it (a long import must not freeze other requests). Options: --reps N, --each N,
// --due N, --agenda-runs N, --connections N, --seconds N, --rounds N, --import N, --dialects LIST;
// --profile keeps a CPU profile of the API server.

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { hash } from '@node-rs/argon2';
import { buildOrg, freshDatabase, startPostgres } from './agenda-org.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { openDatabase } = await import(dist('store/database.js'));
const { agenda } = await import(dist('app/day/agenda.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const REPS = Number(arg('--reps', 100));
const EACH = Number(arg('--each', 1000));
const DUE = Number(arg('--due', 900));
const AGENDA_RUNS = Number(arg('--agenda-runs', 200));
const CONNECTIONS = Number(arg('--connections', 50));
const SECONDS = Number(arg('--seconds', 10));
const ROUNDS = Number(arg('--rounds', 3));
const IMPORT_ROWS = Number(arg('--import', 20000));
const DIALECTS = String(arg('--dialects', 'sqlite,postgres')).split(',');
const NOW = Date.parse('2026-03-10T15:00:00Z'); // a Tuesday, 10:00 in New York
const PASSWORD = 'bench-password';
const playbookText = readFileSync(join(root, 'playbooks/default.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-api-'));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const met = (ok) => (ok ? 'target met' : 'TARGET MISSED');

/** A port nobody listens on now (other benchmarks may run on this machine at the same time). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function start(args, env, readyUrl) {
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

const HELLO = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
`;

const GZIP = 'gzip, deflate, br';

function load(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One request at a time for a while (or until `until` says stop): each one's latency in ms. */
async function latencies(url, headers, keepGoing) {
  const out = [];
  while (keepGoing(out.length)) {
    const t0 = performance.now();
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (x) => `${x.toFixed(1)} ms`;

async function duringImport(agendaUrl, cookie) {
  const base = agendaUrl.replace('/api/agenda', '');
  const headers = { cookie, 'accept-encoding': GZIP };
  const quiet = await latencies(agendaUrl, headers, (n) => n < 400);
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'rep1@bench.test', password: PASSWORD }),
  });
  const importer = signIn.headers.get('set-cookie').split(';')[0];
  const { csrf } = await signIn.json();
  let csv = 'Company,Full name,Email,Phone\n';
  for (let i = 0; i < IMPORT_ROWS; i += 1)
    csv += `Imported ${i} Ltd,Person ${i},person${i}@imported${i}.test,+1 555 01${String(i % 100).padStart(2, '0')}\n`;
  const started = performance.now();
  const upload = await fetch(
    `${base}/api/imports?name=bench.csv&mapping=${encodeURIComponent('prospect=Company,contact=Full name,email=Email,phone=Phone')}`,
    {
      method: 'POST',
      headers: { cookie: importer, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
      body: csv,
    },
  );
  if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const job = await upload.json();
  let status = 'running';
  let final;
  const watch = (async () => {
    while (status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      final = await (await fetch(`${base}/api/imports/${job.id}`, { headers: { cookie: importer } })).json();
      status = final.status;
    }
  })();
  const busy = await latencies(agendaUrl, headers, () => status === 'running');
  await watch;
  const seconds = (performance.now() - started) / 1000;
  if (status !== 'done') throw new Error(`the import ended ${status}: ${final.error}`);
  console.log(
    `import of ${fmt(IMPORT_ROWS)} rows through the API: ${seconds.toFixed(1)} s (${fmt(IMPORT_ROWS / seconds)} rows/s), ${final.report.prospects.created} prospects created`,
  );
  console.log(
    `agenda one at a time, quiet:        p50 ${ms(pct(quiet, 0.5))}, p99 ${ms(pct(quiet, 0.99))}, max ${ms(quiet.at(-1))} (${quiet.length} requests)`,
  );
  console.log(
    `agenda one at a time, while import: p50 ${ms(pct(busy, 0.5))}, p99 ${ms(pct(busy, 0.99))}, max ${ms(busy.at(-1))} (${busy.length} requests)`,
  );
}

/** (a) The agenda as a function, the clock a second later each run. */
async function asFunction(config, rep0) {
  let t = NOW + 120_000;
  const db = await openDatabase(config);
  const ctx = { db, now: () => t, defaultPlaybookText: playbookText };
  const times = [];
  let items = 0;
  for (let i = -10; i < AGENDA_RUNS; i += 1) {
    t += 1000;
    const t0 = performance.now();
    items = (await agenda(ctx, rep0, {})).items.length;
    if (i >= 0) times.push(performance.now() - t0);
  }
  await db.close();
  times.sort((a, b) => a - b);
  const p99 = pct(times, 0.99);
  console.log(
    `agenda() of rep0 (${items} due today of ${fmt(EACH)}): p50 ${ms(pct(times, 0.5))}, p99 ${ms(p99)}, max ${ms(times.at(-1))} over ${AGENDA_RUNS} runs (target p99 < 20 ms: ${met(p99 < 20)})`,
  );
}

/** (b) The agenda through the API, against hello world; then, unless --import 0, during an import. */
async function throughApi(config, helloUrl) {
  const apiPort = await freePort();
  const base = `http://127.0.0.1:${apiPort}`;
  const api = await start(
    [
      ...(process.argv.includes('--profile')
        ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profile')}`]
        : []),
      dist('main.js'),
      'serve',
    ],
    {
      ...(config.kind === 'sqlite' ? { PURSUIT_DB: config.path } : { DATABASE_URL: config.url }),
      PURSUIT_PORT: String(apiPort),
      PURSUIT_NOW: new Date(NOW).toISOString(),
      PURSUIT_LOG_LEVEL: 'warn',
    },
    `${base}/readyz`,
  );
  try {
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'rep0@bench.test', password: PASSWORD }),
    });
    const cookie = signIn.headers.get('set-cookie').split(';')[0];
    const agendaUrl = `${base}/api/agenda`;
    const t0 = performance.now();
    const sample = await (await fetch(agendaUrl, { headers: { cookie } })).json();
    console.log(
      `GET /api/agenda of rep0: ${sample.items.length} actions due today, first answer (read from the database) in ${ms(performance.now() - t0)}`,
    );
    const helloRuns = [];
    const agendaRuns = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Both ask as a browser does, taking gzip (the agenda is sent gzipped; hello world is too short).
      helloRuns.push(await load(helloUrl, { 'accept-encoding': GZIP }));
      agendaRuns.push(await load(agendaUrl, { cookie, 'accept-encoding': GZIP }));
    }
    const rps = (runs) => median(runs.map((x) => x.requests.average));
    const p99 = (runs) => median(runs.map((x) => x.latency.p99));
    const bad = agendaRuns.reduce((n, x) => n + x.non2xx + x.errors, 0);
    const ratio = rps(agendaRuns) / rps(helloRuns);
    console.log(`hello world: ${fmt(rps(helloRuns))} req/s, p99 ${p99(helloRuns)} ms`);
    console.log(
      `agenda:      ${fmt(rps(agendaRuns))} req/s, p99 ${p99(agendaRuns)} ms (target p99 < 50 ms: ${met(p99(agendaRuns) < 50)}), ${bad} errors`,
    );
    console.log(
      `ratio: ${ratio.toFixed(3)} (target >= 0.25: ${met(ratio >= 0.25)}); medians of ${ROUNDS} rounds of ${SECONDS} s at ${CONNECTIONS} connections`,
    );
    if (IMPORT_ROWS > 0) await duringImport(agendaUrl, cookie);
  } finally {
    api.kill('SIGTERM');
  }
}

const helloPort = await freePort();
const hello = await start(
  ['--input-type=module', '-e', HELLO],
  { PORT: String(helloPort) },
  `http://127.0.0.1:${helloPort}/hello`,
);
let postgres;
try {
  const passwordHash = await hash(PASSWORD);
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres') postgres ??= startPostgres();
    const config = await freshDatabase(dialect, work, 'api', postgres?.url);
    const started = performance.now();
    const { rep0 } = await buildOrg(config, {
      reps: REPS,
      each: EACH,
      dueToday: DUE,
      now: NOW,
      passwordHash,
      playbookText,
    });
    console.log(
      `\n${dialect}: ${REPS} reps x ${EACH} prospects = ${fmt(REPS * EACH)}, decided, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await asFunction(config, rep0);
    await throughApi(config, `http://127.0.0.1:${helloPort}/hello`);
  }
} finally {
  hello.kill();
  postgres?.stop();
  if (process.argv.includes('--profile'))
    console.log(`CPU profiles of the API server in ${join(work, 'profile')}`);
  else rmSync(work, { recursive: true, force: true });
}
