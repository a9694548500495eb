// The organisation's people: everyone may list them (for pickers); an admin adds users, changes
// their role, manager, time zone, name or hourly value, and sets passwords; everyone changes their
// own password with the current one.

import { Type } from 'typebox';
import { signIn } from '../../app/accounts/credentials.js';
import type { AppContext } from '../../app/context.js';
import { changePassword, createUser, updateUser } from '../../app/accounts/users.js';
import { listUsers } from '../../app/accounts/workspace.js';
import { PursuitError } from '../../core/errors.js';
import { actorOf, originOf, SESSION_COOKIE, setSessionCookie } from '../auth.js';
import { signOutEverywhere } from '../../app/accounts/sign-out.js';
import type { Api } from '../build-app.js';
import { SessionView, SignedOutView, UserView, userView } from '../../app/accounts/views.js';

const Role = Type.Enum(['rep', 'manager', 'admin'], { description: 'rep, manager or admin' });
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const NewUser = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ minLength: 3, maxLength: 320 }),
    role: Type.Optional(Role),
    manager: Type.Optional(
      Type.String({ minLength: 1, maxLength: 320, description: "the manager's id, name or email" }),
    ),
    timezone: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "IANA zone; default the admin's" }),
    ),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    hourlyValue: Type.Optional(Type.Number({ minimum: 0 })),
    password: Type.Optional(
      Type.String({ maxLength: 1024, description: 'a first password, 10 to 256 characters' }),
    ),
  },
  { additionalProperties: false },
);

const Changes = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(Role),
    manager: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 320 }), Type.Null()], {
        description: "the manager's id, name or email; null for nobody",
      }),
    ),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    hourlyValue: Type.Optional(
      Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
        description: "what an hour of their time is worth; null for the playbook's figure",
      }),
    ),
  },
  { additionalProperties: false },
);

const NewPassword = Type.Object(
  {
    password: Type.String({ maxLength: 1024, description: '10 to 256 characters' }),
    currentPassword: Type.Optional(
      Type.String({ maxLength: 1024, description: 'required to change your own password' }),
    ),
  },
  { additionalProperties: false },
);

export function userRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: "The organisation's people, by name",
        response: { 200: Type.Array(UserView) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return (await listUsers(ctx, actor)).map((u) => userView(u, actor));
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user (admins only), with a first password to sign in with',
        body: NewUser,
        response: { 201: UserView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await createUser(ctx, actor, request.body, originOf(request));
      return reply.status(201).send(userView(user, actor));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's role, manager, time zone, name or hourly value (admins only)",
        params: Id,
        body: Changes,
        response: { 200: UserView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return userView(
        await updateUser(ctx, actor, request.params.id, request.body, originOf(request)),
        actor,
      );
    },
  );

  app.put(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary:
          "Set a password: an admin sets anyone's, everyone their own with the current one; it signs that user's browsers out everywhere (your own is signed in again). Their API tokens keep working: POST /api/users/:id/sign-out-everywhere revokes them too",
        params: Id,
        body: NewPassword,
        response: { 200: SessionView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await changePassword(ctx, actor, request.params.id, request.body, originOf(request));
      let csrf: string | null = null;
      if (user.id === actor.id && request.via === 'session') {
        // The change ended every session of this user, this browser's too: sign it in again, with
        // the cookie as POST /api/session sets it.
        try {
          const signed = await signIn(ctx, {
            email: user.email,
            password: request.body.password,
            address: request.ip,
          });
          setSessionCookie(reply, ctx, signed);
          csrf = signed.csrf;
        } catch (error) {
          // Signing in again is a convenience: without it, the person signs in with the new password.
          if (!(error instanceof PursuitError)) throw error;
        }
      }
      return { user: userView(user, actor), csrf };
    },
  );

  app.post(
    '/api/users/:id/sign-out-everywhere',
    {
      schema: {
        tags: ['users'],
        summary:
          "Sign a user out of every browser and revoke all their API tokens: your own, or anyone's for an admin (a lost laptop, a leaked token)",
        params: Id,
        response: { 200: SignedOutView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const done = await signOutEverywhere(ctx, actor, request.params.id, originOf(request), true);
      if (done.user.id === actor.id) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ...done, user: userView(done.user, actor) };
    },
  );
}
