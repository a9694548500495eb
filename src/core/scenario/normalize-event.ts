// One validated raw event as a domain HistoryEvent: its times read in the contact's zone, a
// meeting's notes, and a commitment's due date or time.

import { OUTCOMES_BY_CHANNEL } from './schema.js';
import type { RawCommitment, RawEvent } from './schema.js';
import type { HistoryEvent, MeetingInfo } from './state.js';

import { dateOrInstant, eventPath, fail, instant, orUndefined, reference } from './checks.js';

function meetingInfo(raw: RawEvent & { type: 'touch' }): MeetingInfo | undefined {
  const m = raw.meeting;
  if (m === null || m === undefined) return undefined;
  return {
    agendaShared: orUndefined(m.agendaShared),
    objective: orUndefined(m.objective),
    powns: m.powns ?? [],
    objections: m.objections ?? [],
    infoTailored: orUndefined(m.infoTailored),
  };
}

/** The ids an event may refer to; none for stored data, checked when it was written. */
export interface References {
  contactIds: readonly string[];
  commitmentIds: readonly string[];
}

export function toEvent(
  e: RawEvent,
  i: number,
  at: number,
  zoneOf: (contactId: string) => string,
  checks: References | undefined,
): HistoryEvent {
  switch (e.type) {
    case 'touch': {
      const allowed = OUTCOMES_BY_CHANNEL[e.channel];
      if (checks !== undefined && !allowed.includes(e.outcome)) {
        fail({
          path: eventPath(i, 'outcome'),
          message: `expected one of ${allowed.map((o) => `"${o}"`).join(', ')} for a ${e.channel}, got "${e.outcome}"`,
        });
      }
      return {
        type: 'touch',
        id: e.id,
        at,
        seq: i,
        contactId: e.contactId,
        channel: e.channel,
        outcome: e.outcome,
        purpose: orUndefined(e.purpose),
        durationMin: orUndefined(e.durationMin),
        meeting: meetingInfo(e),
      };
    }
    case 'response':
      if (checks !== undefined && e.referredContactId !== null && e.referredContactId !== undefined) {
        reference(checks.contactIds, e.referredContactId, i, 'referredContactId', 'a contact');
      }
      return {
        type: 'response',
        id: e.id,
        at,
        seq: i,
        contactId: e.contactId,
        channel: orUndefined(e.channel),
        sentiment: e.sentiment,
        until:
          e.until === null || e.until === undefined
            ? undefined
            : dateOrInstant(e.until, zoneOf(e.contactId), eventPath(i, 'until')),
        referredContactId: orUndefined(e.referredContactId),
      };
    case 'commitment':
      return commitment(e, i, at, zoneOf(e.contactId), checks);
    case 'prep':
      if (checks !== undefined)
        reference(checks.commitmentIds, e.commitmentId, i, 'commitmentId', 'a commitment event');
      return {
        type: 'prep',
        id: e.id,
        at,
        seq: i,
        contactId: orUndefined(e.contactId),
        commitmentId: e.commitmentId,
        objective: orUndefined(e.objective),
        agenda: e.agenda ?? [],
      };
    case 'deal':
      return { type: 'deal', id: e.id, at, seq: i, result: e.result };
  }
}

function commitment(
  e: RawCommitment,
  i: number,
  at: number,
  contactZone: string,
  checks: References | undefined,
): HistoryEvent {
  if (checks !== undefined && e.replaces !== null && e.replaces !== undefined) {
    reference(checks.commitmentIds, e.replaces, i, 'replaces', 'a commitment event');
    if (e.replaces === e.id)
      fail({ path: eventPath(i, 'replaces'), message: 'a commitment cannot replace itself' });
  }
  let due: number | undefined;
  if (e.due === null || e.due === undefined) {
    if (e.kind !== 'cancelled')
      fail({ path: eventPath(i, 'due'), message: `is required for a ${e.kind} commitment` });
  } else if (e.kind === 'reply-by' || e.kind === 'cancelled') {
    due = dateOrInstant(e.due, contactZone, eventPath(i, 'due'));
  } else {
    due = instant(e.due, () => eventPath(i, 'due'));
  }
  return {
    type: 'commitment',
    id: e.id,
    at,
    seq: i,
    contactId: e.contactId,
    kind: e.kind,
    by: e.by ?? 'both',
    due,
    description: orUndefined(e.description),
    replaces: orUndefined(e.replaces),
  };
}
