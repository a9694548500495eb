// The pipeline board in a real browser (Debian's Chromium) against a real server and SQLite file with
// the demo organisation of 160 prospects: columns by state with their counts, a manager's owner
// filter and the state chips kept in the address, a column's count that shows that state alone,
// "show more", the prospects with no dated next step a page at a time, a card that opens its
// prospect, and a phone-wide page that scrolls sideways only inside the board.

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
} from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';

// The page's globals as the callbacks given to evaluate use them (this file has no DOM library).
interface PageElement {
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): PageElement[];
}
declare const document: PageElement & { documentElement: PageElement };
declare const window: { innerWidth: number };

describe.skipIf(!browserAvailable)(`the pipeline board in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let base: string;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    env = await startBrowserApp(160);
    ({ base, browser } = env);
  }, 60_000);

  afterAll(async () => {
    expect(faults(errors)).toEqual([]);
    await env?.close();
  });

  async function openBoard(email: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await signedInPage(browser, base, email, {
      errors,
      ...(viewport === undefined ? {} : { viewport }),
    });
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor();
    await page.getByTestId('board-column').first().waitFor();
    return page;
  }

  /** Each column's heading and count, as shown. */
  async function columns(page: Page): Promise<{ label: string; count: number; cards: number }[]> {
    return page.getByTestId('board-column').evaluateAll((sections) =>
      sections.map((s) => ({
        label: s.querySelector('h2')?.textContent ?? '',
        count: Number(s.querySelector('.column-count')?.textContent),
        cards: s.querySelectorAll('[data-testid="board-card"]').length,
      })),
    );
  }

  it("shows a manager every state's column with its count, and filters by owner and state", async () => {
    const page = await openBoard('morgan@northwind.test', { width: 1366, height: 768 });
    const all = await columns(page);
    expect(all.map((c) => c.label)).toEqual([
      'New lead',
      'Following up',
      'In conversation',
      'Next step set',
      'Customers',
      'Broken up (waiting)',
      'Nurture',
      'Disqualified',
      'Stopped',
    ]);
    const total = all.reduce((a, c) => a + c.count, 0);
    expect(await page.locator('.summary').textContent()).toContain(`${total} prospects`);
    for (const c of all) expect(c.cards).toBe(Math.min(c.count, 20));
    // Cards name the prospect, its owner, its deal value and the next step with its day.
    const card = page.getByTestId('board-card').first();
    expect(await card.locator('.card-owner').textContent()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(await card.locator('.card-value').textContent()).toMatch(/^\$[\d,]+$|^No deal value$/);
    expect(await card.locator('.card-next').textContent()).toMatch(/^[A-Z][a-z]+/);
    expect(await card.locator('.card-due time').textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
    await page.screenshot({ path: join(SHOTS, 'pipeline-board.png') });

    // One owner: the address keeps it, every card is theirs, and the counts shrink.
    await page.getByLabel('Owner').selectOption({ label: 'Dana Whitfield' });
    await page.waitForURL(/[?&]owner=/);
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('.column-count')].reduce((a, e) => a + Number(e.textContent), 0) < n,
      total,
    );
    const owners = await page.locator('.card-owner').allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(['Dana Whitfield']));
    const dana = await columns(page);

    // A column's count shows that state alone; the address keeps it, and a reload keeps both filters.
    const busiest = dana.reduce((a, c) => (c.count > a.count ? c : a));
    await page
      .getByRole('button', { name: `${busiest.count} ${busiest.label}: show only this state` })
      .click();
    await page.waitForURL(/[?&]state=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-column"]').length === 1);
    await page.reload();
    await page.getByTestId('board-column').first().waitFor();
    expect(await columns(page)).toEqual([busiest]);
    expect(await page.getByLabel('Owner').inputValue()).not.toBe('');
    expect(
      await page
        .getByRole('checkbox', { name: new RegExp(`^${busiest.label.replace(/[()]/g, '\\$&')}`) })
        .isChecked(),
    ).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'pipeline-filtered.png') });

    // A second state chip adds its column; back in history removes it again.
    const other = dana.find((c) => c.label !== busiest.label && c.count > 0) ?? dana[0]!;
    await page
      .getByRole('checkbox', { name: new RegExp(`^${other.label.replace(/[()]/g, '\\$&')}`) })
      .check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-column"]').length === 2);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-column"]').length === 1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-column"]').length === 9);
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  }, 90_000);

  it('shows more of a long column, and opens a card on its prospect page', async () => {
    const page = await openBoard('avery@northwind.test', { width: 1366, height: 768 });
    const long = (await columns(page)).find((c) => c.count > 20);
    expect(long, 'a column with more than 20 prospects in the demo').toBeDefined();
    const column = page
      .getByTestId('board-column')
      .filter({ has: page.getByRole('heading', { name: long!.label }) });
    await column.getByRole('button', { name: /Show more/ }).click();
    await page.waitForFunction(
      ([label, n]) =>
        [...document.querySelectorAll('[data-testid="board-column"]')]
          .find((s) => s.querySelector('h2')?.textContent === label)
          ?.querySelectorAll('[data-testid="board-card"]').length === n,
      [long!.label, Math.min(long!.count, 40)] as const,
    );
    const names = await column.locator('[data-testid="board-card"] a').allTextContents();
    expect(new Set(names).size).toBe(names.length);

    const first = column.getByTestId('board-card').first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/prospects\/[^/]+$/);
    await page.context().close();
  }, 90_000);

  it('lists the prospects with no dated next step a page at a time', async () => {
    const page = await openBoard('avery@northwind.test', { width: 1366, height: 768 });
    const list = page.locator('details.no-next-step');
    const summary = (await list.locator('summary').textContent()) ?? '';
    const total = Number(/\(([\d,]+)\)/.exec(summary)?.[1]?.replace(/,/g, ''));
    expect(total, `a count in "${summary}"`).toBeGreaterThan(50);
    await list.locator('summary').click();
    const links = list.locator('li a');
    expect(await links.count()).toBe(50);
    await list.getByRole('button', { name: `Show more (${total - 50} left)` }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('details.no-next-step li').length === n,
      Math.min(total, 100),
    );
    const names = await links.allTextContents();
    expect(new Set(names).size).toBe(names.length);
    await page.screenshot({ path: join(SHOTS, 'pipeline-no-next-step.png'), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('fits a phone: the page does not scroll sideways, the board does', async () => {
    const page = await openBoard('morgan@northwind.test', { width: 390, height: 844 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      board: (document.querySelector('.board') as PageElement).scrollWidth,
      boardBox: (document.querySelector('.board') as PageElement).clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.board).toBeGreaterThan(widths.boardBox);
    await page.screenshot({ path: join(SHOTS, 'pipeline-phone.png') });
    await page.screenshot({ path: join(SHOTS, 'pipeline-phone-full.png'), fullPage: true });
    // Scrolled to its last column, the board still keeps the page where it was.
    await page.locator('.board').evaluate((b) => b.scrollTo({ left: b.scrollWidth }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  }, 90_000);
});
