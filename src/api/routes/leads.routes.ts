// Lead intake for web forms and other tools (with an API token), and the in-app notifications that
// tell a rep at once that a new lead is waiting.

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { intakeLead, listNotifications, markNotificationsRead } from '../../app/prospects/leads.js';
import { showProspect } from '../../app/prospects/reading.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import { ContactBody } from './prospects.routes.js';
import { decisionView } from '../../app/decisions/views.js';
import { LeadAnswer, NotificationView, notificationView, prospectView } from '../../app/prospects/views.js';
import { Done } from '../answers.js';
import { LIMITS } from '../../app/limits.js';

const Lead = Type.Object(
  {
    company: Type.String({ minLength: 1, maxLength: LIMITS.prospectName }),
    contact: Type.Intersect([
      ContactBody,
      Type.Object({ name: Type.String({ minLength: 1, maxLength: LIMITS.contactName }) }),
    ]),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.owner })),
    dealValue: Type.Optional(Type.Number({ minimum: 0 })),
    via: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export function leadRoutes(app: Api, ctx: AppContext): void {
  app.post(
    '/api/leads',
    {
      schema: {
        tags: ['leads'],
        summary: 'A new inbound lead; its owner is notified at once',
        body: Lead,
        response: { 201: LeadAnswer },
      },
    },
    async (request, reply) => {
      const { prospect, notification } = await intakeLead(ctx, actorOf(request), request.body);
      const listed = await showProspect(ctx, actorOf(request), prospect.id);
      return reply.status(201).send({
        prospect: prospectView(prospect),
        decision: decisionView(listed.decision),
        notification: notificationView(notification),
      });
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['leads'],
        summary: 'Your notifications, newest first',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Array(NotificationView) },
      },
    },
    async (request) =>
      (await listNotifications(ctx, actorOf(request), request.query.unread === true)).map(notificationView),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['leads'],
        summary: 'Mark notifications read',
        body: Type.Object(
          { ids: Type.Array(Type.String(), { maxItems: 500 }) },
          { additionalProperties: false },
        ),
        response: { 204: Done },
      },
    },
    async (request, reply) => {
      await markNotificationsRead(ctx, actorOf(request), request.body.ids);
      return reply.status(204).send(null);
    },
  );
}
