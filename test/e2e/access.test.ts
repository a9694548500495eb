// Signing out everywhere and the audit log in a real browser (Debian's Chromium) against a real
// server and SQLite file with the demo organisation: a rep with a token and two browsers signs out
// everywhere from Settings; both browsers are at the sign-in page and the token is refused. The
// admin reads it all in the audit log on the Settings page; a rep sees no audit log.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/app/accounts/tokens.js';
import { actorFor } from '../../src/app/accounts/workspace.js';
import {
  SHOTS,
  browserAvailable,
  browserSkip,
  faults,
  signedInPage,
  startBrowserApp,
} from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';

describe.skipIf(!browserAvailable)(
  `signing out everywhere and the audit log in Chromium${browserSkip}`,
  () => {
    let env: BrowserApp;
    let base: string;
    let browser: Browser;
    const errors: string[] = [];

    const signedIn = (email: string) => signedInPage(browser, base, email, { errors });
    const agendaWith = async (token: string) =>
      (await fetch(`${base}/api/agenda`, { headers: { authorization: `Bearer ${token}` } })).status;

    beforeAll(async () => {
      env = await startBrowserApp(8);
      ({ base, browser } = env);
    }, 60_000);

    afterAll(async () => env?.close());

    it('signs a rep out of every browser and revokes their tokens, after asking', async () => {
      const dana = await actorFor(env.ctx, 'dana@northwind.test');
      const { token } = await createToken(env.ctx, dana, 'spreadsheet sync');
      expect(await agendaWith(token)).toBe(200);
      const page = await signedIn('dana@northwind.test');
      const other = await signedIn('dana@northwind.test');
      await page.getByRole('link', { name: 'Settings' }).click();
      const section = page.getByRole('region', { name: 'Sign out everywhere' });
      await section.waitFor();
      expect(await section.textContent()).toContain('your API tokens keep working');
      expect(await page.getByRole('heading', { name: 'Audit log' }).count()).toBe(0);

      const button = section.getByRole('button', { name: 'Sign out everywhere and revoke tokens' });
      page.once('dialog', (d) => void d.dismiss());
      await button.click();
      expect(await agendaWith(token)).toBe(200);
      page.once('dialog', (d) => {
        expect(d.message()).toContain('revoke all your API tokens');
        void d.accept();
      });
      await button.click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await agendaWith(token)).toBe(401);
      await other.reload();
      await other.getByRole('button', { name: 'Sign in' }).waitFor();
    }, 60_000);

    it("shows the admin the audit log on the Settings page, and what the rep's sign-out did", async () => {
      const page = await signedIn('avery@northwind.test');
      await page.getByRole('link', { name: 'Settings' }).click();
      const log = page.getByRole('region', { name: 'Audit log' });
      await log.waitFor();
      const row = log.getByTestId('audit-entry').filter({ hasText: 'signed-out-everywhere' });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('Dana Whitfield');
      expect(text).toContain('2 sessions ended, 1 token revoked');
      expect(text).toContain('browser, 127.0.0.1');
      expect(await log.getByTestId('audit-entry').filter({ hasText: 'sign-in' }).count()).toBeGreaterThan(2);
      expect(await log.textContent()).not.toContain('pst_');
      await page.screenshot({ path: join(SHOTS, 'settings-audit-log.png'), fullPage: true });
      expect(faults(errors)).toEqual([]);
    }, 60_000);
  },
);
