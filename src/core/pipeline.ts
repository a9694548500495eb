// The pipeline's states: where each prospect stands, read from its relationship and its current
// decision's action and rule, in the board's order (left to right: the pursuit as it advances, then
// where it ended), with the words a card uses for the next step. Pure: the app classifies stored rows
// with it, and the board, the counts and the command line all agree because they all ask here.

import type { Action } from './decision.js';
import { assertNever } from './errors.js';
import type { Prospect } from './records.js';

export const PIPELINE_STATES = [
  'newLead',
  'followingUp',
  'inConversation',
  'nextStepSet',
  'customers',
  'brokenUp',
  'nurture',
  'disqualified',
  'stopped',
] as const;
export type PipelineState = (typeof PIPELINE_STATES)[number];

export const PIPELINE_LABELS: Record<PipelineState, string> = {
  newLead: 'New lead',
  followingUp: 'Following up',
  inConversation: 'In conversation',
  nextStepSet: 'Next step set',
  customers: 'Customers',
  brokenUp: 'Broken up (waiting)',
  nurture: 'Nurture',
  disqualified: 'Disqualified',
  stopped: 'Stopped',
};

/** The states of the active list (the engine is pursuing them): the old "active" count. */
export const ACTIVE_STATES: ReadonlySet<PipelineState> = new Set([
  'newLead',
  'followingUp',
  'inConversation',
  'nextStepSet',
]);

// A commitment ahead, or the committed call itself: a dated next step (rule 6).
const SCHEDULED: ReadonlySet<string> = new Set(['commitment-prepare', 'commitment-wait', 'committed-call']);
// A reply to answer, or a conversation to turn into a next step (rules 5 and 8).
const CONVERSATION: ReadonlySet<string> = new Set(['respond', 'referral', 'schedule-next-step']);

export interface Classified {
  relationship: Prospect['relationship'];
  /** The current decision's action and rule; null when the prospect has no decision yet. */
  action: string | null;
  rule: string | null;
}

/** Where a prospect stands. A prospect not yet decided is a new one. */
export function pipelineState(p: Classified): PipelineState {
  if (p.relationship !== 'prospect' || p.rule === 'customer-check-in') return 'customers';
  if (p.action === null || p.rule === null) return 'newLead';
  if (p.action === 'nurture') return 'nurture';
  if (p.rule === 'break-up-wait') return 'brokenUp';
  if (p.action === 'disqualify' || p.rule === 'disqualified') return 'disqualified';
  if (p.action === 'stop' || p.action === 'close-out') return 'stopped';
  if (SCHEDULED.has(p.rule)) return 'nextStepSet';
  if (CONVERSATION.has(p.rule)) return 'inConversation';
  if (p.rule === 'speed-to-lead') return 'newLead';
  return 'followingUp';
}

/** Whether a next step is late: due before now, and something to do (not a hold, not the end). */
export function isOverdue(action: string | null, due: number | null, now: number): boolean {
  return due !== null && due < now && action !== 'wait' && action !== 'stop';
}

/** What a card says of the next step, in a few words: "Follow up by call", "Wait for the call". */
export function nextStepGist(action: Action, rule: string, channel: string | null): string {
  const by = channel === null ? '' : ` by ${channel}`;
  switch (action) {
    case 'follow-up':
      return rule === 'committed-call' ? 'Make the committed call' : `Follow up${by}`;
    case 'respond':
      return `Respond${by}`;
    case 'schedule-next-step':
      return `Secure a dated next step${by}`;
    case 'prepare':
      return 'Prepare the call';
    case 'wait':
      return rule === 'commitment-wait'
        ? 'Wait for the commitment'
        : rule === 'break-up-wait'
          ? 'Wait for an answer to the break-up'
          : rule === 'out-of-office'
            ? 'Wait: out of office'
            : rule === 'weekly-cap'
              ? 'Wait: weekly cap reached'
              : rule === 'customer-check-in'
                ? 'Wait until the check-in'
                : 'Wait';
    case 'empathy':
      return `Empathy message${by}`;
    case 'multi-thread':
      return `Involve their colleagues${by}`;
    case 'break-up':
      return `Break-up message${by}`;
    case 'nurture':
      return `Nurture touch${by}`;
    case 'close-out':
      return `Close out honestly${by}`;
    case 'disqualify':
      return `Polite exit message${by}`;
    case 'check-in':
      return `Check in${by}`;
    case 'stop':
      return 'Nothing more: stopped';
    default:
      return assertNever(action);
  }
}
