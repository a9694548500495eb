import { describe, expect, it } from 'vitest';
import { formatDay } from '../calendar.js';
import { scanDates } from './date-scan.js';
import { dayOf } from './days.js';

const TUESDAY = dayOf(2026, 3, 10) as number;

function scan(text: string, monthFirst = false, today = TUESDAY): [string, string, string?][] {
  return scanDates(text, { today, monthFirst }).map((m) => {
    const item: [string, string, string?] = [text.slice(m.index, m.end), formatDay(m.day)];
    if (m.from !== undefined) item.push(formatDay(m.from));
    return item;
  });
}

describe('scanDates', () => {
  it('reads day-month and month-day dates in every language, with a weekday in front', () => {
    expect(scan('back on Monday 16 March')).toEqual([['Monday 16 March', '2026-03-16']]);
    expect(scan('returning March 16th, 2026')).toEqual([['March 16th, 2026', '2026-03-16']]);
    expect(scan('Montag, den 16. März')).toEqual([['Montag, den 16. März', '2026-03-16']]);
    expect(scan('le lundi 16 mars')[0]?.[1]).toBe('2026-03-16');
    expect(scan('el lunes 16 de marzo de 2026')[0]?.[1]).toBe('2026-03-16');
    expect(scan('maandag 16 maart')[0]?.[1]).toBe('2026-03-16');
    expect(scan('segunda-feira, 16 de março')[0]?.[1]).toBe('2026-03-16');
    expect(scan('lunedì 16 marzo')[0]?.[1]).toBe('2026-03-16');
    expect(scan('måndag 16 mars')[0]?.[1]).toBe('2026-03-16');
  });

  it('reads numeric dates month first only for American English senders', () => {
    expect(scan('until 4/6', true)[0]?.[1]).toBe('2026-04-06');
    expect(scan('until 4/6', false)[0]?.[1]).toBe('2026-06-04');
    expect(scan('bis 16.03.')[0]?.[1]).toBe('2026-03-16');
    expect(scan('até 30/11')[0]?.[1]).toBe('2026-11-30');
    expect(scan('on 2026-03-16')[0]?.[1]).toBe('2026-03-16');
    expect(scan('20/07/2026', true)[0]?.[1]).toBe('2026-07-20');
  });

  it('takes a year-less date at its next occurrence, and a range that began before the reply', () => {
    expect(scan('back on 5 January', false, dayOf(2026, 12, 21) as number)[0]?.[1]).toBe('2027-01-05');
    expect(scan('away from 2 to 13 March')).toEqual([['2 to 13 March', '2026-03-13', '2026-03-02']]);
    expect(scan('del 2 al 13 de marzo')[0]).toEqual(['2 al 13 de marzo', '2026-03-13', '2026-03-02']);
    expect(scan('vom 2.-13.3.')[0]).toEqual(['2.-13.3.', '2026-03-13', '2026-03-02']);
    expect(scan('March 2-13')[0]).toEqual(['March 2-13', '2026-03-13', '2026-03-02']);
  });

  it('reads a day of the month alone as the next such day', () => {
    expect(scan('back on the 16th.')[0]?.[1]).toBe('2026-03-16');
    expect(scan('until the 5th')[0]?.[1]).toBe('2026-04-05');
    expect(scan('el lunes 8', false, dayOf(2026, 5, 29) as number)[0]?.[1]).toBe('2026-06-08');
  });

  it('resolves weekdays and relative days from the day the reply came', () => {
    expect(scan('back Monday')[0]?.[1]).toBe('2026-03-16');
    expect(scan('back next Monday', false, dayOf(2026, 3, 16) as number)[0]?.[1]).toBe('2026-03-23');
    expect(scan('Friday next week')[0]?.[1]).toBe('2026-03-20');
    expect(scan('back tomorrow')[0]?.[1]).toBe('2026-03-11');
    expect(scan('back in two weeks')[0]?.[1]).toBe('2026-03-24');
    expect(scan('de komende twee weken')[0]?.[1]).toBe('2026-03-24');
    expect(scan('six months from now')[0]?.[1]).toBe('2026-09-10');
  });

  it('takes no number, time or greeting for a date', () => {
    expect(scan('10 out of 12 people')).toEqual([]);
    expect(scan('bis 9.30 Uhr')).toEqual([]);
    expect(scan('Guten Morgen')).toEqual([]);
    expect(scan('por la mañana')).toEqual([]);
  });
});
