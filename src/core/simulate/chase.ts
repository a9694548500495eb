// One simulated prospect under one policy: its State as the engine reads it (built directly, with
// the defaults normalizeScenario would apply), the touches and the response the simulation logs,
// and how its chase ended.

import { MINUTE } from '../calendar.js';
import type { Decision, ReachChannel } from '../decision.js';
import type { Purpose } from '../scenario/schema.js';
import type { Deal, RepInfo, State } from '../scenario/state.js';
import type { Lead } from './leads.js';

export const ZONE = 'UTC';

export type Ending = 'active' | 'responded' | 'dropped';

export interface Chase {
  lead: Lead;
  state: State;
  /** Touches made (all unanswered while the chase is active: a response ends it). */
  attempts: number;
  channels: ReachChannel[];
  /** The cached decision and its due (epoch ms; +Infinity when it has none). */
  decision: Decision | undefined;
  due: number;
  /** The `now` of the cached decision. */
  decidedAt: number;
  ending: Ending;
  /** A break-up message went out: the engine decided to stop. */
  brokenUp: boolean;
  /** The deal's result, known from this time on (calibration learns the win rate from it). */
  deal: Deal | undefined;
}

export function repInfo(rep: number): RepInfo {
  return {
    id: `rep${rep}`,
    name: `Rep ${rep}`,
    email: `rep${rep}@ourco.test`,
    phone: '+1 555 0100',
    company: 'OurCo',
    timezone: ZONE,
    hourlyValue: undefined,
  };
}

export function newChase(lead: Lead, rep: RepInfo, createdAt: number): Chase {
  const state: State = {
    now: createdAt,
    rep,
    prospect: {
      id: lead.id,
      name: `Prospect ${lead.index}`,
      relationship: 'prospect',
      source: lead.source,
      createdAt,
      dealValue: lead.dealValue,
      icpFit: 'fit',
      qualification: { serious: true, goalsClear: true, priceOnly: false },
      product: { status: 'active', fit: 'fit' },
      doNotContact: false,
    },
    contacts: [
      {
        id: 'c1',
        name: 'Pat Doe',
        role: 'primary',
        email: `${lead.id}@prospect.test`,
        phone: '+1 555 0101',
        timezone: ZONE,
        doNotContact: false,
        index: 0,
      },
    ],
    events: [],
  };
  return {
    lead,
    state,
    attempts: 0,
    channels: [],
    decision: undefined,
    due: Number.POSITIVE_INFINITY,
    decidedAt: createdAt,
    ending: 'active',
    brokenUp: false,
    deal: undefined,
  };
}

/** Logs a touch, and the response it got: a call connects, an email is answered a minute later. */
export function logTouch(
  chase: Chase,
  at: number,
  channel: ReachChannel,
  purpose: Purpose,
  answered: boolean,
): void {
  const events = chase.state.events;
  const seq = events.length;
  const outcome = channel === 'call' ? (answered ? 'connected' : 'voicemail') : 'sent';
  events.push({
    type: 'touch',
    id: `t${seq}`,
    at,
    seq,
    contactId: 'c1',
    channel,
    outcome,
    purpose,
    durationMin: undefined,
    meeting: undefined,
  });
  if (answered && channel !== 'call') {
    events.push({
      type: 'response',
      id: `r${seq + 1}`,
      at: at + MINUTE,
      seq: seq + 1,
      contactId: 'c1',
      channel,
      sentiment: 'positive',
      until: undefined,
      referredContactId: undefined,
    });
  }
  chase.attempts += 1;
  chase.channels.push(channel);
  if (purpose === 'break-up') chase.brokenUp = true;
  chase.decision = undefined;
  chase.due = Number.POSITIVE_INFINITY;
}

/** The state as of `now`, with the deal's result once it is known: what calibration reads. */
export function stateAsOf(chase: Chase, now: number): State {
  const deal = chase.deal;
  const events =
    deal !== undefined && deal.at <= now
      ? [...chase.state.events, { ...deal, seq: chase.state.events.length }]
      : chase.state.events;
  return { ...chase.state, now, events };
}

/** The channel rule's next channel for the one contact: a call, unless the last two were calls. */
export function nextChannel(channels: readonly ReachChannel[]): ReachChannel {
  return channels.length >= 2 && channels.at(-1) === 'call' && channels.at(-2) === 'call' ? 'email' : 'call';
}
