// The playbook page's structured editor in a real browser (Debian's Chromium, playwright-core) against
// a real server on loopback and a real SQLite file with the demo organisation: an admin changes a
// setting in the form and sees the YAML change, puts it in force and finds it kept after a reload; a
// bad value names its setting and range; broken YAML turns the form off; a phone does not scroll
// sideways. Screenshots go to test-artifacts/screenshots.

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

describe.skipIf(!browserAvailable)(`the playbook editor in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    env = await startBrowserApp(20);
    browser = env.browser;
  }, 60_000);
  afterAll(async () => env?.close());

  const open = async (viewport = { width: 1280, height: 900 }) => {
    const page = await signedInPage(browser, env.base, 'avery@northwind.test', {
      password: DEMO_PASSWORD,
      viewport,
      errors,
    });
    await page.getByRole('link', { name: 'Playbook' }).click();
    await page.getByLabel('The playbook (YAML)').waitFor();
    return page;
  };

  it('changes the YAML from the form, puts it in force, and keeps it after a reload', async () => {
    const page = await open();
    const yaml = page.getByLabel('The playbook (YAML)');
    const maximum = page.getByLabel('Touches before the break-up (touches)');
    expect(await maximum.inputValue()).toBe('12');
    await maximum.fill('9');
    expect(await yaml.inputValue()).toContain('  hardMaximum: 9\n');
    expect(await yaml.inputValue()).toContain('# Rule 9.');
    await page.getByLabel('Gaps between follow-ups (business days)').fill('2, 3, 5');
    expect(await yaml.inputValue()).toContain('  spacingBusinessDays: [2, 3, 5]\n');
    await page.screenshot({ path: join(SHOTS, 'playbook-form.png'), fullPage: true });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Put in force' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Version 2 is in force/);
    await page.reload();
    await page.getByLabel('The playbook (YAML)').waitFor();
    expect(await page.getByLabel('Touches before the break-up (touches)').inputValue()).toBe('9');
    expect(await page.getByLabel('The playbook (YAML)').inputValue()).toContain('hardMaximum: 9');
    await page.context().close();
  }, 60_000);

  it('names the setting and its range for a bad value, and the YAML updates the form', async () => {
    const page = await open();
    const maximum = page.getByLabel('Touches before the break-up (touches)');
    await maximum.fill('0');
    expect(await maximum.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.pb-error').textContent()).toBe(
      'Touches before the break-up: expected a whole number, at least 1',
    );
    const yaml = page.getByLabel('The playbook (YAML)');
    await yaml.fill((await yaml.inputValue()).replace(/intervalDays: \d+/, 'intervalDays: 45'));
    expect(await page.getByLabel('Nurture touch every (days)').inputValue()).toBe('45');
    await page.context().close();
  }, 60_000);

  it('turns the form off while the YAML does not parse', async () => {
    const page = await open();
    const yaml = page.getByLabel('The playbook (YAML)');
    await yaml.fill(`${await yaml.inputValue()}\nfollowUp: [1, 2\n`);
    await expect(page.getByRole('note').textContent()).resolves.toMatch(
      /^The form is off until the YAML is fixed: line \d+/,
    );
    expect(await page.getByLabel('Touches before the break-up (touches)').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'playbook-broken.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('does not scroll sideways on a phone', async () => {
    const page = await open({ width: 390, height: 844 });
    // A string, so the test's own type check needs no DOM library.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'playbook-phone.png'), fullPage: true });
    await page.context().close();
    expect(faults(errors)).toEqual([]);
  }, 60_000);
});
