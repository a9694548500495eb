// Email in a real browser (Debian's Chromium, driven by playwright-core) against a real server on
// loopback, a real SQLite file with the demo organisation, and real mail servers (Dovecot for IMAP,
// an SMTP server delivering into it), on the tests' fixed clock. Without the server's key, Settings
// says what the admin must set and Today offers no Send. A rep connects their mailbox in Settings
// (a wrong password is named and its input marked), sends an agenda email as edited (the SMTP
// server takes exactly that, once) and sees the next step; settles a send that was cut off with
// "It went"; queues one for the contact's hours and cancels it from the outbox strip; sees a refused
// address bounce; and on the prospect's page finds the email and the reply read from the mailbox,
// with the deciding words marked, and corrects how it was read. Copy works without the Clipboard
// API (a plain-http address). Disconnecting asks first. Screenshots go to
// test-artifacts/screenshots.

import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import type { Api } from '../../src/api/build-app.js';
import type { AppContext } from '../../src/app/context.js';
import { createDemo } from '../../src/app/demo/demo.js';
import { mailRounds } from '../../src/app/mail/worker.js';
import {
  SHOTS,
  WEB_ROOT,
  browserAvailable,
  browserSkip,
  faults,
  launchBrowser,
  signedInPage,
} from '../support/browser.js';
import { TestClock, appContext, freshDatabase } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';
import { mailAvailable, mailSkipReason, startMailServers } from '../support/mail-servers.js';
import type { MailServers } from '../support/mail-servers.js';

// Priya works in New York: the fixed clock is Tuesday 2026-03-10, 11:00 there.
const REP = 'priya@northwind.test';
const MAILBOX_PASSWORD = 'priya-mailbox-pw';
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const skip = !browserAvailable ? browserSkip : !mailAvailable ? ` (skipped: ${mailSkipReason})` : '';

