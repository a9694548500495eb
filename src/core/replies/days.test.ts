import { describe, expect, it } from 'vitest';
import { formatDay } from '../calendar.js';
import {
  addMonths,
  dayOf,
  localDay,
  nextOccurrence,
  nextWeekMonday,
  nextWeekday,
  weekNumberMonday,
} from './days.js';

const day = (iso: string): number =>
  dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) as number;

describe('days', () => {
  it("reads the calendar day in the sender's zone, not in UTC", () => {
    const lateEvening = Date.parse('2026-03-31T05:30:00Z'); // 22:30 on 30 March in Los Angeles
    expect(formatDay(localDay(lateEvening, 'America/Los_Angeles'))).toBe('2026-03-30');
    expect(formatDay(localDay(Date.parse('2026-03-09T17:00:00Z'), 'Asia/Singapore'))).toBe('2026-03-10');
    expect(formatDay(localDay(lateEvening, undefined))).toBe('2026-03-31');
    expect(formatDay(localDay(lateEvening, 'Not/AZone'))).toBe('2026-03-31');
  });

  it('refuses dates that do not exist', () => {
    expect(dayOf(2026, 2, 29)).toBeUndefined();
    expect(dayOf(2026, 4, 31)).toBeUndefined();
    expect(dayOf(2028, 2, 29)).toBeDefined();
  });

  it('takes a year-less date at its next occurrence on or after a day', () => {
    expect(formatDay(nextOccurrence(3, 16, day('2026-03-10')) as number)).toBe('2026-03-16');
    expect(formatDay(nextOccurrence(3, 10, day('2026-03-10')) as number)).toBe('2026-03-10');
    expect(formatDay(nextOccurrence(1, 5, day('2026-12-21')) as number)).toBe('2027-01-05');
    expect(formatDay(nextOccurrence(2, 29, day('2026-03-01')) as number)).toBe('2028-02-29');
  });

  it('adds months on the same day of the month, held to the month end', () => {
    expect(formatDay(addMonths(day('2026-08-28'), 6))).toBe('2027-02-28');
    expect(formatDay(addMonths(day('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatDay(addMonths(day('2026-03-10'), 3))).toBe('2026-06-10');
  });

  it('finds the next weekday strictly after a day, and next week’s Monday', () => {
    expect(formatDay(nextWeekday(day('2026-03-16'), 1))).toBe('2026-03-23'); // Monday -> next Monday
    expect(formatDay(nextWeekday(day('2026-03-10'), 1))).toBe('2026-03-16'); // Tuesday -> Monday
    expect(formatDay(nextWeekMonday(day('2026-03-15')))).toBe('2026-03-16'); // Sunday ends the week
  });

  it('finds the Monday of a week by its ISO number, this year or the next once it has gone by', () => {
    expect(formatDay(weekNumberMonday(24, day('2026-06-05')) as number)).toBe('2026-06-08');
    expect(formatDay(weekNumberMonday(1, day('2026-03-01')) as number)).toBe('2027-01-04');
    expect(formatDay(weekNumberMonday(53, day('2026-12-30')) as number)).toBe('2026-12-28');
    expect(weekNumberMonday(0, day('2026-03-01'))).toBeUndefined();
  });
});
