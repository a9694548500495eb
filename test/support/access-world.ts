// Test support for the authorization matrix (src/api/authorization.test.ts): two organisations on one
// real database, built through the app's use cases. OurCo: Ada the admin; Mia manages Dana and Eli,
// Max manages Fay. TheirCo (a second organisation, which the schema allows though `pursuit init`
// makes one): Bob its admin, Bea a rep. The callers sign in as a browser does (cookie and anti-forgery
// token) or send a personal API token; objects of each owner are made fresh for each attempt.

import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/app/context.js';
import { hashPassword, storePassword } from '../../src/app/accounts/credentials.js';
import { createToken } from '../../src/app/accounts/tokens.js';
import { createUser } from '../../src/app/accounts/users.js';
import { init } from '../../src/app/accounts/workspace.js';
import { seal } from '../../src/app/mail/secrets.js';
import { loadPlaybook } from '../../src/core/playbook/load.js';
import type { User } from '../../src/core/records.js';
import { mailboxes } from '../../src/store/repositories/mail.repository.js';
import { organisations, users } from '../../src/store/repositories/people.repository.js';
import { playbooks } from '../../src/store/repositories/playbooks.repository.js';
import type { Api } from '../../src/api/build-app.js';
import { signIn } from './api.js';

export const PASSWORD = 'a long test password';

