// The stopping model the team decides with: its response curve by attempt (with intervals, once
// calibrated) against the published-figure prior, its win rates and its held-out check.

import { modelView } from '../../app/calibrate.js';
import type { AppContext } from '../../app/context.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';

export function modelRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/model',
    {
      schema: {
        tags: ['model'],
        summary:
          'The stopping model in force: its response curve against the prior, win rates, held-out check',
      },
    },
    async (request) => modelView(ctx, actorOf(request)),
  );
}
