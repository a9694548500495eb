// Calendar days for reading replies: a day is a day number (days since 1970-01-01) in the sender's
// zone, so "the day after", "in two weeks" and "the next 5 January" are integer arithmetic.

import { DAY, dayNumber, isValidZone, toLocal, weekday } from '../calendar.js';

/** The calendar day an instant falls on in a zone (UTC when the zone is missing or unknown). */
export function localDay(instant: number, zone: string | undefined): number {
  const name = zone !== undefined && zone !== '' && isValidZone(zone) ? zone : 'UTC';
  return dayNumber(toLocal(name, instant));
}

/** The day number of a date, or undefined when the date does not exist (31 April). */
export function dayOf(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1) return undefined;
  return Math.floor(date.getTime() / DAY);
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civil(day: number): Civil {
  const date = new Date(day * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * A year-less date's next occurrence on or after a day. A date that never comes back in the year
 * (29 February) is looked for in the following years.
 */
export function nextOccurrence(month: number, day: number, onOrAfter: number): number | undefined {
  const start = civil(onOrAfter).year;
  for (let year = start; year <= start + 8; year += 1) {
    const found = dayOf(year, month, day);
    if (found !== undefined && found >= onOrAfter) return found;
  }
  return undefined;
}

/** The same day of the month N months on, held to the month's last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = civil(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  for (let d = dom; d >= 28; d -= 1) {
    const found = dayOf(y, m, d);
    if (found !== undefined) return found;
  }
  return dayOf(y, m, dom) as number;
}

/** The first day of the next month whose number is given (1-12), on or after a day. */
export function nextFirstOfMonth(month: number, onOrAfter: number): number {
  return nextOccurrence(month, 1, onOrAfter) as number;
}

/** The first day strictly after `day` that falls on a weekday (0 = Sunday ... 6 = Saturday). */
export function nextWeekday(day: number, wanted: number): number {
  const ahead = (((wanted - weekday(day)) % 7) + 7) % 7;
  return day + (ahead === 0 ? 7 : ahead);
}

/**
 * The Monday of ISO week N ("KW 24", "semaine 24", "week 24") whose last day is on or after a day:
 * this year's, or next year's once this year's has gone by.
 */
export function weekNumberMonday(week: number, onOrAfter: number): number | undefined {
  if (week < 1 || week > 53) return undefined;
  const year = civil(onOrAfter).year;
  for (const y of [year, year + 1]) {
    const jan4 = dayOf(y, 1, 4) as number;
    const monday = jan4 - ((weekday(jan4) + 6) % 7) + 7 * (week - 1);
    if (monday + 6 >= onOrAfter) return monday;
  }
  return undefined;
}

/** The Monday of the week after the one `day` falls in (weeks start on Monday). */
export function nextWeekMonday(day: number): number {
  return nextWeekday(day, 1);
}
