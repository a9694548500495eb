// The stopping model behind rule 9g: the probability that the next touch gets a response and of a
// win given a response. This first version is the prior of PLAYBOOK.md's "Default numbers"; a model
// calibrated on the team's history replaces it through the same interface.

import type { ReachChannel } from '../decision.js';
import type { Playbook } from '../playbook/load.js';
import type { Source } from '../scenario/state.js';

export interface ModelQuery {
  /** The number of the next touch in the current silence stretch (1 = first). */
  attempt: number;
  reached: boolean;
  channel: ReachChannel;
  source: Source;
  dealValue: number;
  /** Milliseconds since the last touch of the stretch, when there is one. */
  sinceLastTouch: number | undefined;
}

export interface ModelEstimate {
  pResponse: number;
  pWin: number;
}

export interface StoppingModel {
  /** Recorded on every decision as `modelVersion`. */
  readonly version: string;
  estimate(query: ModelQuery): ModelEstimate;
  /**
   * Whether this prospect is one of the few followed on to the hard maximum whatever the cost, so
   * that late attempts keep being observed (a calibrated model; the prior explores nothing).
   */
  explores?(prospectId: string): boolean;
}

/** The share of prospects a calibrated model follows on to the hard maximum (the playbook's number). */
export function explorationShare(playbook: Playbook): number {
  return playbook.doc.model.exploration ?? DEFAULT_EXPLORATION;
}

export const DEFAULT_EXPLORATION = 0.05;

/** The published-figure prior: response by attempt (reached or not) and win rate, from the playbook. */
export function priorModel(playbook: Playbook): StoppingModel {
  const { responseByAttempt, winGivenResponse } = playbook.doc.model;
  const pick = (table: number[], attempt: number) => table[Math.min(attempt, table.length) - 1] as number;
  return {
    version: 'prior@1',
    estimate: ({ attempt, reached }) => ({
      pResponse: pick(reached ? responseByAttempt.reached : responseByAttempt.neverReached, attempt),
      pWin: reached ? winGivenResponse.reached : winGivenResponse.neverReached,
    }),
  };
}
