// Notes on a prospect in a real browser (Debian's Chromium) against a real server and SQLite file
// with the demo organisation: a rep adds notes (an empty one is refused on the spot), sees them
// newest first with author and time, edits one, deletes one after an inline confirmation (never a
// browser dialog); a manager's note is shown to the rep without Edit or Delete; a refusal from the
// server is shown where the rep acted.

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

describe.skipIf(!browserAvailable)(`notes on a prospect in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let base: string;
  let browser: Browser;
  const errors: string[] = [];
  const dialogs: string[] = [];
  let prospect: { id: string; name: string };

  beforeAll(async () => {
    env = await startBrowserApp(40);
    ({ base, browser } = env);
    // A prospect of Dana's (whose manager is Morgan).
    prospect = await env.t.db.kysely
      .selectFrom('prospects')
      .innerJoin('users', 'users.id', 'prospects.owner_id')
      .select(['prospects.id', 'prospects.name'])
      .where('users.email', '=', 'dana@northwind.test')
      .orderBy('prospects.id')
      .executeTakeFirstOrThrow();
  }, 60_000);

  afterAll(async () => env?.close());

  async function open(email: string): Promise<Page> {
    const page = await signedInPage(browser, base, email, { errors });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}/prospects/${prospect.id}`);
    await page.getByRole('heading', { name: prospect.name }).waitFor();
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    return page;
  }

  const notesOn = (page: Page) => page.getByRole('list', { name: 'Notes on this prospect' });
  const noteWith = (page: Page, text: string) =>
    notesOn(page).getByRole('listitem').filter({ hasText: text });

  it('adds notes, newest first with author and time; refuses an empty one on the spot', async () => {
    const page = await open('dana@northwind.test');
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByText('No notes yet.').waitFor();
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect(notes.getByRole('alert').textContent()).resolves.toMatch(/cannot be empty/);
    expect(await notes.getByLabel('New note').getAttribute('aria-invalid')).toBe('true');

    await notes.getByLabel('New note').fill('Peter golfs on Fridays.\nAsk about the club.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await noteWith(page, 'Peter golfs on Fridays.').waitFor();
    expect(await notes.getByRole('alert').count()).toBe(0);
    expect(await notes.getByLabel('New note').inputValue()).toBe('');
    await notes.getByLabel('New note').fill('The CFO decides.');
    // Ctrl+Enter adds it too.
    await notes.getByLabel('New note').press('Control+Enter');
    await noteWith(page, 'The CFO decides.').waitFor();

    const items = notesOn(page).getByRole('listitem');
    expect(await items.count()).toBe(2);
    const first = (await items.nth(0).textContent()) ?? '';
    // Dana is in Denver: the fixed clock's 15:00 UTC is 9:00 AM MDT there (DST began on March 8).
    expect(first).toMatch(/^Dana Whitfield just now · Tue, Mar 10, 9:00 AM MDT/);
    expect(first).toContain('The CFO decides.');
    // Its line breaks kept.
    expect(await noteWith(page, 'golfs').locator('.note-body').innerText()).toBe(
      'Peter golfs on Fridays.\nAsk about the club.',
    );
    await page.screenshot({ path: join(SHOTS, 'prospect-notes.png'), fullPage: true });

    // Read again from the server: the same, in the same order.
    await page.reload();
    await noteWith(page, 'The CFO decides.').waitFor();
    expect(await notesOn(page).getByRole('listitem').nth(0).textContent()).toContain('The CFO decides.');
    await page.context().close();
  }, 60_000);

  it('edits a note in place, and deletes one only after an inline confirmation', async () => {
    const page = await open('dana@northwind.test');
    // Found by place (newest first): while it is edited, its text is in a text box.
    const cfo = notesOn(page).getByRole('listitem').nth(0);
    expect(await cfo.textContent()).toContain('The CFO decides.');
    await cfo.getByRole('button', { name: 'Edit' }).click();
    const box = cfo.getByLabel('Edit note');
    expect(await box.inputValue()).toBe('The CFO decides.');
    // Cancel leaves it as it was.
    await box.fill('nothing');
    await cfo.getByRole('button', { name: 'Cancel' }).click();
    expect(await cfo.locator('.note-body').textContent()).toBe('The CFO decides.');
    await cfo.getByRole('button', { name: 'Edit' }).click();
    await cfo.getByLabel('Edit note').fill('The CFO decides, the COO signs.');
    await cfo.getByRole('button', { name: 'Save' }).click();
    await noteWith(page, 'the COO signs.').getByRole('button', { name: 'Edit' }).waitFor();

    const golf = noteWith(page, 'golfs');
    await golf.getByRole('button', { name: 'Delete' }).click();
    const confirm = golf.getByRole('group', { name: 'Delete this note?' });
    await confirm.waitFor();
    await page.screenshot({ path: join(SHOTS, 'prospect-note-delete.png'), fullPage: true });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await golf.count()).toBe(1);
    await golf.getByRole('button', { name: 'Delete' }).click();
    await golf.getByRole('button', { name: 'Yes, delete' }).click();
    await golf.waitFor({ state: 'detached' });
    expect(dialogs).toEqual([]);
    const stored = await env.t.db.kysely
      .selectFrom('notes')
      .select('body')
      .where('prospect_id', '=', prospect.id)
      .execute();
    expect(stored.map((n) => n.body)).toEqual(['The CFO decides, the COO signs.']);
    await page.context().close();
  }, 60_000);

  it("shows a manager's note to the rep without Edit or Delete, and shows a refusal where it happened", async () => {
    const morgan = await open('morgan@northwind.test');
    await morgan.getByLabel('New note').fill('Push for a decision before April.');
    await morgan.getByRole('button', { name: 'Add note' }).click();
    const mine = noteWith(morgan, 'before April');
    await mine.waitFor();
    // The manager may change the rep's note too.
    expect(await noteWith(morgan, 'COO signs').getByRole('button', { name: 'Edit' }).count()).toBe(1);
    await morgan.context().close();

    const dana = await open('dana@northwind.test');
    const theirs = noteWith(dana, 'before April');
    await theirs.waitFor();
    expect(await theirs.textContent()).toMatch(/^Morgan Blake/);
    expect(await theirs.getByRole('button').count()).toBe(0);

    // The note goes while the page is open: saving it then is refused, and says why.
    const own = notesOn(dana).getByRole('listitem').nth(1);
    expect(await own.textContent()).toContain('COO signs');
    await own.getByRole('button', { name: 'Edit' }).click();
    await env.t.db.kysely
      .deleteFrom('notes')
      .where('prospect_id', '=', prospect.id)
      .where('body', 'like', '%COO%')
      .execute();
    await own.getByLabel('Edit note').fill('too late');
    await own.getByRole('button', { name: 'Save' }).click();
    await expect(own.getByRole('alert').textContent()).resolves.toMatch(/^note: no note ".+" on /);
    await dana.context().close();
  }, 60_000);

  it('logged no errors in the browser console', () => {
    expect(faults(errors)).toEqual([]);
  });
});
