// fast-check arbitraries for whole scenarios, valid per CONTRACT.md: 1-4 contacts in many time
// zones, every relationship, qualification and product state, and 0-25 events of every type spread
// around `now` (some after it), with `now` often near a DST change. Everything is generated as
// plain numbers and choices first and assembled in one `map`, so counterexamples shrink well.

import fc from 'fast-check';
import type {
  RawCommitment,
  RawDeal,
  RawEvent,
  RawPrep,
  RawResponse,
  RawScenario,
  RawTouch,
} from '../../src/core/scenario/schema.js';
import {
  COMMITMENT_KINDS,
  OUTCOMES_BY_CHANNEL,
  PURPOSES,
  SENTIMENTS,
} from '../../src/core/scenario/schema.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY_MINUTES = 24 * 60;

/** Contact (and rep) time zones: both hemispheres, half-hour offsets, zones with and without DST. */
export const ZONES = [
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Asia/Tokyo',
] as const;
/** Zones with odd rules: half-hour DST (Lord Howe), 45-minute offsets, DST changes at midnight. */
const ODD_ZONES = [
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Havana',
  'America/Santiago',
  'Africa/Casablanca',
  'Pacific/Kiritimati',
  'UTC',
] as const;
const zone = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ZONES) }, fc.constantFrom(...ODD_ZONES));
const repZone = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ZONES, 'America/Denver', 'Europe/Berlin') },
  fc.constantFrom(...ODD_ZONES),
);

/** Offsets written on generated times: the same instant, spelled many ways. */
const OFFSETS = ['Z', '+00:00', '-05:00', '+05:30', '+05:45', '+13:00', '-07:00', '+09:00'] as const;
type OffsetText = (typeof OFFSETS)[number];

function offsetMinutes(text: OffsetText): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
}

/** How a time is spelled: its offset and precision (minutes, seconds, milliseconds). */
interface TimeFormat {
  offset: OffsetText;
  precision: 0 | 1 | 2;
}

const timeFormat: fc.Arbitrary<TimeFormat> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<TimeFormat>({ offset: 'Z', precision: 1 }) },
  {
    weight: 1,
    arbitrary: fc.record({
      offset: fc.constantFrom(...OFFSETS),
      precision: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
    }),
  },
);

/** An ISO 8601 time with an offset, for a whole-minute instant. */
export function formatTime(instant: number, format: TimeFormat): string {
  const minutes = offsetMinutes(format.offset);
  const local = new Date(instant + minutes * MINUTE).toISOString();
  const text = local.slice(0, [16, 19, 23][format.precision]);
  return text + format.offset;
}

function formatDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** An optional field: absent, null (unknown) or a value. */
function optional<T>(arb: fc.Arbitrary<T>, weights: { absent?: number; nul?: number } = {}) {
  return fc.oneof(
    { weight: weights.absent ?? 2, arbitrary: fc.constant(undefined) },
    { weight: weights.nul ?? 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: arb },
  );
}

/** Copies an object without its undefined fields (JSON has no undefined). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// --- now -------------------------------------------------------------------------------------

/** Minute ranges for `now`: around the spring and autumn DST changes of 2026 (both hemispheres), and all year. */
const NOW_RANGES: [number, number][] = [
  [Date.UTC(2026, 1, 25), Date.UTC(2026, 3, 15)],
  [Date.UTC(2026, 8, 20), Date.UTC(2026, 10, 10)],
  [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
];

const nowInstant: fc.Arbitrary<number> = fc.oneof(
  ...NOW_RANGES.map(([a, b]) => fc.integer({ min: a / MINUTE, max: b / MINUTE }).map((m) => m * MINUTE)),
  // Whole hours hit the window's edges (08:00, 18:00 local) and DST changes exactly.
  ...NOW_RANGES.map(([a, b]) => fc.integer({ min: a / HOUR, max: b / HOUR }).map((h) => h * HOUR)),
);

/** Minutes relative to `now` of an event: mostly the last month, some long ago, some ahead. */
const eventOffset: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -30 * DAY_MINUTES, max: 0 }) },
  { weight: 2, arbitrary: fc.integer({ min: -400 * DAY_MINUTES, max: -30 * DAY_MINUTES }) },
  { weight: 1, arbitrary: fc.integer({ min: -180, max: 0 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 * DAY_MINUTES }) },
);

// --- rep, prospect, contacts ----------------------------------------------------------------

const repSpec = fc.record({
  name: optional(fc.constantFrom('Dana Whitfield', 'Sam', '  ')),
  email: optional(fc.constant('dana@ourco.test')),
  phone: optional(fc.constant('+1 555 0199')),
  company: optional(fc.constant('OurCo')),
  timezone: repZone,
  hourlyValue: optional(fc.constantFrom(0, 50, 100, 120, 400)),
});

