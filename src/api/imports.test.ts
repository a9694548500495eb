// Imports and exports over HTTP, on a real database: a preview tells the export and suggests a
// mapping; an upload answers at once with a job whose progress and report are read back; bad rows
// are listed with their line and reason while the good ones are kept; a running import stops when
// asked; nobody sees another rep's import; an export streams what the caller may see.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { createDemo } from '../app/demo/demo.js';
import { caller, headersOf } from '../../test/support/api.js';
import type { Caller } from '../../test/support/api.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const COMPANIES = readFileSync(
  new URL('../../examples/import/hubspot-companies.csv', import.meta.url),
  'utf8',
);

interface Job {
  id: string;
  status: string;
  rows: number;
  rejected: number;
  error: string | null;
  report: {
    prospects: { created: number };
    rejected: { line: number; reason: string }[];
    rejectedCount: number;
  } | null;
}

describeDialects('imports and exports over HTTP on %s', (dialect) => {
  let t: TestDb;
  let app: Api;
  const callers: Record<string, Caller> = {};
  const as = (who: string) => headersOf(callers[who] as Caller);

  async function upload(who: string, name: string, body: string, query = '', type = 'text/csv') {
    return app.inject({
      method: 'POST',
      url: `/api/imports?name=${encodeURIComponent(name)}${query}`,
      headers: { ...as(who), 'content-type': type },
      payload: body,
    });
  }

  /** The job once it has ended (it runs in the background). */
  async function ended(who: string, id: string): Promise<Job> {
    for (let i = 0; i < 400; i += 1) {
      const job = (await app.inject({ url: `/api/imports/${id}`, headers: as(who) })).json<Job>();
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the import did not end');
  }

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 40 });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    for (const name of ['dana', 'luis']) callers[name] = await caller(app, `${name}@northwind.test`);
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('previews a HubSpot export, and suggests a mapping for any other CSV', async () => {
    const hubspot = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: as('dana'),
      payload: { name: 'companies.csv', head: COMPANIES, complete: true },
    });
    expect(hubspot.json()).toMatchObject({ format: 'hubspot', kind: 'companies', problem: null });
    expect(hubspot.json<{ sample: string[][] }>().sample[0]?.[1]).toBe('Acme Corp');

    const generic = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: as('dana'),
      payload: {
        name: 'list.csv',
        head: 'Company,Full Name,E-mail\nInitech,Bill L,bill@initech.test\nHal',
        complete: false,
      },
    });
    const body = generic.json<{ problem: string; suggested: object; sample: string[][] }>();
    expect(body.problem).toMatch(/cannot tell which export this is from its columns: choose the format/);
    expect(body.suggested).toEqual({ prospect: 'Company', contact: 'Full Name', email: 'E-mail' });
    // The cut last row is left out.
    expect(body.sample).toHaveLength(1);
  });

  it('imports an upload in the background and reports what it made', async () => {
    const r = await upload('dana', 'companies.csv', COMPANIES);
    expect(r.statusCode, r.body).toBe(202);
    expect(r.headers.location).toBe(`/api/imports/${r.json<Job>().id}`);
    const job = await ended('dana', r.json<Job>().id);
    expect(job.status, job.error ?? '').toBe('done');
    expect(job.report?.prospects.created).toBeGreaterThan(0);
    const list = await app.inject({ url: '/api/prospects?search=Globex', headers: as('dana') });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('keeps the good rows of a mapped CSV and lists the bad ones with line and reason', async () => {
    const csv = 'Company,Name,Mail\nInitech,Bill Lumbergh,bill@initech.test\nHooli,Gavin B,not-an-email\n';
    const r = await upload(
      'dana',
      'list.csv',
      csv,
      `&mapping=${encodeURIComponent('prospect=Company,contact=Name,email=Mail')}`,
    );
    expect(r.statusCode, r.body).toBe(202);
    const job = await ended('dana', r.json<Job>().id);
    expect(job).toMatchObject({ status: 'done', rows: 2, rejected: 1 });
    expect(job.report?.rejected[0]).toMatchObject({ line: 3 });
    expect(job.report?.rejected[0]?.reason).toMatch(/email/);
  });

  it('refuses bad options and a body that is no file, naming what was wrong', async () => {
    const format = await upload('dana', 'x.csv', COMPANIES, '&format=xml');
    expect(format.statusCode).toBe(400);
    expect(format.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'format' });
    const unknown = await upload('dana', 'x.csv', 'Foo,Bar\n1,2\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toMatch(/cannot tell which export/);
    const json = await app.inject({
      method: 'POST',
      url: '/api/imports?name=x.csv',
      headers: as('dana'),
      payload: { not: 'a file' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ path: 'body' });
  });

  it('stops a running import when asked, keeping (and deciding) what it had read', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Bulk ${i},Person ${i},p${i}@bulk.test`);
    const r = await upload(
      'dana',
      'bulk.csv',
      `Company,Name,Mail\n${rows.join('\n')}\n`,
      `&mapping=${encodeURIComponent('prospect=Company,contact=Name,email=Mail')}`,
    );
    const id = r.json<Job>().id;
    const stop = await app.inject({ method: 'DELETE', url: `/api/imports/${id}`, headers: as('dana') });
    expect(stop.statusCode, stop.body).toBe(200);
    const job = await ended('dana', id);
    expect(job.status).toBe('cancelled');
    expect(job.rows).toBeLessThan(3000);
    expect(job.error).toMatch(/stopped on request/);
    const again = await app.inject({ method: 'DELETE', url: `/api/imports/${id}`, headers: as('dana') });
    expect(again.statusCode).toBe(409);
  });

  it("hides a rep's import from another rep", async () => {
    const mine = (await app.inject({ url: '/api/imports', headers: as('dana') })).json<{ items: Job[] }>();
    expect(mine.items.length).toBeGreaterThan(0);
    const id = mine.items[0]?.id as string;
    expect((await app.inject({ url: `/api/imports/${id}`, headers: as('luis') })).statusCode).toBe(404);
    const theirs = (await app.inject({ url: '/api/imports', headers: as('luis') })).json<{ items: Job[] }>();
    expect(theirs.items).toEqual([]);
  });

  it('exports what the caller may see, as JSON Lines and CSV', async () => {
    const jsonl = await app.inject({ url: '/api/export?format=jsonl', headers: as('luis') });
    expect(jsonl.statusCode).toBe(200);
    expect(jsonl.headers['content-disposition']).toContain('pursuit-export.jsonl');
    const lines = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { owner: string });
    const visible = await app.inject({ url: '/api/prospects?limit=500', headers: as('luis') });
    expect(lines).toHaveLength(visible.json<{ items: unknown[] }>().items.length);
    const csv = await app.inject({ url: '/api/export', headers: as('luis') });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('prospect-id');
    const bad = await app.inject({ url: '/api/export?format=xlsx', headers: as('luis') });
    expect(bad.statusCode).toBe(400);
  });
});
