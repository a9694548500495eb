// The web app over plain HTTP on a host name that is not loopback (issue 16 item 2), as a team sees
// it serving on --host 0.0.0.0 without TLS: Chromium resolves pursuit.test to the loopback server
// (--host-resolver-rules), so the browser treats it as any LAN name. Before the fix the CSP's
// upgrade-insecure-requests sent the browser to https for the scripts, and the page stayed white.

import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, browserSkip, faults, signedInPage, startBrowserApp } from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';

const HOST = 'pursuit.test';

describe.skipIf(!browserAvailable)(`the web app over plain HTTP on a LAN host name${browserSkip}`, () => {
  let env: BrowserApp;
  let base: string;

  beforeAll(async () => {
    env = await startBrowserApp(8, { browserArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
    base = env.base.replace('127.0.0.1', HOST);
  }, 60_000);

  afterAll(async () => env?.close());

  it('renders, signs in and shows Today, fetching nothing over https', async () => {
    expect(base).toMatch(/^http:\/\/pursuit\.test:\d+$/);
    const direct = await fetch(`${env.base}/`, { headers: { host: `${HOST}:1` } });
    expect(direct.headers.get('strict-transport-security')).toBeNull();
    expect(direct.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');

    const errors: string[] = [];
    const failed: string[] = [];
    const seen: string[] = [];
    const page = await signedInPage(env.browser, base, 'dana@northwind.test', {
      errors,
      viewport: { width: 1280, height: 900 },
    }).catch(async (error: unknown) => {
      throw new Error(`the app did not render at ${base}: ${String(error)}; console: ${errors.join(' | ')}`);
    });
    page.on('request', (r: Request) => seen.push(r.url()));
    page.on('requestfailed', (r: Request) => failed.push(r.url()));
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(await page.evaluate<string>('window.location.protocol')).toBe('http:');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((u) => u.startsWith('https:'))).toEqual([]);
    expect(failed).toEqual([]);
    expect(faults(errors)).toEqual([]);
  }, 60_000);

  it("copies a draft with the browser's old copy command, as the Clipboard API is missing there", async () => {
    const errors: string[] = [];
    const page = await signedInPage(env.browser, base, 'dana@northwind.test', {
      errors,
      viewport: { width: 1280, height: 900 },
    });
    // What the copy command took: the selection of the field it copied from.
    await page.addInitScript(
      "document.addEventListener('copy', () => { const a = document.activeElement; window.copied = a && 'value' in a ? a.value.slice(a.selectionStart, a.selectionEnd) : String(document.getSelection()); }, true)",
    );
    await page.reload();
    expect(await page.evaluate<boolean>('window.isSecureContext')).toBe(false);
    expect(await page.evaluate<boolean>('navigator.clipboard === undefined')).toBe(true);
    const draft = page.locator('details.draft').first();
    await draft.locator('summary').click();
    const subject = await draft.getByLabel('Subject').inputValue();
    const body = await draft.getByLabel('Message').inputValue();
    expect(body.length).toBeGreaterThan(20);
    await draft.getByRole('button', { name: 'Copy' }).click();
    await expect(draft.getByRole('status').textContent()).resolves.toBe('Copied to the clipboard.');
    expect(await page.evaluate<string>('window.copied')).toBe(`Subject: ${subject}\n\n${body}`);
    await page.context().close();
    expect(faults(errors)).toEqual([]);
  }, 60_000);
});
