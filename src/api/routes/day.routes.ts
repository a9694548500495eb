// A rep's day (the agenda, in the order their time earns most) and the pipeline by state.

import { Type } from 'typebox';
import { agenda, pipeline } from '../../app/agenda.js';
import type { AppContext } from '../../app/context.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import { contactView, prospectView, publicUser } from './views.js';

export function dayRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary: "A rep's actions for a day, time-critical first, then by value per minute",
        querystring: Type.Object(
          {
            rep: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
            date: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const day = await agenda(ctx, actorOf(request), request.query);
      return {
        // The server's clock (fixed for demos and tests): "overdue by" is counted from it.
        now: new Date(ctx.now()).toISOString(),
        rep: publicUser(day.rep),
        date: day.date,
        totalMinutes: day.totalMinutes,
        availableMinutes: day.availableMinutes,
        fitting: day.fitting,
        items: day.items.map((item) => ({
          prospect: prospectView(item.prospect),
          contact: item.contact === undefined ? null : contactView(item.contact),
          decision: item.decision,
          due: new Date(item.due).toISOString(),
          minutes: item.minutes,
          fits: item.fits,
        })),
      };
    },
  );

  app.get(
    '/api/pipeline',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Prospects by state, and those with no dated next step',
        querystring: Type.Object(
          { owner: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const p = await pipeline(ctx, actorOf(request), request.query);
      return { counts: p.counts, total: p.total, noNextStep: p.noNextStep.map(prospectView) };
    },
  );
}
