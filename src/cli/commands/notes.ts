// `pursuit note add|list|edit|delete`: free-text notes on a prospect (they change no decision).
// A note's text is an argument, or standard input with `-` (a long note, a pasted email).

import { addNote, deleteNote, editNote, listNotes } from '../../app/prospects/notes.js';
import type { NoteDetails } from '../../app/prospects/notes.js';
import { noteView } from '../../app/prospects/views.js';
import { EXIT } from '../exit.js';
import { formatWhen } from '../format.js';
import { readInput } from '../io.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

/** Ids are long: this much of one is shown, and enough to name it again. */
const SHORT = 8;

function describe(d: NoteDetails, zone: string): string {
  const { note } = d;
  const edited = note.updatedAt !== note.createdAt ? ` (edited ${formatWhen(note.updatedAt, zone)})` : '';
  const head = `${note.id.slice(0, SHORT)}  ${formatWhen(note.createdAt, zone)}  ${d.author?.name ?? 'a former user'}${edited}`;
  const body = note.body
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `${head}\n${body}\n`;
}

const text = (typed: string, io: Io) => (typed === '-' ? readInput('-', io.stdin) : Promise.resolve(typed));

export async function noteAddCommand(prospect: string, typed: string, options: GlobalOptions, io: Io) {
  return asActor(io, options, async ({ ctx }, actor) => {
    const added = await addNote(ctx, actor, prospect, await text(typed, io));
    if (options.json === true) printJson(io, noteView(added));
    else io.stdout.write(`Added a note:\n${describe(added, actor.timezone)}`);
    return EXIT.ok;
  });
}

export async function noteListCommand(prospect: string, options: GlobalOptions, io: Io) {
  return asActor(io, options, async ({ ctx }, actor) => {
    const list = await listNotes(ctx, actor, prospect);
    if (options.json === true) printJson(io, list.map(noteView));
    else if (list.length === 0) io.stdout.write('No notes yet: add one with pursuit note add.\n');
    else io.stdout.write(list.map((d) => describe(d, actor.timezone)).join('\n'));
    return EXIT.ok;
  });
}

export async function noteEditCommand(
  prospect: string,
  note: string,
  typed: string,
  options: GlobalOptions,
  io: Io,
) {
  return asActor(io, options, async ({ ctx }, actor) => {
    const edited = await editNote(ctx, actor, prospect, note, await text(typed, io));
    if (options.json === true) printJson(io, noteView(edited));
    else io.stdout.write(`Changed the note:\n${describe(edited, actor.timezone)}`);
    return EXIT.ok;
  });
}

export async function noteDeleteCommand(prospect: string, note: string, options: GlobalOptions, io: Io) {
  return asActor(io, options, async ({ ctx }, actor) => {
    const deleted = await deleteNote(ctx, actor, prospect, note);
    if (options.json === true) printJson(io, { deleted: deleted.id });
    else io.stdout.write(`Deleted note ${deleted.id.slice(0, SHORT)}.\n`);
    return EXIT.ok;
  });
}
