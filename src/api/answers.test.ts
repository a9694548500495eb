// Every route of the API declares its answers (the OpenAPI document shows them with the error body),
// and answers as it declares: a tour calls every route of the route table on the demo, and each
// JSON answer is checked against its route's schema (buildApp's checkAnswers). A new route without
// a call here fails the tour; one without a declared answer cannot even be registered.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { call, caller, headersOf } from '../../test/support/api.js';
import type { Caller, Method } from '../../test/support/api.js';
import { createDemo } from '../app/demo/demo.js';
import { runSimulation } from '../app/model/simulate.js';
import { saveSimulation } from '../app/model/simulations.js';
import { actorFor } from '../app/accounts/workspace.js';
import { queueEmail } from '../app/mail/outbox.js';
import { mailRounds } from '../app/mail/worker.js';
import nodemailer from 'nodemailer';
import type { AppContext } from '../app/context.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';
import type { ApiRoute } from './answers.js';
import { mailAvailable, startMailServers } from '../../test/support/mail-servers.js';
import type { MailServers } from '../../test/support/mail-servers.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const CSV = 'Company,Full Name,E-mail\nInitech,Bill Lumbergh,bill@initech.test\n';

describe('the answers of the API', () => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let routes: ApiRoute[];
  const answered = new Map<string, number[]>();
  let dana: Caller;
  let avery: Caller;
  let servers: MailServers | undefined;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    ctx = {
      ...appContext(t.db, new TestClock(NOW)),
      secretKey: 'k'.repeat(40),
      publicUrl: 'https://pursuit.test',
    };
    if (mailAvailable) {
      servers = await startMailServers();
      servers.addMailbox('dana@northwind.test', 'mail-password');
    }
    await createDemo(ctx, { prospects: 90 });
    const built = await buildApp(ctx, { checkAnswers: true });
    app = built.app;
    routes = built.routes;
    app.addHook('onResponse', async (request, reply) => {
      const key = `${request.method} ${request.routeOptions.url ?? '?'}`;
      answered.set(key, [...(answered.get(key) ?? []), reply.statusCode]);
    });
    dana = await caller(app, 'dana@northwind.test');
    avery = await caller(app, 'avery@northwind.test');
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
    await servers?.stop();
  });

  it('declares, for every route, its answers and the error body, in the OpenAPI document', async () => {
    const doc = (await app.inject('/docs/json')).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    for (const route of routes.filter((r) => r.url.startsWith('/api/'))) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      for (const method of route.method.split(',')) {
        const responses = doc.paths[path]?.[method.toLowerCase()]?.responses;
        expect(responses, `${method} ${route.url}`).toBeDefined();
        const statuses = Object.keys(responses ?? {});
        expect(
          statuses.some((s) => /^2\d\d$/.test(s)),
          `${method} ${route.url}`,
        ).toBe(true);
        expect(statuses, `${method} ${route.url}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
      }
    }
  });

  /** The email channel's routes, on real mail servers: connect, send, list, cancel, read, correct. */
  async function mailTour(mail: MailServers) {
    const ok = async (method: Method, url: string, payload?: unknown) => {
      const r = await call(app, dana, method, url, payload);
      expect(r.statusCode, `${method} ${url}: ${r.body.slice(0, 300)}`).toBeLessThan(300);
      return r;
    };
    await ok('GET', '/api/mailbox');
    await ok('PUT', '/api/mailbox', {
      ...mail.connection('dana@northwind.test', 'mail-password'),
      provider: 'other',
    });
    await ok('POST', '/api/mailbox/test');
    await ok('GET', '/api/mailboxes');
    mail.addMailbox('wendy@wayne.test', 'mail-password');
    const added = await ok('POST', '/api/prospects', {
      name: 'Wayne Mail',
      contact: { name: 'Wendy Wayne', email: 'wendy@wayne.test' },
    });
    const id = added.json<{ id: string }>().id;
    const sent = await ok('POST', `/api/prospects/${id}/email`, {});
    expect(sent.json<{ status: string }>().status).toBe('sent');
    await ok('GET', '/api/outbox');
    await ok('GET', `/api/prospects/${id}/mail`);
    const other = await ok('POST', '/api/prospects', {
      name: 'Later Mail',
      contact: { name: 'Lara Later', email: 'lara@later.test', timezone: 'Asia/Tokyo' },
    });
    const later = await ok('POST', `/api/prospects/${other.json<{ id: string }>().id}/email`, {
      when: 'window',
    });
    await ok('DELETE', `/api/outbox/${later.json<{ id: string }>().id}`);
    // A reply, read from the mailbox, then corrected.
    await nodemailerReply(mail, 'wendy@wayne.test', sent.json<{ messageId: string }>().messageId);
    await mailRounds(ctx);
    const read = await ok('GET', `/api/prospects/${id}/mail`);
    const reply = read.json<{ replies: { id: string }[] }>().replies[0];
    await ok('PATCH', `/api/prospects/${id}/replies/${reply?.id ?? ''}`, {
      kind: 'not-now',
      until: '2026-06-01',
    });
    // An email whose sending was cut off, settled by the rep.
    const cut = await ok('POST', '/api/prospects', {
      name: 'Cut Mail',
      contact: { name: 'Cy Cut', email: 'cy@cut.test' },
    });
    const cutId = cut.json<{ id: string }>().id;
    const queued = await queueEmail(ctx, await actorFor(ctx, 'dana@northwind.test'), cutId, {
      when: 'window',
    });
    await t.db.kysely
      .updateTable('outbox')
      .set({ status: 'unconfirmed' })
      .where('id', '=', queued.id)
      .execute();
    await ok('POST', `/api/outbox/${queued.id}/settle`, { went: true });
    await ok('DELETE', '/api/mailbox');
  }

  it('answers every route as it declares', async () => {
    const as = (c: Caller, method: Method, url: string, payload?: unknown) =>
      call(app, c, method, url, payload);
    const ok = async (c: Caller, method: Method, url: string, payload?: unknown) => {
      const r = await as(c, method, url, payload);
      expect(r.statusCode, `${method} ${url}: ${r.body.slice(0, 300)}`).toBeLessThan(300);
      return r;
    };
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    await ok(dana, 'GET', '/api/session');
    await ok(dana, 'GET', '/api/users');
    await ok(dana, 'GET', '/api/agenda');
    await ok(dana, 'GET', '/api/pipeline');
    await ok(dana, 'GET', '/api/pipeline/board');
    await ok(dana, 'GET', '/api/pipeline/board?state=followingUp,nurture&offset=1&limit=2');
    await ok(dana, 'GET', '/api/team');
    await ok(dana, 'GET', '/api/model');
    await ok(avery, 'POST', '/api/model/calibrate', { dryRun: true });
    await ok(dana, 'GET', '/api/simulations/latest');
    const report = await runSimulation({
      world: { name: 'default' },
      seeds: 1,
      days: 3,
      reps: 1,
      defaultPlaybookText: ctx.defaultPlaybookText,
    });
    await saveSimulation(ctx, await actorFor(ctx, 'avery@northwind.test'), 'default', report);
    await ok(dana, 'GET', '/api/simulations/latest');
    await ok(dana, 'GET', '/api/playbook');
    const playbook = '{"extends": "default", "name": "tour"}';
    await ok(avery, 'POST', '/api/playbook/preview', { document: playbook });
    await ok(avery, 'PUT', '/api/playbook', { document: playbook });

    const list = await ok(dana, 'GET', '/api/prospects?limit=3');
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(3);
    const added = await ok(dana, 'POST', '/api/prospects', {
      name: 'Tour Co',
      contact: { name: 'Tina Tour', email: 'tina@tour.test', phone: '+1 555 0101' },
    });
    const id = added.json<{ id: string }>().id;
    await ok(dana, 'GET', `/api/prospects/${id}`);
    await ok(dana, 'PATCH', `/api/prospects/${id}`, { dealValue: 12000 });
    const withTwo = await ok(dana, 'POST', `/api/prospects/${id}/contacts`, { name: 'Otto Other' });
    const otto = withTwo
      .json<{ contacts: { id: string; name: string }[] }>()
      .contacts.find((c) => c.name === 'Otto Other');
    await ok(dana, 'PATCH', `/api/prospects/${id}/contacts/${otto?.id ?? ''}`, { role: 'stakeholder' });
    await ok(dana, 'POST', `/api/prospects/${id}/events`, {
      type: 'commitment',
      kind: 'call',
      due: '2026-03-12 10:00',
      description: 'a first call',
    });
    const invite = await as(dana, 'GET', `/api/prospects/${id}/invite.ics`);
    expect(invite.statusCode).toBe(200);
    expect(invite.headers['content-type']).toMatch(/^text\/calendar/);
    await ok(dana, 'POST', '/api/undo');
    await ok(dana, 'POST', `/api/prospects/${id}/snooze`, { until: '2026-03-20' });
    await ok(dana, 'POST', '/api/prospects/bulk', { ids: [id], action: 'snooze', until: '2026-03-21' });
    const note = await ok(dana, 'POST', `/api/prospects/${id}/notes`, { body: 'Tina prefers mornings.' });
    const noteId = note.json<{ id: string }>().id;
    await ok(dana, 'PATCH', `/api/prospects/${id}/notes/${noteId}`, { body: 'Tina prefers early mornings.' });
    await ok(dana, 'GET', `/api/prospects/${id}/notes`);
    await ok(dana, 'DELETE', `/api/prospects/${id}/notes/${noteId}`);

    const token = await ok(avery, 'POST', '/api/tokens', { name: 'tour' });
    await ok(avery, 'GET', '/api/tokens');
    const lead = await app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { authorization: `Bearer ${token.json<{ token: string }>().token}` },
      payload: { company: 'Lead Co', contact: { name: 'Lee Lead', email: 'lee@lead.test' }, owner: 'dana' },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    await ok(avery, 'DELETE', `/api/tokens/${token.json<{ id: string }>().id}`);
    const listed = await ok(avery, 'POST', '/api/suppressions', { email: 'gone@lead.test' });
    await ok(avery, 'GET', '/api/suppressions?all=true');
    const entry = listed.json<{ id: string }[]>()[0]?.id ?? '';
    await ok(avery, 'POST', `/api/suppressions/${entry}/lift`, { reason: 'added on the tour' });
    const notes = await ok(dana, 'GET', '/api/notifications');
    await ok(dana, 'POST', '/api/notifications/read', {
      ids: notes.json<{ id: string }[]>().map((n) => n.id),
    });

    const user = await ok(avery, 'POST', '/api/users', {
      name: 'Tara Tour',
      email: 'tara@northwind.test',
      password: 'a long first password',
    });
    const userId = user.json<{ id: string }>().id;
    await ok(avery, 'PATCH', `/api/users/${userId}`, { hourlyValue: 90 });
    await ok(avery, 'PUT', `/api/users/${userId}/password`, { password: 'another long password' });
    await ok(avery, 'POST', `/api/users/${userId}/sign-out-everywhere`);
    await ok(avery, 'GET', '/api/audit?limit=5');

    await ok(dana, 'POST', '/api/imports/preview', { name: 'list.csv', head: CSV, complete: true });
    const job = await app.inject({
      method: 'POST',
      url: '/api/imports?name=list.csv&mapping=prospect%3DCompany%2Ccontact%3DFull%20Name%2Cemail%3DE-mail',
      headers: { ...headersOf(dana), 'content-type': 'text/csv' },
      payload: CSV,
    });
    expect(job.statusCode, job.body).toBe(202);
    const jobId = job.json<{ id: string }>().id;
    const cancel = await as(dana, 'DELETE', `/api/imports/${jobId}`);
    // Whether it was still running is a race: either answer is declared.
    expect([200, 409]).toContain(cancel.statusCode);
    await ok(dana, 'GET', `/api/imports/${jobId}`);
    await ok(dana, 'GET', '/api/imports');
    const exported = await as(dana, 'GET', '/api/export?format=jsonl');
    expect(exported.statusCode).toBe(200);
    if (servers !== undefined) await mailTour(servers);
    await ok(dana, 'DELETE', '/api/session');

    // Without Dovecot (a machine without the mail servers), the email channel's routes are not toured.
    const toured = (r: ApiRoute) => servers !== undefined || !r.tags.includes('mail');
    const missed = routes
      .filter(toured)
      .flatMap((r) => r.method.split(',').map((m) => `${m} ${r.url}`))
      .filter((key) => !(answered.get(key) ?? []).some((status) => status < 300));
    expect(missed, 'routes the tour never called with success').toEqual([]);
  });
});

async function nodemailerReply(mail: MailServers, from: string, inReplyTo: string): Promise<void> {
  await nodemailer
    .createTransport({
      host: '127.0.0.1',
      port: mail.smtp.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: from, pass: 'mail-password' },
    })
    .sendMail({
      from,
      to: 'dana@northwind.test',
      subject: 'Re: hello',
      text: 'Thanks, let us talk next week.',
      inReplyTo,
      references: inReplyTo,
    });
}
