// The stopping model the team decides with: its response curve by attempt (with intervals, once
// calibrated) against the published-figure prior, its win rates and its held-out check; and the
// last policy simulation the team saved.

import { Type } from 'typebox';
import { calibrateModel, modelView } from '../../app/model/calibrate.js';
import { latestSimulation } from '../../app/model/simulations.js';
import type { AppContext } from '../../app/context.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';
import {
  CalibrationAnswer,
  LatestSimulation,
  ModelAnswer,
  calibrationAnswer,
  latestSimulationAnswer,
  modelAnswer,
} from '../../app/model/views.js';

export function modelRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/model',
    {
      schema: {
        tags: ['model'],
        summary:
          'The stopping model in force: its response curve against the prior, win rates, held-out check',
        response: { 200: ModelAnswer },
      },
    },
    async (request) => modelAnswer(await modelView(ctx, actorOf(request))),
  );

  app.post(
    '/api/model/calibrate',
    {
      schema: {
        tags: ['model'],
        summary: "Fit the stopping model on the team's history; with dryRun, only show what it would do",
        description:
          'Refused (applied: false, with the reason) when the history is too thin or the fit does not beat the ' +
          'prior on held-out prospects. Putting a model in force is for admins; anyone may ask for a dry run.',
        body: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: CalibrationAnswer },
      },
    },
    async (request) =>
      calibrationAnswer(
        await calibrateModel(ctx, actorOf(request), { dryRun: request.body.dryRun === true }),
      ),
  );

  app.get(
    '/api/simulations/latest',
    {
      schema: {
        tags: ['model'],
        summary: 'The last policy simulation the team saved (pursuit simulate --save), or null',
        description:
          'None yet is an answer (simulation: null), not an error: the dashboard says how to run one.',
        response: { 200: LatestSimulation },
      },
    },
    async (request) => latestSimulationAnswer(await latestSimulation(ctx, actorOf(request))),
  );
}
