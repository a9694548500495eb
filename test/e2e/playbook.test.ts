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

  it("shows the server's complaint beside the setting it names", async () => {
    const page = await open();
    // Each value is in range alone; together the minimum is above the hard maximum.
    await page.getByLabel('Touches before the break-up (touches)').fill('6');
    expect(await page.locator('.pb-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await page.getByRole('alert').waitFor();
    const minimum = page.getByLabel('Minimum touches to someone never reached (touches)');
    expect(await minimum.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator('.pb-field', { has: minimum }).locator('.pb-error');
    expect(await error.textContent()).toBe(
      'Minimum touches to someone never reached: expected at most “Touches before the break-up” (6), got 8',
    );
    await page.context().close();
  }, 60_000);

  it('shows what a playbook extending the default leaves to it', async () => {
    const page = await open();
    await page
      .getByLabel('The playbook (YAML)')
      .fill('extends: default\nname: Ours\nfollowUp:\n  hardMaximum: 9\n');
    expect(await page.getByLabel('Touches before the break-up (touches)').inputValue()).toBe('9');
    const gaps = page.getByLabel('Gaps between follow-ups (business days)');
    expect(await gaps.inputValue()).toBe('');
    expect(await gaps.getAttribute('placeholder')).toBe('1, 2, 3, 5, 7, 10, 14');
    await expect(page.locator('#pb-followUp-spacingBusinessDays-help').textContent()).resolves.toMatch(
      /Not set here: the default playbook's 1, 2, 3, 5, 7, 10, 14 applies\.$/,
    );
    expect(await page.locator('.pb-error').count()).toBe(0);
    await expect(page.getByLabel('Nurture touches go by').inputValue()).resolves.toBe('');
    await gaps.fill('2, 4');
    expect(await page.getByLabel('The playbook (YAML)').inputValue()).toContain(
      'spacingBusinessDays: [2, 4]',
    );
    await page.screenshot({ path: join(SHOTS, 'playbook-extends.png'), fullPage: true });
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
