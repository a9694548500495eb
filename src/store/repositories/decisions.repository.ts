// Every prospect's current decision, and the agenda's reads of them: rows in, records out.

import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, RawBuilder, Selectable } from 'kysely';
import type { Dialect } from '../database.js';
import type { ContactsTable, Database, DecisionsTable, ProspectsTable } from '../schema.js';
import type { Contact, Prospect, StoredDecision } from '../../core/records.js';
import { ACTIONS } from '../../core/decision.js';
import { formatInstant } from '../../core/scenario/time.js';
import { createHash } from 'node:crypto';
import { chunks, insertColumns, speaksPostgres } from './rows.js';
import type { IdRange } from './rows.js';
import { CONTACT_COLUMNS, PROSPECT_COLUMNS, toContact, toProspect } from './prospects.repository.js';

type Q = Kysely<Database>;

/** A stored row as a decision record. */
export function toDecision(r: Selectable<DecisionsTable>): StoredDecision {
  return {
    prospectId: r.prospect_id,
    orgId: r.org_id,
    ownerId: r.owner_id,
    action: r.action,
    contactId: r.contact_id,
    channel: r.channel,
    due: r.due === null ? null : Number(r.due),
    rule: r.rule,
    reason: r.reason,
    activeList: Number(r.active_list) === 1,
    urgency: Number(r.urgency),
    valuePerMinute: Number(r.value_per_minute),
    decision: decisionOfRow(r),
    decidedAt: Number(r.decided_at),
    recheckAt: r.recheck_at === null ? null : Number(r.recheck_at),
    playbookVersion: r.playbook_version,
    modelVersion: r.model_version,
  };
}

// A decision's row holds most of its fields as columns (for the indexes, the filters and the
// views); its `decision` text holds the rest: the drafted message, the model's numbers and the
// diagnosis. Written whole, the text repeated about 330 of a decision's 1,000 bytes, and every
// path that moves or compares rows (a re-decision's write, its summaries, an agenda's read) pays
// for each byte. The fields kept in columns, in the order the engine writes them (rules/build.ts):
// a decision is rebuilt in that order, so that it reads back as the same JSON.
const IN_COLUMNS_ALWAYS = [
  'prospectId',
  'action',
  'rule',
  'reason',
  'activeList',
  'playbookVersion',
  'modelVersion',
] as const;
const IN_COLUMNS_WHEN_SET = ['contactId', 'channel', 'due'] as const;
const IN_COLUMNS: ReadonlySet<string> = new Set([...IN_COLUMNS_ALWAYS, ...IN_COLUMNS_WHEN_SET]);

/**
 * The `decision` text of a decision's row: the fields its columns do not hold, when the decision
 * has the engine's order and its columns' values (then decisionOfRow rebuilds it exactly), else
 * the whole decision (a field the columns would not give back as it was: none the engine makes).
 */
export function decisionText(d: StoredDecision): string {
  const o = d.decision;
  const keys = Object.keys(o);
  let i = 0;
  for (const key of IN_COLUMNS_ALWAYS) if (keys[i++] !== key) return JSON.stringify(o);
  for (const key of IN_COLUMNS_WHEN_SET) if (keys[i] === key) i += 1;
  const exact =
    o.prospectId === d.prospectId &&
    o.action === d.action &&
    o.rule === d.rule &&
    o.reason === d.reason &&
    o.activeList === d.activeList &&
    o.playbookVersion === d.playbookVersion &&
    o.modelVersion === d.modelVersion &&
    (o.contactId ?? null) === d.contactId &&
    (o.channel ?? null) === d.channel &&
    (o.due === undefined ? d.due === null : d.due !== null && o.due === formatInstant(d.due));
  if (!exact) return JSON.stringify(o);
  const rest: Record<string, unknown> = {};
  for (; i < keys.length; i += 1) {
    const key = keys[i] as string;
    if (IN_COLUMNS.has(key)) return JSON.stringify(o);
    rest[key] = o[key];
  }
  return JSON.stringify(rest);
}

/** The columns a decision is rebuilt from, with its text. */
type DecisionColumns = Pick<
  Selectable<DecisionsTable>,
  | 'prospect_id'
  | 'action'
  | 'rule'
  | 'reason'
  | 'active_list'
  | 'playbook_version'
  | 'model_version'
  | 'contact_id'
  | 'channel'
  | 'due'
  | 'decision'
