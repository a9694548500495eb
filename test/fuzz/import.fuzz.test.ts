// Fuzzing the import (issue 13, item 2): 1,000 mutated CSV files, made from Pursuit's own export of a
// demo organisation and from HubSpot's and Salesforce's sample exports (cells replaced by huge,
// empty, binary, quoted or control-character text; cells, delimiters and lines cut, doubled or
// swapped; invalid UTF-8; a UTF-16 mark; CR-only line ends), imported by the import use case into a
// real SQLite organisation, rows of a file skipped when bad. Seeded, so a failure repeats. Each
// import must end with a report or the catalogue's error (never anything else), every rejected row
// must say its line and a reason, and nothing stored may be over the limits every other way in has.

import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../src/app/demo/demo.js';
import { exportData } from '../../src/app/import/export.js';
import { importFile } from '../../src/app/import/import.js';
import { actorFor } from '../../src/app/accounts/workspace.js';
import type { AppContext } from '../../src/app/context.js';
import { LIMITS } from '../../src/app/limits.js';
import { PursuitError } from '../../src/core/errors.js';
import type { User } from '../../src/core/records.js';
import { TestClock, appContext, freshDatabase } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const FILES = 1000;
const SEED = 20261316;
const CRM = fileURLToPath(new URL('../fixtures/crm/', import.meta.url));

const CELLS = [
  '',
  ' ',
  '"',
  '""',
  '"unterminated',
  'a"b',
  '\u0000',
  '\r',
  '\n',
  '\r\n',
  '=HYPERLINK("http://x.test")',
  "'=1+1",
  '-1',
  '1e309',
  '99999999999999999999999',
  'NaN',
  '2026-02-30',
  '13/45/2026',
  '9999-12-31T23:59:59Z',
  'not@an@email',
  'Mars/Olympus_Mons',
  'true',
  'x'.repeat(201),
  'x'.repeat(70_000),
  '\ud800',
  '\u202e',
  '<script>alert(1)</script>',
  ';',
  ',',
  '\t',
];

type Mutation = (lines: string[], rnd: number[]) => string[];

const pick = <T>(list: T[], r: number): T => list[Math.floor(r * list.length) % list.length] as T;

/** Ways to spoil a file's lines (the header is line 0): each takes random numbers in [0, 1). */
const MUTATIONS: Record<string, Mutation> = {
  cell: (lines, [a = 0, b = 0, c = 0]) => {
    const i = Math.floor(a * lines.length);
    const cells = (lines[i] ?? '').split(',');
    cells[Math.floor(b * cells.length)] = pick(CELLS, c);
    return lines.map((l, k) => (k === i ? cells.join(',') : l));
  },
  cut: (lines, [a = 0, b = 0]) => {
    const i = Math.floor(a * lines.length);
    const l = lines[i] ?? '';
    return lines.map((x, k) => (k === i ? l.slice(0, Math.floor(b * l.length)) : x));
  },
  double: (lines, [a = 0]) => {
    const i = Math.floor(a * lines.length);
    return [...lines.slice(0, i + 1), ...lines.slice(i)];
  },
  drop: (lines, [a = 0]) => lines.filter((_, k) => k !== Math.floor(a * lines.length)),
  swap: (lines, [a = 0, b = 0]) => {
    const i = Math.floor(a * lines.length);
    const cells = (lines[i] ?? '').split(',');
    const j = Math.floor(b * cells.length);
    [cells[0], cells[j]] = [cells[j] ?? '', cells[0] ?? ''];
    return lines.map((l, k) => (k === i ? cells.join(',') : l));
  },
  delimiter: (lines, [a = 0, b = 0]) => {
    const i = Math.floor(a * lines.length);
    return lines.map((l, k) => (k === i ? l.replaceAll(',', pick([';', '\t', '|', ''], b)) : l));
  },
  extraColumns: (lines, [a = 0]) => lines.map((l) => `${l}${','.repeat(1 + Math.floor(a * 40))}`),
  header: (lines, [a = 0]) => [
    pick(['', 'a,a,a,a', lines[0] ?? '', (lines[0] ?? '').toUpperCase()], a),
    ...lines.slice(1),
  ],
};

