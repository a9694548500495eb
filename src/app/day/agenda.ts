// A rep's day (the agenda) and the pipeline. Decisions that time alone may have changed are
// decided again first, so nobody sees a stale one.

import { actionMinutes, compareAgenda, timedMinutes } from '../../core/agenda.js';
import type { Rankable } from '../../core/agenda.js';
import { DAY, MINUTE, dayNumber, formatDay, fromLocal, toLocal } from '../../core/calendar.js';
import type { Decision } from '../../core/decision.js';
import { PursuitError } from '../../core/errors.js';
import { pageBounds } from '../inputs.js';
import { pipelineState } from '../../core/pipeline.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import { users } from '../../store/repositories/people.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import { pipelineRows } from '../../store/repositories/pipeline.repository.js';
import type { PipelineGroup } from '../../store/repositories/pipeline.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import type { AppContext, Q } from '../context.js';
import { resolveName, visibleOwners } from '../accounts/actors.js';
import { activeEngine, refreshStale, refreshStaleInPages } from '../decisions/decisions.js';
import { shownOwners } from './board.js';
import { inTransaction, readMostly } from '../context.js';

export interface AgendaItem {
  prospect: Prospect;
  contact: Contact | undefined;
  decision: Decision;
  due: number;
  minutes: number;
  /** Whether it fits in the working time left, in the agenda's order. */
  fits: boolean;
}

export interface Agenda {
  rep: User;
  date: string;
  /** The whole day, or the page asked for (`page`). */
  items: AgendaItem[];
  totalMinutes: number;
  availableMinutes: number;
  fitting: number;
  /** How many actions the day holds, and how many of them are overdue at the agenda's clock. */
  count: number;
  overdue: number;
  page: AgendaPage | undefined;
}

/**
 * Which of the day's actions a page lists: all of them, those overdue (due before the clock), those
 * due later (from the clock on), or those due on the day itself, not before it, and not calls to
 * prepare, which are on every day's list (for tomorrow: what tomorrow adds to today).
 */
export const AGENDA_SHOWS = ['all', 'overdue', 'later', 'day'] as const;
export type AgendaShow = (typeof AGENDA_SHOWS)[number];
export const AGENDA_PAGE = { default: 50, max: 500 } as const;

export interface PageAsked {
  show?: AgendaShow;
  offset?: number;
  limit?: number;
}

/** A page of one of the day's lists: `total` is how many that list holds. */
export interface AgendaPage {
  show: AgendaShow;
  offset: number;
  limit: number;
  total: number;
}

/** One action of a day as the agenda orders, counts and times it. */
export interface DaySlot extends Rankable {
  prospectId: string;
  /** A call to prepare: on every day's list from when its window opens, not by its due. */
  prepare: boolean;
  minutes: number;
}

/**
 * A rep's day as read from the database, before the clock says how much working time is left. It
 * holds, unless someone writes, until `until`: the first moment a decision, a snooze or the day
 * itself may turn over by time alone.
 */
export interface AgendaRead {
  rep: User;
  date: string;
  /** The day's actions in the agenda's order, each with what orders, counts and times it. */
  slots: readonly DaySlot[];
  /**
   * The actions read whole so far, at their positions in the day: a page's (readAgenda, readItems)
   * or all of them; null for one whose prospect had gone when it was read. Read for the same state
   * of the database as the slots, when no one has written since.
   */
  items: (Omit<AgendaItem, 'fits'> | null | undefined)[];
  totalMinutes: number;
  /** The day's first instant (the rep's midnight), and its working day's opening and closing. */
  starts: number;
  opens: number;
  closes: number;
  until: number;
}

function parseDate(typed: string | undefined, now: number, zone: string): string {
  if (typed === undefined || typed === 'today') return formatDay(dayNumber(toLocal(zone, now)));
  if (typed === 'tomorrow') return formatDay(dayNumber(toLocal(zone, now)) + 1);
  // A day that the calendar has (Date.parse takes 2026-02-30 for March 2).
  const at = /^\d{4}-\d{2}-\d{2}$/.test(typed) ? Date.parse(`${typed}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== typed) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected a date like 2026-03-17, today or tomorrow, got "${typed}"`,
      'date',
    );
  }
  return typed;
}

