// The stopping model's numbers for a touch: expected value against the cost of the rep's time.

import type { ModelNumbersT, ReachChannel } from '../decision.js';
import type { Ctx } from './context.js';

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

export interface Evaluation {
  numbers: ModelNumbersT;
  /** Expected value above cost, compared before rounding. */
  worthIt: boolean;
}

export function evaluateTouch(ctx: Ctx, channel: ReachChannel): Evaluation {
  const attempt = ctx.h.stretch.length + 1;
  const last = ctx.h.stretch.at(-1);
  const { pResponse, pWin } = ctx.model.estimate({
    attempt,
    reached: ctx.h.reached,
    channel,
    source: ctx.state.prospect.source,
    dealValue: ctx.dealValue,
    sinceLastTouch: last === undefined ? undefined : ctx.now - last.at,
  });
  const minutes = ctx.playbook.doc.model.minutesPerTouch[channel];
  const expectedValue = pResponse * pWin * ctx.dealValue;
  const touchCost = (minutes * ctx.hourlyValue) / 60;
  return {
    numbers: {
      attempt,
      pResponse: round(pResponse, 4),
      pWin: round(pWin, 4),
      dealValue: ctx.dealValue,
      expectedValue: round(expectedValue, 2),
      minutes,
      hourlyValue: ctx.hourlyValue,
      touchCost: round(touchCost, 2),
    },
    worthIt: expectedValue > touchCost,
  };
}
