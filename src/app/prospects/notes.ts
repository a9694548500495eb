// Notes on a prospect: free text a person writes, listed newest first with author and time. Notes
// are not events: nothing here re-decides the prospect. Whoever may see the prospect may read its
// notes and add one (as with logging on it); changing or deleting a note is for its author, or for
// a manager or an admin who sees the prospect (someone who oversees it), not for another rep.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import type { Note, Prospect, User } from '../../core/records.js';
import { notes } from '../../store/repositories/notes.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { inTransaction } from '../context.js';
import type { AppContext, Q } from '../context.js';
import { resolveProspect } from '../accounts/actors.js';
import { plain } from '../inputs.js';
import { LIMITS, withinLimit } from '../limits.js';

/** A note as it is shown: with its author, and whether the reader may change it. */
export interface NoteDetails {
  note: Note;
  author: User | undefined;
  mayChange: boolean;
}

/** Whether the actor, who sees the note's prospect, may edit or delete the note. */
export function mayChange(actor: User, note: Note): boolean {
  return note.authorId === actor.id || actor.role === 'admin' || actor.role === 'manager';
}

/** A note's text as typed: trimmed, not empty, within its limit, no control characters. */
export function noteBody(typed: string): string {
  const body = plain('body', typed).trim();
  if (body === '') throw new PursuitError('INVALID_INPUT', 'a note needs some text', 'body');
  return withinLimit('body', body, LIMITS.noteBody) as string;
}

async function details(q: Q, actor: User, list: Note[]): Promise<NoteDetails[]> {
  const ids = [...new Set(list.flatMap((n) => (n.authorId === null ? [] : [n.authorId])))];
  const authors = new Map((await users.findByIds(q, ids)).map((u) => [u.id, u]));
  return list.map((note) => ({
    note,
    author: note.authorId === null ? undefined : authors.get(note.authorId),
    mayChange: mayChange(actor, note),
  }));
}

/** One of the prospect's notes, by id or a unique start of it (what the command line shows). */
async function resolveNote(q: Q, prospect: Prospect, typed: string): Promise<Note> {
  const all = await notes.listByProspect(q, prospect.id);
  const exact = all.find((n) => n.id === typed);
  if (exact !== undefined) return exact;
  const started = typed.length >= 4 ? all.filter((n) => n.id.startsWith(typed)) : [];
  if (started.length === 1) return started[0] as Note;
  if (started.length > 1)
    throw new PursuitError(
      'AMBIGUOUS',
      `"${typed}" starts ${started.length} notes' ids; give more of it`,
      'note',
    );
  throw new PursuitError('NOT_FOUND', `no note "${typed}" on ${prospect.name}`, 'note');
}

function changeable(actor: User, note: Note): Note {
  if (!mayChange(actor, note))
    throw new PursuitError(
      'FORBIDDEN',
      "only a note's author, a manager or an admin may change or delete it",
      'note',
    );
  return note;
}

/** The prospect's notes, newest first. */
export async function listNotes(ctx: AppContext, actor: User, typedProspect: string): Promise<NoteDetails[]> {
  return inTransaction(
    ctx,
    async (q) => {
      const prospect = await resolveProspect(q, actor, typedProspect);
      return details(q, actor, await notes.listByProspect(q, prospect.id));
    },
    { readOnly: true },
  );
}

export async function addNote(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  typedBody: string,
): Promise<NoteDetails> {
  const body = noteBody(typedBody);
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const note: Note = {
      id: randomUUID(),
      orgId: prospect.orgId,
      prospectId: prospect.id,
      authorId: actor.id,
      body,
      seq: await notes.nextSeq(q, prospect.id),
      createdAt: now,
      updatedAt: now,
    };
    await notes.insert(q, note);
    return { note, author: actor, mayChange: true };
  });
}

export async function editNote(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  typedNote: string,
  typedBody: string,
): Promise<NoteDetails> {
  const body = noteBody(typedBody);
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const current = changeable(actor, await resolveNote(q, prospect, typedNote));
    const next = { ...current, body, updatedAt: now };
    await notes.update(q, next);
    const [shown] = await details(q, actor, [next]);
    return shown as NoteDetails;
  });
}

/** Deletes a note; answers what was deleted. */
export async function deleteNote(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  typedNote: string,
): Promise<Note> {
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const note = changeable(actor, await resolveNote(q, prospect, typedNote));
    await notes.delete(q, note.id);
    return note;
  });
}
