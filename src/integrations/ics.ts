// iCalendar (RFC 5545) invites for a scheduled call or meeting, so it lands in both calendars.

export interface Invite {
  uid: string;
  /** When the invite is made (DTSTAMP). */
  stamp: number;
  start: number;
  minutes: number;
  summary: string;
  description: string;
  location?: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  /** Bumped each time the call is rescheduled, so calendars update the same event. */
  sequence: number;
  cancelled?: boolean;
}

function stamp(t: number): string {
  return new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Line breaks of every kind (CRLF, LF, a lone CR, Unicode line and paragraph separators). */
const BREAKS = /\r\n|[\n\r\u2028\u2029]/g;
/**
 * Control characters, which RFC 5545 (3.1, 3.3.11) allows in no TEXT or parameter value (but the
 * tab): C0 but HTAB, DEL, and C1 as well, which some calendars take for line ends.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** TEXT escaping of RFC 5545 3.3.11: a line break is written \n, other control characters go. */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(BREAKS, '\\n')
    .replace(CONTROLS, '');
}

/** A parameter value (CN): quoted, without what a quoted value cannot hold (DQUOTE, controls). */
function param(value: string): string {
  return `"${value.replace(BREAKS, ' ').replace(CONTROLS, '').replace(/"/g, '')}"`;
}

/** A mailto address: nothing that could end the line or the value. */
function address(value: string): string {
  return value.replace(CONTROLS, '').replace(/[\s"]/g, '');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function renderInvite(invite: Invite): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pursuit//Pursuit follow-up engine//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${invite.cancelled === true ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${invite.uid}`,
    `DTSTAMP:${stamp(invite.stamp)}`,
    `DTSTART:${stamp(invite.start)}`,
    `DTEND:${stamp(invite.start + invite.minutes * 60_000)}`,
    `SEQUENCE:${invite.sequence}`,
    `STATUS:${invite.cancelled === true ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${text(invite.summary)}`,
    `DESCRIPTION:${text(invite.description)}`,
    ...(invite.location === undefined ? [] : [`LOCATION:${text(invite.location)}`]),
    `ORGANIZER;CN=${param(invite.organizer.name)}:mailto:${address(invite.organizer.email)}`,
    ...[invite.organizer, ...invite.attendees].map(
      (a) =>
        `ATTENDEE;CN=${param(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${address(a.email)}`,
    ),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(invite.summary)}`,
    'TRIGGER:-PT10M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
