// The authorization matrix, generated from the route table (buildApp's `routes`, and `pages` outside
// the API): every route x caller (a rep, a rep of the same team, their manager, another team's
// manager, an admin, the rep's API token and a teammate's, a session without its anti-forgery token,
// nobody) x whose object it names (the rep's, a teammate's, another team's, another organisation's,
// an id nobody has) is allowed or denied as ACCESS below declares. A route with no entry fails.
// A denial says no more than a missing object does (the same status, code and message), unless the
// route's contract answers 403; no answer, allowed or denied, carries the name, email or id of a
// prospect the caller may not see (a canary of each owner is planted for that).

import { addSuppression } from '../app/suppressions/suppressions.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { OWNERS, PASSWORD, ROLES } from '../../test/support/access-world.js';
import { MatrixWorld } from '../../test/support/access-objects.js';
import { attemptAll } from '../../test/support/access-matrix.js';
import type { Access, Entry } from '../../test/support/access-matrix.js';
import { buildApp } from './build-app.js';
import type { BuiltApp } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const PLAYBOOK = '{"extends": "default", "name": "matrix"}';
const CSV = (n: number) => `Company,Contact,Email\nUpload ${n} Co,Una ${n},una${n}@upload.test\n`;

const of = (access: Access, more: Omit<Entry, 'access'> = {}): Entry => ({ access, ...more });
const prospectRoute = (path: string, payload?: unknown): Entry =>
  of('visible', {
    request: async (w, owner) => {
      const id = await w.prospect(owner);
      return { url: `/api/prospects/${id}${path}`, payload, ids: [id] };
    },
  });
const userQuery = (url: string, param: string): Entry =>
  of('visible-user', {
    request: async (w, owner) => {
      const id = w.user(owner);
      return { url: `${url}?${param}=${id}`, ids: [id] };
    },
  });

