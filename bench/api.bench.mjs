// npm run bench:api — one rep's agenda with --due actions due today (default 900), on SQLite and on
// PostgreSQL (--dialects sqlite,postgres; PostgreSQL at DATABASE_URL, else a throw-away server from
// test/support/postgres.sh):
//   (a) as a function: agenda() from src/app/day/agenda.ts, --agenda-runs times (after a few
//       uncounted warm-up runs), the clock a second later each run; p50 / p99 (target p99 < 20 ms);
//   (b) through the API: the agenda endpoint under load next to a bare Fastify hello-world route in
//       the same run, both servers in their own processes on loopback, autocannon from this one
//       (targets: at least 0.25 of hello world's requests/s, p99 < 50 ms): the whole day, the
//       first page of 50 that the web app reads, and the whole day revalidated (304).
//
// Data (bench/agenda-org.mjs): an organisation of 100 reps with 1,000 prospects each (100,000), most
// of each rep's book scheduled for the coming weeks and about 5% due today, every prospect decided by
// the engine; rep0, the one measured, has --due of their prospects due today and the rest scheduled
// later. rep0 signs in; the cookie goes with every request. Then, unless --import 0: another rep
// uploads a CSV of --import N rows (default 20,000) through the API while rep0 opens the agenda again
// and again, one request at a time; the latencies during the import are set against the same
// requests without it (a long import must not freeze other requests). Options: --reps N, --each N,
// --due N, --agenda-runs N, --connections N, --seconds N, --rounds N, --page N (actions a page, 25),
// --import N, --dialects LIST; --profile keeps a CPU profile of the API server.

import { Buffer } from 'node:buffer';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { hash } from '@node-rs/argon2';
import { buildOrg } from './agenda-org.mjs';
import { freePort, freshDatabase, start, startPostgres } from './processes.mjs';

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
// The actions a page holds: as many as the web app's Today reads first (web/src/components/day/pages.ts).
const PAGE = Number(arg('--page', 25));
const IMPORT_ROWS = Number(arg('--import', 20000));
const DIALECTS = String(arg('--dialects', 'sqlite,postgres')).split(',');
const NOW = Date.parse('2026-03-10T15:00:00Z'); // a Tuesday, 10:00 in New York
const PASSWORD = 'bench-password';
const playbookText = readFileSync(join(root, 'playbooks/default.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-api-'));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const met = (ok) => (ok ? 'target met' : 'TARGET MISSED');

