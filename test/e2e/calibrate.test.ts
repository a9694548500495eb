// Calibrating from the team dashboard in a real browser, on a demo organisation with enough history
// (300 prospects): the admin checks what a calibration would do, puts it in force, and the
// dashboard then shows the team's own curve; the prospect page draws its decision's curve from it.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, browserAvailable, faults, signedInPage, startBrowserApp } from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';

describe.skipIf(!browserAvailable)('calibrating from the dashboard in Chromium', () => {
  let env: BrowserApp;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    env = await startBrowserApp(300);
  }, 120_000);

  afterAll(async () => env?.close());

  it("lets an admin check a calibration on the team's history and put it in force", async () => {
    const page = await signedInPage(env.browser, env.base, 'avery@northwind.test', { errors: consoleErrors });
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Check a calibration on our history' }).click();
    await page.getByText(/calibrated@1 would change \d+ decisions?\./).waitFor();
    await page.getByRole('button', { name: 'Put calibrated@1 in force' }).click();
    await page.getByText(/calibrated@1 is in force/).waitFor();
    await page.getByText(/Calibrated on [\d,]+ touches/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'team-calibrated.png'), fullPage: true });

    const list = await page.request.get(`${env.base}/api/prospects?limit=300`);
    const items = ((await list.json()) as { items: { id: string; decision: { model?: unknown } | null }[] })
      .items;
    const weighed = items.find((p) => p.decision?.model !== undefined);
    await page.goto(`${env.base}/prospects/${weighed?.id ?? ''}`);
    await page.getByText(/Chance of a response by attempt \(calibrated@1\)/).waitFor();
    await page.close();
    expect(faults(consoleErrors)).toEqual([]);
  }, 90_000);
});
