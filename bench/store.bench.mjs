// npm run bench:store — a synthetic organisation (default 100 reps, 1,000,000 prospects, 10 events
// each: 10,000,000 events) written as a CSV in Pursuit's generic format, then on SQLite and on
// PostgreSQL:
//   1. raw insert: the same prospects, contacts and events through the bare driver (prepared
//      statements / multi-row INSERTs in one transaction), into a fresh database (dropped after);
//   2. import: `pursuit import` of the CSV into another fresh database, rows/s, and its ratio to (1);
//      then every rep's day read once, as a team's morning does (the days' cards are kept), and an
//      import of updates (a CRM's nightly sync: every --updates-every'th prospect again, default 10,
//      its deal value changed, every other one's contact's phone number too, no events), rows/s;
//   3. re-deciding everyone (prospects/s), twice a round (medians of --rounds): a minute later with
//      the same playbook (decisions that come out as they stand are left alone), then a new playbook
//      put in force (different follow-up spacing and fewer touches: many decisions change and are
//      written);
//   4. agenda: one rep's agenda, the whole day and its first page of 25, repeated (p50 / p99 ms);
//   5. the admin's team dashboard: the first (counting every prospect), then from the kept counts
//      against reading every history, repeated (p50 ms);
//   6. search: a page of prospects whose name or contact holds a text, through the search index
//      against reading every prospect, for texts that none, one, some and all prospects hold (p50 ms).
// Peak memory (max RSS) is printed at the end, and how high it had gone after each step.
//
// Options: --prospects N, --reps N, --events N (per prospect), --dialects sqlite,postgres,
//          --agenda-runs N, --dashboard-runs N, --search-runs N, --updates-every N, --rounds N (of re-deciding everyone; default 3), --csv FILE (kept, and reused when it exists), --keep (keep the
//          databases), --reuse sqlite=PATH,postgres=URL (steps 3 and 4 only, on databases an
//          earlier --keep run imported, the clock going on from their last decision).
//          PostgreSQL: DATABASE_URL, else a throw-away server from
//          test/support/postgres.sh when PostgreSQL is installed.

import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { NOW, prospect as syntheticProspect, reps as syntheticReps } from './synthetic.mjs';
import { freshDatabase, startPostgres } from './processes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { openDatabase } = await import(dist('store/database.js'));
const { init, addUser } = await import(dist('app/accounts/workspace.js'));
const { importFiles } = await import(dist('app/import/import.js'));
const { usePlaybook } = await import(dist('app/decisions/playbook.js'));
const { redecideAll } = await import(dist('app/decisions/everyone.js'));
const { playbooks } = await import(dist('store/repositories/playbooks.repository.js'));
const { agenda } = await import(dist('app/day/agenda.js'));
const { sumTeam, teamDashboard } = await import(dist('app/day/team.js'));
const { prospects } = await import(dist('store/repositories/prospects.repository.js'));
const { exportRows } = await import(dist('integrations/crm/pursuit-format.js'));
const { EXPORT_COLUMNS } = await import(dist('integrations/crm/generic.js'));
const { csvLine } = await import(dist('integrations/csv/write.js'));
const { readFileSync } = await import('node:fs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const PROSPECTS = Number(arg('--prospects', 1_000_000));
const REPS = Number(arg('--reps', 100));
const EVENTS = Number(arg('--events', 10));
const AGENDA_RUNS = Number(arg('--agenda-runs', 200));
const REDECIDE_ROUNDS = Number(arg('--rounds', 3));
const DASHBOARD_RUNS = Number(arg('--dashboard-runs', 5));
const SEARCH_RUNS = Number(arg('--search-runs', 7));
// An import of updates brings every this many-th prospect again, its deal value changed.
const UPDATES_EVERY = Number(arg('--updates-every', 10));
const DIALECTS = String(arg('--dialects', 'sqlite,postgres')).split(',');
const defaultPlaybookText = readFileSync(join(root, 'playbooks/default.yaml'), 'utf8');
const iso = (t) => new Date(t).toISOString();
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const work = mkdtempSync(join(tmpdir(), 'pursuit-bench-store-'));
const KEEP = process.argv.includes('--keep');
const REUSE = new Map(
  String(arg('--reuse', ''))
    .split(',')
    .filter((part) => part.includes('='))
    .map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]),
);
// A new playbook that spaces follow-ups differently and gives up sooner: many decisions change.
// On a database reused (--reuse), where an earlier run put it in force, the default's settings go
// back in force instead, under a version of their own: as many decisions change back, and every
// decision names a version it did not name before (the document's version is its stored one).
const CHANGED_SETTINGS = `followUp:
  hardMaximum: 6
  minimumTouches:
    reached: 3
    neverReached: 4
  spacingBusinessDays: [2, 3, 4, 6, 8, 11, 15]
`;
function newPlaybook(stored) {
  const changed = stored.at(-1)?.document.includes(CHANGED_SETTINGS) !== true;
  return `extends: default
id: bench
version: ${stored.length + 1}
name: Bench playbook
${changed ? CHANGED_SETTINGS : ''}`;
}
const repList = syntheticReps(REPS);

