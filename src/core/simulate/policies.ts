// The policies a simulation compares. All of them take every action from the engine (channel,
// spacing, the weekly cap, speed to lead) and work the day in the agenda's order with the same
// minutes, so that what differs is when to stop (and, for two of them, the model or the order).

export interface EnginePolicy {
  kind: 'engine';
  id: string;
  name: string;
  /**
   * `calibrated`: recalibrates on the simulated history every `calibrateEveryDays`; `prior`: the
   * playbook's prior throughout; `truth`: the world's own truth (truth.ts), the bound of what any
   * stopping model could earn, which no team could have.
   */
  model: 'calibrated' | 'prior' | 'truth';
  /** `agenda`: expected value per minute (compareAgenda); `oldest`: the longest-waiting action first. */
  order: 'agenda' | 'oldest';
}

export interface FixedPolicy {
  kind: 'fixed';
  id: string;
  name: string;
  /** Drops the prospect after this many unanswered touches (Infinity: never). */
  stopAfter: number;
  order: 'agenda';
}

export type Policy = EnginePolicy | FixedPolicy;

const fixed = (n: number): FixedPolicy => ({
  kind: 'fixed',
  id: `stop-after-${n}`,
  name: `stop after ${n}`,
  stopAfter: n,
  order: 'agenda',
});

export const POLICIES: readonly Policy[] = [
  { kind: 'engine', id: 'calibrated', name: 'engine (calibrated)', model: 'calibrated', order: 'agenda' },
  { kind: 'engine', id: 'prior', name: 'engine (prior only)', model: 'prior', order: 'agenda' },
  {
    kind: 'engine',
    id: 'prior-oldest-first',
    name: 'engine (prior), oldest first',
    model: 'prior',
    order: 'oldest',
  },
  fixed(1),
  fixed(2),
  fixed(5),
  fixed(8),
  fixed(12),
  {
    kind: 'fixed',
    id: 'never-stop',
    name: 'never stop',
    stopAfter: Number.POSITIVE_INFINITY,
    order: 'agenda',
  },
  {
    kind: 'engine',
    id: 'truth',
    name: 'bound: engine knowing the truth',
    model: 'truth',
    order: 'agenda',
  },
];

/** The bound is reported beside the policies, never compared as one of them. */
export const isBound = (policy: Policy): boolean => policy.kind === 'engine' && policy.model === 'truth';

export function isFixedRule(policy: Policy): policy is FixedPolicy {
  return policy.kind === 'fixed';
}