/**
 * Reads a rep's day: what is due by its end, in the agenda's order, decided afresh where stale; and
 * whole, the actions of the page asked for at `now` (all of them when none is asked).
 */
export async function readAgenda(
  ctx: AppContext,
  actor: User,
  options: { rep?: string; date?: string },
  page: { asked: Omit<AgendaPage, 'total'> | undefined; now: number } = { asked: undefined, now: ctx.now() },
): Promise<AgendaRead> {
  const now = ctx.now();
  return readMostly(ctx, async (q) => {
    const rep =
      options.rep === undefined
        ? actor
        : resolveName(await users.list(q, actor.orgId), options.rep, 'user', 'rep');
    const visible = await visibleOwners(q, actor);
    if (visible !== undefined && !visible.includes(rep.id)) {
      throw new PursuitError('FORBIDDEN', `you cannot see ${rep.name}'s agenda`, 'rep');
    }
    const date = parseDate(options.date, now, rep.timezone);
    const day = Date.parse(`${date}T00:00:00Z`) / DAY;
    const dayEnd = fromLocal(rep.timezone, (day + 1) * DAY);
    const asOf = Math.min(now, dayEnd);
    await refreshStale(q, actor.orgId, asOf, ctx.defaultPlaybookText, [rep.id]);

    const engine = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
    const { minutesPerTouch } = engine.playbook.doc.model;
    const query = { orgId: actor.orgId, ownerId: rep.id, dueBefore: dayEnd };
    // The clock alone changes this read when a decision falls due for another look, when a snooze
    // ends, and (for "today" and "tomorrow") at the rep's midnight.
    let until = (await decisions.nextRecheck(q, actor.orgId, rep.id, asOf)) ?? Infinity;
    if (options.date === undefined || options.date === 'today' || options.date === 'tomorrow') {
      const today = dayNumber(toLocal(rep.timezone, now));
      until = Math.min(until, fromLocal(rep.timezone, (today + 1) * DAY));
    }
    /** Whether a prospect is awake (not snoozed past now); when not, the read holds until it wakes. */
    const awake = (snoozedUntil: number | null | undefined): boolean => {
      if (snoozedUntil === null || snoozedUntil === undefined || snoozedUntil <= now) return true;
      until = Math.min(until, snoozedUntil);
      return false;
    };
    // Ties (the same rank and due) in the order of the prospects' ids, whatever the database's.
    const byRank =
      <T extends Rankable>(id: (row: T) => string) =>
      (a: T, b: T) =>
        compareAgenda(a, b) || (id(a) < id(b) ? -1 : 1);
    // The whole day is read in one statement, each action with what it is about. For a page, the
    // day is read without that, and the page's actions whole after (for a day of 900, a page takes
    // a fifth of the whole day's time). Objects are written out field by field: spreading 900 rows
    // cost 2 ms.
    let slots: DaySlot[];
    let items: (Omit<AgendaItem, 'fits'> | undefined)[];
    if (page.asked === undefined) {
      const rows = (await decisions.day(q, ctx.db.dialect, query))
        .filter((row) => awake(row.prospect.snoozedUntil))
        .sort(byRank((row) => row.prospect.id));
      items = [];
      slots = [];
      for (const row of rows) {
        const decision = row.decision as unknown as Decision;
        const minutes = actionMinutes(decision, minutesPerTouch);
        items.push({
          prospect: row.prospect,
          contact: row.contact,
          decision,
          due: row.due as number,
          minutes,
        });
        slots.push({
          prospectId: row.prospect.id,
          prepare: decision.action === 'prepare',
          urgency: row.urgency,
          valuePerMinute: row.valuePerMinute,
          due: row.due,
          minutes,
        });
      }
    } else {
      const snoozed = await prospects.snoozedAfter(q, actor.orgId, rep.id, now);
      slots = (await decisions.dayIndex(q, ctx.db.dialect, query))
        .filter((row) => awake(snoozed.get(row.prospectId)))
        .sort(byRank((row) => row.prospectId))
        .map((row) => ({
          prospectId: row.prospectId,
          prepare: row.action === 'prepare',
          urgency: row.urgency,
          valuePerMinute: row.valuePerMinute,
          due: row.due,
          minutes: timedMinutes(row, minutesPerTouch),
        }));
      items = slots.map(() => undefined);
    }

    const { start, end } = engine.playbook.doc.calendar;
    const [sh, sm] = start.split(':').map(Number) as [number, number];
    const [eh, em] = end.split(':').map(Number) as [number, number];
    let totalMinutes = 0;
    for (const slot of slots) totalMinutes += slot.minutes;
    const read: AgendaRead = {
      rep,
      date,
      slots,
      items,
      totalMinutes,
      starts: fromLocal(rep.timezone, day * DAY),
      opens: fromLocal(rep.timezone, day * DAY + (sh * 60 + sm) * MINUTE),
      closes: fromLocal(rep.timezone, day * DAY + (eh * 60 + em) * MINUTE),
      until,
    };
    if (page.asked !== undefined) await readWhole(q, ctx, read, pageOf(read, page.now, page.asked).at);
    return read;
  });
}

