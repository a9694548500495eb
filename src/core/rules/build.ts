// Builds decisions in the contract's shape, so every rule states only what it decided and why.

import type { Action, Decision, ModelNumbersT, ReachChannel } from '../decision.js';
import { draftMessage } from '../messages.js';
import type { MessageExtras } from '../messages.js';
import type { TemplateName } from '../playbook/schema.js';
import type { ContactInfo } from '../scenario/state.js';
import { formatInstant } from '../scenario/time.js';
import type { RuleId } from './catalogue.js';
import type { Ctx } from './context.js';

const OFF_THE_LIST: ReadonlySet<Action> = new Set(['stop', 'nurture', 'disqualify', 'close-out']);

function base(ctx: Ctx, action: Action, rule: RuleId, reason: string): Decision {
  return {
    prospectId: ctx.state.prospect.id,
    action,
    rule,
    reason,
    activeList: !OFF_THE_LIST.has(action),
    playbookVersion: ctx.playbook.version,
    modelVersion: ctx.model.version,
  };
}

export interface Reach {
  action: Exclude<Action, 'wait' | 'stop' | 'prepare'>;
  rule: RuleId;
  reason: string;
  contact: ContactInfo;
  channel: ReachChannel;
  due: number;
  template?: TemplateName;
  extras?: MessageExtras;
  model?: ModelNumbersT;
  diagnosis?: string[];
}

/** An action that reaches a person. */
export function reach(ctx: Ctx, r: Reach): Decision {
  const d = base(ctx, r.action, r.rule, r.reason);
  d.contactId = r.contact.id;
  d.channel = r.channel;
  d.due = formatInstant(r.due);
  if (r.template !== undefined)
    d.message = draftMessage(ctx, r.action, r.template, r.contact, r.channel, r.extras);
  if (r.model !== undefined) d.model = r.model;
  if (r.diagnosis !== undefined) d.diagnosis = r.diagnosis;
  return d;
}

/** A hold: look again at `due`. */
export function wait(ctx: Ctx, rule: RuleId, due: number, reason: string, diagnosis?: string[]): Decision {
  const d = base(ctx, 'wait', rule, reason);
  d.due = formatInstant(due);
  if (diagnosis !== undefined) d.diagnosis = diagnosis;
  return d;
}

export function stop(ctx: Ctx, rule: RuleId, reason: string): Decision {
  return base(ctx, 'stop', rule, reason);
}

/** Work for the rep alone (no one is reached): prepare a committed call, due by the call. */
export function prepare(ctx: Ctx, contact: ContactInfo, due: number, reason: string): Decision {
  const d = base(ctx, 'prepare', 'commitment-prepare', reason);
  d.contactId = contact.id;
  d.due = formatInstant(due);
  return d;
}
