// Several `pursuit serve` processes on one database under a bounded mixed load, and the check that
// nothing acknowledged was lost: shared by bench/soak.bench.mjs (timed, figures) and the test suite
// (test/soak.test.ts, test/crash-serve.test.ts: counted, assertions). Runs the built dist/main.js.
// Writes are `POST /api/prospects/:id/events` with an Idempotency-Key each; reads are the agenda,
// a prospect, and the prospect list.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const { openDatabase } = await import(new URL('../dist/store/database.js', import.meta.url).href);
const { DEMO_PASSWORD } = await import(new URL('../dist/app/demo/organisation.js', import.meta.url).href);

export const REPS = ['dana@northwind.test', 'luis@northwind.test', 'priya@northwind.test'];

/** A seeded generator (mulberry32): the same seed, the same load. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The environment naming a database: a SQLite file or a PostgreSQL URL. */
export function databaseEnv(database) {
  // An empty DATABASE_URL is none: a SQLite run is not sent to a PostgreSQL named in the environment.
  return database.kind === 'sqlite'
    ? { PURSUIT_DB: database.path, DATABASE_URL: '' }
    : { DATABASE_URL: database.url };
}

export async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Runs `pursuit ARGS` to its end: { status, out, err }. */
export async function pursuit(args, env) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const [status] = await once(child, 'exit');
  return { status, out, err };
}

/** Starts `pursuit serve` on a free port; resolves once it answers. */
export async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: { ...process.env, PURSUIT_LOG_LEVEL: 'error', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const exited = once(child, 'exit');
  while (!out.includes('Pursuit is open at')) {
    const next = await Promise.race([once(child.stdout, 'data'), exited.then(() => 'exit')]);
    if (next === 'exit') throw new Error(`pursuit serve stopped: ${err}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    stderr: () => err,
    /** Resident memory in KiB (Linux /proc). */
    rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function json(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Signs a demo rep in and makes an API token: { email, token, prospects: ids they own }. */
export async function repCaller(url, email) {
  const session = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (session.status !== 200) throw new Error(`sign-in ${email}: ${session.status} ${await session.text()}`);
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf } = await json(session);
  const made = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'soak' }),
  });
  if (made.status !== 201) throw new Error(`token ${email}: ${made.status} ${await made.text()}`);
  const { token } = await json(made);
  const list = await json(
    await fetch(`${url}/api/prospects?limit=500`, { headers: { authorization: `Bearer ${token}` } }),
  );
  const prospects = list.items.map((p) => p.id);
  return { email, token, prospects };
}

export const TOUCH = { type: 'touch', channel: 'call', outcome: 'voicemail' };

/** One write: a touch logged with its own Idempotency-Key. */
export function write(url, caller, prospectId, key) {
  return fetch(`${url}/api/prospects/${prospectId}/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${caller.token}`,
      'idempotency-key': key,
    },
    body: JSON.stringify(TOUCH),
  });
}

function read(url, caller, pick) {
  const paths = ['/api/agenda', `/api/prospects/${pick(caller.prospects)}`, '/api/prospects?limit=20'];
  return fetch(`${url}${pick(paths)}`, { headers: { authorization: `Bearer ${caller.token}` } });
}

/**
 * A bounded mixed load over the servers: `connections` requests in flight, until `requests` are
 * done or `seconds` have passed. Returns what was asked and answered, every write sent (`issued`) and
 * every write answered 2xx (`acknowledged`); `onAnswer` hears of each answer.
 */
export async function mixedLoad({
  urls,
  callers,
  connections = 20,
  requests,
  seconds,
  writeShare = 0.5,
  seed = 1,
  onAnswer,
}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const result = { requests: 0, statuses: {}, failures: [], acknowledged: [], latencies: [], issued: [] };
  const deadline = seconds === undefined ? Infinity : performance.now() + seconds * 1000;
  let issued = 0;
  const next = async (lane) => {
    while ((requests === undefined || issued < requests) && performance.now() < deadline) {
      issued += 1;
      const n = issued;
      const url = urls[n % urls.length];
      const caller = pick(callers);
      const isWrite = random() < writeShare;
      const prospectId = pick(caller.prospects);
      const key = `soak-${seed}-${n}`;
      const started = performance.now();
      if (isWrite) result.issued.push({ caller, url, prospectId, key });
      try {
        const response = isWrite ? await write(url, caller, prospectId, key) : await read(url, caller, pick);
        const body = await json(response);
        result.latencies.push(performance.now() - started);
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) result.failures.push({ status: response.status, body });
        else if (isWrite && response.status < 300) {
          result.acknowledged.push({ caller, url, prospectId, key, eventId: body.event.id });
        }
      } catch (error) {
        result.failures.push({ status: 'network', body: String(error), lane });
      }
      result.requests += 1;
      onAnswer?.(result);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, lane) => next(lane)));
  return result;
}

/** The acknowledged writes whose event is not in the database, and how many events each id has. */
export async function lostWrites(database, acknowledged) {
  const db = await openDatabase(database);
  try {
    const ids = acknowledged.map((a) => a.eventId);
    const found = new Set();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.kysely
        .selectFrom('events')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) found.add(r.id);
    }
    return acknowledged.filter((a) => !found.has(a.eventId));
  } finally {
    await db.close();
  }
}

/** How many events the database holds (a retry that wrote again would add one). */
export async function eventCount(database) {
  const db = await openDatabase(database);
  try {
    const row = await db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** p-th percentile of the numbers, in their unit. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The soak: a demo organisation on `database`, `servers` processes serving it, the mixed load, and
 * `pursuit log email` from the CLI, one after another while it runs (or `cliWrites` of them). Then
 * `afterLoad`, while the servers still run. Returns the figures and every failure.
 */
export async function soak({
  database,
  servers = 2,
  prospects = 120,
  now = '2026-03-10T15:00:00Z',
  afterLoad,
  ...load
}) {
  const env = { ...databaseEnv(database), PURSUIT_NOW: now };
  const demo = await pursuit(['demo', '--prospects', String(prospects), '--json'], env);
  if (demo.status !== 0) throw new Error(`pursuit demo: ${demo.err}`);
  const running = [];
  try {
    for (let i = 0; i < servers; i += 1) running.push(await startServer(env));
    const urls = running.map((s) => s.url);
    const callers = [];
    for (const email of REPS) callers.push(await repCaller(urls[callers.length % urls.length], email));
    const rssStart = running.map((s) => s.rssKb());
    const cli = { ok: 0, failed: [] };
    let loading = true;
    const cliLoop = (async () => {
      const dana = callers[0];
      // A count of CLI writes is made in full; without one, they go on while the load runs.
      for (let n = 0; load.cliWrites === undefined ? loading : n < load.cliWrites; n += 1) {
        const r = await pursuit(
          ['log', 'email', dana.prospects[n % dana.prospects.length], '--outcome', 'sent'],
          {
            ...env,
            PURSUIT_USER: dana.email,
          },
        );
        if (r.status === 0) cli.ok += 1;
        else cli.failed.push(r.err.trim());
      }
    })();
    const started = performance.now();
    const result = await mixedLoad({ urls, callers, ...load });
    const elapsed = (performance.now() - started) / 1000;
    loading = false;
    await cliLoop;
    const rssEnd = running.map((s) => s.rssKb());
    const lost = await lostWrites(database, result.acknowledged);
    const done = { ...result, elapsed, rssStart, rssEnd, cli, lost, callers, urls };
    // While the servers still run (retries, say).
    if (afterLoad !== undefined) await afterLoad(done);
    return done;
  } finally {
    for (const s of running) await s.stop();
  }
}
