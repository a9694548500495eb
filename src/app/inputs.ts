// Checks for values people type (flags, form fields): each failure names the field and what was
// expected, as the decision contract does.

import { dayNumber, fromLocal, isValidZone, toLocal } from '../core/calendar.js';
import { firstControl } from '../core/control.js';
import { PursuitError } from '../core/errors.js';
import { isEmail } from '../integrations/csv/values.js';

function bad(field: string, expected: string, got: unknown): never {
  throw new PursuitError('INVALID_INPUT', `expected ${expected}, got ${JSON.stringify(got)}`, field);
}

/**
 * A page asked for as an offset and a limit: a whole number of `things` to skip, and 1 to `max` of
 * them a page (`per`); each refused by its own field.
 */
export function pageBounds(
  offset: number,
  limit: number,
  max: number,
  things: string,
  per = 'a page',
): { offset: number; limit: number } {
  if (!Number.isInteger(offset) || offset < 0)
    throw new PursuitError('INVALID_INPUT', `expected a whole number of ${things} to skip`, 'offset');
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    const range = max === Number.POSITIVE_INFINITY ? '1 or more' : `1 to ${max}`;
    throw new PursuitError('INVALID_INPUT', `expected ${range} ${things} ${per}`, 'limit');
  }
  return { offset, limit };
}

export function oneOf<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) bad(field, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

export function zone(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidZone(value)) bad(field, 'an IANA time zone like America/New_York', value);
  return value;
}

export function amount(field: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[,_\s$€£]/g, ''));
  if (!Number.isFinite(n) || n < 0) bad(field, 'a number of zero or more', value);
  return n;
}

export function email(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!isEmail(v)) bad(field, 'an email address like name@example.com', value);
  return v.toLowerCase();
}

/**
 * Refuses control characters other than tab and line breaks: no one types them, PostgreSQL cannot
 * store NUL at all, and they reach headers, invites and exports.
 */
