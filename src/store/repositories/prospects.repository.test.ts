// Searching prospects on both dialects: the text is found in a prospect's name or in one of its
// contacts' names or email addresses, in any case, with % and _ taken as themselves; a prospect
// with several matching contacts is listed (and paged) once. Through SQLite's search index
// (migration 0018) or not, the answer is the same, and the index follows every change.

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  TestClock,
  appContext,
  describeDialects,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { addContact, addProspect, blankContact, blankProspect } from '../../app/prospects/prospects.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import { SEARCH_CANDIDATES, contacts, prospects } from './prospects.repository.js';
import type { ProspectFilter } from './prospects.repository.js';

describeDialects('searching prospects on %s', (dialect) => {
  let t: TestDb;
  let dana: User;
  let eli: User;

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ dana, eli } = await team(ctx));
    await addProspect(ctx, dana, {
      name: 'Acme Corp',
      contact: { name: 'Peter Lee', email: 'peter@acme.test' },
    });
    await addContact(ctx, dana, 'Acme Corp', { name: 'Petra Lee', email: 'Petra.Lee@Acme.test' });
    await addProspect(ctx, dana, {
      name: 'Globex',
      contact: { name: 'Hank Scorpio', email: 'hank@globex.test' },
    });
    await addProspect(ctx, dana, {
      name: 'Initech',
      contact: { name: 'Bill Lumbergh', email: 'bill@100%off.test' },
    });
    await addProspect(ctx, eli, { name: 'Hooli', contact: { name: 'Gavin Belson', phone: '+1 555 0100' } });
  }, 60_000);
  afterAll(() => t.drop());

  // Each search is made both ways: through the search index (SQLite) and reading every prospect.
  const names = async (matching: string, more: Partial<ProspectFilter> = {}) => {
    const read = async (indexed: boolean) =>
      (await prospects.list(t.db.kysely, { orgId: dana.orgId, matching, indexed, ...more })).map(
        (p) => p.name,
      );
    const found = await read(true);
    expect(found).toEqual(await read(false));
    return found;
  };

  it("finds a prospect by its name, a contact's name or a contact's email, in any case", async () => {
    expect(await names('GLOB')).toEqual(['Globex']);
    expect(await names('scorpio')).toEqual(['Globex']);
    expect(await names('HANK@')).toEqual(['Globex']);
    expect(await names('petra.lee@acme')).toEqual(['Acme Corp']);
    expect(await names('gavin')).toEqual(['Hooli']);
    expect(await names('nobody')).toEqual([]);
  });

  it('lists a prospect once however many of its contacts match, and pages prospects, not contacts', async () => {
    // Both of Acme's contacts are called Lee, and its name and both addresses contain "acme".
    expect(await names('lee')).toEqual(['Acme Corp']);
    expect(await names('acme')).toEqual(['Acme Corp']);
    // Every address ends in .test: three prospects, each once, in name order (Hooli has no email).
    expect(await names('.test')).toEqual(['Acme Corp', 'Globex', 'Initech']);
    expect(await names('.test', { limit: 2, offset: 0 })).toEqual(['Acme Corp', 'Globex']);
    expect(await names('.test', { limit: 2, offset: 2 })).toEqual(['Initech']);
  });

  it('takes %, _ and \\ in the text as themselves, in contacts too', async () => {
    expect(await names('%')).toEqual(['Initech']);
    expect(await names('100%off')).toEqual(['Initech']);
    expect(await names('_')).toEqual([]);
    expect(await names('pet_r')).toEqual([]);
    expect(await names('\\')).toEqual([]);
  });

  it("keeps to the owners asked for: another rep's prospect is not found by its contact", async () => {
    expect(await names('gavin', { ownerIds: [dana.id] })).toEqual([]);
    expect(await names('scorpio', { ownerIds: [dana.id] })).toEqual(['Globex']);
    expect(await names('scorpio', { ownerIds: [eli.id] })).toEqual([]);
  });
});

