import { describe, expect, it } from 'vitest';
import { formatDay } from '../calendar.js';
import { dayOf } from './days.js';
import { returnDay } from './return-date.js';

const TUESDAY = dayOf(2026, 3, 10) as number;

function back(text: string, language = 'en', today = TUESDAY, monthFirst = false): string | undefined {
  const day = returnDay(text, { today, monthFirst }, language);
  return day === undefined ? undefined : formatDay(day);
}

describe('returnDay: the first day back', () => {
  it('takes an explicit return day as it is', () => {
    expect(back('I am back on Monday 16 March.')).toBe('2026-03-16');
    expect(back('I will be returning March 16.')).toBe('2026-03-16');
    expect(back('Ich bin wieder erreichbar ab dem 16.03.', 'de')).toBe('2026-03-16');
    expect(back('Ab dem 16.03. bin ich wieder im Büro.', 'de')).toBe('2026-03-16');
    expect(back('Je serai de retour le lundi 16 mars.', 'fr')).toBe('2026-03-16');
    expect(back('Vuelvo el 16.', 'es')).toBe('2026-03-16');
    expect(back('Vanaf 16 maart ben ik weer aanwezig.', 'nl')).toBe('2026-03-16');
    expect(back('Regresso a 16 de março.', 'pt')).toBe('2026-03-16');
    expect(back('Rientrerò in ufficio il 16 marzo.', 'it')).toBe('2026-03-16');
    expect(back('Jag är tillbaka den 16 mars.', 'sv')).toBe('2026-03-16');
  });

  it('reads "until X" without "including" as back on X', () => {
    expect(back('I am out of the office until March 16 with limited access to email.')).toBe('2026-03-16');
    expect(back('Ich bin bis 16.3. nicht im Büro.', 'de')).toBe('2026-03-16');
    expect(back('Estaré fuera de la oficina hasta el 16 de marzo.', 'es')).toBe('2026-03-16');
    expect(back('Ik ben tot 16 maart afwezig.', 'nl')).toBe('2026-03-16');
    expect(back('OOO until next Monday.')).toBe('2026-03-16');
  });

  it('reads "through X" and its translations as back the next calendar day, weekends included', () => {
    expect(back('I am out through March 13.')).toBe('2026-03-14');
    expect(back('I am away until and including 13 March.')).toBe('2026-03-14');
    expect(back('Ich bin bis einschließlich 13.3. nicht im Büro.', 'de')).toBe('2026-03-14');
    expect(back("Je suis absente jusqu'au 13 mars inclus.", 'fr')).toBe('2026-03-14');
    expect(back('Estoy de viaje hasta el 13 de marzo inclusive.', 'es')).toBe('2026-03-14');
    expect(back('Ik ben t/m 13 maart afwezig.', 'nl')).toBe('2026-03-14');
    expect(back('Estarei fora até 13 de março, inclusive.', 'pt')).toBe('2026-03-14');
    expect(back('Sarò fuori ufficio fino al 13 marzo compreso.', 'it')).toBe('2026-03-14');
    expect(back('Jag är på semester till och med 13 mars.', 'sv')).toBe('2026-03-14');
  });

  it('reads a range as back the day after its end', () => {
    expect(back('I am away from 2 to 13 March.')).toBe('2026-03-14');
    expect(back('Ich bin vom 2. bis 13. März im Urlaub.', 'de')).toBe('2026-03-14');
    expect(back('Je suis en congés du 2 au 13 mars.', 'fr')).toBe('2026-03-14');
    expect(back('Estaré de vacaciones del 2 al 13 de marzo.', 'es')).toBe('2026-03-14');
    expect(back('Ik ben van 2 tot 13 maart met vakantie.', 'nl')).toBe('2026-03-14');
    expect(back('Estou de férias de 2 a 13 de março.', 'pt')).toBe('2026-03-14');
  });

  it('lets an explicit return day win over the end of the absence', () => {
    expect(back('Away 2-13 March, back Monday 16 March.')).toBe('2026-03-16');
    expect(
      back(
        'Ich bin bis einschließlich 13.03. nicht im Büro und ab Montag, dem 16.03.2026 wieder erreichbar.',
        'de',
      ),
    ).toBe('2026-03-16');
    expect(
      back('Je suis en vacances du 2 au 13 mars. Je serai de retour au bureau le lundi 16 mars.', 'fr'),
    ).toBe('2026-03-16');
  });

  it('resolves relative days from the day the reply came', () => {
    expect(back('I will be back next Monday.')).toBe('2026-03-16');
    expect(back('I will be back next Monday.', 'en', dayOf(2026, 3, 16) as number)).toBe('2026-03-23');
    expect(back('Back in two weeks.')).toBe('2026-03-24');
    expect(back('I will be back tomorrow.')).toBe('2026-03-11');
    expect(back('Out sick today and tomorrow, back Thursday.')).toBe('2026-03-12');
    expect(back('I am out of the office for the rest of the week.')).toBe('2026-03-16');
    expect(back('Ik ben de komende twee weken op vakantie.', 'nl')).toBe('2026-03-24');
    expect(back('Bin diese Woche auf der Messe, melde mich nächste Woche.', 'de')).toBe('2026-03-16');
  });

  it('reads a day of the month alone as the next such day, and no clock time as a date', () => {
    expect(back("Je suis absent jusqu'au 16.", 'fr')).toBe('2026-03-16');
    expect(back('Out until the 29th.')).toBe('2026-03-29');
    expect(back('Ich bin bis zum 16. nicht da.', 'de')).toBe('2026-03-16');
    expect(back('Fuera de la oficina hasta el 5.', 'es')).toBe('2026-04-05');
    expect(back('Ich bin heute bis 16 Uhr in einem Termin.', 'de')).toBeUndefined();
  });

  it('takes a year-less date at its next occurrence, in December too', () => {
    expect(back('I will return on Tuesday 5 January.', 'en', dayOf(2026, 12, 21) as number)).toBe(
      '2027-01-05',
    );
  });

  it('reads numeric dates month first only when told to', () => {
    expect(back('Out of office until 4/6.', 'en', TUESDAY, true)).toBe('2026-04-06');
    expect(back('Out of office until 4/6.', 'en', TUESDAY, false)).toBe('2026-06-04');
    expect(back('Out of office 7/15 - 7/24. Back Mon 7/27.', 'en', dayOf(2026, 7, 14) as number, true)).toBe(
      '2026-07-27',
    );
  });

  it('takes no other date for the return: the sending date, a conference, the start of the absence', () => {
    expect(
      back(
        'Thanks for your email of 10 March. I am out of the office until 16 March. See you at SaaStr on 20-22 March!',
      ),
    ).toBe('2026-03-16');
    expect(
      back("I'm at London Tech Week (10-13 March) and will be catching up on emails from Monday 16 March."),
    ).toBe('2026-03-16');
    expect(back('I am out of office from 2 March and will return on 16 March.')).toBe('2026-03-16');
    expect(back('I am on parental leave with no access to email.')).toBeUndefined();
  });
});
