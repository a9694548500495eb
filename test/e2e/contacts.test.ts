// Adding a contact on a prospect's page in a real browser (Debian's Chromium) against a real server
// and SQLite file with the demo organisation: a company imported alone has no decision until it has
// a contact, and its page says so with the way to add one; a bad email is named beside its field;
// the new contact is shown with links to write and call, and the decision is made at once. On a
// phone, a colleague added where nobody else may be contacted turns a stop into a next step.

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

describe.skipIf(!browserAvailable)(`adding a contact in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let base: string;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    env = await startBrowserApp(90);
    ({ base, browser } = env);
  }, 60_000);

  afterAll(async () => env?.close());

  /** How far the page scrolls sideways (a string, so the test's type check needs no DOM library). */
  const overflow = (page: Page) =>
    page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  /** Opens a prospect from the search box, as a rep would. */
  async function find(page: Page, text: string, name: string) {
    await page.keyboard.press('/');
    await page.keyboard.type(text);
    const results = page.getByRole('listbox', { name: 'Prospects found' });
    await expect
      .poll(async () => (await results.getByRole('option').allTextContents()).map((o) => o.startsWith(name)))
      .toEqual([true]);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  it('adds the first contact to a company imported alone: a bad email is named, then the decision appears', async () => {
    const page = await signedInPage(browser, base, 'dana@northwind.test', {
      errors,
      viewport: { width: 1366, height: 768 },
    });
    // A HubSpot companies export: a company, no people.
    await page.getByRole('link', { name: 'Import' }).click();
    const csv =
      'Record ID,Company name,Company owner,Lifecycle Stage\n9901,Lantern Bay Co,Dana Whitfield,Lead\n';
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'lantern.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('HubSpot companies').waitFor();
    await page.getByRole('button', { name: /^Import lantern\.csv/ }).click();
    await page.getByRole('heading', { name: /^Imported: lantern\.csv/ }).waitFor();

    await find(page, 'lantern bay', 'Lantern Bay Co');
    const decision = page.getByRole('region', { name: 'What to do next' });
    await decision.getByText('No decision yet: add a contact.').waitFor();
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByText('No contacts yet.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'contact-none.png') });
    // The sentence leads to the form, ready to type in.
    const form = page.getByRole('form', { name: 'Add a contact' });
    await decision.getByRole('button', { name: 'add a contact' }).click();
    await expect
      .poll(() => form.getByLabel('Name').evaluate((i) => i === i.ownerDocument.activeElement))
      .toBe(true);
    // The first contact is the primary; Cancel is not offered while there is none.
    await expect(form.getByLabel('Role').inputValue()).resolves.toBe('primary');
    expect(await form.getByRole('button', { name: 'Cancel' }).count()).toBe(0);

    await page.keyboard.type('Nia Okafor');
    // An address the browser lets through (no dot after the @) that the server refuses, by name.
    await form.getByLabel('Email').fill('nia@lanternbay');
    await form.getByLabel('Phone').fill('+1 (617) 555-0142');
    await form.getByLabel('Time zone').fill('America/New_York');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^Email: expected an email address/);
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBeNull();
    await contacts.getByText('No contacts yet.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'contact-add-refused.png') });

    await form.getByLabel('Email').fill('nia@lanternbay.test');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByRole('status').filter({ hasText: 'Added Nia Okafor.' }).waitFor();
    const item = contacts.getByRole('listitem').filter({ hasText: 'Nia Okafor' });
    await expect(item.textContent()).resolves.toContain('Nia Okafor (primary)');
    expect(await item.getByRole('link', { name: 'nia@lanternbay.test' }).getAttribute('href')).toBe(
      'mailto:nia@lanternbay.test',
    );
    expect(await item.getByRole('link', { name: '+1 (617) 555-0142' }).getAttribute('href')).toBe(
      'tel:+16175550142',
    );
    // Decided at once, with the new contact, and the form is done.
    expect(await decision.getByText('No decision yet').count()).toBe(0);
    await expect(decision.locator('.action strong').textContent()).resolves.toMatch(/^[A-Z]/);
    // The draft is written to her.
    await expect(decision.getByLabel('Message').inputValue()).resolves.toMatch(/^Hi Nia\b/);
    expect(await form.count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'contact-added.png'), fullPage: true });

    // The new contact's address finds the company.
    await find(page, 'nia@lanternbay', 'Lantern Bay Co');
    await page.context().close();
  }, 90_000);

  it('on a phone, adds a colleague where nobody else may be contacted: the stop becomes a next step', async () => {
    // A prospect of Dana's whose every contact is marked do-not-contact.
    const row = await env.t.db.kysely
      .selectFrom('decisions')
      .innerJoin('prospects', 'prospects.id', 'decisions.prospect_id')
      .innerJoin('users', 'users.id', 'prospects.owner_id')
      .select(['prospects.id', 'prospects.name'])
      .where('decisions.rule', '=', 'do-not-contact')
      .where('prospects.do_not_contact', '=', 0)
      .where('users.email', '=', 'dana@northwind.test')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('contacts')
              .select('contacts.id')
              .whereRef('contacts.prospect_id', '=', 'prospects.id')
              .where('contacts.do_not_contact', '=', 0),
          ),
        ),
      )
      .orderBy('prospects.id')
      .executeTakeFirstOrThrow();
    const page = await signedInPage(browser, base, 'dana@northwind.test', {
      errors,
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${base}/prospects/${row.id}`);
    await page.getByRole('heading', { name: row.name, level: 1 }).waitFor();
    const decision = page.getByRole('region', { name: 'What to do next' });
    await expect(decision.locator('.action strong').textContent()).resolves.toMatch(/^STOP/);
    const contacts = page.getByRole('region', { name: 'Contacts' });
    const before = await contacts.getByRole('listitem').count();

    const form = page.getByRole('form', { name: 'Add a contact' });
    expect(await form.count()).toBe(0);
    await contacts.getByRole('button', { name: 'Add a contact' }).click();
    await expect
      .poll(() => form.getByLabel('Name').evaluate((i) => i === i.ownerDocument.activeElement))
      .toBe(true);
    // A second primary would not be the one reached: a colleague is a stakeholder.
    await expect(form.getByLabel('Role').inputValue()).resolves.toBe('stakeholder');
    expect(await form.locator('option[value="primary"]').isDisabled()).toBe(true);
    // Cancel closes it, and it opens again empty.
    await form.getByLabel('Name').fill('Someone Else');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await contacts.getByRole('button', { name: 'Add a contact' }).click();
    await expect(form.getByLabel('Name').inputValue()).resolves.toBe('');

    await form.getByLabel('Name').fill('Marisol Vega-Lindqvist');
    await form.getByLabel('Email').fill('marisol.vega-lindqvist@procurement.baysidecapital.example');
    await form.getByLabel('Phone').fill('+44 20 7946 0958');
    await form.getByLabel('Time zone').fill('Europe/London');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await form.screenshot({ path: join(SHOTS, 'contact-add-phone-form.png') });
    await form.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByRole('status').filter({ hasText: 'Added Marisol Vega-Lindqvist.' }).waitFor();
    expect(await contacts.getByRole('listitem').count()).toBe(before + 1);
    const item = contacts.getByRole('listitem').filter({ hasText: 'Marisol Vega-Lindqvist' });
    await expect(item.textContent()).resolves.toContain('(stakeholder)');
    await item
      .getByRole('link', { name: 'marisol.vega-lindqvist@procurement.baysidecapital.example' })
      .waitFor();
    await item.getByRole('link', { name: '+44 20 7946 0958' }).waitFor();
    // No longer a stop: the engine reaches the one person who may be contacted.
    await expect(decision.locator('.action strong').textContent()).resolves.not.toMatch(/^STOP/);
    await expect(decision.getByLabel('Message').inputValue()).resolves.toMatch(/^Hi Marisol\b/);
    await page.screenshot({ path: join(SHOTS, 'contact-added-phone.png'), fullPage: true });
    await contacts.screenshot({ path: join(SHOTS, 'contact-added-phone-list.png') });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 90_000);

  it('logged no errors in the browser console', () => {
    expect(faults(errors)).toEqual([]);
  });
});
