// The app's keyboard shortcuts in a real browser (Debian's Chromium) against a real server and SQLite
// file with the demo organisation: "?" lists them on any page (Today's own keys only on Today), Escape
// or Close hides the list, "g" then a letter goes to a page, "/" goes to the search, and none of them
// fires while typing in a field.

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

describe.skipIf(!browserAvailable)(`keyboard shortcuts in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    env = await startBrowserApp(20);
    browser = env.browser;
  }, 60_000);
  afterAll(async () => env?.close());

  const help = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('lists the shortcuts on any page, and goes to a page with g and a letter', async () => {
    const page = await signedInPage(browser, env.base, 'morgan@northwind.test', { errors });
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await heading(page, 'Pipeline');
    await page.keyboard.press('?');
    await help(page).getByText('go to Playbook').waitFor();
    // Today's own keys are listed on Today only.
    expect(await help(page).getByText('next / previous action').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'shortcuts.png') });
    await page.keyboard.press('Escape');
    expect(await help(page).count()).toBe(0);

    for (const [key, name] of [
      ['m', 'Team'],
      ['b', 'Playbook'],
      ['i', 'Import'],
      ['s', 'Settings'],
      ['t', 'Today'],
    ] as const) {
      await page.keyboard.press('g');
      await page.keyboard.press(key);
      await heading(page, name);
    }
    await page.keyboard.press('?');
    await help(page).getByText('next / previous action').waitFor();
    await help(page).getByRole('button', { name: 'Close' }).click();
    expect(await help(page).count()).toBe(0);
    // Today's button opens the same list.
    await page.getByRole('button', { name: 'Shortcuts (?)' }).click();
    await help(page).getByText('go to Pipeline').waitFor();
    await page.keyboard.press('?');
    expect(await help(page).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('goes to the search with /, and types rather than jumps inside a field', async () => {
    const page = await signedInPage(browser, env.base, 'morgan@northwind.test', {
      errors,
      viewport: { width: 390, height: 844 },
    });
    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: 'Search prospects' });
    expect(await search.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('gp?');
    expect(await search.inputValue()).toBe('gp?');
    expect(await help(page).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    await help(page).getByText('search prospects').waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'shortcuts-phone.png') });
    await page.context().close();
    expect(faults(errors)).toEqual([]);
  }, 60_000);
});
