// The decide use case: a playbook and a model loaded once, then one scenario (a parsed JSON value or
// a JSONL line) in, one decision or one contract error out.

import { decide } from '../../core/decide.js';
import type { Decision } from '../../core/decision.js';
import { PursuitError } from '../../core/errors.js';
import { errorBody } from '../errors.js';
import type { ModelParams } from '../../core/model/fit.js';
import { calibratedModel } from '../../core/model/calibrated-model.js';
import { explorationShare, priorModel } from '../../core/model/stopping-model.js';
import type { StoppingModel } from '../../core/model/stopping-model.js';
import { loadPlaybook } from '../../core/playbook/load.js';
import type { Playbook } from '../../core/playbook/load.js';
import { normalizeScenario, stateFromStored } from '../../core/scenario/normalize.js';

export interface Decider {
  readonly playbook: Playbook;
  readonly model: StoppingModel;
  /** Decides a parsed scenario; throws PursuitError INVALID_SCENARIO. */
  decide(input: unknown): Decision;
  /**
   * Decides a stored prospect's scenario (scenarioFromStore), whose data was validated when it was
   * written: the same decision as decide() without checking it all again.
   */
  decideStored(input: unknown): Decision;
  /** Decides one JSONL line into one output line (a decision, or `{"line": N, "error": ...}`). */
  decideLine(line: string, lineNumber: number): { output: string; ok: boolean };
}

export interface DeciderSources {
  defaultPlaybookText: string;
  /** A user's playbook; it may say `extends: default`. */
  playbookText?: string;
  /** A stopping model calibrated on the team's history; the playbook's prior without one. */
  modelParams?: ModelParams;
}

/** The path of a failure about the scenario as a whole (not JSON, not an object). */
const SCENARIO = 'scenario';

/** Names the whole scenario where a check found no field to name. */
function named(error: unknown): unknown {
  if (error instanceof PursuitError && (error.path === undefined || error.path === '')) {
    return new PursuitError(error.code, error.detail, SCENARIO);
  }
  return error;
}

/** Parses JSON text as a scenario, so a syntax error is a contract error like any other. */
export function parseScenarioText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PursuitError(
      'INVALID_SCENARIO',
      `expected a JSON scenario: ${(error as Error).message}`,
      SCENARIO,
    );
  }
}

export function createDecider(sources: DeciderSources): Decider {
  const playbook =
    sources.playbookText === undefined
      ? loadPlaybook(sources.defaultPlaybookText)
      : loadPlaybook(sources.playbookText, sources.defaultPlaybookText);
  const model =
    sources.modelParams === undefined
      ? priorModel(playbook)
      : calibratedModel(sources.modelParams, explorationShare(playbook));
  const decideValue = (input: unknown) => {
    let state;
    try {
      state = normalizeScenario(input);
    } catch (error) {
      throw named(error);
    }
    return decide(state, playbook, model);
  };
  return {
    playbook,
    model,
    decide: decideValue,
    decideStored: (input) => decide(stateFromStored(input), playbook, model),
    decideLine(line, lineNumber) {
      try {
        return { output: JSON.stringify(decideValue(parseScenarioText(line))), ok: true };
      } catch (error) {
        return { output: JSON.stringify({ line: lineNumber, error: errorBody(error) }), ok: false };
      }
    },
  };
}
