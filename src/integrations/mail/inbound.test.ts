// A reply's text from another system loses its control characters (a NUL that PostgreSQL cannot
// store, a bell, an escape), in its subject, sender's name and words; tabs and line breaks stay.

import { describe, expect, it } from 'vitest';
import { readMail } from './inbound.js';

const RAW = [
  'From: =?UTF-8?Q?Pat=00_Lee=07?= <pat@acme.test>',
  'To: dana@ourco.test',
  'Subject: =?UTF-8?Q?Re=3A_hello=00=1B[31m?=',
  'Message-ID: <r1@acme.test>',
  'In-Reply-To: <m1@ourco.test>',
  'Auto-Submitted: =?UTF-8?Q?no=00?=',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Yes=00, happy=07 to talk.=0D=0A=09Thursday=1B works.',
  '',
].join('\r\n');

describe('a message read from a mailbox', () => {
  it('drops control characters from what it keeps, but tabs and line breaks', async () => {
    const mail = await readMail(Buffer.from(RAW));
    expect(mail.fromName).toBe('Pat Lee');
    expect(mail.subject).toBe('Re: hello[31m');
    expect(mail.text.trimEnd()).toBe('Yes, happy to talk.\n\tThursday works.');
    expect(mail.inReplyTo).toEqual(['<m1@ourco.test>']);
    for (const value of Object.values(mail.headers)) expect(value).not.toContain('\u0000');
  });
});
