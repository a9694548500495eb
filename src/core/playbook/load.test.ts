import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, DEFAULT_PLAYBOOK_TEXT } from '../../../test/support/scenario.js';
import { PursuitError } from '../errors.js';
import { loadPlaybook } from './load.js';

function problem(text: string): { path: string | undefined; message: string } {
  try {
    loadPlaybook(text, DEFAULT_PLAYBOOK_TEXT);
  } catch (error) {
    if (error instanceof PursuitError) {
      expect(error.code).toBe('INVALID_PLAYBOOK');
      return { path: error.path, message: error.detail };
    }
    throw error;
  }
  throw new Error('the playbook was accepted');
}

describe('the default playbook', () => {
  it('loads and holds the numbers of PLAYBOOK.md', () => {
    const doc = DEFAULT_PLAYBOOK.doc;
    expect(DEFAULT_PLAYBOOK.version).toBe('default@1');
    expect(doc.followUp).toMatchObject({
      hardMaximum: 12,
      breakUpWaitDays: 7,
      weeklyCap: { touches: 3, days: 7 },
      minimumTouches: { reached: 5, neverReached: 8 },
      spacingBusinessDays: [1, 2, 3, 5, 7, 10, 14],
    });
    expect(doc.customers.checkInDays).toEqual({ customer: 90, 'ex-customer': 180 });
    expect(doc.model.responseByAttempt.reached).toHaveLength(12);
    expect(doc.model.responseByAttempt.neverReached).toHaveLength(12);
    expect(doc.model.winGivenResponse).toEqual({ neverReached: 0.1, reached: 0.2 });
    expect(doc.model.minutesPerTouch).toEqual({ call: 5, email: 4, sms: 1, social: 2 });
    expect(doc.model.defaultDealValue).toBe(10000);
    expect(doc.model.defaultHourlyValue).toBe(100);
    expect(doc.calendar).toMatchObject({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' });
  });
});

describe('a user playbook', () => {
  it('may extend the default and change only some settings', () => {
    const mine = loadPlaybook(
      'extends: default\nid: ours\nversion: 3\nfollowUp:\n  hardMaximum: 9\n',
      DEFAULT_PLAYBOOK_TEXT,
    );
    expect(mine.version).toBe('ours@3');
    expect(mine.doc.followUp.hardMaximum).toBe(9);
    expect(mine.doc.followUp.weeklyCap.touches).toBe(3);
  });

  it('may be JSON', () => {
    const json = JSON.stringify({ ...DEFAULT_PLAYBOOK.doc, id: 'json-one' });
    expect(loadPlaybook(json).version).toBe('json-one@1');
  });

  it('is refused with the path of a bad number', () => {
    expect(problem('extends: default\nfollowUp:\n  hardMaximum: 0\n')).toMatchObject({
      path: 'followUp.hardMaximum',
    });
    expect(problem('extends: default\nmodel:\n  winGivenResponse:\n    reached: 1.5\n')).toMatchObject({
      path: 'model.winGivenResponse.reached',
    });
    expect(problem('extends: default\nfollowUp:\n  spacingBusinessDays: [1, two]\n')).toMatchObject({
      path: 'followUp.spacingBusinessDays.1',
      message: 'expected a whole number, got "two"',
    });
  });

  it('is refused when a required setting is missing and it does not extend the default', () => {
    expect(problem('id: bare\nversion: 1\nname: Bare\n')).toMatchObject({
      path: 'calendar',
      message: 'is required',
    });
  });

  it('is refused with a window that closes before it opens, or a holiday that does not exist', () => {
    expect(problem("extends: default\ncalendar:\n  start: '18:00'\n  end: '08:00'\n").path).toBe(
      'calendar.end',
    );
    expect(problem("extends: default\ncalendar:\n  holidays: ['2026-02-30']\n").path).toBe(
      'calendar.holidays.0',
    );
  });

  it('is refused when a minimum is above the hard maximum', () => {
    expect(problem('extends: default\nfollowUp:\n  hardMaximum: 6\n').path).toBe(
      'followUp.minimumTouches.neverReached',
    );
  });

  it('is refused with an unknown template slot, naming the template', () => {
    expect(
      problem('extends: default\ntemplates:\n  break-up:\n    subject: Hi {{contact.nickname}}\n'),
    ).toEqual({
      path: 'templates.break-up.subject',
      message: 'unknown variable {{contact.nickname}}',
    });
    expect(
      problem('extends: default\ntemplates:\n  nurture:\n    body: "{{#topic}} open"\n').message,
    ).toContain('never closed');
  });

  it('is refused when it is not YAML, naming the line', () => {
    expect(problem('followUp:\n  hardMaximum: [1,\n').message).toMatch(/not valid YAML \(line \d+\)/);
  });

  it('can only extend the default', () => {
    expect(problem('extends: other\n').path).toBe('extends');
  });
});
