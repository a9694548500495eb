// Logging what happened (touches, responses, commitments, prep notes, deals), taking back the last
// thing logged, and snoozing. Each writes in one transaction and re-decides the prospect.

import { randomUUID } from 'node:crypto';
import { PursuitError } from '../../core/errors.js';
import type { Prospect, StoredDecision, StoredEvent, User } from '../../core/records.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { inTransaction } from '../context.js';
import type { AppContext, Q } from '../context.js';
import { canSee, resolveProspect } from '../accounts/actors.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { liftEntries, recordOptOuts } from '../decisions/opt-outs.js';
import type { SuppressionSource } from '../../core/records.js';
import { suppressions } from '../../store/repositories/suppressions.repository.js';
import { when } from '../inputs.js';
import { buildEvent, pickContact } from './event-input.js';
import type { LogInput } from './event-input.js';

export interface Logged {
  event: StoredEvent;
  prospect: Prospect;
  decision: StoredDecision | undefined;
}

/**
 * Re-decides the prospect with the new event stored. The engine validates the whole history again,
 * so an event that would make it invalid fails here, naming the field, and the transaction (and
 * so the event) is rolled back.
 */
async function decideWith(q: Q, ctx: AppContext, prospect: Prospect, now: number) {
  try {
    return await refreshDecisions(q, prospect.orgId, [prospect.id], now, ctx.defaultPlaybookText);
  } catch (error) {
    if (error instanceof PursuitError && error.code === 'INVALID_SCENARIO') {
      throw new PursuitError('INVALID_INPUT', error.detail, error.path?.replace(/^events\.\d+\./, ''));
    }
    throw error;
  }
}

export async function logEvent(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  input: LogInput,
): Promise<Logged> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    return logOn(q, ctx, actor, prospect, input, now);
  });
}

/**
 * Logs what a person typed on a prospect they may see, inside the caller's transaction. Events
 * logged together (a bulk action) share `logSeq`, so one undo takes them all back.
 */
export async function logOn(
  q: Q,
  ctx: AppContext,
  actor: User,
  prospect: Prospect,
  input: LogInput,
  now: number,
  logSeq?: number,
): Promise<Logged> {
  const all = await contacts.listByProspect(q, prospect.id);
  if (all.length === 0)
    throw new PursuitError('INVALID_INPUT', `${prospect.name} has no contacts: add one first`, 'contact');
  const history = await events.listByProspect(q, prospect.id);
  const current = await decisions.findByProspect(q, prospect.id);
  const contact = pickContact(all, input.contact, current);
  const data = buildEvent(input, now, actor.timezone, contact, all, history, current);
  return recordEvent(q, ctx, prospect, data, { by: actor.id, undoable: true, logSeq }, now);
}

/**
 * Stores an event in the contract's form (it gets its id here) and re-decides the prospect, inside
 * the caller's transaction. What a person logs can be taken back (`undoable`); what Pursuit records
 * of its own doing (an email it sent, a reply it read) cannot.
 */
