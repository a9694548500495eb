// Prospects and their contacts: rows in, records out.

import { sql } from 'kysely';
import type { Expression, Kysely, RawBuilder, Selectable } from 'kysely';
import type { ContactsTable, Database, ProspectsTable } from '../schema.js';
import type { Contact, Prospect } from '../../core/records.js';
import { chunks, insertRows, speaksPostgres, updateRows } from './rows.js';
import type { IdRange, TypedColumns } from './rows.js';

type Q = Kysely<Database>;

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const bool = (value: number | null): boolean | null => (value === null ? null : Number(value) === 1);

export function toProspect(r: Selectable<ProspectsTable>): Prospect {
  return {
    id: r.id,
    orgId: r.org_id,
    ownerId: r.owner_id,
    name: r.name,
    relationship: r.relationship,
    source: r.source,
    createdAt: Number(r.created_at),
    dealValue: r.deal_value,
    icpFit: r.icp_fit,
    serious: bool(r.serious),
    goalsClear: bool(r.goals_clear),
    priceOnly: bool(r.price_only),
    productId: r.product_id,
    productFit: r.product_fit,
    doNotContact: Number(r.do_not_contact) === 1,
    snoozedUntil: r.snoozed_until === null ? null : Number(r.snoozed_until),
    updatedAt: Number(r.updated_at),
  };
}

function prospectRow(p: Prospect): ProspectsTable {
  return {
    id: p.id,
    org_id: p.orgId,
    owner_id: p.ownerId,
    name: p.name,
    relationship: p.relationship,
    source: p.source,
    created_at: p.createdAt,
    deal_value: p.dealValue,
    icp_fit: p.icpFit,
    serious: flag(p.serious),
    goals_clear: flag(p.goalsClear),
    price_only: flag(p.priceOnly),
    product_id: p.productId,
    product_fit: p.productFit,
    do_not_contact: p.doNotContact ? 1 : 0,
    snoozed_until: p.snoozedUntil,
    updated_at: p.updatedAt,
  };
}

export function toContact(r: Selectable<ContactsTable>): Contact {
  return {
    id: r.id,
    orgId: r.org_id,
    prospectId: r.prospect_id,
    position: Number(r.position),
    name: r.name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    timezone: r.timezone,
    doNotContact: Number(r.do_not_contact) === 1,
    createdAt: Number(r.created_at),
    emailBouncedAt: r.email_bounced_at === null ? null : Number(r.email_bounced_at),
  };
}

function contactRow(c: Contact): ContactsTable {
  return {
    id: c.id,
    org_id: c.orgId,
    prospect_id: c.prospectId,
    position: c.position,
    name: c.name,
    role: c.role,
    email: c.email,
    phone: c.phone,
    timezone: c.timezone,
    do_not_contact: c.doNotContact ? 1 : 0,
    created_at: c.createdAt,
    email_bounced_at: c.emailBouncedAt,
  };
}

