// What the outside sees of prospects, their contacts and their history: the prospect page, the list,
// what a log answers, leads and notifications. Times are ISO 8601; internal fields stay inside.

import Type from 'typebox';
import type { Static, TObject } from 'typebox';
import type { Contact, Notification, Prospect, StoredEvent } from '../../core/records.js';
import { EVENT_SCHEMAS } from '../../core/scenario/schema.js';
import { DecisionView, MaybeDecision, decisionView } from '../decisions/views.js';
import { Instant, Nullable, Shape, iso } from '../shapes.js';
import type { BulkDone } from './bulk.js';
import type { Logged, Undone } from './logging.js';
import type { NoteDetails } from './notes.js';
import type { ProspectDetails } from './reading.js';

const Flag = Nullable(Type.Boolean());

export const ProspectView = Shape(
  {
    id: Type.String(),
    name: Type.String(),
    ownerId: Type.String(),
    relationship: Type.Enum(['prospect', 'customer', 'ex-customer']),
    source: Type.Enum(['inbound', 'outbound', 'referral', 'event']),
    createdAt: Instant,
    dealValue: Nullable(Type.Number()),
    icpFit: Type.Enum(['fit', 'partial', 'poor', 'unknown']),
    qualification: Shape({ serious: Flag, goalsClear: Flag, priceOnly: Flag }),
    productFit: Type.Enum(['fit', 'no-fit', 'unknown']),
    doNotContact: Type.Boolean(),
    snoozedUntil: Nullable(Instant),
    updatedAt: Instant,
  },
  'A prospect: a company (or a person) being pursued',
);
export type ProspectView = Static<typeof ProspectView>;

export function prospectView(p: Prospect): ProspectView {
  return {
    id: p.id,
    name: p.name,
    ownerId: p.ownerId,
    relationship: p.relationship,
    source: p.source,
    createdAt: iso(p.createdAt),
    dealValue: p.dealValue,
    icpFit: p.icpFit,
    qualification: { serious: p.serious, goalsClear: p.goalsClear, priceOnly: p.priceOnly },
    productFit: p.productFit,
    doNotContact: p.doNotContact,
    snoozedUntil: iso(p.snoozedUntil),
    updatedAt: iso(p.updatedAt),
  };
}

export const ContactView = Shape(
  {
    id: Type.String(),
    name: Type.String(),
    role: Type.Enum(['primary', 'stakeholder']),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    timezone: Nullable(Type.String({ description: "an IANA time zone name; null: the owner's" })),
    doNotContact: Type.Boolean(),
    emailBouncedAt: Nullable(Instant, 'when mail to it bounced for good: no email is drafted to it'),
  },
  'A person at the prospect',
);
export type ContactView = Static<typeof ContactView>;

export function contactView(c: Contact): ContactView {
  return {
    id: c.id,
    name: c.name,
    role: c.role,
    email: c.email,
    phone: c.phone,
    timezone: c.timezone,
    doNotContact: c.doNotContact,
    emailBouncedAt: iso(c.emailBouncedAt),
  };
}

const logged = {
  loggedBy: Nullable(Type.String({ description: 'the user who logged it; null for an imported event' })),
  loggedAt: Instant,
};
// An event may carry fields an import brought along: events stay open to them.
const withLogged = (schema: TObject) => Type.Object({ ...schema.properties, ...logged });

export const EventView = Type.Union(
  [
    withLogged(EVENT_SCHEMAS.touch),
    withLogged(EVENT_SCHEMAS.response),
    withLogged(EVENT_SCHEMAS.commitment),
    withLogged(EVENT_SCHEMAS.prep),
    withLogged(EVENT_SCHEMAS.deal),
  ],
  { description: "An event in the decision contract's form, with who logged it and when" },
);
export type EventView = Static<typeof EventView>;

export function eventView(e: StoredEvent): EventView {
  return { ...e.data, id: e.id, loggedBy: e.loggedBy, loggedAt: iso(e.loggedAt) } as EventView;
}

export const ResponseCurveView = Shape(
  {
    modelVersion: Type.String(),
    pResponse: Type.Array(Type.Number(), {
      description: 'P(response) at attempts 1 to 12, for this prospect',
    }),
    attempt: Type.Integer({ minimum: 1, description: 'the attempt the decision is about' }),
    breakEven: Type.Number({ description: 'the response rate at which the next touch pays for itself' }),
  },
  'The response curve behind a decision that weighed the next touch',
);