export async function recordEvent(
  q: Q,
  ctx: AppContext,
  prospect: Prospect,
  data: Record<string, unknown>,
  options: {
    by: string | null;
    undoable: boolean;
    /** False when the caller re-decides many prospects at once afterwards (a batch of replies). */
    decide?: boolean;
    /** The event's id, when the caller needs it before (to point at it from another row). */
    id?: string;
    /** How an unsubscribe came, for the do-not-contact list (a person logging it, by default). */
    optOut?: SuppressionSource;
    /** The place in the logging order, when events logged together share one (undone together). */
    logSeq?: number;
  },
  now: number,
): Promise<Logged> {
  const id = options.id ?? randomUUID();
  const event: StoredEvent = {
    id,
    orgId: prospect.orgId,
    prospectId: prospect.id,
    type: data.type as StoredEvent['type'],
    at: Date.parse(String(data.at)),
    contactId: typeof data.contactId === 'string' ? data.contactId : null,
    data: { ...data, id },
    loggedBy: options.by,
    loggedAt: now,
    logSeq: options.undoable ? (options.logSeq ?? (await events.nextLogSeq(q, prospect.orgId))) : null,
    sourceKey: null,
  };
  await events.insert(q, event);
  if (event.type === 'response' && data.sentiment === 'unsubscribe' && event.contactId !== null) {
    // The objection belongs to the person: their address and number go on the list.
    const contact = (await contacts.listByProspect(q, prospect.id)).find((c) => c.id === event.contactId);
    if (contact !== undefined) {
      const optOut = {
        contact,
        source: options.optOut ?? 'logged',
        at: event.at,
        by: options.by,
        eventId: id,
      };
      await recordOptOuts(q, ctx, prospect.orgId, [optOut], now, new Set([prospect.id]));
    }
  }
  if (options.decide === false) return { event, prospect, decision: undefined };
  const decided = await decideWith(q, ctx, prospect, now);
  return { event, prospect, decision: decided.get(prospect.id) };
}

/** What one undo took back: the last thing logged (first), and how many events went with it. */
export interface Undone extends Logged {
  count: number;
}

/**
 * Takes back the last thing the actor logged (one event, or every event of one bulk action), while
 * they may still see its prospects. One that has gone to someone else since (a reassignment) is
 * theirs now: nothing is taken back, and the answer names nothing of that prospect (an older event
 * is not taken back in its place either: undo is for the last thing one did).
 */
export async function undoLast(ctx: AppContext, actor: User): Promise<Undone> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const last = await events.lastLoggedBy(q, actor.orgId, actor.id);
    if (last === undefined)
      throw new PursuitError('CONFLICT', 'you have logged nothing to take back', 'undo');
    const together = await events.loggedTogether(q, actor.orgId, actor.id, last.logSeq as number);
    const seen = new Map<string, Prospect>();
    for (const event of together) {
      const prospect = await prospects.findById(q, event.prospectId);
      if (prospect === undefined) throw new Error('event without prospect');
      if (!(await canSee(q, actor, prospect))) {
        throw new PursuitError(
          'CONFLICT',
          'the last thing you logged is on a prospect you no longer see, so nothing was taken back',
          'undo',
        );
      }
      seen.set(prospect.id, prospect);
    }
    const lift = { by: actor.id, reason: 'the opt-out was taken back (undo)' };
    for (const event of together) {
      await events.delete(q, event.id);
      // An opt-out taken back lifts what it put on the do-not-contact list (the entry is kept).
      await liftEntries(q, ctx, actor.orgId, await suppressions.byEvent(q, event.id), lift, now);
    }
    const ids = [...seen.keys()];
    const decided = await refreshDecisions(q, actor.orgId, ids, now, ctx.defaultPlaybookText);
    const prospect = seen.get(last.prospectId) as Prospect;
    return { event: last, prospect, decision: decided.get(prospect.id), count: together.length };
  });
}

export async function snooze(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  until: string,
): Promise<Prospect> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    const next = await snoozeOn(q, prospect, snoozeTime(actor, until, now), now);
    await refreshDecisions(q, actor.orgId, [prospect.id], now, ctx.defaultPlaybookText);
    return next;
  });
}

/** When a snooze typed as people say it ends: a time in the future, or an error naming `until`. */
export function snoozeTime(actor: User, until: string, now: number): number {
  const at = when('until', until, now, actor.timezone) as number;
  if (at <= now) throw new PursuitError('INVALID_INPUT', 'expected a time in the future', 'until');
  return at;
}

/** Keeps a prospect off the agenda until `at`, inside the caller's transaction (who re-decides it). */
export async function snoozeOn(q: Q, prospect: Prospect, at: number, now: number): Promise<Prospect> {
  const next = { ...prospect, snoozedUntil: at, updatedAt: now };
  await prospects.update(q, next);
  return next;
}
