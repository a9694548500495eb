// Events (touches, responses, commitments, prep notes, deals): rows in, records out.

import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Database, EventsTable } from '../schema.js';
import type { StoredEvent } from '../../core/records.js';
import { chunks, insertRows, speaksPostgres } from './rows.js';
import type { IdRange } from './rows.js';

type Q = Kysely<Database>;

const EVENT_COLUMNS = [
  'id',
  'org_id',
  'prospect_id',
  'type',
  'at',
  'contact_id',
  'data',
  'logged_by',
  'logged_at',
  'log_seq',
  'source_key',
] as const;

function toEvent(r: Selectable<EventsTable>): StoredEvent {
  return {
    id: r.id,
    orgId: r.org_id,
    prospectId: r.prospect_id,
    type: r.type,
    at: Number(r.at),
    contactId: r.contact_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    loggedBy: r.logged_by,
    loggedAt: Number(r.logged_at),
    logSeq: r.log_seq === null ? null : Number(r.log_seq),
    sourceKey: r.source_key,
  };
}

export const events = {
  async insert(q: Q, e: StoredEvent): Promise<void> {
    await q
      .insertInto('events')
      .values({
        id: e.id,
        org_id: e.orgId,
        prospect_id: e.prospectId,
        type: e.type,
        at: e.at,
        contact_id: e.contactId,
        data: JSON.stringify(e.data),
        logged_by: e.loggedBy,
        logged_at: e.loggedAt,
        log_seq: e.logSeq ?? null,
        source_key: e.sourceKey,
      })
      .execute();
  },
  /**
   * Inserts many events, many rows per statement; an event whose source key the organisation
   * already has is skipped. Returns how many were inserted.
   */
  async insertMany(q: Q, list: StoredEvent[]): Promise<number> {
    let inserted = 0;
    for (const part of chunks(list, 1000)) {
      const rows = part.map((e) => [
        e.id,
        e.orgId,
        e.prospectId,
        e.type,
        e.at,
        e.contactId,
        JSON.stringify(e.data),
        e.loggedBy,
        e.loggedAt,
        e.logSeq ?? null,
        e.sourceKey,
      ]);
      inserted += await insertRows(q, 'events', EVENT_COLUMNS, rows, 'skip');
    }
    return inserted;
  },
  /** The organisation's events with these source keys, by source key. */
  async idsBySourceKey(
    q: Q,
    orgId: string,
    keys: string[],
  ): Promise<Map<string, { id: string; prospectId: string; type: string }>> {
    const out = new Map<string, { id: string; prospectId: string; type: string }>();
    for (const part of chunks([...new Set(keys)])) {
      const rows = await q
        .selectFrom('events')
        .select(['id', 'prospect_id', 'type', 'source_key'])
        .where('org_id', '=', orgId)
        .where('source_key', 'in', part)
        .execute();
      for (const r of rows)
        out.set(r.source_key as string, { id: r.id, prospectId: r.prospect_id, type: r.type });
    }
    return out;
  },
  /** Which of these ids are taken by events (of any organisation), with their owners. */
  async ownersOf(
    q: Q,
    ids: string[],
  ): Promise<Map<string, { orgId: string; prospectId: string; type: string }>> {
    const out = new Map<string, { orgId: string; prospectId: string; type: string }>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await q
        .selectFrom('events')
        .select(['id', 'org_id', 'prospect_id', 'type'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { orgId: r.org_id, prospectId: r.prospect_id, type: r.type });
    }
    return out;
  },
  async listByProspect(q: Q, prospectId: string): Promise<StoredEvent[]> {
    const rows = await q
      .selectFrom('events')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('at')
      .orderBy('logged_at')
      .orderBy(arrival(q))
      .execute();
    return rows.map(toEvent);
  },
  /**
   * Each prospect's history in the contract's form, in order, as JSON array text: only what
   * deciding needs, read in bulk and left unparsed (re-deciding everyone reads every event).
   */
  async historiesOf(q: Q, prospectIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    // Pages of 2,000 (the callers' usual page) stay inside both drivers' parameter limits.
    for (const part of chunks(prospectIds, 2000))
      for (const r of await historyRows(q).where('prospect_id', 'in', part).execute())
        out.set(r.prospect_id, r.history);
    return out;
  },
  /** The histories (as historiesOf) of a page of prospects, read as one index range. */
  async historiesInRange(q: Q, range: IdRange): Promise<Map<string, string>> {
    return histories(
      await historyRows(q)
        .where('prospect_id', '>', range.after)
        .where('prospect_id', '<=', range.last)
        .execute(),
    );
  },
  async listByProspects(q: Q, prospectIds: string[]): Promise<StoredEvent[]> {
    if (prospectIds.length === 0) return [];
    const rows = await q
      .selectFrom('events')
      .selectAll()
      .where('prospect_id', 'in', prospectIds)
      .orderBy('prospect_id')
      .orderBy('at')
      .orderBy('logged_at')
      .orderBy(arrival(q))
      .execute();
    return rows.map(toEvent);
  },
  /** The last event the user logged by hand (imports have no log order). */
  async lastLoggedBy(q: Q, orgId: string, userId: string): Promise<StoredEvent | undefined> {
    const r = await q
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('logged_by', '=', userId)
      .where('log_seq', 'is not', null)
      .orderBy('log_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r === undefined ? undefined : toEvent(r);
  },
  /** The events the user logged at one place in the logging order (one action, or one bulk action). */
  async loggedTogether(q: Q, orgId: string, userId: string, logSeq: number): Promise<StoredEvent[]> {
    const rows = await q
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('logged_by', '=', userId)
      .where('log_seq', '=', logSeq)
      .execute();
    // Put in order here: ordered by the statement, SQLite would walk the user's every logged and
    // imported event in the order of events_logged rather than look up the few of this place in the
    // order (events_user_log_order, migration 0015).
    return rows.map(toEvent).sort((a, b) => a.loggedAt - b.loggedAt);
  },
  /** The next number in the organisation's logging order (read from its partial index, migration 0015). */
  async nextLogSeq(q: Q, orgId: string): Promise<number> {
    const r = await q
      .selectFrom('events')
      .select((eb) => eb.fn.max('log_seq').as('last'))
      .where('org_id', '=', orgId)
      .where('log_seq', 'is not', null)
      .executeTakeFirst();
    return Number(r?.last ?? 0) + 1;
  },
  async findById(q: Q, id: string): Promise<StoredEvent | undefined> {
    const r = await q.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toEvent(r);
  },
  async delete(q: Q, id: string): Promise<void> {
    await q.deleteFrom('events').where('id', '=', id).execute();
  },
  /** What an event says, changed after the fact (a sent email that bounced, a reply read again). */
  async replaceData(q: Q, id: string, data: Record<string, unknown>): Promise<void> {
    await q
      .updateTable('events')
      .set({ data: JSON.stringify(data) })
      .where('id', '=', id)
      .execute();
  },
};

/**
 * The order events were written in, where time and logging time tie: the rowid on SQLite; on
 * PostgreSQL the row's place in the table, by which its index `events_prospect_at` orders ties.
 */
function arrival(q: Q) {
  return sql.raw(speaksPostgres(q) ? 'ctid' : 'rowid');
}

/**
 * Each prospect's events' data joined by the database into its history's JSON array text, one row
 * per prospect rather than one per event: in order of time, then of logging, then as written. On
 * SQLite it is read from the index `events_history` alone.
 */
function historyRows(q: Q) {
  const join = sql.raw(speaksPostgres(q) ? 'string_agg' : 'group_concat');
  const joined = sql<string>`${join}(data, ',' order by at, logged_at, ${arrival(q)})`;
  return q
    .selectFrom('events')
    .select(['prospect_id', sql<string>`'[' || ${joined} || ']'`.as('history')])
    .groupBy('prospect_id');
}

function histories(rows: { prospect_id: string; history: string }[]): Map<string, string> {
  return new Map(rows.map((r) => [r.prospect_id, r.history]));
}
