// The policies a simulation compares. All of them take every action from the engine (channel,
// spacing, the weekly cap, speed to lead) and work the day in the agenda's order with the same
// minutes, so that what differs is when to stop (and, for two of them, the model or the order).

/** `agenda`: the agenda's order (compareAgenda); `oldest`: the longest-waiting action first. */
export type Order = 'agenda' | 'oldest';

export interface EnginePolicy {
  kind: 'engine';
  id: string;
  name: string;
  /**
   * `calibrated`: recalibrates on the simulated history every `calibrateEveryDays`; `prior`: the
   * playbook's prior throughout; `truth`: the world's own truth (truth.ts), which no team could
   * have: what perfect knowledge would earn under the same playbook and order.
   */
  model: 'calibrated' | 'prior' | 'truth';
  order: Order;
}

export interface FixedPolicy {
  kind: 'fixed';
  id: string;
  name: string;
  /** Drops the prospect after this many unanswered touches (Infinity: never). */
  stopAfter: number;
  order: Order;
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

/**
 * The policies of a simulation in which every rep works a given order: the agenda's (the usual
 * comparison, with the prior engine working oldest first for contrast), or oldest first for all.
 */
export function policiesFor(order: Order): readonly Policy[] {
  if (order === 'agenda') return POLICIES;
  return POLICIES.filter((p) => p.order === 'agenda').map((p) => ({ ...p, order }));
}

/** The bound is reported beside the policies, never compared as one of them. */
export const isBound = (policy: Policy): boolean => policy.kind === 'engine' && policy.model === 'truth';

export function isFixedRule(policy: Policy): policy is FixedPolicy {
  return policy.kind === 'fixed';
}
