// Export then import into a fresh database gives the same prospects, contacts, events and decisions,
// in both formats and on both dialects; and importing an export again changes nothing.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../store/database.js';
import type { User } from '../../core/records.js';
import { products } from '../../store/repositories/people.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import {
  describeDialects,
  TestClock,
  appContext,
  dump,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { exportData } from './export.js';
import { importFile, importFiles } from './import.js';
import { logEvent, snooze } from '../prospects/logging.js';
import { editProspect } from '../prospects/prospects.js';

const CRM = fileURLToPath(new URL('../../../test/fixtures/crm/', import.meta.url));
const HUBSPOT = ['companies', 'contacts', 'activities'].map((f) => ({ path: join(CRM, `hubspot/${f}.csv`) }));
const NOW = Date.parse('2026-03-10T15:00:00Z');

/** The database's records with what may differ between two databases (user and product ids) named. */
async function records(db: Db) {
  const d = await dump(db);
  const users = new Map(
    (await db.kysely.selectFrom('users').selectAll().execute()).map((u) => [u.id, u.email]),
  );
  const productNames = new Map(d.products.map((p) => [p.id, `${p.name}/${p.status}`]));
  return {
    prospects: d.prospects.map(({ owner_id, product_id, updated_at: _u, org_id: _o, ...p }) => ({
      ...p,
      owner: users.get(owner_id),
      product: product_id === null ? null : productNames.get(product_id),
    })),
    contacts: d.contacts.map(({ org_id: _o, ...c }) => c),
    events: d.events.map(({ org_id: _o, logged_by: _b, log_seq: _s, source_key, data, ...e }) => ({
      ...e,
      data: JSON.parse(data) as unknown,
      source_key: source_key ?? `pursuit:${e.id}`,
    })),
    externalIds: d.externalIds.map(({ org_id: _o, ...x }) => x),
    decisions: d.decisions.map(({ owner_id, org_id: _o, ...x }) => ({ ...x, owner: users.get(owner_id) })),
  };
}

describeDialects('export on %s', (dialect) => {
  const dbs: TestDb[] = [];
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;
  let dana: User;

  const fresh = async () => {
    const db = await freshDatabase(dialect);
    dbs.push(db);
    const c = appContext(db.db, new TestClock(NOW));
    return { db, ctx: c, ...(await team(c)) };
  };

  beforeEach(async () => {
    ({ db: t, ctx, admin, dana } = await fresh());
    await importFiles(ctx, admin, HUBSPOT, { skipBad: true });
    // What people log by hand: a commitment, its prep, a reschedule, a referral; a product; a snooze.
    const c1 = await logEvent(ctx, dana, 'Acme Corp', {
      type: 'commitment',
      kind: 'call',
      due: '2026-03-12T16:00:00Z',
      at: '2026-03-10T14:00:00Z',
      description: 'Review the proposal',
    });
    await logEvent(ctx, dana, 'Acme Corp', {
      type: 'prep',
      commitment: c1.event.id,
      objective: 'Agree the pilot scope',
      agenda: 'recap; pricing; next step',
      at: '2026-03-10T14:10:00Z',
    });
    await logEvent(ctx, dana, 'Acme Corp', {
      type: 'commitment',
      kind: 'call',
      due: '2026-03-13T16:00:00Z',
      replaces: c1.event.id,
      at: '2026-03-10T14:20:00Z',
    });
    await logEvent(ctx, dana, 'Acme Corp', {
      type: 'response',
      sentiment: 'referral',
      referred: 'Sue Park',
      at: '2026-03-10T14:30:00Z',
    });
    const product = {
      id: 'prod-1',
      orgId: admin.orgId,
      name: 'Platform',
      status: 'deprioritized' as const,
      createdAt: NOW,
    };
    await products.insert(t.db.kysely, product);
    const initech = (await prospects.list(t.db.kysely, { orgId: admin.orgId, matching: 'Initech' }))[0];
    if (initech === undefined) throw new Error('no Initech');
    await prospects.update(t.db.kysely, { ...initech, productId: product.id });
    await editProspect(ctx, admin, 'Initech', { productFit: 'fit', dealValue: 30000, serious: true });
    await snooze(ctx, admin, "Chotchkie's", '2026-03-20');
  });

  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.drop();
  });

  for (const format of ['csv', 'jsonl'] as const) {
    it(`round-trips through ${format}: the same prospects, contacts, events and decisions`, async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'pursuit-export-')), `all.${format}`);
      const exported = await exportData(ctx, admin, { format, path });
      expect(exported).toEqual({ prospects: 5, contacts: 6, events: 11 });

      const other = await fresh();
      const report = await importFile(other.ctx, other.admin, { path });
      expect(report).toMatchObject({
        committed: true,
        rejectedCount: 0,
        prospects: { created: 5, updated: 0, unchanged: 0 },
        events: { added: 11, duplicates: 0 },
        productsCreated: ['Platform'],
      });
      const source = await records(t.db);
      const copy = await records(other.db.db);
      expect(copy.prospects).toEqual(source.prospects);
      expect(copy.contacts).toEqual(source.contacts);
      expect(copy.events).toEqual(source.events);
      expect(copy.externalIds).toEqual(source.externalIds);
      expect(copy.decisions).toEqual(source.decisions);

      // Importing the export again, or the CRM files it came from, changes nothing.
      const before = await dump(other.db.db);
      expect((await importFile(other.ctx, other.admin, { path })).prospects).toMatchObject({ unchanged: 5 });
      const crm = await importFiles(other.ctx, other.admin, HUBSPOT, { skipBad: true });
      expect(crm.events).toEqual({ added: 0, duplicates: 7 });
      expect(await dump(other.db.db)).toEqual(before);
      // And into the database it came from.
      const home = await dump(t.db);
      expect((await importFile(ctx, admin, { path })).events).toEqual({ added: 0, duplicates: 11 });
      expect(await dump(t.db)).toEqual(home);
    });
  }

  it('exports only what the user may see, as JSON Lines on a stream', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const report = await exportData(ctx, dana, { format: 'jsonl', stream: out });
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { prospect: { name: string; owner: string }; events: { type: string }[] });
    expect(lines.map((l) => l.prospect.name).sort()).toEqual([
      'Acme Corp',
      'Globex',
      'Vandelay Industries, Inc.',
    ]);
    expect(lines.every((l) => l.prospect.owner === 'dana@ourco.test')).toBe(true);
    expect(report.prospects).toBe(3);
    const acme = lines.find((l) => l.prospect.name === 'Acme Corp');
    expect(acme?.events.map((e) => e.type)).toEqual([
      'touch',
      'touch',
      'response',
      'touch',
      'commitment',
      'prep',
      'commitment',
      'response',
      'commitment',
    ]);
  });

  it('writes the generic CSV header the importer reads without a mapping', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pursuit-export-')), 'all.csv');
    await exportData(ctx, admin, { format: 'csv', path });
    const header = readFileSync(path, 'utf8').split('\r\n')[0];
    expect(header?.startsWith('prospect-id,prospect,owner,relationship,source,created,deal-value')).toBe(
      true,
    );
  });
});
