// Search indexes of the prospects' names and their contacts' names and emails: a search for text
// that few prospects hold (or none) found them by reading every prospect and its contacts, 230-310
// ms at 100,000 prospects on SQLite and 92 ms on PostgreSQL (ten times that at a million). See
// prospects.repository.ts `list`.
//
// SQLite:
// - `search_docs`: one row per prospect, its `body` the prospect's name and its contacts' names and
//   emails, each after a \x01 (a control character, which no search text may hold, so a text found
//   in a body is found in one of them). Its `docid` is an INTEGER PRIMARY KEY: `VACUUM` may renumber
//   an ordinary table's rowids, but never these, and the full-text index refers to rows by them.
// - `search_fts`: FTS5 with the trigram tokenizer over `search_docs` (external content: the text
//   is kept once), folding case. A phrase of three characters or more matches a body that holds it.
// - Triggers keep both in step with every write to prospects and contacts, whoever writes.
//
// PostgreSQL: trigram indexes (pg_trgm, GIN) on the lowered names and emails that the search's
// LIKE reads. pg_trgm ships with PostgreSQL (Debian: in postgresql-NN) and is trusted since
// PostgreSQL 13, so a database's owner may create it. Where it cannot be had (not installed, or
// not allowed), the migration goes on without the indexes, says so, and searches read as before.
// `down` drops the indexes and leaves the extension, which others may use.

import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The body of the prospect whose id is the SQL expression `id`. */
function body(id: string): string {
  return `coalesce((select x.name from prospects x where x.id = ${id}), '') ||
    coalesce((select group_concat(char(1) || c.name || char(1) || coalesce(c.email, ''), '')
              from contacts c where c.prospect_id = ${id}), '')`;
}

/**
 * Sets the body of the prospect whose id is the SQL expression `id` from what it holds now (and
 * only when the SQL condition `when` holds).
 */
function refresh(id: string, when = 'true'): string {
  return `update search_docs set body = ${body(id)} where prospect_id = ${id} and ${when};`;
}

/** The triggers: name, and what they run. */
const TRIGGERS: readonly (readonly [string, string])[] = [
  // The index follows the bodies (the external-content pattern of SQLite's FTS5 documentation).
  [
    'search_docs_insert',
    `after insert on search_docs begin
       insert into search_fts (rowid, body) values (new.docid, new.body);
     end`,
  ],
  [
    'search_docs_delete',
    `after delete on search_docs begin
       insert into search_fts (search_fts, rowid, body) values ('delete', old.docid, old.body);
     end`,
  ],
  [
    'search_docs_update',
    `after update of body on search_docs begin
       insert into search_fts (search_fts, rowid, body) values ('delete', old.docid, old.body);
       insert into search_fts (rowid, body) values (new.docid, new.body);
     end`,
  ],
  // The bodies follow the prospects and contacts.
  [
    'prospects_search_insert',
    `after insert on prospects begin
       insert into search_docs (prospect_id, org_id, body) values (new.id, new.org_id, ${body('new.id')});
     end`,
  ],
  [
    'prospects_search_update',
    `after update of name, org_id on prospects begin
       update search_docs set org_id = new.org_id where prospect_id = new.id;
       ${refresh('new.id')}
     end`,
  ],
  [
    'prospects_search_delete',
    `after delete on prospects begin
       delete from search_docs where prospect_id = old.id;
     end`,
  ],
  ['contacts_search_insert', `after insert on contacts begin ${refresh('new.prospect_id')} end`],
  [
    'contacts_search_update',
    `after update of name, email, prospect_id on contacts begin
       ${refresh('new.prospect_id')}
       ${refresh('old.prospect_id', 'old.prospect_id <> new.prospect_id')}
     end`,
  ],
  ['contacts_search_delete', `after delete on contacts begin ${refresh('old.prospect_id')} end`],
];

/** The trigram indexes on PostgreSQL: name, table, lowered column. */
const TRIGRAM_INDEXES = [
  ['prospects_name_trgm', 'prospects', 'name'],
  ['contacts_name_trgm', 'contacts', 'name'],
  ['contacts_email_trgm', 'contacts', 'email'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // One block, undone as a whole when any of it fails (a savepoint of its own).
    const indexes = TRIGRAM_INDEXES.map(
      ([name, table, column]) =>
        `create index ${name} on ${table} using gin (lower(${column}) gin_trgm_ops);`,
    );
    await sql
      .raw(
        `do $$
         begin
           create extension if not exists pg_trgm;
           ${indexes.join('\n')}
         exception when others then
           raise warning 'Pursuit: no trigram indexes (%); searches will read every prospect', sqlerrm;
         end $$`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create table search_docs (
         docid integer primary key,
         prospect_id text not null unique,
         org_id text not null,
         body text not null
       )`,
    )
    .execute(db);
  await sql
    .raw(
      `create virtual table search_fts using fts5(
         body, content = 'search_docs', content_rowid = 'docid', tokenize = 'trigram'
       )`,
    )
    .execute(db);
  for (const [name, what] of TRIGGERS) await sql.raw(`create trigger ${name} ${what}`).execute(db);
  // Every prospect there is now (100,000 in about a second on the bench's database).
  await sql
    .raw(
      `insert into search_docs (prospect_id, org_id, body) select p.id, p.org_id, ${body('p.id')} from prospects p`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const [name] of TRIGRAM_INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
    return;
  }
  for (const [name] of TRIGGERS) await sql.raw(`drop trigger ${name}`).execute(db);
  await sql.raw('drop table search_fts').execute(db);
  await sql.raw('drop table search_docs').execute(db);
}
