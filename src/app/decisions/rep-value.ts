// The value of each rep's time for the day, from their own pipeline (core/model/opportunity.ts):
// worked out the first time a rep's prospects are decided on a local day, kept in `rep_days`, and
// the same for every decision of that day. Only with a calibrated model in force: with the prior,
// the engine keeps the rep's set hourly value (or the playbook's number).

import { DAY, dayNumber, formatDay, fromLocal, toLocal } from '../../core/calendar.js';
import { actionMinutes } from '../../core/agenda.js';
import type { Decision } from '../../core/decision.js';
import { opportunityHourlyValue } from '../../core/model/opportunity.js';
import type { Playbook } from '../../core/playbook/load.js';
import type { User } from '../../core/records.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { repDays } from '../../store/repositories/models.repository.js';
import type { Q } from '../context.js';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The rep's hourly value today: what the marginal action of their day earns per hour. */
async function computeFor(q: Q, rep: User, now: number, playbook: Playbook): Promise<number> {
  const today = dayNumber(toLocal(rep.timezone, now));
  const dayEnd = fromLocal(rep.timezone, (today + 1) * DAY);
  const { start, end } = playbook.doc.calendar;
  const working = minutesOf(end) - minutesOf(start);
  // The rep's day as the agenda reads it (two index ranges), not every decision they own.
  const candidates = (
    await decisions.agenda(q, { orgId: rep.orgId, ownerId: rep.id, dueBefore: dayEnd })
  ).map((d) => {
    const decision = d.decision as unknown as Decision;
    return {
      expectedValue: decision.model?.expectedValue ?? 0,
      minutes: actionMinutes(decision, playbook.doc.model.minutesPerTouch),
      urgency: d.urgency,
    };
  });
  return Math.round(opportunityHourlyValue(candidates, working) * 100) / 100;
}

/** The owners as the engine should see them today, each with the day's value of their time. */
export async function withDayValues(q: Q, owners: User[], now: number, playbook: Playbook): Promise<User[]> {
  const dayOf = (u: User) => formatDay(dayNumber(toLocal(u.timezone, now)));
  const known = new Map<string, number>();
  for (const day of new Set(owners.map(dayOf))) {
    const ids = owners.filter((u) => dayOf(u) === day).map((u) => u.id);
    for (const [id, value] of await repDays.valuesOn(q, ids, day)) known.set(id, value);
  }
  const out: User[] = [];
  for (const u of owners) {
    let value = known.get(u.id);
    if (value === undefined) {
      value = await computeFor(q, u, now, playbook);
      await repDays.set(q, u.id, dayOf(u), value, now);
    }
    out.push({ ...u, hourlyValue: value });
  }
  return out;
}
