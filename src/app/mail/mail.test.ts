// The email channel end to end on real servers (Dovecot for IMAP, an SMTP server delivering into
// it) and a real database: a rep connects their mailbox, sends the agenda's email, the prospect's
// reply is read, classified and logged, and the decision changes; an out-of-office pauses the
// prospect until its date; a bounce marks the address bad; the unsubscribe link opts out; nothing
// is logged twice when the mailbox is read again or the IMAP server restarts.

import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase, team } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import { mailAvailable, mailSkipReason, startMailServers } from '../../../test/support/mail-servers.js';
import type { MailServers } from '../../../test/support/mail-servers.js';
import type { User } from '../../core/records.js';
import type { AppContext } from '../context.js';
import { listNotifications } from '../prospects/leads.js';
import { addProspect } from '../prospects/prospects.js';
import { showProspect } from '../prospects/reading.js';
import { deliver } from './deliver.js';
import { connectMailbox, findMailbox } from './mailboxes.js';
import { prospectMail, queueEmail } from './outbox.js';
import { MailWorker, mailRound } from './worker.js';
import { unsubscribe } from './unsubscribe.js';
import { imapClient } from '../../integrations/mail/imap.js';
import { PursuitError } from '../../core/errors.js';

const NOW = Date.parse('2026-03-10T15:00:00Z'); // a Tuesday, 10:00 in New York
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!mailAvailable)(
  `the email channel${mailAvailable ? '' : ` (skipped: ${mailSkipReason})`}`,
  () => {
    let servers: MailServers;
    let t: TestDb;
    let ctx: AppContext;
    let clock: TestClock;
    let dana: User;

    beforeAll(async () => {
      servers = await startMailServers();
      for (const who of ['dana@ourco.test', 'peter@acme.test', 'olga@globex.test'])
        servers.addMailbox(who, 'secret-pw');
      t = await freshDatabase('sqlite');
      clock = new TestClock(NOW);
      ctx = {
        ...appContext(t.db, clock),
        secretKey: 'k'.repeat(40),
        publicUrl: 'https://pursuit.example.test',
      };
      dana = (await team(ctx)).dana;
      await connectMailbox(ctx, dana, {
        ...servers.connection('dana@ourco.test', 'secret-pw'),
        provider: 'other',
      });
    });

    const mailboxOf = async (user: User) => {
      const found = await findMailbox(ctx, user);
      if (found === undefined) throw new Error(`${user.name} has no mailbox`);
      return found;
    };

    afterAll(async () => {
      await servers?.stop();
      await t?.drop();
    });

    const reply = (
      from: string,
      to: string,
      inReplyTo: string,
      subject: string,
      text: string,
      headers = {},
    ) =>
      nodemailer
        .createTransport({
          host: '127.0.0.1',
          port: servers.smtp.port,
          secure: false,
          ignoreTLS: true,
          auth: { user: from, pass: 'secret-pw' },
        })
        .sendMail({
          from,
          to,
          subject,
          text,
          inReplyTo,
          references: inReplyTo,
          headers,
          date: new Date(clock.t + 60_000),
        });

    it("sends the agenda's email, reads the reply, and re-decides", async () => {
      // No phone: Pursuit's first step is an email.
      const acme = await addProspect(ctx, dana, {
        name: 'Acme Corp',
        contact: { name: 'Peter Lee', email: 'peter@acme.test', timezone: 'America/New_York' },
      });
      const queued = await queueEmail(ctx, dana, acme.id, {});
      expect(queued).toMatchObject({ status: 'queued', toAddress: 'peter@acme.test' });
      const sent = await deliver(ctx, queued.id);
      expect(sent.outcome).toBe('sent');
      const delivered = servers.accepted.filter((m) => m.to.includes('peter@acme.test'));
      expect(delivered).toHaveLength(1);
      const raw = (delivered[0]?.raw.toString() ?? '').replace(/\r\n[ \t]+/g, ' ');
      expect(raw).toContain(`Message-ID: ${queued.messageId}`);
      expect(raw).toMatch(
        /List-Unsubscribe: <https:\/\/pursuit\.example\.test\/u\/[^>]+>, <mailto:dana@ourco\.test\?subject=unsubscribe>/,
      );
      expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      let page = await showProspect(ctx, dana, acme.id);
      expect(page.events.at(-1)?.data).toMatchObject({ type: 'touch', channel: 'email', outcome: 'sent' });

      clock.advance(3_600_000);
      await reply(
        'peter@acme.test',
        'dana@ourco.test',
        queued.messageId,
        `Re: ${queued.subject}`,
        'Yes, happy to talk. Thursday at 2pm works for me.\n\nPeter',
      );
      const round = await mailRound(ctx, await mailboxOf(dana));
      expect(round.sync).toMatchObject({ replies: 1 });
      page = await showProspect(ctx, dana, acme.id);
      expect(page.events.at(-1)?.data).toMatchObject({
        type: 'response',
        channel: 'email',
        sentiment: 'positive',
      });
      expect((page.decision?.decision as { action: string }).action).toBe('respond');
      const mail = await prospectMail(ctx, dana, acme.id);
      expect(mail.replies[0]?.reading).toMatchObject({ kind: 'positive' });
      // The rep hears of it at once.
      expect((await listNotifications(ctx, dana, true)).map((n) => n.message)).toContain(
        'Peter Lee (Acme Corp) replied: interested.',
      );

      // Read again: nothing is logged twice.
      const again = await mailRound(ctx, await mailboxOf(dana));
      expect(again.sync).toMatchObject({ replies: 0 });
    });

    /** A prospect whose contact has no phone, so that Pursuit's next step is an email. */
    const prospect = (name: string, contact: string, email: string) =>
      addProspect(ctx, dana, { name, contact: { name: contact, email, timezone: 'America/New_York' } });

    const decisionOf = async (id: string) =>
      (await showProspect(ctx, dana, id)).decision?.decision as {
        action: string;
        channel?: string;
        due?: string;
      };

    async function sendNext(id: string) {
      const queued = await queueEmail(ctx, dana, id, {});
      // The mailbox's spacing keeps its emails a minute apart.
      clock.advance(61_000);
      const sent = await deliver(ctx, queued.id);
      expect(sent.outcome).toBe('sent');
      return queued;
    }

    it('pauses on an out-of-office reply until its return date, then resumes', async () => {
      const globex = await prospect('Globex', 'Olga Berg', 'olga@globex.test');
      const queued = await sendNext(globex.id);
      // An auto-reply as Exchange sends one. (Sieve's vacation stays silent for mail that carries
      // List-Unsubscribe, as every email of ours does: it takes it for a mailing list.)
      await reply(
        'olga@globex.test',
        'dana@ourco.test',
        queued.messageId,
        `Automatic reply: ${queued.subject}`,
        'Hello, I am out of the office until Monday 16 March with limited access to email.\nFor anything urgent, please contact Sam.\n\nOlga',
        { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      );
      const round = await mailRound(ctx, await mailboxOf(dana));
      expect(round.sync?.replies).toBe(1);
      const page = await showProspect(ctx, dana, globex.id);
      expect(page.events.at(-1)?.data).toMatchObject({ sentiment: 'out-of-office', until: '2026-03-16' });
      const waiting = await decisionOf(globex.id);
      expect(waiting.action).toBe('wait');
      expect(Date.parse(waiting.due ?? '')).toBeGreaterThanOrEqual(Date.parse('2026-03-16T04:00:00Z'));
      const back = clock.t;
      clock.set('2026-03-16T15:00:00Z');
      expect((await decisionOf(globex.id)).action).not.toBe('wait');
      clock.t = back;
    });

    it('marks a bounced address bad and turns its touch into a bounce', async () => {
      const nowhere = await prospect('Nowhere Inc', 'Nobody', 'nobody@acme.test');
      const queued = await sendNext(nowhere.id);
      const round = await mailRound(ctx, await mailboxOf(dana));
      expect(round.sync?.bounces).toBe(1);
      const page = await showProspect(ctx, dana, nowhere.id);
      expect(page.contacts[0]?.emailBouncedAt).not.toBeNull();
      expect(page.events.find((e) => e.type === 'touch')?.data).toMatchObject({ outcome: 'bounced' });
      expect((await decisionOf(nowhere.id)).channel).not.toBe('email');
      const mail = await prospectMail(ctx, dana, nowhere.id);
      expect(mail.emails[0]).toMatchObject({ id: queued.id, status: 'bounced' });
    });

    it('opts out through the signed link, and refuses a forged one', async () => {
      const umbrella = await prospect('Umbrella', 'Uma Reed', 'uma@umbrella.test');
      const queued = await sendNext(umbrella.id);
      const raw = (
        servers.accepted.find((m) => m.raw.toString().includes(queued.messageId))?.raw.toString() ?? ''
      ).replace(/\r\n[ \t]+/g, ' ');
      const token = /List-Unsubscribe: <https:\/\/pursuit\.example\.test\/u\/([^>]+)>/.exec(raw)?.[1] ?? '';
      await expect(unsubscribe(ctx, `${token.slice(0, -2)}xx`)).rejects.toThrow(PursuitError);
      expect(await unsubscribe(ctx, token)).toEqual({ address: 'uma@umbrella.test', changed: true });
      expect(await unsubscribe(ctx, token)).toEqual({ address: 'uma@umbrella.test', changed: false });
      expect((await decisionOf(umbrella.id)).action).toBe('stop');
      await expect(queueEmail(ctx, dana, umbrella.id, {})).rejects.toThrow(/not an email/);
    });

    it('loses nothing and repeats nothing when the IMAP server restarts mid-read', async () => {
      const initech = await prospect('Initech', 'Ivy Park', 'ivy@initech.test');
      // Fifty messages from the contact land in the rep's INBOX.
      const writer = imapClient({
        server: { host: '127.0.0.1', port: servers.imap.port, security: 'none' },
        auth: { user: 'dana@ourco.test', pass: 'secret-pw' },
      });
      await writer.connect();
      for (let i = 0; i < 50; i += 1) {
        const message = [
          'From: Ivy Park <ivy@initech.test>',
          'To: dana@ourco.test',
          `Subject: Question ${i}`,
          `Message-ID: <q${i}@initech.test>`,
          'Date: Tue, 10 Mar 2026 16:00:00 +0000',
          '',
          `Could you tell me more about pricing for ${i + 2} seats?`,
          '',
        ].join('\r\n');
        await writer.append('INBOX', message);
      }
      await writer.logout();
      let restarted = false;
      const cut = await mailRound(ctx, await mailboxOf(dana), {
        batch: 16,
        afterBatch: async () => {
          if (restarted) return;
          restarted = true;
          await servers.restartImap();
        },
      });
      expect(cut.skipped).toBeDefined();
      const after = await mailRound(ctx, await mailboxOf(dana), { batch: 16 });
      expect(after.skipped).toBeUndefined();
      const mail = await prospectMail(ctx, dana, initech.id);
      expect(mail.replies).toHaveLength(50);
      expect(new Set(mail.replies.map((r) => r.messageId)).size).toBe(50);
      const logged = (await showProspect(ctx, dana, initech.id)).events.filter((e) => e.type === 'response');
      expect(logged).toHaveLength(50);
    });

    it('keeps a follow-up in the thread of the first email', async () => {
      servers.addMailbox('tess@tyrell.test', 'secret-pw');
      const tyrell = await prospect('Tyrell', 'Tess Rye', 'tess@tyrell.test');
      const first = await sendNext(tyrell.id);
      // Two days later, the follow-up is due.
      clock.advance(2 * 86_400_000);
      const next = await sendNext(tyrell.id);
      expect(next).toMatchObject({ inReplyTo: first.messageId, subject: `Re: ${first.subject}` });
      expect(next.references).toEqual([first.messageId]);
      const raw =
        servers.accepted.find((m) => m.raw.toString().includes(next.messageId))?.raw.toString() ?? '';
      expect(raw).toContain(`In-Reply-To: ${first.messageId}`);
      expect(raw).toContain(`References: ${first.messageId}`);
    });

    it('opts a contact out who asks in a reply', async () => {
      servers.addMailbox('uri@ubik.test', 'secret-pw');
      const ubik = await prospect('Ubik', 'Uri Bek', 'uri@ubik.test');
      const queued = await sendNext(ubik.id);
      await reply(
        'uri@ubik.test',
        'dana@ourco.test',
        queued.messageId,
        'Re: hello',
        'Please take me off your mailing list.',
      );
      await mailRound(ctx, await mailboxOf(dana));
      const page = await showProspect(ctx, dana, ubik.id);
      expect(page.contacts[0]?.doNotContact).toBe(true);
      expect((await decisionOf(ubik.id)).action).toBe('stop');
    });

    it('reads a reply the moment it arrives, while the worker waits on INBOX (IDLE)', async () => {
      const hooli = await prospect('Hooli', 'Gavin B', 'gavin@hooli.test');
      servers.addMailbox('gavin@hooli.test', 'secret-pw');
      const queued = await sendNext(hooli.id);
      const worker = new MailWorker(ctx, { pollMs: 60_000 });
      worker.start();
      try {
        const first = Date.now();
        const before = (await mailboxOf(dana)).lastSyncAt;
        // The first round has run when the mailbox says it was read again.
        while ((await mailboxOf(dana)).lastSyncAt === before && Date.now() - first < 10_000) await pause(50);
        await pause(300);
        await reply(
          'gavin@hooli.test',
          'dana@ourco.test',
          queued.messageId,
          'Re: hi',
          'Not interested, thanks.',
        );
        const sent = Date.now();
        let logged = false;
        while (!logged && Date.now() - sent < 10_000) {
          logged = (await showProspect(ctx, dana, hooli.id)).events.some((e) => e.type === 'response');
          if (!logged) await pause(100);
        }
        expect(logged).toBe(true);
        // Well before the minute-long poll: IDLE woke it.
        expect(Date.now() - sent).toBeLessThan(8_000);
      } finally {
        await worker.stop();
      }
    }, 60_000);
  },
);