>;

/** A row's decision, as the engine made it (see decisionText); a text holding it whole, as it is. */
export function decisionOfRow(r: DecisionColumns): Record<string, unknown> {
  const rest = JSON.parse(r.decision) as Record<string, unknown>;
  if (rest.prospectId !== undefined) return rest;
  const d: Record<string, unknown> = {
    prospectId: r.prospect_id,
    action: r.action,
    rule: r.rule,
    reason: r.reason,
    activeList: Number(r.active_list) === 1,
    playbookVersion: r.playbook_version,
    modelVersion: r.model_version,
  };
  if (r.contact_id !== null) d.contactId = r.contact_id;
  if (r.channel !== null) d.channel = r.channel;
  if (r.due !== null) d.due = formatInstant(Number(r.due));
  for (const key in rest) d[key] = rest[key];
  return d;
}

/** The table's columns, with their PostgreSQL types for a bulk write. */
const DECISION_COLUMNS = [
  ['prospect_id', 'text'],
  ['org_id', 'text'],
  ['owner_id', 'text'],
  ['action', 'text'],
  ['contact_id', 'text'],
  ['channel', 'text'],
  ['due', 'bigint'],
  ['rule', 'text'],
  ['reason', 'text'],
  ['active_list', 'integer'],
  ['urgency', 'integer'],
  ['value_per_minute', 'double precision'],
  ['decision', 'text'],
  ['decided_at', 'bigint'],
  ['recheck_at', 'bigint'],
  ['playbook_version', 'text'],
  ['model_version', 'text'],
] as const satisfies readonly (readonly [keyof DecisionsTable, string])[];

/** The columns of what was decided (all of the table's). */
const DECIDED = DECISION_COLUMNS.map(([c]) => c);

/**
 * The columns the table's secondary indexes hold (migration 0013) besides the key and the
 * organisation's (which a decision never changes).
 */
const INDEXED_BESIDES_ORG = [
  'owner_id',
  'action',
  'due',
  'recheck_at',
] as const satisfies readonly (keyof DecisionsTable)[];
const INDEXED = ['org_id', ...INDEXED_BESIDES_ORG] as const;

/**
 * The columns, besides the decision's text and reason, that hold what was decided and for whom:
 * short values, compared as they are. A decision stands as stored when these, its text and its
 * reason are as they were (see standsAsStored).
 */
const DECIDED_SHORT = [
  'owner_id',
  'action',
  'rule',
  'contact_id',
  'channel',
  'due',
  'active_list',
  'playbook_version',
  'model_version',
] as const satisfies readonly (keyof DecisionsTable)[];

/** A decision record as the table's row (what no column holds of its decision as JSON: decisionText). */
export function decisionRow(d: StoredDecision): DecisionsTable {
  return {
    prospect_id: d.prospectId,
    org_id: d.orgId,
    owner_id: d.ownerId,
    action: d.action,
    contact_id: d.contactId,
    channel: d.channel,
    due: d.due,
    rule: d.rule,
    reason: d.reason,
    active_list: d.activeList ? 1 : 0,
    urgency: d.urgency,
    value_per_minute: d.valuePerMinute,
    decision: decisionText(d),
    decided_at: d.decidedAt,
    recheck_at: d.recheckAt,
    playbook_version: d.playbookVersion,
    model_version: d.modelVersion,
  };
}

export interface AgendaQuery {
  orgId: string;
  ownerId: string;
  dueBefore: number;
}

/** One action of a rep's day with only what orders, counts and times it (decisions.dayIndex). */
export interface DaySlotRow {
  prospectId: string;
  action: string;
  channel: string | null;
  due: number | null;
  urgency: number;
  valuePerMinute: number;
  /** The model's minutes for the touch, when the decision has a model. */
  modelMinutes: number | null;
}

/** One action of a rep's day with what it is about, as the agenda reads it (decisions.dayOf). */
export interface DayRow {
  prospect: Prospect;
  /** The contact the decision names, when it names one that exists. */
  contact: Contact | undefined;
  decision: Record<string, unknown>;
  due: number | null;
  urgency: number;
  valuePerMinute: number;
}

