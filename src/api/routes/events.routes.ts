// Logging what happened (a call, an email, a meeting, their response, a commitment, a prep note, a
// deal), which re-decides at once; and taking back the last thing logged.

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { BULK_LIMIT, actOnMany } from '../../app/prospects/bulk.js';
import type { BulkAction } from '../../app/prospects/bulk.js';
import { logEvent, undoLast } from '../../app/prospects/logging.js';
import type { Logged } from '../../app/prospects/logging.js';
import { PursuitError } from '../../core/errors.js';
import type { LogInput } from '../../app/prospects/event-input.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import {
  BulkView,
  LoggedView,
  UndoneView,
  bulkView,
  loggedView,
  undoneView,
} from '../../app/prospects/views.js';
import { EVENT_TEXT_LIMITS } from '../../app/limits.js';

const Text = (max = 500) => Type.String({ minLength: 1, maxLength: max });
const Opt = (max?: number) => Type.Optional(Text(max));

export const LogBody = Type.Object(
  {
    type: Type.Union(['touch', 'response', 'commitment', 'prep', 'deal'].map((t) => Type.Literal(t))),
    contact: Opt(200),
    at: Opt(100),
    channel: Opt(20),
    outcome: Opt(20),
    purpose: Opt(40),
    duration: Opt(20),
    objective: Opt(EVENT_TEXT_LIMITS.objective),
    agenda: Opt(EVENT_TEXT_LIMITS.agenda),
    agendaShared: Type.Optional(Type.Boolean()),
    powns: Opt(EVENT_TEXT_LIMITS.powns),
    objections: Opt(EVENT_TEXT_LIMITS.objections),
    infoTailored: Type.Optional(Type.Boolean()),
    sentiment: Opt(20),
    until: Opt(100),
    referred: Opt(200),
    kind: Opt(20),
    by: Opt(20),
    due: Opt(100),
    description: Opt(EVENT_TEXT_LIMITS.description),
    replaces: Opt(200),
    commitment: Opt(200),
    result: Opt(20),
  },
  { additionalProperties: false },
);

export function eventRoutes(app: Api, ctx: AppContext): void {
  app.post(
    '/api/prospects/:id/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Log an event; the answer carries the next decision',
        params: Type.Object({ id: Text(200) }),
        body: LogBody,
        response: { 201: LoggedView },
      },
    },
    async (request, reply) => {
      const { type, ...rest } = request.body;
      const logged = await logEvent(ctx, actorOf(request), request.params.id, {
        ...rest,
        type: type as Logged['event']['type'],
      });
      return reply.status(201).send(loggedView(logged));
    },
  );

  app.post(
    '/api/undo',
    {
      schema: {
        tags: ['events'],
        summary: 'Take back the last event you logged',
        description:
          'Refused (409) when that event is on a prospect you no longer see (it went to someone else): ' +
          'nothing is taken back, and nothing of that prospect is shown.',
        response: { 200: UndoneView },
      },
    },
    async (request) => undoneView(await undoLast(ctx, actorOf(request))),
  );

  app.post(
    '/api/prospects/bulk',
    {
      schema: {
        tags: ['events'],
        summary: 'Snooze many prospects, or log the same thing on each, all or nothing',
        description:
          'A prospect that refuses (not found, no contact, an outcome its channel lacks) names itself and ' +
          'nothing is written. What is logged together is taken back by one undo.',
        body: Type.Object(
          {
            ids: Type.Array(Text(200), { minItems: 1, maxItems: BULK_LIMIT }),
            action: Type.Union([Type.Literal('snooze'), Type.Literal('log')]),
            until: Opt(100),
            log: Type.Optional(LogBody),
          },
          { additionalProperties: false },
        ),
        response: { 200: BulkView },
      },
    },
    async (request) => {
      const { ids, action, until, log } = request.body;
      let what: BulkAction;
      if (action === 'snooze') what = { type: 'snooze', until: required(until, 'until', 'a snooze') };
      else {
        const { type, ...rest } = required(log, 'log', 'logging');
        what = { type: 'log', log: { ...rest, type: type as LogInput['type'] } };
      }
      return bulkView(await actOnMany(ctx, actorOf(request), ids, what));
    },
  );
}

/** A field the chosen bulk action needs. */
function required<T>(value: T | undefined, field: string, what: string): T {
  if (value === undefined) throw new PursuitError('INVALID_INPUT', `${what} needs ${field}`, field);
  return value;
}
