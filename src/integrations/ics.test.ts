import fc from 'fast-check';
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

  // Issue 16 item 5: a lone CR, NUL and other control characters reached SUMMARY and DESCRIPTION raw.
  describe('with hostile names and notes', () => {
    const PROPERTIES = new Set([
      'BEGIN',
      'END',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SEQUENCE',
      'STATUS',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'ORGANIZER',
      'ATTENDEE',
      'ACTION',
      'TRIGGER',
    ]);
    // eslint-disable-next-line no-control-regex
    const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;

    /** What is wrong with an invite's structure: a control character, or a line of no property. */
    function problems(ics: string): string[] {
      if (!ics.endsWith('\r\n')) return ['no CRLF at the end'];
      const lines = ics.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
      const count = (pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
      return [
        ...lines.filter((l) => CONTROL.test(l)).map((l) => `control character in ${JSON.stringify(l)}`),
        ...lines
          .filter((l) => !PROPERTIES.has(/^[A-Z-]+/.exec(l)?.[0] ?? ''))
          .map((l) => `not a property: ${JSON.stringify(l)}`),
        ...(count(/^ATTENDEE[;:]/) === 2 ? [] : ['not two attendees']),
        ...(count(/^(BEGIN|END):VEVENT$/) === 2 ? [] : ['not one VEVENT']),
        ...(count(/^(BEGIN|END):VALARM$/) === 2 ? [] : ['not one VALARM']),
      ];
    }

    /** The content lines, unfolded, of a well-formed invite. */
    function contentLines(ics: string): string[] {
      expect(problems(ics)).toEqual([]);
      return ics.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
    }

    it('writes a lone CR as \\n and drops NUL and the other control characters', () => {
      const c0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
      const hostile = renderInvite({
        ...invite,
        summary: 'Acme\rATTENDEE:mailto:evil@x.test',
        description: `a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g\r\nEND:VEVENT\nBEGIN:VALARM${c0}`,
        location: 'Phone: +1 555 0100\rX-INJECTED:1',
        organizer: { name: 'Dana "D" Whitfield\r\nX-INJECTED:1', email: 'dana@ourco.test' },
        attendees: [{ name: 'Peter\u0000Lee', email: 'peter@acme.test\r\nATTENDEE:mailto:evil@x.test' }],
      });
      const lines = contentLines(hostile);
      expect(lines).toContain('SUMMARY:Acme\\nATTENDEE:mailto:evil@x.test');
      expect(lines).toContain('DESCRIPTION:abcdef\\ng\\nEND:VEVENT\\nBEGIN:VALARM\t\\n\\n');
      expect(lines).toContain('LOCATION:Phone: +1 555 0100\\nX-INJECTED:1');
      expect(lines).toContain('ORGANIZER;CN="Dana D Whitfield X-INJECTED:1":mailto:dana@ourco.test');
      expect(lines.some((l) => l.startsWith('ATTENDEE;CN="PeterLee"') && !l.includes('\r'))).toBe(true);
      // The injected attendee is text, or glued to the real address: never a property of its own.
      expect(lines.filter((l) => l.startsWith('ATTENDEE:'))).toEqual([]);
    });

    it('keeps its structure whatever text it is given (2,000 generated invites)', () => {
      const hostileText = fc.string({
        unit: fc.oneof(
          fc.constantFrom(
            '\r',
            '\n',
            '\r\n',
            '\u0000',
            '\t',
            '\u007f',
            '\u0085',
            '\u2028',
            '"',
            ';',
            ',',
            '\\',
          ),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        ),
        maxLength: 120,
      });
      fc.assert(
        fc.property(
          hostileText,
          hostileText,
          hostileText,
          hostileText,
          (summary, description, name, email) => {
            contentLines(
              renderInvite({
                ...invite,
                summary,
                description,
                location: summary,
                organizer: { name, email: `${email}@ourco.test` },
                attendees: [{ name: description, email }],
              }),
            );
          },
        ),
        { numRuns: 2000, seed: 16 },
      );
    }, 60_000);
  });
});