/** Reads whole the actions at these positions of the day that are not read yet. */
async function readWhole(q: Q, ctx: AppContext, read: AgendaRead, at: readonly number[]): Promise<void> {
  const unread = new Map<string, number>();
  for (const i of at) if (read.items[i] === undefined) unread.set((read.slots[i] as DaySlot).prospectId, i);
  if (unread.size === 0) return;
  for (const row of await decisions.dayOf(q, ctx.db.dialect, read.rep.orgId, [...unread.keys()])) {
    const i = unread.get(row.prospect.id) as number;
    const slot = read.slots[i] as DaySlot;
    read.items[i] = {
      prospect: row.prospect,
      contact: row.contact,
      decision: row.decision as unknown as Decision,
      due: slot.due as number,
      minutes: slot.minutes,
    };
  }
  for (const i of unread.values()) read.items[i] ??= null;
}

/**
 * The actions at these positions of a day read before, each with its position: those not read
 * whole yet are read now. The caller knows no one has written since the day was read (the
 * database's change mark); an action whose prospect has gone since is left out.
 */
export async function readItems(
  ctx: AppContext,
  read: AgendaRead,
  at: readonly number[],
): Promise<[number, Omit<AgendaItem, 'fits'>][]> {
  if (at.some((i) => read.items[i] === undefined)) await readMostly(ctx, (q) => readWhole(q, ctx, read, at));
  const out: [number, Omit<AgendaItem, 'fits'>][] = [];
  for (const i of at) {
    const item = read.items[i];
    if (item !== undefined && item !== null) out.push([i, item]);
  }
  return out;
}

/** How much of the day's working time is left at `now`, and which actions fit in it, in order. */
export function fitDay(read: AgendaRead, now: number): { availableMinutes: number; fitting: number } {
  const availableMinutes = Math.max(
    0,
    Math.round((read.closes - Math.max(read.opens, Math.min(now, read.closes))) / MINUTE),
  );
  let used = 0;
  let fitting = 0;
  // Fitting is a prefix of the agenda: once one action does not fit, none after it does.
  for (const item of read.slots) {
    used += item.minutes;
    if (used > availableMinutes) break;
    fitting += 1;
  }
  return { availableMinutes, fitting };
}

/** Checks a page as asked, with its defaults; none asked is the whole day. */
export function askedPage(asked: PageAsked): Omit<AgendaPage, 'total'> | undefined {
  if (asked.show === undefined && asked.offset === undefined && asked.limit === undefined) return undefined;
  const show = asked.show ?? 'all';
  if (!AGENDA_SHOWS.includes(show))
    throw new PursuitError('INVALID_INPUT', `expected show to be one of ${AGENDA_SHOWS.join(', ')}`, 'show');
  const { offset, limit } = pageBounds(
    asked.offset ?? 0,
    asked.limit ?? AGENDA_PAGE.default,
    AGENDA_PAGE.max,
    'actions',
  );
  return { show, offset, limit };
}

/** How many of the day's actions are overdue at `now` (due before it). */
export function overdueAt(read: AgendaRead, now: number): number {
  let overdue = 0;
  for (const item of read.slots) if (item.due !== null && item.due < now) overdue += 1;
  return overdue;
}

/**
 * The positions in the day (the agenda's order) of the actions a page lists, and how many its list
 * holds; the whole day when no page is asked.
 */
