// The stopping model fitted on a team's history (calibrate.ts) behind the same interface as the
// prior: P(response) from the fitted curve and ratios, P(win | response) from the fitted win rates,
// and the exploration share in force (the playbook's `model.exploration`).

import { predict } from './fit.js';
import type { ModelParams } from './fit.js';
import { unitHash } from './tally.js';
import type { StoppingModel } from './stopping-model.js';

export function calibratedModel(params: ModelParams, exploration: number): StoppingModel {
  return {
    version: `calibrated@${params.version}`,
    estimate: (q) => ({
      pResponse: predict(params, q),
      pWin: q.reached ? params.win.reached : params.win.neverReached,
    }),
    explores: (prospectId) => unitHash(`explore:${prospectId}`) < exploration,
  };
}
