// Calibrating from the team dashboard in a real browser, on a demo organisation with enough history
// (300 prospects): the admin checks what a calibration would do, puts it in force, and the
// dashboard then shows the team's own curve; the prospect page draws its decision's curve from it.

import { join } from 'node:path';
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
import { runSimulation } from '../../src/app/model/simulate.js';
import { saveSimulation } from '../../src/app/model/simulations.js';
import type { User } from '../../src/core/records.js';
import { users } from '../../src/store/repositories/people.repository.js';
import { DEFAULT_PLAYBOOK_TEXT } from '../support/scenario.js';

describe.skipIf(!browserAvailable)(`calibrating from the dashboard in Chromium${browserSkip}`, () => {
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
    await page
      .getByText(
        /Calibration 1 would change \d+ decisions?\. 5% of prospects are followed on to the hard maximum/,
      )
      .waitFor();
    await page.getByRole('button', { name: 'Put calibration 1 in force' }).click();
    await page.getByText(/Calibration 1 is in force/).waitFor();
    await page.getByText(/Calibrated on [\d,]+ touches/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'team-calibrated.png'), fullPage: true });

    const list = await page.request.get(`${env.base}/api/prospects?limit=300`);
    const items = ((await list.json()) as { items: { id: string; decision: { model?: unknown } | null }[] })
      .items;
    const weighed = items.find((p) => p.decision?.model !== undefined);
    await page.goto(`${env.base}/prospects/${weighed?.id ?? ''}`);
    await page
      .getByText(/Chance of a response by attempt, from your team's history \(calibration 1\);/)
      .waitFor();
    await page.close();
    expect(faults(consoleErrors)).toEqual([]);
  }, 90_000);

  it('shows the last saved simulation: a bar per policy, the table, the comparisons and the bound', async () => {
    // A real simulation of a small world, saved as `pursuit simulate --save` does.
    const simulated = await runSimulation({
      world: { name: 'default' },
      days: 15,
      reps: 2,
      seeds: 2,
      defaultPlaybookText: DEFAULT_PLAYBOOK_TEXT,
    });
    const [avery] = await users.findByEmail(env.ctx.db.kysely, 'avery@northwind.test');
    await saveSimulation(env.ctx, avery as User, 'default', simulated);

    const page = await signedInPage(env.browser, env.base, 'avery@northwind.test', { errors: consoleErrors });
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByText('Last simulation (default world, 2 seeds)').waitFor();
    const table = page.getByRole('table').filter({ hasText: 'Dropped who would have answered' });
    for (const name of [
      'engine (calibrated)',
      'stop after 8',
      'never stop',
      'bound: engine knowing the truth',
    ])
      await table.getByRole('cell', { name, exact: true }).waitFor();
    await page.getByText(/Revenue per rep-hour, engine \(calibrated\) vs stop after \d+: [+-]\d/).waitFor();
    await page.getByText(/With perfect knowledge, bound: engine knowing the truth vs/).waitFor();
    await page.getByText('Last simulation').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'team-simulation.png'), fullPage: true });

    // The same, every policy working oldest first (`pursuit simulate --order oldest --save`).
    const oldest = await runSimulation({
      world: { name: 'default' },
      days: 15,
      reps: 2,
      seeds: 2,
      order: 'oldest',
      defaultPlaybookText: DEFAULT_PLAYBOOK_TEXT,
    });
    // Saved a minute later (the tests' clock stands still): the latest is this one.
    const later = { ...env.ctx, now: () => env.ctx.now() + 60_000 };
    await saveSimulation(later, avery as User, 'default', oldest);
    await page.reload();
    await page
      .getByText('Last simulation (default world, 2 seeds, every policy working oldest first)')
      .waitFor();
    await page.close();
    expect(faults(consoleErrors)).toEqual([]);
  }, 90_000);
});
