// The scenario of CONTRACT.md as one definition: TypeBox schemas give the JSON Schema, the compiled
// validators and (through Static) the types of the raw input. Field-level defaults and the checks a
// JSON Schema cannot express (dates that exist, time zones, references) live in normalize.ts.

import Type from 'typebox';
import type { Static, TSchema } from 'typebox';

/** An optional field that may also be null, which means unknown, the same as absent. */
function maybe<T extends TSchema>(schema: T) {
  return Type.Optional(Type.Union([schema, Type.Null()]));
}

const ISO_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export const TIME_EXPECTED = 'an ISO 8601 time with an offset, like 2026-03-10T15:00:00Z';
export const DATE_OR_TIME_EXPECTED = 'an ISO 8601 date (2026-04-01) or a time with an offset';

export const Timestamp = Type.String({ pattern: ISO_TIME, description: TIME_EXPECTED });
export const DateOrTimestamp = Type.String({
  pattern: `${ISO_DATE}|${ISO_TIME}`,
  description: DATE_OR_TIME_EXPECTED,
});

const Id = Type.String({ minLength: 1, description: 'a non-empty id' });
const Text = Type.String();
const Money = Type.Number({ minimum: 0 });

export const CHANNELS = ['call', 'email', 'sms', 'social', 'meeting'] as const;
export const OUTCOMES = [
  'connected',
  'voicemail',
  'no-answer',
  'sent',
  'bounced',
  'held',
  'no-show',
] as const;
export const OUTCOMES_BY_CHANNEL: Record<(typeof CHANNELS)[number], readonly (typeof OUTCOMES)[number][]> = {
  call: ['connected', 'voicemail', 'no-answer'],
  email: ['sent', 'bounced'],
  sms: ['sent', 'bounced'],
  social: ['sent', 'bounced'],
  meeting: ['held', 'no-show'],
};
export const PURPOSES = [
  'follow-up',
  'respond',
  'schedule-next-step',
  'break-up',
  'empathy',
  'multi-thread',
  'close-out',
  'disqualify',
  'check-in',
  'nurture',
  'send-info',
] as const;
export const SENTIMENTS = [
  'positive',
  'neutral',
  'objection',
  'referral',
  'not-now',
  'not-interested',
  'out-of-office',
  'unsubscribe',
] as const;
export const COMMITMENT_KINDS = ['call', 'meeting', 'reply-by', 'other', 'cancelled'] as const;
export const COMMITTERS = ['prospect', 'rep', 'both'] as const;
export const EVENT_TYPES = ['touch', 'response', 'commitment', 'prep', 'deal'] as const;

export const Rep = Type.Object({
  id: Id,
  name: maybe(Text),
  email: maybe(Text),
  phone: maybe(Text),
  company: maybe(Text),
  timezone: Type.String({ description: 'an IANA time zone name' }),
  hourlyValue: maybe(Money),
});

export const Qualification = Type.Object({
  serious: maybe(Type.Boolean()),
  goalsClear: maybe(Type.Boolean()),
  priceOnly: maybe(Type.Boolean()),
});

export const Product = Type.Object({
  status: maybe(Type.Enum(['active', 'deprioritized', 'end-of-life'])),
  fit: maybe(Type.Enum(['fit', 'no-fit', 'unknown'])),
});

export const Prospect = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  relationship: Type.Enum(['prospect', 'customer', 'ex-customer']),
  source: maybe(Type.Enum(['inbound', 'outbound', 'referral', 'event'])),
  createdAt: Timestamp,
  dealValue: maybe(Money),
  icpFit: maybe(Type.Enum(['fit', 'partial', 'poor', 'unknown'])),
  qualification: maybe(Qualification),
  product: maybe(Product),
  doNotContact: maybe(Type.Boolean()),
});

export const Contact = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  role: Type.Enum(['primary', 'stakeholder']),
  email: maybe(Text),
  phone: maybe(Text),
  timezone: maybe(Type.String({ description: 'an IANA time zone name' })),
  doNotContact: maybe(Type.Boolean()),
});