describe.skipIf(!browserAvailable || !mailAvailable)(`email in Chromium${skip}`, () => {
  let servers: MailServers;
  let t: TestDb;
  let clock: TestClock;
  let ctx: AppContext;
  let app: Api;
  let keyless: Api;
  let base: string;
  let keylessBase: string;
  let browser: Browser;
  const consoleErrors: string[] = [];
  /** The first email sent: its prospect and address, for the prospect page. */
  let first: { name: string; address: string; subject: string } | undefined;

  const signedIn = (at = base, viewport = LAPTOP): Promise<Page> =>
    signedInPage(browser, at, REP, { viewport, errors: consoleErrors });

  beforeAll(async () => {
    servers = await startMailServers();
    servers.addMailbox(REP, MAILBOX_PASSWORD);
    t = await freshDatabase('sqlite');
    clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));
    const plain = appContext(t.db, clock);
    ctx = { ...plain, secretKey: 'k'.repeat(40), publicUrl: 'https://pursuit.example.test' };
    await createDemo(ctx, { prospects: 40 });
    app = (await buildApp(ctx, { webRoot: WEB_ROOT, checkAnswers: true })).app;
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    // The same organisation served without PURSUIT_SECRET_KEY: no mailbox can be connected.
    keyless = (await buildApp(plain, { webRoot: WEB_ROOT, checkAnswers: true })).app;
    keylessBase = await keyless.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await keyless?.close();
    await app?.close();
    await servers?.stop();
    await t?.drop();
  });

  const items = (page: Page) => page.getByTestId('agenda-item');
  const emailItems = (page: Page) =>
    items(page).filter({ has: page.locator('.badge', { hasText: /by email$/ }) });
  const itemFor = (page: Page, name: string) =>
    items(page).filter({ has: page.getByRole('link', { name, exact: true }) });

  /** Opens an item's draft (a disclosure) and returns it. */
  async function openDraft(item: Locator): Promise<Locator> {
    const draft = item.locator('details.draft');
    if ((await draft.getAttribute('open')) === null) await draft.locator('summary').click();
    return draft;
  }

  /** A prospect added by the rep through the API, whose contact has an email and no phone: its first step is an email. */
  async function addEmailProspect(page: Page, name: string, email: string, timezone: string) {
    servers.addMailbox(email, 'contact-pw');
    await page.evaluate(
      async ({ name, email, timezone }) => {
        const session = (await (await fetch('/api/session')).json()) as { csrf: string };
        const r = await fetch('/api/prospects', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
          body: JSON.stringify({ name, contact: { name: `Pat ${name}`, email, timezone } }),
        });
        if (!r.ok) throw new Error(await r.text());
      },
      { name, email, timezone },
    );
    await page.reload();
    const item = itemFor(page, name);
    await item.waitFor();
    return item;
  }

  const acceptedFor = (address: string) => servers.accepted.filter((m) => m.to.includes(address));

  it('says, without the server’s key, that the admin must set PURSUIT_SECRET_KEY, and offers no Send', async () => {
    const page = await signedIn(keylessBase);
    const item = emailItems(page).first();
    const draft = await openDraft(item);
    expect(await draft.getByRole('button', { name: 'Copy' }).count()).toBe(1);
    expect(await draft.getByRole('button', { name: 'Send' }).count()).toBe(0);
    // Nothing to connect on this server: no hint to go and connect.
    expect(await draft.getByRole('link', { name: /Connect your mailbox/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Your mailbox' });
    await section.getByText(/PURSUIT_SECRET_KEY/).waitFor();
    expect(await section.getByRole('form').count()).toBe(0);
    expect(await section.getByRole('textbox').count()).toBe(0);
    await section.screenshot({ path: join(SHOTS, 'mailbox-no-key.png') });
    await page.context().close();
  }, 60_000);

  it('connects the mailbox in Settings, naming the field of a failure', async () => {
    const page = await signedIn();
    // No mailbox yet: an email's draft says where to connect one, in place of Send.
    const draft = await openDraft(emailItems(page).first());
    expect(await draft.getByRole('button', { name: 'Send' }).count()).toBe(0);
    await draft.getByRole('link', { name: 'Connect your mailbox in Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    const section = page.getByRole('region', { name: 'Your mailbox' });
    const form = section.getByRole('form', { name: 'Connect your mailbox' });
    expect(await form.getByLabel('Email address').inputValue()).toBe(REP);
    // A company's own domain says nothing of its provider: the rep chooses.
    expect(await form.getByLabel('Provider').inputValue()).toBe('');
    expect(await form.getByLabel('SMTP server').count()).toBe(0);
    await form.getByLabel('Provider').selectOption('gmail');
    await form
      .getByText(/app password/)
      .first()
      .waitFor();
    expect(await form.getByLabel('File a copy of sent emails in Sent').isChecked()).toBe(false);
    // OAuth2 in place of the password, behind a disclosure.
    const oauth = form.getByRole('button', { name: 'Use OAuth2 instead' });
    expect(await oauth.getAttribute('aria-expanded')).toBe('false');
    await oauth.click();
    await form.getByLabel('Refresh token').waitFor();
    expect(await form.getByLabel('Password', { exact: true }).count()).toBe(0);
    await section.screenshot({ path: join(SHOTS, 'mailbox-gmail-oauth.png') });
    await form.getByRole('button', { name: 'Use a password instead' }).click();
    await form.getByLabel('Refresh token').waitFor({ state: 'detached' });
    await form.getByLabel('Provider').selectOption('other');
    expect(await form.getByLabel('File a copy of sent emails in Sent').isChecked()).toBe(true);
    expect(await form.getByLabel('Username').inputValue()).toBe(REP);
    const sending = form.getByRole('group', { name: 'Sending (SMTP)' });
    const reading = form.getByRole('group', { name: 'Reading (IMAP)' });
    await sending.getByLabel('SMTP server').fill('127.0.0.1');
    await sending.getByLabel('Port').fill(String(servers.smtp.port));
    await sending.getByLabel('Security').selectOption('none');
    await reading.getByLabel('IMAP server').fill('127.0.0.1');
    await reading.getByLabel('Port').fill(String(servers.imap.port));
    await reading.getByLabel('Security').selectOption('none');
    await form.getByLabel('Password', { exact: true }).fill('not the password');
    await page.screenshot({ path: join(SHOTS, 'mailbox-form.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await section.screenshot({ path: join(SHOTS, 'mailbox-form-phone.png') });
    await page.setViewportSize(LAPTOP);
    await form.getByRole('button', { name: 'Connect mailbox' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^Sending \(SMTP\): cannot send: /);
    expect(await form.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await section.screenshot({ path: join(SHOTS, 'mailbox-failed.png') });

    // A server that cannot be reached: its name is marked.
    await form.getByLabel('Password', { exact: true }).fill(MAILBOX_PASSWORD);
    await reading.getByLabel('Port').fill('1');
    await form.getByRole('button', { name: 'Connect mailbox' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: /^Reading \(IMAP\): cannot read mail: / })
      .waitFor();
    expect(await reading.getByLabel('IMAP server').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    await reading.getByLabel('Port').fill(String(servers.imap.port));
    await form.getByRole('button', { name: 'Connect mailbox' }).click();
    // The test's Dovecot has no Sent folder (a new mailbox): the rep is told no copies are filed.
    await section
      .getByRole('status')
      .filter({ hasText: `Connected ${REP}: both servers answered. Its server shows no Sent folder` })
      .waitFor();
    const card = await section.locator('dl').textContent();
    expect(card).toContain('Working');
    expect(card).toContain(`127.0.0.1:${servers.smtp.port}, no encryption`);
    expect(card).toContain('not filed by Pursuit');
    // The password is never shown again, nor put in the page.
    expect(await page.content()).not.toContain(MAILBOX_PASSWORD);
    await section.getByRole('button', { name: 'Test again' }).click();
    await section.getByRole('status').filter({ hasText: 'Both servers answered: it works.' }).waitFor();
    expect(await section.getByRole('status').count()).toBe(1);
    await section.screenshot({ path: join(SHOTS, 'mailbox-connected.png') });
    await page.setViewportSize(PHONE);
    await section.screenshot({ path: join(SHOTS, 'mailbox-connected-phone.png') });

    // Disconnecting asks first, in place.
    await section.getByRole('button', { name: 'Disconnect' }).click();
    const confirm = section.getByRole('group', { name: /^Disconnect priya@northwind\.test\?/ });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await section.getByText('Working').count()).toBe(1);
    await page.context().close();
  }, 60_000);

  it('sends an agenda email as edited, exactly once, and shows the next step', async () => {
    const page = await signedIn();
    // One of the demo's emails; should the demo have none for Priya, one of her own.
    const demo = (await emailItems(page).count()) > 0;
    const item = demo
      ? emailItems(page).first()
      : await addEmailProspect(page, 'Lakeside Freight', 'lee@lakeside.test', 'America/New_York');
    const name = (await item.locator('.head a.prospect').textContent()) ?? '';
    const address = ((await item.locator('.contact').textContent()) ?? '').split(' · ')[1] ?? '';
    expect(address).toMatch(/@/);
    // The contact's mailbox, so that the email is delivered (and they can answer).
    if (demo) servers.addMailbox(address, 'contact-pw');

    // Review and send: the draft opens with the focus on Send.
    await item.getByRole('button', { name: 'Review and send' }).click();
    const draft = item.locator('details.draft');
    await draft.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Send');
    const subject = `${await draft.getByLabel('Subject').inputValue()} (next week?)`;
    await draft.getByLabel('Subject').fill(subject);
    const body = `${await draft.getByLabel('Message').inputValue()}\n\nP.S. Tuesday or Wednesday suits me.`;
    await draft.getByLabel('Message').fill(body);
    await page.setViewportSize(PHONE);
    await item.screenshot({ path: join(SHOTS, 'today-draft-phone.png') });
    await page.setViewportSize(LAPTOP);
    await draft.getByRole('button', { name: 'Send', exact: true }).click();
    const state = item.getByRole('status');
    await expect(state.textContent()).resolves.toMatch(/^Sent at 11:00 AM EDT\./);
    await item.getByText(/Next: /).waitFor();
    expect(await state.textContent()).toMatch(/Next: [A-Z-]+/);
    // The Send button is gone: the focus is on what became of the email.
    // (Polled: on a loaded machine the focus may move a moment after the answer is shown.)
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent'), {
        timeout: 15_000,
      })
      .toMatch(/^Sent at /);
    // Sent: no second Send, and nothing left to log by hand.
    expect(await draft.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    expect(await item.getByRole('button', { name: 'Log as sent' }).count()).toBe(0);

    const taken = acceptedFor(address);
    expect(taken).toHaveLength(1);
    const parsed = await simpleParser(taken[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toContain('P.S. Tuesday or Wednesday suits me.');
    first = { name, address, subject };

    expect(await page.getByRole('region', { name: 'Outbox' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'today-sent.png'), fullPage: true });
    await item.screenshot({ path: join(SHOTS, 'today-sent-item.png') });
    await page.setViewportSize(PHONE);
    await item.scrollIntoViewIfNeeded();
    await item.screenshot({ path: join(SHOTS, 'today-sent-phone.png') });
    await page.context().close();
  }, 60_000);

  it('settles a send that was cut off: "It went" logs it, and it went once', async () => {
    const page = await signedIn();
    const item = await addEmailProspect(page, 'Cutoff Labs', 'pat@cutoff.test', 'America/New_York');
    // A minute after the last email, so the mailbox's spacing lets it go at once.
    clock.advance(61_000);
    servers.failNext('drop-after-accept');
    const draft = await openDraft(item);
    await draft.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(item.getByRole('status').textContent()).resolves.toBe(
      'It may have gone: check your Sent folder.',
    );
    // The outbox strip holds it too, with the same question.
    const outbox = page.getByRole('region', { name: 'Outbox' });
    await outbox.waitFor();
    expect(await outbox.textContent()).toContain('Cutoff Labs');
    expect(await outbox.getByRole('button', { name: 'It went' }).count()).toBe(1);
    const question = item.getByRole('group', { name: /^Did the email to .* go\?$/ });
    expect(await question.getByRole('button', { name: 'Send it again' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'today-unconfirmed.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await outbox.screenshot({ path: join(SHOTS, 'today-unconfirmed-outbox-phone.png') });
    await item.screenshot({ path: join(SHOTS, 'today-unconfirmed-phone.png') });
    await page.setViewportSize(LAPTOP);

    await question.getByRole('button', { name: 'It went' }).click();
    await item
      .getByRole('status')
      .filter({ hasText: /^Sent at / })
      .waitFor();
    await item.getByText(/Next: /).waitFor();
    await outbox.waitFor({ state: 'detached' });
    expect(acceptedFor('pat@cutoff.test')).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it("queues an email for the contact's hours, and cancels it from the outbox strip", async () => {
    const page = await signedIn();
    // 00:00 in Tokyo: their hours start in the morning there.
    const item = await addEmailProspect(page, 'Tokyo Trading KK', 'ken@tokyo.test', 'Asia/Tokyo');
    const draft = await openDraft(item);
    await draft.getByRole('button', { name: 'Send in their hours' }).click();
    await expect(item.getByRole('status').textContent()).resolves.toMatch(
      /^Queued for .+, in their hours\.$/,
    );
    const outbox = page.getByRole('region', { name: 'Outbox' });
    const queued = outbox.getByTestId('outbox-email').filter({ hasText: 'Tokyo Trading KK' });
    await queued.waitFor();
    await outbox.screenshot({ path: join(SHOTS, 'today-outbox.png') });
    await queued.getByRole('button', { name: /^Cancel the email to / }).click();
    await item
      .getByRole('status')
      .filter({ hasText: /^Cancelled: not sent\.$/ })
      .waitFor();
    await outbox.waitFor({ state: 'detached' });
    // Cancelled: it can be sent again, or logged by hand.
    await draft.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await item.getByRole('button', { name: 'Log as sent' }).count()).toBe(1);
    expect(acceptedFor('ken@tokyo.test')).toHaveLength(0);

    // From the prospect's page the same: Review and send, then cancel it in the Email section.
    await item.locator('.head a.prospect').click();
    await page.getByRole('heading', { name: 'Tokyo Trading KK', level: 1 }).waitFor();
    const decision = page.getByRole('region', { name: 'What to do next' });
    await decision.getByRole('button', { name: 'Review and send' }).click();
    await decision.getByRole('button', { name: 'Send in their hours' }).click();
    await decision
      .getByRole('status')
      .filter({ hasText: /^Queued for .+, in their hours\.$/ })
      .waitFor();
    const listed = page.getByRole('region', { name: 'Email', exact: true }).getByTestId('email');
    await listed.getByRole('button', { name: /^Cancel the email to / }).click();
    // This one and the one cancelled from Today: the page keeps both, as not sent.
    await expect
      .poll(() => listed.getByRole('status').filter({ hasText: 'Cancelled: not sent.' }).count())
      .toBe(2);
    expect(acceptedFor('ken@tokyo.test')).toHaveLength(0);
    await page.context().close();
  }, 60_000);

  it('shows an address the server refused as bounced, there and on the prospect page', async () => {
    const page = await signedIn();
    const item = await addEmailProspect(page, 'Nowhere Works', 'gone@nowhere.test', 'America/New_York');
    clock.advance(61_000);
    servers.failNext('rcpt-permanent');
    const draft = await openDraft(item);
    await draft.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(item.getByRole('status').textContent()).resolves.toMatch(
      /^Bounced: .*Recipient address rejected.*\. No more email goes to gone@nowhere\.test\./,
    );
    await item.getByText(/Next: /).waitFor();
    await item.locator('.head a.prospect').click();
    const contacts = page.getByRole('region', { name: 'Contacts', exact: true });
    await contacts.getByText('email bounced').waitFor();
    expect(await contacts.textContent()).toContain('gone@nowhere.test');
    await page.context().close();
  }, 60_000);

  it("lists the email on the prospect's page, and the reply with how it was read, which the rep corrects", async () => {
    expect(first).toBeDefined();
    const { name, address, subject } = first as NonNullable<typeof first>;
    const raw = acceptedFor(address)[0]?.raw ?? Buffer.alloc(0);
    const messageId = (await simpleParser(raw)).messageId ?? '';
    // Their answer, an hour later, in the thread; then Pursuit reads the mailbox, as its worker does.
    clock.advance(3_600_000);
    await nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: servers.smtp.port,
        secure: false,
        ignoreTLS: true,
        auth: { user: address, pass: 'contact-pw' },
      })
      .sendMail({
        from: address,
        to: REP,
        subject: subject.startsWith('Re: ') ? subject : `Re: ${subject}`,
        text: 'Yes, happy to talk. Thursday at 2pm works for me.\n\nBest',
        inReplyTo: messageId,
        references: messageId,
        date: new Date(clock.t),
      });
    const rounds = await mailRounds(ctx);
    expect(rounds.map((r) => r.sync?.replies ?? 0).reduce((a, b) => a + b, 0)).toBe(1);

    const page = await signedIn();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    // The prospect page, by its name in the pipeline's search.
    const id = await page.evaluate(async (name) => {
      const r = await fetch(`/api/prospects?search=${encodeURIComponent(name)}`);
      const found = (await r.json()) as { items: { id: string; name: string }[] };
      return found.items.find((p) => p.name === name)?.id ?? '';
    }, name);
    await page.goto(`${base}/prospects/${id}`);
    const mail = page.getByRole('region', { name: 'Email', exact: true });
    const email = mail.getByTestId('email');
    await email.first().waitFor();
    expect(await email.count()).toBe(1);
    expect(await email.textContent()).toContain(subject);
    expect(await email.textContent()).toContain('Sent at');
    const reply = mail.getByTestId('reply');
    expect(await reply.count()).toBe(1);
    expect(await reply.locator('.chip').textContent()).toBe('Positive');
    const marked = await reply.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect('Yes, happy to talk. Thursday at 2pm works for me.'.toLowerCase()).toContain(
      (marked[0] ?? '?').toLowerCase(),
    );
    const decision = page.locator('.decision .action');
    const before = await decision.textContent();
    await page.screenshot({ path: join(SHOTS, 'prospect-email.png'), fullPage: true });

    // They meant "not now": one click, and its date.
    const correct = reply.locator('details.correct');
    if ((await correct.getAttribute('open')) === null) await correct.locator('summary').click();
    const kinds = reply.getByRole('group', { name: 'Read this reply as' });
    expect(await kinds.getByRole('button', { name: 'Positive' }).getAttribute('aria-pressed')).toBe('true');
    await kinds.getByRole('button', { name: 'Not now' }).click();
    await reply.getByLabel(/Talk again after/).fill('2026-04-06');
    await reply.getByRole('button', { name: 'Save' }).click();
    await expect(reply.getByRole('status').textContent()).resolves.toBe(
      'Now read as not now: the next step is decided again.',
    );
    await expect.poll(() => reply.locator('.chip').textContent()).toBe('Not now until Mon, Apr 6');
    await reply.getByText('corrected by you').waitFor();
    // The page's decision follows the correction.
    await expect.poll(() => decision.textContent()).not.toBe(before);
    await mail.screenshot({ path: join(SHOTS, 'prospect-email-corrected.png') });
    await page.setViewportSize(PHONE);
    await mail.screenshot({ path: join(SHOTS, 'prospect-email-phone.png') });
    await page.context().close();
  }, 90_000);

  it('copies a draft without the Clipboard API, as on a plain-http address', async () => {
    const page = await signedIn();
    // On http://host-name (not a secure context) the browser has no navigator.clipboard at all.
    await page.addInitScript(
      "Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })",
    );
    await page.reload();
    const draft = await openDraft(items(page).first());
    await draft.getByRole('button', { name: 'Copy' }).click();
    await expect(draft.getByRole('status').textContent()).resolves.toBe('Copied to the clipboard.');
    expect(await draft.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    await page.context().close();
  }, 60_000);

  it('disconnects the mailbox after asking; Today then offers to connect one again', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Your mailbox' });
    await section.getByRole('button', { name: 'Disconnect' }).click();
    // The focus is on the choice that changes nothing.
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Keep it');
    await section.getByRole('button', { name: 'Yes, disconnect' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: `Disconnected ${REP}:` })
      .waitFor();
    await section.getByRole('form', { name: 'Connect your mailbox' }).waitFor();
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    const draft = await openDraft(emailItems(page).first());
    await draft.getByRole('link', { name: 'Connect your mailbox in Settings' }).waitFor();
    expect(await draft.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('logged no errors in the browser console', () => {
    // The browser reports every 4xx answer; those are the app handling bad input (400, 409).
    expect(faults(consoleErrors)).toEqual([]);
  });
});