/** Who may call each route, and with what request; keyed "METHOD url" as the route table lists it. */
const ACCESS: Record<string, Entry> = {
  'GET /healthz': of('public'),
  'GET /readyz': of('public'),
  'POST /api/session': of('public', {
    request: async (w) => ({ payload: { email: w.people.fay.email, password: PASSWORD } }),
  }),
  'GET /api/session': of('signed-in'),
  'DELETE /api/session': of('public'),
  'GET /api/tokens': of('signed-in'),
  'POST /api/tokens': of('signed-in', { request: async () => ({ payload: { name: 'matrix' } }) }),
  'DELETE /api/tokens/:id': of('own', {
    request: async (w, owner) => {
      const id = await w.token(owner);
      return { url: `/api/tokens/${id}`, ids: [id] };
    },
  }),
  'GET /api/users': of('signed-in'),
  'POST /api/users': of('admin', {
    request: async (w) => ({ payload: { name: 'New Person', email: `new${w.next()}@ourco.test` } }),
  }),
  'PATCH /api/users/:id': of('admin-object', {
    request: async (w, owner) => {
      const id = w.user(owner);
      return { url: `/api/users/${id}`, payload: { timezone: 'America/Denver' }, ids: [id] };
    },
  }),
  'PUT /api/users/:id/password': of('self-or-admin', {
    request: async (w, owner) => {
      const id = w.user(owner);
      return {
        url: `/api/users/${id}/password`,
        payload: { password: PASSWORD, currentPassword: PASSWORD },
        ids: [id],
      };
    },
  }),
  'POST /api/users/:id/sign-out-everywhere': of('self-or-admin', {
    request: async (w, owner) => {
      const id = w.user(owner);
      return { url: `/api/users/${id}/sign-out-everywhere`, ids: [id] };
    },
  }),
  'GET /api/audit': of('admin'),
  'GET /api/suppressions': of('admin'),
  'POST /api/suppressions': of('admin', {
    request: async (w) => ({ payload: { email: `gone${w.next()}@list.test` } }),
  }),
  'POST /api/suppressions/:id/lift': of('admin', {
    request: async (w) => {
      const [entry] = await addSuppression(w.ctx, w.people.ada, { email: `lift${w.next()}@list.test` });
      return { url: `/api/suppressions/${entry?.id ?? ''}/lift`, payload: { reason: 'asked again' } };
    },
  }),
  'GET /api/agenda': userQuery('/api/agenda', 'rep'),
  'GET /api/pipeline': userQuery('/api/pipeline', 'owner'),
  'GET /api/pipeline/board': userQuery('/api/pipeline/board', 'owner'),
  'GET /api/prospects': userQuery('/api/prospects', 'owner'),
  'POST /api/prospects': of('visible-user', {
    request: async (w, owner) => {
      const id = w.user(owner);
      return {
        payload: { name: `Added ${w.next()} Co`, owner: id, contact: { name: 'Ann Added' } },
        ids: [id],
      };
    },
  }),
  'GET /api/prospects/:id': prospectRoute(''),
  'PATCH /api/prospects/:id': prospectRoute('', { dealValue: 5000 }),
  'POST /api/prospects/:id/contacts': prospectRoute('/contacts', { name: 'Otto Other' }),
  'PATCH /api/prospects/:id/contacts/:contact': of('visible', {
    request: async (w, owner) => {
      const id = await w.prospect(owner);
      const contact = await w.contactOf(id, owner);
      return { url: `/api/prospects/${id}/contacts/${contact}`, payload: { role: 'primary' }, ids: [id] };
    },
  }),
  'POST /api/prospects/:id/snooze': prospectRoute('/snooze', { until: '2026-03-20' }),
  'POST /api/prospects/bulk': of('visible', {
    request: async (w, owner) => {
      const id = await w.prospect(owner);
      return { payload: { ids: [id], action: 'snooze', until: '2026-03-20' }, ids: [id] };
    },
  }),
  'GET /api/prospects/:id/invite.ics': of('visible', {
    request: async (w, owner) => {
      const id = await w.committed(owner);
      return { url: `/api/prospects/${id}/invite.ics`, ids: [id] };
    },
  }),
  'POST /api/prospects/:id/events': prospectRoute('/events', {
    type: 'touch',
    channel: 'call',
    outcome: 'no-answer',
  }),
  'GET /api/prospects/:id/notes': prospectRoute('/notes'),
  'POST /api/prospects/:id/notes': prospectRoute('/notes', { body: 'A matrix note.' }),
  // The owner's own note: whoever sees the prospect here is its author, their manager or an admin,
  // who may all change it (a rep refused another's note, 403, is in notes.test.ts).
  'PATCH /api/prospects/:id/notes/:noteId': of('visible', {
    request: async (w, owner) => {
      const [id, note] = await w.note(owner);
      return { url: `/api/prospects/${id}/notes/${note}`, payload: { body: 'Changed.' }, ids: [id, note] };
    },
  }),
  'DELETE /api/prospects/:id/notes/:noteId': of('visible', {
    request: async (w, owner) => {
      const [id, note] = await w.note(owner);
      return { url: `/api/prospects/${id}/notes/${note}`, ids: [id, note] };
    },
  }),
  // The caller's last logged call, on a prospect that has since gone to the owner.
  'POST /api/undo': of('undo', {
    owners: ['rep', 'otherRep', 'otherTeam'],
    request: async (w, owner, role) => {
      await w.loggedThenMoved(role, owner);
      return {};
    },
  }),
  'POST /api/leads': of('visible-user', {
    request: async (w, owner) => {
      const id = w.user(owner);
      const n = w.next();
      return {
        payload: {
          company: `Lead ${n} Co`,
          contact: { name: 'Lee Lead', email: `lee${n}@lead.test` },
          owner: id,
        },
        ids: [id],
      };
    },
  }),
  'GET /api/notifications': of('signed-in'),
  // Marking someone else's notification read is not refused: it changes nothing.
  'POST /api/notifications/read': of('own-quietly', {
    request: async (w, owner) => {
      const id = await w.notification(owner);
      return { payload: { ids: [id] }, ids: [id], after: async () => w.isRead(id) };
    },
  }),
  'GET /api/team': of('signed-in'),
  'GET /api/playbook': of('signed-in'),
  'POST /api/playbook/preview': of('admin', { request: async () => ({ payload: { document: PLAYBOOK } }) }),
  'PUT /api/playbook': of('admin', { request: async () => ({ payload: { document: PLAYBOOK } }) }),
  'POST /api/imports/preview': of('signed-in', {
    request: async (w) => ({ payload: { name: 'list.csv', head: CSV(w.next()), complete: true } }),
  }),
  'POST /api/imports': of('signed-in', {
    request: async (w) => ({
      url: '/api/imports?name=list.csv&mapping=prospect%3DCompany%2Ccontact%3DContact%2Cemail%3DEmail',
      payload: CSV(w.next()),
      contentType: 'text/csv',
    }),
  }),
  'GET /api/imports': of('signed-in'),
  'GET /api/imports/:id': of('visible', {
    request: async (w, owner) => {
      const id = await w.importJob(owner);
      return { url: `/api/imports/${id}`, ids: [id] };
    },
  }),
  // A job may have ended before it is asked to stop: 409 is its answer then.
  'DELETE /api/imports/:id': of('visible', {
    allowed: [200, 409],
    request: async (w, owner) => {
      const id = await w.importJob(owner);
      return { url: `/api/imports/${id}`, ids: [id] };
    },
  }),
  'GET /api/export': of('signed-in'),
  'GET /api/model': of('signed-in'),
  'POST /api/model/calibrate': of('admin', { request: async () => ({ payload: { dryRun: false } }) }),
  'GET /api/simulations/latest': of('signed-in'),
  'GET /api/mailbox': of('signed-in'),
  // No mail server answers here: an allowed caller reaches the connection, which fails.
  'PUT /api/mailbox': of('signed-in', {
    allowed: 'reached',
    request: async () => ({
      payload: {
        address: 'someone@ourco.test',
        smtpHost: '127.0.0.1',
        smtpPort: 9,
        smtpSecurity: 'none',
        imapHost: '127.0.0.1',
        imapPort: 9,
        imapSecurity: 'none',
        password: 'x',
      },
    }),
  }),
  'POST /api/mailbox/test': of('signed-in', {
    allowed: 'reached',
    request: async (w, _owner, role) => (await w.callerMailbox(role), {}),
  }),
  'DELETE /api/mailbox': of('signed-in', {
    request: async (w, _owner, role) => (await w.callerMailbox(role), {}),
  }),
  'GET /api/mailboxes': of('signed-in'),
  'POST /api/prospects/:id/email': of('visible', {
    request: async (w, owner, role) => {
      await w.callerMailbox(role);
      const id = await w.prospect(owner);
      return { url: `/api/prospects/${id}/email`, payload: { when: 'window' }, ids: [id] };
    },
  }),
  'GET /api/outbox': of('signed-in'),
  'DELETE /api/outbox/:id': of('visible', {
    request: async (w, owner) => {
      const id = await w.email(owner);
      return { url: `/api/outbox/${id}`, ids: [id] };
    },
  }),
  'POST /api/outbox/:id/settle': of('visible', {
    request: async (w, owner) => {
      const id = await w.email(owner, 'unconfirmed');
      return { url: `/api/outbox/${id}/settle`, payload: { went: false }, ids: [id] };
    },
  }),
  'GET /api/prospects/:id/mail': prospectRoute('/mail'),
  'PATCH /api/prospects/:id/replies/:reply': of('visible', {
    request: async (w, owner) => {
      const [id, reply] = await w.reply(owner);
      return { url: `/api/prospects/${id}/replies/${reply}`, payload: { kind: 'neutral' }, ids: [id] };
    },
  }),
  // Variants: another's object named in the body, or under a prospect of the caller's own.
  'PATCH /api/prospects/:id [owner in the body]': of('visible-user', {
    request: async (w, owner, role) => {
      const mine = await w.callersProspect(role);
      const id = w.user(owner);
      return { url: `/api/prospects/${mine.id}`, payload: { owner: id }, ids: [id] };
    },
  }),
  "PATCH /api/prospects/:id/contacts/:contact [under the caller's prospect]": of('child-elsewhere', {
    request: async (w, owner, role) => {
      const mine = await w.callersProspect(role);
      const contact = await w.contactOf(await w.prospect(owner), owner);
      return {
        url: `/api/prospects/${mine.id}/contacts/${contact}`,
        payload: { role: 'primary' },
        ids: [contact, mine.name],
      };
    },
  }),
  "PATCH /api/prospects/:id/replies/:reply [under the caller's prospect]": of('child-elsewhere', {
    request: async (w, owner, role) => {
      const mine = await w.callersProspect(role);
      const [, reply] = await w.reply(owner);
      return {
        url: `/api/prospects/${mine.id}/replies/${reply}`,
        payload: { kind: 'neutral' },
        ids: [reply, mine.name],
      };
    },
  }),
  "PATCH /api/prospects/:id/notes/:noteId [under the caller's prospect]": of('child-elsewhere', {
    request: async (w, owner, role) => {
      const mine = await w.callersProspect(role);
      const [, note] = await w.note(owner);
      return {
        url: `/api/prospects/${mine.id}/notes/${note}`,
        payload: { body: 'Changed.' },
        ids: [note, mine.name],
      };
    },
  }),
  "DELETE /api/prospects/:id/notes/:noteId [under the caller's prospect]": of('child-elsewhere', {
    request: async (w, owner, role) => {
      const mine = await w.callersProspect(role);
      const [, note] = await w.note(owner);
      return { url: `/api/prospects/${mine.id}/notes/${note}`, ids: [note, mine.name] };
    },
  }),
  // The unsubscribe link is its own credential: anyone holding it may use it, nobody may forge one.
  'GET /u/:token': of('public', {
    owners: ['rep', 'missing'],
    allowed: [200, 404],
    request: async (w, owner) => ({ url: `/u/${await w.unsubscribeToken(owner)}` }),
  }),
  'POST /u/:token': of('public', {
    owners: ['rep', 'missing'],
    allowed: [200, 404],
    request: async (w, owner) => ({ url: `/u/${await w.unsubscribeToken(owner)}` }),
  }),
};