// The columns of a prospect and of its contact that `dayOf` sends as one JSON array each: a row of
// 33 columns costs the drivers more than one of 7 (each column of each row is a property made).
// The deal value, a REAL, goes too: SQLite's JSON (3.53, as better-sqlite3 builds it) writes a
// double with the 17 digits that give it back exactly, as PostgreSQL's does (decisions-day.test).
const PROSPECT_PACKED = PROSPECT_COLUMNS.map(([name]) => name);
const CONTACT_PACKED = CONTACT_COLUMNS.map(([name]) => name);
// Every column is read: a column added to either table and not here fails to compile. Its
// migration must also forget every day's card (`delete from day_cards`): a card holds the records
// as they were when it was kept (migrations 0019 and 0021).
type Unread =
  | Exclude<keyof ProspectsTable, (typeof PROSPECT_PACKED)[number]>
  | Exclude<keyof ContactsTable, (typeof CONTACT_PACKED)[number]>;
const _allRead: [Unread] extends [never] ? true : never = true;

/**
 * One JSON array of a table's columns, as text: SQLite's json_array, PostgreSQL's json_build_array,
 * where the row's version as read (its `xmin`, as text) follows the columns: a card made from the
 * row is kept only while the row is that version (keepCards, migration 0020).
 */
function packed(dialect: Dialect, table: 'p' | 'c', columns: readonly string[]): RawBuilder<string> {
  const values = sql.join(columns.map((c) => sql.ref(`${table}.${c}`)));
  return dialect === 'postgres'
    ? sql<string>`json_build_array(${values}, ${sql.ref(`${table}.xmin`)}::text)::text`
    : sql<string>`json_array(${values})`;
}

/**
 * A row of a table from the values `packed` sent, in its columns' order. A plain loop, and the row
 * completed in place rather than copied: it runs for every item of a day (900 for a full one).
 */
function unpacked<K extends string>(columns: readonly K[], values: unknown[]): Record<K, unknown> {
  const row = {} as Record<K, unknown>;
  for (let i = 0; i < columns.length; i += 1) row[columns[i] as K] = values[i];
  return row;
}

/**
 * The actions an agenda lists once they are due: all but waits, stops and calls to prepare (listed
 * from when their window opens). Named rather than excluded, so that each is one range of the
 * index by organisation, owner, action and due.
 */
const LISTED_BY_DUE = ACTIONS.filter((a) => a !== 'wait' && a !== 'stop' && a !== 'prepare');

/**
 * A day's actions with their prospect and contact: the card kept for the decision (migrations
 * 0019-0021: its own table, read where it holds the contact the decision names), or, where none is
 * kept, the prospect and the contact looked up, each sent as one JSON array (see `packed`). A
 * subquery in a CASE's branch runs only for the rows that take the branch, on both databases. The
 * card is found by its key, row by row: on PostgreSQL by a lateral join whose LIMIT keeps the
 * planner from making it a plain join (which it planned as a hash of every card kept, read whole),
 * on SQLite by a plain one (its joins are loops over an index).
 */
function dayColumns(q: Q, dialect: Dialect) {
  const cards = (eb: ExpressionBuilder<Database & { d: DecisionsTable }, 'd'>) =>
    eb
      .selectFrom('day_cards as k')
      .select(['k.prospect_id', 'k.contact_id', 'k.card'])
      .$if(dialect === 'postgres', (k) =>
        k
          .whereRef('k.prospect_id', '=', 'd.prospect_id')
          .whereRef('k.contact_id', 'is not distinct from', 'd.contact_id')
          .limit(1),
      )
      .as('k');
  const from = q.selectFrom('decisions as d');
  const joined =
    dialect === 'postgres'
      ? from.leftJoinLateral(cards, (join) => join.onTrue())
      : from.leftJoin(cards, (join) =>
          join
            .onRef('k.prospect_id', '=', 'd.prospect_id')
            .onRef('k.contact_id', 'is not distinct from', 'd.contact_id'),
        );
  return joined.select((eb) => {
    // A packed row (JSON text, null when none), looked up only where no card is kept.
    const uncarded = (lookup: Expression<unknown>) =>
      eb.case().when('k.card', 'is', null).then(lookup).end().$castTo<string | null>();
    return [
      'd.prospect_id',
      'd.action',
      'd.rule',
      'd.reason',
      'd.active_list',
      'd.playbook_version',
      'd.model_version',
      'd.contact_id',
      'd.channel',
      'd.due',
      'd.urgency',
      'd.value_per_minute',
      'd.decision',
      'k.card',
      uncarded(
        eb
          .selectFrom('prospects as p')
          .select(packed(dialect, 'p', PROSPECT_PACKED).as('packed'))
          .whereRef('p.id', '=', 'd.prospect_id'),
      ).as('p'),
      uncarded(
        eb
          .selectFrom('contacts as c')
          .select(packed(dialect, 'c', CONTACT_PACKED).as('packed'))
          .whereRef('c.id', '=', 'd.contact_id'),
      ).as('c'),
    ] as const;
  });
}

