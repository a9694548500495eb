// `pursuit import` killed (SIGKILL) at seeded points from early to late (issue 13, item 1): after
// each kill the database is whole (SQLite's integrity_check), and the import is all or nothing: no
// prospect of it, or every one. After the kills the same import runs to its end. The file is made
// once per run; PURSUIT_CRASH_ROWS sets its size (default 10,000: a 200,000-row import costs about
// 40 s of CPU, so 20 kills spread over it some ten minutes of one core a dialect; 10,000 rows keep
// the file to about a minute a dialect on two cores, inside CI's budget) and PURSUIT_CRASH_KILLS the
// kills. An import that ended
// before its kill leaves a fresh database for the next one.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, databaseEnv, pursuit, rng } from '../../bench/soak-load.mjs';
import { openDatabase } from '../../src/store/database.js';
import type { DatabaseConfig } from '../../src/store/database.js';
import { describeDialects, freshDatabase, integrity } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';

const ROWS = Number(process.env.PURSUIT_CRASH_ROWS ?? 10_000);
const KILLS = Number(process.env.PURSUIT_CRASH_KILLS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'pursuit-crash-import-'));
const file = join(dir, 'import.csv');

beforeAll(() => {
  const lines = ['prospect-id,prospect,contact,email'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`p${i},Company ${i},Person ${i},person${i}@example.test`);
  writeFileSync(file, `${lines.join('\n')}\n`);
});

async function prospectCount(database: DatabaseConfig): Promise<number> {
  const db = await openDatabase(database);
  try {
    const row = await db.kysely
      .selectFrom('prospects')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** Runs the import and kills it after `ms`; whether it had ended by itself first. */
async function importKilledAfter(env: Record<string, string>, ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [BIN, 'import', file, '--system', 'crash'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return code === 0;
}

/** A fresh database with an organisation, as another process sees it. */
async function initialised(
  dialect: 'sqlite' | 'postgres',
): Promise<{ t: TestDb; env: Record<string, string> }> {
  const t = await freshDatabase(dialect);
  await t.db.close();
  const env = { ...databaseEnv(t.config), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
  const made = await pursuit(
    ['init', '--org', 'OurCo', '--name', 'Ada', '--email', 'ada@ourco.test', '--timezone', 'UTC'],
    env,
  );
  if (made.status !== 0) throw new Error(made.err);
  return { t, env };
}

describeDialects(`pursuit import of ${ROWS} rows killed ${KILLS} times on %s`, (dialect) => {
  const made: TestDb[] = [];
  afterAll(async () => {
    for (const t of made) await t.drop().catch(() => undefined);
  });

  it('leaves the database whole and the import all or nothing after every kill', async () => {
    // How long an import takes here: the kills fall across it, from early to just past its end.
    const probe = await initialised(dialect);
    made.push(probe.t);
    const started = performance.now();
    const full = await pursuit(['import', file, '--system', 'crash'], probe.env);
    const took = performance.now() - started;
    expect(full.status, full.err).toBe(0);
    expect(await prospectCount(probe.t.config)).toBe(ROWS);

    let { t, env } = await initialised(dialect);
    made.push(t);
    const random = rng(13);
    const points = Array.from({ length: KILLS }, () => Math.round(200 + random() * took)).sort(
      (a, b) => a - b,
    );
    const seen: { at: number; ended: boolean; prospects: number; integrity: string }[] = [];
    for (const at of points) {
      if (seen.at(-1)?.prospects === ROWS) {
        ({ t, env } = await initialised(dialect));
        made.push(t);
      }
      const ended = await importKilledAfter(env, at);
      const prospects = await prospectCount(t.config);
      const check = integrity(t.config);
      seen.push({ at, ended, prospects, integrity: check });
      expect(check, JSON.stringify(seen)).toBe('ok');
      expect([0, ROWS], JSON.stringify(seen)).toContain(prospects);
      if (ended) expect(prospects).toBe(ROWS);
    }
    console.log(
      `import of ${ROWS} rows on ${dialect}: ${Math.round(took)} ms whole; kills ${JSON.stringify(seen)}`,
    );
    // After every kill, the same import runs to its end (or finds it done).
    const last = await pursuit(['import', file, '--system', 'crash'], env);
    expect(last.status, last.err).toBe(0);
    expect(await prospectCount(t.config)).toBe(ROWS);
    expect(integrity(t.config)).toBe('ok');
  }, 1_200_000);
});
