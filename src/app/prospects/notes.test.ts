// Notes on a prospect, on both dialects with a fixed clock: listed newest first with their author,
// edited and deleted by their author or by a manager or admin who sees the prospect (a rep may not
// change a manager's note), refused when empty or too long (naming the field), never part of a
// decision, and not found where the prospect or the note is not the caller's to see.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { PursuitError } from '../../core/errors.js';
import type { User } from '../../core/records.js';
import {
  TestClock,
  appContext,
  describeDialects,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { addUser } from '../accounts/workspace.js';
import { LIMITS } from '../limits.js';
import { addNote, deleteNote, editNote, listNotes } from './notes.js';
import { addProspect, editProspect } from './prospects.js';
import { showProspect } from './reading.js';
import { noteView } from './views.js';

async function failure(promise: Promise<unknown>): Promise<{ code: string; path?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PursuitError) return { ...error.toJSON() };
    throw error;
  }
  throw new Error('expected a failure');
}

describeDialects('notes on a prospect on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let clock: TestClock;
  let admin: User;
  let dana: User; // a rep of Mia's team
  let eli: User;
  let mia: User;
  let acme: string;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));
    ctx = appContext(t.db, clock);
    ({ admin, eli } = await team(ctx));
    mia = await addUser(ctx, admin, { name: 'Mia Manager', email: 'mia@ourco.test', role: 'manager' });
    dana = await addUser(ctx, admin, { name: 'Rae Report', email: 'rae@ourco.test', manager: mia.id });
    const p = await addProspect(ctx, dana, {
      name: 'Acme',
      contact: { name: 'Peter Lee', email: 'peter@acme.test' },
    });
    acme = p.id;
  });
  afterEach(() => t.drop());

  it('lists notes newest first, with author and times, written in the same millisecond too', async () => {
    await addNote(ctx, dana, acme, 'Peter golfs on Fridays.');
    await addNote(ctx, dana, 'acme', '  The real buyer is the CFO.\n');
    clock.advance(60_000);
    await addNote(ctx, mia, acme, 'Budget frees up in April.');
    const list = (await listNotes(ctx, dana, acme)).map(noteView);
    expect(list.map((n) => n.body)).toEqual([
      'Budget frees up in April.',
      'The real buyer is the CFO.',
      'Peter golfs on Fridays.',
    ]);
    expect(list[0]).toMatchObject({
      prospectId: acme,
      author: { id: mia.id, name: 'Mia Manager' },
      createdAt: '2026-03-10T15:01:00.000Z',
      updatedAt: '2026-03-10T15:01:00.000Z',
      edited: false,
      mayChange: false,
    });
    expect(list[1]).toMatchObject({ author: { name: 'Rae Report' }, mayChange: true });
  });

  it('edits and deletes a note: its author, a manager or an admin; not another rep', async () => {
    const own = await addNote(ctx, dana, acme, 'first draft');
    const mias = await addNote(ctx, mia, acme, "manager's view");
    clock.advance(5_000);
    const edited = noteView(await editNote(ctx, dana, acme, own.note.id, 'second draft'));
    expect(edited).toMatchObject({
      body: 'second draft',
      edited: true,
      createdAt: '2026-03-10T15:00:00.000Z',
      updatedAt: '2026-03-10T15:00:05.000Z',
    });
    expect(await failure(editNote(ctx, dana, acme, mias.note.id, 'mine now'))).toMatchObject({
      code: 'FORBIDDEN',
      path: 'note',
    });
    expect(await failure(deleteNote(ctx, dana, acme, mias.note.id))).toMatchObject({ code: 'FORBIDDEN' });
    await editNote(ctx, mia, acme, own.note.id, 'tidied by the manager');
    await deleteNote(ctx, admin, acme, mias.note.id);
    // A unique start of the id is enough (what the command line shows).
    await deleteNote(ctx, dana, acme, own.note.id.slice(0, 8));
    expect(await listNotes(ctx, dana, acme)).toEqual([]);
  });

  it('refuses an empty, blank, too long or control-character note, naming the field', async () => {
    for (const body of ['', '   \n\t ']) {
      expect(await failure(addNote(ctx, dana, acme, body))).toEqual({
        code: 'INVALID_INPUT',
        path: 'body',
        message: 'a note needs some text',
      });
    }
    const long = await failure(addNote(ctx, dana, acme, 'x'.repeat(LIMITS.noteBody + 1)));
    expect(long).toMatchObject({ code: 'INVALID_INPUT', path: 'body' });
    expect(long.message).toMatch(/at most 10000 characters/);
    expect(await failure(addNote(ctx, dana, acme, 'a\u0000b'))).toMatchObject({ path: 'body' });
    const note = await addNote(ctx, dana, acme, 'x'.repeat(LIMITS.noteBody));
    expect(await failure(editNote(ctx, dana, acme, note.note.id, ' '))).toMatchObject({ path: 'body' });
  });

  it('changes no decision and leaves the prospect as it was', async () => {
    const before = await showProspect(ctx, dana, acme);
    clock.advance(60_000);
    const note = await addNote(ctx, dana, acme, 'They said: stop calling me!');
    await editNote(ctx, dana, acme, note.note.id, 'Not interested, they said.');
    const after = await showProspect(ctx, dana, acme);
    expect(after.prospect).toEqual(before.prospect);
    expect(after.events).toEqual(before.events);
    expect(after.decision?.decision).toEqual(before.decision?.decision);
    expect(after.decision?.decidedAt).toBe(before.decision?.decidedAt);
  });

  it('does not find what the caller may not see: a prospect, a note of another prospect', async () => {
    const note = await addNote(ctx, dana, acme, 'private to the team');
    const other = await addProspect(ctx, eli, { name: 'Globex', contact: { name: 'Gil' } });
    expect(await failure(listNotes(ctx, eli, acme))).toMatchObject({ code: 'NOT_FOUND', path: 'prospect' });
    expect(await failure(addNote(ctx, eli, acme, 'hi'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(deleteNote(ctx, eli, other.id, note.note.id))).toMatchObject({
      code: 'NOT_FOUND',
      path: 'note',
    });
    expect(await failure(editNote(ctx, dana, acme, 'no-such-note', 'x'))).toMatchObject({
      code: 'NOT_FOUND',
      path: 'note',
    });
    // Its author no longer sees a prospect that went to someone else, nor its notes.
    await editProspect(ctx, admin, acme, { owner: eli.id });
    expect(await failure(editNote(ctx, dana, acme, note.note.id, 'x'))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await listNotes(ctx, eli, acme)).map((n) => n.mayChange)).toEqual([false]);
  });
});