type DayColumnsRow = Awaited<ReturnType<ReturnType<typeof dayColumns>['execute']>>[number];

/** A card a day's read looked up, to keep with its decision (keepCards). */
export interface CardToKeep {
  prospectId: string;
  contactId: string | null;
  card: string;
  /**
   * PostgreSQL: the versions (`xmin`) of the prospect's and the contact's rows the card was made
   * from; null for a contact the decision does not name, or that was gone (a card is then kept only
   * where the decision names none).
   */
  versions?: [string, string | null];
}

/** The version a packed row ends with on PostgreSQL (see packed); null on SQLite, or for no row. */
function versionOf(row: unknown[] | null, columns: readonly string[]): string | null {
  return (row?.[columns.length] as string | undefined) ?? null;
}

/**
 * A day's rows as records, and the cards that had to be looked up (prospects gone left out). A card
 * is the JSON of the prospect's and the contact's records (`[prospect, contact or null]`), so that
 * reading one makes the records themselves, with nothing between: a whole day parses 900.
 */
function dayRows(rows: DayColumnsRow[]): { rows: DayRow[]; keep: CardToKeep[] } {
  const out: DayRow[] = [];
  const keep: CardToKeep[] = [];
  for (const r of rows) {
    let prospect: Prospect;
    let contact: Contact | null;
    if (r.card !== null) [prospect, contact] = JSON.parse(r.card) as [Prospect, Contact | null];
    else {
      // A decision's prospect outlives it (its row goes with the prospect's).
      if (r.p === null) continue;
      const p = JSON.parse(r.p) as unknown[];
      const c = r.c === null ? null : (JSON.parse(r.c) as unknown[]);
      prospect = toProspect(unpacked(PROSPECT_PACKED, p) as Selectable<ProspectsTable>);
      // A contact the decision names and that is gone comes back as null, as one never named.
      contact = c === null ? null : toContact(unpacked(CONTACT_PACKED, c) as Selectable<ContactsTable>);
      const card = {
        prospectId: r.prospect_id,
        contactId: r.contact_id,
        card: JSON.stringify([prospect, contact]),
      };
      const prospectVersion = versionOf(p, PROSPECT_PACKED);
      keep.push(
        prospectVersion === null
          ? card
          : { ...card, versions: [prospectVersion, versionOf(c, CONTACT_PACKED)] },
      );
    }
    out.push({
      prospect,
      contact: contact ?? undefined,
      decision: decisionOfRow(r),
      due: r.due === null ? null : Number(r.due),
      urgency: Number(r.urgency),
      valuePerMinute: Number(r.value_per_minute),
    });
  }
  return { rows: out, keep };
}

/** Reads a day's rows as records, keeping with their decisions the cards it had to look up. */
async function dayOfRows(q: Q, dialect: Dialect, rows: DayColumnsRow[]): Promise<DayRow[]> {
  const read = dayRows(rows);
  if (read.keep.length > 0) await decisions.keepCards(q, dialect, read.keep);
  return read.rows;
}

