// The notes table on both dialects: a prospect's notes in the order written, newest first; they go
// with their prospect; a note outlives its author (unsigned).

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
import type { Note, Prospect, User } from '../../core/records.js';
import { notes } from './notes.repository.js';

describeDialects('the notes table on %s', (dialect) => {
  let t: TestDb;
  let dana: User;
  let eli: User;
  let acme: Prospect;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ dana, eli } = await team(ctx));
    acme = await addProspect(ctx, dana, { name: 'Acme', contact: { name: 'Peter Lee' } });
  });
  afterEach(() => t.drop());

  const write = (id: string, author: User, at: number) =>
    t.db.kysely.transaction().execute(async (q) => {
      const note: Note = {
        id,
        orgId: acme.orgId,
        prospectId: acme.id,
        authorId: author.id,
        body: `note ${id}`,
        seq: await notes.nextSeq(q, acme.id),
        createdAt: at,
        updatedAt: at,
      };
      await notes.insert(q, note);
      return note;
    });

  it('lists newest first by the order written, and updates the text and time only', async () => {
    // Ids that sort against the order written: the order is not the ids'.
    const z = await write('z', dana, 1000);
    await write('a', eli, 1000);
    await write('m', dana, 1000);
    const k = t.db.kysely;
    expect((await notes.listByProspect(k, acme.id)).map((n) => [n.id, n.seq])).toEqual([
      ['m', 3],
      ['a', 2],
      ['z', 1],
    ]);
    await notes.update(k, { ...z, body: 'changed', updatedAt: 2000, createdAt: 5, authorId: eli.id });
    expect(await notes.findById(k, 'z')).toEqual({ ...z, body: 'changed', updatedAt: 2000 });
    await notes.delete(k, 'z');
    expect(await notes.findById(k, 'z')).toBeUndefined();
  });

  it('goes with its prospect, and outlives its author', async () => {
    await write('a', eli, 1000);
    await t.db.kysely.deleteFrom('users').where('id', '=', eli.id).execute();
    expect((await notes.findById(t.db.kysely, 'a'))?.authorId).toBeNull();
    await t.db.kysely.deleteFrom('decisions').where('prospect_id', '=', acme.id).execute();
    await t.db.kysely.deleteFrom('prospects').where('id', '=', acme.id).execute();
    expect(await notes.listByProspect(t.db.kysely, acme.id)).toEqual([]);
  });
});
