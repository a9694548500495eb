// Calibrating the stopping model on the organisation's own history: every prospect's history is
// read page by page and reduced to counts (core/model/trials.ts, calibrate.ts), the fit is checked
// on held-out prospects, and a model that earns it becomes a new version in force; every prospect is
// then decided again, and the decisions record the version. With `dryRun`, everything is rolled back
// and only the figures are kept: what the curve would be and how many decisions would change.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import { Evidence, calibrate } from '../../core/model/calibrate.js';
import type { Calibration } from '../../core/model/calibrate.js';
import type { Decision } from '../../core/decision.js';
import type { CalibrationOptions, ModelParams, PriorFigures } from '../../core/model/fit.js';
import type { Curve } from '../../core/model/tally.js';
import { explorationShare } from '../../core/model/stopping-model.js';
import { lessonsOf } from '../../core/model/trials.js';
import { parseInstant } from '../../core/scenario/time.js';
import type { Lessons } from '../../core/model/trials.js';
import type { HistoryEvent, State } from '../../core/scenario/state.js';
import type { Prospect, StoredModel, User } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { models } from '../../store/repositories/models.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext } from '../context.js';
import { activeEngine } from '../decisions/decisions.js';
import { redecideAll } from '../decisions/playbook.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';

const PAGE = 2000;

export interface CalibrateResult {
  calibration: Calibration;
  prior: PriorFigures;
  /** The version put in force (or that would be, on a dry run); undefined when calibration refused. */
  version: number | undefined;
  /** Decisions whose action or rule changed (or would). */
  changed: number;
  applied: boolean;
  /** What exploration costs under the new model (or would): see `Exploring`. */
  exploring: Exploring;
}

/**
 * What exploration costs now: the share of prospects followed on to the hard maximum (the
 * playbook's), how many of them the model alone would have broken up with today, and how much
 * their next touches cost in the reps' time beyond what they are expected to earn.
 */
export interface Exploring {
  share: number;
  prospects: number;
  /** The sum over those next touches of (touch cost - expected value), in the deal currency. */
  shortfall: number;
  /** The reps' minutes those touches take. */
  minutes: number;
}

async function exploring(q: Q, orgId: string, share: number): Promise<Exploring> {
  const kept = await decisions.listByRule(q, orgId, 'exploration');
  let shortfall = 0;
  let minutes = 0;
  for (const d of kept) {
    const m = (d.decision as Pick<Decision, 'model'>).model;
    if (m === undefined) continue;
    shortfall += Math.max(0, m.touchCost - m.expectedValue);
    minutes += m.minutes;
  }
  return { share, prospects: kept.length, shortfall, minutes };
}

/** What one prospect's stored history (the contract's events, as JSON array text) teaches. */
export function lessonsFromHistory(
  prospect: Pick<Prospect, 'id' | 'source' | 'dealValue'>,
  json: string,
  now: number,
): Lessons {
  const history = JSON.parse(json) as Record<string, unknown>[];
  // Only what lessonsOf reads: the events in order, their instants as numbers (read in place).
  for (let seq = 0; seq < history.length; seq += 1) {
    const e = history[seq] as Record<string, unknown>;
    e.at = parseInstant(String(e.at)) ?? Date.parse(String(e.at));
    e.seq = seq;
  }
  const state = {
    now,
    prospect: { id: prospect.id, source: prospect.source, dealValue: prospect.dealValue ?? undefined },
    events: history as unknown as HistoryEvent[],
  } as unknown as State;
  return lessonsOf(state);
}

/** Reads every prospect's lessons into the evidence, a page at a time. */
async function gather(q: Q, orgId: string, now: number, onProgress?: (prospects: number) => void) {
  const evidence = new Evidence();
  let after = '';
  let read = 0;
  for (;;) {
    const page: Prospect[] = await prospects.pageAfter(q, { orgId, afterId: after, limit: PAGE });
    if (page.length === 0) return evidence;
    const histories = await events.historiesOf(
      q,
      page.map((p) => p.id),
    );
    for (const p of page) {
      const json = histories.get(p.id);
      if (json === undefined) continue;
      const { trials, wins } = lessonsFromHistory(p, json, now);
      evidence.add(p.id, trials, wins);
    }
    read += page.length;
    onProgress?.(read);
    after = page.at(-1)?.id as string;
  }
}