const HELLO = `
import Fastify from 'fastify';
const app = Fastify({ bodyLimit: 64 * 1024 * 1024 });
app.get('/hello', async () => ({ hello: 'world' }));
// The same bytes as the agenda's answer, PUT here first, sent as they are: what the body alone costs.
let same = Buffer.alloc(0);
app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (req, body, done) => done(null, body));
app.put('/same', async (request) => { same = request.body; return { bytes: same.length }; });
app.get('/same', async (request, reply) =>
  reply.header('content-encoding', 'gzip').type('application/json; charset=utf-8').send(same));
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

/**
 * (a) The agenda as a function, the clock a second later each run: the whole day (as the CLI reads
 * it), and its first page (as the web app reads it), runs of each interleaved.
 */
async function asFunction(config, rep0) {
  let t = NOW + 120_000;
  const db = await openDatabase(config);
  const ctx = { db, now: () => t, defaultPlaybookText: playbookText };
  const asked = { whole: {}, page: { show: 'all', limit: PAGE } };
  const times = { whole: [], page: [] };
  const items = { whole: 0, page: 0 };
  for (let i = -10; i < AGENDA_RUNS; i += 1) {
    for (const kind of ['whole', 'page']) {
      t += 1000;
      const t0 = performance.now();
      items[kind] = (await agenda(ctx, rep0, asked[kind])).items.length;
      if (i >= 0) times[kind].push(performance.now() - t0);
    }
  }
  await db.close();
  for (const kind of ['whole', 'page']) {
    const sorted = times[kind].sort((a, b) => a - b);
    const p99 = pct(sorted, 0.99);
    const what = kind === 'whole' ? `the whole day, ${items.whole}` : `its first page, ${items.page}`;
    console.log(
      `agenda() of rep0 (${what} of ${items.whole} due today of ${fmt(EACH)}): p50 ${ms(pct(sorted, 0.5))}, p99 ${ms(p99)}, max ${ms(sorted.at(-1))} over ${AGENDA_RUNS} runs (target p99 < 20 ms: ${met(p99 < 20)})`,
    );
  }
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
      // DATABASE_URL (this run's PostgreSQL server) would take precedence over PURSUIT_DB.
      ...(config.kind === 'sqlite'
        ? { PURSUIT_DB: config.path, DATABASE_URL: '' }
        : { DATABASE_URL: config.url }),
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
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers.get('set-cookie').split(';')[0];
    const agendaUrl = `${base}/api/agenda`;
    const t0 = performance.now();
    const first = await fetch(agendaUrl, { headers: { cookie, 'accept-encoding': GZIP } });
    const sample = await first.json();
    const firstMs = performance.now() - t0;
    // The answer's bytes as sent (fetch would unzip them), for bare Fastify to send as they are.
    const sent = await new Promise((resolve, reject) => {
      const headers = { cookie, 'accept-encoding': 'gzip' };
      get(agendaUrl, { headers }, (res) => {
        const parts = [];
        res.on('data', (c) => parts.push(c));
        res.on('end', () => resolve(Buffer.concat(parts)));
      }).on('error', reject);
    });
    await fetch(helloUrl.replace('/hello', '/same'), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: sent,
    });
    console.log(
      `GET /api/agenda of rep0: ${sample.items.length} actions due today, first answer (read from the database) in ${ms(firstMs)}; ${fmt(Buffer.byteLength(JSON.stringify(sample)) / 1024)} KiB of JSON, ${fmt(sent.length / 1024)} KiB gzipped`,
    );
    const etag = first.headers.get('etag');
    // The page the web app reads first: its first actions, with the whole day's counts.
    const pageUrl = `${agendaUrl}?show=all&limit=${PAGE}`;
    const page = await fetch(pageUrl, { headers: { cookie, 'accept-encoding': GZIP } });
    const pageSample = await page.json();
    const pageBytes = await new Promise((resolve, reject) => {
      get(pageUrl, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
        let n = 0;
        res.on('data', (c) => (n += c.length));
        res.on('end', () => resolve(n));
      }).on('error', reject);
    });
    console.log(
      `GET /api/agenda?show=all&limit=${PAGE} of rep0: ${pageSample.items.length} of ${pageSample.count} actions; ${fmt(Buffer.byteLength(JSON.stringify(pageSample)) / 1024)} KiB of JSON, ${fmt(pageBytes / 1024)} KiB gzipped`,
    );
    const variants = {
      hello: [helloUrl, { 'accept-encoding': GZIP }],
      agenda: [agendaUrl, { cookie, 'accept-encoding': GZIP }],
      page: [pageUrl, { cookie, 'accept-encoding': GZIP }],
      same: [helloUrl.replace('/hello', '/same'), { 'accept-encoding': GZIP }],
      revalidated: [agendaUrl, { cookie, 'accept-encoding': GZIP, 'if-none-match': etag }],
    };
    const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // All ask as a browser does, taking gzip (the agenda is sent gzipped; hello world is too short).
      for (const [name, [url, headers]] of Object.entries(variants))
        runs[name].push(await load(url, headers));
    }
    const rps = (name) => median(runs[name].map((x) => x.requests.average));
    const p99 = (name) => median(runs[name].map((x) => x.latency.p99));
    const bad = [...runs.agenda, ...runs.page, ...runs.revalidated].reduce((n, x) => n + x.errors, 0);
    const wrong =
      [...runs.agenda, ...runs.page].reduce((n, x) => n + x.non2xx, 0) +
      runs.revalidated.reduce((n, x) => n + x.requests.total - x['3xx'], 0);
    const line = (label, name) => {
      const ratio = rps(name) / rps('hello');
      return `${label}${fmt(rps(name))} req/s, p99 ${p99(name)} ms, ratio ${ratio.toFixed(3)} (targets: ratio >= 0.25 ${met(ratio >= 0.25)}, p99 < 50 ms ${met(p99(name) < 50)})`;
    };
    console.log(
      `hello world:                             ${fmt(rps('hello'))} req/s, p99 ${p99('hello')} ms`,
    );
    console.log(line('agenda, whole answer (gzip):             ', 'agenda'));
    console.log(line('  its bytes alone, from bare Fastify:    ', 'same'));
    console.log(line(`agenda's first page (${PAGE}, gzip):`.padEnd(41), 'page'));
    console.log(line('agenda revalidated (If-None-Match, 304): ', 'revalidated'));
    console.log(
      `medians of ${ROUNDS} rounds of ${SECONDS} s at ${CONNECTIONS} connections; ${bad} errors, ${wrong} answers of the wrong status`,
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
