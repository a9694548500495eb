// A CRM activity (call, email, meeting, message) as a contract event. Outcomes are taken only from
// what the export says: a call is "connected" only when its result says so, else a voicemail or no
// answer; an email is "sent" (or "bounced"). Something they sent us is a response. An open activity
// in the future is a commitment; an open one in the past is a task nobody did, not an event.

import type { ImportUnit } from './unit.js';
import { defined } from './unit.js';
import { RowError } from '../csv/values.js';

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

/** What an activity row links to: the company it is about, the person, and its own CRM id. */
export interface ActivityLinks {
  company: { externalId?: string | undefined; name?: string | undefined };
  contact: { externalId?: string | undefined; email?: string | undefined; name?: string | undefined };
  eventId: string | undefined;
  /** The row's error when it links to neither a company nor a person. */
  unlinked: string;
}

const hasAny = (o: object) => Object.values(o).some((v) => v !== undefined);

/** The import unit of one activity row, the same for every CRM format. */
export function activityUnit(
  line: number,
  activity: Activity,
  now: number,
  links: ActivityLinks,
): ImportUnit {
  const result = activityEvent(activity, now);
  const base: ImportUnit = { line, contacts: [], events: [] };
  if ('ignored' in result) return { ...base, ignored: result.ignored };
  const company = hasAny(links.company);
  const contact = hasAny(links.contact);
  if (!company && !contact) throw new RowError(links.unlinked);
  return {
    ...base,
    ...(company ? { prospect: defined({ ...links.company, passing: true }) } : {}),
    events: [
      defined({
        externalId: links.eventId,
        at: result.event.at,
        data: result.event.data,
        contact: contact ? defined(links.contact) : undefined,
      }),
    ],
  };
}
