// The words of reasons and drafts are made fast (dates remembered per zone and local day, money
// grouped by hand, instants written by hand): each must give exactly what its plain definition gives.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZONES } from '../../../test/support/arbitraries.js';
import { formatInstant, isoInstant } from '../scenario/time.js';
import { day, money } from './words.js';

const RUNS = { seed: 14, numRuns: 3000 };
const ODD_ZONES = ['Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
const zoneArb = fc.constantFrom(...ZONES, ...ODD_ZONES);
/** 1800 to 2100: zones' early local mean times, and DST rules old and new. */
const instantArb = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2100, 0, 1) });

const formats = new Map<string, Intl.DateTimeFormat>();
function dayByDefinition(zone: string, instant: number): string {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    });
    formats.set(zone, f);
  }
  return f.format(instant);
}

function moneyByDefinition(amount: number): string {
  const [whole, cents] = String(Math.round(amount * 100) / 100).split('.');
  return `$${(whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents === undefined ? '' : `.${cents.padEnd(2, '0')}`}`;
}

describe('words', () => {
  it('name the day of an instant in its zone as Intl does, on either side of midnight and of DST changes', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.integer({ min: -3, max: 3 }), (zone, instant, step) => {
        // A second instant near the first (the same local day or the next), read after it from the cache.
        const near = instant + step * 3_600_000;
        expect(day(zone, instant)).toBe(dayByDefinition(zone, instant));
        expect(day(zone, near)).toBe(dayByDefinition(zone, near));
      }),
      RUNS,
    );
  });

  it('name the day as Intl does every quarter hour through the DST changes of 2026 and 1883 in every zone', () => {
    const spans = [
      [Date.UTC(2026, 2, 5), Date.UTC(2026, 3, 10)],
      [Date.UTC(2026, 8, 20), Date.UTC(2026, 10, 10)],
      [Date.UTC(1883, 10, 15), Date.UTC(1883, 10, 22)],
    ] as const;
    for (const zone of [...ZONES, ...ODD_ZONES]) {
      for (const [from, to] of spans) {
        for (let t = from; t < to; t += 900_000) {
          if (day(zone, t) !== dayByDefinition(zone, t))
            expect(day(zone, t), `${zone} ${t}`).toBe(dayByDefinition(zone, t));
        }
      }
    }
  });

  it('write money as the definition does, whatever the amount', () => {
    const special = [0, -0, 1e21, -1e22, Number.NaN, Number.POSITIVE_INFINITY, 999.995, -1234.5, 0.004];
    for (const amount of special) expect(money(amount), String(amount)).toBe(moneyByDefinition(amount));
    fc.assert(
      fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), (amount) => {
        expect(money(amount)).toBe(moneyByDefinition(amount));
      }),
      RUNS,
    );
  });

  it('write instants as toISOString does, without .000 (formatInstant) and exactly (isoInstant)', () => {
    const edges = [
      0,
      -1,
      Date.UTC(0, 0, 1) - 1,
      -62_167_219_200_000,
      253_402_300_799_999,
      253_402_300_800_000,
      8.64e15,
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -62_167_219_200_000 - 1e12, max: 253_402_300_800_000 + 1e12 }),
          fc.constantFrom(...edges),
          fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => t - (t % 1000)),
          fc.double({ min: -1e13, max: 1e13, noNaN: true }),
        ),
        (instant) => {
          const written = new Date(instant).toISOString();
          expect(formatInstant(instant)).toBe(written.replace('.000Z', 'Z'));
          expect(isoInstant(instant)).toBe(written);
        },
      ),
      RUNS,
    );
  });
});
