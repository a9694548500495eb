// The people API through inject() on a real database (SQLite file and PostgreSQL), with the demo
// organisation (Avery the only admin, Morgan a manager, Dana, Luis, Priya and Tom reps): everyone
// lists the people; only an admin adds or changes users; a bad field is named; the last admin stays
// one; a password is changed by its owner with the current one, or set by an admin, and either
// signs that user's other browsers out.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import { createDemo, DEMO_PASSWORD } from '../app/demo/demo.js';
import { call, callerOf, signIn as signInTo } from '../../test/support/api.js';
import type { Caller, Method } from '../../test/support/api.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  managerId: string | null;
  timezone: string;
  hourlyValue?: number | null;
}

describeDialects('the people API on %s', (dialect) => {
  let t: TestDb;
  let app: Api;
  const callers: Record<string, Caller> = {};
  const ids: Record<string, string> = {};

  const signIn = (email: string, password = DEMO_PASSWORD) => signInTo(app, email, password);

  async function signInAs(who: string, email: string, password = DEMO_PASSWORD): Promise<void> {
    const r = await signIn(email, password);
    expect(r.statusCode, r.body).toBe(200);
    callers[who] = callerOf(r);
  }

  const as = (who: string, method: Method, url: string, payload?: unknown) =>
    call(app, callers[who] as Caller, method, url, payload);

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const ctx = appContext(t.db, new TestClock(NOW));
    await createDemo(ctx, { prospects: 12 });
    app = (await buildApp(ctx, { checkAnswers: true })).app;
    for (const name of ['avery', 'morgan', 'dana', 'luis', 'priya', 'tom'])
      await signInAs(name, `${name}@northwind.test`);
    const people = (await as('avery', 'GET', '/api/users')).json<Person[]>();
    for (const p of people) ids[p.email.split('@')[0] as string] = p.id;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("lists the organisation's people to everyone, by name; the hourly value only to an admin", async () => {
    const forRep = await as('dana', 'GET', '/api/users');
    expect(forRep.statusCode).toBe(200);
    const people = forRep.json<Person[]>();
    expect(people.map((p) => p.name)).toEqual([
      'Avery Quinn',
      'Dana Whitfield',
      'Luis Ortega',
      'Morgan Blake',
      'Priya Raman',
      'Tom Becker',
    ]);
    const dana = people.find((p) => p.email === 'dana@northwind.test');
    expect(dana).toMatchObject({ role: 'rep', managerId: ids.morgan, timezone: 'America/Denver' });
    expect(dana).not.toHaveProperty('hourlyValue');
    const forAdmin = (await as('avery', 'GET', '/api/users')).json<Person[]>();
    expect(forAdmin.find((p) => p.id === ids.dana)?.hourlyValue).toBe(120);
    expect((await app.inject('/api/users')).statusCode).toBe(401);
  });

  it('lets only an admin add or change users', async () => {
    const newcomer = (n: number) => ({ name: `Newcomer ${n}`, email: `new${n}@northwind.test` });
    for (const who of ['dana', 'morgan']) {
      const add = await as(who, 'POST', '/api/users', newcomer(0));
      expect(add.statusCode, who).toBe(403);
      expect(add.json()).toMatchObject({ code: 'FORBIDDEN' });
      const edit = await as(who, 'PATCH', `/api/users/${ids.luis}`, { timezone: 'Europe/Paris' });
      expect(edit.statusCode, who).toBe(403);
      const own = await as(who, 'PATCH', `/api/users/${ids[who]}`, { role: 'admin' });
      expect(own.statusCode, who).toBe(403);
    }
    const added = await as('avery', 'POST', '/api/users', {
      ...newcomer(1),
      role: 'rep',
      manager: 'Morgan Blake',
      timezone: 'Europe/Berlin',
    });
    expect(added.statusCode, added.body).toBe(201);
    const person = added.json<Person>();
    expect(person).toMatchObject({
      name: 'Newcomer 1',
      email: 'new1@northwind.test',
      role: 'rep',
      managerId: ids.morgan,
      timezone: 'Europe/Berlin',
    });
    const changed = await as('avery', 'PATCH', `/api/users/${person.id}`, {
      name: 'Nia Newcomer',
      role: 'manager',
      manager: null,
      timezone: 'Europe/Lisbon',
      hourlyValue: 95,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Nia Newcomer',
      role: 'manager',
      managerId: null,
      timezone: 'Europe/Lisbon',
      hourlyValue: 95,
    });
    const listed = (await as('luis', 'GET', '/api/users')).json<Person[]>();
    expect(listed.find((p) => p.id === person.id)).toMatchObject({ name: 'Nia Newcomer', role: 'manager' });
    // Luis moves to Nia's team: the manager is named by id, as the web app sends it.
    const moved = await as('avery', 'PATCH', `/api/users/${ids.luis}`, { manager: person.id });
    expect(moved.json()).toMatchObject({ managerId: person.id, role: 'rep' });
    const back = await as('avery', 'PATCH', `/api/users/${ids.luis}`, { manager: ids.morgan });
    expect(back.json()).toMatchObject({ managerId: ids.morgan });
  });

  it('names the bad field of a request', async () => {
    const add = (body: Record<string, unknown>) => as('avery', 'POST', '/api/users', body);
    const expectPath = async (r: Awaited<ReturnType<typeof add>>, status: number, path: string) => {
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json<{ path: string }>().path, r.body).toBe(path);
    };
    await expectPath(await add({ name: 'No Mail' }), 400, 'email');
    await expectPath(await add({ name: 'Bad Mail', email: 'not-an-address' }), 400, 'email');
    await expectPath(await add({ name: 'Dup', email: 'DANA@northwind.test' }), 409, 'email');
    await expectPath(
      await add({ name: 'Zone', email: 'z@northwind.test', timezone: 'Mars/Base' }),
      400,
      'timezone',
    );
    await expectPath(await add({ name: 'Boss', email: 'b@northwind.test', role: 'boss' }), 400, 'role');
    await expectPath(await add({ name: 'Col', email: 'c@northwind.test', colour: 'red' }), 400, 'colour');
    await expectPath(
      await add({ name: 'Rep Boss', email: 'r@northwind.test', manager: 'Dana' }),
      400,
      'manager',
    );
    await expectPath(
      await add({ name: 'Nobody', email: 'n@northwind.test', manager: 'Zed' }),
      404,
      'manager',
    );
    const short = await add({ name: 'Short', email: 's@northwind.test', password: 'short' });
    await expectPath(short, 400, 'password');
    expect(short.json<{ message: string }>().message).toMatch(/at least 10 characters/);
    // Nothing was added by a refused request.
    const emails = (await as('avery', 'GET', '/api/users')).json<Person[]>().map((p) => p.email);
    expect(emails).not.toContain('s@northwind.test');

    const edit = (id: string, body: Record<string, unknown>) =>
      as('avery', 'PATCH', `/api/users/${id}`, body);
    await expectPath(await edit(ids.dana as string, { hourlyValue: -5 }), 400, 'hourlyValue');
    await expectPath(await edit(ids.dana as string, { timezone: 'Nowhere' }), 400, 'timezone');
    await expectPath(await edit(ids.dana as string, { name: '   ' }), 400, 'name');
    await expectPath(await edit(ids.dana as string, { manager: ids.dana }), 400, 'manager');
    await expectPath(await edit(ids.dana as string, { manager: ids.luis }), 400, 'manager');
    // Morgan manages Dana: Dana, made a manager, cannot become Morgan's manager in turn.
    expect((await edit(ids.dana as string, { role: 'manager' })).statusCode).toBe(200);
    const circle = await edit(ids.morgan as string, { manager: ids.dana });
    await expectPath(circle, 400, 'manager');
    expect(circle.json<{ message: string }>().message).toBe(
      'Dana Whitfield reports to Morgan Blake, so cannot be their manager',
    );
    expect((await edit(ids.dana as string, { role: 'rep' })).statusCode).toBe(200);
    await expectPath(await edit('no-such-user', { role: 'rep' }), 404, 'id');
    await expectPath(await edit(ids.dana as string, { role: 'king' }), 400, 'role');
  });

  it('keeps an admin: the only admin cannot be demoted, and a manager with a team cannot become a rep', async () => {
    const alone = await as('avery', 'PATCH', `/api/users/${ids.avery}`, { role: 'manager' });
    expect(alone.statusCode).toBe(409);
    expect(alone.json()).toEqual({
      code: 'CONFLICT',
      message: 'Avery Quinn is the only admin: make someone else an admin first',
      path: 'role',
    });
    const team = await as('avery', 'PATCH', `/api/users/${ids.morgan}`, { role: 'rep' });
    expect(team.statusCode).toBe(409);
    expect(team.json<{ message: string }>().message).toMatch(
      /^Morgan Blake manages \d+ people \(.+\): give them another manager first$/,
    );
    // With a second admin, Avery may step down; the new admin then restores Avery.
    expect((await as('avery', 'PATCH', `/api/users/${ids.tom}`, { role: 'admin' })).statusCode).toBe(200);
    await signInAs('tom', 'tom@northwind.test');
    const down = await as('avery', 'PATCH', `/api/users/${ids.avery}`, { role: 'manager' });
    expect(down.json()).toMatchObject({ role: 'manager' });
    expect((await as('avery', 'PATCH', `/api/users/${ids.tom}`, { role: 'rep' })).statusCode).toBe(403);
    const lastNow = await as('tom', 'PATCH', `/api/users/${ids.tom}`, { role: 'rep' });
    expect(lastNow.json()).toMatchObject({ code: 'CONFLICT', path: 'role' });
    expect((await as('tom', 'PATCH', `/api/users/${ids.avery}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await as('avery', 'PATCH', `/api/users/${ids.tom}`, { role: 'rep' })).statusCode).toBe(200);
  });

  it('keeps an admin when two admins demote each other at the same moment', async () => {
    const role = (by: string, whom: string, to: string) =>
      as(by, 'PATCH', `/api/users/${ids[whom]}`, { role: to });
    for (let round = 0; round < 5; round += 1) {
      expect((await role('avery', 'tom', 'admin')).statusCode).toBe(200);
      const both = await Promise.all([role('avery', 'tom', 'manager'), role('tom', 'avery', 'manager')]);
      // One goes through; the other is refused: its actor is no admin any more (403), or its
      // target is the last admin (409).
      const codes = both.map((r) => r.statusCode).sort();
      expect(codes[0], `round ${round}`).toBe(200);
      expect([403, 409], `round ${round}`).toContain(codes[1]);
      const people = (await as('luis', 'GET', '/api/users')).json<Person[]>();
      const admins = people.filter((p) => p.role === 'admin');
      expect(admins, `round ${round}`).toHaveLength(1);
      // Back to Avery the only admin and Tom a rep, whichever change went through.
      if (admins[0]?.id === ids.tom) expect((await role('tom', 'avery', 'admin')).statusCode).toBe(200);
      expect((await role('avery', 'tom', 'rep')).statusCode).toBe(200);
    }
  });

  it('lets a user change their own password only with the current one, and keeps this browser signed in', async () => {
    const path = `/api/users/${ids.priya}/password`;
    const missing = await as('priya', 'PUT', path, { password: 'a brand new secret' });
    expect(missing.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'currentPassword' });
    const wrong = await as('priya', 'PUT', path, {
      password: 'a brand new secret',
      currentPassword: 'not my password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'currentPassword' });
    const short = await as('priya', 'PUT', path, { password: 'tiny', currentPassword: DEMO_PASSWORD });
    expect(short.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'password' });

    // A second browser of Priya's, signed in before the change.
    const other = callerOf(await signIn('priya@northwind.test'));
    const ok = await as('priya', 'PUT', path, {
      password: 'a brand new secret',
      currentPassword: DEMO_PASSWORD,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const body = ok.json<{ user: Person; csrf: string }>();
    expect(body.user.email).toBe('priya@northwind.test');
    expect(body.csrf).toMatch(/^[\w-]{20,}$/);
    const renewed = ok.cookies.find((k) => k.name === 'pursuit_session');
    expect(renewed).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The old cookies are dead, this browser's new one works, and so does the new password.
    expect((await as('priya', 'GET', '/api/agenda')).statusCode).toBe(401);
    const stale = await app.inject({ url: '/api/agenda', headers: { cookie: other.cookie } });
    expect(stale.statusCode).toBe(401);
    callers.priya = { cookie: `pursuit_session=${renewed?.value ?? ''}`, csrf: body.csrf };
    expect((await as('priya', 'GET', '/api/agenda')).statusCode).toBe(200);
    expect((await signIn('priya@northwind.test')).statusCode).toBe(401);
    expect((await signIn('priya@northwind.test', 'a brand new secret')).statusCode).toBe(200);

    // An admin, too, gives their current password to change their own.
    const admin = await as('avery', 'PUT', `/api/users/${ids.avery}/password`, {
      password: 'another good secret',
    });
    expect(admin.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'currentPassword' });
  });

  it('stops guessing the current password after 10 wrong tries, as sign-in does', async () => {
    const path = `/api/users/${ids.tom}/password`;
    for (let i = 0; i < 10; i += 1) {
      const r = await as('tom', 'PUT', path, {
        password: 'a guess that fits',
        currentPassword: `guess ${i}`,
      });
      expect(r.json(), `try ${i}`).toMatchObject({ path: 'currentPassword' });
    }
    const right = await as('tom', 'PUT', path, {
      password: 'a guess that fits',
      currentPassword: DEMO_PASSWORD,
    });
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it("lets an admin set anyone's password, which signs that user out; nobody else may", async () => {
    for (const who of ['dana', 'morgan']) {
      const r = await as(who, 'PUT', `/api/users/${ids.luis}/password`, { password: 'chosen by someone' });
      expect(r.statusCode, who).toBe(403);
      expect(r.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const set = await as('avery', 'PUT', `/api/users/${ids.luis}/password`, {
      password: 'set by the admin',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ user: { email: 'luis@northwind.test' }, csrf: null });
    expect(set.cookies).toEqual([]);
    expect((await as('luis', 'GET', '/api/agenda')).statusCode).toBe(401);
    expect((await as('avery', 'GET', '/api/agenda')).statusCode).toBe(200);
    expect((await signIn('luis@northwind.test', 'set by the admin')).statusCode).toBe(200);
    const unknown = await as('avery', 'PUT', '/api/users/nobody/password', { password: 'long enough pw' });
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', path: 'id' });
  });

  it('adds a user who signs in at once with the first password; without one, not yet', async () => {
    const made = await as('avery', 'POST', '/api/users', {
      name: 'Sam Carter',
      email: 'sam@northwind.test',
      manager: ids.morgan,
      password: 'first password here',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ role: 'rep', timezone: 'America/New_York' });
    const sam = await signIn('sam@northwind.test', 'first password here');
    expect(sam.statusCode).toBe(200);
    expect(sam.json()).toMatchObject({ user: { name: 'Sam Carter', role: 'rep' } });
    const quiet = await as('avery', 'POST', '/api/users', { name: 'Kim Lee', email: 'kim@northwind.test' });
    expect(quiet.statusCode).toBe(201);
    expect((await signIn('kim@northwind.test', 'anything at all')).statusCode).toBe(401);
  });

  it('changes a password with an API token too, without setting a cookie', async () => {
    const made = (await as('dana', 'POST', '/api/tokens', { name: 'script' })).json<{ token: string }>();
    const r = await app.inject({
      method: 'PUT',
      url: `/api/users/${ids.dana}/password`,
      headers: { authorization: `Bearer ${made.token}` },
      payload: { password: 'changed by a script', currentPassword: DEMO_PASSWORD },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ csrf: null });
    expect(r.cookies).toEqual([]);
    expect((await signIn('dana@northwind.test', 'changed by a script')).statusCode).toBe(200);
  });

  it('documents the people routes in the OpenAPI document', async () => {
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/users/{id}/password']),
    );
  });
});
