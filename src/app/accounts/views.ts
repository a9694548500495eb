// What the outside sees of people, sessions and tokens: never a password, a session's secret or a
// token's stored hash; an admin alone sees the hourly value they can change.

import Type from 'typebox';
import type { Static } from 'typebox';
import type { ApiToken, Organisation, User } from '../../core/records.js';
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
