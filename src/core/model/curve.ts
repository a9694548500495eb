// The response curve behind a decision: the model's P(response) for this prospect's conditions at
// every attempt of a silence stretch, and the break-even rate above which a touch pays for the rep's
// time (cost / (P(win | response) x deal value)). What the prospect page draws.

import type { ModelNumbersT } from '../decision.js';
import type { ModelQuery, StoppingModel } from './stopping-model.js';

export const CURVE_ATTEMPTS = 12;

export interface ResponseCurve {
  modelVersion: string;
  /** P(response) at attempts 1 to 12, for this prospect. */
  pResponse: number[];
  /** The attempt the decision is about. */
  attempt: number;
  /** The response rate at which the next touch just pays for itself. */
  breakEven: number;
}

export function responseCurve(
  model: StoppingModel,
  conditions: Omit<ModelQuery, 'attempt'>,
  numbers: Pick<ModelNumbersT, 'attempt' | 'pWin' | 'dealValue' | 'touchCost'>,
): ResponseCurve {
  const pResponse = Array.from(
    { length: CURVE_ATTEMPTS },
    (_, i) => Math.round(model.estimate({ ...conditions, attempt: i + 1 }).pResponse * 10_000) / 10_000,
  );
  const worth = numbers.pWin * numbers.dealValue;
  return {
    modelVersion: model.version,
    pResponse,
    attempt: numbers.attempt,
    breakEven: worth <= 0 ? 1 : Math.min(1, Math.round((numbers.touchCost / worth) * 10_000) / 10_000),
  };
}
