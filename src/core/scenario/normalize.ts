// Validates a raw scenario and turns it into the domain State: schema checks first (one compiled
// validator for the frame, one per event type), then what a schema cannot say: real dates, known
// time zones, outcomes that fit the channel, unique ids and references. A scenario is never
// half-read: the first problem throws, naming its path.

import { DAY, fromLocal, isValidZone, parseDay } from '../calendar.js';
import { PursuitError } from '../errors.js';
import { compileValidator, describeValue, joinPath } from '../validation.js';
import type { Problem } from '../validation.js';
import {
  DATE_OR_TIME_EXPECTED,
  EVENT_SCHEMAS,
  EventHead,
  OUTCOMES_BY_CHANNEL,
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

function fail(problem: Problem): never {
  throw new PursuitError('INVALID_SCENARIO', problem.message, problem.path);
}

function instant(text: string, path: string): number {
  const value = parseInstant(text);
  if (value === undefined) fail({ path, message: `expected ${TIME_EXPECTED}, got ${describeValue(text)}` });
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

function reference(ids: Set<string>, value: string, path: string, what: string): void {
  if (!ids.has(value)) {
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
  const frameProblem = frameValidator.problem(input);
  if (frameProblem !== undefined) fail(frameProblem);
  const raw = input as RawScenario;
  const rawEvents = checkEvents(raw.events);

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
  const zoneOf = (contactId: string | null | undefined) =>
    contacts.find((c) => c.id === contactId)?.timezone ?? repZone;

  const events: HistoryEvent[] = rawEvents.map((e, i): HistoryEvent => {
    const path = `events.${i}`;
    const at = instant(e.at, `${path}.at`);
    if ('contactId' in e && e.contactId !== null && e.contactId !== undefined) {
      reference(contactIds, e.contactId, `${path}.contactId`, 'a contact');
    }
    const base = { id: e.id, at, seq: i };
    switch (e.type) {
      case 'touch': {
        const allowed = OUTCOMES_BY_CHANNEL[e.channel];
        if (!allowed.includes(e.outcome)) {
          fail({
            path: `${path}.outcome`,
            message: `expected one of ${allowed.map((o) => `"${o}"`).join(', ')} for a ${e.channel}, got "${e.outcome}"`,
          });
        }
        return {
          ...base,
          type: 'touch',
          contactId: e.contactId,
          channel: e.channel,
          outcome: e.outcome,
          purpose: orUndefined(e.purpose),
          durationMin: orUndefined(e.durationMin),
          meeting: meetingInfo(e),
        };
      }
      case 'response': {
        if (e.referredContactId !== null && e.referredContactId !== undefined) {
          reference(contactIds, e.referredContactId, `${path}.referredContactId`, 'a contact');
        }
        return {
          ...base,
          type: 'response',
          contactId: e.contactId,
          channel: orUndefined(e.channel),
          sentiment: e.sentiment,
          until:
            e.until === null || e.until === undefined
              ? undefined
              : dateOrInstant(e.until, zoneOf(e.contactId), `${path}.until`),
          referredContactId: orUndefined(e.referredContactId),
        };
      }
      case 'commitment':
        return commitment(e, base, zoneOf(e.contactId), commitmentIds);
      case 'prep':
        reference(commitmentIds, e.commitmentId, `${path}.commitmentId`, 'a commitment event');
        return {
          ...base,
          type: 'prep',
          contactId: orUndefined(e.contactId),
          commitmentId: e.commitmentId,
          objective: orUndefined(e.objective),
          agenda: e.agenda ?? [],
        };
      case 'deal':
        return { ...base, type: 'deal', result: e.result };
    }
  });

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

function commitment(
  e: RawCommitment,
  base: { id: string; at: number; seq: number },
  contactZone: string,
  commitmentIds: Set<string>,
): HistoryEvent {
  const path = `events.${base.seq}`;
  if (e.replaces !== null && e.replaces !== undefined) {
    reference(commitmentIds, e.replaces, `${path}.replaces`, 'a commitment event');
    if (e.replaces === e.id)
      fail({ path: `${path}.replaces`, message: 'a commitment cannot replace itself' });
  }
  let due: number | undefined;
  if (e.due === null || e.due === undefined) {
    if (e.kind !== 'cancelled')
      fail({ path: joinPath(path, 'due'), message: `is required for a ${e.kind} commitment` });
  } else if (e.kind === 'reply-by' || e.kind === 'cancelled') {
    due = dateOrInstant(e.due, contactZone, `${path}.due`);
  } else {
    due = instant(e.due, `${path}.due`);
  }
  return {
    ...base,
    type: 'commitment',
    contactId: e.contactId,
    kind: e.kind,
    by: e.by ?? 'both',
    due,
    description: orUndefined(e.description),
    replaces: orUndefined(e.replaces),
  };
}