describe('the authorization matrix', () => {
  let t: TestDb;
  let built: BuiltApp;
  let world: MatrixWorld;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    const ctx = {
      ...appContext(t.db, new TestClock(NOW)),
      secretKey: 'm'.repeat(40),
      publicUrl: 'https://pursuit.test',
    };
    built = await buildApp(ctx, { checkAnswers: true });
    await built.app.ready();
    world = new MatrixWorld(ctx, built.app);
    await world.build();
  }, 120_000);

  afterAll(async () => {
    await built.app.close();
    await t.drop();
  });

  const table = () =>
    [...built.routes, ...built.pages].flatMap((r) => r.method.split(',').map((m) => `${m} ${r.url}`));
  const routeOf = (key: string) => key.replace(/ \[.*\]$/, '');

  it('has an entry for every route the server answers, and no entry for a route it does not', () => {
    const routes = table();
    expect(
      routes.filter((key) => ACCESS[key] === undefined),
      'routes without an entry in ACCESS (say who may call them)',
    ).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !routes.includes(routeOf(key)))).toEqual([]);
  });

  it('allows and denies every route x caller x owner as declared, and a denial says no more', async () => {
    const routes = table();
    // Each route, then its variants.
    const keys = routes.flatMap((r) => Object.keys(ACCESS).filter((key) => routeOf(key) === r));
    const result = await attemptAll(world, keys, ACCESS, { roles: ROLES, owners: OWNERS });
    console.log(
      `authorization matrix: ${routes.length} routes (${result.entries} with their variants) x ${ROLES.length} callers x up to ${OWNERS.length} owners = ${result.attempts} attempts`,
    );
    expect(result.failures).toEqual([]);
  }, 600_000);
});
