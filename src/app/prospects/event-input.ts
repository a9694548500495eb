// What a person typed about something that happened (flags, form fields: every value a string) as
// an event in the decision contract's form: its contact, its time in their zone, the commitment it
// refers to, and each value checked, naming the field when it is wrong.

import { PursuitError } from '../../core/errors.js';
import {
  CHANNELS,
  COMMITMENT_KINDS,
  COMMITTERS,
  OUTCOMES_BY_CHANNEL,
  PURPOSES,
  SENTIMENTS,
} from '../../core/scenario/schema.js';
import type { Contact, StoredDecision, StoredEvent } from '../../core/records.js';
import { resolveName } from '../accounts/actors.js';
import { amount, flag, oneOf, text, when } from '../inputs.js';

export type EventKind = 'touch' | 'response' | 'commitment' | 'prep' | 'deal';

/** What a person typed: every value a string, checked here. */
export interface LogInput {
  type: EventKind;
  contact?: string;
  at?: string;
  channel?: string;
  outcome?: string;
  purpose?: string;
  duration?: string;
  objective?: string;
  agenda?: string;
  agendaShared?: string | boolean;
  powns?: string;
  objections?: string;
  infoTailored?: string | boolean;
  sentiment?: string;
  until?: string;
  referred?: string;
  kind?: string;
  by?: string;
  due?: string;
  description?: string;
  replaces?: string;
  commitment?: string;
  result?: string;
}

const MESSAGE_ACTIONS = new Set([
  'respond',
  'schedule-next-step',
  'break-up',
  'empathy',
  'multi-thread',
  'close-out',
  'disqualify',
  'check-in',
  'nurture',
]);

/** The purpose of a touch that carries out an action: its own, for a message; else follow-up. */
export function purposeOf(action: string | undefined): string {
  return action !== undefined && MESSAGE_ACTIONS.has(action) ? action : 'follow-up';
}

/** What was typed, when it is a bare date; else the instant it named. */
function dateOrTime(typed: string | undefined, instant: number): string {
  const text = typed?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : new Date(instant).toISOString();
}

