// Personal API tokens for scripts: created (the value is shown once), listed, revoked.

import { Type } from 'typebox';
import { createToken, listTokens, revokeToken } from '../../app/accounts/credentials.js';
import type { AppContext } from '../../app/context.js';
import type { ApiToken } from '../../core/records.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const view = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  createdAt: iso(t.createdAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

export function tokenRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/tokens', { schema: { tags: ['tokens'], summary: 'Your API tokens' } }, async (request) =>
    (await listTokens(ctx, actorOf(request))).map(view),
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
      },
    },
    async (request, reply) => {
      const made = await createToken(ctx, actorOf(request), request.body.name);
      return reply.status(201).send({ ...view(made.record), token: made.token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke a token', params: Type.Object({ id: Type.String() }) } },
    async (request, reply) => {
      await revokeToken(ctx, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
