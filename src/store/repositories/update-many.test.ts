// Updating many prospects and contacts at once (an import's updates), on both dialects: every field
// is written as given (text that JSON must escape, numbers exact, flags and nulls), a row not stored
// is not made, a contact keeps its prospect, and the search index follows.

import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  TestClock,
  appContext,
  describeDialects,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { addProspect } from '../../app/prospects/prospects.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import { contacts, prospects } from './prospects.repository.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describeDialects('updating many prospects and contacts on %s', (dialect) => {
  let t: TestDb;
  let dana: User;
  let eli: User;
  let stored: Prospect[];

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    ({ dana, eli } = await team(ctx));
    for (const name of ['Acme Corp', 'Globex', 'Initech'])
      await addProspect(ctx, dana, {
        name,
        contact: { name: 'Pat Doe', email: 'pat@example.test' },
      });
    stored = await prospects.list(t.db.kysely, { orgId: dana.orgId });
  });
  afterEach(async () => t.drop());

  it('writes every field as given, and makes no prospect that is not stored', async () => {
    const [acme, globex] = stored as [Prospect, Prospect];
    const changed: Prospect[] = [
      {
        ...acme,
        name: 'Acme "Corp" \\ 東京 \u{1F680}',
        ownerId: eli.id,
        dealValue: 12345.678901234567,
        serious: true,
        goalsClear: false,
        priceOnly: null,
        doNotContact: true,
        snoozedUntil: NOW + 86_400_000,
        updatedAt: NOW + 1,
      },
      { ...globex, dealValue: null, serious: null, icpFit: 'poor', updatedAt: NOW + 2 },
      { ...globex, id: 'not-stored', name: 'Nobody' },
    ];
    // An organisation given is not written: an update moves no prospect.
    await prospects.updateMany(t.db.kysely, [
      { ...(changed[0] as Prospect), orgId: 'elsewhere' },
      ...changed.slice(1),
    ]);
    const read = await prospects.findByIds(t.db.kysely, [acme.id, globex.id, 'not-stored']);
    const byId = new Map(read.map((p) => [p.id, p]));
    expect(byId.get(acme.id)).toEqual(changed[0]);
    expect(byId.get(globex.id)).toEqual(changed[1]);
    expect(byId.has('not-stored')).toBe(false);
    // The one not named is as it was.
    const initech = stored[2] as Prospect;
    expect(await prospects.findById(t.db.kysely, initech.id)).toEqual(initech);
  });

  it('is searched by its new name', async () => {
    const [acme] = stored as [Prospect];
    await prospects.updateMany(t.db.kysely, [{ ...acme, name: 'Vandelay Industries' }]);
    const found = await prospects.list(t.db.kysely, { orgId: dana.orgId, matching: 'vandelay' });
    expect(found.map((p) => p.id)).toEqual([acme.id]);
    expect(await prospects.list(t.db.kysely, { orgId: dana.orgId, matching: 'acme' })).toEqual([]);
  });

  it('writes every field of each contact as given, and leaves its prospect and organisation', async () => {
    const [acme, globex] = stored as [Prospect, Prospect];
    const [pat] = await contacts.listByProspect(t.db.kysely, acme.id);
    const [pam] = await contacts.listByProspect(t.db.kysely, globex.id);
    if (pat === undefined || pam === undefined) throw new Error('each prospect has its contact');
    const changed: Contact[] = [
      {
        ...pat,
        name: 'Pat "O\\Doe" 東京',
        role: 'stakeholder',
        email: 'pat.doe@example.test',
        phone: '+1 555 0100',
        timezone: 'Asia/Tokyo',
        doNotContact: true,
        emailBouncedAt: NOW + 5,
      },
      { ...pam, email: null, phone: null, timezone: null, position: 3 },
      { ...pam, id: 'not-stored', name: 'Nobody' },
    ];
    // A prospect or organisation given is not written: an update moves no contact.
    await contacts.updateMany(t.db.kysely, [
      { ...(changed[0] as Contact), prospectId: globex.id, orgId: 'elsewhere' },
      ...changed.slice(1),
    ]);
    expect(await contacts.listByProspect(t.db.kysely, acme.id)).toEqual([changed[0]]);
    expect(await contacts.listByProspect(t.db.kysely, globex.id)).toEqual([changed[1]]);
    expect(await contacts.findByIds(t.db.kysely, ['not-stored'])).toEqual([]);
    const found = await prospects.list(t.db.kysely, { orgId: dana.orgId, matching: 'pat.doe@' });
    expect(found.map((p) => p.id)).toEqual([acme.id]);
  });
});
