// The demo's plan: which story each prospect tells (every kind of kinds-*.ts, in their order), and
// whose it is.

import type { User } from '../../core/records.js';
import { COMMITMENT_KINDS } from './kinds-commitments.js';
import { ENDING_KINDS } from './kinds-endings.js';
import { OUTREACH_KINDS } from './kinds-outreach.js';
import type { Rng } from './words.js';

// The order of the kinds is part of the seed's demo: the plan draws from them in this order.
export const KINDS = { ...OUTREACH_KINDS, ...COMMITMENT_KINDS, ...ENDING_KINDS };

export type KindName = keyof typeof KINDS;

export interface PlanItem {
  kind: KindName;
  owner: User;
}

/** Every kind once (and a reply to answer and a call due now for every rep), then by weight. */
export function plan(count: number, reps: User[], rng: Rng): PlanItem[] {
  const kinds = Object.keys(KINDS) as KindName[];
  const items: PlanItem[] = [];
  for (const owner of reps) items.push({ kind: 'old-reply', owner }, { kind: 'committed-call-now', owner });
  kinds
    .filter((k) => k !== 'old-reply' && k !== 'committed-call-now')
    .forEach((kind, i) => items.push({ kind, owner: reps[i % reps.length] as User }));
  const weights = kinds.map((k) => [k, KINDS[k].weight] as const);
  while (items.length < count) {
    items.push({ kind: rng.weighted(weights), owner: reps[items.length % reps.length] as User });
  }
  return items.slice(0, count);
}
