// Fuzzing the HTTP API (issue 13, item 2): 10,200 malformed requests, spread evenly over every route
// of the route table (BuiltApp.routes), signed in as a real user of a SQLite test organisation so
// they get past sign-in: bodies with a field of the wrong type, missing or unknown fields, huge
// numbers and strings, deep nesting, invalid UTF-8, bodies that are not JSON or are empty, bodies of
// other content types, 10 MB bodies; query strings with bad values and bad encodings; bad path
// parameters and headers. Seeded, so a failure repeats. Every answer must be under 500, and every
// refusal the catalogue's {code, message, path} naming what was wrong; a body over the stated limit
// is refused with 413 before it is read.

import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import type { Api } from '../../src/api/build-app.js';
import type { ApiRoute } from '../../src/api/answers.js';
import { BODY_LIMIT } from '../../src/api/errors.js';
import { createDemo } from '../../src/app/demo/demo.js';
import { caller, headersOf } from '../support/api.js';
import type { Caller } from '../support/api.js';
import { TestClock, appContext, freshDatabase } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';
import { answerProblem, example, fieldsOf, nastyValue } from '../support/fuzz.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const PER_ROUTE = 200;
const SEED = 20261303;
const HUGE = 10 * 1024 * 1024;

type Json = Record<string, unknown>;

interface Attempt {
  kind: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer | 'huge';
}

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/jsonx',
  'APPLICATION/JSON',
  'text/csv',
  'application/x-ndjson',
  'image/png',
  ';;;',
];

const QUERY_VALUES = ['', '-1', '0', '1e309', 'abc', 'true', '%zz', '%00', '%ff%fe', 'x'.repeat(5000), '[]'];

const CHUNK = Buffer.alloc(64 * 1024, 0x20);

/** A 10 MB body made as it is read: refused early, only its first chunks are ever made. */
function hugeBody(counter = { read: 0 }): Readable {
  return new Readable({
    read() {
      counter.read += CHUNK.length;
      this.push(counter.read > HUGE ? null : CHUNK);
    },
  });
}

