// Personal API tokens for scripts: created (the value is shown once), listed, revoked.

import { Type } from 'typebox';
import { createToken, listTokens, revokeToken } from '../../app/accounts/tokens.js';
import type { AppContext } from '../../app/context.js';
import { NewTokenView, TokenView, tokenView } from '../../app/accounts/views.js';
import { Done } from '../answers.js';
import { actorOf, originOf } from '../auth.js';
import type { Api } from '../build-app.js';

export function tokenRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/tokens',
    { schema: { tags: ['tokens'], summary: 'Your API tokens', response: { 200: Type.Array(TokenView) } } },
    async (request) => (await listTokens(ctx, actorOf(request))).map(tokenView),
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'A new API token; its value is shown only in this answer',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 201: NewTokenView },
      },
    },
    async (request, reply) => {
      const made = await createToken(ctx, actorOf(request), request.body.name, originOf(request));
      return reply.status(201).send({ ...tokenView(made.record), token: made.token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token',
        params: Type.Object({ id: Type.String() }),
        response: { 204: Done },
      },
    },
    async (request, reply) => {
      await revokeToken(ctx, actorOf(request), request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
