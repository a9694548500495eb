import { describe, expect, it } from 'vitest';
import { BusinessCalendar, fromLocal, offsetMinutes, toLocal } from './calendar.js';

const cal = new BusinessCalendar({
  days: [1, 2, 3, 4, 5],
  startMinute: 8 * 60,
  endMinute: 18 * 60,
  holidays: ['2026-12-25'],
});
const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const NY = 'America/New_York';

describe('zone offsets', () => {
  it('follow DST in New York (EST -5, EDT -4 from 2026-03-08)', () => {
    expect(offsetMinutes(NY, at('2026-03-08T06:59:00Z'))).toBe(-300);
    expect(offsetMinutes(NY, at('2026-03-08T07:00:00Z'))).toBe(-240);
    expect(offsetMinutes(NY, at('2026-11-01T05:59:00Z'))).toBe(-240);
    expect(offsetMinutes(NY, at('2026-11-01T06:00:00Z'))).toBe(-300);
  });

  it('handle half-hour and quarter-hour zones', () => {
    expect(offsetMinutes('Asia/Kolkata', at('2026-03-10T00:00:00Z'))).toBe(330);
    expect(offsetMinutes('Asia/Kathmandu', at('2026-03-10T00:00:00Z'))).toBe(345);
  });

  it('map wall-clock times to instants and back, moving a time in a DST gap forward', () => {
    const local = toLocal(NY, at('2026-03-10T15:00:00Z'));
    expect(fromLocal(NY, local)).toBe(at('2026-03-10T15:00:00Z'));
    // 02:30 on 2026-03-08 does not exist in New York: it becomes 03:30 EDT.
    expect(iso(fromLocal(NY, Date.UTC(2026, 2, 8, 2, 30)))).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('business windows', () => {
  it('are Mon-Fri [08:00, 18:00) in the given zone', () => {
    expect(cal.inWindow(NY, at('2026-03-10T12:00:00Z'))).toBe(true); // Tue 08:00 EDT
    expect(cal.inWindow(NY, at('2026-03-10T11:59:00Z'))).toBe(false);
    expect(cal.inWindow(NY, at('2026-03-10T21:59:00Z'))).toBe(true);
    expect(cal.inWindow(NY, at('2026-03-10T22:00:00Z'))).toBe(false); // 18:00 is outside
    expect(cal.inWindow(NY, at('2026-03-14T15:00:00Z'))).toBe(false); // Saturday
  });

  it('skip listed holidays', () => {
    expect(cal.inWindow(NY, at('2026-12-25T15:00:00Z'))).toBe(false);
    expect(iso(cal.moveIntoWindow(NY, at('2026-12-25T15:00:00Z')))).toBe('2026-12-28T13:00:00.000Z');
  });

  it('move a time before opening to the opening, after closing to the next business morning', () => {
    expect(iso(cal.moveIntoWindow(NY, at('2026-03-10T10:00:00Z')))).toBe('2026-03-10T12:00:00.000Z');
    expect(iso(cal.moveIntoWindow(NY, at('2026-03-10T23:00:00Z')))).toBe('2026-03-11T12:00:00.000Z');
    expect(iso(cal.moveIntoWindow(NY, at('2026-03-13T23:00:00Z')))).toBe('2026-03-16T12:00:00.000Z');
    expect(iso(cal.moveIntoWindow(NY, at('2026-03-10T15:00:00Z')))).toBe('2026-03-10T15:00:00.000Z');
  });

  it('open at 08:00 local on both sides of a DST change', () => {
    // Friday 2026-03-06 is EST; Monday 2026-03-09 is EDT.
    expect(iso(cal.moveIntoWindow(NY, at('2026-03-06T23:30:00Z')))).toBe('2026-03-09T12:00:00.000Z');
    expect(iso(cal.moveIntoWindow('Europe/London', at('2026-03-27T19:00:00Z')))).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });
});

describe('business-day arithmetic', () => {
  it('adds business days at the same local time, skipping the weekend', () => {
    expect(iso(cal.addBusinessDays(NY, at('2026-03-12T16:00:00Z'), 2))).toBe('2026-03-16T16:00:00.000Z');
  });

  it('keeps the local time across a DST change', () => {
    // Thu 2026-03-05 11:00 EST (16:00Z) + 3 business days = Tue 2026-03-10 11:00 EDT (15:00Z).
    expect(iso(cal.addBusinessDays(NY, at('2026-03-05T16:00:00Z'), 3))).toBe('2026-03-10T15:00:00.000Z');
  });

  it('moves the result into the window when the original time was outside it', () => {
    expect(iso(cal.addBusinessDays(NY, at('2026-03-10T23:30:00Z'), 1))).toBe('2026-03-12T12:00:00.000Z');
  });

  it('adds business minutes, carrying over the night', () => {
    expect(iso(cal.addBusinessMinutes(NY, at('2026-03-10T14:30:00Z'), 60))).toBe('2026-03-10T15:30:00.000Z');
    // 17:30 EDT + 60 business minutes = 08:30 the next morning.
    expect(iso(cal.addBusinessMinutes(NY, at('2026-03-10T21:30:00Z'), 60))).toBe('2026-03-11T12:30:00.000Z');
    // Saturday: counted from Monday's opening.
    expect(iso(cal.addBusinessMinutes(NY, at('2026-03-14T15:00:00Z'), 60))).toBe('2026-03-16T13:00:00.000Z');
  });

  it('finds the opening of the previous business day', () => {
    expect(iso(cal.startOfPreviousBusinessDay(NY, at('2026-03-11T16:00:00Z')))).toBe(
      '2026-03-10T12:00:00.000Z',
    );
    expect(iso(cal.startOfPreviousBusinessDay(NY, at('2026-03-16T14:00:00Z')))).toBe(
      '2026-03-13T12:00:00.000Z',
    );
  });

  it('gives the start of a date in a zone', () => {
    expect(iso(cal.startOfDate(NY, '2026-03-16'))).toBe('2026-03-16T04:00:00.000Z');
    expect(iso(cal.startOfDate('Asia/Tokyo', '2026-03-16'))).toBe('2026-03-15T15:00:00.000Z');
  });
});
