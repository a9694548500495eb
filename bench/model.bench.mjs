// npm run bench:model — calibration on 10,000,000 events: a synthetic team of 1,000,000 prospects
// with 10 events each (touches in silence stretches, responses, deals), given as the store hands
// histories over (each prospect's events as JSON array text), read one by one into counts exactly
// as `pursuit calibrate` does (lessonsFromHistory, Evidence), then fitted and checked on the held-out
// fifth. Prints the time and the peak memory (RSS).
// Then the same on a store: the team written to a SQLite file (100 reps, one contact per prospect,
// the same kind of histories, through the bare driver), every prospect decided under the prior, and
// `calibrateModel` run on it as `pursuit calibrate` runs it, while another thread, on a connection
// of its own, takes the write lock again and again (BEGIN IMMEDIATE; COMMIT): the longest it waited
// is the longest the calibration held the writer at one go. Prints the times, that wait, and the
// process's peak RSS over the whole benchmark. Then the simulator's quarter (model-simulate.mjs).
// Options: --prospects N (default 1,000,000), --events N per prospect (default 10), --no-store
// (the first part only), --store-only (the store part only), --keep (keep the SQLite file).

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { calibrateModel, lessonsFromHistory } = await import(dist('app/model/calibrate.js'));
const { redecideInPages } = await import(dist('app/model/redecide.js'));
const { openDatabase } = await import(dist('store/database.js'));
const { addUser, init } = await import(dist('app/accounts/workspace.js'));
const { Evidence, calibrate } = await import(dist('core/model/calibrate.js'));
const { loadPlaybook } = await import(dist('core/playbook/load.js'));
const { seeded } = await import(dist('core/simulate/random.js'));
const { readFileSync } = await import('node:fs');

const flag = (name) => process.argv.includes(name);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const PROSPECTS = arg('--prospects', 1_000_000);
const EVENTS = arg('--events', 10);
const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;
const playbook = loadPlaybook(readFileSync(join(root, 'playbooks/default.yaml'), 'utf8'));

const SOURCES = ['outbound', 'inbound', 'referral', 'event'];
/** One prospect's history as JSON text: stretches of touches ended (or not) by a response. */
function historyOf(r, id, contactId = 'c') {
  const events = [];
  let at = NOW - 200 * DAY;
  let attempt = 0;
  const responsive = r() < 0.6;
  while (events.length < EVENTS) {
    at += Math.floor((1 + r() * 5) * DAY);
    attempt += 1;
    const channel = r() < 0.6 ? 'call' : 'email';
    events.push({
      id: `${id}-${events.length}`,
      type: 'touch',
      at: new Date(at).toISOString(),
      contactId,
      channel,
      outcome: channel === 'call' ? 'voicemail' : 'sent',
    });
    if (responsive && r() < 0.3 / attempt && events.length < EVENTS) {
      events.push({
        id: `${id}-${events.length}`,
        type: 'response',
        at: new Date(at + 3_600_000).toISOString(),
        contactId,
        channel: 'email',
        sentiment: 'positive',
      });
      attempt = 0;
      if (r() < 0.1 && events.length < EVENTS)
        events.push({
          id: `${id}-${events.length}`,
          type: 'deal',
          at: new Date(at + 2 * DAY).toISOString(),
          result: r() < 0.4 ? 'won' : 'lost',
        });
    }
  }
  return events;
}

if (!flag('--store-only')) inMemory();
if (!flag('--no-store')) await onStore();
console.log(
  `peak RSS of the whole benchmark ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (target under 1 GiB)`,
);

function inMemory() {
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const r = seeded(42);
  const evidence = new Evidence();
  let generating = 0;
  const started = performance.now();
  for (let i = 0; i < PROSPECTS; i += 1) {
    const g0 = performance.now();
    const id = `p${i}`;
    const json = JSON.stringify(historyOf(r, id));
    generating += performance.now() - g0;
    const { trials, wins } = lessonsFromHistory(
      { id, source: SOURCES[i % 4], dealValue: i % 5 === 0 ? null : 5_000 + (i % 97) * 1_000 },
      json,
      NOW,
    );
    evidence.add(id, trials, wins);
    if (i % 50_000 === 0) sample();
  }
  const fitStarted = performance.now();
  const result = calibrate(evidence, playbook.doc.model, { version: 1 });
  const done = performance.now();
  sample();
  const reading = (fitStarted - started - generating) / 1000;
  console.log(
    `calibration on ${(PROSPECTS * EVENTS).toLocaleString('en-US')} events (${PROSPECTS.toLocaleString('en-US')} prospects): ` +
      `${(reading + (done - fitStarted) / 1000).toFixed(1)} s (reading histories into counts ${reading.toFixed(1)} s, fitting and the held-out check ${((done - fitStarted) / 1000).toFixed(2)} s; ` +
      `generating the synthetic JSON, not counted, ${(generating / 1000).toFixed(1)} s); target under 30 s`,
  );
  console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (target under 1 GiB)`);
  console.log(
    `${result.trials.toLocaleString('en-US')} touches, ${result.responses.toLocaleString('en-US')} responses; held-out log loss ${result.heldOut.logLoss.toFixed(4)} against the prior's ${result.heldOut.priorLogLoss.toFixed(4)}; ${result.refusal ?? 'calibrated'}`,
  );
}

/**
 * Another connection taking the write lock again and again from a thread of its own: the longest
 * it waited is (within a few milliseconds) the longest anyone else held the writer at one go.
 */
