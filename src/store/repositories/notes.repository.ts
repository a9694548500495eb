// Notes on prospects: rows in, records out. Who may write or change one is decided in app/.

import type { Kysely, Selectable } from 'kysely';
import type { Database, NotesTable } from '../schema.js';
import type { Note } from '../../core/records.js';

type Q = Kysely<Database>;

function toNote(r: Selectable<NotesTable>): Note {
  return {
    id: r.id,
    orgId: r.org_id,
    prospectId: r.prospect_id,
    authorId: r.author_id,
    body: r.body,
    seq: Number(r.seq),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function row(n: Note): NotesTable {
  return {
    id: n.id,
    org_id: n.orgId,
    prospect_id: n.prospectId,
    author_id: n.authorId,
    body: n.body,
    seq: n.seq,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
  };
}

export const notes = {
  async insert(q: Q, n: Note): Promise<void> {
    await q.insertInto('notes').values(row(n)).execute();
  },
  /** The next place in the prospect's order of notes. */
  async nextSeq(q: Q, prospectId: string): Promise<number> {
    const r = await q
      .selectFrom('notes')
      .select((eb) => eb.fn.max('seq').as('last'))
      .where('prospect_id', '=', prospectId)
      .executeTakeFirst();
    return Number(r?.last ?? 0) + 1;
  },
  /** A prospect's notes, the last written first. */
  async listByProspect(q: Q, prospectId: string): Promise<Note[]> {
    const rows = await q
      .selectFrom('notes')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('seq', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toNote);
  },
  async findById(q: Q, id: string): Promise<Note | undefined> {
    const r = await q.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toNote(r);
  },
  async update(q: Q, n: Note): Promise<void> {
    await q
      .updateTable('notes')
      .set({ body: n.body, updated_at: n.updatedAt })
      .where('id', '=', n.id)
      .execute();
  },
  async delete(q: Q, id: string): Promise<void> {
    await q.deleteFrom('notes').where('id', '=', id).execute();
  },
};
