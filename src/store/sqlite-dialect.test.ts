// The SQLite connection's kept statements: rows read as arrays become the same objects that
// better-sqlite3 builds itself, for every query Kysely runs (all, and streamed rows).

import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { keepingStatements, WaitingSqliteDialect } from './sqlite-dialect.js';

function fixture() {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec(`create table t (id integer primary key, name text, value real, big integer, data blob, gone text);
    insert into t values (1, 'one', 1.5, 9007199254740991, x'00ff', null), (2, 'two', -0.25, -3, x'', 'x'),
      (3, 'trois', 1e300, 0, null, '')`);
  return {
    sqlite,
    kysely: new Kysely<never>({ dialect: new WaitingSqliteDialect({ database: keepingStatements(sqlite) }) }),
  };
}

const QUERIES = [
  'select * from t order by id',
  'select id as "b", name as "a", value, value as "value" from t order by id desc',
  'select id, id, name as id from t',
  `select json_array(id, name) as packed, length(data) as "length", 'a"b' as "quote's" from t`,
  'select count(*) as n, sum(value) as s from t where id > 100',
  'select id from t where id > 100',
  'select 1 as "1", 2 as "0", 3 as "constructor", 4 as "hasOwnProperty" from t',
];

describe('a SQLite connection keeping its statements', () => {
  it.each(QUERIES)('reads %s as better-sqlite3 does', async (text) => {
    const { sqlite, kysely } = fixture();
    const expected = sqlite.prepare(text).all();
    const { rows } = await sql.raw(text).execute(kysely);
    expect(rows).toEqual(expected);
    // The same keys in the same order (toEqual ignores order), the same prototype.
    expect(rows.map((r) => Object.keys(r as object))).toEqual(expected.map((r) => Object.keys(r as object)));
    expect(rows.map((r) => Object.getPrototypeOf(r))).toEqual(expected.map((r) => Object.getPrototypeOf(r)));
    // Again, from the kept statement.
    expect((await sql.raw(text).execute(kysely)).rows).toEqual(expected);
    await kysely.destroy();
  });

  it('streams the same rows', async () => {
    const { sqlite, kysely } = fixture();
    const db = kysely as unknown as Kysely<{ t: { id: number; name: string } }>;
    const streamed: unknown[] = [];
    for await (const row of db.selectFrom('t').selectAll().orderBy('id').stream()) streamed.push(row);
    expect(streamed).toEqual(sqlite.prepare('select * from "t" order by "id"').all());
    await kysely.destroy();
  });

  it('prepares the same text afresh while its kept statement is still being read', () => {
    const { sqlite } = fixture();
    const database = keepingStatements(sqlite);
    const text = 'select id, name from t order by id';
    const kept = database.prepare(text);
    const reading = kept.iterate([]);
    expect(reading.next().value).toEqual({ id: 1, name: 'one' });
    const other = database.prepare(text);
    expect(other).not.toBe(kept);
    expect(other.all([])).toEqual(sqlite.prepare(text).all());
    expect([...reading]).toEqual([
      { id: 2, name: 'two' },
      { id: 3, name: 'trois' },
    ]);
    // Done reading: the kept one is given again.
    expect(database.prepare(text)).toBe(kept);
    // A read let go halfway frees its statement too.
    const halfway = kept.iterate([]);
    halfway.next();
    halfway.return?.(undefined);
    expect(database.prepare(text)).toBe(kept);
    sqlite.close();
  });

  it('keeps a column named __proto__ as an own key, as better-sqlite3 does', async () => {
    const { sqlite, kysely } = fixture();
    const text = 'select id as "__proto__", name from t order by id';
    const { rows } = await sql.raw(text).execute(kysely);
    expect(rows).toEqual(sqlite.prepare(text).all());
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    await kysely.destroy();
  });

  it('writes as before, and reports what it changed', async () => {
    const { sqlite, kysely } = fixture();
    const result = await sql.raw(`update t set name = 'x' where id > 1`).execute(kysely);
    expect(result.numAffectedRows).toBe(2n);
    expect(sqlite.prepare('select name from t order by id').pluck().all()).toEqual(['one', 'x', 'x']);
    // A write with RETURNING reads rows: they come back as objects too.
    const returned = await sql.raw(`update t set name = 'y' where id = 1 returning id, name`).execute(kysely);
    expect(returned.rows).toEqual([{ id: 1, name: 'y' }]);
    await kysely.destroy();
  });
});