export const decisions = {
  async upsert(q: Q, d: StoredDecision): Promise<void> {
    await decisions.upsertMany(q, [d]);
  },
  /** Inserts or replaces decisions, many rows per statement. */
  async upsertMany(q: Q, list: StoredDecision[]): Promise<void> {
    await decisions.upsertRows(q, list.map(decisionRow));
  },
  /**
   * Inserts or replaces decisions given as rows (their JSON already written, as a worker does);
   * with `keepSame`, a decision stored exactly so (the same in every column but its decidedAt and
   * its agenda ranks, which follow from the rest) is left as it stands, its decidedAt too. With
   * `indexesAsStored`, the caller knows that each row stored has the columns the indexes hold as
   * given (see indexesAsStored): the rest alone is written, and the indexes are left untouched (on
   * SQLite, that halves the cost of a row re-decided).
   */
  async upsertRows(
    q: Q,
    rows: DecisionsTable[],
    options: { keepSame?: boolean; indexesAsStored?: boolean } = {},
  ): Promise<void> {
    const onConflict = {
      replaceOn: 'prospect_id',
      ...(options.keepSame === true
        ? { unlessSame: ['decision', 'reason', ...DECIDED_SHORT, 'recheck_at'] }
        : {}),
      ...(options.indexesAsStored === true ? { keeping: INDEXED } : {}),
    };
    for (const part of chunks(rows, 1000)) {
      await insertColumns(
        q,
        'decisions',
        DECISION_COLUMNS,
        part.map((r) => DECISION_COLUMNS.map(([c]) => r[c])),
        onConflict,
      );
    }
  },
  async findByProspect(q: Q, prospectId: string): Promise<StoredDecision | undefined> {
    const r = await q
      .selectFrom('decisions')
      .select(DECIDED)
      .where('prospect_id', '=', prospectId)
      .executeTakeFirst();
    return r === undefined ? undefined : toDecision(r);
  },
  /**
   * Prospects whose decision time alone may have changed by `now` (optionally some owners'; the
   * first `limit` found, when given).
   */
  async staleIds(
    q: Q,
    orgId: string,
    now: number,
    ownerIds?: readonly string[],
    limit?: number,
  ): Promise<string[]> {
    // One index range per owner (organisation, owner, recheck time): a decision's owner is its
    // prospect's, a user of the organisation.
    const rows = await q
      .selectFrom('decisions')
      .select('prospect_id')
      .where('org_id', '=', orgId)
      .where(
        'owner_id',
        'in',
        ownerIds !== undefined
          ? [...(ownerIds.length > 0 ? ownerIds : [''])]
          : q.selectFrom('users').select('users.id').where('users.org_id', '=', orgId),
      )
      .where('recheck_at', '<=', now)
      .$if(limit !== undefined, (qb) => qb.limit(limit as number))
      .execute();
    return rows.map((r) => r.prospect_id);
  },
  /** The earliest time after `after` at which one of a rep's decisions is due another look. */
  async nextRecheck(q: Q, orgId: string, ownerId: string, after: number): Promise<number | undefined> {
    const r = await q
      .selectFrom('decisions')
      .select('recheck_at')
      .where('org_id', '=', orgId)
      .where('owner_id', '=', ownerId)
      .where('recheck_at', '>', after)
      .orderBy('recheck_at')
      .limit(1)
      .executeTakeFirst();
    return r?.recheck_at === undefined || r.recheck_at === null ? undefined : Number(r.recheck_at);
  },
  /** One rep's actions due before a time, and calls to prepare (waits and stops excluded). */
  async agenda(q: Q, a: AgendaQuery): Promise<StoredDecision[]> {
    // Two index ranges rather than one OR, which would read every decision of the rep: what is due
    // before the time, and the calls to prepare (due by their call, but on the day from the moment
    // their window opens).
    const rep = q
      .selectFrom('decisions')
      .select(DECIDED)
      .where('org_id', '=', a.orgId)
      .where('owner_id', '=', a.ownerId);
    const [due, prepare] = await Promise.all([
      rep.where('action', 'in', LISTED_BY_DUE).where('due', '<', a.dueBefore).execute(),
      rep.where('action', '=', 'prepare').execute(),
    ]);
    return [...due, ...prepare].map(toDecision);
  },
  /**
   * Keeps the cards a day's read looked up, each for the contact its decision named (a card of
   * another contact is not read: dayColumns). SQLite's writers take turns: nothing else can have
   * changed since the read. On PostgreSQL, a card is kept only while the prospect's and the
   * contact's rows are the versions it was made from, and they stay locked for share until the
   * reader commits: a writer that comes after waits for it, and its trigger then forgets the card
   * (migrations 0020 and 0021). A row another transaction holds is skipped rather than waited for:
   * the holder may be changing it. Each lock is taken once, up front, by the rows' keys (in a join,
   * the lock's scan ran again for every row: 90 ms for 300). The cards go in the order of their
   * prospects, so that two readers keeping some of the same wait for each other, never in a ring.
   * One statement per 300.
   */
  async keepCards(q: Q, dialect: Dialect, cards: readonly CardToKeep[]): Promise<void> {
    const ordered = [...cards].sort((a, b) =>
      a.prospectId < b.prospectId ? -1 : a.prospectId > b.prospectId ? 1 : 0,
    );
    const upsert = sql`on conflict (prospect_id) do update set contact_id = excluded.contact_id, card = excluded.card`;
    for (const part of chunks(ordered, 300)) {
      if (dialect === 'sqlite') {
        const values = sql.join(part.map((k) => sql`(${k.prospectId}, ${k.contactId}, ${k.card})`));
        await sql`insert into day_cards (prospect_id, contact_id, card) values ${values} ${upsert}`.execute(
          q,
        );
        continue;
      }
      const read = part.filter((k) => k.versions !== undefined);
      if (read.length === 0) continue;
      const values = sql.join(
        read.map((k) => {
          const [prospect, contact] = k.versions as [string, string | null];
          return sql`(${k.prospectId}, ${k.contactId}, ${k.card}, ${prospect}, ${contact})`;
        }),
      );
      const prospectIds = sql.join(read.map((k) => k.prospectId));
      const contactIds = read.flatMap((k) => (k.contactId === null ? [] : [k.contactId]));
      await sql`with x (prospect_id, contact_id, card, prospect_version, contact_version) as (values ${values}),
        prospects_as_read as materialized (select p.id from prospects p
          where p.id in (${prospectIds})
            and (p.id, p.xmin::text) in (select x.prospect_id, x.prospect_version from x)
          for share skip locked),
        contacts_as_read as materialized (select c.id from contacts c
          where c.id in (${contactIds.length > 0 ? sql.join(contactIds) : sql`null`})
            and (c.id, c.xmin::text) in (select x.contact_id, x.contact_version from x)
          for share skip locked)
        insert into day_cards (prospect_id, contact_id, card)
        select x.prospect_id, x.contact_id, x.card from x
        where x.prospect_id in (select p.id from prospects_as_read p)
          and (x.contact_id is null or x.contact_id in (select c.id from contacts_as_read c))
        order by x.prospect_id
        ${upsert}`.execute(q);
    }
  },
  /**
   * One rep's actions due before a time, and calls to prepare (waits and stops aside), each with its
   * prospect and contact, in one statement: a whole day. Both index ranges of the decisions, and
   * only the decision's columns the day needs. The prospect and contact come from the card kept
   * with each decision; where there is none, they are looked up by primary key, and the cards so
   * made are kept (a write: the caller's transaction must allow one). The lookups are subqueries
   * rather than joins: PostgreSQL's planner joined a rep's 900 decisions to every prospect of the
   * organisation by hashing (88 ms at 100,000 prospects, against 13 ms for the lookups), and a
   * subquery in the select list is always run as a lookup, row by row, on both databases.
   */
  async day(q: Q, dialect: Dialect, a: AgendaQuery): Promise<DayRow[]> {
    const rep = dayColumns(q, dialect).where('d.org_id', '=', a.orgId).where('d.owner_id', '=', a.ownerId);
    return dayOfRows(
      q,
      dialect,
      await rep
        .where('d.action', 'in', LISTED_BY_DUE)
        .where('d.due', '<', a.dueBefore)
        .unionAll(rep.where('d.action', '=', 'prepare'))
        .execute(),
    );
  },
  /**
   * The same actions as `day`, each with only what orders, counts and times a day: no prospect,
   * contact or decision text (a page of them is read whole with `dayOf`), and no snooze (read with
   * prospects.snoozedAfter). For 900, a third of `day`'s time on SQLite, a fifth on PostgreSQL.
   */
  async dayIndex(q: Q, dialect: Dialect, a: AgendaQuery): Promise<DaySlotRow[]> {
    // The model's minutes for the touch, the one field of the decision's text a day's time needs.
    // PostgreSQL's JSON refuses a lone surrogate escaped (\ud800), which JSON.stringify writes for
    // text that has one, and a regular expression costs 20 ms a day of 900: the text is cut instead.
    // A string's quotes are escaped, so `"model":{` is the model's key; its fields are all numbers,
    // so its first `}` is its end, and its minutes end at a comma or there.
    const model = sql`split_part(split_part(d.decision, '"model":{', 2), '}', 1)`;
    const modelMinutes =
      dialect === 'postgres'
        ? sql<number | null>`nullif(split_part(split_part(${model}, '"minutes":', 2), ',', 1), '')::float8`
        : sql<number | null>`json_extract(d.decision, '$.model.minutes')`;
    const rep = q
      .selectFrom('decisions as d')
      .select([
        'd.prospect_id',
        'd.action',
        'd.channel',
        'd.due',
        'd.urgency',
        'd.value_per_minute',
        modelMinutes.as('model_minutes'),
      ])
      .where('d.org_id', '=', a.orgId)
      .where('d.owner_id', '=', a.ownerId);
    const rows = await rep
      .where('d.action', 'in', LISTED_BY_DUE)
      .where('d.due', '<', a.dueBefore)
      .unionAll(rep.where('d.action', '=', 'prepare'))
      .execute();
    return rows.map((r) => ({
      prospectId: r.prospect_id,
      action: r.action,
      channel: r.channel,
      due: r.due === null ? null : Number(r.due),
      urgency: Number(r.urgency),
      valuePerMinute: Number(r.value_per_minute),
      modelMinutes: r.model_minutes === null ? null : Number(r.model_minutes),
    }));
  },
  /**
   * Some prospects' actions, each with its prospect and contact, in one statement a chunk (those
   * whose prospect is gone are left out); cards looked up are kept, as `day` keeps them.
   */
  async dayOf(q: Q, dialect: Dialect, orgId: string, prospectIds: readonly string[]): Promise<DayRow[]> {
    const out: DayRow[] = [];
    for (const ids of chunks([...prospectIds], 500)) {
      // By the primary key alone: with the organisation in the same WHERE, SQLite would take the
      // index that begins with it and scan the whole organisation's decisions (0.2 ms against 230
      // for 50 of 100,000). The organisation is checked on the rows instead.
      const rows = await dayColumns(q, dialect)
        .select('d.org_id')
        .where('d.prospect_id', 'in', ids)
        .execute();
      out.push(
        ...(await dayOfRows(
          q,
          dialect,
          rows.filter((r) => r.org_id === orgId),
        )),
      );
    }
    return out;
  },

  /** Actions due before `now` (waits and stops aside), counted by owner. */
  async overdueByOwner(
    q: Q,
    orgId: string,
    now: number,
    ownerIds?: readonly string[],
  ): Promise<Map<string, number>> {
    let query = q
      .selectFrom('decisions')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('due', '<', now)
      .where('action', 'not in', ['wait', 'stop'])
      .groupBy('owner_id');
    if (ownerIds !== undefined) query = query.where('owner_id', 'in', ownerIds.length > 0 ? ownerIds : ['']);
    return new Map((await query.execute()).map((r) => [r.owner_id, Number(r.n)]));
  },
  async findByProspects(q: Q, prospectIds: string[]): Promise<StoredDecision[]> {
    const out: StoredDecision[] = [];
    for (const part of chunks(prospectIds)) {
      const rows = await q.selectFrom('decisions').select(DECIDED).where('prospect_id', 'in', part).execute();
      for (const r of rows) out.push(toDecision(r));
    }
    return out;
  },
  /** The organisation's decisions made by one rule. */
  async listByRule(q: Q, orgId: string, rule: string): Promise<StoredDecision[]> {
    const rows = await q
      .selectFrom('decisions')
      .select(DECIDED)
      .where('org_id', '=', orgId)
      .where('rule', '=', rule)
      .execute();
    return rows.map(toDecision);
  },
  async listByOwners(q: Q, orgId: string, ownerIds?: string[]): Promise<StoredDecision[]> {
    let query = q.selectFrom('decisions').select(DECIDED).where('org_id', '=', orgId);
    if (ownerIds !== undefined) query = query.where('owner_id', 'in', ownerIds.length > 0 ? ownerIds : ['']);
    return (await query.execute()).map(toDecision);
  },
  /**
   * The decisions of a page of prospects, read as one index range: what each one decided for whom
   * (see DecisionSummary), and when it is to be looked at again; its text and reason, the long
   * columns, on PostgreSQL as a fingerprint, on SQLite (no network between) as they are. Given the
   * versions of the playbook and model deciding now, the text only of decisions they made: another
   * version's decision never stands as stored (standsAsStored), and with a new playbook, reading
   * every decision's text was most of what this reads (on SQLite, about 60 MB for 100,000).
   */
  async summariesInRange(
    q: Q,
    range: IdRange,
    deciding?: { playbookVersion: string; modelVersion: string },
  ): Promise<Map<string, DecisionSummary>> {
    const postgres = speaksPostgres(q);
    const text = sql<string>`decision || '|' || reason`;
    const compared = postgres ? sql<string>`md5(${text})` : text;
    const kept =
      deciding === undefined
        ? compared
        : sql<string | null>`case when playbook_version = ${deciding.playbookVersion}
            and model_version = ${deciding.modelVersion} then ${compared} end`;
    const rows = await q
      .selectFrom('decisions')
      .select(['prospect_id', ...DECIDED_SHORT, 'recheck_at', kept.as('kept')])
      .where('prospect_id', '>', range.after)
      .where('prospect_id', '<=', range.last)
      .execute();
    // PostgreSQL's driver gives a bigint as text: numbers here, as a fresh row has them.
    return new Map(
      rows.map(({ prospect_id, kept: k, ...r }) => [
        prospect_id,
        {
          ...r,
          due: r.due === null ? null : Number(r.due),
          active_list: Number(r.active_list),
          recheck_at: r.recheck_at === null ? null : Number(r.recheck_at),
          ...(k === null ? {} : postgres ? { print: k } : { text: k }),
        },
      ]),
    );
  },
};