const list = (value: string | undefined) =>
  value
    ?.split(/[;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function pickContact(
  all: Contact[],
  typed: string | undefined,
  decision: StoredDecision | undefined,
  field = 'contact',
): Contact {
  if (typed !== undefined) return resolveName(all, typed, 'contact', field);
  const suggested = all.find((c) => c.id === decision?.contactId);
  return suggested ?? all.find((c) => c.role === 'primary') ?? (all[0] as Contact);
}

/** The latest live commitment of the prospect (for `--replaces latest` and prep notes). */
function latestCommitment(history: StoredEvent[], kinds: string[]): StoredEvent | undefined {
  const replaced = new Set(
    history.map((e) => e.data.replaces).filter((r): r is string => typeof r === 'string'),
  );
  return history
    .filter((e) => e.type === 'commitment' && !replaced.has(e.id) && kinds.includes(String(e.data.kind)))
    .at(-1);
}

function commitmentRef(
  history: StoredEvent[],
  typed: string | undefined,
  field: string,
  kinds: string[],
): string {
  if (typed === undefined || typed === 'latest') {
    const latest = latestCommitment(history, kinds);
    if (latest === undefined)
      throw new PursuitError('NOT_FOUND', 'no commitment is logged for this prospect', field);
    return latest.id;
  }
  if (!history.some((e) => e.id === typed && e.type === 'commitment')) {
    throw new PursuitError('NOT_FOUND', `no commitment with id "${typed}" for this prospect`, field);
  }
  return typed;
}

export function buildEvent(
  input: LogInput,
  now: number,
  zone: string,
  contact: Contact,
  all: Contact[],
  history: StoredEvent[],
  decision: StoredDecision | undefined,
): Record<string, unknown> {
  const at = when('at', input.at, now, zone) ?? now;
  if (at > now)
    throw new PursuitError('INVALID_INPUT', 'expected a time that has passed: log what happened', 'at');
  const base = { type: input.type, at: new Date(at).toISOString(), contactId: contact.id };
  switch (input.type) {
    case 'touch': {
      const channel = oneOf('channel', input.channel, CHANNELS) ?? 'call';
      const outcome = oneOf('outcome', input.outcome, OUTCOMES_BY_CHANNEL[channel]);
      if (outcome === undefined) {
        throw new PursuitError(
          'INVALID_INPUT',
          `say how it went: --outcome ${OUTCOMES_BY_CHANNEL[channel].join('|')}`,
          'outcome',
        );
      }
      // A touch logged for the action Pursuit proposed carries its purpose, so the engine knows a
      // break-up or an empathy message went out.
      const proposed = purposeOf(decision?.action);
      const meeting = {
        objective: text('objective', input.objective),
        agendaShared: flag('agenda-shared', input.agendaShared) ?? undefined,
        powns: list(input.powns),
        objections: list(input.objections),
        infoTailored: flag('info-tailored', input.infoTailored) ?? undefined,
      };
      const hasMeeting = Object.values(meeting).some((v) => v !== undefined);
      return {
        ...base,
        channel,
        outcome,
        purpose: oneOf('purpose', input.purpose, PURPOSES) ?? proposed,
        ...(input.duration === undefined ? {} : { durationMin: amount('duration', input.duration) }),
        ...(hasMeeting ? { meeting } : {}),
      };
    }
    case 'response': {
      const sentiment = oneOf('sentiment', input.sentiment, SENTIMENTS);
      if (sentiment === undefined) {
        throw new PursuitError(
          'INVALID_INPUT',
          `say what they said: --sentiment ${SENTIMENTS.join('|')}`,
          'sentiment',
        );
      }
      const until = when('until', input.until, now, zone);
      const referred =
        input.referred === undefined ? undefined : resolveName(all, input.referred, 'contact', 'referred');
      if (sentiment === 'referral' && referred === undefined) {
        throw new PursuitError(
          'INVALID_INPUT',
          'a referral names the contact they pointed to: --referred NAME (add them first)',
          'referred',
        );
      }
      return {
        ...base,
        channel: oneOf('channel', input.channel, CHANNELS) ?? 'email',
        sentiment,
        // A bare date stays a date: the start of that day in the contact's zone (CONTRACT.md).
        ...(until === undefined ? {} : { until: dateOrTime(input.until, until) }),
        ...(referred === undefined ? {} : { referredContactId: referred.id }),
      };
    }
    case 'commitment': {
      const kind = oneOf('kind', input.kind, COMMITMENT_KINDS) ?? 'call';
      const due = when('due', input.due, now, contact.timezone ?? zone);
      if (due === undefined && kind !== 'cancelled') {
        throw new PursuitError('INVALID_INPUT', 'a commitment has a date: --due "2026-03-17 10:00"', 'due');
      }
      const replaces =
        kind === 'cancelled' || input.replaces !== undefined
          ? commitmentRef(history, input.replaces, 'replaces', ['call', 'meeting', 'reply-by', 'other'])
          : undefined;
      return {
        ...base,
        kind,
        by: oneOf('by', input.by, COMMITTERS) ?? 'both',
        ...(due === undefined
          ? {}
          : { due: kind === 'reply-by' ? dateOrTime(input.due, due) : new Date(due).toISOString() }),
        ...(input.description === undefined ? {} : { description: text('description', input.description) }),
        ...(replaces === undefined ? {} : { replaces }),
      };
    }
    case 'prep':
      return {
        ...base,
        commitmentId: commitmentRef(history, input.commitment, 'commitment', ['call', 'meeting']),
        objective: text('objective', input.objective),
        agenda: list(input.agenda) ?? [],
      };
    case 'deal': {
      const result = oneOf('result', input.result, ['won', 'lost'] as const);
      if (result === undefined)
        throw new PursuitError('INVALID_INPUT', 'say how it ended: --result won|lost', 'result');
      return { type: 'deal', at: base.at, result };
    }
  }
}
