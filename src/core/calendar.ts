// The business calendar: windows, business days and holidays in an IANA time zone, DST-correct.
// Instants are epoch milliseconds; "local" values are epoch-like milliseconds of the wall clock in a
// zone (instant + offset), so day and minute arithmetic is plain integer math. Luxon supplies the
// zone offsets, memoised per UTC day (a day whose two ends agree has one offset), and per quarter
// hour on the days of a change, since every DST change in use falls on a quarter hour.

import { IANAZone } from 'luxon';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const QUARTER_HOUR = 15 * MINUTE;
const CACHE_LIMIT = 50_000;

interface ZoneEntry {
  zone: IANAZone;
  /** Offsets at the start and end of a UTC day: equal means no change during that day. */
  days: Map<number, number>;
  /** Exact offsets by quarter hour, for the few days with a change. */
  offsets: Map<number, number>;
}

const zones = new Map<string, ZoneEntry>();
const CHANGES = Number.NaN;

function zoneEntry(name: string): ZoneEntry {
  let entry = zones.get(name);
  if (entry === undefined) {
    entry = { zone: IANAZone.create(name), days: new Map(), offsets: new Map() };
    zones.set(name, entry);
  }
  return entry;
}

const validity = new Map<string, boolean>();

export function isValidZone(name: string): boolean {
  let valid = validity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    // Remember only a bounded number of answers: zone names come from user input.
    if (validity.size < 10_000) validity.set(name, valid);
  }
  return valid;
}

/** The zone's offset from UTC in minutes at an instant. */
export function offsetMinutes(zoneName: string, instant: number): number {
  const entry = zoneEntry(zoneName);
  // Offsets change at most once a day: a day whose two ends agree has one offset throughout.
  const day = Math.floor(instant / DAY);
  let dayOffset = entry.days.get(day);
  if (dayOffset === undefined) {
    if (entry.days.size >= CACHE_LIMIT) entry.days.clear();
    const start = entry.zone.offset(day * DAY);
    dayOffset = start === entry.zone.offset((day + 1) * DAY - 1) ? start : CHANGES;
    entry.days.set(day, dayOffset);
  }
  if (!Number.isNaN(dayOffset)) return dayOffset;
  const bucket = Math.floor(instant / QUARTER_HOUR);
  let offset = entry.offsets.get(bucket);
  if (offset === undefined) {
    if (entry.offsets.size >= CACHE_LIMIT) entry.offsets.clear();
    offset = entry.zone.offset(bucket * QUARTER_HOUR);
    entry.offsets.set(bucket, offset);
  }
  return offset;
}

export function toLocal(zoneName: string, instant: number): number {
  return instant + offsetMinutes(zoneName, instant) * MINUTE;
}

/** The instant of a wall-clock time; a time skipped by a DST gap moves forward by the gap. */
export function fromLocal(zoneName: string, local: number): number {
  const o1 = offsetMinutes(zoneName, local);
  const guess = local - o1 * MINUTE;
  const o2 = offsetMinutes(zoneName, guess);
  if (o1 === o2) return guess;
  const second = local - o2 * MINUTE;
  const o3 = offsetMinutes(zoneName, second);
  if (o2 === o3) return second;
  // In a gap neither offset maps back to the wall clock: take the later instant.
  return local - Math.min(o2, o3) * MINUTE;
}

/** Days since 1970-01-01 of a local value. */
export function dayNumber(local: number): number {
  return Math.floor(local / DAY);
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Parses YYYY-MM-DD into a day number. */
export function parseDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export function formatDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export interface CalendarSpec {
  /** ISO weekday numbers 1 (Monday) ... 7 (Sunday) that are working days. */
  days: readonly number[];
  /** Window opening and closing, minutes after local midnight; the window is [start, end). */
  startMinute: number;
  endMinute: number;
  /** YYYY-MM-DD dates that are not business days. */
  holidays: readonly string[];
}

/** A business calendar; every method takes the zone whose wall clock it reads. */
export class BusinessCalendar {
  private readonly workdays: boolean[];
  private readonly holidays: Set<number>;
  readonly startMinute: number;
  readonly endMinute: number;

  constructor(spec: CalendarSpec) {
    this.workdays = [0, 1, 2, 3, 4, 5, 6].map((d) => spec.days.includes(d === 0 ? 7 : d));
    this.holidays = new Set(spec.holidays.map(parseDay));
    this.startMinute = spec.startMinute;
    this.endMinute = spec.endMinute;
  }

  isBusinessDay(day: number): boolean {
    return this.workdays[weekday(day)] === true && !this.holidays.has(day);
  }

  private nextBusinessDay(day: number): number {
    let d = day + 1;
    // A calendar with no working day at all is refused when the playbook loads.
    while (!this.isBusinessDay(d)) d += 1;
    return d;
  }

  private previousBusinessDay(day: number): number {
    let d = day - 1;
    while (!this.isBusinessDay(d)) d -= 1;
    return d;
  }

  private opening(zone: string, day: number): number {
    return fromLocal(zone, day * DAY + this.startMinute * MINUTE);
  }

  private closing(zone: string, day: number): number {
    return fromLocal(zone, day * DAY + this.endMinute * MINUTE);
  }

  inWindow(zone: string, instant: number): boolean {
    const local = toLocal(zone, instant);
    const day = dayNumber(local);
    const minute = (local - day * DAY) / MINUTE;
    return this.isBusinessDay(day) && minute >= this.startMinute && minute < this.endMinute;
  }

  /** The instant itself when it is inside a window, else the next window's opening. */
  moveIntoWindow(zone: string, instant: number): number {
    const local = toLocal(zone, instant);
    const day = dayNumber(local);
    const minute = (local - day * DAY) / MINUTE;
    if (this.isBusinessDay(day)) {
      if (minute < this.startMinute) return this.opening(zone, day);
      if (minute < this.endMinute) return instant;
    }
    return this.opening(zone, this.nextBusinessDay(day));
  }

  /** The next window's opening strictly after the day of `instant`, or today's if it is still ahead. */
  nextOpening(zone: string, instant: number): number {
    const day = dayNumber(toLocal(zone, instant));
    const today = this.opening(zone, day);
    if (this.isBusinessDay(day) && today >= instant) return today;
    return this.opening(zone, this.nextBusinessDay(day));
  }

  /** `days` business days after the instant at the same wall-clock time, moved into the window. */
  addBusinessDays(zone: string, instant: number, days: number): number {
    const local = toLocal(zone, instant);
    const day = dayNumber(local);
    const timeOfDay = local - day * DAY;
    let target = day;
    for (let i = 0; i < days; i += 1) target = this.nextBusinessDay(target);
    return this.moveIntoWindow(zone, fromLocal(zone, target * DAY + timeOfDay));
  }

  /** The instant `minutes` of window time after `instant` (time outside windows does not count). */
  addBusinessMinutes(zone: string, instant: number, minutes: number): number {
    let at = this.moveIntoWindow(zone, instant);
    let remaining = minutes * MINUTE;
    for (;;) {
      const close = this.closing(zone, dayNumber(toLocal(zone, at)));
      if (at + remaining < close) return at + remaining;
      remaining -= close - at;
      at = this.moveIntoWindow(zone, close);
    }
  }

  /** The opening of the business day before the day of `instant`. */
  startOfPreviousBusinessDay(zone: string, instant: number): number {
    return this.opening(zone, this.previousBusinessDay(dayNumber(toLocal(zone, instant))));
  }

  /** The instant of local midnight starting a YYYY-MM-DD date. */
  startOfDate(zone: string, date: string): number {
    return fromLocal(zone, parseDay(date) * DAY);
  }
}