class DryRunDone extends Error {
  constructor(readonly result: CalibrateResult) {
    super('dry run');
  }
}

/** Fits the model on the team's history and, unless refused or a dry run, puts it in force. */
export async function calibrateModel(
  ctx: AppContext,
  actor: User,
  options: CalibrationOptions & { dryRun?: boolean; onProgress?: (prospects: number) => void } = {},
): Promise<CalibrateResult> {
  if (options.dryRun !== true && actor.role !== 'admin')
    throw new PursuitError(
      'FORBIDDEN',
      'only an admin can put a calibrated model in force (try --dry-run)',
      'model',
    );
  const now = ctx.now();
  try {
    return await inTransaction(ctx, async (q) => {
      const { playbook } = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
      const prior = playbook.doc.model;
      const evidence = await gather(q, actor.orgId, now, options.onProgress);
      const version = (await models.latestVersion(q, actor.orgId)) + 1;
      const calibration = calibrate(evidence, prior, { ...options, version });
      const share = explorationShare(playbook);
      if (calibration.params === undefined)
        return {
          calibration,
          prior,
          version: undefined,
          changed: 0,
          applied: false,
          exploring: await exploring(q, actor.orgId, share),
        };
      const stored: StoredModel = {
        id: randomUUID(),
        orgId: actor.orgId,
        version,
        params: calibration.params,
        summary: {
          trials: calibration.trials,
          responses: calibration.responses,
          heldOut: calibration.heldOut,
        },
        createdBy: actor.id,
        createdAt: now,
        active: true,
      };
      await models.insertActive(q, stored);
      const changed = await redecideAll(q, actor.orgId, now, ctx.defaultPlaybookText);
      const result = {
        calibration,
        prior,
        version,
        changed,
        applied: options.dryRun !== true,
        exploring: await exploring(q, actor.orgId, share),
      };
      if (options.dryRun === true) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

/** The model in force, if a calibrated one is. */
export async function activeModel(ctx: AppContext, actor: User): Promise<StoredModel | undefined> {
  return inTransaction(ctx, (q) => models.active(q, actor.orgId));
}

/** The stopping model the team decides with, as the dashboard shows it: its curve against the prior. */
export interface ModelView {
  version: string;
  calibrated: boolean;
  curve: Curve;
  /** 90% intervals (a calibrated model only). */
  low: Curve | null;
  high: Curve | null;
  prior: PriorFigures;
  win: { neverReached: number; reached: number };
  trials: number | null;
  responses: number | null;
  heldOut: Calibration['heldOut'] | null;
  /** What exploration costs now (nothing under the prior, which explores nothing). */
  exploring: Exploring;
  createdAt: number | null;
}

export async function modelView(ctx: AppContext, actor: User): Promise<ModelView> {
  return inTransaction(ctx, async (q) => {
    const { playbook } = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
    const prior = playbook.doc.model;
    const active = await models.active(q, actor.orgId);
    if (active === undefined) {
      return {
        version: 'prior@1',
        calibrated: false,
        curve: prior.responseByAttempt,
        low: null,
        high: null,
        prior,
        win: prior.winGivenResponse,
        trials: null,
        responses: null,
        heldOut: null,
        exploring: { share: 0, prospects: 0, shortfall: 0, minutes: 0 },
        createdAt: null,
      };
    }
    const params = active.params as ModelParams;
    const summary = active.summary as Pick<Calibration, 'trials' | 'responses' | 'heldOut'>;
    return {
      version: `calibrated@${active.version}`,
      calibrated: true,
      curve: params.curve,
      low: params.low,
      high: params.high,
      prior,
      win: params.win,
      trials: summary.trials,
      responses: summary.responses,
      heldOut: summary.heldOut,
      exploring: await exploring(q, actor.orgId, explorationShare(playbook)),
      createdAt: active.createdAt,
    };
  });
}
