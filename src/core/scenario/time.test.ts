import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBareDate, parseInstant } from './time.js';

describe('parseInstant', () => {
  it('reads the form this program writes, and other offsets, to the millisecond', () => {
    expect(parseInstant('2026-03-10T15:00:00.000Z')).toBe(Date.UTC(2026, 2, 10, 15));
    expect(parseInstant('2026-03-10T15:00:00.123Z')).toBe(Date.UTC(2026, 2, 10, 15, 0, 0, 123));
    expect(parseInstant('2026-03-10T15:00Z')).toBe(Date.UTC(2026, 2, 10, 15));
    expect(parseInstant('2026-03-10T10:00:00-05:00')).toBe(Date.UTC(2026, 2, 10, 15));
    const year50 = new Date(Date.UTC(2000, 0, 1));
    year50.setUTCFullYear(50);
    expect(parseInstant('0050-01-01T00:00:00.000Z')).toBe(year50.getTime());
    expect(parseInstant('0050-01-01T00:00:00Z')).toBe(year50.getTime());
  });

  it('refuses times that do not exist, in every form', () => {
    for (const text of [
      '2026-02-30T10:00:00.000Z',
      '2026-02-29T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:60:00.000Z',
      '2026-01-01T10:00:60.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-01-01 10:00:00.000Z',
      '2026-01-01T10:00:00',
      '2026-01-01T10:00:00+24:00',
    ]) {
      expect(parseInstant(text), text).toBeUndefined();
    }
    expect(isBareDate('2026-02-29')).toBe(false);
    expect(isBareDate('2028-02-29')).toBe(true);
  });

  it('gives every written time back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), (t) => {
        const text = new Date(t).toISOString();
        expect(parseInstant(text)).toBe(t);
        expect(parseInstant(text.replace('Z', '+00:00'))).toBe(t);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('reads every form with its offset, to the minute, second, millisecond or beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9998, 11, 31) }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.constantFrom('minute', 'second', 'milli', 'nano', 'tenth'),
        (t, offset, form) => {
          // The wall clock at that offset, written in the form, then the offset.
          const wall = new Date(t + offset * 60_000).toISOString();
          const sign = offset < 0 ? '-' : '+';
          const zone =
            offset === 0 && form !== 'nano'
              ? 'Z'
              : `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          const text = {
            minute: wall.slice(0, 16),
            second: wall.slice(0, 19),
            milli: wall.slice(0, 23),
            nano: `${wall.slice(0, 23)}456789`,
            tenth: wall.slice(0, 21),
          }[form];
          const exact = { minute: 60_000, second: 1000, milli: 1, nano: 1, tenth: 100 }[form];
          expect(parseInstant(`${text}${zone}`), `${text}${zone}`).toBe(Math.floor(t / exact) * exact);
        },
      ),
      { seed: 14, numRuns: 3000 },
    );
  });
});
