// Checks for values people type (flags, form fields): each failure names the field and what was
// expected, as the decision contract does.

import { dayNumber, formatDay, fromLocal, isValidZone, toLocal } from '../core/calendar.js';
import { PursuitError } from '../core/errors.js';

function bad(field: string, expected: string, got: unknown): never {
  throw new PursuitError('INVALID_INPUT', `expected ${expected}, got ${JSON.stringify(got)}`, field);
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
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) bad(field, 'an email address like name@example.com', value);
  return v.toLowerCase();
}

export function text(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
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

/**
 * A time people type: ISO 8601 (with or without an offset; without one, in `zoneName`), a bare date
 * (the start of that day in `zoneName`), "now", "today", "tomorrow", or "+3d" / "-2h" from now.
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
  const local = (date: string, time = '00:00') => {
    const wall = Date.parse(`${date}T${time}:00Z`);
    return Number.isNaN(wall) ? undefined : fromLocal(zoneName, wall);
  };
  const ymd = (t: number) => formatDay(dayNumber(toLocal(zoneName, t)));
  if (v === 'today') return local(ymd(now));
  if (v === 'tomorrow') return local(ymd(now + DAY_MS));
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const t = local(v);
    if (t === undefined || new Date(Date.parse(`${v}T00:00:00Z`)).toISOString().slice(0, 10) !== v) {
      bad(field, 'a real date like 2026-03-17', value);
    }
    return t;
  }
  const dateTime = /^(\d{4}-\d{2}-\d{2})[t ](\d{2}:\d{2})$/.exec(v);
  if (dateTime !== null) {
    const t = local(dateTime[1] as string, dateTime[2]);
    if (t === undefined) bad(field, 'a real time like 2026-03-17 14:30', value);
    return t;
  }
  const t = /(z|[+-]\d{2}:?\d{2})$/.test(v) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) {
    bad(
      field,
      'a time like 2026-03-17 14:30, 2026-03-17T14:30:00Z, a date, today, tomorrow, now or +2d',
      value,
    );
  }
  return t;
}
