// Today as a compact list in a real browser (Debian's Chromium), on a real server and SQLite file with
// the demo organisation: a laptop screen holds 15 actions or more, each opens in place to log it, and
// what was just logged can be taken back; actions chosen together are snoozed or logged in one go and
// taken back by one Undo; the keyboard walks, opens and chooses; a phone shows it without overflow.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS,
  browserAvailable,
  browserSkip,
  faults,
  signedInPage,
  startBrowserApp,
  tabCount,
} from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';
import { agenda } from '../../src/app/day/agenda.js';
import { demoLogins } from '../../src/app/demo/demo.js';
import type { User } from '../../src/core/records.js';
import { users } from '../../src/store/repositories/people.repository.js';

const LAPTOP = { width: 1366, height: 768 };

describe.skipIf(!browserAvailable)(`Today, compact, in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let base: string;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    env = await startBrowserApp(500);
    ({ base, browser } = env);
  }, 120_000);

  afterAll(async () => env?.close());

  /** The rep of the demo with the most actions due today, signed in on a compact Today. */
  async function busiestRep(viewport = LAPTOP): Promise<Page> {
    let busiest = { email: '', items: -1 };
    for (const { email } of demoLogins().filter((l) => l.role === 'rep')) {
      const [rep] = await users.findByEmail(env.t.db.kysely, email);
      const items = (await agenda(env.ctx, rep as User, {})).items.length;
      if (items > busiest.items) busiest = { email, items };
    }
    return signedInPage(browser, base, busiest.email, { errors, viewport, density: 'compact' });
  }

  /** The touches logged on these prospects. */
  async function touchesOn(ids: string[]) {
    return env.t.db.kysely
      .selectFrom('events')
      .select(['prospect_id', 'log_seq'])
      .where('prospect_id', 'in', ids)
      .where('type', '=', 'touch')
      .where('logged_by', 'is not', null)
      .execute();
  }

  it('holds 15 actions or more in a laptop screen, one line each', async () => {
    const page = await busiestRep();
    const items = page.getByTestId('agenda-item');
    expect(await items.count()).toBeGreaterThanOrEqual(15);
    await page.screenshot({ path: join(SHOTS, 'today-compact.png') });
    const inView = await items.evaluateAll(
      (all, height) => all.filter((li) => li.getBoundingClientRect().bottom <= height).length,
      LAPTOP.height,
    );
    expect(inView).toBeGreaterThanOrEqual(15);
    // One line: no row is taller than two lines of text.
    const heights = await items.evaluateAll((all) => all.map((li) => li.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(45);
    // The choice is kept: Detailed shows every action's reason and buttons, and stays so on reload.
    await page.getByRole('button', { name: 'Detailed', exact: true }).click();
    await page.locator('[data-testid="agenda-item"] .reason').first().waitFor();
    await page.reload();
    await page.locator('[data-testid="agenda-item"] .reason').first().waitFor();
    expect(
      await page.getByRole('button', { name: 'Detailed', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.getByRole('button', { name: 'Compact', exact: true }).click();
    await page.context().close();
  }, 60_000);

  it('opens an action in place, logs it, and takes it back with Undo', async () => {
    const page = await busiestRep();
    const call = page
      .getByTestId('agenda-item')
      .filter({ has: page.locator('.badge', { hasText: 'by call' }) })
      .first();
    const id = (await call.getAttribute('data-prospect')) ?? '';
    const name = (await call.locator('a.prospect').textContent()) ?? '';
    expect(await call.locator('.reason').count()).toBe(0);
    await call.getByRole('button', { name: `Open ${name}` }).click();
    await call.locator('.reason').waitFor();
    await call.getByRole('button', { name: 'Voicemail' }).click();
    await expect(call.getByRole('status').textContent()).resolves.toMatch(/^Logged voicemail\. Next: /);
    expect(await touchesOn([id])).toHaveLength(1);
    await call.screenshot({ path: join(SHOTS, 'today-compact-logged.png') });
    // Closed, the line says what was logged; opened again, the outcome is still there.
    await call.getByRole('button', { name: `Close ${name}` }).click();
    expect(await call.locator('.gist').textContent()).toBe('Logged voicemail.');
    await call.getByRole('button', { name: `Open ${name}` }).click();
    await call.getByRole('button', { name: 'Undo', exact: true }).click();
    await call.getByRole('button', { name: 'Voicemail' }).waitFor();
    expect(await touchesOn([id])).toHaveLength(0);
    expect(faults(errors)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('logs the same outcome on the chosen calls in one go, and one Undo takes them all back', async () => {
    const page = await busiestRep();
    const calls = page
      .getByTestId('agenda-item')
      .filter({ has: page.locator('.badge', { hasText: 'by call' }) });
    expect(await calls.count()).toBeGreaterThanOrEqual(3);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const item = calls.nth(i);
      ids.push((await item.getAttribute('data-prospect')) ?? '');
      await item.getByRole('checkbox').check();
    }
    const bar = page.getByRole('region', { name: 'The chosen actions' });
    expect(await bar.textContent()).toContain('3 chosen');
    await page.screenshot({ path: join(SHOTS, 'today-bulk.png') });
    await bar.getByRole('button', { name: 'No answer' }).click();
    await expect(bar.getByRole('status').textContent()).resolves.toContain(
      'Logged no answer on 3 prospects.',
    );
    const logged = await touchesOn(ids);
    expect(logged).toHaveLength(3);
    expect(new Set(logged.map((t) => t.log_seq)).size).toBe(1);
    await bar.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toMatch(/and the 2 logged with it\.$/);
    expect(await touchesOn(ids)).toHaveLength(0);
    await page.context().close();
  }, 60_000);

  it('snoozes the chosen actions off the day, chosen from the keyboard', async () => {
    const page = await busiestRep();
    const items = page.getByTestId('agenda-item');
    await items.first().waitFor();
    const allDue = () => tabCount(page, /^All due/);
    const before = await allDue();
    // j walks to the first two actions, x chooses each, Enter opens one in place.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('Enter');
    await items.first().locator('.reason').waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const ids = [
      (await items.nth(0).getAttribute('data-prospect')) ?? '',
      (await items.nth(1).getAttribute('data-prospect')) ?? '',
    ];
    const bar = page.getByRole('region', { name: 'The chosen actions' });
    expect(await bar.textContent()).toContain('2 chosen');
    await bar.getByLabel('Snooze the chosen until').fill('next monday 9:00');
    await bar.getByRole('button', { name: 'Snooze' }).click();
    await expect(bar.getByRole('status').textContent()).resolves.toMatch(
      /^Snoozed 2 prospects until Mon, Mar 16/,
    );
    await expect.poll(allDue).toBe(before - 2);
    for (const id of ids) expect(await page.locator(`[data-prospect="${id}"]`).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('reads the day 25 actions at a time: scrolling to the end, "Show more", or j past the last', async () => {
    const page = await busiestRep();
    const items = page.getByTestId('agenda-item');
    await items.first().waitFor();
    const tab = (name: RegExp) => page.getByRole('tab', { name });
    const count = (name: RegExp) => tabCount(page, name);
    const day = await count(/^All due/);
    // The busiest rep of the demo has more than two pages due, and fewer than three.
    expect(day).toBeGreaterThan(50);
    expect(day).toBeLessThanOrEqual(75);
    expect(await items.count()).toBe(25);
    await page.getByText(`25 of ${day} shown`).waitFor();
    // The summary and the tabs speak of the whole day from the first page on.
    expect(await page.locator('.summary').textContent()).toContain(`${day} actions`);
    // Scrolled to the end of what is read, the next 25 come.
    await page.locator('.more').scrollIntoViewIfNeeded();
    await expect.poll(() => items.count()).toBe(50);
    await page.screenshot({ path: join(SHOTS, 'today-more.png') });
    await page.getByRole('button', { name: `Show ${day - 50} more` }).click();
    await expect.poll(() => items.count()).toBe(day);
    await expect.poll(() => page.getByRole('button', { name: /^Show \d+ more/ }).count()).toBe(0);

    // j on the last action read reads the next ones, and walks on to them.
    await page.reload();
    await items.first().waitFor();
    expect(await items.count()).toBe(25);
    // Focused where it is (the end of the list out of view, so that only j reads on).
    await items.nth(24).evaluate((li) => li.focus({ preventScroll: true }));
    await page.keyboard.press('j');
    await expect.poll(() => items.count()).toBe(50);
    await page.keyboard.press('j');
    expect(await items.nth(25).evaluate((li) => li === li.ownerDocument.activeElement)).toBe(true);

    // Each tab pages its own list; overdue and later today share out the day.
    await tab(/^Overdue/).click();
    await expect.poll(() => items.count()).toBe(Math.min(25, await count(/^Overdue/)));
    await tab(/^Later today/).click();
    await expect.poll(() => items.count()).toBe(Math.min(25, await count(/^Later today/)));
    expect((await count(/^Overdue/)) + (await count(/^Later today/))).toBe(day);
    expect(faults(errors)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('fits a phone without overflow', async () => {
    const page = await busiestRep({ width: 390, height: 844 });
    await page.getByTestId('agenda-item').first().getByRole('checkbox').check();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'today-compact-phone.png') });
    const first = page.getByTestId('agenda-item').first();
    await first.locator('.toggle').click();
    await first.locator('.reason').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'today-compact-phone-open.png'), fullPage: true });
    expect(faults(errors)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
