// Validates a raw scenario and turns it into the domain State: schema checks first (one compiled
// validator for the frame, one per event type), then what a schema cannot say: real dates, known
// time zones, outcomes that fit the channel, unique ids and references. A scenario is never
// half-read: the first problem throws, naming its path.

import { compileValidator, describeValue } from '../validation.js';
import { EVENT_SCHEMAS, EventHead, Scenario, ScenarioFrame } from './schema.js';
import type { RawEvent, RawScenario } from './schema.js';
import type { ContactInfo, HistoryEvent, State } from './state.js';

import { eventPath, fail, instant, orUndefined, reference, zone } from './checks.js';
import { toEvent } from './normalize-event.js';
import type { References } from './normalize-event.js';
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

/** Fails at the first id seen before in the list. */
function uniqueIds(ids: readonly string[], listPath: string): void {
  // A short list is searched; a long one is remembered in a set.
  const seen = ids.length > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i] as string;
    if (seen === undefined ? ids.indexOf(id) < i : seen.has(id)) {
      fail({ path: `${listPath}.${i}.id`, message: `expected a unique id, got ${describeValue(id)} again` });
    }
    seen?.add(id);
  }
}

function inOrder(events: readonly HistoryEvent[]): boolean {
  for (let i = 1; i < events.length; i += 1) {
    if ((events[i - 1] as HistoryEvent).at > (events[i] as HistoryEvent).at) return false;
  }
  return true;
}

export interface NormalizeOptions {
  /**
   * Stored data, checked by this function when it was written: the schema, the time zones, unique
   * ids, references and outcomes are not checked again (times are still read, and a time that
   * cannot be read still fails). The State is the same as the checked path gives.
   */
  trusted?: boolean;
}

/** Validates and normalises a parsed JSON value; throws PursuitError INVALID_SCENARIO. */
export function normalizeScenario(input: unknown, options: NormalizeOptions = {}): State {
  const trusted = options.trusted === true;
  if (!trusted) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      fail({ path: '', message: `expected a JSON object (a scenario), got ${describeValue(input)}` });
    }
    // One compiled check for the common, valid case; a failure is explained field by field.
    if (!scenarioValidator.check(input)) {
      const frameProblem = frameValidator.problem(input);
      if (frameProblem !== undefined) fail(frameProblem);
      checkEvents((input as { events: unknown[] }).events);
    }
  }
  const raw = input as RawScenario;
  const rawEvents = raw.events;
  const zoneAt = trusted ? (name: string) => name : zone;

  const now = instant(raw.now, 'now');
  const repZone = zoneAt(raw.rep.timezone, 'rep.timezone');
  const contacts: ContactInfo[] = raw.contacts.map((c, index) => ({
    id: c.id,
    name: c.name,
    role: c.role,
    email: orUndefined(c.email),
    phone: orUndefined(c.phone),
    timezone:
      c.timezone === null || c.timezone === undefined
        ? repZone
        : zoneAt(c.timezone, `contacts.${index}.timezone`),
    doNotContact: c.doNotContact === true,
    index,
  }));
  let checks: References | undefined;
  if (!trusted) {
    const contactIds = contacts.map((c) => c.id);
    uniqueIds(contactIds, 'contacts');
    const eventIds: string[] = [];
    const commitmentIds: string[] = [];
    for (const e of rawEvents) {
      eventIds.push(e.id);
      if (e.type === 'commitment') commitmentIds.push(e.id);
    }
    uniqueIds(eventIds, 'events');
    checks = { contactIds, commitmentIds };
  }
  const zoneOf = (contactId: string) => {
    for (const c of contacts) if (c.id === contactId) return c.timezone;
    return repZone;
  };

  const events: HistoryEvent[] = [];
  for (let i = 0; i < rawEvents.length; i += 1) {
    const e = rawEvents[i] as RawEvent;
    const at = instant(e.at, () => eventPath(i, 'at'));
    if (checks === undefined) {
      // Events after now are not read; stored ones were checked when they were written.
      if (at <= now) events.push(toEvent(e, i, at, zoneOf, undefined));
      continue;
    }
    if ('contactId' in e && e.contactId !== null && e.contactId !== undefined) {
      reference(checks.contactIds, e.contactId, i, 'contactId', 'a contact');
    }
    const event = toEvent(e, i, at, zoneOf, checks);
    if (at <= now) events.push(event);
  }

  const p = raw.prospect;
  // Array.prototype.sort is stable: ties keep input order (most histories come in order already).
  if (!inOrder(events)) events.sort((a, b) => a.at - b.at);
  events.forEach((e, i) => (e.seq = i));

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
    events,
  };
}

/** A stored prospect's scenario (validated when it was written) as the State the engine reads. */
export function stateFromStored(input: unknown): State {
  return normalizeScenario(input, { trusted: true });
}
