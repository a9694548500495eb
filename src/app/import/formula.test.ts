// CSV export against spreadsheet formula injection (issue 15 item 1, issue 13 item 4): names, phones
// and notes that a spreadsheet would run come out of `exportData` and `GET /api/export` with a
// single quote in front, quoted, and an import of that file gives back the very text, on every dialect.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { caller, headersOf } from '../../../test/support/api.js';
import type { User } from '../../core/records.js';
import { buildApp } from '../../api/build-app.js';
import { users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import type { AppContext } from '../context.js';
import { createDemo } from '../demo/demo.js';
import { logEvent } from '../prospects/logging.js';
import { addContact, addProspect } from '../prospects/prospects.js';
import { exportData } from './export.js';
import { importFile } from './import.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const DANA = 'dana@northwind.test';

/** What a spreadsheet would run, each as a prospect, its contacts (name and phone) and a note. */
const HOSTILE = [
  {
    prospect: '=HYPERLINK("http://x.test","y")',
    contacts: [
      { name: '+cmd', phone: '+44 20 7946 0000' },
      { name: "-2+3+cmd|' /C calc'!A0", phone: '-5' },
    ],
    note: "=cmd|' /C calc'!A0",
  },
  {
    prospect: '@SUM(1+1)*cmd',
    contacts: [{ name: "'=already quoted", phone: "'+1 555 0100" }],
    note: '-5 off the price, said @Lee',
  },
  {
    prospect: "''@twice quoted",
    contacts: [{ name: '+', phone: '+1-555-0100' }],
    note: '=1+1\r\n+second line',
  },
];

const TRIGGER = /^[=+\-@\t\r\0]/;

/** The raw cells of an RFC 4180 text, unquoted but otherwise as written (no formula restore). */
function rawCells(text: string): string[] {
  const cells: string[] = [];
  for (const m of text.matchAll(/("(?:[^"]|"")*"|[^,\r\n"]*)(,|\r\n|$)/g)) {
    const cell = m[1] as string;
    cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    if (m[2] === '') break;
  }
  return cells;
}

/** The hostile prospects as stored: names, contacts and notes, by prospect name. */
async function stored(ctx: AppContext, orgId: string) {
  const q = ctx.db.kysely;
  const out: Record<string, unknown> = {};
  for (const h of HOSTILE) {
    const [p] = (await prospects.list(q, { orgId })).filter((x) => x.name === h.prospect);
    if (p === undefined) throw new Error(`no prospect named ${h.prospect}`);
    const cs = await contacts.listByProspect(q, p.id);
    const notes = (await events.listByProspects(q, [p.id]))
      .map((e) => e.data as { description?: string })
      .flatMap((d) => (d.description === undefined ? [] : [d.description]));
    out[p.name] = { contacts: cs.map((c) => ({ name: c.name, phone: c.phone })), notes };
  }
  return out;
}

describeDialects('CSV export against formula injection on %s', (dialect) => {
  const dbs: TestDb[] = [];
  let ctx: AppContext;
  let dana: User;

  const demo = async (count: number) => {
    const t = await freshDatabase(dialect);
    dbs.push(t);
    const c = appContext(t.db, new TestClock(NOW));
    await createDemo(c, { prospects: count });
    const [user] = await users.findByEmail(t.db.kysely, DANA);
    if (user === undefined) throw new Error('no Dana');
    return { ctx: c, dana: user };
  };

  beforeAll(async () => {
    ({ ctx, dana } = await demo(3));
    for (const h of HOSTILE) {
      const [first, ...rest] = h.contacts;
      await addProspect(ctx, dana, { name: h.prospect, contact: first });
      for (const c of rest) await addContact(ctx, dana, h.prospect, c);
      await logEvent(ctx, dana, h.prospect, {
        type: 'commitment',
        kind: 'call',
        due: '2026-03-12T16:00:00Z',
        description: h.note,
        at: '2026-03-10T14:00:00Z',
      });
    }
  }, 60_000);

  afterAll(async () => {
    for (const t of dbs.splice(0)) await t.drop();
  });

  const expectNeutralised = (csv: string) => {
    const cells = rawCells(csv);
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => TRIGGER.test(c))).toEqual([]);
    for (const h of HOSTILE) {
      expect(cells).toContain(`'${h.prospect}`);
      for (const c of h.contacts) {
        expect(cells).toContain(`'${c.name}`);
        expect(cells).toContain(`'${c.phone}`);
      }
    }
    // OWASP: a neutralised cell is quoted as well.
    expect(csv).toContain(`"'=HYPERLINK(""http://x.test"",""y"")"`);
    expect(csv).toContain(`,"'+cmd",`);
  };

  it('writes no cell a spreadsheet would run, and an import gives back the original text', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pursuit-formula-')), 'all.csv');
    await exportData(ctx, dana, { format: 'csv', path });
    expectNeutralised(readFileSync(path, 'utf8'));
    const before = await stored(ctx, dana.orgId);
    expect(before['=HYPERLINK("http://x.test","y")']).toEqual({
      contacts: [
        { name: '+cmd', phone: '+44 20 7946 0000' },
        { name: "-2+3+cmd|' /C calc'!A0", phone: '-5' },
      ],
      notes: ["=cmd|' /C calc'!A0"],
    });

    // Into a fresh database: the same names, phones and notes, character for character.
    const other = await demo(1);
    const report = await importFile(other.ctx, other.dana, { path });
    expect(report).toMatchObject({ committed: true, rejectedCount: 0 });
    expect(await stored(other.ctx, other.dana.orgId)).toEqual(before);
    // And into the database it came from: nothing changes.
    const again = await importFile(ctx, dana, { path });
    expect(again.prospects).toMatchObject({ created: 0, updated: 0 });
    expect(await stored(ctx, dana.orgId)).toEqual(before);
  }, 120_000);

  it('neutralises the export over HTTP the same way', async () => {
    const { app } = await buildApp(ctx);
    try {
      const who = await caller(app, DANA);
      const r = await app.inject({ url: '/api/export?format=csv', headers: headersOf(who) });
      expect(r.statusCode).toBe(200);
      expectNeutralised(r.body);
    } finally {
      await app.close();
    }
  }, 60_000);
});
