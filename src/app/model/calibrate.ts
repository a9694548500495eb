// Calibrating the stopping model on the organisation's own history: every prospect's history is
// read page by page and reduced to counts (core/model/trials.ts, calibrate.ts), the fit is checked
// on held-out prospects, and a model that earns it becomes a new version in force; every prospect is
// then decided again, and the decisions record the version. With `dryRun`, nothing is kept but the
// figures: what the curve would be and how many decisions would change.
//
// The database's writer is never held for the whole run, so reps keep logging while it runs: each
// page of histories is read in a read-only transaction of its own (the counts are all that is kept
// of it), the new model is put in force in one short write, and everyone is then decided again a
// page per write transaction (redecide.ts). A failure part way leaves the model in force and each
// prospect's decision either the earlier one or the new one, each naming its model (see redecide.ts).

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
import type { Prospect, StoredDecision, StoredModel, User } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { models } from '../../store/repositories/models.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext } from '../context.js';
import { activeEngine } from '../decisions/decisions.js';
import { inTransaction } from '../context.js';
import type { Q } from '../context.js';
import { REDECIDE_PAGE, redecideInPages } from './redecide.js';

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

/** Where a calibration is: reading histories, then deciding everyone again. */
export interface CalibrationProgress {
  stage: 'reading' | 'deciding';
  /** Prospects read (or decided) so far. */
  prospects: number;
}

export interface CalibrateOptions extends CalibrationOptions {
  dryRun?: boolean;
  /** Prospects per page, read or decided in one transaction (default 2,000). */
  pageSize?: number;
  /** Told after each page, between two transactions (none is open); the run waits for it. */
  onProgress?: (progress: CalibrationProgress) => void | Promise<void>;
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

/** Adds decisions to what exploration costs (only those kept by the exploration rule count). */
function addExploring(into: Exploring, list: readonly StoredDecision[]): Exploring {
  for (const d of list) {
    if (d.rule !== 'exploration') continue;
    into.prospects += 1;
    const m = (d.decision as Pick<Decision, 'model'>).model;
    if (m === undefined) continue;
    into.shortfall += Math.max(0, m.touchCost - m.expectedValue);
    into.minutes += m.minutes;
  }
  return into;
}

async function exploring(q: Q, orgId: string, share: number): Promise<Exploring> {
  const kept = await decisions.listByRule(q, orgId, 'exploration');
  return addExploring({ share, prospects: 0, shortfall: 0, minutes: 0 }, kept);
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

/**
 * Reads every prospect's lessons into the evidence, a page per read-only transaction (keyset by
 * prospect id); only the counts outlive a page.
 */
async function gather(ctx: AppContext, orgId: string, now: number, options: CalibrateOptions) {
  const evidence = new Evidence();
  const limit = options.pageSize ?? REDECIDE_PAGE;
  let after = '';
  let read = 0;
  for (;;) {
    const { page, histories } = await inTransaction(
      ctx,
      async (q) => {
        const list = await prospects.pageAfter(q, { orgId, afterId: after, limit });
        return {
          page: list,
          histories: await events.historiesOf(
            q,
            list.map((p) => p.id),
          ),
        };
      },
      { readOnly: true },
    );
    if (page.length === 0) return evidence;
    for (const p of page) {
      const json = histories.get(p.id);
      if (json === undefined) continue;
      const { trials, wins } = lessonsFromHistory(p, json, now);
      evidence.add(p.id, trials, wins);
    }
    read += page.length;
    await options.onProgress?.({ stage: 'reading', prospects: read });
    after = page.at(-1)?.id as string;
  }
}

/**
 * Stores the model as the version in force, numbered after the latest one now stored: should
 * another calibration have taken its number meanwhile, it is the next, under an id of its own (the
 * engine is compiled once per model id).
 */
async function putInForce(q: Q, model: StoredModel): Promise<StoredModel> {
  const version = (await models.latestVersion(q, model.orgId)) + 1;
  const params = model.params as ModelParams;
  const stored =
    version === model.version
      ? model
      : { ...model, id: randomUUID(), version, params: { ...params, version } };
  await models.insertActive(q, stored);
  return stored;
}

/** Fits the model on the team's history and, unless refused or a dry run, puts it in force. */
export async function calibrateModel(
  ctx: AppContext,
  actor: User,
  options: CalibrateOptions = {},
): Promise<CalibrateResult> {
  const { dryRun, pageSize, onProgress, ...fitting } = options;
  if (dryRun !== true && actor.role !== 'admin')
    throw new PursuitError(
      'FORBIDDEN',
      'only an admin can put a calibrated model in force (try --dry-run)',
      'model',
    );
  const now = ctx.now();
  const { orgId } = actor;
  const frame = await inTransaction(
    ctx,
    async (q) => {
      const { playbook } = await activeEngine(q, orgId, ctx.defaultPlaybookText);
      const version = (await models.latestVersion(q, orgId)) + 1;
      return { prior: playbook.doc.model, share: explorationShare(playbook), version };
    },
    { readOnly: true },
  );
  const { prior, share } = frame;
  const evidence = await gather(ctx, orgId, now, options);
  const calibration = calibrate(evidence, prior, { ...fitting, version: frame.version });
  if (calibration.params === undefined) {
    const cost = await inTransaction(ctx, (q) => exploring(q, orgId, share), { readOnly: true });
    return { calibration, prior, version: undefined, changed: 0, applied: false, exploring: cost };
  }
  const candidate: StoredModel = {
    id: randomUUID(),
    orgId,
    version: frame.version,
    params: calibration.params,
    summary: { trials: calibration.trials, responses: calibration.responses, heldOut: calibration.heldOut },
    createdBy: actor.id,
    createdAt: now,
    active: true,
  };
  // A dry run puts the candidate in force inside each page's transaction, which is rolled back.
  let model = candidate;
  if (dryRun !== true) model = await inTransaction(ctx, (q) => putInForce(q, candidate));
  const cost: Exploring = { share, prospects: 0, shortfall: 0, minutes: 0 };
  const changed = await redecideInPages(ctx, orgId, now, {
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(dryRun === true
      ? { rollBack: true, before: async (q: Q) => void (model = await putInForce(q, model)) }
      : {}),
    onPage: async (decided, done) => {
      addExploring(cost, decided);
      await onProgress?.({ stage: 'deciding', prospects: done });
    },
  });
  return {
    calibration: model === candidate ? calibration : { ...calibration, params: model.params as ModelParams },
    prior,
    version: model.version,
    changed,
    applied: dryRun !== true,
    exploring: cost,
  };
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
