// A CRM activity (call, email, meeting, message) as a contract event. Outcomes are taken only from
// what the export says: a call is "connected" only when its result says so, else a voicemail or no
// answer; an email is "sent" (or "bounced"). Something they sent us is a response. An open activity
// in the future is a commitment; an open one in the past is a task nobody did, not an event.

import { RowError } from './values.js';

export type ActivityKind = 'call' | 'email' | 'meeting' | 'sms' | 'social' | 'other';

export interface Activity {
  kind: ActivityKind;
  at: number;
  /** They reached out (an incoming email or call). */
  inbound?: boolean;
  /** Completed; undefined when the export does not say. */
  done?: boolean;
  /** Whatever the export says about how it went (call result, outcome, subject, note). */
  outcome?: string;
  bounced?: boolean;
  noShow?: boolean;
  cancelled?: boolean;
  durationMin?: number;
  subject?: string;
}

export type ActivityResult =
  { event: { at: number; data: Record<string, unknown>; commitment: boolean } } | { ignored: string };

/** How a call went, from free text: undefined when the text says nothing about it. */
export function callOutcome(text: string | undefined): 'connected' | 'voicemail' | 'no-answer' | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase();
  if (
    /no[ -]?answer|busy|not answered|didn.?t (pick|answer)|no response|wrong number|unreachable|disconnected|no one|nobody|not reached|gatekeeper/.test(
      t,
    )
  )
    return 'no-answer';
  if (/voice ?mail|\bvm\b|left (a |live )?message|message left|mailbox/.test(t)) return 'voicemail';
  if (/connected|spoke|talked|conversation|reached|answered|discussed|call held|held call/.test(t))
    return 'connected';
  return undefined;
}

/** A moment after `now` still counts as now: exports round times, clocks drift. */
const SLACK = 5 * 60_000;

export function activityEvent(a: Activity, now: number): ActivityResult {
  if (a.cancelled === true) return { ignored: 'a cancelled activity' };
  if (a.kind === 'other') return { ignored: 'not a call, email, meeting or message' };
  const future = a.at > now + SLACK;
  if (a.done === false || (a.done === undefined && future)) {
    if (!future) return { ignored: 'an open task that was never done' };
    const kind = a.kind === 'call' ? 'call' : a.kind === 'meeting' ? 'meeting' : 'other';
    return {
      event: {
        at: now,
        commitment: true,
        data: {
          type: 'commitment',
          kind,
          by: kind === 'meeting' ? 'both' : 'rep',
          due: new Date(a.at).toISOString(),
          ...(a.subject === undefined ? {} : { description: a.subject }),
        },
      },
    };
  }
  if (future) throw new RowError('a completed activity dated in the future');
  const at = Math.min(a.at, now);
  const duration = a.durationMin === undefined ? {} : { durationMin: a.durationMin };
  const touch = (channel: string, outcome: string, extra: object = {}) => ({
    event: { at, commitment: false, data: { type: 'touch', channel, outcome, ...extra } },
  });
  const response = (channel: string) => ({
    event: { at, commitment: false, data: { type: 'response', channel, sentiment: 'neutral' } },
  });
  switch (a.kind) {
    case 'call': {
      const outcome = callOutcome(a.outcome);
      // An incoming call that was picked up is a conversation; one that was missed asks for an answer.
      if (a.inbound === true)
        return outcome === 'connected' ? touch('call', 'connected', duration) : response('call');
      return touch('call', outcome ?? 'no-answer', duration);
    }
    case 'meeting':
      return touch('meeting', a.noShow === true ? 'no-show' : 'held', duration);
    case 'email':
    case 'sms':
    case 'social':
      if (a.inbound === true) return response(a.kind);
      return touch(a.kind, a.bounced === true ? 'bounced' : 'sent');
  }
}
