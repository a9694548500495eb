// Prospects and their contacts: list (filtered, paged), add, show, edit, snooze, and the invite
// for a committed call. A prospect the caller may not see is not found.

import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { inviteFor } from '../../app/prospects/invite.js';
import { snooze } from '../../app/prospects/logging.js';
import { addContact, addProspect, editContact, editProspect } from '../../app/prospects/prospects.js';
import { listProspects, showProspect } from '../../app/prospects/reading.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import { ProspectListItem, ProspectPage, prospectPage, prospectView } from '../../app/prospects/views.js';
import { decisionView } from '../../app/decisions/views.js';
import { Invite } from '../answers.js';
import { LIMITS } from '../../app/limits.js';

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const Flag = Type.Union([Type.Boolean(), Type.Null()]);

export const ContactBody = Type.Object(
  {
    name: Type.Optional(Text(LIMITS.contactName)),
    email: Type.Optional(Text(LIMITS.email)),
    phone: Type.Optional(Text(LIMITS.phone)),
    timezone: Type.Optional(Text(LIMITS.timezone)),
    role: Type.Optional(Type.Union([Type.Literal('primary'), Type.Literal('stakeholder')])),
    doNotContact: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ProspectBody = Type.Object(
  {
    name: Type.Optional(Text(LIMITS.prospectName)),
    owner: Type.Optional(Text(LIMITS.owner)),
    relationship: Type.Optional(Type.String()),
    source: Type.Optional(Type.String()),
    dealValue: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
    icpFit: Type.Optional(Type.String()),
    serious: Type.Optional(Flag),
    goalsClear: Type.Optional(Flag),
    priceOnly: Type.Optional(Flag),
    productFit: Type.Optional(Type.String()),
    doNotContact: Type.Optional(Type.Boolean()),
    contact: Type.Optional(ContactBody),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    search: Type.Optional(
      Type.String({
        maxLength: 200,
        description: "text in the prospect's name, or in a contact's name or email, in any case",
      }),
    ),
    owner: Type.Optional(Type.String({ maxLength: 320 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

/** The app layer takes what people type: flags as yes/no/unknown. */
function typed(body: Static<typeof ProspectBody>) {
  const flag = (v: boolean | null | undefined) => (v === undefined ? undefined : v === null ? 'unknown' : v);
  return {
    ...body,
    dealValue: body.dealValue === null ? undefined : body.dealValue,
    serious: flag(body.serious),
    goalsClear: flag(body.goalsClear),
    priceOnly: flag(body.priceOnly),
  };
}

export function prospectRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/prospects',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Prospects you may see, with their decisions',
        querystring: ListQuery,
        response: {
          200: Type.Object(
            {
              items: Type.Array(ProspectListItem),
              nextOffset: Type.Union([Type.Integer(), Type.Null()], {
                description: 'the offset of the next page, or null on the last',
              }),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request) => {
      const { limit = 50, offset = 0, ...filter } = request.query;
      const rows = await listProspects(ctx, actorOf(request), { ...filter, limit: limit + 1, offset });
      return {
        items: rows
          .slice(0, limit)
          .map((r) => ({ ...prospectView(r.prospect), decision: decisionView(r.decision) })),
        nextOffset: rows.length > limit ? offset + limit : null,
      };
    },
  );

  app.post(
    '/api/prospects',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Add a prospect (and its first contact)',
        body: ProspectBody,
        response: { 201: ProspectPage },
      },
    },
    async (request, reply) => {
      const p = await addProspect(ctx, actorOf(request), typed(request.body));
      return reply.status(201).send(await page(p.id, request));
    },
  );

  const page = async (id: string, request: Parameters<typeof actorOf>[0]) =>
    prospectPage(await showProspect(ctx, actorOf(request), id), ctx.now());

  app.get(
    '/api/prospects/:id',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Timeline, contacts and the current decision',
        params: Id,
        response: { 200: ProspectPage },
      },
    },
    async (request) => page(request.params.id, request),
  );

  app.patch(
    '/api/prospects/:id',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Change a prospect',
        params: Id,
        body: ProspectBody,
        response: { 200: ProspectPage },
      },
    },
    async (request) => {
      const p = await editProspect(ctx, actorOf(request), request.params.id, typed(request.body));
      return page(p.id, request);
    },
  );

  app.post(
    '/api/prospects/:id/contacts',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Add a contact',
        params: Id,
        body: ContactBody,
        response: { 201: ProspectPage },
      },
    },
    async (request, reply) => {
      await addContact(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(await page(request.params.id, request));
    },
  );

  app.patch(
    '/api/prospects/:id/contacts/:contact',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Change a contact',
        params: Type.Object({ id: Text(), contact: Text() }),
        body: ContactBody,
        response: { 200: ProspectPage },
      },
    },
    async (request) => {
      await editContact(ctx, actorOf(request), request.params.id, request.params.contact, request.body);
      return page(request.params.id, request);
    },
  );

  app.post(
    '/api/prospects/:id/snooze',
    {
      schema: {
        tags: ['prospects'],
        summary: 'Keep a prospect off the agenda until a time',
        params: Id,
        body: Type.Object({ until: Text(100) }, { additionalProperties: false }),
        response: { 200: ProspectPage },
      },
    },
    async (request) => {
      await snooze(ctx, actorOf(request), request.params.id, request.body.until);
      return page(request.params.id, request);
    },
  );

  app.get(
    '/api/prospects/:id/invite.ics',
    {
      schema: {
        tags: ['prospects'],
        summary: "The invite (.ics) for the prospect's committed call",
        params: Id,
        response: { 200: Invite },
      },
    },
    async (request, reply) => {
      const invite = await inviteFor(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${invite.filename}"`)
        .send(invite.text);
    },
  );
}
