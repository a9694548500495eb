// Validates a raw scenario and turns it into the domain State: schema checks first (one compiled
// validator for the frame, one per event type), then what a schema cannot say: real dates, known
// time zones, outcomes that fit the channel, unique ids and references. A scenario is never
// half-read: the first problem throws, naming its path.

import { DAY, fromLocal, isValidZone, parseDay } from '../calendar.js';
import { PursuitError } from '../errors.js';
import { compileValidator, describeValue } from '../validation.js';
import type { Problem } from '../validation.js';
import {
  DATE_OR_TIME_EXPECTED,
  EVENT_SCHEMAS,
  EventHead,
  OUTCOMES_BY_CHANNEL,
  Scenario,
  ScenarioFrame,
  TIME_EXPECTED,
} from './schema.js';
import type { RawCommitment, RawEvent, RawScenario } from './schema.js';
import type { ContactInfo, HistoryEvent, MeetingInfo, State } from './state.js';
import { isBareDate, parseInstant } from './time.js';

const frameValidator = compileValidator(ScenarioFrame);
const headValidator = compileValidator(EventHead);
const eventValidators = {
  touch: compileValidator(EVENT_SCHEMAS.touch),
  response: compileValidator(EVENT_SCHEMAS.response),
  commitment: compileValidator(EVENT_SCHEMAS.commitment),
  prep: compileValidator(EVENT_SCHEMAS.prep),
  deal: compileValidator(EVENT_SCHEMAS.deal),
};

const scenarioValidator = compileValidator(Scenario);

function fail(problem: Problem): never {
  throw new PursuitError('INVALID_SCENARIO', problem.message, problem.path);
}

/** The path of a field of event `i` (built only when something is wrong). */
function eventPath(i: number, field: string): string {
  return `events.${i}.${field}`;
}

function instant(text: string, path: string | (() => string)): number {
  const value = parseInstant(text);
  if (value === undefined) {
    fail({
      path: typeof path === 'string' ? path : path(),
      message: `expected ${TIME_EXPECTED}, got ${describeValue(text)}`,
    });
  }
  return value;
}

/** A time, or a bare date meaning the start of that day in `zone`. */
function dateOrInstant(text: string, zone: string, path: string): number {
  if (isBareDate(text)) return fromLocal(zone, parseDay(text) * DAY);
  const value = parseInstant(text);
  if (value === undefined)
    fail({ path, message: `expected ${DATE_OR_TIME_EXPECTED}, got ${describeValue(text)}` });
  return value;
}

function zone(name: string, path: string): string {
  if (!isValidZone(name)) {
    fail({
      path,
      message: `expected an IANA time zone name like America/New_York, got ${describeValue(name)}`,
    });
  }
  return name;
}

function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

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

function checkEvents(raw: unknown[]): RawEvent[] {
  return raw.map((event, i) => {
    const path = `events.${i}`;
    const head = headValidator.problem(event, path);
    if (head !== undefined) fail(head);
    const type = (event as { type: keyof typeof eventValidators }).type;
    const problem = eventValidators[type].problem(event, path);
    if (problem !== undefined) fail(problem);
    return event as RawEvent;
  });
}

function uniqueIds(ids: string[], listPath: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      fail({ path: `${listPath}.${i}.id`, message: `expected a unique id, got ${describeValue(id)} again` });
    seen.add(id);
  });
}

function reference(ids: Set<string>, value: string, i: number, field: string, what: string): void {
  if (!ids.has(value)) {
    const path = eventPath(i, field);
    const known = [...ids].slice(0, 8).join(', ');
    fail({
      path,
      message: `expected the id of ${what}${known === '' ? '' : ` (${known})`}, got ${describeValue(value)}`,
    });
  }
}

