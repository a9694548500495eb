// The do-not-contact list on the settings page in a real browser (Debian's Chromium, driven by
// playwright-core) against a real server and SQLite file with the demo organisation: a rep does not
// see it; the admin adds an address, is told which field is wrong, lifts the entry with a reason
// (asked in a prompt) and finds it, lifted, among all entries.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo.js';
import {
  SHOTS,
  browserAvailable,
  browserSkip,
  faults,
  signedInPage,
  startBrowserApp,
} from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';

describe.skipIf(!browserAvailable)(`the do-not-contact list in Chromium${browserSkip}`, () => {
  let base: string;
  let browser: Browser;
  let env: BrowserApp;
  const consoleErrors: string[] = [];

  const settings = async (email: string) => {
    const page = await signedInPage(browser, base, email, {
      password: DEMO_PASSWORD,
      viewport: { width: 1280, height: 900 },
      errors: consoleErrors,
    });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    return page;
  };

  beforeAll(async () => {
    env = await startBrowserApp(10);
    ({ base, browser } = env);
  }, 60_000);

  afterAll(async () => env?.close());

  it('is not shown to a rep', async () => {
    const page = await settings('dana@northwind.test');
    await page.getByRole('heading', { name: 'Your API tokens' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Do-not-contact list' }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('lets the admin add an address and lift it with a reason that is kept', async () => {
    const page = await settings('avery@northwind.test');
    const section = page.getByRole('region', { name: 'Do-not-contact list' });
    await section.getByRole('heading', { name: 'Do-not-contact list' }).waitFor();
    await section.getByLabel('Phone').fill('12');
    await section.getByRole('button', { name: 'Add' }).click();
    await expect(section.getByRole('alert').textContent()).resolves.toMatch(/^Phone: /);
    await section.getByLabel('Phone').fill('');
    await section.getByLabel('Email').fill('  Pat@Example.test ');
    await section.getByRole('button', { name: 'Add' }).click();
    await expect(section.getByRole('status').textContent()).resolves.toBe(
      'Added to the do-not-contact list.',
    );
    const row = section.getByRole('row').filter({ hasText: 'pat@example.test' });
    await row.waitFor();
    expect(await row.textContent()).toContain('added by an admin');
    await page.screenshot({ path: join(SHOTS, 'settings-do-not-contact.png'), fullPage: true });
    page.once('dialog', (d) => void d.accept('they signed up again'));
    await row.getByRole('button', { name: 'Lift pat@example.test' }).click();
    await expect(section.getByRole('status').textContent()).resolves.toBe('Lifted pat@example.test.');
    await row.waitFor({ state: 'detached' });
    await section.getByLabel('Lifted entries too').check();
    await expect(row.textContent()).resolves.toContain('lifted: they signed up again');
    expect(faults(consoleErrors)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
