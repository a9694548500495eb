// Notes on a prospect: list (newest first), add, edit, delete. A prospect the caller may not see is
// not found, and so is a note that is not under the prospect named; a note the caller sees but may
// not change (another's, for a rep) is refused with 403.

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { LIMITS } from '../../app/limits.js';
import { addNote, deleteNote, editNote, listNotes } from '../../app/prospects/notes.js';
import { NoteView, noteView } from '../../app/prospects/views.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import { Done } from '../answers.js';

const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const Id = Type.Object({ id: Text() });
const NoteId = Type.Object({ id: Text(), noteId: Text() });
const NoteBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: LIMITS.noteBody, description: 'the text' }) },
  { additionalProperties: false },
);

export function noteRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/prospects/:id/notes',
    {
      schema: {
        tags: ['notes'],
        summary: "The prospect's notes, newest first",
        params: Id,
        response: { 200: Type.Array(NoteView) },
      },
    },
    async (request) => (await listNotes(ctx, actorOf(request), request.params.id)).map(noteView),
  );

  app.post(
    '/api/prospects/:id/notes',
    {
      schema: {
        tags: ['notes'],
        summary: 'Add a note (it changes no decision)',
        params: Id,
        body: NoteBody,
        response: { 201: NoteView },
      },
    },
    async (request, reply) => {
      const added = await addNote(ctx, actorOf(request), request.params.id, request.body.body);
      return reply.status(201).send(noteView(added));
    },
  );

  app.patch(
    '/api/prospects/:id/notes/:noteId',
    {
      schema: {
        tags: ['notes'],
        summary: "Change a note's text (its author, or a manager or admin)",
        params: NoteId,
        body: NoteBody,
        response: { 200: NoteView },
      },
    },
    async (request) => {
      const { id, noteId } = request.params;
      return noteView(await editNote(ctx, actorOf(request), id, noteId, request.body.body));
    },
  );

  app.delete(
    '/api/prospects/:id/notes/:noteId',
    {
      schema: {
        tags: ['notes'],
        summary: 'Delete a note (its author, or a manager or admin)',
        params: NoteId,
        response: { 204: Done },
      },
    },
    async (request, reply) => {
      await deleteNote(ctx, actorOf(request), request.params.id, request.params.noteId);
      return reply.status(204).send(null);
    },
  );
}
