// What the outside sees of the stopping model: the model in force against the prior, what a
// calibration found (or why it was refused), and the last policy simulation a team saved. Times
// are ISO 8601, the simulated ones too.

import Type from 'typebox';
import type { Static } from 'typebox';
import type { PriorFigures } from '../../core/model/fit.js';
import type { Report } from '../../core/simulate/report.js';
import { WorldSchema } from '../../core/simulate/world.js';
import type { StoredSimulation } from '../../core/records.js';
import { Instant, Nullable, Shape, iso } from '../shapes.js';
import type { CalibrateResult, ModelView } from './calibrate.js';

const P = Type.Number({ minimum: 0, maximum: 1 });
const count = Type.Integer({ minimum: 0 });
const Curve = Shape(
  { neverReached: Type.Array(Type.Number()), reached: Type.Array(Type.Number()) },
  'by attempt (index 0 = attempt 1): for prospects never reached, and after a conversation',
);
const Win = Shape({ neverReached: P, reached: P }, 'P(win | response)');
const Prior = Shape({ responseByAttempt: Curve, winGivenResponse: Win }, "the playbook's published figures");
const HeldOut = Shape(
  {
    trials: count,
    logLoss: Type.Number(),
    priorLogLoss: Type.Number(),
    deciles: Type.Array(Shape({ trials: count, predicted: P, observed: P })),
  },
  'the check on prospects held out of the fit',
);
const Exploring = Shape(
  {
    share: P,
    prospects: count,
    shortfall: Type.Number({ description: 'what those touches cost beyond what they are expected to earn' }),
    minutes: Type.Number(),
  },
  'what exploration costs now: prospects followed on that the model alone would stop',
);
const Ratios = Type.Record(Type.String(), Type.Record(Type.String(), Type.Number()), {
  description: 'rate ratios by factor (channel, source, deal size, gap) and level',
});

export const ModelAnswer = Shape(
  {
    version: Type.String({ description: 'prior@1, or calibrated@N' }),
    calibrated: Type.Boolean(),
    curve: Curve,
    low: Nullable(Curve),
    high: Nullable(Curve),
    prior: Prior,
    win: Win,
    trials: Nullable(count),
    responses: Nullable(count),
    heldOut: Nullable(HeldOut),
    exploring: Exploring,
    createdAt: Nullable(Instant),
  },
  'The stopping model the team decides with, against the published figures',
);

/** The published figures of the playbook's model section (it holds more: minutes, hourly value). */
function priorOf(prior: PriorFigures): Static<typeof Prior> {
  return { responseByAttempt: prior.responseByAttempt, winGivenResponse: prior.winGivenResponse };
}

export function modelAnswer(m: ModelView): Static<typeof ModelAnswer> {
  return { ...m, prior: priorOf(m.prior), createdAt: iso(m.createdAt) };
}

const Params = Shape(
  {
    version: Type.Integer({ minimum: 1 }),
    priorWeight: Type.Number(),
    curve: Curve,
    low: Curve,
    high: Curve,
    trials: Curve,
    responses: Curve,
    ratios: Ratios,
    win: Win,
    winTrials: Shape({ neverReached: count, reached: count }),
  },
  'the fitted numbers',
);

export const CalibrationAnswer = Shape(
  {
    calibration: Shape({
      params: Type.Optional(Params),
      refusal: Type.Optional(Type.String({ description: 'why the fit may not replace the prior' })),
      trials: count,
      responses: count,
      heldOut: HeldOut,
    }),
    prior: Prior,
    version: Type.Optional(Type.Integer({ description: 'the version put in force (or that would be)' })),
    changed: count,
    applied: Type.Boolean(),
    exploring: Exploring,
  },
  'What a calibration found, and whether it was put in force',
);

export function calibrationAnswer(r: CalibrateResult): Static<typeof CalibrationAnswer> {
  // Undefined fields are left out, as JSON leaves them.
  return JSON.parse(JSON.stringify({ ...r, prior: priorOf(r.prior) })) as Static<typeof CalibrationAnswer>;
}

const Estimate = Shape(
  { mean: Type.Number(), low: Type.Number(), high: Type.Number(), n: count },
  'a mean over seeds with its 95% interval',
);
const Comparison = Shape({ label: Type.String(), against: Type.String(), relativeDifference: Estimate });

export const SimulationReport = Shape(
  {
    world: WorldSchema,
    order: Type.Enum(['agenda', 'oldest']),
    seeds: Type.Array(Type.Integer()),
    playbookVersion: Type.String(),
    rows: Type.Array(
      Shape({
        policy: Type.String(),
        name: Type.String(),
        fixedRule: Type.Boolean(),
        bound: Type.Boolean(),
        revenuePerRepHour: Estimate,
        winsPerRepHour: Estimate,
        touchesOnNeverResponders: Estimate,
        droppedWhoWouldHaveAnswered: Estimate,
        touches: Estimate,
        responses: Estimate,
        dropped: Estimate,
        neverTouched: Estimate,
      }),
    ),
    bestFixedRule: Type.Optional(Type.String()),
    comparisons: Type.Array(Comparison),
    headroom: Type.Optional(Comparison),
    exploration: Type.Optional(
      Shape({
        touches: Estimate,
        share: Estimate,
        repHours: Estimate,
        timeValue: Estimate,
        responses: Estimate,
        revenue: Estimate,
      }),
    ),
    calibrations: Type.Array(
      Shape({
        at: Instant,
        trials: count,
        responses: count,
        winTrials: count,
        applied: Type.Boolean(),
        refusal: Type.Optional(Type.String()),
        curve: Type.Optional(Type.Array(Type.Number())),
        ratios: Type.Optional(Ratios),
        win: Type.Optional(Type.Number()),
      }),
      { description: "the calibrated engine's calibrations on the first seed, in simulated time" },
    ),
  },
  'Every policy on the same simulated leads: revenue and wins per rep-hour with 95% intervals',
);
export type SimulationReport = Static<typeof SimulationReport>;

/** A report as the simulator wrote it (its simulated instants in epoch ms), in the answer's form. */
export function simulationReport(report: Report): SimulationReport {
  const plain = JSON.parse(JSON.stringify(report)) as Report;
  return {
    ...plain,
    calibrations: plain.calibrations.map((c) => ({ ...c, at: iso(c.at) })),
  } as SimulationReport;
}

export const LatestSimulation = Shape({
  simulation: Nullable(Shape({ world: Type.String(), createdAt: Instant, report: SimulationReport })),
});

export function latestSimulationAnswer(saved: StoredSimulation | undefined): Static<typeof LatestSimulation> {
  if (saved === undefined) return { simulation: null };
  return {
    simulation: {
      world: saved.world,
      createdAt: iso(saved.createdAt),
      report: simulationReport(saved.report as Report),
    },
  };
}
