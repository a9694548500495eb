// What the outside sees of a rep's day, the pipeline and the team dashboard.

import Type from 'typebox';
import type { Static } from 'typebox';
import { Decision } from '../../core/decision.js';
import { UserView, userView } from '../accounts/views.js';
import { ContactView, ProspectView, contactView, prospectView } from '../prospects/views.js';
import { Counts, Instant, Nullable, Shape, iso } from '../shapes.js';
import { AGENDA_SHOWS } from './agenda.js';
import type { Agenda, AgendaItem, Pipeline } from './agenda.js';
import type { Board } from './board.js';
import { PIPELINE_STATES } from '../../core/pipeline.js';
import type { TeamView } from './team.js';

const itemFields = {
  prospect: ProspectView,
  contact: Nullable(ContactView),
  decision: Decision,
  due: Instant,
  minutes: Type.Number({ description: "the playbook's minutes for this action" }),
};

const AgendaItemView = Shape({
  ...itemFields,
  fits: Type.Boolean({ description: 'whether it fits in the working time left today, in this order' }),
});

/** An agenda item without `fits`, which the clock decides (the API adds it minute by minute). */
export function agendaItemView(item: Omit<AgendaItem, 'fits'>): Omit<Static<typeof AgendaItemView>, 'fits'> {
  return {
    prospect: prospectView(item.prospect),
    contact: item.contact === undefined ? null : contactView(item.contact),
    decision: item.decision,
    due: iso(item.due),
    minutes: item.minutes,
  };
}

export const AgendaView = Shape(
  {
    now: Instant,
    rep: UserView,
    date: Type.String({ description: "the day, in the rep's time zone (YYYY-MM-DD)" }),
    totalMinutes: Type.Number(),
    availableMinutes: Type.Number({ description: "working time left today, by the server's clock" }),
    fitting: Type.Integer({ minimum: 0, description: "how many of the day's actions fit in it, in order" }),
    count: Type.Integer({ minimum: 0, description: 'how many actions the day holds' }),
    overdue: Type.Integer({ minimum: 0, description: 'how many of them are overdue at `now`' }),
    items: Type.Array(AgendaItemView, { description: 'the whole day, or the page asked for' }),
    page: Type.Optional(
      Shape(
        {
          show: Type.Enum([...AGENDA_SHOWS]),
          offset: Type.Integer({ minimum: 0 }),
          limit: Type.Integer({ minimum: 1 }),
          total: Type.Integer({ minimum: 0, description: 'how many actions the list shown holds' }),
        },
        'Present when a page was asked for: which list (show), where it starts, its size',
      ),
    ),
  },
  "A rep's actions for a day: time-critical first, then by value per minute",
);
export type AgendaView = Static<typeof AgendaView>;

export function agendaView(a: Agenda, now: number): AgendaView {
  return {
    now: iso(now),
    rep: userView(a.rep),
    date: a.date,
    totalMinutes: a.totalMinutes,
    availableMinutes: a.availableMinutes,
    fitting: a.fitting,
    count: a.count,
    overdue: a.overdue,
    items: a.items.map((item) => ({ ...agendaItemView(item), fits: item.fits })),
    ...(a.page === undefined ? {} : { page: a.page }),
  };
}

const count = Type.Integer({ minimum: 0 });

export const PipelineView = Shape(
  {
    counts: Shape({
      active: count,
      nurture: count,
      brokenUp: count,
      disqualified: count,
      stopped: count,
      customers: count,
    }),
    total: count,
    noNextStep: Type.Array(ProspectView, {
      description: 'on the active list with no dated next step, by name',
    }),
    noNextStepCount: count,
  },
  'Prospects by state, and those with no dated next step',
);
export type PipelineView = Static<typeof PipelineView>;

export function pipelineView(p: Pipeline): PipelineView {
  return {
    counts: p.counts,
    total: p.total,
    noNextStep: p.noNextStep.map(prospectView),
    noNextStepCount: p.noNextStepCount,
  };
}

const StateName = Type.Enum([...PIPELINE_STATES], { description: "a pipeline state (the engine's)" });
const money = Type.Number({ description: 'the sum of the deal values given' });

const BoardStateView = Shape({ state: StateName, label: Type.String(), count, value: money });

const BoardCardView = Shape({
  id: Type.String(),
  name: Type.String(),
  ownerId: Type.String(),
  ownerName: Type.String(),
  dealValue: Nullable(Type.Number()),
  nextStep: Nullable(Type.String({ description: 'the next step in a few words' })),
  reason: Nullable(Type.String({ description: "the decision's reason" })),
  due: Nullable(Instant, 'when the next step is due'),
  overdue: Type.Boolean({ description: 'due before now, and not a hold' }),
  snoozedUntil: Nullable(Instant, 'snoozed until then (null: not snoozed)'),
});

export const BoardView = Shape(
  {
    now: Instant,
    owner: Nullable(UserView, 'the owner filtered by'),
    owners: Type.Array(Shape({ id: Type.String(), name: Type.String() }), {
      description: 'whose prospects the caller may see',
    }),
    states: Type.Array(BoardStateView, { description: "every state's count and value, in order" }),
    selected: Type.Array(StateName, { description: 'the states shown as columns' }),
    offset: count,
    columns: Type.Array(
      Shape({
        ...BoardStateView.properties,
        cards: Type.Array(BoardCardView, { description: 'the soonest next step first' }),
        more: Type.Boolean({ description: 'whether more cards follow (ask again with offset)' }),
      }),
    ),
    total: Shape({ count, value: money }),
  },
  'The pipeline as a board: a column for each state with its count, value and first cards',
);
export type BoardView = Static<typeof BoardView>;

export function boardView(b: Board): BoardView {
  return {
    now: iso(b.now),
    owner: b.owner === null ? null : userView(b.owner),
    owners: b.owners.map((u) => ({ id: u.id, name: u.name })),
    states: b.states.map((s) => ({ ...s })),
    selected: b.selected,
    offset: b.offset,
    columns: b.columns.map((c) => ({
      state: c.state,
      label: c.label,
      count: c.count,
      value: c.value,
      more: c.more,
      cards: c.cards.map((card) => ({
        ...card,
        due: iso(card.due),
        snoozedUntil: iso(card.snoozedUntil),
      })),
    })),
    total: b.total,
  };
}

export const TeamAnswer = Shape(
  {
    benchmarkTouches: Type.Number({ description: "the playbook's minimum touches before giving up" }),
    speedToLeadMinutes: Type.Number(),
    reps: Type.Array(
      Shape({
        ownerId: Type.String(),
        breakUps: count,
        touchesBeforeGivingUp: Type.Array(Type.Number()),
        inboundLeads: count,
        minutesToFirstCall: Type.Array(Type.Number()),
        overdue: count,
      }),
    ),
    byAttempt: Type.Array(Shape({ attempt: Type.Integer(), touches: count, responses: count })),
    afterBreakUp: Shape({ sent: count, unanswered: count, answered: Counts }),
    names: Type.Record(Type.String(), Type.String(), { description: "reps' names by id" }),
  },
  'Whether the team gives up too early or chases too long',
);

export function teamAnswer(t: TeamView): Static<typeof TeamAnswer> {
  return t;
}