export function pageOf(
  read: AgendaRead,
  now: number,
  asked: Omit<AgendaPage, 'total'> | undefined,
): { at: number[]; page: AgendaPage | undefined } {
  if (asked === undefined) return { at: read.slots.map((_, i) => i), page: undefined };
  const { show } = asked;
  const listed: number[] = [];
  read.slots.forEach((item, i) => {
    if (
      show === 'all' ||
      (show === 'overdue' && item.due !== null && item.due < now) ||
      (show === 'later' && (item.due === null || item.due >= now)) ||
      (show === 'day' && !item.prepare && (item.due === null || item.due >= read.starts))
    )
      listed.push(i);
  });
  return {
    at: listed.slice(asked.offset, asked.offset + asked.limit),
    page: { ...asked, total: listed.length },
  };
}

export async function agenda(
  ctx: AppContext,
  actor: User,
  options: { rep?: string; date?: string } & PageAsked,
): Promise<Agenda> {
  const asked = askedPage(options);
  const now = ctx.now();
  const read = await readAgenda(ctx, actor, options, { asked, now });
  const { availableMinutes, fitting } = fitDay(read, now);
  const { at, page } = pageOf(read, now, asked);
  const items: AgendaItem[] = [];
  for (const [i, { prospect, contact, decision, due, minutes }] of await readItems(ctx, read, at))
    items.push({ prospect, contact, decision, due, minutes, fits: i < fitting });
  return {
    rep: read.rep,
    date: read.date,
    items,
    totalMinutes: read.totalMinutes,
    availableMinutes,
    fitting,
    count: read.slots.length,
    overdue: overdueAt(read, now),
    page,
  };
}

export interface Pipeline {
  counts: Record<'active' | 'nurture' | 'brokenUp' | 'disqualified' | 'stopped' | 'customers', number>;
  /** Prospects on the active list with no dated next step (no commitment ahead), by name. */
  noNextStep: Prospect[];
  /** How many such prospects there are (noNextStep may hold a page of them). */
  noNextStepCount: number;
  total: number;
}

/** The states counted apart from the active list. */
const OFF_ACTIVE: ReadonlySet<string> = new Set([
  'customers',
  'brokenUp',
  'nurture',
  'disqualified',
  'stopped',
]);

/** A page of the prospects with no dated next step: how many by default, and at most. */
export const NO_NEXT_STEP_PAGE = { default: 50, max: 500 };

/**
 * The pipeline's counts and the active prospects with no dated next step: counted by groups in
 * the database (a team of a million prospects is not read into memory to be counted), and only
 * those prospects read: all of them, or a page by name when an offset or a limit is given. Many
 * stale decisions are first brought up to date in short transactions of their own (as the board's).
 */
export async function pipeline(
  ctx: AppContext,
  actor: User,
  options: { owner?: string; offset?: number; limit?: number } = {},
): Promise<Pipeline> {
  const now = ctx.now();
  const page =
    options.offset === undefined && options.limit === undefined
      ? undefined
      : pageBounds(
          options.offset ?? 0,
          options.limit ?? NO_NEXT_STEP_PAGE.default,
          NO_NEXT_STEP_PAGE.max,
          'prospects',
        );
  const owners = (await inTransaction(ctx, (q) => shownOwners(q, actor, options.owner), { readOnly: true }))
    .ownerIds;
  await refreshStaleInPages(ctx, actor.orgId, owners);
  return readMostly(ctx, async (q) => {
    await refreshStale(q, actor.orgId, now, ctx.defaultPlaybookText, owners);
    const filter = { orgId: actor.orgId, ...(owners === undefined ? {} : { ownerIds: owners }) };
    const counts = { active: 0, nurture: 0, brokenUp: 0, disqualified: 0, stopped: 0, customers: 0 };
    let total = 0;
    let noNextStepCount = 0;
    const lacking: PipelineGroup[] = [];
    for (const g of await pipelineRows.totals(q, filter)) {
      const state = pipelineState(g);
      total += g.count;
      if (OFF_ACTIVE.has(state)) counts[state as keyof typeof counts] += g.count;
      else {
        // The active list: a dated next step is a commitment ahead (rule 6). A prospect not yet
        // decided (no action) is new, not lacking a step.
        counts.active += g.count;
        if (g.action !== null && state !== 'nextStepSet') {
          lacking.push(g);
          noNextStepCount += g.count;
        }
      }
    }
    const noNextStep = await pipelineRows.prospectsIn(q, filter, lacking, page);
    return { counts, noNextStep, noNextStepCount, total };
  });
}
