// The do-not-contact list, for admins: read it, add a person who asked by other means, and lift an
// entry with a reason (the entry is kept, lifted: who, when and why stay on record).

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { addSuppression, listSuppressions, removeSuppression } from '../../app/suppressions/suppressions.js';
import { SuppressionView, suppressionView } from '../../app/suppressions/views.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';

const ListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 320, description: 'part of an address or number' })),
    all: Type.Optional(Type.Boolean({ description: 'lifted entries too', default: false })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

const NewEntry = Type.Object(
  {
    email: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    timezone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "the number's zone, when it has no country code",
      }),
    ),
  },
  { additionalProperties: false },
);

const Lift = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'why: their consent, a mistake' }) },
  { additionalProperties: false },
);

export function suppressionRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/suppressions',
    {
      schema: {
        tags: ['suppressions'],
        summary: 'The do-not-contact list, newest first (admins)',
        querystring: ListQuery,
        response: { 200: Type.Array(SuppressionView) },
      },
    },
    async (request) => (await listSuppressions(ctx, actorOf(request), request.query)).map(suppressionView),
  );

  app.post(
    '/api/suppressions',
    {
      schema: {
        tags: ['suppressions'],
        summary: 'Puts an address and/or a number on the do-not-contact list (admins)',
        body: NewEntry,
        response: { 201: Type.Array(SuppressionView) },
      },
    },
    async (request, reply) => {
      const added = await addSuppression(ctx, actorOf(request), request.body);
      return reply.status(201).send(added.map(suppressionView));
    },
  );

  app.post(
    '/api/suppressions/:id/lift',
    {
      schema: {
        tags: ['suppressions'],
        summary: 'Lifts an entry of the do-not-contact list, with a reason that is kept (admins)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: Lift,
        response: { 200: SuppressionView },
      },
    },
    async (request) =>
      suppressionView(await removeSuppression(ctx, actorOf(request), request.params.id, request.body.reason)),
  );
}