const qualificationSpec = fc.record({
  serious: optional(fc.oneof({ weight: 25, arbitrary: fc.constant(true) }, fc.constant(false))),
  goalsClear: optional(fc.oneof({ weight: 25, arbitrary: fc.constant(true) }, fc.constant(false))),
  priceOnly: optional(fc.oneof({ weight: 25, arbitrary: fc.constant(false) }, fc.constant(true))),
});

const prospectSpec = fc.record({
  relationship: fc.oneof(
    { weight: 6, arbitrary: fc.constant('prospect' as const) },
    { weight: 1, arbitrary: fc.constant('customer' as const) },
    { weight: 1, arbitrary: fc.constant('ex-customer' as const) },
  ),
  source: optional(fc.constantFrom('inbound', 'outbound', 'referral', 'event')),
  createdMinutes: fc.oneof(
    fc.integer({ min: -2 * DAY_MINUTES, max: 0 }),
    fc.integer({ min: -400 * DAY_MINUTES, max: 0 }),
  ),
  createdFormat: timeFormat,
  dealValue: optional(fc.constantFrom(0, 500, 10_000, 24_000, 250_000)),
  icpFit: optional(
    fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('fit', 'partial', 'unknown') },
      { weight: 1, arbitrary: fc.constant('poor') },
    ),
  ),
  qualification: optional(qualificationSpec, { absent: 1, nul: 1 }),
  product: optional(
    fc.record({
      status: optional(
        fc.oneof(
          { weight: 30, arbitrary: fc.constant('active') },
          fc.constantFrom('deprioritized', 'end-of-life'),
        ),
      ),
      fit: optional(
        fc.oneof({ weight: 30, arbitrary: fc.constantFrom('fit', 'unknown') }, fc.constant('no-fit')),
      ),
    }),
  ),
  doNotContact: optional(fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true))),
});

const contactSpec = fc.record({
  name: fc.constantFrom('Peter Lee', 'Sue Park', 'Ana', 'Jean-Luc Picard', 'Mo  Salah'),
  role: fc.constantFrom('primary', 'stakeholder'),
  email: optional(fc.constantFrom('x@acme.test', ''), { absent: 1, nul: 1 }),
  phone: optional(fc.constantFrom('+1 555 0100', ' '), { absent: 1, nul: 1 }),
  timezone: optional(zone, { absent: 1, nul: 1 }),
  doNotContact: optional(fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, fc.constant(true))),
});

// --- events ----------------------------------------------------------------------------------

const CHANNEL_OUTCOMES = Object.entries(OUTCOMES_BY_CHANNEL).flatMap(([channel, outcomes]) =>
  outcomes.map(
    (outcome) => ({ channel, outcome }) as { channel: RawTouch['channel']; outcome: RawTouch['outcome'] },
  ),
);
const SILENT_OUTCOMES = CHANNEL_OUTCOMES.filter((p) => p.outcome !== 'connected' && p.outcome !== 'held');

const meetingSpec = fc.record({
  agendaShared: optional(fc.boolean()),
  objective: optional(fc.constant('agree scope')),
  powns: optional(fc.array(fc.constantFrom('slow onboarding', 'churn'), { maxLength: 2 })),
  objections: optional(fc.array(fc.constantFrom('price', 'timing'), { maxLength: 2 })),
  infoTailored: optional(fc.boolean()),
});

/** Every event spec: when (minutes from now), how its time is spelled, and a contact index. */
const common = { when: eventOffset, format: timeFormat, contact: fc.nat(3) };

const touchSpec = fc.record({
  type: fc.constant('touch' as const),
  ...common,
  pair: fc.constantFrom(...CHANNEL_OUTCOMES),
  purpose: optional(
    fc.oneof({ weight: 4, arbitrary: fc.constant('follow-up' as const) }, fc.constantFrom(...PURPOSES)),
    { absent: 3, nul: 1 },
  ),
  durationMin: optional(fc.integer({ min: 0, max: 90 })),
  meeting: optional(meetingSpec, { absent: 3, nul: 1 }),
});

/** Mostly the primary-ish first contact, sometimes any. */
const silentContact = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(3));