describeDialects('searching many prospects on %s', (dialect) => {
  let t: TestDb;
  let orgId: string;
  let ownerId: string;
  const AT = Date.parse('2026-03-10T15:00:00Z');

  const prospect = (i: number, name: string): Prospect => ({
    ...blankProspect(orgId, ownerId, AT, AT),
    id: `p${String(i).padStart(5, '0')}`,
    name,
  });
  const contact = (i: number, of: Prospect, name: string, email: string | null): Contact => ({
    ...blankContact(of, 0, AT),
    id: `c${String(i).padStart(5, '0')}`,
    name,
    email,
  });

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(AT));
    const { dana } = await team(ctx);
    ({ orgId } = dana);
    ownerId = dana.id;
    // More prospects hold "Common" than the index looks up one by one (SEARCH_CANDIDATES), so that
    // a search for it reads the prospects in name order instead; a few hold rarer texts, some with
    // letters beyond ASCII and quotes.
    const names = ['Zürich Übersee', 'ÉCOLE Normale', 'Quote "Marks" Ltd', 'Tab\tSeparated', "O'Brien & Co"];
    const list = Array.from({ length: SEARCH_CANDIDATES + 150 }, (_, i) =>
      prospect(i, i < names.length ? (names[i] as string) : `Common ${i % 7 === 0 ? 'Rare' : 'Firm'} ${i}`),
    );
    await prospects.insertMany(t.db.kysely, list);
    await contacts.insertMany(
      t.db.kysely,
      list
        .filter((_, i) => i % 3 !== 0)
        .map((p, i) =>
          contact(i, p, `Person ${i} Ångström`, i % 5 === 0 ? null : `person${i}@firm${i % 11}.test`),
        ),
    );
  }, 60_000);
  afterAll(() => t.drop());

  const both = async (matching: string, more: Partial<ProspectFilter> = {}) => {
    const read = async (indexed: boolean) =>
      (await prospects.list(t.db.kysely, { orgId, matching, indexed, ...more })).map((p) => p.id);
    const found = await read(true);
    expect(found, matching).toEqual(await read(false));
    return found;
  };
  const TEXTS = [
    'Common', // more than SEARCH_CANDIDATES
    'Rare 1', // fewer
    'rare 14', // fewer, another case
    'firm3.test',
    'Person 1',
    'ångström', // ASCII folds only: as before the index (SQLite: none; PostgreSQL: all)
    'ÅNGSTRÖM',
    'zürich',
    'École',
    '"Marks"',
    'Quote "',
    'Tab\tSep',
    "o'brien",
    '& Co',
    'nothing at all',
    'mo',
  ];

  it('finds through the search index what reading every prospect finds, whole and in pages', async () => {
    for (const text of TEXTS) {
      await both(text);
      await both(text, { limit: 20, offset: 0 });
      await both(text, { limit: 20, offset: 40 });
    }
    expect(await both('Common', { limit: 3 })).toHaveLength(3);
    expect(await both('Quote "')).toEqual(['p00002']);
    expect((await both('Rare 1')).length).toBeGreaterThan(30);
  });

  it('follows renames, contacts changed, moved and deleted, and prospects deleted', async () => {
    const q = t.db.kysely;
    await q.updateTable('prospects').set({ name: 'Renamed Widgets' }).where('id', '=', 'p00010').execute();
    expect(await both('renamed widg')).toEqual(['p00010']);
    expect(await both('Firm 10 ')).toEqual([]);

    // p00011's contact gets another address, then moves to p00013, then goes.
    const [moved] = await q.selectFrom('contacts').select('id').where('prospect_id', '=', 'p00011').execute();
    const change = (set: { email?: string; prospect_id?: string }) =>
      q
        .updateTable('contacts')
        .set(set)
        .where('id', '=', moved?.id ?? '')
        .execute();
    await change({ email: 'someone@elsewhere.test' });
    expect(await both('@elsewhere')).toEqual(['p00011']);
    await change({ prospect_id: 'p00013' });
    expect(await both('@elsewhere')).toEqual(['p00013']);
    await q
      .deleteFrom('contacts')
      .where('id', '=', moved?.id ?? '')
      .execute();
    expect(await both('@elsewhere')).toEqual([]);

    // A prospect deleted takes its contacts, and both leave the index.
    const mail = await q
      .selectFrom('contacts')
      .select('email')
      .where('prospect_id', '=', 'p00014')
      .executeTakeFirst();
    expect(await both(mail?.email ?? '')).toEqual(['p00014']);
    await q.deleteFrom('prospects').where('id', '=', 'p00014').execute();
    expect(await both(mail?.email ?? '')).toEqual([]);
    for (const text of TEXTS) await both(text);
  });
});