function exported(i) {
  const p = syntheticProspect(i, REPS, EVENTS);
  return {
    prospect: {
      id: p.id,
      name: p.name,
      owner: p.owner,
      relationship: 'prospect',
      source: p.source,
      createdAt: iso(p.createdAt),
      dealValue: p.dealValue,
      icpFit: 'fit',
      qualification: { serious: null, goalsClear: null, priceOnly: null },
      product: { name: null, status: null, fit: 'unknown' },
      doNotContact: false,
      snoozedUntil: null,
    },
    contacts: [{ ...p.contact, role: 'primary', doNotContact: false }],
    events: p.events.map((e) => ({ ...e, at: iso(e.at), contactId: p.contact.id, loggedAt: iso(e.at) })),
  };
}

/**
 * Prospect i again for an import of updates: its deal value changed, and every other one's contact's
 * phone number, without its events.
 */
function updated(i) {
  const e = exported(i);
  const [contact] = e.contacts;
  const contacts =
    i % (2 * UPDATES_EVERY) === 0
      ? [{ ...contact, phone: `+44 20 7946 ${String(i % 10000).padStart(4, '0')}` }]
      : e.contacts;
  return { ...e, prospect: { ...e.prospect, dealValue: e.prospect.dealValue + 1 }, contacts, events: [] };
}

/**
 * Writes the CSV of the prospects `each` gives (all of them, or some for an import of updates)
 * beside `path` and renames it when whole, so that --csv never reuses half a file.
 */
