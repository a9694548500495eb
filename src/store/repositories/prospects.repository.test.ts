// Searching prospects on both dialects: the text is found in a prospect's name or in one of its
// contacts' names or email addresses, in any case, with % and _ taken as themselves; a prospect
// with several matching contacts is listed (and paged) once.

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  TestClock,
  appContext,
  describeDialects,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { addContact, addProspect } from '../../app/prospects/prospects.js';
import type { User } from '../../core/records.js';
import { prospects } from './prospects.repository.js';
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

  const names = async (matching: string, more: Partial<ProspectFilter> = {}) =>
    (await prospects.list(t.db.kysely, { orgId: dana.orgId, matching, ...more })).map((p) => p.name);

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