const eventBase = { id: Id, at: Timestamp };

export const Meeting = Type.Object({
  agendaShared: maybe(Type.Boolean()),
  objective: maybe(Text),
  powns: maybe(Type.Array(Text)),
  objections: maybe(Type.Array(Text)),
  infoTailored: maybe(Type.Boolean()),
});

export const TouchEvent = Type.Object({
  ...eventBase,
  type: Type.Literal('touch'),
  contactId: Id,
  channel: Type.Enum([...CHANNELS]),
  outcome: Type.Enum([...OUTCOMES]),
  purpose: maybe(Type.Enum([...PURPOSES])),
  durationMin: maybe(Type.Number({ minimum: 0 })),
  meeting: maybe(Meeting),
});

export const ResponseEvent = Type.Object({
  ...eventBase,
  type: Type.Literal('response'),
  contactId: Id,
  channel: maybe(Type.Enum([...CHANNELS])),
  sentiment: Type.Enum([...SENTIMENTS]),
  until: maybe(DateOrTimestamp),
  referredContactId: maybe(Id),
});

export const CommitmentEvent = Type.Object({
  ...eventBase,
  type: Type.Literal('commitment'),
  contactId: Id,
  kind: Type.Enum([...COMMITMENT_KINDS]),
  by: maybe(Type.Enum([...COMMITTERS])),
  // Required for every kind but `cancelled` (checked in normalize.ts, which names the kind).
  due: maybe(DateOrTimestamp),
  description: maybe(Text),
  replaces: maybe(Id),
});

export const PrepEvent = Type.Object({
  ...eventBase,
  type: Type.Literal('prep'),
  contactId: maybe(Id),
  commitmentId: Id,
  objective: maybe(Text),
  agenda: maybe(Type.Array(Text)),
});

export const DealEvent = Type.Object({
  ...eventBase,
  type: Type.Literal('deal'),
  contactId: maybe(Id),
  result: Type.Enum(['won', 'lost']),
});

/** What every event has before its type is known; used to pick the schema of its type. */
export const EventHead = Type.Object({ id: Id, type: Type.Enum([...EVENT_TYPES]), at: Timestamp });

export const EVENT_SCHEMAS = {
  touch: TouchEvent,
  response: ResponseEvent,
  commitment: CommitmentEvent,
  prep: PrepEvent,
  deal: DealEvent,
} as const;

/** The scenario with events left open: each event is checked against the schema of its type. */
export const ScenarioFrame = Type.Object({
  // The contract version the caller speaks; a newer caller may talk to this engine (unknown fields are ignored).
  version: maybe(Type.Integer({ minimum: 1 })),
  now: Timestamp,
  rep: Rep,
  prospect: Prospect,
  contacts: Type.Array(Contact, { minItems: 1 }),
  events: Type.Array(Type.Object({})),
});

/** The whole scenario, for the published JSON Schema. */
export const Scenario = Type.Object(
  {
    ...ScenarioFrame.properties,
    events: Type.Array(Type.Union([TouchEvent, ResponseEvent, CommitmentEvent, PrepEvent, DealEvent])),
  },
  { $id: 'urn:pursuit:schema:scenario:1', title: 'Pursuit scenario (contract version 1)' },
);

export type RawScenario = Static<typeof Scenario>;
export type RawTouch = Static<typeof TouchEvent>;
export type RawResponse = Static<typeof ResponseEvent>;
export type RawCommitment = Static<typeof CommitmentEvent>;
export type RawPrep = Static<typeof PrepEvent>;
export type RawDeal = Static<typeof DealEvent>;
export type RawEvent = RawTouch | RawResponse | RawCommitment | RawPrep | RawDeal;
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Purpose = (typeof PURPOSES)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export type Committer = (typeof COMMITTERS)[number];