/** Spoils a file's bytes as a whole: its encoding, marks and line ends. */
function bytesOf(lines: string[], how: number): Buffer {
  const text = lines.join(how < 0.1 ? '\r' : '\r\n');
  if (how < 0.2) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (how < 0.3) return Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0xff, 0x0a])]);
  if (how < 0.35) return Buffer.from(text, 'latin1');
  return Buffer.from(text);
}

async function textOf(stream: PassThrough, done: Promise<unknown>): Promise<string> {
  let out = '';
  stream.on('data', (c: Buffer) => (out += c.toString()));
  await done;
  stream.end();
  return out;
}

describe('fuzzing the import with mutated CSV files', () => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;
  const bases: { name: string; lines: string[] }[] = [];

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 8 });
    admin = await actorFor(ctx, 'avery@northwind.test');
    const out = new PassThrough();
    const own = await textOf(out, exportData(ctx, admin, { format: 'csv', stream: out }));
    bases.push({ name: 'pursuit.csv', lines: own.split('\n').filter((l) => l !== '') });
    for (const file of ['hubspot/companies.csv', 'hubspot/contacts.csv', 'salesforce/contacts.csv']) {
      const lines = readFileSync(`${CRM}${file}`, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l !== '');
      bases.push({ name: file, lines });
    }
  }, 60_000);

  afterAll(async () => {
    await t.drop();
  });

  it(`reads ${FILES} mutated files without a crash, rejecting bad rows by line and reason`, async () => {
    // Uniform in [0, 1) (fc.double spreads over the float encoding: mostly tiny numbers).
    const unit = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10_000);
    const file = fc.record({
      base: fc.nat(),
      mutations: fc.array(
        fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.array(unit, { minLength: 3, maxLength: 3 })),
        { minLength: 1, maxLength: 4 },
      ),
      how: unit,
    });
    const failures: string[] = [];
    let rejectedRows = 0;
    let overLimit = 0;
    let rowsRead = 0;
    for (const [n, f] of fc.sample(fc.noBias(file), { seed: SEED, numRuns: FILES }).entries()) {
      const base = bases[f.base % bases.length] as (typeof bases)[number];
      const lines = f.mutations.reduce(
        (ls, [name, rnd]) => (MUTATIONS[name] as Mutation)(ls, rnd),
        base.lines,
      );
      const bytes = bytesOf(lines, f.how);
      try {
        const report = await importFile(ctx, admin, {
          stream: (async function* () {
            yield bytes;
          })(),
          name: `${n}-${base.name}`,
          skipBad: true,
        });
        rejectedRows += report.rejectedCount;
        rowsRead += report.rowsRead;
        for (const r of report.rejected) {
          if (r.reason.includes('must be at most')) overLimit += 1;
          if (!(r.line >= 1) || r.reason === '')
            failures.push(`${n} ${base.name}: a rejection without line or reason`);
        }
      } catch (error) {
        const ok = error instanceof PursuitError && error.code !== 'INTERNAL_ERROR' && error.detail !== '';
        if (!ok)
          failures.push(
            `${n} ${base.name} (${f.mutations.map((m) => m[0]).join('+')}): ${String(error)}`.slice(0, 300),
          );
      }
    }
    expect(failures).toEqual([]);
    expect(rejectedRows).toBeGreaterThan(0);
    expect(rowsRead).toBeGreaterThan(FILES);
    // Nothing over the limits was stored, however the row came.
    const long = await t.db.kysely
      .selectFrom('prospects')
      .select('name')
      .where((e) => e(e.fn('length', ['name']), '>', LIMITS.prospectName))
      .execute();
    expect(long).toEqual([]);
    const contacts = await t.db.kysely.selectFrom('contacts').select(['name', 'email', 'phone']).execute();
    for (const c of contacts) {
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.contactName);
      expect((c.email ?? '').length).toBeLessThanOrEqual(LIMITS.email);
      expect((c.phone ?? '').length).toBeLessThanOrEqual(LIMITS.phone);
    }
    // Rows over a limit were among them, refused by name.
    expect(overLimit).toBeGreaterThan(0);
  }, 300_000);
});