/** Who calls: people of OurCo by session or token, a session without its anti-forgery token, nobody. */
export const ROLES = [
  'rep',
  'otherRep',
  'ownManager',
  'otherManager',
  'admin',
  'token',
  'otherToken',
  'noCsrf',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

/** Whose object a request names: the rep's, a teammate's, another team's, another organisation's, none. */
export const OWNERS = ['rep', 'otherRep', 'otherTeam', 'otherOrg', 'missing'] as const;
export type Owner = (typeof OWNERS)[number];

type Person = 'ada' | 'mia' | 'max' | 'dana' | 'eli' | 'fay' | 'bob' | 'bea';
const PERSON_OF_ROLE: Record<Role, Person | undefined> = {
  rep: 'dana',
  otherRep: 'eli',
  ownManager: 'mia',
  otherManager: 'max',
  admin: 'ada',
  token: 'dana',
  otherToken: 'eli',
  noCsrf: 'dana',
  anonymous: undefined,
};
const PERSON_OF_OWNER: Record<Owner, Person | undefined> = {
  rep: 'dana',
  otherRep: 'eli',
  otherTeam: 'fay',
  otherOrg: 'bea',
  missing: undefined,
};
/** Whose prospects each person sees: a rep their own, a manager their team's, an admin OurCo's. */
const SEES: Record<Person, Person[]> = {
  ada: ['ada', 'mia', 'max', 'dana', 'eli', 'fay'],
  mia: ['mia', 'dana', 'eli'],
  max: ['max', 'fay'],
  dana: ['dana'],
  eli: ['eli'],
  fay: ['fay'],
  bob: ['bob', 'bea'],
  bea: ['bea'],
};

export class AccessWorld {
  readonly people = {} as Record<Person, User>;
  private readonly sessions = new Map<Person, { cookie: string; csrf: string }>();
  private readonly tokens = new Map<Person, string>();
  private n = 0;

  constructor(
    readonly ctx: AppContext,
    readonly app: Api,
  ) {}

  async build(): Promise<void> {
    const { ctx } = this;
    const { admin } = await init(ctx, {
      organisation: 'OurCo',
      name: 'Ada Admin',
      email: 'ada@ourco.test',
      timezone: 'America/Denver',
    });
    const add = (by: User, name: string, role: string, manager?: string) =>
      createUser(ctx, by, {
        name,
        email: `${name.split(' ')[0]?.toLowerCase() ?? ''}@${by.orgId === admin.orgId ? 'ourco' : 'theirco'}.test`,
        role,
        password: PASSWORD,
        ...(manager === undefined ? {} : { manager }),
      });
    const p = this.people;
    p.ada = admin;
    await this.setPassword(admin);
    p.mia = await add(admin, 'Mia Manager', 'manager');
    p.max = await add(admin, 'Max Manager', 'manager');
    p.dana = await add(admin, 'Dana Rep', 'rep', p.mia.id);
    p.eli = await add(admin, 'Eli Rep', 'rep', p.mia.id);
    p.fay = await add(admin, 'Fay Rep', 'rep', p.max.id);
    p.bob = await this.secondOrganisation();
    p.bea = await add(p.bob, 'Bea Rep', 'rep');
    for (const person of Object.values(p)) await this.ensureMailbox(person);
    for (const person of ['ada', 'mia', 'max', 'dana', 'eli'] as const) await this.signIn(person);
    for (const person of ['dana', 'eli'] as const)
      this.tokens.set(person, (await createToken(ctx, p[person], 'matrix')).token);
  }

  private async setPassword(user: User): Promise<void> {
    const hashed = await hashPassword(PASSWORD);
    await this.ctx.db.kysely.transaction().execute((q) => storePassword(q, this.ctx, user.id, hashed));
  }

  /** TheirCo and Bob, its admin, written as `init` writes the first organisation. */
  private async secondOrganisation(): Promise<User> {
    const now = this.ctx.now();
    const org = { id: randomUUID(), name: 'TheirCo', createdAt: now };
    const bob: User = {
      id: randomUUID(),
      orgId: org.id,
      email: 'bob@theirco.test',
      name: 'Bob Admin',
      role: 'admin',
      managerId: null,
      timezone: 'Europe/Berlin',
      phone: null,
      hourlyValue: null,
      createdAt: now,
    };
    await this.ctx.db.kysely.transaction().execute(async (q) => {
      await organisations.insert(q, org);
      await users.insert(q, bob);
      await playbooks.insert(q, {
        id: randomUUID(),
        orgId: org.id,
        version: 1,
        name: loadPlaybook(this.ctx.defaultPlaybookText).doc.name,
        document: this.ctx.defaultPlaybookText,
        createdAt: now,
        createdBy: bob.id,
        active: true,
      });
    });
    return bob;
  }

  private async signIn(person: Person): Promise<void> {
    const r = await signIn(this.app, this.people[person].email, PASSWORD);
    if (r.statusCode !== 200) throw new Error(`cannot sign in as ${person}: ${r.body}`);
    const cookie = r.cookies.find((k) => k.name === 'pursuit_session')?.value ?? '';
    this.sessions.set(person, { cookie: `pursuit_session=${cookie}`, csrf: r.json<{ csrf: string }>().csrf });
  }

  /** Signs in again whoever an attempt signed out (a password set, a sign-out); renews a revoked token. */
  async heal(): Promise<void> {
    for (const [person, s] of this.sessions) {
      const r = await this.app.inject({ url: '/api/session', headers: { cookie: s.cookie } });
      if (r.statusCode === 401) await this.signIn(person);
    }
    for (const [person, token] of this.tokens) {
      const r = await this.app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
      if (r.statusCode === 401)
        this.tokens.set(person, (await createToken(this.ctx, this.people[person], 'matrix')).token);
    }
  }

  headers(role: Role): Record<string, string> {
    const person = PERSON_OF_ROLE[role];
    if (person === undefined) return {};
    if (role === 'token' || role === 'otherToken')
      return { authorization: `Bearer ${this.tokens.get(person) ?? ''}` };
    const s = this.sessions.get(person);
    if (s === undefined) throw new Error(`no session for ${person}`);
    return role === 'noCsrf' ? { cookie: s.cookie } : { cookie: s.cookie, 'x-csrf-token': s.csrf };
  }

  /** The person a role acts as (undefined: anonymous). */
  personOf(role: Role): User | undefined {
    const person = PERSON_OF_ROLE[role];
    return person === undefined ? undefined : this.people[person];
  }

  ownerOf(owner: Owner): User | undefined {
    const person = PERSON_OF_OWNER[owner];
    return person === undefined ? undefined : this.people[person];
  }

  /** Whether the role's person sees the prospects of the owner. */
  sees(role: Role, owner: Owner): boolean {
    const who = PERSON_OF_ROLE[role];
    const whose = PERSON_OF_OWNER[owner];
    return who !== undefined && whose !== undefined && SEES[who].includes(whose);
  }

  /** Whether the object is the role's person's own. */
  owns(role: Role, owner: Owner): boolean {
    const who = PERSON_OF_ROLE[role];
    return who !== undefined && who === PERSON_OF_OWNER[owner];
  }

  next(): number {
    this.n += 1;
    return this.n;
  }

  protected adminOf(user: User): User {
    return user.orgId === this.people.ada.orgId ? this.people.ada : this.people.bob;
  }

  /** The person's mailbox, working (as a fresh connection leaves it), on no real server. */
  async ensureMailbox(user: User): Promise<void> {
    const now = this.ctx.now();
    const address = `box-${user.email}`;
    await this.ctx.db.kysely.transaction().execute((q) =>
      mailboxes.put(q, {
        id: `box-${user.id}`,
        orgId: user.orgId,
        userId: user.id,
        address,
        displayName: null,
        smtp: { host: '127.0.0.1', port: 9, security: 'none' },
        imap: { host: '127.0.0.1', port: 9, security: 'none' },
        username: address,
        auth: 'password',
        secret: seal(this.ctx, { password: 'x' }),
        sentFolder: null,
        status: 'ok',
        lastError: null,
        lastErrorAt: null,
        lastSyncAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
}
