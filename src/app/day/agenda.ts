// A rep's day (the agenda) and the pipeline. Decisions that time alone may have changed are
// decided again first, so nobody sees a stale one.

import { actionMinutes, compareAgenda } from '../../core/agenda.js';
import { DAY, MINUTE, dayNumber, formatDay, fromLocal, toLocal } from '../../core/calendar.js';
import type { Decision } from '../../core/decision.js';
import { PursuitError } from '../../core/errors.js';
import { pipelineState } from '../../core/pipeline.js';
import type { Contact, Prospect, User } from '../../core/records.js';
import { users } from '../../store/repositories/people.repository.js';
import { prospects } from '../../store/repositories/prospects.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import type { AppContext } from '../context.js';
import { resolveName, visibleOwners } from '../accounts/actors.js';
import { activeEngine, refreshStale } from '../decisions/decisions.js';
import { readMostly } from '../context.js';

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
  items: AgendaItem[];
  totalMinutes: number;
  availableMinutes: number;
  fitting: number;
}

/**
 * A rep's day as read from the database, before the clock says how much working time is left. It
 * holds, unless someone writes, until `until`: the first moment a decision, a snooze or the day
 * itself may turn over by time alone.
 */
export interface AgendaRead {
  rep: User;
  date: string;
  items: Omit<AgendaItem, 'fits'>[];
  totalMinutes: number;
  /** The working day's opening and closing instants. */
  opens: number;
  closes: number;
  until: number;
}

function parseDate(typed: string | undefined, now: number, zone: string): string {
  if (typed === undefined || typed === 'today') return formatDay(dayNumber(toLocal(zone, now)));
  if (typed === 'tomorrow') return formatDay(dayNumber(toLocal(zone, now)) + 1);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed) || Number.isNaN(Date.parse(`${typed}T00:00:00Z`))) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected a date like 2026-03-17, today or tomorrow, got "${typed}"`,
      'date',
    );
  }
  return typed;
}

/** Reads a rep's day: what is due by its end, in the agenda's order, decided afresh where stale. */
export async function readAgenda(
  ctx: AppContext,
  actor: User,
  options: { rep?: string; date?: string },
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
    await refreshStale(q, actor.orgId, asOf, ctx.defaultPlaybookText, rep.id);

    const engine = await activeEngine(q, actor.orgId, ctx.defaultPlaybookText);
    // One statement: the day's decisions, each with its prospect and contact.
    const due = await decisions.day(q, ctx.db.dialect, {
      orgId: actor.orgId,
      ownerId: rep.id,
      dueBefore: dayEnd,
    });
    // The clock alone changes this read when a decision falls due for another look, when a snooze
    // ends, and (for "today" and "tomorrow") at the rep's midnight.
    let until = (await decisions.nextRecheck(q, actor.orgId, rep.id, asOf)) ?? Infinity;
    if (options.date === undefined || options.date === 'today' || options.date === 'tomorrow') {
      const today = dayNumber(toLocal(rep.timezone, now));
      until = Math.min(until, fromLocal(rep.timezone, (today + 1) * DAY));
    }
    const open = due
      .filter(({ prospect: p }) => {
        if (p.snoozedUntil !== null && p.snoozedUntil > now) {
          until = Math.min(until, p.snoozedUntil);
          return false;
        }
        return true;
      })
      .sort(compareAgenda);

    const { start, end } = engine.playbook.doc.calendar;
    const [sh, sm] = start.split(':').map(Number) as [number, number];
    const [eh, em] = end.split(':').map(Number) as [number, number];
    let totalMinutes = 0;
    const items = open.map((row) => {
      const decision = row.decision as unknown as Decision;
      const minutes = actionMinutes(decision, engine.playbook.doc.model.minutesPerTouch);
      totalMinutes += minutes;
      return { prospect: row.prospect, contact: row.contact, decision, due: row.due as number, minutes };
    });
    return {
      rep,
      date,
      items,
      totalMinutes,
      opens: fromLocal(rep.timezone, day * DAY + (sh * 60 + sm) * MINUTE),
      closes: fromLocal(rep.timezone, day * DAY + (eh * 60 + em) * MINUTE),
      until,
    };
  });
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
  for (const item of read.items) {
    used += item.minutes;
    if (used > availableMinutes) break;
    fitting += 1;
  }
  return { availableMinutes, fitting };
}

export async function agenda(
  ctx: AppContext,
  actor: User,
  options: { rep?: string; date?: string },
): Promise<Agenda> {
  const read = await readAgenda(ctx, actor, options);
  const { availableMinutes, fitting } = fitDay(read, ctx.now());
  return {
    rep: read.rep,
    date: read.date,
    items: read.items.map((item, i) => ({
      prospect: item.prospect,
      contact: item.contact,
      decision: item.decision,
      due: item.due,
      minutes: item.minutes,
      fits: i < fitting,
    })),
    totalMinutes: read.totalMinutes,
    availableMinutes,
    fitting,
  };
}

export interface Pipeline {
  counts: Record<'active' | 'nurture' | 'brokenUp' | 'disqualified' | 'stopped' | 'customers', number>;
  /** Prospects on the active list with no dated next step (no commitment ahead). */
  noNextStep: Prospect[];
  total: number;
}

export async function pipeline(
  ctx: AppContext,
  actor: User,
  options: { owner?: string } = {},
): Promise<Pipeline> {
  const now = ctx.now();
  return readMostly(ctx, async (q) => {
    await refreshStale(q, actor.orgId, now, ctx.defaultPlaybookText);
    let owners = await visibleOwners(q, actor);
    if (options.owner !== undefined) {
      const owner = resolveName(await users.list(q, actor.orgId), options.owner, 'user', 'owner');
      if (owners !== undefined && !owners.includes(owner.id))
        throw new PursuitError('FORBIDDEN', 'not your team', 'owner');
      owners = [owner.id];
    }
    const all = await prospects.list(q, {
      orgId: actor.orgId,
      ...(owners === undefined ? {} : { ownerIds: owners }),
    });
    const byId = new Map(
      (await decisions.listByOwners(q, actor.orgId, owners)).map((d) => [d.prospectId, d]),
    );
    const counts = { active: 0, nurture: 0, brokenUp: 0, disqualified: 0, stopped: 0, customers: 0 };
    const noNextStep: Prospect[] = [];
    for (const p of all) {
      const d = byId.get(p.id);
      const state = pipelineState({
        relationship: p.relationship,
        action: d?.action ?? null,
        rule: d?.rule ?? null,
      });
      if (
        state === 'customers' ||
        state === 'brokenUp' ||
        state === 'nurture' ||
        state === 'disqualified' ||
        state === 'stopped'
      )
        counts[state] += 1;
      else {
        // The active list: a dated next step is a commitment ahead (rule 6).
        counts.active += 1;
        if (d !== undefined && state !== 'nextStepSet') noNextStep.push(p);
      }
    }
    return { counts, noNextStep, total: all.length };
  });
}
