// Times people type, read in their own zone; every mistake names the field.

import { describe, expect, it } from 'vitest';
import { PursuitError } from '../core/errors.js';
import { when } from './inputs.js';

// Tuesday 2026-03-10, 08:00 in Denver (on summer time since Sunday 8 March: UTC-6).
const NOW = Date.parse('2026-03-10T14:00:00Z');
const DENVER = 'America/Denver';
const at = (typed: string, zone = DENVER) => new Date(when('due', typed, NOW, zone) as number).toISOString();

describe('when', () => {
  it('reads days by name, with or without a time of day, as the next such day', () => {
    expect(at('today')).toBe('2026-03-10T06:00:00.000Z');
    expect(at('tomorrow')).toBe('2026-03-11T06:00:00.000Z');
    expect(at('tomorrow 10:00')).toBe('2026-03-11T16:00:00.000Z');
    expect(at('Tomorrow at 2:30pm')).toBe('2026-03-11T20:30:00.000Z');
    expect(at('thu 9am')).toBe('2026-03-12T15:00:00.000Z');
    expect(at('Thursday 14:30')).toBe('2026-03-12T20:30:00.000Z');
    expect(at('tue 10:00')).toBe('2026-03-17T16:00:00.000Z'); // today is Tuesday: next week's
    expect(at('mon')).toBe('2026-03-16T06:00:00.000Z');
    expect(at('today 12am')).toBe('2026-03-10T06:00:00.000Z');
    expect(at('today 12pm')).toBe('2026-03-10T18:00:00.000Z');
  });

  it('reads the ways people say a day and an hour: "tomorrow at 10", "10am tomorrow", "next monday 9:00"', () => {
    expect(at('tomorrow at 10')).toBe('2026-03-11T16:00:00.000Z');
    expect(at('tomorrow 10')).toBe('2026-03-11T16:00:00.000Z');
    expect(at('tomorrow at 16')).toBe('2026-03-11T22:00:00.000Z');
    expect(at('10am tomorrow')).toBe('2026-03-11T16:00:00.000Z');
    expect(at('2:30pm Thursday')).toBe('2026-03-12T20:30:00.000Z');
    expect(at('9:00 on Friday')).toBe('2026-03-13T15:00:00.000Z');
    expect(at('next monday 9:00')).toBe('2026-03-16T15:00:00.000Z');
    expect(at('Next Monday at 9am')).toBe('2026-03-16T15:00:00.000Z');
    expect(at('9am next monday')).toBe('2026-03-16T15:00:00.000Z');
    expect(at('tomorrow at noon')).toBe('2026-03-11T18:00:00.000Z');
    expect(at('2026-03-17 at 10')).toBe('2026-03-17T16:00:00.000Z');
  });

  it('reads dates and wall-clock times in the zone, and times with an offset as written', () => {
    expect(at('2026-03-17')).toBe('2026-03-17T06:00:00.000Z');
    expect(at('2026-03-17 10:00')).toBe('2026-03-17T16:00:00.000Z');
    expect(at('2026-03-17T10:00')).toBe('2026-03-17T16:00:00.000Z');
    expect(at('2026-03-17T10:00:30')).toBe('2026-03-17T16:00:00.000Z');
    expect(at('2026-03-17 3pm')).toBe('2026-03-17T21:00:00.000Z');
    expect(at('2026-03-17 10:00', 'Europe/Berlin')).toBe('2026-03-17T09:00:00.000Z');
    expect(at('2026-03-17T10:00:00Z')).toBe('2026-03-17T10:00:00.000Z');
    expect(at('2026-03-17T10:00:00-04:00')).toBe('2026-03-17T14:00:00.000Z');
    expect(at('now')).toBe('2026-03-10T14:00:00.000Z');
    expect(at('+2d')).toBe('2026-03-12T14:00:00.000Z');
    expect(at('-3h')).toBe('2026-03-10T11:00:00.000Z');
  });

  it('refuses what is not a real day or time, naming the field', () => {
    for (const typed of [
      '2026-02-30',
      '2026-02-30 10:00',
      '2026-03-17 25:00',
      '2026-03-17 10:61',
      'tomorrow 13pm',
      'tomorrow noonish',
      'someday',
      'next week',
      'next tomorrow',
      'tomorrow at 24',
      '10 tomorrow',
      '17/03/2026',
    ]) {
      let error: unknown;
      try {
        when('due', typed, NOW, DENVER);
      } catch (e) {
        error = e;
      }
      expect(error, typed).toBeInstanceOf(PursuitError);
      expect((error as PursuitError).path, typed).toBe('due');
    }
  });
});