async function writeCsv(path, each = exported) {
  const out = createWriteStream(`${path}.partial`);
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  await write(csvLine(EXPORT_COLUMNS));
  let rows = 0;
  let buffer = '';
  for (let i = 0; i < PROSPECTS; i += 1) {
    const prospect = each(i);
    if (prospect === undefined) continue;
    for (const r of exportRows(prospect)) {
      buffer += csvLine(r);
      rows += 1;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise((r) => out.end(r));
  renameSync(`${path}.partial`, path);
  return rows;
}

async function setUp(config) {
  let t = NOW;
  const db = await openDatabase(config);
  const ctx = { db, now: () => t, defaultPlaybookText };
  const { admin } = await init(ctx, {
    organisation: 'Bench Co',
    name: 'Admin',
    email: 'admin@bench.test',
    timezone: 'UTC',
  });
  for (const r of repList) await addUser(ctx, admin, { name: r.name, email: r.email, timezone: r.timezone });
  return { db, ctx, admin, setNow: (x) => (t = x) };
}

/** The same rows through the bare driver: prospects, contacts and events in one transaction. */
async function rawInsert(config, orgId, ownerIds) {
  const started = process.hrtime.bigint();
  let rows = 0;
  const prospectRow = (p) => [
    p.id,
    orgId,
    ownerIds.get(p.owner),
    p.name,
    'prospect',
    p.source,
    p.createdAt,
    p.dealValue,
    'fit',
    null,
    null,
    null,
    null,
    'unknown',
    0,
    null,
    NOW,
  ];
  const contactRow = (p) => [
    p.contact.id,
    orgId,
    p.id,
    0,
    p.contact.name,
    'primary',
    p.contact.email,
    p.contact.phone,
    p.contact.timezone,
    0,
    NOW,
  ];
  const eventRow = (p, e) => [
    e.id,
    orgId,
    p.id,
    e.type,
    e.at,
    p.contact.id,
    JSON.stringify({ ...e, at: iso(e.at), contactId: p.contact.id }),
    null,
    e.at,
    null,
    null,
  ];
  if (config.kind === 'sqlite') {
    const db = new SqliteDatabase(config.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The bare rows, without the triggers that keep derived tables: team counts (migration 0017),
    // the search index (0018) and the days' cards (0019, 0021). On a single-row insert, a trigger makes SQLite keep a statement
    // journal, which doubled this baseline (20 s -> 40 s at 100,000 prospects); the import's
    // multi-row inserts keep one anyway.
    for (const name of [
      'events_counts_insert',
      'prospects_search_insert',
      'contacts_search_insert',
      'contacts_cards_insert',
    ])
      db.exec(`drop trigger ${name}`);
    const ip = db.prepare(`insert into prospects values (${Array(17).fill('?').join(',')})`);
    const ic = db.prepare(
      `insert into contacts (id, org_id, prospect_id, position, name, role, email, phone, timezone, do_not_contact, created_at) values (${Array(11).fill('?').join(',')})`,
    );
    const ie = db.prepare(
      `insert into events (id, org_id, prospect_id, type, at, contact_id, data, logged_by, logged_at, log_seq, source_key) values (${Array(11).fill('?').join(',')})`,
    );
    db.transaction(() => {
      for (let i = 0; i < PROSPECTS; i += 1) {
        const p = syntheticProspect(i, REPS, EVENTS);
        ip.run(prospectRow(p));
        ic.run(contactRow(p));
        rows += 2;
        for (const e of p.events) {
          ie.run(eventRow(p, e));
          rows += 1;
        }
      }
    })();
    db.close();
  } else {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    await client.query('begin');
    const batches = { prospects: [], contacts: [], events: [] };
    const flush = async (table, columns) => {
      const list = batches[table];
      if (list.length === 0) return;
      const width = list[0].length;
      const values = list.map((r, j) => `(${r.map((_, k) => `$${j * width + k + 1}`).join(',')})`).join(',');
      await client.query(`insert into ${table} ${columns} values ${values}`, list.flat());
      batches[table] = [];
    };
    const contactColumns =
      '(id, org_id, prospect_id, position, name, role, email, phone, timezone, do_not_contact, created_at)';
    const eventColumns =
      '(id, org_id, prospect_id, type, at, contact_id, data, logged_by, logged_at, log_seq, source_key)';
    for (let i = 0; i < PROSPECTS; i += 1) {
      const p = syntheticProspect(i, REPS, EVENTS);
      batches.prospects.push(prospectRow(p));
      batches.contacts.push(contactRow(p));
      for (const e of p.events) batches.events.push(eventRow(p, e));
      rows += 2 + p.events.length;
      if (batches.events.length >= 4000) {
        await flush('prospects', '');
        await flush('contacts', contactColumns);
        await flush('events', eventColumns);
      }
    }
    await flush('prospects', '');
    await flush('contacts', contactColumns);
    await flush('events', eventColumns);
    await client.query('commit');
    await client.end();
  }
  return { rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** The process's peak memory so far (a step's line says how high it had gone by its end). */
const rssSoFar = () => `max RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;
console.log(`bench:store: ${fmt(REPS)} reps, ${fmt(PROSPECTS)} prospects, ${fmt(PROSPECTS * EVENTS)} events`);
const csv = arg('--csv', join(work, 'org.csv'));
let started = Date.now();
let csvRows;
if (REUSE.size > 0) csvRows = 0;
else if (existsSync(csv)) {
  csvRows = Number(execFileSync('wc', ['-l', csv], { encoding: 'utf8' }).trim().split(' ')[0]) - 1;
  console.log(`CSV: ${fmt(csvRows)} rows, ${(statSync(csv).size / 1e9).toFixed(2)} GB, reused from ${csv}`);
} else {
  csvRows = await writeCsv(csv);
  console.log(
    `CSV: ${fmt(csvRows)} rows, ${(statSync(csv).size / 1e9).toFixed(2)} GB, written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Opens a database an earlier run imported (--reuse). */
async function reopen(dialect) {
  const config =
    dialect === 'sqlite'
      ? { kind: 'sqlite', path: REUSE.get(dialect) }
      : { kind: 'postgres', url: REUSE.get(dialect) };
  let t = NOW;
  const db = await openDatabase(config);
  const ctx = { db, now: () => t, defaultPlaybookText };
  const row = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  const admin = { id: row.id, orgId: row.org_id, email: row.email, name: row.name, role: row.role };
  return { db, ctx, admin, setNow: (x) => (t = x) };
}

/** Drops a database of this run. */
async function drop(config, pgUrl) {
  if (config.kind === 'sqlite') {
    rmSync(config.path, { force: true });
    rmSync(`${config.path}-wal`, { force: true });
    rmSync(`${config.path}-shm`, { force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE ${new URL(config.url).pathname.slice(1)}`);
  await admin.end();
}

let postgres;
for (const dialect of DIALECTS) {
  let pgUrl;
  if (dialect === 'postgres' && !REUSE.has(dialect)) {
    postgres = startPostgres();
    pgUrl = postgres.url;
  }
  console.log(`\n== ${dialect}`);
  let app;
  if (REUSE.has(dialect)) app = await reopen(dialect);
  else {
    // 1. Raw insert of the same rows through the bare driver.
    const rawConfig = await freshDatabase(dialect, work, 'raw', pgUrl);
    const raw = await setUp(rawConfig);
    const users = await raw.db.kysely.selectFrom('users').select(['id', 'email']).execute();
    const orgId = (await raw.db.kysely.selectFrom('organisations').select('id').executeTakeFirst()).id;
    await raw.db.close();
    const ownerIds = new Map(users.map((u) => [u.email, u.id]));
    const rawResult = await rawInsert(rawConfig, orgId, ownerIds);
    const rawRate = rawResult.rows / rawResult.seconds;
    console.log(
      `raw insert (bare driver): ${fmt(rawResult.rows)} rows in ${rawResult.seconds.toFixed(1)} s = ${fmt(rawRate)} rows/s`,
    );
    await drop(rawConfig, pgUrl);

    // 2. Import of the CSV.
    const config = await freshDatabase(dialect, work, 'import', pgUrl);
    app = await setUp(config);
    started = Date.now();
    const report = await importFiles(app.ctx, app.admin, [{ path: csv }], {});
    const importSeconds = (Date.now() - started) / 1000;
    if (!report.committed)
      throw new Error(`import rejected rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    const importRate = csvRows / importSeconds;
    console.log(
      `import: ${fmt(csvRows)} CSV rows (${fmt(report.prospects.created)} prospects, ${fmt(report.events.added)} events, decided) in ${importSeconds.toFixed(1)} s = ${fmt(importRate)} rows/s; ratio to raw ${(importRate / rawRate).toFixed(2)} (target >= 0.25); ${rssSoFar()}`,
    );
    if (KEEP) console.log(`kept: ${dialect}=${config.kind === 'sqlite' ? config.path : config.url}`);
  }
  const prospectCount = Number(
    (
      await app.db.kysely
        .selectFrom('prospects')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    ).n,
  );

  // Every rep reads the day once, as a team's morning does: the days' cards are kept (migration
  // 0019), and re-deciding everyone then writes decisions that hold them.
  const actorOf = async (email) => {
    const user = await app.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return {
      id: user.id,
      orgId: user.org_id,
      email: user.email,
      name: user.name,
      role: user.role,
      managerId: null,
      timezone: user.timezone,
      phone: null,
      hourlyValue: null,
      createdAt: 0,
    };
  };
  {
    const reps = await app.db.kysely.selectFrom('users').select('email').where('role', '=', 'rep').execute();
    started = Date.now();
    let actions = 0;
    for (const { email } of reps) actions += (await agenda(app.ctx, await actorOf(email), {})).count;
    const cards = await app.db.kysely
      .selectFrom('day_cards')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    console.log(
      `every rep's day read once (${fmt(reps.length)} reps, ${fmt(actions)} actions): ${((Date.now() - started) / 1000).toFixed(1)} s, ${fmt(Number(cards.n))} cards kept; ${rssSoFar()}`,
    );
  }

  // An import of updates: the prospects changed are written again, their kept cards forgotten,
  // and their decisions decided again.
  if (!REUSE.has(dialect)) {
    const updates = join(work, 'updates.csv');
    const rows = await writeCsv(updates, (i) => (i % UPDATES_EVERY === 0 ? updated(i) : undefined));
    started = Date.now();
    const report = await importFiles(app.ctx, app.admin, [{ path: updates }], {});
    const seconds = (Date.now() - started) / 1000;
    if (!report.committed)
      throw new Error(`import of updates rejected rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    console.log(
      `import of updates: ${fmt(rows)} CSV rows (${UPDATES_EVERY === 1 ? 'every prospect' : `1 prospect in ${fmt(UPDATES_EVERY)}`}, its deal value changed, every other one's contact's phone; ${fmt(report.prospects.updated)} updated, ${fmt(report.contacts.updated)} contacts, decided) in ${seconds.toFixed(1)} s = ${fmt(rows / seconds)} rows/s; ${rssSoFar()}`,
    );
    rmSync(updates, { force: true });
  }

  // 3. Re-decide everyone: the same playbook a minute later, then a new playbook. On a reused
  // database the clock goes on from its last decision: a minute after NOW again would re-decide
  // everything that an earlier run decided later, and write most of it.
  const last = REUSE.has(dialect)
    ? await app.db.kysely
        .selectFrom('decisions')
        .select((eb) => eb.fn.max('decided_at').as('t'))
        .executeTakeFirst()
    : undefined;
  let start = Math.max(NOW, Number(last?.t ?? NOW));
  // Each round re-decides everyone twice: with the same playbook a minute later, then with a new
  // one (the two playbooks take turns, so every round changes as many decisions). The figures are
  // the rounds' medians: one run on this 2-core machine moves by a quarter from one to the next.
  const rates = { same: [], fresh: [] };
  let same = 0;
  let changed = 0;
  for (let round = 0; round < REDECIDE_ROUNDS; round += 1) {
    const redecideAt = start + 60_000;
    started = Date.now();
    same = await app.db.kysely
      .transaction()
      .execute((q) => redecideAll(q, app.admin.orgId, redecideAt, defaultPlaybookText));
    rates.same.push(prospectCount / ((Date.now() - started) / 1000));
    app.setNow(start + 120_000);
    started = Date.now();
    const stored = await app.db.kysely.transaction().execute((q) => playbooks.list(q, app.admin.orgId));
    ({ changed } = await usePlaybook(app.ctx, app.admin, newPlaybook(stored)));
    rates.fresh.push(prospectCount / ((Date.now() - started) / 1000));
    start += 120_000;
  }
  const each = (xs) => (xs.length > 1 ? `; rounds ${xs.map(fmt).join(', ')}` : '');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rounds = REDECIDE_ROUNDS > 1 ? `median of ${REDECIDE_ROUNDS} rounds: ` : '';
  console.log(
    `re-decide everyone, same playbook: ${rounds}${fmt(median(rates.same))} prospects/s (${(prospectCount / median(rates.same)).toFixed(1)} s, ${fmt(same)} changed${each(rates.same)}; target >= 20,000)`,
  );
  console.log(
    `re-decide everyone, new playbook: ${rounds}${fmt(median(rates.fresh))} prospects/s (${(prospectCount / median(rates.fresh)).toFixed(1)} s, ${fmt(changed)} changed${each(rates.fresh)}; target >= 20,000); ${rssSoFar()}`,
  );

  // 4. One rep's agenda.
  const actor = await actorOf('rep1@bench.test');
  // The whole day (the CLI's --all and --json, the API unpaged), then the first page of 25 (what
  // the web app and `pursuit agenda` read), the runs of the two taking turns.
  const times = { whole: [], page: [] };
  let items = 0;
  for (let i = 0; i < AGENDA_RUNS; i += 1) {
    for (const [kind, asked] of [
      ['whole', {}],
      ['page', { show: 'all', limit: 25 }],
    ]) {
      app.setNow(start + 180_000 + i * 1000);
      const t0 = process.hrtime.bigint();
      const day = await agenda(app.ctx, actor, asked);
      times[kind].push(Number(process.hrtime.bigint() - t0) / 1e6);
      items = day.count;
    }
  }
  const spread = (xs) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms`;
  console.log(
    `agenda of one rep (${fmt(prospectCount / REPS)} prospects, ${items} due today), over ${AGENDA_RUNS} runs each: the whole day ${spread(times.whole)}; its first page of 25 ${spread(times.page)} (target p99 < 20 ms); ${rssSoFar()}`,
  );

  // 5. The admin's team dashboard: the first, which counts every prospect and keeps the counts (the
  // server's keeper does so in the background); then summed from the kept counts, against counting
  // every history (all counts forgotten, as before migration 0017), in the same run.
  const { admin } = app;
  const clock = start + 180_000 + AGENDA_RUNS * 1000;
  app.setNow(clock);
  const timed = async (fn) => {
    const t0 = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const first = await timed(() => teamDashboard(app.ctx, admin));
  const kept = [];
  for (let i = 0; i < DASHBOARD_RUNS; i += 1) kept.push(await timed(() => teamDashboard(app.ctx, admin)));
  await app.db.kysely.deleteFrom('prospect_counts').execute();
  const whole = [];
  for (let i = 0; i < DASHBOARD_RUNS; i += 1)
    whole.push(await timed(() => sumTeam(app.ctx, admin, undefined)));
  const ms = (x) => `${fmt(x)} ms`;
  console.log(
    `team dashboard of the admin (${fmt(prospectCount)} prospects): the first, counting and keeping each prospect's counts ${ms(first)}; then from the kept counts p50 ${ms(percentile(kept, 50))}, against every history read p50 ${ms(percentile(whole, 50))} (${(percentile(whole, 50) / percentile(kept, 50)).toFixed(1)}x), over ${DASHBOARD_RUNS} runs each; ${rssSoFar()}`,
  );

  // 6. Searching prospects as the web app's list does (the admin, a page of 50), through the search
  // index (SQLite's FTS5, PostgreSQL's pg_trgm) against reading every prospect, taking turns.
  const mid = Math.floor(prospectCount / 2);
  const searches = [
    ['no prospect', 'zzqx'],
    ['one prospect (an address)', syntheticProspect(mid, REPS, EVENTS).contact.email],
    ['about 1 in 90 (@customer12)', '@customer12'],
    ['1 in 11 (Cyberdyne)', 'Cyberdyne'],
    ['every prospect (.test)', '.test'],
    ['two letters (ch)', 'ch'],
  ];
  const lines = [];
  for (const [label, text] of searches) {
    const took = { true: [], false: [] };
    for (let i = 0; i < SEARCH_RUNS; i += 1)
      for (const indexed of [true, false])
        took[indexed].push(
          await timed(() =>
            prospects.list(app.db.kysely, {
              orgId: admin.orgId,
              matching: text,
              indexed,
              limit: 50,
              offset: 0,
            }),
          ),
        );
    const [a, b] = [percentile(took.true, 50), percentile(took.false, 50)];
    lines.push(
      `  ${label}: ${a.toFixed(1)} ms, against ${b.toFixed(1)} ms reading every prospect (${(b / a).toFixed(1)}x)`,
    );
  }
  console.log(
    `search, a page of 50 of ${fmt(prospectCount)} prospects, p50 of ${SEARCH_RUNS} runs each (${rssSoFar()}):\n${lines.join('\n')}`,
  );
  await app.db.close();
}
if (!KEEP) postgres?.stop();
console.log(
  `\npeak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (target < 1,024)`,
);
if (KEEP) console.log(`kept ${work}`);
else {
  rmSync(work, { recursive: true, force: true });
  if (arg('--csv', undefined) === undefined) rmSync(csv, { force: true });
}
