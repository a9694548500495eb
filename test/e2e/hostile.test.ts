// Hostile content in a real browser (issue 13 item 4): a prospect, contact, note, rep, mailbox and an
// emailed reply (read from a real mailbox by the mail channel) whose text carries HTML and script,
// CRLF, a lone CR, NUL and RTL overrides, and a CSV whose cells do, are shown on every page that
// shows them (Today, the prospect page, Pipeline, Team charts with their tooltips, Settings, the
// import preview): as text, never run, and with no RTL override left to reverse what follows. A dialog trap fails the test on any alert, and no element the
// payloads would create (each has an id starting "pwn") may exist.

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import type { Api } from '../../src/api/build-app.js';
import type { AppContext } from '../../src/app/context.js';
import { updateUser } from '../../src/app/accounts/users.js';
import { createDemo } from '../../src/app/demo/demo.js';
import { deliver } from '../../src/app/mail/deliver.js';
import { connectMailbox } from '../../src/app/mail/mailboxes.js';
import { queueEmail } from '../../src/app/mail/outbox.js';
import { mailRounds } from '../../src/app/mail/worker.js';
import { logEvent } from '../../src/app/prospects/logging.js';
import { addProspect } from '../../src/app/prospects/prospects.js';
import { users } from '../../src/store/repositories/people.repository.js';
import type { User } from '../../src/core/records.js';
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

const REP = 'priya@northwind.test';
const CONTACT = 'pat@hostile.test';

/** Markup that would run, each piece marked with an id starting "pwn" to find it if it lands. */
const script = (n: number) =>
  `<img src=x id=pwn${n}a onerror="alert('${n}')"><svg id=pwn${n}b onload="alert('${n}')"></svg><script id=pwn${n}c>alert('${n}')</script>`;
const PROSPECT = `Acme ${script(1)} gnp.exe`;
const CONTACT_NAME = `Pat "><iframe id=pwn2 srcdoc="<script>parent.alert(2)</script>">\r\nX-Injected: 1`;
const NOTE = `<a id=pwn3 href="javascript:alert(3)">open</a>\r\nline two\rline three end {{constructor.constructor('alert(3)')()}} ${script(4)}`;
const USER_NAME = `Priya <img src=x id=pwn5 onerror="alert(5)">`;
const MAILBOX_NAME = `Priya <svg id=pwn6 onload="alert(6)">`;
const REPLY_TEXT = `${script(7)}\r\nYes, happy to talk. Thursday works for me.\r\n\u202Etxt.exe\u0000\r\nBest`;
const CSV = `Company,Contact,Email,Note\r\n"${script(8).replace(/"/g, '""')}","<b id=pwn9>Bold</b>\u202E",x@y.test,"=HYPERLINK(""http://x.test"",""y"")\r\n<script id=pwn10>alert(10)</script>"\r\n`;

const skip = !browserAvailable ? browserSkip : !mailAvailable ? ` (skipped: ${mailSkipReason})` : '';

