// The web app in a real browser (Debian's Chromium, driven by playwright-core) against a real server
// on loopback and a real SQLite file with the demo organisation: sign in, work the agenda (log a
// voicemail and see the next action), log a commitment and download its invite, open a prospect and
// read the decision's reason; a rep cannot open another rep's prospect; a manager sees the team's
// charts; a new inbound lead shows up on the rep's open page. Screenshots of every page go
// to test-artifacts/screenshots.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.js';
import type { Api } from '../../src/api/build-app.js';
import { createDemo, DEMO_PASSWORD } from '../../src/app/demo/demo.js';
import {
  ROOT,
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

/**
 * The first item with this button, pinned by its place: once logged it no longer has the button,
 * and a filter would move on to another item.
 */
async function pinned(items: Locator, button: string): Promise<Locator> {
  const count = await items.count();
  for (let i = 0; i < count; i += 1) {
    if ((await items.nth(i).getByRole('button', { name: button }).count()) > 0) return items.nth(i);
  }
  throw new Error(`no agenda item offers "${button}"`);
}

describe.skipIf(!browserAvailable)(`the web app in Chromium${browserSkip}`, () => {
  let t: TestDb;
  let app: Api;
  let base: string;
  let browser: Browser;
  const consoleErrors: string[] = [];

  const signedIn = (email: string, viewport = { width: 1280, height: 900 }): Promise<Page> =>
    signedInPage(browser, base, email, { viewport, errors: consoleErrors });

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    // A fixed clock, as in every test: Tuesday 10:00 in New York, 08:00 in Denver. The pages count
    // "overdue by" from the server's clock, so they show the same whenever the tests run.
    const ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    await createDemo(ctx, { prospects: 90 });
    app = (await buildApp(ctx, { webRoot: WEB_ROOT, checkAnswers: true })).app;
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('refuses a wrong password, naming the problem', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByLabel('Email').fill('dana@northwind.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('wrong email or password');
    await page.screenshot({ path: join(SHOTS, 'sign-in.png') });
    await page.close();
  }, 60_000);

  it("works a rep's day: a voicemail logged shows the next action at once", async () => {
    const page = await signedIn('dana@northwind.test');
    await page.screenshot({ path: join(SHOTS, 'today.png'), fullPage: true });
    const items = page.getByTestId('agenda-item');
    expect(await items.count()).toBeGreaterThan(3);
    const call = await pinned(items, 'Voicemail');
    const name = await call.locator('.head a.prospect').textContent();
    await call.getByRole('button', { name: 'Voicemail' }).click();
    const next = call.getByRole('status');
    await expect(next.textContent()).resolves.toMatch(/^Logged voicemail\. Next: /);
    expect(await next.textContent()).toMatch(/FOLLOW-UP|BREAK-UP|WAIT|NURTURE/);
    await call.screenshot({ path: join(SHOTS, 'today-logged.png') });
    expect(name).not.toBe('');
    await page.context().close();
  }, 60_000);

  it('logs a commitment and downloads its invite for both calendars', async () => {
    const page = await signedIn('dana@northwind.test');
    const item = await pinned(page.getByTestId('agenda-item'), 'Email sent');
    await item.getByRole('button', { name: 'Next step agreed…' }).click();
    await item.getByLabel('When (your time)').fill('2026-03-12T10:30');
    await item.getByLabel('About', { exact: true }).fill('review the proposal');
    await item.getByRole('button', { name: 'Log commitment' }).click();
    const link = item.getByRole('link', { name: 'Download the invite (.ics)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('review the proposal');
    expect(text).toContain('mailto:dana@northwind.test');
    await page.context().close();
  }, 60_000);

  it("opens a prospect and reads the decision's reason, timeline and contacts", async () => {
    const page = await signedIn('dana@northwind.test');
    // A reply to answer: its timeline holds at least that reply.
    const first = page
      .getByTestId('agenda-item')
      .filter({ has: page.locator('.badge.respond') })
      .first();
    const reason = (await first.locator('.reason').textContent()) ?? '';
    await first.locator('.head a.prospect').click();
    await page.getByRole('heading', { name: 'What to do next' }).waitFor();
    expect(await page.locator('.decision .reason').textContent()).toContain(reason.slice(0, 40));
    expect(await page.locator('.timeline li').count()).toBeGreaterThan(0);
    expect(await page.locator('.contacts li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'prospect.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'prospect-phone.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it("does not show a rep another rep's prospect, by address", async () => {
    const luis = await signedIn('luis@northwind.test');
    const href = await luis
      .getByTestId('agenda-item')
      .first()
      .locator('.head a.prospect')
      .getAttribute('href');
    await luis.context().close();
    const dana = await signedIn('dana@northwind.test', { width: 390, height: 844 });
    await dana.screenshot({ path: join(SHOTS, 'today-phone.png'), fullPage: true });
    await dana.goto(`${base}${href ?? ''}`);
    await expect(dana.getByRole('alert').textContent()).resolves.toMatch(/no prospect|not found/i);
    await dana.context().close();
  }, 60_000);

  it("shows a manager the team's charts, each with data, and the pipeline", async () => {
    const page = await signedIn('morgan@northwind.test');
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Team' }).waitFor();
    const charts = page.locator('.chart');
    // Four charts of the team's work, then the response curve the engine decides with (two sides). The
    // demo's break-up messages are all unanswered: that is said in words, not drawn as a grey ring.
    await charts.nth(5).locator('svg').waitFor();
    expect(await charts.count()).toBe(6);
    await expect(page.locator('.empty-chart').textContent()).resolves.toMatch(
      /^None of the \d+ break-up messages has been answered yet\./,
    );
    await page.getByText('The engine decides with the published figures').waitFor();
    // Uncalibrated, the curve in use is the published figures: one line, and the legend says so.
    expect(await page.getByText('published figures (in use)').count()).toBeGreaterThan(0);
    // The speed-to-lead chart's ticks are durations people say.
    const speedTicks = (await charts.nth(2).locator('svg text').allTextContents()).join(' ');
    expect(speedTicks).toMatch(/\b1 min\b.*\b5 min\b.*\b1 h\b.*\b1 d\b/);
    for (let i = 0; i < 6; i += 1) {
      // Bars, lines and pie slices are SVG paths; an empty chart has only its axes.
      expect(await charts.nth(i).locator('svg path').count(), `chart ${i}`).toBeGreaterThan(3);
    }
    await page.screenshot({ path: join(SHOTS, 'team.png'), fullPage: true });
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
    expect(await page.locator('.board-column .column-count').first().textContent()).toMatch(/^\d+$/);
    await page.screenshot({ path: join(SHOTS, 'pipeline.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('lets an admin check a playbook change and see how many decisions it would change', async () => {
    const page = await signedIn('avery@northwind.test');
    await page.getByRole('link', { name: 'Playbook' }).click();
    const editor = page.getByLabel('The playbook (YAML)');
    await editor.waitFor();
    const text = await editor.inputValue();
    await editor.fill(text.replace(/hardMaximum: \d+/, 'hardMaximum: lots'));
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('followUp.hardMaximum');
    await editor.fill(text.replace(/hardMaximum: \d+/, 'hardMaximum: 9'));
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(
      /^Valid\. \d+ prospects? would get/,
    );
    await page.screenshot({ path: join(SHOTS, 'playbook.png') });
    await page.context().close();
  }, 60_000);

  it("tells a rep at once that a new inbound lead is waiting, and puts it on the day's agenda", async () => {
    const page = await signedIn('priya@northwind.test');
    const admin = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'avery@northwind.test', password: DEMO_PASSWORD },
    });
    const cookie = `pursuit_session=${admin.cookies.find((c) => c.name === 'pursuit_session')?.value ?? ''}`;
    const made = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': admin.json<{ csrf: string }>().csrf },
      payload: { name: 'web form' },
    });
    const lead = await app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { authorization: `Bearer ${made.json<{ token: string }>().token}` },
      payload: {
        company: 'Lumen Freight',
        contact: { name: 'Ola Berg', phone: '+1 555 0188' },
        owner: 'priya@northwind.test',
        via: 'demo request form',
      },
    });
    expect(lead.statusCode).toBe(201);
    const banner = page.locator('.leads');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('New inbound lead: Ola Berg at Lumen Freight');
    await page.getByTestId('agenda-item').filter({ hasText: 'Lumen Freight' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'today-new-lead.png') });
    await page.context().close();
  }, 60_000);

  it('imports a CSV: tells the export, maps a plain CSV, shows progress and the rows set aside', async () => {
    const page = await signedIn('dana@northwind.test');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import' }).waitFor();
    await page.getByLabel('File').setInputFiles(join(ROOT, 'examples/import/hubspot-companies.csv'));
    await page.getByText('HubSpot companies').waitFor();
    await page.getByRole('button', { name: /^Import hubspot-companies/ }).click();
    await page.getByRole('heading', { name: /^Imported: hubspot-companies/ }).waitFor();
    await expect(page.locator('.job').textContent()).resolves.toMatch(/Prospects: \d+ new/);

    const csv =
      'Company,Full name,Mail\nInitech,Bill Lumbergh,bill@initech.test\nHooli,Gavin B,not-an-email\n';
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('A plain CSV with 3 columns').waitFor();
    // The guesses from the column names are filled in; one more is chosen by hand.
    await expect(page.getByLabel('Prospect (company)').inputValue()).resolves.toBe('Company');
    await page.getByLabel('Email', { exact: true }).selectOption('Mail');
    await page.getByRole('button', { name: /^Import list\.csv/ }).click();
    await page.getByRole('heading', { name: /^Imported: list\.csv/ }).waitFor();
    await page.getByText('1 row set aside').waitFor();
    await expect(page.locator('table.rejected').textContent()).resolves.toContain('email');
    await page.screenshot({ path: join(SHOTS, 'import.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('draws the response curve behind a follow-up, with the break-even line', async () => {
    const page = await signedIn('dana@northwind.test');
    const list = await page.request.get(`${base}/api/prospects?limit=200`);
    const items = ((await list.json()) as { items: { id: string; decision: { action: string } | null }[] })
      .items;
    const follow = items.find((p) => p.decision?.action === 'follow-up');
    expect(follow).toBeDefined();
    await page.goto(`${base}/prospects/${follow?.id ?? ''}`);
    const caption = page.getByText(/Chance of a response by attempt, from the published figures;/);
    await caption.waitFor();
    await expect(caption.textContent()).resolves.toMatch(/A touch pays for your time above \d/);
    await page.locator('figure.curve').screenshot({ path: join(SHOTS, 'prospect-curve.png') });
    await page.close();
  }, 60_000);

  it('tells an admin that 90 prospects are too little history to calibrate on, and keeps the prior', async () => {
    const page = await signedIn('avery@northwind.test');
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Check a calibration on our history' }).click();
    await page.getByText(/Not calibrated: too little history: \d+ touches with \d+ responses/).waitFor();
    expect(await page.getByRole('button', { name: /in force/ }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('logged no errors in the browser console', () => {
    expect(faults(consoleErrors)).toEqual([]);
  });
});