/** An unanswered touch from `days` days before now to `aheadDays` after it. */
function silentTouchSpec(days: number, aheadDays = 2) {
  return fc.record({
    type: fc.constant('touch' as const),
    when: fc.integer({ min: -days * DAY_MINUTES, max: aheadDays * DAY_MINUTES }),
    format: timeFormat,
    contact: silentContact,
    pair: fc.constantFrom(...SILENT_OUTCOMES),
    purpose: optional(
      fc.oneof(
        { weight: 10, arbitrary: fc.constant('follow-up' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('break-up' as const, 'empathy' as const, 'multi-thread' as const),
        },
        { weight: 1, arbitrary: fc.constantFrom(...PURPOSES) },
      ),
    ),
    durationMin: fc.constant(undefined),
    meeting: fc.constant(undefined),
  });
}

/** A bare date, or a time, some minutes from a reference instant. */
const laterDate = fc.record({
  minutes: fc.oneof(
    fc.integer({ min: -90, max: 0 }),
    fc.integer({ min: 0, max: 3 * DAY_MINUTES }),
    fc.integer({ min: -3 * DAY_MINUTES, max: 30 * DAY_MINUTES }),
    fc.integer({ min: 30 * DAY_MINUTES, max: 200 * DAY_MINUTES }),
  ),
  bare: fc.boolean(),
  format: timeFormat,
});

const responseSpec = fc.record({
  type: fc.constant('response' as const),
  ...common,
  channel: optional(fc.constantFrom('call', 'email', 'sms', 'social', 'meeting')),
  sentiment: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SENTIMENTS.filter((s) => s !== 'unsubscribe')) },
    { weight: 1, arbitrary: fc.constant('unsubscribe' as const) },
  ),
  until: optional(laterDate, { absent: 3, nul: 1 }),
  referred: optional(fc.nat(3), { absent: 1, nul: 1 }),
});

const commitmentSpec = fc.record({
  type: fc.constant('commitment' as const),
  ...common,
  kind: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('call', 'meeting') },
    fc.constantFrom(...COMMITMENT_KINDS),
  ),
  by: optional(fc.constantFrom('prospect', 'rep', 'both')),
  /** Due relative to the commitment's time (`at`) or to now (so some are due right now). */
  dueFrom: fc.constantFrom('at', 'now'),
  due: laterDate,
  omitDue: fc.boolean(),
  description: optional(fc.constant('15-minute call to review the proposal')),
  replaces: optional(fc.nat(7), { absent: 3, nul: 1 }),
});

const prepSpec = fc.record({
  type: fc.constant('prep' as const),
  ...common,
  commitment: fc.nat(7),
  withContact: fc.boolean(),
  objective: optional(fc.constant('agree scope')),
  agenda: optional(fc.array(fc.constantFrom('scope', 'price', 'next step'), { maxLength: 3 })),
});

const dealSpec = fc.record({
  type: fc.constant('deal' as const),
  ...common,
  result: fc.constantFrom('won', 'lost'),
  withContact: fc.boolean(),
});

const eventSpec = fc.oneof(
  { weight: 16, arbitrary: touchSpec },
  { weight: 6, arbitrary: responseSpec },
  { weight: 6, arbitrary: commitmentSpec },
  { weight: 3, arbitrary: prepSpec },
  { weight: 1, arbitrary: dealSpec },
);

type EventSpec = typeof eventSpec extends fc.Arbitrary<infer T> ? T : never;

