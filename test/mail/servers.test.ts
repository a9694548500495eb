// The mail test servers themselves (test/support/mail-servers.ts): a message sent over SMTP lands
// in Dovecot with its threading headers, IDLE sees new mail, unknown recipients bounce as RFC 3464
// reports, OAuth2 logins work and stop working, restarts keep the mail, sieve answers out of office,
// and the fault switches do what they say. Skips, with the reason, when Dovecot is not installed.

import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bounceSampleCases,
  bounceSamples,
  mailAvailable,
  mailSkipReason,
  sieveAvailable,
  startMailServers,
  vacationScript,
} from '../support/mail-servers.js';
import type { MailServers } from '../support/mail-servers.js';

const title = `the mail test servers${mailAvailable ? '' : ` (skipped: ${mailSkipReason})`}`;

describe.skipIf(!mailAvailable)(title, () => {
  let servers: MailServers;
  const open: ImapFlow[] = [];

  beforeAll(async () => {
    servers = await startMailServers();
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.logout().catch(() => c.close())));
    await servers?.stop();
  });

  /** A fresh mailbox per test, so the tests share nothing but the servers. */
  let n = 0;
  function mailbox(name: string): { user: string; pass: string } {
    const user = `${name}-${++n}@ourco.test`;
    const pass = `pw-${name}-${n}`;
    servers.addMailbox(user, pass);
    return { user, pass };
  }

  function smtp(auth: { user: string; pass: string }) {
    return nodemailer.createTransport({
      host: servers.smtp.host,
      port: servers.smtp.port,
      secure: false,
      ignoreTLS: true,
      auth,
    });
  }

  async function imap(auth: { user: string; pass?: string; accessToken?: string }): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: servers.imap.host,
      port: servers.imap.port,
      secure: false,
      auth,
      logger: false,
      disableAutoIdle: true,
    });
    // A refused login also emits 'error' on the client; the rejected connect() is what tests check.
    client.on('error', () => {});
    await client.connect();
    open.push(client);
    return client;
  }

  /** The INBOX's messages as parsed by mailparser, read with BODY.PEEK so nothing turns \Seen. */
  async function inbox(auth: { user: string; pass: string }) {
    const client = await imap(auth);
    await client.mailboxOpen('INBOX');
    const messages = [];
    for await (const m of client.fetch('1:*', { uid: true, flags: true, source: true })) {
      const parsed = await simpleParser(m.source as Buffer, { keepDeliveryStatus: true });
      const source = (m.source as Buffer).toString();
      messages.push({ uid: m.uid, flags: m.flags ?? new Set<string>(), source, parsed });
    }
    await client.logout();
    return messages;
  }

  async function countInbox(auth: { user: string; pass: string }): Promise<number> {
    const client = await imap(auth);
    const status = await client.status('INBOX', { messages: true });
    await client.logout();
    return status === false ? -1 : (status.messages ?? -1);
  }

  it('delivers what is sent over SMTP, threading headers intact, and reads it without marking it seen', async () => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    const info = await smtp(rep).sendMail({
      from: rep.user,
      to: prospect.user,
      subject: 'Following up',
      text: 'Any news?\n.\nA line with a lone dot survives.',
      messageId: '<follow-up-2@ourco.test>',
      inReplyTo: '<first-1@client.test>',
      references: ['<intro-0@ourco.test>', '<first-1@client.test>'],
    });
    expect(info.accepted).toEqual([prospect.user]);

    const [message, ...more] = await inbox(prospect);
    expect(more).toEqual([]);
    expect(message?.parsed.messageId).toBe('<follow-up-2@ourco.test>');
    expect(message?.parsed.inReplyTo).toBe('<first-1@client.test>');
    expect(message?.parsed.references).toEqual(['<intro-0@ourco.test>', '<first-1@client.test>']);
    expect(message?.parsed.text).toContain('\n.\nA line with a lone dot');
    // Reading it (BODY.PEEK) left it unread: the rep's own mailbox must look untouched.
    const again = await imap(prospect);
    await again.mailboxOpen('INBOX');
    const flags = await again.fetchOne(String(message?.uid), { flags: true }, { uid: true });
    await again.logout();
    expect(flags === false ? 'no such message' : [...(flags.flags ?? [])]).not.toContain('\\Seen');

    const sent = servers.accepted.filter((m) => m.user === rep.user);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      via: 'submission',
      from: rep.user,
      to: [prospect.user],
      delivered: [prospect.user],
    });
    expect(sent[0]?.raw.toString()).toContain('Message-ID: <follow-up-2@ourco.test>');
  });

  it('refuses to relay without AUTH, and refuses a wrong password', async () => {
    const rep = mailbox('rep');
    const anonymous = nodemailer.createTransport({
      host: servers.smtp.host,
      port: servers.smtp.port,
      ignoreTLS: true,
    });
    await expect(anonymous.sendMail({ from: rep.user, to: rep.user, text: 'x' })).rejects.toMatchObject({
      responseCode: 530,
    });
    await expect(
      smtp({ user: rep.user, pass: 'wrong' }).sendMail({ from: rep.user, to: rep.user, text: 'x' }),
    ).rejects.toMatchObject({
      code: 'EAUTH',
      responseCode: 535,
    });
    await expect(imap({ user: rep.user, pass: 'wrong' })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    expect(servers.accepted.filter((m) => m.from === rep.user)).toEqual([]);
  });

  it('wakes an IDLE connection within a couple of seconds of a delivery', async () => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    const watcher = await imap(rep);
    // mailboxOpen, not getMailboxLock: imapflow does not IDLE while a lock is held.
    await watcher.mailboxOpen('INBOX');
    const arrived = new Promise<number>((resolve) =>
      watcher.on('exists', (e: { count: number }) => resolve(e.count)),
    );
    void watcher.idle();
    await smtp(prospect).sendMail({
      from: prospect.user,
      to: rep.user,
      subject: 'Re: hello',
      text: 'Yes, let us talk.',
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('IDLE saw nothing in 2 s')), 2000);
    });
    expect(await Promise.race([arrived, timeout])).toBe(1);
    clearTimeout(timer);
  });

  it('bounces mail for an unknown address to the sender as an RFC 3464 report', async () => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    const info = await smtp(rep).sendMail({
      from: rep.user,
      to: [prospect.user, 'nobody@ourco.test'],
      subject: 'Quick question',
      text: 'Hello',
      messageId: '<bounce-me@ourco.test>',
    });
    // Accepted, as a real MTA accepts and bounces later; only the known recipient gets it.
    expect(info.accepted).toEqual([prospect.user, 'nobody@ourco.test']);
    expect(await countInbox(prospect)).toBe(1);
    const sent = servers.accepted.find((m) => m.user === rep.user);
    expect(sent).toMatchObject({ delivered: [prospect.user], bounced: ['nobody@ourco.test'] });

    const [dsn, ...more] = await inbox(rep);
    expect(more).toEqual([]);
    const parsed = dsn!.parsed;
    expect(parsed.headers.get('content-type')).toMatchObject({
      value: 'multipart/report',
      params: { 'report-type': 'delivery-status' },
    });
    // Sent from the null sender, as RFC 3464 requires, so a bounce never bounces.
    expect(dsn!.source).toMatch(/^Return-Path: <>\r?$/m);
    const status = parsed.attachments.find((a) => a.contentType === 'message/delivery-status');
    const report = status?.content.toString() ?? '';
    expect(report).toContain('Final-Recipient: rfc822; nobody@ourco.test');
    expect(report).toContain('Action: failed');
    expect(report).toContain('Status: 5.1.1');
    // Dovecot's own answer to the unknown user is the diagnostic.
    expect(report).toMatch(/Diagnostic-Code: smtp; 550 5\.1\.1 .*User doesn't exist/);
    const headers = parsed.attachments.find((a) => a.contentType === 'text/rfc822-headers');
    expect(headers?.content.toString()).toContain('Message-ID: <bounce-me@ourco.test>');
  });

  it('logs in with a live OAuth2 token over IMAP and SMTP, and is refused once it expires', async () => {
    const rep = mailbox('oauth');
    servers.oauth.register(rep.user, 'refresh-1');
    const response = await fetch(servers.oauth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'refresh-1',
        client_id: servers.oauth.clientId,
        client_secret: servers.oauth.clientSecret,
      }),
    });
    expect(response.status).toBe(200);
    const token = (await response.json()) as { access_token: string; expires_in: number; token_type: string };
    expect(token).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect(servers.oauth.refreshCount(rep.user)).toBe(1);

    const client = await imap({ user: rep.user, accessToken: token.access_token });
    expect(client.authenticated).toBeTruthy();
    await client.logout();
    const oauthSmtp = (accessToken: string) =>
      nodemailer.createTransport({
        host: servers.smtp.host,
        port: servers.smtp.port,
        ignoreTLS: true,
        auth: { type: 'OAuth2', user: rep.user, accessToken },
      });
    await oauthSmtp(token.access_token).sendMail({ from: rep.user, to: rep.user, text: 'via XOAUTH2' });
    expect(servers.accepted.filter((m) => m.user === rep.user)).toHaveLength(1);

    servers.oauth.expireAccessTokens(rep.user);
    await expect(imap({ user: rep.user, accessToken: token.access_token })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    await expect(
      oauthSmtp(token.access_token).sendMail({ from: rep.user, to: rep.user, text: 'x' }),
    ).rejects.toMatchObject({
      code: 'EAUTH',
    });
    await expect(imap({ user: rep.user, accessToken: 'never-issued' })).rejects.toMatchObject({
      authenticationFailed: true,
    });
  });

  it("lets nodemailer refresh an expired token through the endpoint, and says invalid_grant once it's revoked", async () => {
    const rep = mailbox('oauth');
    servers.oauth.register(rep.user, 'refresh-2');
    const stale = servers.oauth.issueAccessToken(rep.user);
    servers.oauth.expireAccessTokens(rep.user);
    const transport = () =>
      nodemailer.createTransport({
        host: servers.smtp.host,
        port: servers.smtp.port,
        ignoreTLS: true,
        auth: {
          type: 'OAuth2',
          user: rep.user,
          clientId: servers.oauth.clientId,
          clientSecret: servers.oauth.clientSecret,
          refreshToken: 'refresh-2',
          accessToken: stale,
          accessUrl: servers.oauth.tokenUrl,
        },
      });
    await transport().sendMail({ from: rep.user, to: rep.user, text: 'after a refresh' });
    expect(servers.oauth.refreshCount(rep.user)).toBe(1);

    servers.oauth.expireAccessTokens(rep.user);
    servers.oauth.revokeRefreshToken('refresh-2');
    await expect(transport().sendMail({ from: rep.user, to: rep.user, text: 'x' })).rejects.toThrow(
      /invalid_grant/,
    );
  });

  it('keeps the mail and the ports across an IMAP restart, and delivers what was sent meanwhile', async () => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    await smtp(prospect).sendMail({ from: prospect.user, to: rep.user, text: 'before' });
    const watcher = await imap(rep);
    await watcher.mailboxOpen('INBOX');
    const closed = new Promise<void>((resolve) => watcher.once('close', () => resolve()));
    const ports = { imap: servers.imap.port, lmtp: servers.lmtp.port };

    await servers.stopImap();
    await closed; // the open session is cut, as a real restart cuts it
    await expect(imap(rep)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await smtp(prospect).sendMail({ from: prospect.user, to: rep.user, text: 'while down' });
    expect(servers.queued()).toBe(1);

    await servers.startImap();
    expect({ imap: servers.imap.port, lmtp: servers.lmtp.port }).toEqual(ports);
    expect(servers.queued()).toBe(0);
    expect((await inbox(rep)).map((m) => m.parsed.text?.trim())).toEqual(['before', 'while down']);

    await servers.restartImap();
    expect(await countInbox(rep)).toBe(2);
  });

  it('serves a mailbox added after start, and its changed password', async () => {
    const late = mailbox('late');
    expect(await countInbox(late)).toBe(0);
    await servers.setPassword(late.user, 'new-password');
    await expect(imap(late)).rejects.toMatchObject({ authenticationFailed: true });
    expect(await countInbox({ user: late.user, pass: 'new-password' })).toBe(0);
  });

  it('counts a message delivered even when the connection dropped before the 250', async () => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    servers.failNext('drop-after-accept');
    await expect(
      smtp(rep).sendMail({ from: rep.user, to: prospect.user, text: 'once' }),
    ).rejects.toMatchObject({
      code: 'ECONNECTION',
    });
    expect(servers.accepted.filter((m) => m.user === rep.user)).toMatchObject([
      { acknowledged: false, delivered: [prospect.user] },
    ]);
    // A fault is used up once met: the next send goes through.
    await smtp(rep).sendMail({ from: rep.user, to: prospect.user, text: 'again' });
    expect(servers.accepted.filter((m) => m.user === rep.user)).toMatchObject([
      { acknowledged: false },
      { acknowledged: true },
    ]);
    expect(await countInbox(prospect)).toBe(2);
  });

  it.each([
    ['refuse-connection', { responseCode: 421 }],
    ['drop-connection', { code: 'ECONNECTION' }],
    ['auth-temporary', { code: 'EAUTH', responseCode: 454 }],
    ['mail-temporary', { code: 'EENVELOPE', responseCode: 451 }],
    ['rcpt-permanent', { code: 'EENVELOPE', responseCode: 550 }],
    ['data-temporary', { code: 'EMESSAGE', responseCode: 451 }],
    ['data-permanent', { code: 'EMESSAGE', responseCode: 554 }],
    ['drop-during-data', { code: 'ECONNECTION' }],
  ] as const)('fails the next send on %s, delivering nothing', async (fault, error) => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    servers.failNext(fault);
    await expect(
      smtp(rep).sendMail({ from: rep.user, to: prospect.user, text: 'not this' }),
    ).rejects.toMatchObject(error);
    expect(servers.accepted.filter((m) => m.user === rep.user)).toEqual([]);
    expect(await countInbox(prospect)).toBe(0);
  });

  it.skipIf(!sieveAvailable)('answers with a genuine sieve out-of-office reply', async () => {
    const rep = mailbox('rep');
    const prospect = mailbox('prospect');
    servers.setSieve(
      prospect.user,
      vacationScript({ subject: 'Out of office', body: 'I am away until 12 May 2027.\nBack soon.' }),
    );
    await smtp(rep).sendMail({
      from: rep.user,
      to: prospect.user,
      subject: 'Checking in',
      text: 'Hi',
      messageId: '<check-in@ourco.test>',
    });
    const [reply, ...more] = await inbox(rep);
    expect(more).toEqual([]);
    expect(reply?.parsed.subject).toBe('Out of office');
    expect(reply?.parsed.inReplyTo).toBe('<check-in@ourco.test>');
    // RFC 3834, which is how Pursuit must tell it from a human reply.
    expect(reply?.source).toMatch(/^Auto-Submitted: auto-replied\b/m);
    expect(reply?.parsed.text).toContain('I am away until 12 May 2027.');
    expect(servers.accepted.find((m) => m.via === 'mta' && m.to.includes(rep.user))).toMatchObject({
      from: '',
    });
  });

  it.skipIf(bounceSamples().length === 0)(
    "reads the real bounce samples of Debian's python3-flufl.bounce, with the addresses its tests expect",
    async () => {
      const samples = bounceSamples();
      expect(samples.length).toBeGreaterThan(100);
      const cases = bounceSampleCases();
      expect(cases.length).toBeGreaterThan(80);
      expect(cases.some((c) => c.temporary)).toBe(true);
      for (const c of cases) {
        expect(samples).toContain(c.path);
        // The yale and aol detectors build the address from a bare local part; all others quote it.
        if (c.detector === 'yale' || c.detector === 'aol') continue;
        const text = readFileSync(c.path, 'latin1').toLowerCase();
        for (const address of c.recipients) expect(text).toContain(address.toLowerCase());
      }
      const dsn = cases.find((c) => c.detector === 'dsn' && !c.temporary);
      const parsed = await simpleParser(readFileSync(dsn!.path), { keepDeliveryStatus: true });
      expect(parsed.attachments.some((a) => a.contentType === 'message/delivery-status')).toBe(true);
    },
  );
});