/** Validates and normalises a parsed JSON value; throws PursuitError INVALID_SCENARIO. */
export function normalizeScenario(input: unknown): State {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail({ path: '', message: `expected a JSON object (a scenario), got ${describeValue(input)}` });
  }
  // One compiled check for the common, valid case; a failure is explained field by field.
  if (!scenarioValidator.check(input)) {
    const frameProblem = frameValidator.problem(input);
    if (frameProblem !== undefined) fail(frameProblem);
    checkEvents((input as { events: unknown[] }).events);
  }
  const raw = input as RawScenario;
  const rawEvents = raw.events;

  const now = instant(raw.now, 'now');
  const repZone = zone(raw.rep.timezone, 'rep.timezone');
  const contacts: ContactInfo[] = raw.contacts.map((c, index) => ({
    id: c.id,
    name: c.name,
    role: c.role,
    email: orUndefined(c.email),
    phone: orUndefined(c.phone),
    timezone:
      c.timezone === null || c.timezone === undefined
        ? repZone
        : zone(c.timezone, `contacts.${index}.timezone`),
    doNotContact: c.doNotContact === true,
    index,
  }));
  uniqueIds(
    contacts.map((c) => c.id),
    'contacts',
  );
  uniqueIds(
    rawEvents.map((e) => e.id),
    'events',
  );
  const contactIds = new Set(contacts.map((c) => c.id));
  const commitmentIds = new Set(rawEvents.filter((e) => e.type === 'commitment').map((e) => e.id));
  const zoneOf = (contactId: string) => contacts.find((c) => c.id === contactId)?.timezone ?? repZone;

  const events: HistoryEvent[] = [];
  for (let i = 0; i < rawEvents.length; i += 1) {
    const e = rawEvents[i] as RawEvent;
    const at = instant(e.at, () => eventPath(i, 'at'));
    if ('contactId' in e && e.contactId !== null && e.contactId !== undefined) {
      reference(contactIds, e.contactId, i, 'contactId', 'a contact');
    }
    events.push(toEvent(e, i, at, zoneOf, commitmentIds, contactIds));
  }

  const p = raw.prospect;
  const kept = events.filter((e) => e.at <= now);
  // Array.prototype.sort is stable: ties keep input order.
  kept.sort((a, b) => a.at - b.at);
  kept.forEach((e, i) => (e.seq = i));

  return {
    now,
    rep: {
      id: raw.rep.id,
      name: orUndefined(raw.rep.name),
      email: orUndefined(raw.rep.email),
      phone: orUndefined(raw.rep.phone),
      company: orUndefined(raw.rep.company),
      timezone: repZone,
      hourlyValue: orUndefined(raw.rep.hourlyValue),
    },
    prospect: {
      id: p.id,
      name: p.name,
      relationship: p.relationship,
      source: p.source ?? 'outbound',
      createdAt: instant(p.createdAt, 'prospect.createdAt'),
      dealValue: orUndefined(p.dealValue),
      icpFit: p.icpFit ?? 'unknown',
      qualification: {
        serious: p.qualification?.serious ?? null,
        goalsClear: p.qualification?.goalsClear ?? null,
        priceOnly: p.qualification?.priceOnly ?? null,
      },
      product: { status: p.product?.status ?? 'active', fit: p.product?.fit ?? 'unknown' },
      doNotContact: p.doNotContact === true,
    },
    contacts,
    events: kept,
  };
}

function toEvent(
  e: RawEvent,
  i: number,
  at: number,
  zoneOf: (contactId: string) => string,
  commitmentIds: Set<string>,
  contactIds: Set<string>,
): HistoryEvent {
  switch (e.type) {
    case 'touch': {
      const allowed = OUTCOMES_BY_CHANNEL[e.channel];
      if (!allowed.includes(e.outcome)) {
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
      if (e.referredContactId !== null && e.referredContactId !== undefined) {
        reference(contactIds, e.referredContactId, i, 'referredContactId', 'a contact');
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
      return commitment(e, i, at, zoneOf(e.contactId), commitmentIds);
    case 'prep':
      reference(commitmentIds, e.commitmentId, i, 'commitmentId', 'a commitment event');
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
  commitmentIds: Set<string>,
): HistoryEvent {
  if (e.replaces !== null && e.replaces !== undefined) {
    reference(commitmentIds, e.replaces, i, 'replaces', 'a commitment event');
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
