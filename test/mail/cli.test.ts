// The email channel from the command line, as a rep uses it: connect a mailbox (the password piped),
// send the agenda's email, see the outbox, read the reply with `mail sync`, correct how it was read,
// and the errors people make (no key, a wrong password, a prospect whose next step is a call).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { mailAvailable, mailSkipReason, startMailServers } from '../support/mail-servers.js';
import type { MailServers } from '../support/mail-servers.js';

describe.skipIf(!mailAvailable)(
  `pursuit mailbox, send, outbox, mail sync${mailAvailable ? '' : ` (skipped: ${mailSkipReason})`}`,
  () => {
    let servers: MailServers;
    const dir = mkdtempSync(join(tmpdir(), 'pursuit-mail-cli-'));
    const base = {
      PURSUIT_DB: join(dir, 'pursuit.db'),
      PURSUIT_NOW: '2026-03-10T15:00:00Z',
      PURSUIT_SECRET_KEY: 'm'.repeat(40),
      PURSUIT_PUBLIC_URL: 'https://pursuit.example.test',
    };
    const cli = (args: string[], env: Record<string, string> = {}, input = '') =>
      runCli(args, { env: { ...base, PURSUIT_USER: 'dana@ourco.test', ...env }, input });

    beforeAll(async () => {
      servers = await startMailServers();
      servers.addMailbox('dana@ourco.test', 'dana-mail-pw');
      servers.addMailbox('ruth@redwood.test', 'pw');
      await runCli(
        [
          'init',
          '--org',
          'OurCo',
          '--name',
          'Ada Admin',
          '--email',
          'ada@ourco.test',
          '--timezone',
          'America/Denver',
        ],
        { env: base },
      );
      await runCli(['user', 'add', 'Dana Whitfield', '--email', 'dana@ourco.test'], {
        env: { ...base, PURSUIT_USER: 'ada@ourco.test' },
      });
    });

    afterAll(async () => {
      await servers?.stop();
    });

    const connect = (password: string, env: Record<string, string> = {}) =>
      cli(
        [
          'mailbox',
          'add',
          '--address',
          'dana@ourco.test',
          '--smtp',
          `127.0.0.1:${servers.smtp.port}`,
          '--smtp-security',
          'none',
          '--imap',
          `127.0.0.1:${servers.imap.port}`,
          '--imap-security',
          'none',
        ],
        env,
        `${password}\n`,
      );

    it('needs the secret key, and names the server a wrong password fails on', async () => {
      const noKey = await connect('dana-mail-pw', { PURSUIT_SECRET_KEY: '' });
      expect(noKey.status).toBe(2);
      expect(noKey.err).toMatch(/PURSUIT_SECRET_KEY/);
      const wrong = await connect('not-the-password');
      expect(wrong.status).toBe(2);
      expect(wrong.err).toMatch(
        /^pursuit: smtp: cannot send: SMTP 127\.0\.0\.1:\d+: .*(535|not accepted|failed)/i,
      );
      expect((await cli(['mailbox', 'list'])).out).toMatch(/No mailbox connected/);
    });

    it('connects, sends the agenda email, reads the reply and takes a correction', async () => {
      const connected = await connect('dana-mail-pw');
      expect(connected.status, connected.err).toBe(0);
      expect(connected.out).toMatch(
        /^Connected dana@ourco\.test \(password\): sends through 127\.0\.0\.1:\d+, reads 127\.0\.0\.1:\d+; working\./,
      );
      expect((await cli(['mailbox', 'test'])).status).toBe(0);
      // The password is never shown again, not even as --json.
      const listed = await cli(['mailbox', 'list', '--json']);
      expect(listed.out).not.toContain('dana-mail-pw');
      expect(JSON.parse(listed.out)).toEqual([
        expect.objectContaining({ address: 'dana@ourco.test', status: 'ok' }),
      ]);

      await cli([
        'prospect',
        'add',
        'Redwood',
        '--contact',
        'Ruth Ames',
        '--email',
        'ruth@redwood.test',
        '--phone',
        '+1 555 0101',
      ]);
      // With a phone, the first step is a call: nothing to send.
      const call = await cli(['send', 'redwood']);
      expect(call.status).toBe(2);
      expect(call.err).toMatch(/next step for Redwood is follow-up by call, not an email/);

      await cli(['prospect', 'add', 'Birch', '--contact', 'Ruth Ames', '--email', 'ruth@redwood.test']);
      const sent = await cli(['send', 'birch', '--subject', 'Birch and OurCo']);
      expect(sent.status, sent.err).toBe(0);
      expect(sent.out).toMatch(/^Sent "Birch and OurCo" to Ruth Ames <ruth@redwood\.test>, Tue, Mar 10/);
      const outbox = JSON.parse((await cli(['outbox', '--json'])).out) as {
        status: string;
        messageId: string;
      }[];
      expect(outbox[0]?.status).toBe('sent');

      await nodemailer
        .createTransport({
          host: '127.0.0.1',
          port: servers.smtp.port,
          secure: false,
          ignoreTLS: true,
          auth: { user: 'ruth@redwood.test', pass: 'pw' },
        })
        .sendMail({
          from: 'Ruth Ames <ruth@redwood.test>',
          to: 'dana@ourco.test',
          subject: 'Re: Birch and OurCo',
          text: 'Thanks Dana. Not right now, but try me again after the summer.\n\nRuth',
          inReplyTo: outbox[0]?.messageId,
          date: new Date('2026-03-10T16:00:00Z'),
        });
      const sync = await cli(['mail', 'sync'], { PURSUIT_NOW: '2026-03-10T17:00:00Z' });
      expect(sync.status, sync.err).toBe(0);
      expect(sync.out).toMatch(
        /dana@ourco\.test: 0 sent, 1 new messages read, 1 replies and 0 bounces logged\./,
      );
      const shown = await cli(['prospect', 'show', 'birch'], { PURSUIT_NOW: '2026-03-10T17:00:00Z' });
      const reply = /^ {2}([0-9a-f]{8}) .*ruth@redwood\.test, read as not-now until 2026-09-01/m.exec(
        shown.out,
      );
      expect(reply, shown.out).not.toBeNull();
      const corrected = await cli(
        ['reply', 'correct', 'birch', reply?.[1] ?? '', '--kind', 'not-interested'],
        {
          PURSUIT_NOW: '2026-03-10T17:00:00Z',
        },
      );
      expect(corrected.status, corrected.err).toBe(0);
      expect(corrected.out).toMatch(/Now read as not-interested/);
      const after = JSON.parse(
        (await cli(['prospect', 'show', 'birch', '--json'], { PURSUIT_NOW: '2026-03-10T17:00:00Z' })).out,
      ) as {
        events: { type: string; sentiment?: string }[];
      };
      expect(after.events.filter((e) => e.type === 'response').map((e) => e.sentiment)).toEqual([
        'not-interested',
      ]);

      const removed = await cli(['mailbox', 'remove']);
      expect(removed.out).toMatch(/Disconnected dana@ourco\.test/);
    });
  },
);