const eventSpecs: fc.Arbitrary<EventSpec[]> = fc.oneof(
  { weight: 4, arbitrary: fc.array(eventSpec, { maxLength: 25 }) },
  // Long silent stretches reach the deep end of rule 9 (empathy, multi-thread, break-up, nurture).
  { weight: 1, arbitrary: fc.array(silentTouchSpec(60), { minLength: 5, maxLength: 25 }) },
  // Bursts of touches in the last days meet the weekly cap.
  { weight: 1, arbitrary: fc.array(silentTouchSpec(3, 0), { minLength: 3, maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(eventSpec, { maxLength: 6 }),
        fc.array(silentTouchSpec(45), { minLength: 3, maxLength: 19 }),
      )
      .map(([a, b]) => [...a, ...b]),
  },
);

// --- assembly --------------------------------------------------------------------------------

function dateOrTime(
  spec: { bare: boolean; format: TimeFormat },
  instant: number,
  bareAllowed: boolean,
): string {
  return bareAllowed && spec.bare ? formatDate(instant) : formatTime(instant, spec.format);
}

function buildEvents(specs: EventSpec[], now: number, contactIds: string[]): RawEvent[] {
  const timed = specs.map((spec) => ({ spec, at: now + spec.when * MINUTE })).sort((a, b) => a.at - b.at);
  const commitments: string[] = [];
  const events: RawEvent[] = [];
  const contactOf = (i: number) => contactIds[i % contactIds.length] as string;
  timed.forEach(({ spec, at }, i) => {
    const head = { id: `e${i + 1}`, at: formatTime(at, spec.format) };
    switch (spec.type) {
      case 'touch':
        events.push(
          compact<RawTouch>({
            ...head,
            type: 'touch',
            contactId: contactOf(spec.contact),
            channel: spec.pair.channel,
            outcome: spec.pair.outcome,
            purpose: spec.purpose,
            durationMin: spec.durationMin,
            meeting:
              spec.meeting === null || spec.meeting === undefined ? spec.meeting : compact(spec.meeting),
          }),
        );
        break;
      case 'response':
        events.push(
          compact<RawResponse>({
            ...head,
            type: 'response',
            contactId: contactOf(spec.contact),
            channel: spec.channel as RawResponse['channel'],
            sentiment: spec.sentiment,
            until:
              spec.until === null || spec.until === undefined
                ? spec.until
                : dateOrTime(spec.until, at + spec.until.minutes * MINUTE, true),
            // The contact they pointed to, on referrals (sometimes missing).
            referredContactId:
              spec.sentiment !== 'referral' || spec.referred === null || spec.referred === undefined
                ? undefined
                : contactOf(spec.referred),
          }),
        );
        break;
      case 'commitment': {
        const dueAt = (spec.dueFrom === 'at' ? at : now) + spec.due.minutes * MINUTE;
        const kind = spec.kind as RawCommitment['kind'];
        const noDue = kind === 'cancelled' && spec.omitDue;
        const replaces =
          spec.replaces === null || spec.replaces === undefined || commitments.length === 0
            ? undefined
            : commitments[spec.replaces % commitments.length];
        events.push(
          compact<RawCommitment>({
            ...head,
            type: 'commitment',
            contactId: contactOf(spec.contact),
            kind,
            by: spec.by as RawCommitment['by'],
            due: noDue ? undefined : dateOrTime(spec.due, dueAt, kind === 'reply-by' || kind === 'cancelled'),
            description: spec.description,
            replaces,
          }),
        );
        commitments.push(head.id);
        break;
      }
      case 'prep':
        // A prep note is for a commitment made before it; with none yet, there is no note.
        if (commitments.length === 0) break;
        events.push(
          compact<RawPrep>({
            ...head,
            type: 'prep',
            commitmentId: commitments[spec.commitment % commitments.length] as string,
            contactId: spec.withContact ? contactOf(spec.contact) : undefined,
            objective: spec.objective,
            agenda: spec.agenda,
          }),
        );
        break;
      case 'deal':
        events.push(
          compact<RawDeal>({
            ...head,
            type: 'deal',
            result: spec.result as RawDeal['result'],
            contactId: spec.withContact ? contactOf(spec.contact) : undefined,
          }),
        );
        break;
    }
  });
  return events;
}

/** A whole valid scenario (the contract's JSON), with `now` often near a DST change. */
export const scenarioArb: fc.Arbitrary<RawScenario> = fc
  .record({
    now: nowInstant,
    nowFormat: timeFormat,
    version: fc.constantFrom(undefined, 1),
    rep: repSpec,
    prospect: prospectSpec,
    contacts: fc.array(contactSpec, { minLength: 1, maxLength: 4 }),
    events: eventSpecs,
    reversed: fc.boolean(),
  })
  .map((s): RawScenario => {
    const contacts = s.contacts.map((c, i) =>
      compact({
        id: `c${i + 1}`,
        name: c.name,
        role: c.role as 'primary' | 'stakeholder',
        email: c.email,
        phone: c.phone,
        timezone: c.timezone,
        doNotContact: c.doNotContact,
      }),
    );
    const events = buildEvents(
      s.events,
      s.now,
      contacts.map((c) => c.id),
    );
    const p = s.prospect;
    return compact<RawScenario>({
      version: s.version as 1 | undefined,
      now: formatTime(s.now, s.nowFormat),
      rep: compact({ id: 'r1', ...s.rep }),
      prospect: compact<RawScenario['prospect']>({
        id: 'p1',
        name: 'Acme Corp',
        relationship: p.relationship,
        source: p.source as RawScenario['prospect']['source'],
        createdAt: formatTime(s.now + p.createdMinutes * MINUTE, p.createdFormat),
        dealValue: p.dealValue,
        icpFit: p.icpFit as RawScenario['prospect']['icpFit'],
        qualification:
          p.qualification === null || p.qualification === undefined
            ? p.qualification
            : compact(p.qualification),
        product:
          p.product === null || p.product === undefined
            ? p.product
            : (compact(p.product) as RawScenario['prospect']['product']),
        doNotContact: p.doNotContact,
      }),
      contacts,
      // Input order is free (the engine orders by time); ties then keep the input order.
      events: s.reversed ? events.reverse() : events,
    });
  });
