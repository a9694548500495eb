// An import sees what its importer sees (issue 16, item 8): a rep's rows that name another rep's
// prospect (by its CRM ids, a contact's email or its name) find nothing there, as the API finds
// nothing there, so the rep gets prospects of their own; the other rep's records are not changed,
// the report says nothing of them, and importing the same files again changes nothing.

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { User } from '../../core/records.js';
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
import { importFiles } from './import.js';
import { listProspects } from '../prospects/reading.js';

const CRM = fileURLToPath(new URL('../../../test/fixtures/crm/', import.meta.url));
// Acme Corp and Globex are Dana's, Initech is Eli's (the owner columns say so); a few rows are bad.
const HUBSPOT = ['hubspot/companies.csv', 'hubspot/contacts.csv', 'hubspot/activities.csv'].map((f) => ({
  path: join(CRM, f),
}));

describeDialects('an import of rows naming prospects the importer does not see, on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;
  let dana: User;
  let eli: User;
  let inherent: unknown[];

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ admin, dana, eli } = await team(ctx));
    const first = await importFiles(ctx, admin, HUBSPOT, { skipBad: true });
    expect(first.committed).toBe(true);
    // The sample files' own bad rows (a bad email, a bad date, ...): rejected for everyone alike.
    inherent = first.rejected;
  });

  afterEach(async () => {
    await t.drop();
  });

  const rowsOf = async (who: User) =>
    (await listProspects(ctx, who, { limit: 100, offset: 0 })).map((r) => r.prospect);

  it("gives the rep prospects of their own, and neither changes nor names the other rep's", async () => {
    const danas = await rowsOf(dana);
    const before = await dump(t.db);
    const report = await importFiles(ctx, eli, HUBSPOT, { skipBad: true });
    expect(report.committed).toBe(true);
    expect(report.rejected).toEqual(inherent);
    // Nothing of Dana's prospects (their ids, their stored names) is in what Eli is told.
    const told = JSON.stringify(report);
    for (const p of danas) expect(told).not.toContain(p.id);
    expect(told).not.toMatch(/cannot change|belongs to/);
    // Dana's records are as they were.
    const after = await dump(t.db);
    const mine = (rows: { id: string }[], ids: Set<string>) => rows.filter((r) => ids.has(r.id));
    const ids = new Set(danas.map((p) => p.id));
    expect(mine(after.prospects, ids)).toEqual(mine(before.prospects, ids));
    const ofDana = (rows: { prospect_id: string }[]) => rows.filter((r) => ids.has(r.prospect_id));
    expect(ofDana(after.contacts)).toEqual(ofDana(before.contacts));
    expect(ofDana(after.events)).toEqual(ofDana(before.events));
    // Eli has Acme Corp and Globex of his own, with their contacts and calls, beside his Initech.
    const elis = await rowsOf(eli);
    expect(elis.map((p) => p.name)).toEqual(expect.arrayContaining([...danas.map((p) => p.name), 'Initech']));
    expect(elis.every((p) => p.ownerId === eli.id && !ids.has(p.id))).toBe(true);
    const acme = elis.find((p) => p.name === 'Acme Corp')?.id ?? '';
    expect(after.contacts.filter((c) => c.prospect_id === acme).map((c) => c.email)).toEqual(
      before.contacts
        .filter((c) => c.prospect_id === danas.find((p) => p.name === 'Acme Corp')?.id)
        .map((c) => c.email),
    );
    expect(after.events.filter((e) => e.prospect_id === acme).length).toBeGreaterThan(0);
  });

  it('changes nothing when the rep imports the same files again', async () => {
    await importFiles(ctx, eli, HUBSPOT, { skipBad: true });
    const once = await dump(t.db);
    const again = await importFiles(ctx, eli, HUBSPOT, { skipBad: true });
    expect(again.committed).toBe(true);
    expect(again.rejected).toEqual(inherent);
    const twice = await dump(t.db);
    expect(twice.prospects.length).toBe(once.prospects.length);
    expect(twice.contacts.length).toBe(once.contacts.length);
    expect(twice.events.length).toBe(once.events.length);
    expect(twice.externalIds).toEqual(once.externalIds);
  });

  it('still lets an admin update any prospect by the same rows', async () => {
    const before = await dump(t.db);
    const report = await importFiles(ctx, admin, HUBSPOT, { skipBad: true });
    expect(report.rejected).toEqual(inherent);
    expect((await dump(t.db)).prospects.length).toBe(before.prospects.length);
  });
});
