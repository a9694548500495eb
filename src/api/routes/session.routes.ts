// Signing in and out in the browser, and who is signed in (with the anti-forgery token the app
// sends back on every change).

import { Type } from 'typebox';
import { signIn, signOut, sessionUser } from '../../app/accounts/credentials.js';
import type { AppContext } from '../../app/context.js';
import { PursuitError } from '../../core/errors.js';
import { originOf, SESSION_COOKIE, setSessionCookie } from '../auth.js';
import type { Api } from '../build-app.js';
import { SessionView, userView } from '../../app/accounts/views.js';
import { Done } from '../answers.js';

const SignIn = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export function sessionRoutes(app: Api, ctx: AppContext): void {
  app.post(
    '/api/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign in', body: SignIn, response: { 200: SessionView } },
    },
    async (request, reply) => {
      const signed = await signIn(ctx, { ...request.body, address: request.ip });
      setSessionCookie(reply, ctx, signed);
      return { user: userView(signed.user), csrf: signed.csrf };
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and the anti-forgery token',
        response: { 200: SessionView },
      },
    },
    async (request) => {
      const cookie = request.cookies[SESSION_COOKIE];
      const found = cookie === undefined ? undefined : await sessionUser(ctx, cookie);
      if (found === undefined) {
        if (request.actor === undefined)
          throw new PursuitError('UNAUTHENTICATED', 'sign in first', 'authorization');
        return { user: userView(request.actor), csrf: null };
      }
      return { user: userView(found.user), csrf: found.session.csrf };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: Done } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie !== undefined) await signOut(ctx, cookie, originOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
