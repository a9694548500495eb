// A rep's daily tools in a real browser (Debian's Chromium) against a real server and SQLite file
// with the demo organisation: a PREPARE action is finished by writing down the call's objective and
// agenda, after which the engine waits for the call; phones and emails are links that call or write.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS,
  browserAvailable,
  browserSkip,
  faults,
  signedInPage,
  tabCount,
  startBrowserApp,
} from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';

describe.skipIf(!browserAvailable)(`a rep's day in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let base: string;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    env = await startBrowserApp(90);
    ({ base, browser } = env);
  }, 60_000);

  afterAll(async () => env?.close());

  /** The first prospect (by id) whose decision is `action`, of `owner` if named, opened by its owner. */
  async function openProspectWith(action: string, owner?: string) {
    let query = env.t.db.kysely
      .selectFrom('decisions')
      .innerJoin('prospects', 'prospects.id', 'decisions.prospect_id')
      .innerJoin('users', 'users.id', 'prospects.owner_id')
      .select(['prospects.id', 'prospects.name', 'users.email'])
      .where('decisions.action', '=', action);
    if (owner !== undefined) query = query.where('users.email', '=', owner);
    const row = await query.orderBy('prospects.id').executeTakeFirstOrThrow();
    const page = await signedInPage(browser, base, row.email, { errors });
    await page.goto(`${base}/prospects/${row.id}`);
    await page.getByRole('heading', { name: row.name }).waitFor();
    return { row, page };
  }

  it('finishes a PREPARE action with the call objective and agenda; then it waits for the call', async () => {
    // A prospect whose next action is to prepare a committed call, opened by its owner.
    const { row, page } = await openProspectWith('prepare');
    const form = page.getByRole('form', { name: 'Prepare the call' });
    // No "Email sent" or call outcome for a preparation: only what finishes it.
    expect(await page.getByRole('button', { name: /sent|No answer|Voicemail/ }).count()).toBe(0);
    await form.getByRole('button', { name: 'Preparation done' }).click();
    // The objective is required: nothing is logged without it.
    expect(
      await form
        .getByLabel('Objective of the call')
        .evaluate((i) => (i as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing),
    ).toBe(true);
    await form.getByLabel('Objective of the call').fill('agree on a two-week pilot');
    await form.getByLabel('Agenda (a point a line)').fill('- their rollout dates\n- who signs off\n\n');
    await page.screenshot({ path: join(SHOTS, 'prospect-prepare.png'), fullPage: true });
    await form.getByRole('button', { name: 'Preparation done' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(page.locator('.action strong').first().textContent()).resolves.toMatch(/^WAIT/);
    const events = await env.t.db.kysely
      .selectFrom('events')
      .select('data')
      .where('prospect_id', '=', row.id)
      .where('type', '=', 'prep')
      .execute();
    expect(events.map((e) => JSON.parse(e.data) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        objective: 'agree on a two-week pilot',
        agenda: ['their rollout dates', 'who signs off'],
      }),
    ]);
    await page.context().close();
  }, 60_000);

  it("links phones and emails to call or write at a tap, and shows each item's deal value", async () => {
    const page = await signedInPage(browser, base, 'priya@northwind.test', { errors });
    const items = page.getByTestId('agenda-item');
    await items.first().waitFor();
    const tel = page.locator('[data-testid="agenda-item"] .contact a[href^="tel:"]').first();
    const mail = page.locator('[data-testid="agenda-item"] .contact a[href^="mailto:"]').first();
    expect(await tel.getAttribute('href')).toMatch(/^tel:\+\d{6,}$/);
    expect((await tel.getAttribute('href'))?.slice(4)).toBe(
      (await tel.textContent())?.replace(/[^\d+]/g, ''),
    );
    expect(await mail.getAttribute('href')).toBe(`mailto:${(await mail.textContent()) ?? ''}`);
    expect(await page.locator('[data-testid="agenda-item"] .when').first().textContent()).toMatch(
      / · deal \$[\d,]+$/,
    );
    // On the prospect's page too, for every contact who may be contacted.
    await items.first().locator('.head a.prospect').click();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    expect(await page.locator('.contacts a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 60_000);

  it('finds a prospect from any page: "/" to search, arrows and Enter to open', async () => {
    const page = await signedInPage(browser, base, 'priya@northwind.test', { errors });
    const target = await env.t.db.kysely
      .selectFrom('prospects')
      .innerJoin('users', 'users.id', 'prospects.owner_id')
      .select('prospects.name')
      .where('users.email', '=', 'priya@northwind.test')
      .orderBy('prospects.name', 'desc')
      .executeTakeFirstOrThrow();
    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: 'Search prospects' });
    expect(await search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type(target.name.slice(0, 6).toLowerCase());
    const results = page.getByRole('listbox', { name: 'Prospects found' });
    await results.getByRole('option', { name: new RegExp(target.name) }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'search.png') });
    // Walk to it with the arrow keys, then open it.
    const names = await results.getByRole('option').allTextContents();
    const at = names.findIndex((n) => n.startsWith(target.name));
    for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: target.name }).waitFor();
    // A contact's email address finds its prospect too (the address is nowhere in the company's name).
    const contact = await env.t.db.kysely
      .selectFrom('contacts')
      .innerJoin('prospects', 'prospects.id', 'contacts.prospect_id')
      .innerJoin('users', 'users.id', 'prospects.owner_id')
      .select(['prospects.name', 'contacts.email'])
      .where('users.email', '=', 'priya@northwind.test')
      .where('contacts.email', 'is not', null)
      .where('prospects.name', '!=', target.name)
      .orderBy('contacts.id')
      .executeTakeFirstOrThrow();
    const address = contact.email ?? '';
    expect(contact.name.toLowerCase()).not.toContain(address.toLowerCase());
    await page.keyboard.press('/');
    await page.keyboard.type(address.toUpperCase());
    // That one prospect, and only it (the address is its contact's alone).
    await expect
      .poll(async () =>
        (await results.getByRole('option').allTextContents()).map((o) => o.startsWith(contact.name)),
      )
      .toEqual([true]);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: contact.name }).waitFor();
    // Nothing found is said so; another rep's prospect is not found.
    await page.keyboard.press('/');
    await page.keyboard.type('zzzz no such company');
    await results.getByText('No prospect matches “zzzz no such company”.').waitFor();
    await page.keyboard.press('Escape');
    await results.waitFor({ state: 'detached' });
    await page.context().close();
  }, 60_000);

  it('snoozes a prospect until a time typed as people say it, marks a deal lost after asking, and undoes it', async () => {
    const { row, page } = await openProspectWith('follow-up', 'tom@northwind.test');
    // Tom works in London: 15:00 there on Tuesday 10 March; next Monday 9:00 is 16 March.
    await page.getByLabel('Snooze until').fill('next monday 9:00');
    await page.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Snoozed until Mon, Mar 16, 9:00 AM GMT.' }).waitFor();
    // A bad time names what was wrong, and snoozes nothing.
    await page.getByLabel('Snooze until').fill('someday');
    await page.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect(page.locator('.prospect-actions [role="alert"]').textContent()).resolves.toContain('until');

    await page.getByRole('button', { name: 'Deal lost…' }).click();
    await page.getByRole('button', { name: 'Yes, the deal is lost' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged the deal as lost' }).waitFor();
    // The page is read again after the status is shown: wait for the new decision.
    await expect.poll(() => page.locator('.action strong').first().textContent()).toMatch(/^NURTURE/);
    await page.screenshot({ path: join(SHOTS, 'prospect-actions.png'), fullPage: true });
    await page.getByRole('button', { name: 'Undo last' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Took back the last deal you logged, on ${row.name}.` })
      .waitFor();
    await expect.poll(() => page.locator('.action strong').first().textContent()).toMatch(/^FOLLOW-UP/);
    const deals = await env.t.db.kysely
      .selectFrom('events')
      .select('id')
      .where('prospect_id', '=', row.id)
      .where('type', '=', 'deal')
      .execute();
    expect(deals).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('logs a deal as won: the prospect becomes a customer whose next step is a check-in; Undo takes it back', async () => {
    const { row, page } = await openProspectWith('follow-up', 'priya@northwind.test');
    const decision = page.getByRole('region', { name: 'What to do next' });
    await expect(decision.locator('.action strong').textContent()).resolves.toMatch(/^FOLLOW-UP/);
    await page.getByRole('button', { name: 'Deal won' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged the deal as won: a customer now.' }).waitFor();
    // Never dropped: the engine keeps in touch with a check-in, by the customer rule (the page is
    // read again after the status is shown, so it is waited for).
    await expect.poll(() => decision.locator('.rule').textContent()).toBe('rule customer-check-in');
    await expect(decision.locator('.reason').textContent()).resolves.toMatch(/^A customer\b.*check[- ]in/);
    await expect(decision.locator('.action strong').textContent()).resolves.toMatch(/^(WAIT|CHECK-IN)/);
    await expect(page.locator('.facts').textContent()).resolves.toMatch(/^customer · /);
    await page.locator('.timeline li').filter({ hasText: 'deal won' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'prospect-won.png'), fullPage: true });

    await page.getByRole('button', { name: 'Undo last' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Took back the last deal you logged, on ${row.name}.` })
      .waitFor();
    await expect.poll(() => page.locator('.facts').textContent()).toMatch(/^prospect · /);
    await expect.poll(() => decision.locator('.action strong').textContent()).toMatch(/^FOLLOW-UP/);
    expect(await page.locator('.timeline li').filter({ hasText: 'deal won' }).count()).toBe(0);
    const deals = await env.t.db.kysely
      .selectFrom('events')
      .select('id')
      .where('prospect_id', '=', row.id)
      .where('type', '=', 'deal')
      .execute();
    expect(deals).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('splits the day into tabs (all due, overdue, later today, tomorrow) and walks it with j, k, o and ?', async () => {
    const page = await signedInPage(browser, base, 'priya@northwind.test', { errors });
    const items = page.getByTestId('agenda-item');
    await items.first().waitFor();
    const all = await items.count();
    const tab = (name: RegExp) => page.getByRole('tab', { name });
    const count = (name: RegExp) => tabCount(page, name);
    expect(await count(/^All due/)).toBe(all);
    expect((await count(/^Overdue/)) + (await count(/^Later today/))).toBe(all);
    await tab(/^Overdue/).click();
    // A tab reads its own list when it is opened.
    await expect.poll(() => items.count()).toBe(await count(/^Overdue/));
    for (const when of await page.locator('[data-testid="agenda-item"] .when').allTextContents())
      expect(when).toMatch(/overdue by|now/);
    await tab(/^Tomorrow/).click();
    await expect.poll(async () => (await tab(/^Tomorrow/).textContent()) ?? '').toMatch(/\(\d+\)/);
    for (const when of await page.locator('[data-testid="agenda-item"] .when').allTextContents())
      expect(when).toMatch(/^Wed, Mar 11/);
    await page.screenshot({ path: join(SHOTS, 'today-tomorrow.png') });
    await tab(/^All due/).click();

    // j and k walk the actions; o opens the current one's prospect; ? lists the shortcuts.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await items.first().evaluate((li) => li === li.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('?');
    await page
      .getByRole('dialog', { name: 'Keyboard shortcuts' })
      .getByText('next / previous action')
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'today-shortcuts.png') });
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    const name = (await items.first().locator('.head a.prospect').textContent()) ?? '';
    await page.keyboard.press('o');
    await page.getByRole('heading', { name }).waitFor();
    await page.context().close();
  }, 60_000);

  it('adds a prospect and its first contact from the Pipeline, naming a bad field, then opens its page', async () => {
    const page = await signedInPage(browser, base, 'dana@northwind.test', { errors });
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('button', { name: 'Add a prospect' }).click();
    const form = page.getByRole('form', { name: 'Add a prospect' });
    await form.getByLabel('Company').fill('Harbour Lights Ltd');
    await form.getByLabel('Where the lead came from').selectOption('referral');
    await form.getByLabel('Deal value (optional)').fill('18000');
    await form.getByLabel('Contact').fill('Nia Okafor');
    await form.getByLabel('Email').fill('nia@harbourlights.test');
    await form.getByLabel('Phone').fill('+44 20 7946 0110');
    await form.getByLabel('Time zone').fill('Europe/Londn');
    await form.getByRole('button', { name: 'Add prospect' }).click();
    const problem = form.getByRole('alert');
    await expect(problem.textContent()).resolves.toMatch(/^Time zone: /);
    expect(await form.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'pipeline-add.png'), fullPage: true });
    await form.getByLabel('Time zone').fill('Europe/London');
    await form.getByRole('button', { name: 'Add prospect' }).click();
    await page.getByRole('heading', { name: 'Harbour Lights Ltd' }).waitFor();
    await expect(page.locator('.facts').textContent()).resolves.toContain('referral · deal $18,000');
    await expect(page.locator('.action strong').first().textContent()).resolves.toMatch(/^[A-Z-]+/);
    expect(await page.locator('.contacts').textContent()).toContain('Nia Okafor');
    await page.context().close();
  }, 60_000);

  it('logged no errors in the browser console', () => {
    expect(faults(errors)).toEqual([]);
  });
});
