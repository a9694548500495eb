// What the outside sees of people, sessions, tokens and the audit log: never a password, a session's secret or a
// token's stored hash; an admin alone sees the hourly value they can change.

import Type from 'typebox';
import type { Static } from 'typebox';
import { AUDIT_ACTIONS } from '../../core/records.js';
import type { ApiToken, AuditEntry, Organisation, User } from '../../core/records.js';
import type { AuditRead } from './audit.js';
import { Instant, Nullable, Shape, iso } from '../shapes.js';

export const UserView = Shape(
  {
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    role: Type.Enum(['rep', 'manager', 'admin']),
    managerId: Nullable(Type.String()),
    timezone: Type.String({ description: 'an IANA time zone name' }),
    phone: Nullable(Type.String()),
    hourlyValue: Type.Optional(
      Nullable(
        Type.Number({
          description: "what an hour of their time earns; null: the playbook's (admins see it)",
        }),
      ),
    ),
  },
  'A person of the organisation',
);
export type UserView = Static<typeof UserView>;

/** A colleague as everyone sees them; `for` an admin, with the hourly value too. */
export function userView(u: User, viewer?: User): UserView {
  const view: UserView = {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    managerId: u.managerId,
    timezone: u.timezone,
    phone: u.phone,
  };
  return viewer?.role === 'admin' ? { ...view, hourlyValue: u.hourlyValue } : view;
}

export const OrganisationView = Shape({ id: Type.String(), name: Type.String(), createdAt: Instant });
export type OrganisationView = Static<typeof OrganisationView>;

export function organisationView(o: Organisation): OrganisationView {
  return { id: o.id, name: o.name, createdAt: iso(o.createdAt) };
}

export const SessionView = Shape(
  {
    user: UserView,
    csrf: Nullable(
      Type.String({ description: 'send it as x-csrf-token with every change (browser sessions)' }),
    ),
  },
  'Who is signed in, and the anti-forgery token of their browser session',
);

const tokenFields = {
  id: Type.String(),
  name: Type.String(),
  createdAt: Instant,
  lastUsedAt: Nullable(Instant),
  revokedAt: Nullable(Instant),
};

export const TokenView = Shape(tokenFields, 'A personal API token (its value is shown once, when made)');
export type TokenView = Static<typeof TokenView>;

export const NewTokenView = Shape(
  {
    ...tokenFields,
    token: Type.String({ description: 'the value: send it as "Authorization: Bearer ..."' }),
  },
  'A new API token, with its value (shown only this once)',
);

export function tokenView(t: ApiToken): TokenView {
  return {
    id: t.id,
    name: t.name,
    createdAt: iso(t.createdAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

const Who = Nullable(
  Shape({ id: Type.String(), name: Type.String(), email: Type.String() }, 'a person (by id when gone)'),
);

export const AuditEntryView = Shape(
  {
    id: Type.String({ description: 'sorts as entries were written; pass as before= for the next page' }),
    at: Instant,
    action: Type.Enum([...AUDIT_ACTIONS]),
    actor: Type.Union([Who], { description: 'who did it; null when nobody was signed in' }),
    subject: Type.Union([Who], { description: 'whom it was about' }),
    address: Nullable(Type.String({ description: "the client's address, as far as it is believed" })),
    via: Nullable(Type.Enum(['session', 'token', 'cli'])),
    detail: Nullable(Type.String()),
  },
  'An audit log entry (never a secret)',
);
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditPageView = Shape(
  {
    entries: Type.Array(AuditEntryView),
    next: Nullable(Type.String({ description: 'before= for the next page; null at the end' })),
  },
  'A page of the audit log, newest first',
);
export type AuditPageView = Static<typeof AuditPageView>;

/** A page of the log as admins read it, with each person named (an id alone once they are gone). */
export function auditPageView(read: AuditRead, limit: number): AuditPageView {
  const who = (id: string | null) => {
    if (id === null) return null;
    const u = read.people.get(id);
    return u === undefined ? { id, name: id, email: '' } : { id, name: u.name, email: u.email };
  };
  const entries = read.entries.map((e: AuditEntry) => ({
    id: e.id,
    at: iso(e.at),
    action: e.action,
    actor: who(e.actorId),
    subject: who(e.subjectId),
    address: e.address,
    via: e.via,
    detail: e.detail,
  }));
  return { entries, next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
}

export const SignedOutView = Shape(
  {
    user: UserView,
    sessionsEnded: Type.Integer({ minimum: 0 }),
    tokensRevoked: Type.Integer({ minimum: 0 }),
  },
  'Everyone signed in as this person signed out, and their API tokens revoked',
);