function watchWriter(path) {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const db = new (require(workerData.driver))(workerData.path, { timeout: 3600000 });
    const [begin, commit] = [db.prepare('begin immediate'), db.prepare('commit')];
    const stop = new Int32Array(workerData.stop.buffer);
    let longest = 0, at = 0, probes = 0;
    while (Atomics.load(stop, 0) === 0) {
      const t0 = performance.now();
      begin.run();
      commit.run();
      const waited = performance.now() - t0;
      if (waited > longest) [longest, at] = [waited, performance.timeOrigin + t0];
      probes += 1;
      Atomics.wait(stop, 0, 0, 5);
    }
    db.close();
    parentPort.postMessage({ longest, at, probes });`;
  const worker = new Worker(code, { eval: true, workerData: { driver, path, stop } });
  const result = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      Atomics.store(stop, 0, 1);
      Atomics.notify(stop, 0);
      return result;
    },
  };
}

/** The team on a SQLite file through the bare driver: prospects, contacts, events, in commits of 20,000 prospects. */
function writeTeam(path, orgId, repIds) {
  const db = new SqliteDatabase(path);
  db.pragma('journal_mode = WAL');
  const insert = (table, columns) =>
    db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const prospect = insert(
    'prospects',
    ['id', 'org_id', 'owner_id', 'name', 'relationship', 'source'].concat([
      'created_at',
      'deal_value',
      'icp_fit',
      'product_fit',
      'do_not_contact',
      'updated_at',
    ]),
  );
  const contact = insert(
    'contacts',
    ['id', 'org_id', 'prospect_id', 'position', 'name', 'role', 'email'].concat([
      'phone',
      'timezone',
      'do_not_contact',
      'created_at',
    ]),
  );
  const event = insert('events', [
    'id',
    'org_id',
    'prospect_id',
    'type',
    'at',
    'contact_id',
    'data',
    'logged_at',
  ]);
  const r = seeded(7);
  const some = db.transaction((from, to) => {
    for (let i = from; i < to; i += 1) {
      const id = `p${String(i).padStart(7, '0')}`;
      const deal = i % 5 === 0 ? null : 5_000 + (i % 97) * 1_000;
      prospect.run(
        id,
        orgId,
        repIds[i % repIds.length],
        `Company ${i}`,
        'prospect',
        SOURCES[i % 4],
        NOW - 300 * DAY,
        deal,
        'fit',
        'unknown',
        0,
        NOW,
      );
      contact.run(
        `c${i}`,
        orgId,
        id,
        0,
        `Contact ${i}`,
        'primary',
        `c${i}@customer.test`,
        '+1 555 0100',
        'America/New_York',
        0,
        NOW,
      );
      for (const e of historyOf(r, id, `c${i}`))
        event.run(
          e.id,
          orgId,
          id,
          e.type,
          Date.parse(e.at),
          e.contactId ?? null,
          JSON.stringify(e),
          Date.parse(e.at),
        );
    }
  });
  for (let i = 0; i < PROSPECTS; i += 20_000) some(i, Math.min(PROSPECTS, i + 20_000));
  db.close();
}

async function onStore() {
  const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-model-'));
  const path = join(work, 'team.db');
  const defaultPlaybookText = readFileSync(join(root, 'playbooks/default.yaml'), 'utf8');
  const open = async () => ({
    db: await openDatabase({ kind: 'sqlite', path }),
    now: () => NOW,
    defaultPlaybookText,
  });
  const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
  let ctx = await open();
  const { admin } = await init(ctx, {
    organisation: 'Bench Co',
    name: 'Admin',
    email: 'admin@bench.test',
    timezone: 'UTC',
  });
  const repIds = [];
  for (let i = 0; i < 100; i += 1)
    repIds.push(
      (
        await addUser(ctx, admin, {
          name: `Rep ${i}`,
          email: `rep${i}@bench.test`,
          timezone: 'America/New_York',
        })
      ).id,
    );
  await ctx.db.close();
  let t0 = performance.now();
  writeTeam(path, admin.orgId, repIds);
  console.log(
    `\non a SQLite file: ${PROSPECTS.toLocaleString('en-US')} prospects with ${(PROSPECTS * EVENTS).toLocaleString('en-US')} events written in ${seconds(t0)} s`,
  );
  ctx = await open();
  t0 = performance.now();
  await redecideInPages(ctx, admin.orgId, NOW, { restMs: 0 });
  console.log(`every prospect decided under the prior, a page per write transaction, in ${seconds(t0)} s`);
  const writer = watchWriter(path);
  const stages = { read: 0, deciding: 0 };
  t0 = performance.now();
  const result = await calibrateModel(ctx, admin, {
    onProgress: (p) =>
      p.stage === 'reading' ? (stages.read = performance.now()) : (stages.deciding ||= performance.now()),
  });
  const held = await writer.stop();
  const end = performance.now();
  console.log(
    `calibrateModel: ${seconds(t0)} s (reading histories ${((stages.read - t0) / 1000).toFixed(1)} s; fitting, putting in force, the day's values and the first page ${((stages.deciding - stages.read) / 1000).toFixed(1)} s; deciding the rest ${((end - stages.deciding) / 1000).toFixed(1)} s); ` +
      `${result.calibration.refusal ?? `calibrated@${result.version} in force, ${result.changed.toLocaleString('en-US')} decisions changed`}`,
  );
  console.log(
    `longest the writer was held at one go while it ran: ${held.longest.toFixed(0)} ms, from ${((held.at - performance.timeOrigin - t0) / 1000).toFixed(1)} s into the run (another connection took the write lock ${held.probes.toLocaleString('en-US')} times)`,
  );
  await ctx.db.close();
  if (flag('--keep')) console.log(`kept ${path}`);
  else rmSync(work, { recursive: true, force: true });
}
