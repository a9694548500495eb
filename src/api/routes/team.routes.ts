// The team dashboard's numbers (managers see their team, admins everyone, a rep themselves).

import { teamDashboard } from '../../app/day/team.js';
import type { AppContext } from '../../app/context.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import { TeamAnswer, teamAnswer } from '../../app/day/views.js';

export function teamRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/team',
    {
      schema: {
        tags: ['team'],
        summary:
          'Touches before giving up, response rate by attempt, speed to lead, after break-ups, overdue',
        response: { 200: TeamAnswer },
      },
    },
    async (request) => teamAnswer(await teamDashboard(ctx, actorOf(request))),
  );
}
