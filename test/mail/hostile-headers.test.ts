// Hostile text in the emails Pursuit sends (issue 13 item 4): a subject the rep typed, the rep's
// display name and the contact's name with CRLF, a lone CR, NUL, RTL overrides and header lines in
// them go out through a real SMTP server as one header each: no header of their own (Bcc, X-...),
// no recipient of their own, and no control character in what a mail client decodes and shows.

import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase, team } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';
import { mailAvailable, mailSkipReason, startMailServers } from '../support/mail-servers.js';
import type { MailServers } from '../support/mail-servers.js';
import type { AppContext } from '../../src/app/context.js';
import { deliver } from '../../src/app/mail/deliver.js';
import { connectMailbox } from '../../src/app/mail/mailboxes.js';
import { queueEmail } from '../../src/app/mail/outbox.js';
import { addProspect } from '../../src/app/prospects/prospects.js';
import { email } from '../../src/app/inputs.js';
import { withoutControls } from '../../src/core/control.js';
import { composeMail, headerText } from '../../src/integrations/mail/smtp.js';
import type { User } from '../../src/core/records.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const RAW_BREAK = /[\r\n\u0000]/;

/** Each payload tries to end its header and start another. */
const PAYLOADS = [
  'Hello\r\nBcc: evil@x.test',
  'Hello\rX-Injected: 1',
  'Hello\nX-Injected: 2\n\nbody?',
  'Hi\u0000there\u0007\u001b[31m',
  '\u202Egnp.exe <evil@x.test>, other@x.test',
  '=?UTF-8?Q?X=0D=0ABcc=3A_evil=40x=2Etest?=',
  '"quoted", <a@b.test>; \\ \t tab',
];

const HEADERS = new Set([
  'from',
  'to',
  'subject',
  'message-id',
  'date',
  'in-reply-to',
  'references',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** What is wrong with a sent message's headers. */
async function headerProblems(raw: Buffer, to: string): Promise<string[]> {
  const head = raw.toString('latin1').split('\r\n\r\n')[0] as string;
  const lines = head.split('\r\n');
  const parsed = await simpleParser(raw);
  const names = lines.filter((l) => !/^[ \t]/.test(l)).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
  const shown = [
    parsed.subject ?? '',
    ...[parsed.from, parsed.to].flatMap((a) =>
      (Array.isArray(a) ? a : a === undefined ? [] : [a]).flatMap((x) => x.value.map((v) => v.name)),
    ),
  ];
  const recipients = (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap(
    (x) => x?.value.map((v) => v.address) ?? [],
  );
  return [
    ...lines.filter((l) => RAW_BREAK.test(l)).map((l) => `raw control in ${JSON.stringify(l)}`),
    ...names.filter((n) => !HEADERS.has(n)).map((n) => `a header of its own: ${n}`),
    ...shown.filter((s) => CONTROL.test(s)).map((s) => `shown with a control: ${JSON.stringify(s)}`),
    ...(JSON.stringify(recipients) === JSON.stringify([to]) ? [] : [`recipients ${recipients.join(',')}`]),
    ...(parsed.headers.has('bcc') || parsed.headers.has('cc') ? ['a Bcc or Cc'] : []),
  ];
}

describe('hostile text in an email', () => {
  it('composes every payload as one header of its own kind', async () => {
    let attempts = 0;
    for (const a of PAYLOADS) {
      for (const b of PAYLOADS) {
        attempts += 1;
        const raw = await composeMail({
          from: { address: 'dana@ourco.test', name: a },
          to: { address: 'peter@acme.test', name: b },
          subject: `${b} ${a}`,
          text: `${a}\n${b}`,
          messageId: '<m1@ourco.test>',
          inReplyTo: '<x\u0000@y.test>',
          references: ['<r1@y.test>', '<r2\u0007@y.test>'],
          date: NOW,
          unsubscribeUrl: 'https://pursuit.test/u/abc',
        });
        expect(await headerProblems(raw, 'peter@acme.test')).toEqual([]);
        // Nothing lost: the subject a client shows is the text, on one line.
        expect((await simpleParser(raw)).subject).toBe(headerText(`${b} ${a}`));
      }
    }
    expect(attempts).toBe(49);
  });

  it('refuses an email address with a control character in it', () => {
    for (const bad of ['pe\u0000ter@acme.test', 'peter@acme.test\u0007', 'pe\u0085ter@acme.test']) {
      expect(() => email('email', bad)).toThrow(/expected an email address/);
    }
    expect(email('email', 'Peter@Acme.test')).toBe('peter@acme.test');
  });
});

describe.skipIf(!mailAvailable)(
  `hostile text in an email sent over SMTP${mailAvailable ? '' : ` (skipped: ${mailSkipReason})`}`,
  () => {
    let servers: MailServers;
    let t: TestDb;
    let ctx: AppContext;
    let clock: TestClock;
    let dana: User;

    beforeAll(async () => {
      servers = await startMailServers();
      servers.addMailbox('dana@ourco.test', 'pw-dana');
      t = await freshDatabase('sqlite');
      clock = new TestClock(NOW);
      ctx = { ...appContext(t.db, clock), secretKey: 's'.repeat(40) };
      ({ dana } = await team(ctx));
      await connectMailbox(ctx, dana, {
        ...servers.connection('dana@ourco.test', 'pw-dana'),
        name: 'Dana\r\nBcc: evil@x.test',
      });
    }, 60_000);

    afterAll(async () => {
      await servers?.stop();
      await t?.drop();
    });

    it('sends each payload to the contact alone, as one subject and one name', async () => {
      for (const [i, payload] of PAYLOADS.entries()) {
        const address = `contact${i}@acme${i}.test`;
        servers.addMailbox(address, 'pw');
        // What people type holds no control characters (inputs.ts refuses them; composing is tested
        // with them above): the line breaks, markup and encoded words stay.
        const typed = withoutControls(payload);
        const p = await addProspect(ctx, dana, {
          name: `Acme ${i} ${typed}`,
          contact: { name: `Pat ${typed}`, email: address },
        });
        clock.advance(61_000);
        const item = await queueEmail(ctx, dana, p.id, { subject: typed, body: typed });
        expect((await deliver(ctx, item.id)).outcome).toBe('sent');
        const sent = servers.accepted.filter((m) => m.to.includes(address));
        expect(sent.map((m) => m.to)).toEqual([[address]]);
        expect(await headerProblems((sent[0] as { raw: Buffer }).raw, address)).toEqual([]);
      }
      expect(servers.accepted.some((m) => m.to.some((to) => to.includes('evil')))).toBe(false);
    }, 120_000);
  },
);