export function plain(field: string, value: string): string {
  const found = controlAt(value);
  if (found !== undefined) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected text without control characters, got ${found.code}`,
      field,
    );
  }
  return value;
}

/** Where in a value (an object read from a file) the first text with a control character is. */
export function controlAt(value: unknown, path = ''): { path: string; code: string } | undefined {
  if (typeof value === 'string') {
    const code = firstControl(value);
    return code === undefined ? undefined : { path, code };
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    const at = controlAt(v, path === '' ? key : `${path}.${key}`);
    if (at !== undefined) return at;
  }
  return undefined;
}

export function text(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = plain(field, value).trim();
  if (v === '') bad(field, 'some text', value);
  return v;
}

export function flag(field: string, value: string | boolean | undefined): boolean | null | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  const v = value.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'n'].includes(v)) return false;
  if (['unknown', 'null', '?', ''].includes(v)) return null;
  return bad(field, 'yes, no or unknown', value);
}

const DAY_MS = 86_400_000;

/** Weekday names people type, to ISO weekday index (0 = Monday). */
const WEEKDAYS: Record<string, number> = Object.fromEntries(
  [
    ['mon', 'monday'],
    ['tue', 'tues', 'tuesday'],
    ['wed', 'wednesday'],
    ['thu', 'thur', 'thurs', 'thursday'],
    ['fri', 'friday'],
    ['sat', 'saturday'],
    ['sun', 'sunday'],
  ].flatMap((names, index) => names.map((n) => [n, index])),
);

/**
 * "10:00", "14:30:00", "9:30am", "2pm" as minutes after midnight (seconds are dropped); undefined
 * when it is not a clock time.
 */
function clock(text: string): number | undefined {
  const m = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(am|pm)?$/.exec(text);
  if (m === null || (m[2] === undefined && m[4] === undefined)) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[4] !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[4] === 'pm' ? 12 : 0);
  }
  return hour > 23 || minute > 59 || Number(m[3] ?? 0) > 59 ? undefined : hour * 60 + minute;
}

/**
 * The day first, as `when` reads it: "10am tomorrow" as "tomorrow 10am", "next monday 9:00" as
 * "monday 9:00" (a weekday is always the next one), "noon" and "midnight" as clock times.
 */
function dayFirst(v: string): string {
  const words = v
    .replace(/\bnoon\b/, '12pm')
    .replace(/\bmidnight\b/, '12am')
    .replace(/^next\s+([a-z]+)\b/, (all, day: string) => (WEEKDAYS[day] === undefined ? all : day));
  const timeFirst = /^(.+?)\s+(?:on\s+)?(?:next\s+)?([a-z]+)$/.exec(words);
  if (timeFirst !== null) {
    const day = timeFirst[2] as string;
    if (
      (day === 'today' || day === 'tomorrow' || WEEKDAYS[day] !== undefined) &&
      clock(timeFirst[1] as string) !== undefined
    )
      return `${day} ${timeFirst[1] as string}`;
  }
  return words;
}

/**
 * A time people type: ISO 8601 (with or without an offset; without one, in `zoneName`), a bare date
 * (the start of that day in `zoneName`), "now", "today", "tomorrow", a weekday ("thu": the next
 * one; "next thu" too), any of those days with a clock time before or after it ("tomorrow 10:00",
 * "tomorrow at 10", "10am tomorrow", "thu 2:30pm", "next monday 9:00", "2026-03-17 14:30", noon),
 * or "+3d" / "-2h" from now.
 */
export function when(
  field: string,
  value: string | undefined,
  now: number,
  zoneName: string,
): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'now') return now;
  const relative = /^([+-])(\d+)\s*(m|min|h|d|w)$/.exec(v);
  if (relative !== null) {
    const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[relative[3] as 'm'];
    return now + (relative[1] === '-' ? -1 : 1) * Number(relative[2]) * unit;
  }
  // A wall-clock day and minute in the zone; undefined when the day is not a real one.
  const local = (day: number, minutes = 0) => fromLocal(zoneName, day * DAY_MS + minutes * 60_000);
  const minutesOf = (typed: string | undefined) => {
    if (typed === undefined) return 0;
    // After a day, a bare hour is a time of day: "tomorrow at 10" is 10:00.
    const hour = /^(?:at\s+)?(\d{1,2})$/.exec(typed);
    const minutes =
      hour !== null && Number(hour[1]) <= 23 ? Number(hour[1]) * 60 : clock(typed.replace(/^at\s+/, ''));
    if (minutes === undefined) bad(field, 'a time of day like 10:00 or 2:30pm after the day', value);
    return minutes;
  };
  const today = dayNumber(toLocal(zoneName, now));
  const named = /^([a-z]+)(?:\s+(?:at\s+)?(.+))?$/.exec(dayFirst(v));
  if (named !== null) {
    const word = named[1] as string;
    const weekday = WEEKDAYS[word];
    // Day 0 (1970-01-01) was a Thursday, ISO weekday index 3; a weekday means the next one.
    const day =
      word === 'today'
        ? today
        : word === 'tomorrow'
          ? today + 1
          : weekday === undefined
            ? undefined
            : today + 1 + ((weekday - ((today + 4) % 7) + 7) % 7);
    if (day !== undefined) return local(day, minutesOf(named[2]));
  }
  const dated = /^(\d{4}-\d{2}-\d{2})(?:[t ](.+))?$/.exec(v);
  if (dated !== null && !/(z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const date = dated[1] as string;
    const parsed = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== date) {
      bad(field, 'a real date like 2026-03-17', value);
    }
    return local(parsed / DAY_MS, minutesOf(dated[2]));
  }
  const t = /(z|[+-]\d{2}:?\d{2})$/.test(v) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) {
    bad(
      field,
      'a time like 2026-03-17 14:30, tomorrow at 10, 10am tomorrow, next monday 9:00, 2026-03-17T14:30:00Z, a date, now or +2d',
      value,
    );
  }
  return t;
}
