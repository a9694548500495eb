// The settings page in a real browser (Debian's Chromium, driven by playwright-core) against a real
// server on loopback and a real SQLite file with the demo organisation, on a fixed clock: a rep
// makes an API token, sees it once, copies it, calls the API with it, revokes it and sees it refused;
// a rep changes their password and stays signed in; the admin adds a person, is told which field is
// wrong, sets their password, changes their role, cannot demote the only admin, and the new person
// signs in. Screenshots go to test-artifacts/screenshots.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

describe.skipIf(!browserAvailable)(`the settings page in Chromium${browserSkip}`, () => {
  let base: string;
  let browser: Browser;
  const consoleErrors: string[] = [];

  const signedIn = (email: string, password = DEMO_PASSWORD, viewport = { width: 1280, height: 900 }) =>
    signedInPage(browser, base, email, { password, viewport, errors: consoleErrors, clipboard: true });

  async function openSettings(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }

  /** The API as a script calls it, with a bearer token. */
  async function agendaWith(token: string): Promise<number> {
    const r = await fetch(`${base}/api/agenda`, { headers: { authorization: `Bearer ${token}` } });
    return r.status;
  }

  let env: BrowserApp;
  beforeAll(async () => {
    env = await startBrowserApp(30);
    ({ base, browser } = env);
  }, 60_000);

  afterAll(async () => env?.close());

  it('lets a rep make an API token, see it once, use it, revoke it and see it refused', async () => {
    const page = await signedIn('dana@northwind.test');
    await openSettings(page);
    expect(await page.getByRole('heading', { name: 'People' }).count()).toBe(0);
    await page.getByLabel('Token name').fill('calendar sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('region', { name: 'Your new token' });
    await shown.waitFor();
    expect(await shown.textContent()).toContain('Copy it now: you will not see it again.');
    const token = await shown.getByLabel('Token value').inputValue();
    expect(token).toMatch(/^pst_[\w-]{40,}$/);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await expect(shown.getByRole('status').textContent()).resolves.toBe('Copied to the clipboard.');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    await page.screenshot({ path: join(SHOTS, 'settings-token.png'), fullPage: true });

    expect(await agendaWith(token)).toBe(200);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    // Seen once: after a reload the page lists the token, with its use, but never its value again.
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'calendar sync' });
    await row.waitFor();
    // Used at the fixed clock's time, shown in Dana's zone.
    expect(await row.textContent()).toContain('Tue, Mar 10, 9:00 AM MDT');
    expect(await row.textContent()).not.toContain('never');
    expect(await page.content()).not.toContain(token);

    // A revoke asks first: dismissed, the token stays; accepted, it goes and stops working.
    page.once('dialog', (d) => void d.dismiss());
    await row.getByRole('button', { name: 'Revoke calendar sync' }).click();
    expect(await agendaWith(token)).toBe(200);
    page.once('dialog', (d) => {
      expect(d.message()).toContain('Revoke the token “calendar sync”?');
      void d.accept();
    });
    await row.getByRole('button', { name: 'Revoke calendar sync' }).click();
    const tokens = page.getByRole('region', { name: 'Your API tokens' });
    await expect(tokens.getByRole('status').textContent()).resolves.toBe('Revoked “calendar sync”.');
    await row.waitFor({ state: 'detached' });
    expect(await page.getByText('1 revoked token not shown.').count()).toBe(1);
    expect(await agendaWith(token)).toBe(401);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'settings-phone.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('lets a rep change their password with the current one, and stay signed in', async () => {
    const page = await signedIn('priya@northwind.test');
    await openSettings(page);
    const form = page.getByRole('region', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel('New password', { exact: true }).fill('tulip harbour violin');
    await form.getByLabel('Repeat the new password').fill('tulip harbour violin');
    await form.getByRole('button', { name: 'Change password' }).click();
    const alert = form.getByRole('alert');
    await expect(alert.textContent()).resolves.toBe('Current password: that is not your current password');
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Current password').fill(DEMO_PASSWORD);
    await form.getByLabel('Repeat the new password').fill('tulip harbour viola');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(alert.textContent()).resolves.toMatch(/the two new passwords differ/);
    await form.getByLabel('Repeat the new password').fill('tulip harbour violin');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('status').textContent()).resolves.toMatch(/^Your password is changed\./);
    expect(await form.getByLabel('Current password').inputValue()).toBe('');
    // Still signed in, with a working anti-forgery token: a change goes through.
    await page.getByLabel('Token name').fill('after the change');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('region', { name: 'Your new token' }).waitFor();
    await page.context().close();
    const again = await signedIn('priya@northwind.test', 'tulip harbour violin');
    await again.context().close();
  }, 60_000);

  it('lets the admin add a person, set their password and role; the new person then signs in', async () => {
    const page = await signedIn('avery@northwind.test');
    await openSettings(page);
    const people = page.getByRole('region', { name: 'People' });
    await people.getByRole('table').waitFor();
    expect(await people.getByTestId('person').count()).toBe(6);

    const add = page.getByRole('form', { name: 'Add a person' });
    await add.getByLabel('Name').fill('Rosa Diaz');
    await add.getByLabel('Email').fill('rosa@northwind.test');
    await add.getByLabel('Role').selectOption('rep');
    await add.getByLabel('Manager').selectOption({ label: 'Morgan Blake' });
    expect(await add.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    await add.getByLabel('Time zone').fill('Mars/Olympus');
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect(add.getByRole('alert').textContent()).resolves.toMatch(
      /^Time zone: expected an IANA time zone/,
    );
    expect(await add.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('Time zone').fill('Europe/Madrid');
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect(add.getByRole('status').textContent()).resolves.toBe(
      'Added Rosa Diaz. Set a password for them to sign in.',
    );
    const rosa = people.getByTestId('person').filter({ hasText: 'Rosa Diaz' });
    await rosa.waitFor();
    expect(await rosa.textContent()).toContain('Morgan Blake');
    expect(await rosa.textContent()).toContain('Europe/Madrid');

    // Her password, from the keyboard: a short one is refused, naming the field.
    await rosa.getByRole('button', { name: 'Set password for Rosa Diaz' }).click();
    const newPassword = people.getByLabel('New password for Rosa Diaz');
    await newPassword.waitFor();
    // The field the button opened has the focus, so typing goes straight into it.
    expect(await page.evaluate<string>("document.activeElement?.closest('label')?.textContent ?? ''")).toBe(
      'New password for Rosa Diaz',
    );
    await newPassword.fill('short');
    await newPassword.press('Enter');
    await expect(people.getByRole('alert').textContent()).resolves.toMatch(/^Password: expected a password/);
    await newPassword.fill('rosa first password');
    await newPassword.press('Enter');
    await people.getByText(/^Set the password of Rosa Diaz: they are signed out everywhere/).waitFor();

    // Her role, inline.
    await rosa.getByRole('button', { name: 'Edit Rosa Diaz' }).click();
    const edit = page.getByRole('form', { name: 'Edit Rosa Diaz' });
    await edit.getByLabel('Role').selectOption('manager');
    await edit.getByLabel('Manager').selectOption({ label: 'Nobody' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await people.getByRole('status').filter({ hasText: 'Saved Rosa Diaz.' }).waitFor();
    await expect(rosa.locator('td[data-label="Role"]').textContent()).resolves.toBe('manager');

    // The only admin cannot step down.
    await people.getByRole('button', { name: 'Edit Avery Quinn' }).click();
    const self = page.getByRole('form', { name: 'Edit Avery Quinn' });
    await self.getByLabel('Role').selectOption('rep');
    await self.getByRole('button', { name: 'Save' }).click();
    await expect(self.getByRole('alert').textContent()).resolves.toBe(
      'Role: Avery Quinn is the only admin: make someone else an admin first',
    );
    await page.screenshot({ path: join(SHOTS, 'settings-people.png'), fullPage: true });
    await self.getByRole('button', { name: 'Cancel' }).click();
    await self.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 390, height: 844 });
    await people.screenshot({ path: join(SHOTS, 'settings-people-phone.png') });
    await page.context().close();

    const her = await signedIn('rosa@northwind.test', 'rosa first password');
    expect(await her.locator('.who').textContent()).toBe('Rosa Diaz · manager');
    await openSettings(her);
    expect(await her.getByRole('heading', { name: 'People' }).count()).toBe(0);
    await her.screenshot({ path: join(SHOTS, 'settings-new-person.png'), fullPage: true });
    await her.context().close();
  }, 90_000);

  it('logged no errors in the browser console', () => {
    // The browser reports every 4xx answer; those are the app handling bad input (400, 409).
    expect(faults(consoleErrors)).toEqual([]);
  });
});