export interface ProspectFilter {
  orgId: string;
  ownerIds?: string[];
  /**
   * Prospects whose name, or one of whose contacts' name or email, contains this text, in any case;
   * `%` and `_` are themselves, not wildcards.
   */
  matching?: string;
  /**
   * Whether a search may go through a search index (migration 0018); false reads the prospects as
   * before it, for comparison (bench:store, tests). The answer is the same.
   */
  indexed?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * A search's candidates found through a search index (migration 0018): at most this many are
 * looked up and checked one by one. A text that more prospects hold is searched for by reading the
 * prospects in name order instead, which finds a page of them soon, as they are common.
 */
export const SEARCH_CANDIDATES = 2000;

/** One of the trigram indexes migration 0018 makes on PostgreSQL when pg_trgm can be had. */
const TRIGRAM_INDEX = 'prospects_name_trgm';

/** A condition that a column holds the search's text, in any case (see `list`). */
type Holds = (column: string) => RawBuilder<boolean>;

/**
 * The ids of the organisation's prospects whose name or contacts may hold the text, found through
 * a search index: those that do, or more (SQLite's index folds case beyond ASCII), which the caller
 * checks. Undefined when no index can say, or when it would not be the faster way: for a text that
 * the index finds no trigram in (SQLite: under three characters; PostgreSQL's pg_trgm: no three
 * ASCII letters or digits in a row), or when SEARCH_CANDIDATES or more prospects hold it.
 */
async function searchIndexed(q: Q, orgId: string, text: string, holds: Holds): Promise<string[] | undefined> {
  let rows: { id: string }[];
  if (speaksPostgres(q)) {
    // Letters beyond ASCII are not letters to pg_trgm in a database of the C locale.
    if (!/[a-z0-9]{3}/i.test(text)) return undefined;
    const [index] = (
      await sql<{ found: boolean }>`select to_regclass(${TRIGRAM_INDEX}) is not null as found`.execute(q)
    ).rows;
    if (index?.found !== true) return undefined;
    // UNION ALL, not UNION: rows come as they are found, and the limit stops the reading.
    rows = await q
      .selectFrom('prospects')
      .select('id')
      .where('org_id', '=', orgId)
      .where(holds('prospects.name'))
      .unionAll(
        q
          .selectFrom('contacts')
          .select('prospect_id as id')
          .where('org_id', '=', orgId)
          .where((eb) => eb.or([holds('contacts.name'), holds('contacts.email')])),
      )
      .limit(SEARCH_CANDIDATES)
      .execute();
  } else {
    if ([...text].length < 3) return undefined;
    // A phrase: the whole text, its double quotes doubled, matched as one run of characters.
    const phrase = `"${text.replace(/"/g, '""')}"`;
    rows = (
      await sql<{ id: string }>`
        select d.prospect_id as id from search_fts f join search_docs d on d.docid = f.rowid
        where search_fts match ${phrase} and d.org_id = ${orgId}
        limit ${SEARCH_CANDIDATES}`.execute(q)
    ).rows;
  }
  return rows.length < SEARCH_CANDIDATES ? [...new Set(rows.map((r) => r.id))] : undefined;
}

/**
 * The prospects' columns with their PostgreSQL types (migration 0001), the key first: for a bulk
 * update (updateMany) and the columns a day's lookup packs (decisions.repository's PROSPECT_PACKED).
 */
export const PROSPECT_COLUMNS = [
  ['id', 'text'],
  ['org_id', 'text'],
  ['owner_id', 'text'],
  ['name', 'text'],
  ['relationship', 'text'],
  ['source', 'text'],
  ['created_at', 'bigint'],
  ['deal_value', 'double precision'],
  ['icp_fit', 'text'],
  ['serious', 'integer'],
  ['goals_clear', 'integer'],
  ['price_only', 'integer'],
  ['product_id', 'text'],
  ['product_fit', 'text'],
  ['do_not_contact', 'integer'],
  ['snoozed_until', 'bigint'],
  ['updated_at', 'bigint'],
] as const satisfies TypedColumns & readonly (readonly [keyof ProspectsTable, string])[];
// Every column is written: a column added to the table and not here fails to compile.
const _allWritten: [Exclude<keyof ProspectsTable, (typeof PROSPECT_COLUMNS)[number][0]>] extends [never]
  ? true
  : never = true;
// What an update writes: every column but the organisation (prospects.update's).
const PROSPECT_UPDATED = PROSPECT_COLUMNS.filter(([name]) => name !== 'org_id');

/**
 * The contacts' columns with their PostgreSQL types (migrations 0001 and 0008), the key first: for
 * a bulk update (contacts.updateMany, which leaves the organisation and the prospect as stored) and
 * the columns a day's lookup packs (decisions.repository's CONTACT_PACKED).
 */
export const CONTACT_COLUMNS = [
  ['id', 'text'],
  ['org_id', 'text'],
  ['prospect_id', 'text'],
  ['position', 'integer'],
  ['name', 'text'],
  ['role', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['timezone', 'text'],
  ['do_not_contact', 'integer'],
  ['created_at', 'bigint'],
  ['email_bounced_at', 'bigint'],
] as const satisfies TypedColumns & readonly (readonly [keyof ContactsTable, string])[];
const _allContactColumns: [Exclude<keyof ContactsTable, (typeof CONTACT_COLUMNS)[number][0]>] extends [never]
  ? true
  : never = true;
// What an update writes: every column but the organisation and the prospect (contacts.update's).
const CONTACT_UPDATED = CONTACT_COLUMNS.filter(([name]) => name !== 'org_id' && name !== 'prospect_id');

export const prospects = {
  /** One owner's prospects snoozed past a time, with the time each wakes (by the index on snoozes). */
  async snoozedAfter(q: Q, orgId: string, ownerId: string, after: number): Promise<Map<string, number>> {
    const rows = await q
      .selectFrom('prospects')
      .select(['id', 'snoozed_until'])
      .where('org_id', '=', orgId)
      .where('owner_id', '=', ownerId)
      .where('snoozed_until', '>', after)
      .execute();
    return new Map(rows.map((r) => [r.id, Number(r.snoozed_until)]));
  },
  async insert(q: Q, p: Prospect): Promise<void> {
    await q.insertInto('prospects').values(prospectRow(p)).execute();
  },
  /** Inserts many prospects, many rows per statement. */
  async insertMany(q: Q, list: Prospect[]): Promise<void> {
    for (const part of chunks(list, 1000)) {
      const rows = part.map(prospectRow);
      const columns = Object.keys(rows[0] as ProspectsTable) as (keyof ProspectsTable)[];
      await insertRows(
        q,
        'prospects',
        columns,
        rows.map((r) => columns.map((c) => r[c])),
      );
    }
  },
  async update(q: Q, p: Prospect): Promise<void> {
    const { id: _id, org_id: _org, ...changes } = prospectRow(p);
    await q.updateTable('prospects').set(changes).where('id', '=', p.id).execute();
  },
  /** Updates many prospects (an import's), 1,000 a statement on PostgreSQL (rows.ts updateRows). */
  async updateMany(q: Q, list: readonly Prospect[]): Promise<void> {
    await updateRows(q, 'prospects', PROSPECT_UPDATED, list.map(prospectRow));
  },
  async findById(q: Q, id: string): Promise<Prospect | undefined> {
    const r = await q.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toProspect(r);
  },
  async findByIds(q: Q, ids: string[]): Promise<Prospect[]> {
    const out: Prospect[] = [];
    for (const part of chunks(ids)) {
      const rows = await q.selectFrom('prospects').selectAll().where('id', 'in', part).execute();
      for (const r of rows) out.push(toProspect(r));
    }
    return out;
  },
  /** The organisation's prospects with exactly these names. */
  async findByNames(q: Q, orgId: string, names: string[]): Promise<Prospect[]> {
    const out: Prospect[] = [];
    for (const part of chunks([...new Set(names)])) {
      const rows = await q
        .selectFrom('prospects')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('name', 'in', part)
        .execute();
      out.push(...rows.map(toProspect));
    }
    return out;
  },
  /** A page of the organisation's prospects (optionally some owners'), in id order after `afterId`. */
  async pageAfter(
    q: Q,
    page: { orgId: string; ownerIds?: string[]; afterId: string; limit: number },
  ): Promise<Prospect[]> {
    let query = q
      .selectFrom('prospects')
      .selectAll()
      .where('org_id', '=', page.orgId)
      .where('id', '>', page.afterId);
    if (page.ownerIds !== undefined)
      query = query.where('owner_id', 'in', page.ownerIds.length > 0 ? page.ownerIds : ['']);
    const rows = await query.orderBy('id').limit(page.limit).execute();
    return rows.map(toProspect);
  },
  async list(q: Q, f: ProspectFilter): Promise<Prospect[]> {
    let query = q.selectFrom('prospects').selectAll().where('org_id', '=', f.orgId);
    if (f.ownerIds !== undefined)
      query = query.where('owner_id', 'in', f.ownerIds.length > 0 ? f.ownerIds : ['']);
    // Where a search index found the candidates, they are looked up by id and sorted, rather than
    // read from the index by name (`+name` keeps SQLite from taking that index for the order).
    let byName: Expression<string> | 'name' = 'name';
    if (f.matching !== undefined) {
      // The text's own %, _ and \ are escaped; the same on SQLite and PostgreSQL (ESCAPE given).
      const pattern = `%${f.matching.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like: Holds = (column) =>
        sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
      const found = f.indexed === false ? undefined : await searchIndexed(q, f.orgId, f.matching, like);
      if (found?.length === 0) return [];
      if (found !== undefined) {
        if (speaksPostgres(q)) query = query.where(sql<boolean>`prospects.id = any(${found}::text[])`);
        else {
          query = query.where(
            sql<boolean>`prospects.id in (select value from json_each(${JSON.stringify(found)}))`,
          );
          byName = sql<string>`+prospects.name`;
        }
      }
      // EXISTS, not a join: a prospect with several matching contacts is listed once.
      query = query.where((eb) =>
        eb.or([
          like('prospects.name'),
          eb.exists(
            eb
              .selectFrom('contacts')
              .select(sql.lit(1).as('one'))
              .whereRef('contacts.prospect_id', '=', 'prospects.id')
              .where((c) => c.or([like('contacts.name'), like('contacts.email')])),
          ),
        ]),
      );
    }
    query = query.orderBy(byName).orderBy('id');
    if (f.limit !== undefined) query = query.limit(f.limit).offset(f.offset ?? 0);
    return (await query.execute()).map(toProspect);
  },
  /** Names and ids only, for resolving what a user typed. */
  async names(q: Q, orgId: string, ownerIds?: string[]): Promise<{ id: string; name: string }[]> {
    let query = q.selectFrom('prospects').select(['id', 'name']).where('org_id', '=', orgId);
    if (ownerIds !== undefined) query = query.where('owner_id', 'in', ownerIds.length > 0 ? ownerIds : ['']);
    return query.execute();
  },
  async idsAfter(q: Q, orgId: string, afterId: string, limit: number): Promise<string[]> {
    const rows = await q
      .selectFrom('prospects')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
};

export const contacts = {
  async insert(q: Q, c: Contact): Promise<void> {
    await q.insertInto('contacts').values(contactRow(c)).execute();
  },
  /** Inserts many contacts, many rows per statement. */
  async insertMany(q: Q, list: Contact[]): Promise<void> {
    for (const part of chunks(list, 1000)) {
      const rows = part.map(contactRow);
      const columns = Object.keys(rows[0] as ContactsTable) as (keyof ContactsTable)[];
      await insertRows(
        q,
        'contacts',
        columns,
        rows.map((r) => columns.map((c) => r[c])),
      );
    }
  },
  async findByIds(q: Q, ids: string[]): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const part of chunks([...new Set(ids)])) {
      const rows = await q.selectFrom('contacts').selectAll().where('id', 'in', part).execute();
      out.push(...rows.map(toContact));
    }
    return out;
  },
  /** The organisation's contacts with these (lower-case) email addresses. */
  async findByEmails(q: Q, orgId: string, emails: string[]): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const part of chunks([...new Set(emails)])) {
      const rows = await q
        .selectFrom('contacts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('email', 'in', part)
        .execute();
      out.push(...rows.map(toContact));
    }
    return out;
  },
  /** Which of these prospects have at least one contact. */
  async prospectIdsWithContacts(q: Q, prospectIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks([...new Set(prospectIds)])) {
      const rows = await q
        .selectFrom('contacts')
        .select('prospect_id')
        .distinct()
        .where('prospect_id', 'in', part)
        .execute();
      for (const r of rows) out.add(r.prospect_id);
    }
    return out;
  },
  async update(q: Q, c: Contact): Promise<void> {
    const { id: _id, org_id: _org, prospect_id: _p, ...changes } = contactRow(c);
    await q.updateTable('contacts').set(changes).where('id', '=', c.id).execute();
  },
  /** Updates many contacts (an import's), as prospects.updateMany, each left where `update` leaves it. */
  async updateMany(q: Q, list: readonly Contact[]): Promise<void> {
    await updateRows(q, 'contacts', CONTACT_UPDATED, list.map(contactRow));
  },
  async listByProspect(q: Q, prospectId: string): Promise<Contact[]> {
    const rows = await q
      .selectFrom('contacts')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('position')
      .execute();
    return rows.map(toContact);
  },
  async listByProspects(q: Q, prospectIds: string[]): Promise<Contact[]> {
    if (prospectIds.length === 0) return [];
    const rows = await q
      .selectFrom('contacts')
      .selectAll()
      .where('prospect_id', 'in', prospectIds)
      .orderBy('prospect_id')
      .orderBy('position')
      .execute();
    return rows.map(toContact);
  },
  /** The contacts of a page of prospects, read as one index range. */
  async listInRange(q: Q, range: IdRange): Promise<Contact[]> {
    const rows = await q
      .selectFrom('contacts')
      .selectAll()
      .where('prospect_id', '>', range.after)
      .where('prospect_id', '<=', range.last)
      .orderBy('prospect_id')
      .orderBy('position')
      .execute();
    return rows.map(toContact);
  },
};
