// When an email may go out (window, spacing, daily cap) and how a follow-up joins its thread.

import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar.js';
import { nextSendTime } from './schedule.js';
import type { SendSlot } from './schedule.js';
import { parseIds, replySubject, threadAfter } from './thread.js';

const calendar = new BusinessCalendar({
  days: [1, 2, 3, 4, 5],
  startMinute: 480,
  endMinute: 1080,
  holidays: [],
});
const at = (iso: string) => Date.parse(iso);

function slot(extra: Partial<SendSlot>): SendSlot {
  return {
    now: at('2026-03-10T15:00:00Z'),
    mode: 'window',
    notBefore: at('2026-03-10T15:00:00Z'),
    contactZone: 'America/New_York',
    repZone: 'America/Denver',
    calendar,
    limits: { dailyCap: 3, spacingSeconds: 60 },
    sentToday: 0,
    lastSentAt: undefined,
    ...extra,
  };
}

describe('nextSendTime', () => {
  it('sends at once inside the contact window, and waits for the next one outside it', () => {
    expect(nextSendTime(slot({}))).toEqual({ at: at('2026-03-10T15:00:00Z'), hold: undefined });
    // 23:00 UTC is 19:00 in New York: tomorrow at 08:00 there.
    const late = at('2026-03-10T23:00:00Z');
    expect(nextSendTime(slot({ now: late, notBefore: late }))).toEqual({
      at: at('2026-03-11T12:00:00Z'),
      hold: 'window',
    });
  });

  it("goes at once when the rep asked, even outside the contact's hours", () => {
    const late = at('2026-03-10T23:00:00Z');
    expect(nextSendTime(slot({ now: late, notBefore: late, mode: 'now' })).at).toBe(late);
  });

  it("keeps the mailbox's spacing, then its daily cap until the rep's next day", () => {
    const now = at('2026-03-10T15:00:00Z');
    expect(nextSendTime(slot({ lastSentAt: now - 20_000 }))).toEqual({ at: now + 40_000, hold: 'spacing' });
    // The cap is reached: midnight in Denver is 06:00 UTC, then 08:00 in New York is 12:00 UTC.
    expect(nextSendTime(slot({ sentToday: 3 }))).toEqual({ at: at('2026-03-11T12:00:00Z'), hold: 'cap' });
    expect(nextSendTime(slot({ sentToday: 3, mode: 'now' }))).toEqual({
      at: at('2026-03-11T06:00:00Z'),
      hold: 'cap',
    });
  });
});

describe('threads', () => {
  it('answers under the first subject, once', () => {
    expect(replySubject('Following up')).toBe('Re: Following up');
    expect(replySubject('RE: Re: AW: Following up')).toBe('Re: Following up');
  });

  it('replies to the last message and keeps its references, the newest last', () => {
    expect(threadAfter(undefined, 'Hello')).toEqual({
      inReplyTo: undefined,
      references: [],
      subject: 'Hello',
    });
    const thread = threadAfter(
      { messageId: '<b@x>', references: ['<a@x>'], subject: 'Hello' },
      'Following up',
    );
    expect(thread).toEqual({ inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'], subject: 'Re: Hello' });
  });

  it('reads message ids from a header however they are spaced', () => {
    expect(parseIds('<a@x>\r\n <b@y>,<c@z>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
    expect(parseIds(undefined)).toEqual([]);
  });
});