/**
 * A stored decision as a re-decision compares it: its short columns (DECIDED_SHORT) as stored,
 * when it is to be looked at again, and its text and reason joined, as text (SQLite) or as the
 * md5 fingerprint of that text (PostgreSQL): neither for a decision another playbook or model
 * version made, when the versions deciding were given (summariesInRange).
 */
export type DecisionSummary = Pick<DecisionsTable, (typeof DECIDED_SHORT)[number] | 'recheck_at'> & {
  text?: string;
  print?: string;
};

/** Whether a fresh row holds in these columns what the summary says is stored. */
function sameIn(
  before: DecisionSummary,
  r: DecisionsTable,
  columns: readonly ((typeof DECIDED_SHORT)[number] | 'recheck_at')[],
): boolean {
  return columns.every((c) => before[c] === (r[c] ?? null));
}

/**
 * Whether a fresh decision's row may be left unwritten, the stored one standing: the same decision
 * for the same owner, looked at again at the same time, or at a time still ahead that comes no later
 * than the fresh one's (an overdue decision is looked at again an hour after each re-decision: one
 * re-decided a minute later keeps its hour, and is looked at, and re-decided, that much sooner).
 * A row sent is still written only where it differs (upsertRows with keepSame); on PostgreSQL even
 * a conflicting upsert that updates nothing locks, and so writes, its row, and on SQLite each row
 * sent is looked up and compared: rows left standing are better not sent.
 */
export function standsAsStored(before: DecisionSummary, r: DecisionsTable, now: number): boolean {
  if (!sameIn(before, r, DECIDED_SHORT)) return false;
  const kept = `${r.decision}|${r.reason}`;
  const same =
    before.text !== undefined
      ? before.text === kept
      : before.print !== undefined && before.print === createHash('md5').update(kept).digest('hex');
  if (!same) return false;
  const stored = before.recheck_at;
  const fresh = r.recheck_at ?? null;
  if (stored === fresh) return true;
  return stored !== null && fresh !== null && stored > now && stored <= fresh;
}

/**
 * Whether a fresh decision's row holds what the stored one holds in every column an index holds,
 * so that writing it may leave the indexes alone (upsertRows with indexesAsStored).
 */
export function indexesAsStored(before: DecisionSummary, r: DecisionsTable): boolean {
  return sameIn(before, r, INDEXED_BESIDES_ORG);
}