describe('fuzzing every API route', () => {
  let t: TestDb;
  let app: Api;
  let routes: ApiRoute[];
  let doc: { paths: Record<string, Record<string, Json>> };
  let admin: Caller;
  let other: Caller;
  let prospectId: string;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    const ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 12 });
    const built = await buildApp(ctx, { checkAnswers: true });
    app = built.app;
    routes = built.routes;
    await app.ready();
    doc = app.swagger() as unknown as typeof doc;
    admin = await caller(app, 'avery@northwind.test');
    other = await caller(app, 'tom@northwind.test');
    const list = await app.inject({ url: '/api/prospects?limit=1', headers: headersOf(admin) });
    prospectId = list.json<{ items: { id: string }[] }>().items[0]?.id as string;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  /** The OpenAPI entry of a route: its body schema and its query parameters' names. */
  function entryOf(route: ApiRoute, method: string) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const op = (doc.paths[path]?.[method.toLowerCase()] ?? {}) as Json;
    const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
    const schema = body?.['application/json']?.schema as Json | undefined;
    const params = ((op.parameters ?? []) as Json[])
      .filter((p) => p.in === 'query')
      .map((p) => String(p.name));
    return { schema, params };
  }

  function attempts(route: ApiRoute, method: string, who: Caller): fc.Arbitrary<Attempt> {
    const { schema, params } = entryOf(route, method);
    const base = example(schema) as Json;
    const fields = [...new Set([...fieldsOf(schema), 'zzz', '__proto__', 'constructor'])];
    const pathValue = fc.oneof(
      { weight: 3, arbitrary: fc.constant(prospectId) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('x'.repeat(300), '%00', '..%2F..%2Fetc', '%zz', '%F0%9F%92%A9', '0'),
      },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent) },
    );
    const url = pathValue.map((v) => route.url.replace(/:\w+/g, v));
    const json = { 'content-type': 'application/json' };
    const mutated = fc
      .tuple(fc.constantFrom(...fields), nastyValue, fc.boolean())
      .map(([field, value, drop]): Json => {
        const out: Json = { ...(typeof base === 'object' && base !== null ? base : {}) };
        if (drop) delete out[field];
        else out[field] = value;
        return out;
      });
    const body = fc.oneof(
      {
        weight: 6,
        arbitrary: mutated.map((b) => ({ kind: 'field', payload: JSON.stringify(b), headers: json })),
      },
      {
        weight: 2,
        arbitrary: nastyValue.map((v) => ({
          kind: 'value',
          payload: JSON.stringify(v) ?? '',
          headers: json,
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('', '{', '{"a":', 'nul', '[1,]', "{'a':1}", '{"__proto__":{"x":1}}')
          .map((p) => ({ kind: 'not JSON', payload: p, headers: json })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            Buffer.from([
              0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d,
            ]),
            Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80]),
          )
          .map((p) => ({ kind: 'invalid UTF-8', payload: p, headers: json })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 1000, max: 20_000 }), fc.boolean()).map(([d, o]) => ({
          kind: 'deep',
          payload: o ? `${'{"a":'.repeat(d)}1${'}'.repeat(d)}` : `${'['.repeat(d)}1${']'.repeat(d)}`,
          headers: json,
        })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...CONTENT_TYPES).map((type) => ({
          kind: `type ${type}`,
          payload: JSON.stringify(base),
          headers: { 'content-type': type },
        })),
      },
      {
        weight: 1,
        arbitrary: fc.constant({
          kind: 'huge',
          payload: 'huge' as const,
          headers: { ...json, 'content-length': String(HUGE) },
        }),
      },
    );
    const query = fc
      .array(fc.tuple(fc.constantFrom(...params, 'zzz', 'limit'), fc.constantFrom(...QUERY_VALUES)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((pairs) => ({ kind: 'query', suffix: `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` }));
    const header = fc
      .tuple(
        fc.constantFrom(
          'idempotency-key',
          'x-csrf-token',
          'authorization',
          'accept',
          'content-length',
          'cookie',
        ),
        fc.constantFrom('', 'x'.repeat(8000), 'Bearer pst_nope', 'Bearer ', '\u00ff', '-1', '99999999999'),
      )
      .map(([name, value]) => ({ kind: `header ${name}`, name, value }));
    const writes = method !== 'GET' && method !== 'DELETE';
    return fc
      .tuple(
        url,
        fc.oneof(
          { weight: writes ? 6 : 0, arbitrary: body },
          { weight: 3, arbitrary: query },
          { weight: 2, arbitrary: header },
        ),
      )
      .map(([u, what]): Attempt => {
        const headers = headersOf(who);
        if ('suffix' in what) return { kind: what.kind, url: u + what.suffix, headers };
        if ('name' in what) {
          const h: Record<string, string> = { ...headers, [what.name]: what.value };
          return {
            kind: what.kind,
            url: u,
            headers: h,
            ...(writes ? { payload: JSON.stringify(base) } : {}),
            ...(writes ? { headers: { ...h, 'content-type': 'application/json' } } : {}),
          };
        }
        return { kind: what.kind, url: u, headers: { ...headers, ...what.headers }, payload: what.payload };
      });
  }

  it(`answers ${PER_ROUTE} malformed requests to each route with a named refusal, never a 5xx`, async () => {
    const failures = new Map<string, string>();
    let sent = 0;
    for (const [index, route] of routes.entries()) {
      for (const method of route.method.split(',')) {
        // Signing out is tried as someone else, so the rest still gets past sign-in.
        const signingOut = method === 'DELETE' && route.url === '/api/session';
        const sample = fc.sample(fc.noBias(attempts(route, method, signingOut ? other : admin)), {
          seed: SEED + index,
          numRuns: PER_ROUTE,
        });
        for (const a of sample) {
          const payload = a.payload === 'huge' ? hugeBody() : a.payload;
          const r = await app.inject({
            method: method as 'GET',
            url: a.url,
            headers: a.headers,
            ...(payload === undefined ? {} : { payload }),
          });
          sent += 1;
          let problem = answerProblem(r.statusCode, r.headers['content-type'] as string, r.body);
          const limited = !(method === 'POST' && route.url === '/api/imports');
          // Refused early: as too large, or before that for a malformed address.
          const early = r.statusCode === 413 || (r.statusCode < 500 && r.body.includes('"path":"url"'));
          if (problem === undefined && a.payload === 'huge' && limited && !early) {
            problem = `took a ${HUGE}-byte body: ${r.statusCode}`;
          }
          if (problem !== undefined) {
            const key = `${method} ${route.url}: ${problem.slice(0, 160)}`;
            if (!failures.has(key))
              failures.set(key, `(${a.kind}) ${a.url.slice(0, 100)} -> ${r.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect([...failures].map(([k, v]) => `${k}\n    ${v}`)).toEqual([]);
  }, 600_000);

  it(`refuses a body over ${BODY_LIMIT} bytes before reading it`, async () => {
    const counter = { read: 0 };
    const r = await app.inject({
      method: 'POST',
      url: `/api/prospects/${prospectId}/events`,
      headers: { ...headersOf(admin), 'content-type': 'application/json', 'content-length': String(HUGE) },
      payload: hugeBody(counter),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body' });
    expect(counter.read).toBeLessThan(BODY_LIMIT);
  });
});
