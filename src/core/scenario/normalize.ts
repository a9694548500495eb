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

function uniqueIds(ids: string[], listPath: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      fail({ path: `${listPath}.${i}.id`, message: `expected a unique id, got ${describeValue(id)} again` });
    seen.add(id);
  });
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
