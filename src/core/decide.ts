// The engine: decide(state, playbook, model) -> Decision. Rules run in PLAYBOOK.md's precedence
// order and the first that decides wins; rule 9 always decides. Pure and deterministic.

import type { Decision } from './decision.js';
import { readHistory } from './history.js';
import { priorModel } from './model/stopping-model.js';
import type { StoppingModel } from './model/stopping-model.js';
import type { Playbook } from './playbook/load.js';
import { commitments } from './rules/commitments.js';
import type { Ctx, Rule } from './rules/context.js';
import { customer } from './rules/customer.js';
import { scheduleNextStep, speedToLead } from './rules/first-touches.js';
import { followUp } from './rules/follow-up.js';
import { ourSideChanged } from './rules/our-side.js';
import { doNotContact } from './rules/protect.js';
import { notRight } from './rules/qualify.js';
import { lostDeal, outOfOffice, responses } from './rules/responses.js';
import type { Deal, Relationship, State } from './scenario/state.js';

const PRECEDENCE: readonly Rule[] = [
  doNotContact, // 1
  customer, // 2
  ourSideChanged, // 3
  notRight, // 4
  (ctx) => responses(ctx), // 5: answer a reply; not-now and not-interested enter nurture (10)
  lostDeal, // 10, entered by a lost deal: holds until they speak again
  outOfOffice, // 5: out-of-office holds the active follow-up
  commitments, // 6
  speedToLead, // 7
  scheduleNextStep, // 8
  followUp, // 9 (and 10 after a break-up)
];

/**
 * The relationship after the logged deals: a won deal makes a prospect a customer. The record keeps
 * what was typed or imported, so taking the deal back (undo) takes this back too.
 */
export function relationshipAfter(
  recorded: Relationship,
  deals: readonly Pick<Deal, 'result'>[],
): Relationship {
  return recorded === 'prospect' && deals.some((d) => d.result === 'won') ? 'customer' : recorded;
}

export function decide(
  state: State,
  playbook: Playbook,
  model: StoppingModel = priorModel(playbook),
): Decision {
  const h = readHistory(state, playbook);
  const ctx: Ctx = {
    state,
    h,
    playbook,
    model,
    now: state.now,
    dealValue: state.prospect.dealValue ?? playbook.doc.model.defaultDealValue,
    hourlyValue: state.rep.hourlyValue ?? playbook.doc.model.defaultHourlyValue,
    relationship: relationshipAfter(state.prospect.relationship, h.deals),
    contactable: h.optedOut.size === 0 ? state.contacts : state.contacts.filter((c) => !h.optedOut.has(c.id)),
  };
  for (const rule of PRECEDENCE) {
    const decision = rule(ctx);
    if (decision !== undefined) return decision;
  }
  // followUp always decides; this line only satisfies the type checker.
  return followUp(ctx);
}
