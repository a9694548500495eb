// Bulk writes and reads shared by the repositories: multi-row INSERTs written as SQL text, and lists
// cut into pieces that stay inside both drivers' parameter limits.

import { CompiledQuery } from 'kysely';
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

/** What a bulk insert does with a row whose key is taken: fail, skip it, or replace the other columns. */
export type OnConflict = 'fail' | 'skip' | { replaceOn: string };

function conflictClause(columns: readonly string[], onConflict: OnConflict): string {
  if (onConflict === 'fail') return '';
  if (onConflict === 'skip') return ' on conflict do nothing';
  const key = onConflict.replaceOn;
  const set = columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
  return ` on conflict (${key}) do update set ${set.join(', ')}`;
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
  const dollar = q.selectFrom('events').select('id').where('id', '=', '').compile().sql.includes('$1');
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
  const text = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(',')}${conflictClause(columns, onConflict)}`;
  const result = await q.executeQuery(CompiledQuery.raw(text, params));
  return Number(result.numAffectedRows ?? 0);
}