export const ProspectPage = Shape(
  {
    now: Instant,
    ...ProspectView.properties,
    standing: Type.Enum(['prospect', 'customer', 'ex-customer'], {
      description:
        'the relationship as decisions see it: a prospect whose deal was won is a customer ' +
        '(relationship keeps what was recorded, so taking the deal back takes this back)',
    }),
    owner: Nullable(Shape({ id: Type.String(), name: Type.String() })),
    contacts: Type.Array(ContactView),
    events: Type.Array(EventView),
    decision: MaybeDecision,
    responseCurve: Nullable(ResponseCurveView),
  },
  "A prospect's page: the prospect, its owner, contacts, timeline and current decision",
);
export type ProspectPage = Static<typeof ProspectPage>;

export function prospectPage(details: ProspectDetails, now: number): ProspectPage {
  return {
    now: iso(now),
    ...prospectView(details.prospect),
    standing: details.standing,
    owner: details.owner === undefined ? null : { id: details.owner.id, name: details.owner.name },
    contacts: details.contacts.map(contactView),
    events: details.events.map(eventView),
    decision: decisionView(details.decision),
    responseCurve: details.curve ?? null,
  };
}

export const ProspectListItem = Shape({ ...ProspectView.properties, decision: MaybeDecision });
export type ProspectListItem = Static<typeof ProspectListItem>;

export const LoggedView = Shape(
  { event: EventView, prospect: ProspectView, decision: MaybeDecision },
  'What was logged (or taken back), and the decision it led to',
);
export type LoggedView = Static<typeof LoggedView>;

export function loggedView(l: Logged): LoggedView {
  return {
    event: eventView(l.event),
    prospect: prospectView(l.prospect),
    decision: decisionView(l.decision),
  };
}

export const UndoneView = Shape(
  {
    ...LoggedView.properties,
    count: Type.Integer({ description: 'how many events went back: more than one for a bulk action' }),
  },
  'The last thing logged, taken back (the first of a bulk action), and the decision it led to',
);
export type UndoneView = Static<typeof UndoneView>;

export function undoneView(u: Undone): UndoneView {
  return { ...loggedView(u), count: u.count };
}

export const BulkView = Shape(
  {
    count: Type.Integer(),
    prospects: Type.Array(Shape({ prospect: ProspectView, decision: MaybeDecision })),
  },
  'Every prospect of a bulk action, with its decision after it',
);
export type BulkView = Static<typeof BulkView>;

export function bulkView(done: BulkDone[]): BulkView {
  return {
    count: done.length,
    prospects: done.map((d) => ({ prospect: prospectView(d.prospect), decision: decisionView(d.decision) })),
  };
}

export const NotificationView = Shape({
  id: Type.String(),
  kind: Type.String({ description: 'lead: a new inbound lead' }),
  prospectId: Nullable(Type.String()),
  message: Type.String(),
  createdAt: Instant,
  readAt: Nullable(Instant),
});
export type NotificationView = Static<typeof NotificationView>;

export function notificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    prospectId: n.prospectId,
    message: n.message,
    createdAt: iso(n.createdAt),
    readAt: iso(n.readAt),
  };
}

export const LeadAnswer = Shape(
  { prospect: ProspectView, decision: Nullable(DecisionView), notification: NotificationView },
  'The new prospect, its first decision, and the notification its owner got',
);

export const NoteView = Shape(
  {
    id: Type.String(),
    prospectId: Type.String(),
    author: Nullable(
      Shape({ id: Type.String(), name: Type.String() }),
      'who wrote it; null when that user is no longer there',
    ),
    body: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
    edited: Type.Boolean({ description: 'whether it was changed after it was written' }),
    mayChange: Type.Boolean({
      description: 'whether you may edit or delete it (its author, a manager or an admin)',
    }),
  },
  'A note on a prospect: free text, never part of a decision',
);
export type NoteView = Static<typeof NoteView>;

export function noteView(d: NoteDetails): NoteView {
  const { note, author } = d;
  return {
    id: note.id,
    prospectId: note.prospectId,
    author: author === undefined ? null : { id: author.id, name: author.name },
    body: note.body,
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
    edited: note.updatedAt !== note.createdAt,
    mayChange: d.mayChange,
  };
}
