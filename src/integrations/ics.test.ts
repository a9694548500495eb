import { describe, expect, it } from 'vitest';
import { renderInvite } from './ics.js';

const invite = {
  uid: 'k1@pursuit',
  stamp: Date.parse('2026-03-10T15:00:00Z'),
  start: Date.parse('2026-03-17T16:00:00Z'),
  minutes: 30,
  summary: 'Call: Acme Corp, OurCo',
  description: 'Review the proposal; agree next steps,\nthen pricing',
  location: 'Phone: +1 555 0100',
  organizer: { name: 'Dana Whitfield', email: 'dana@ourco.test' },
  attendees: [{ name: 'Peter Lee', email: 'peter@acme.test' }],
  sequence: 0,
};

describe('an iCalendar invite', () => {
  const text = renderInvite(invite);

  it('is a VEVENT request with UTC times, both people as attendees, CRLF line ends', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('DTSTART:20260317T160000Z');
    expect(text).toContain('DTEND:20260317T163000Z');
    expect(text).toContain('mailto:peter@acme.test');
    expect(text).toContain('ORGANIZER;CN="Dana Whitfield":mailto:dana@ourco.test');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('escapes text and folds long lines at 75 octets', () => {
    expect(text).toContain('DESCRIPTION:Review the proposal\\; agree next steps\\,\\nthen pricing');
    const long = renderInvite({ ...invite, description: 'ü'.repeat(100) });
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, '')).toContain(`DESCRIPTION:${'ü'.repeat(100)}`);
  });

  it('cancels with METHOD:CANCEL and the same UID', () => {
    const cancelled = renderInvite({ ...invite, cancelled: true, sequence: 1 });
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('UID:k1@pursuit');
  });
});