describe.skipIf(!browserAvailable || !mailAvailable)(`hostile content in Chromium${skip}`, () => {
  let servers: MailServers;
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let base: string;
  let browser: Browser;
  let prospectId = '';
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  const visited: string[] = [];

  beforeAll(async () => {
    servers = await startMailServers();
    servers.addMailbox(REP, 'priya-pw');
    servers.addMailbox(CONTACT, 'pat-pw');
    t = await freshDatabase('sqlite');
    const clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));
    ctx = { ...appContext(t.db, clock), secretKey: 'k'.repeat(40), publicUrl: 'https://pursuit.test' };
    await createDemo(ctx, { prospects: 30 });
    const [admin] = await users.findByEmail(t.db.kysely, 'avery@northwind.test');
    const [priya] = await users.findByEmail(t.db.kysely, REP);
    const rep = await updateUser(ctx, admin as User, (priya as User).id, { name: USER_NAME });
    await connectMailbox(ctx, rep, {
      ...servers.connection(REP, 'priya-pw'),
      name: MAILBOX_NAME,
    });
    const p = await addProspect(ctx, rep, {
      name: PROSPECT,
      contact: { name: CONTACT_NAME, email: CONTACT },
    });
    prospectId = p.id;
    // Our email goes out with a hostile subject; their reply comes back with one, and is read.
    clock.advance(61_000);
    const item = await queueEmail(ctx, rep, p.id, { subject: `Hello ${script(11)}`, body: 'Hi' });
    expect((await deliver(ctx, item.id)).outcome).toBe('sent');
    clock.advance(3_600_000);
    await nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: servers.smtp.port,
        secure: false,
        ignoreTLS: true,
        auth: { user: CONTACT, pass: 'pat-pw' },
      })
      .sendMail({
        from: { name: `Pat ${script(12)}`, address: CONTACT },
        to: REP,
        subject: `Re: Hello <script id=pwn13>alert(13)</script>\u202E`,
        text: REPLY_TEXT,
        html: `<p>Yes</p>${script(14)}`,
        inReplyTo: item.messageId,
        references: item.messageId,
        date: new Date(clock.t),
      });
    const rounds = await mailRounds(ctx);
    expect(rounds.map((r) => r.sync?.replies ?? 0).reduce((a, b) => a + b, 0)).toBe(1);
    // A call they agreed to, now due, with a note.
    await logEvent(ctx, rep, p.id, {
      type: 'commitment',
      kind: 'call',
      due: '2026-03-10T16:00:00Z',
      description: NOTE,
    });
    app = (await buildApp(ctx, { webRoot: WEB_ROOT, checkAnswers: true })).app;
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await servers?.stop();
    await t?.drop();
  });

  async function page(email: string): Promise<Page> {
    const p = await signedInPage(browser, base, email, { errors: consoleErrors });
    p.on('dialog', (d) => {
      dialogs.push(`${email} ${p.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    return p;
  }

  /**
   * Nothing ran and nothing landed; the text `shown` is on the page as text; and no RTL override was
   * kept to reverse what follows it (a file's preview shows its cells as they are, each in its own).
   */
  async function inert(p: Page, where: string, shown: string[], preview = false): Promise<void> {
    for (const text of shown) await p.getByText(text, { exact: false }).first().waitFor();
    const landed = await p.evaluate<string[]>(
      '[...document.querySelectorAll(\'[id^="pwn"]\')].map((e) => e.id)',
    );
    expect(landed, where).toEqual([]);
    expect(dialogs, where).toEqual([]);
    if (!preview)
      expect(await p.evaluate<string>('document.body.innerText'), where).not.toMatch(/[\u202a-\u202e]/);
    visited.push(where);
  }

  it('catches a payload that does run: the trap itself works', async () => {
    const p = await browser.newPage();
    const caught: string[] = [];
    p.on('dialog', (d) => {
      caught.push(d.message());
      void d.dismiss();
    });
    await p.setContent(`<main>${script(0)}</main>`);
    await expect.poll(() => caught.length).toBeGreaterThanOrEqual(2);
    expect(await p.evaluate<number>('document.querySelectorAll(\'[id^="pwn"]\').length')).toBe(3);
    await p.close();
  }, 60_000);

  it("shows the hostile prospect, contact, note, reply and rep as text on the rep's pages", async () => {
    const p = await page(REP);
    // Today: the prospect with its reply to answer, and the rep's name in the bar.
    await inert(p, 'Today', ['Acme <img src=x id=pwn1a', 'Priya <img src=x id=pwn5']);
    expect(await p.locator('.who').textContent()).toMatch(/ · rep$/);
    await p.screenshot({ path: join(SHOTS, 'hostile-today.png'), fullPage: true });
    // The prospect page: name, contact, timeline note, the email and the reply read from the mailbox.
    await p.goto(`${base}/prospects/${prospectId}`);
    await p.getByRole('heading', { name: 'What to do next' }).waitFor();
    await inert(p, 'prospect page', [
      'Acme <img src=x id=pwn1a',
      'Pat "><iframe id=pwn2',
      '<a id=pwn3 href="javascript:alert(3)">open</a>',
      'Hello <img src=x id=pwn11a',
      'Yes, happy to talk',
    ]);
    await p.screenshot({ path: join(SHOTS, 'hostile-prospect.png'), fullPage: true });
    // Every link on the page goes where it says: none runs script.
    const hrefs = await p.evaluate<string[]>("[...document.querySelectorAll('a')].map((a) => a.href)");
    expect(hrefs.filter((h) => h.trim().toLowerCase().startsWith('javascript:'))).toEqual([]);
    await p.goto(`${base}/pipeline`);
    await p.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor();
    await inert(p, 'Pipeline', ['Acme <img src=x id=pwn1a']);
    await p.goto(`${base}/settings`);
    await p.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await inert(p, 'Settings (rep)', ['Priya <img src=x id=pwn5']);
    // The search: the payload typed into the API's search is answered as data.
    const found = await p.evaluate(async (q) => {
      const r = await fetch(`/api/prospects?search=${encodeURIComponent(q)}`);
      return { type: r.headers.get('content-type'), body: await r.text() };
    }, '<img src=x id=pwn1a');
    expect(found.type).toMatch(/^application\/json/);
    await inert(p, 'search', []);
    await p.context().close();
  }, 120_000);

  it("shows the hostile rep name on the manager's charts, tooltips included", async () => {
    const p = await page('morgan@northwind.test');
    await p.goto(`${base}/team`);
    await p.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    const charts = p.locator('svg');
    await charts.first().waitFor();
    // Sweep the pointer over every chart, so each axis and item tooltip shows the rep names.
    for (const box of await charts.all()) {
      const b = await box.boundingBox();
      if (b === null || b.width < 100) continue;
      for (let x = b.x + 10; x < b.x + b.width; x += b.width / 12) {
        await p.mouse.move(x, b.y + b.height / 2);
        await p.mouse.move(x, b.y + b.height * 0.8);
      }
    }
    await inert(p, 'Team', []);
    // Shown as text (the axis puts a name on two lines, each an SVG text: "Priya", then the rest).
    expect(await p.content()).toMatch(/>Priya<\/text><text[^>]*>&lt;img src=x id=pwn5 /);
    await p.screenshot({ path: join(SHOTS, 'hostile-team.png'), fullPage: true });
    await p.goto(`${base}/pipeline`);
    await p.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor();
    await inert(p, 'Pipeline (manager)', ['Acme <img src=x id=pwn1a']);
    await p.context().close();
  }, 120_000);

  it("shows the admin's people list and a hostile CSV's preview as text", async () => {
    const p = await page('avery@northwind.test');
    await p.goto(`${base}/settings`);
    await p.getByRole('heading', { name: 'People' }).waitFor();
    await inert(p, 'Settings (admin)', ['Priya <img src=x id=pwn5']);
    const dir = mkdtempSync(join(tmpdir(), 'pursuit-hostile-'));
    writeFileSync(join(dir, 'hostile.csv'), CSV);
    await p.goto(`${base}/import`);
    await p.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await p.locator('input[type="file"]').setInputFiles(join(dir, 'hostile.csv'));
    await inert(p, 'Import preview', ['<b id=pwn9>Bold</b>', '=HYPERLINK("http://x.test","y")'], true);
    await p.screenshot({ path: join(SHOTS, 'hostile-import.png'), fullPage: true });
    for (const path of ['/', '/playbook', '/team']) {
      await p.goto(`${base}${path}`);
      await p.locator('main h1').first().waitFor();
      await inert(p, `admin ${path}`, []);
    }
    await p.context().close();
  }, 120_000);

  it('ran nothing anywhere, and the pages raised no errors', () => {
    expect(dialogs).toEqual([]);
    expect(faults(consoleErrors)).toEqual([]);
    expect(visited.length).toBeGreaterThanOrEqual(12);
  });
});
