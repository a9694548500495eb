// npm run bench:api — the agenda endpoint under load, next to a bare Fastify hello-world route in the
// same run: both servers in their own processes on loopback, autocannon from this one.
//
// Data: a SQLite organisation of 100 reps with 1,000 prospects each (100,000), where most of each
// rep's book is scheduled (a call agreed for the coming weeks) and about 5% is due today, as in a
// worked pipeline; every prospect decided by the engine. One rep signs in; the cookie goes with every
// request. Then, unless --import 0: another rep uploads a CSV of --import N rows (default 20,000)
// through the API while rep0 opens the agenda again and again, one request at a time; the latencies
// during the import are set against the same requests without it (a long import must not freeze other
// requests). Options: --reps N, --each N, --connections N, --seconds N, --rounds N, --import N;
// --profile keeps a CPU profile of the API server.

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { openDatabase } = await import(dist('store/database.js'));
const { init } = await import(dist('app/accounts/workspace.js'));
const { users } = await import(dist('store/repositories/people.repository.js'));
const { prospects, contacts } = await import(dist('store/repositories/prospects.repository.js'));
const { events } = await import(dist('store/repositories/events.repository.js'));
const { credentials } = await import(dist('store/repositories/accounts.repository.js'));
const { refreshDecisions } = await import(dist('app/decisions/decisions.js'));
const { hash } = await import('@node-rs/argon2');
const { readFileSync } = await import('node:fs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const REPS = arg('--reps', 100);
const EACH = arg('--each', 1000);
const CONNECTIONS = arg('--connections', 50);
const SECONDS = arg('--seconds', 10);
const ROUNDS = arg('--rounds', 3);
const IMPORT_ROWS = arg('--import', 20000);
const NOW = Date.parse('2026-03-10T15:00:00Z'); // a Tuesday, 10:00 in New York
const DAY = 86_400_000;
const PASSWORD = 'bench-password';
const playbookText = readFileSync(join(root, 'playbooks/default.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-api-'));
const file = join(work, 'api.db');
const fmt = (n) => Math.round(n).toLocaleString('en-US');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function build() {
  const started = Date.now();
  const db = await openDatabase({ kind: 'sqlite', path: file });
  const ctx = { db, now: () => NOW, defaultPlaybookText: playbookText };
  const { org } = await init(ctx, {
    organisation: 'Bench Co',
    name: 'Ada Admin',
    email: 'admin@bench.test',
    timezone: 'America/New_York',
  });
  const passwordHash = await hash(PASSWORD);
  const r = rng(7);
  await db.kysely.transaction().execute(async (q) => {
    const team = [];
    for (let i = 0; i < REPS; i += 1) {
      const user = {
        id: randomUUID(),
        orgId: org.id,
        email: `rep${i}@bench.test`,
        name: `Rep ${i}`,
        role: 'rep',
        managerId: null,
        timezone: 'America/New_York',
        phone: '+1 555 0100',
        hourlyValue: null,
        createdAt: NOW - 400 * DAY,
      };
      await users.insert(q, user);
      await credentials.set(q, user.id, passwordHash, NOW);
      team.push(user);
    }
    for (let start = 0; start < REPS * EACH; start += 5000) {
      const ps = [];
      const cs = [];
      const es = [];
      for (let i = start; i < Math.min(start + 5000, REPS * EACH); i += 1) {
        const owner = team[i % REPS];
        const createdAt = NOW - Math.floor((20 + r() * 100) * DAY);
        const p = {
          id: `p${i}`,
          orgId: org.id,
          ownerId: owner.id,
          name: `Company ${i}`,
          relationship: 'prospect',
          source: 'outbound',
          createdAt,
          dealValue: Math.round(5000 + r() * 50000),
          icpFit: 'fit',
          serious: null,
          goalsClear: null,
          priceOnly: null,
          productId: null,
          productFit: 'unknown',
          doNotContact: false,
          snoozedUntil: null,
          updatedAt: createdAt,
        };
        const c = {
          id: `c${i}`,
          orgId: org.id,
          prospectId: p.id,
          position: 0,
          name: `Contact ${i}`,
          role: 'primary',
          email: `c${i}@company${i}.test`,
          phone: '+1 555 0199',
          timezone: 'America/New_York',
          doNotContact: false,
          createdAt,
        };
        const event = (k, at, data) => ({
          id: `e${i}_${k}`,
          orgId: org.id,
          prospectId: p.id,
          type: data.type,
          at,
          contactId: c.id,
          data: { id: `e${i}_${k}`, at: new Date(at).toISOString(), contactId: c.id, ...data },
          loggedBy: owner.id,
          loggedAt: at,
          sourceKey: null,
        });
        if (r() < 0.05) {
          // Emailed yesterday, never reached: the next touch is due today.
          es.push(
            event(0, NOW - DAY - Math.floor(r() * 3_600_000), {
              type: 'touch',
              channel: 'email',
              outcome: 'sent',
            }),
          );
        } else {
          // Reached on a call, and a call agreed for the coming weeks: nothing to do today.
          const talked = NOW - Math.floor((1 + r() * 10) * DAY);
          es.push(event(0, talked, { type: 'touch', channel: 'call', outcome: 'connected' }));
          const due = new Date(NOW + Math.floor((3 + r() * 80) * DAY));
          due.setUTCHours(15, 0, 0, 0);
          es.push(
            event(1, talked + 60_000, {
              type: 'commitment',
              kind: 'call',
              by: 'both',
              due: due.toISOString(),
            }),
          );
        }
        ps.push(p);
        cs.push(c);
      }
      await prospects.insertMany(q, ps);
      await contacts.insertMany(q, cs);
      await events.insertMany(q, es);
    }
    const ids = (await q.selectFrom('prospects').select('id').execute()).map((x) => x.id);
    await refreshDecisions(q, org.id, ids, NOW, playbookText);
  });
  await db.close();
  console.log(
    `data: ${REPS} reps x ${EACH} prospects = ${fmt(REPS * EACH)}, decided, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
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

await build();
const helloPort = 3901;
const apiPort = 3902;
const hello = await start(
  ['--input-type=module', '-e', HELLO],
  { PORT: String(helloPort) },
  `http://127.0.0.1:${helloPort}/hello`,
);
const api = await start(
  [
    ...(process.argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profile')}`] : []),
    dist('main.js'),
    'serve',
  ],
  {
    PURSUIT_DB: file,
    PURSUIT_PORT: String(apiPort),
    PURSUIT_NOW: new Date(NOW).toISOString(),
    PURSUIT_LOG_LEVEL: 'warn',
  },
  `http://127.0.0.1:${apiPort}/readyz`,
);
try {
  const signIn = await fetch(`http://127.0.0.1:${apiPort}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'rep0@bench.test', password: PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const agendaUrl = `http://127.0.0.1:${apiPort}/api/agenda`;
  const sample = await (await fetch(agendaUrl, { headers: { cookie } })).json();
  console.log(`agenda of rep0: ${sample.items.length} actions due today out of ${EACH} prospects`);
  const helloRuns = [];
  const agendaRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Both ask as a browser does, taking gzip (the agenda is sent gzipped; hello world is too short).
    helloRuns.push(await load(`http://127.0.0.1:${helloPort}/hello`, { 'accept-encoding': GZIP }));
    agendaRuns.push(await load(agendaUrl, { cookie, 'accept-encoding': GZIP }));
  }
  const rps = (runs) => median(runs.map((x) => x.requests.average));
  const p99 = (runs) => median(runs.map((x) => x.latency.p99));
  const bad = agendaRuns.reduce((n, x) => n + x.non2xx + x.errors, 0);
  console.log(`hello world: ${fmt(rps(helloRuns))} req/s, p99 ${p99(helloRuns)} ms`);
  console.log(
    `agenda:      ${fmt(rps(agendaRuns))} req/s, p99 ${p99(agendaRuns)} ms (target p99 < 50 ms), ${bad} errors`,
  );
  console.log(
    `ratio: ${(rps(agendaRuns) / rps(helloRuns)).toFixed(3)} (target >= 0.25); medians of ${ROUNDS} rounds of ${SECONDS} s at ${CONNECTIONS} connections`,
  );
  if (IMPORT_ROWS > 0) await duringImport(agendaUrl, cookie);
} finally {
  hello.kill();
  api.kill('SIGTERM');
  if (process.argv.includes('--profile'))
    console.log(`CPU profile of the API server in ${join(work, 'profile')}`);
  else rmSync(work, { recursive: true, force: true });
}
