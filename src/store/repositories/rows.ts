// Bulk writes and reads shared by the repositories: multi-row INSERTs written as SQL text (on
// PostgreSQL, where the columns' types are given, one array per column through `unnest`), and lists
// cut into pieces that stay inside both drivers' parameter limits.

import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Q = Kysely<Database>;

/** Rows per multi-row INSERT, and values per IN list: well inside both drivers' parameter limits. */
const CHUNK = 500;

export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The prospects whose ids sort after `after`, up to and including `last`: a page of one
 * organisation's prospects in id order, whose contacts, events and decisions are read as index
 * ranges. The range is read whole, without naming the organisation (the planner would then walk
 * the organisation's index instead): the caller keeps the rows of its own page's prospects.
 */
export interface IdRange {
  after: string;
  last: string;
}

/** Whether `q` speaks PostgreSQL rather than SQLite (asked of its adapter, nothing compiled). */
export function speaksPostgres(q: Q): boolean {
  return q.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * What a bulk insert does with a row whose key is taken: fail, skip it, or replace the other
 * columns (with `unlessSame`, only where one of those columns differs: a row that would be
 * written as it stands is left alone, its indexes untouched; with `keeping`, those columns are not
 * written, and a row stored with other values in them is left as it stands (the caller read them
 * before; a write since is newer): SQLite rewrites the entries of every index that holds a column
 * an update sets, even to the value it had).
 */
export type OnConflict =
  | 'fail'
  | 'skip'
  | {
      replaceOn: string;
      unlessSame?: readonly string[];
      keeping?: readonly string[];
    };

function conflictClause(table: string, columns: readonly string[], onConflict: OnConflict): string {
  if (onConflict === 'fail') return '';
  if (onConflict === 'skip') return ' on conflict do nothing';
  const key = onConflict.replaceOn;
  const kept = onConflict.keeping ?? [];
  const set = columns.filter((c) => c !== key && !kept.includes(c)).map((c) => `${c} = excluded.${c}`);
  const same = onConflict.unlessSame ?? [];
  const guards = [
    ...(same.length === 0
      ? []
      : [`(${same.map((c) => `${table}.${c} is distinct from excluded.${c}`).join(' or ')})`]),
    ...kept.map((c) => `${table}.${c} is not distinct from excluded.${c}`),
  ];
  const where = guards.length === 0 ? '' : ` where ${guards.join(' and ')}`;
  return ` on conflict (${key}) do update set ${set.join(', ')}${where}`;
}

/**
 * A multi-row INSERT of plain values, written as SQL text rather than built node by node: bulk
 * imports and re-deciding everyone send millions of rows through here. Table and column names are
 * the caller's constants. Returns how many rows were written (fewer than given when skipped).
 */
export async function insertRows(
  q: Q,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  onConflict: OnConflict = 'fail',
): Promise<number> {
  if (rows.length === 0) return 0;
  const dollar = speaksPostgres(q);
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const value of row) {
      params.push(value);
      marks.push(dollar ? `$${params.length}` : '?');
    }
    tuples.push(`(${marks.join(',')})`);
  }
  const text = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(',')}${conflictClause(table, columns, onConflict)}`;
  const result = await q.executeQuery(CompiledQuery.raw(text, params));
  return Number(result.numAffectedRows ?? 0);
}

/** A bulk write's columns with their PostgreSQL types (`text`, `bigint`, `double precision`...). */
export type TypedColumns = readonly (readonly [name: string, pgType: string])[];

// ES2024's String.prototype.toWellFormed: Node 20 has it, TypeScript's ES2023 library does not.
const toWellFormed = (String.prototype as unknown as { toWellFormed(this: string): string }).toWellFormed;

/**
 * One text column's values as the JSON text of an array (JSON.stringify is native, and several
 * times faster than the driver's quoting of a text[] element by element). A lone UTF-16 surrogate,
 * which PostgreSQL refuses in JSON, becomes U+FFFD, as the driver's UTF-8 encoding made it before.
 */
function textArrayJson(values: unknown[]): string {
  return JSON.stringify(values.map((v) => (typeof v === 'string' ? toWellFormed.call(v) : v)));
}

/**
 * PostgreSQL: rows as one array parameter per column, and the SQL that unpacks each (text columns go
 * as JSON arrays, unpacked in order: JSON.stringify is native, the driver's quoting of a text[] is
 * not), for `unnest`: a statement's text, and its plan, is the same whatever the number of rows.
 */
function columnArrays(columns: TypedColumns, rows: unknown[][]): { params: unknown[]; arrays: string[] } {
  const params = columns.map(([, type], i) => {
    const values = rows.map((r) => r[i]);
    return type === 'text' ? textArrayJson(values) : values;
  });
  const arrays = columns.map(([, type], i) =>
    type === 'text'
      ? `array(select e from json_array_elements_text($${i + 1}::json) with ordinality as j(e, k) order by k)`
      : `$${i + 1}::${type}[]`,
  );
  return { params, arrays };
}

/**
 * Like insertRows, for the largest writes (every prospect's decision): on PostgreSQL the rows go as
 * one array per column into a single `unnest` (columnArrays); on SQLite as insertRows (whose
 * statements the connection keeps).
 */
export async function insertColumns(
  q: Q,
  table: string,
  columns: TypedColumns,
  rows: unknown[][],
  onConflict: OnConflict = 'fail',
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map(([name]) => name);
  if (!speaksPostgres(q)) return insertRows(q, table, names, rows, onConflict);
  const { params, arrays } = columnArrays(columns, rows);
  const text =
    `insert into ${table} (${names.join(', ')}) select * from unnest(` +
    `${arrays.join(', ')})${conflictClause(table, names, onConflict)}`;
  const result = await q.executeQuery(CompiledQuery.raw(text, params));
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Updates existing rows, found by the first column (their key), to the other columns' values (an
 * import's prospects and contacts): on PostgreSQL 1,000 rows a statement (`update ... from unnest`;
 * one statement a row ran each statement trigger once a row: an import updating 10,000 prospects
 * of 100,000 took 14 s); on SQLite one row a statement, the same text each time, so the connection
 * prepares it once (as fast). A row whose key is not stored is left out, as an update by key leaves
 * it. Returns how many rows were updated.
 */
export async function updateRows<Row>(
  q: Q,
  table: string,
  columns: readonly (readonly [name: keyof Row & string, pgType: string])[],
  rows: readonly Row[],
): Promise<number> {
  const [key, ...rest] = columns.map(([name]) => name) as [keyof Row & string, ...(keyof Row & string)[]];
  const values = (row: Row): unknown[] => columns.map(([name]) => row[name]);
  let updated = 0;
  if (!speaksPostgres(q)) {
    const text = `update ${table} set ${rest.map((c) => `${c} = ?`).join(', ')} where ${key} = ?`;
    for (const row of rows) {
      const [id, ...others] = values(row);
      const result = await q.executeQuery(CompiledQuery.raw(text, [...others, id]));
      updated += Number(result.numAffectedRows ?? 0);
    }
    return updated;
  }
  const text = (arrays: string[]): string =>
    `update ${table} set ${rest.map((c) => `${c} = x.${c}`).join(', ')} ` +
    `from unnest(${arrays.join(', ')}) as x(${[key, ...rest].join(', ')}) where ${table}.${key} = x.${key}`;
  for (const part of chunks([...rows], 1000)) {
    const { params, arrays } = columnArrays(columns, part.map(values));
    const result = await q.executeQuery(CompiledQuery.raw(text(arrays), params));
    updated += Number(result.numAffectedRows ?? 0);
  }
  return updated;
}
