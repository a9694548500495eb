import { describe, expect, it } from 'vitest';
import { formatDay } from '../calendar.js';
import { comeBackDay } from './come-back.js';
import { dayOf } from './days.js';

function when(text: string, y = 2026, m = 3, d = 16): string | undefined {
  const day = comeBackDay(text, { today: dayOf(y, m, d) as number, monthFirst: false });
  return day === undefined ? undefined : formatDay(day);
}

describe('comeBackDay: when a "not now" says to come back', () => {
  it('reads "after the summer" and its translations as 1 September', () => {
    expect(when('Reach out after the summer.')).toBe('2026-09-01');
    expect(when('Revenez vers moi à la rentrée.')).toBe('2026-09-01');
    expect(when('Graag na de zomervakantie.')).toBe('2026-09-01');
    expect(when('Melden Sie sich nach dem Sommer.')).toBe('2026-09-01');
    expect(when('Fale comigo depois do verão.')).toBe('2026-09-01');
  });

  it('reads the next quarter as the first day of the next calendar quarter', () => {
    expect(when('Try me next quarter.')).toBe('2026-04-01');
    expect(when('Try me next quarter.', 2026, 9, 28)).toBe('2026-10-01');
    expect(when('Bitte im nächsten Quartal nochmal.', 2026, 11, 2)).toBe('2027-01-01');
    expect(when('Escríbeme el próximo trimestre.')).toBe('2026-04-01');
  });

  it('reads a named quarter as its first day, at its next start', () => {
    expect(when('Circle back in Q3.')).toBe('2026-07-01');
    expect(when('After our budget cycle in Q3 we can talk.')).toBe('2026-07-01');
    expect(when('Im dritten Quartal gerne wieder.')).toBe('2026-07-01');
    expect(when('Maybe Q1.', 2026, 5, 4)).toBe('2027-01-01');
  });

  it('adds weeks and months to the day the reply came', () => {
    expect(when('Follow up in two weeks.')).toBe('2026-03-30');
    expect(when('Check back in 6 months.', 2026, 8, 28)).toBe('2027-02-28');
    expect(when('Put me down for six months from now.', 2026, 8, 28)).toBe('2027-02-28');
    expect(when('Recontactez-moi dans deux mois.')).toBe('2026-05-16');
  });

  it('reads a named month as its 1st, "after" a month as the next 1st, "mid" as the 15th', () => {
    expect(when("Let's talk in September.")).toBe('2026-09-01');
    expect(when('Drop me a line in January?', 2026, 11, 9)).toBe('2027-01-01');
    expect(when('Reach out after November.')).toBe('2026-12-01');
    expect(when('Could you try me mid-June?')).toBe('2026-06-15');
    expect(when('March?', 2026, 1, 14)).toBe('2026-03-01');
  });

  it('takes an explicit date as it is, and the day after when they say "after" it', () => {
    expect(when('Our fiscal year starts July 1, reach out then.')).toBe('2026-07-01');
    expect(when('Can you get back to me after the 15th of April?')).toBe('2026-04-16');
    expect(when('The auditors are in until the 15th of April. Could you get back to me after that?')).toBe(
      '2026-04-16',
    );
  });

  it('prefers the time said in the sentence that asks to come back', () => {
    expect(when('We are closing the first quarter. Write to me next quarter, please.')).toBe('2026-04-01');
    expect(when('Half the team is away over July and August. Let us talk in September.')).toBe('2026-09-01');
  });

  it('gives no date for vague times', () => {
    expect(when('Maybe next year.')).toBeUndefined();
    expect(when('Maybe later.')).toBeUndefined();
    expect(when('Let us talk in a few months.')).toBeUndefined();
    expect(when('Once the acquisition closes.')).toBeUndefined();
  });
});
