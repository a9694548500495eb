// The calibrated engine's monthly calibration: what the simulated history teaches so far (every
// prospect's trials and, once their results are known, its deals), fitted and checked by
// calibrate(). A refusal keeps the model in use.

import { calibrate, Evidence } from '../model/calibrate.js';
import type { ModelParams } from '../model/fit.js';
import { lessonsOf } from '../model/trials.js';
import type { Playbook } from '../playbook/load.js';
import { stateAsOf } from './chase.js';
import type { Chase } from './chase.js';

export interface CalibrationNote {
  /** When it ran (epoch ms). */
  at: number;
  trials: number;
  responses: number;
  winTrials: number;
  applied: boolean;
  refusal: string | undefined;
  /** The fitted curve for prospects never reached, attempts 1 to 12, when applied. */
  curve: number[] | undefined;
  ratios: ModelParams['ratios'] | undefined;
  win: number | undefined;
}

export function learn(
  chases: readonly Chase[],
  now: number,
  playbook: Playbook,
  version: number,
): { note: CalibrationNote; params: ModelParams | undefined } {
  const evidence = new Evidence();
  let winTrials = 0;
  for (const chase of chases) {
    if (chase.attempts === 0) continue;
    const lessons = lessonsOf(stateAsOf(chase, now));
    evidence.add(chase.lead.id, lessons.trials, lessons.wins);
    winTrials += lessons.wins.length;
  }
  const result = calibrate(evidence, playbook.doc.model, { version });
  const params = result.params;
  return {
    params,
    note: {
      at: now,
      trials: result.trials,
      responses: result.responses,
      winTrials,
      applied: params !== undefined,
      refusal: result.refusal,
      curve: params?.curve.neverReached,
      ratios: params?.ratios,
      win: params?.win.neverReached,
    },
  };
}
