// The checks scenario normalisation shares: a failure that names its path, and times, dates and
// time zones read or refused with what was expected.

import { DAY, fromLocal, isValidZone, parseDay } from '../calendar.js';
import { PursuitError } from '../errors.js';
import { describeValue } from '../validation.js';
import type { Problem } from '../validation.js';
import { DATE_OR_TIME_EXPECTED, TIME_EXPECTED } from './schema.js';
import { isBareDate, parseInstant } from './time.js';

export function fail(problem: Problem): never {
  throw new PursuitError('INVALID_SCENARIO', problem.message, problem.path);
}

/** The path of a field of event `i` (built only when something is wrong). */
export function eventPath(i: number, field: string): string {
  return `events.${i}.${field}`;
}

export function instant(text: string, path: string | (() => string)): number {
  const value = parseInstant(text);
  if (value === undefined) {
    fail({
      path: typeof path === 'string' ? path : path(),
      message: `expected ${TIME_EXPECTED}, got ${describeValue(text)}`,
    });
  }
  return value;
}

/** A time, or a bare date meaning the start of that day in `zone`. */
export function dateOrInstant(text: string, zone: string, path: string): number {
  if (isBareDate(text)) return fromLocal(zone, parseDay(text) * DAY);
  const value = parseInstant(text);
  if (value === undefined)
    fail({ path, message: `expected ${DATE_OR_TIME_EXPECTED}, got ${describeValue(text)}` });
  return value;
}

export function zone(name: string, path: string): string {
  if (!isValidZone(name)) {
    fail({
      path,
      message: `expected an IANA time zone name like America/New_York, got ${describeValue(name)}`,
    });
  }
  return name;
}

export function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

/** Fails unless `value` is one of `ids` (unique ids, in their order). */
export function reference(
  ids: readonly string[],
  value: string,
  i: number,
  field: string,
  what: string,
): void {
  if (!ids.includes(value)) {
    const path = eventPath(i, field);
    const known = ids.slice(0, 8).join(', ');
    fail({
      path,
      message: `expected the id of ${what}${known === '' ? '' : ` (${known})`}, got ${describeValue(value)}`,
    });
  }
}
