// Every page of the web app at a laptop's size (1366x768) and a phone's (390x844), in a real browser
// (Debian's Chromium, driven by playwright-core) against a real server on loopback with the demo
// organisation: the document never scrolls sideways, and on the phone no visible element sticks out
// past the right edge, except inside a container that scrolls sideways on purpose (the pipeline board,
// a wide table). A failure names the elements. Full-page screenshots of each page at each size go to
// test-artifacts/screenshots as layout-<page>-<laptop|phone>.png, to be looked at.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { DEMO_PASSWORD } from '../../src/app/demo/demo.js';
import { runSimulation } from '../../src/app/model/simulate.js';
import { saveSimulation } from '../../src/app/model/simulations.js';
import type { User } from '../../src/core/records.js';
import { users } from '../../src/store/repositories/people.repository.js';
import {
  SHOTS,
  browserAvailable,
  browserSkip,
  faults,
  signedInPage,
  startBrowserApp,
} from '../support/browser.js';
import type { BrowserApp } from '../support/browser.js';
import { DEFAULT_PLAYBOOK_TEXT } from '../support/scenario.js';

const SIZES = {
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

/** How far the document scrolls sideways, in CSS pixels (0 when it fits). */
const SIDEWAYS = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

/**
 * The visible elements whose right edge is past the viewport's, named by tag, id, classes and the
 * start of their text: the outermost of each sticking-out branch, with how many inside it stick out
 * too. An element inside a container that clips or scrolls sideways (the pipeline board, a wide
 * table) is that container's business: the container itself is checked.
 */
const STICKING_OUT = `(() => {
  const limit = window.innerWidth + 1;
  const contained = (el) => {
    for (let a = el.parentElement; a !== null && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const name = (el) => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes.map((c) => '.' + c).join('');
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= limit) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (contained(el)) continue;
    const outer = out.find((o) => o.el.contains(el));
    if (outer !== undefined) {
      outer.inside += 1;
      continue;
    }
    const text = (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    out.push({ el, inside: 0, text: name(el) + ' (right edge at ' + Math.round(r.right) + ' px): "' + text + '"' });
  }
  return out.map((o) => o.text + (o.inside > 0 ? ' and ' + o.inside + ' elements inside it' : ''));
})()`;

/** Two frames: the layout (and a chart's resize) has followed a change of size. */
const SETTLED = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))';

describe.skipIf(!browserAvailable)(`every page fits a laptop and a phone, in Chromium${browserSkip}`, () => {
  let env: BrowserApp;
  let ctx: AppContext;
  let base: string;
  let browser: Browser;
  const consoleErrors: string[] = [];
  /** One signed-in page per person, reused from test to test. */
  const pages = new Map<string, Page>();

  async function as(email: string): Promise<Page> {
    const open = pages.get(email);
    if (open !== undefined) return open;
    const page = await signedInPage(browser, base, email, { viewport: SIZES.laptop, errors: consoleErrors });
    pages.set(email, page);
    return page;
  }

  /** Opens a page from the header's menu, as a person does. */
  async function menu(page: Page, link: string, heading = link): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  /** A change, as the page makes it: with the session's anti-forgery token. */
  async function post(page: Page, path: string, body: unknown): Promise<void> {
    const session = (await (await page.request.get(`${base}/api/session`)).json()) as { csrf: string };
    const r = await page.request.post(`${base}${path}`, {
      headers: { 'x-csrf-token': session.csrf },
      data: body,
    });
    expect(r.status(), `POST ${path}: ${await r.text()}`).toBeLessThan(300);
  }

  /**
   * Looks at the page as it is at both sizes: a screenshot of each, and what does not fit. Back at the
   * laptop's size afterwards. What is wrong is returned, to be asserted once every size is seen.
   */
  async function look(page: Page, name: string): Promise<string[]> {
    const problems: string[] = [];
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      // From the top: what sticks (the playbook's YAML beside its form) is drawn where a reader sees it.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.evaluate(SETTLED);
      await page.screenshot({ path: join(SHOTS, `layout-${name}-${size}.png`), fullPage: true });
      const sideways = await page.evaluate<number>(SIDEWAYS);
      if (sideways > 0) problems.push(`${name} at ${size} size scrolls sideways by ${sideways} px`);
      if (size === 'phone') {
        for (const out of await page.evaluate<string[]>(STICKING_OUT))
          problems.push(`${name} at ${size} size: ${out}`);
      }
    }
    await page.setViewportSize(SIZES.laptop);
    return problems;
  }

  beforeAll(async () => {
    // A secret key, so that Settings offers to connect a mailbox.
    env = await startBrowserApp(60, { secretKey: 'k'.repeat(40) });
    ({ ctx, base, browser } = env);
  }, 120_000);

  afterAll(async () => env?.close());

  it('the sign-in page, and its complaint about a wrong password', async () => {
    const context = await browser.newContext({ viewport: SIZES.laptop });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const problems = await look(page, 'sign-in');
    await page.getByLabel('Email').fill('dana@northwind.test');
    await page.getByLabel('Password').fill(`not ${DEMO_PASSWORD}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    problems.push(...(await look(page, 'sign-in-refused')));
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);

  it("Today: the rep's day in detail, with actions chosen, compact, and tomorrow's", async () => {
    const page = await as('dana@northwind.test');
    const items = page.getByTestId('agenda-item');
    await items.first().waitFor();
    const problems = await look(page, 'today');
    await items.first().getByRole('checkbox').check();
    await page.getByRole('region', { name: 'The chosen actions' }).getByRole('button').first().waitFor();
    problems.push(...(await look(page, 'today-chosen')));
    await items.first().getByRole('checkbox').uncheck();
    await page.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Compact' }).click();
    await items
      .first()
      .getByRole('button', { name: /^Open / })
      .click();
    problems.push(...(await look(page, 'today-compact')));
    await page.getByRole('tab', { name: /^Tomorrow/ }).click();
    await page.getByRole('tab', { name: /^Tomorrow \(\d+\)/ }).waitFor();
    problems.push(...(await look(page, 'today-tomorrow')));
    await page.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Detailed' }).click();
    await page.getByRole('tab', { name: /^All due/ }).click();
    expect(problems).toEqual([]);
  }, 120_000);

  it('a prospect with its decision, draft, notes, contacts and timeline; the search', async () => {
    const page = await as('dana@northwind.test');
    const list = await page.request.get(`${base}/api/prospects?limit=200`);
    const items = (
      (await list.json()) as { items: { id: string; name: string; decision: { channel?: string } | null }[] }
    ).items;
    const chosen = items.find((p) => p.decision?.channel === 'email') ?? items[0];
    expect(chosen).toBeDefined();
    const id = chosen?.id ?? '';
    await post(page, `/api/prospects/${encodeURIComponent(id)}/notes`, {
      body: 'Met at the trade fair: wants a pilot before the budget round.\nCall before 10, she is in meetings after.',
    });
    await post(page, `/api/prospects/${encodeURIComponent(id)}/notes`, {
      body: 'Their procurement portal: https://procurement.example.test/suppliers/onboarding/registration?ref=northwind-pursuit-2026-q1&step=documents',
    });
    await page.goto(`${base}/prospects/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { name: 'What to do next' }).waitFor();
    await page.getByRole('list', { name: 'Notes on this prospect' }).waitFor();
    // The draft open, as a rep reads it before sending.
    await page.evaluate("document.querySelectorAll('details.draft').forEach((d) => { d.open = true; })");
    const problems = await look(page, 'prospect');

    await page.getByRole('combobox', { name: 'Search prospects' }).fill((chosen?.name ?? 'a').slice(0, 3));
    await page.getByRole('option').first().waitFor();
    problems.push(...(await look(page, 'search')));
    await page.getByRole('combobox', { name: 'Search prospects' }).press('Escape');
    expect(problems).toEqual([]);
  }, 120_000);

  it("the pipeline, as the team's manager sees it, and the form to add a prospect", async () => {
    const page = await as('morgan@northwind.test');
    await menu(page, 'Pipeline');
    await page.getByTestId('board-column').first().waitFor();
    const problems = await look(page, 'pipeline');
    await page.getByRole('button', { name: 'Add a prospect' }).click();
    await page.getByRole('heading', { name: 'Add a prospect' }).waitFor();
    problems.push(...(await look(page, 'pipeline-add')));
    expect(problems).toEqual([]);
  }, 120_000);

  it("the team's dashboard, with its charts and the last simulation's table", async () => {
    // A small simulation, saved as `pursuit simulate --save` does: the dashboard shows it as a table.
    const simulated = await runSimulation({
      world: { name: 'default' },
      days: 10,
      reps: 2,
      seeds: 1,
      defaultPlaybookText: DEFAULT_PLAYBOOK_TEXT,
    });
    const [avery] = await users.findByEmail(ctx.db.kysely, 'avery@northwind.test');
    await saveSimulation(ctx, avery as User, 'default', simulated);
    const page = await as('morgan@northwind.test');
    await menu(page, 'Team');
    await page.locator('.chart').nth(5).locator('svg').waitFor();
    await page.getByText(/^Last simulation/).waitFor();
    expect(await look(page, 'team')).toEqual([]);
  }, 120_000);

  it('the playbook, as the admin edits it and as a rep reads it', async () => {
    const admin = await as('avery@northwind.test');
    await menu(admin, 'Playbook');
    await admin.getByLabel('The playbook (YAML)').waitFor();
    await admin.getByRole('button', { name: 'Check and preview' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: /^Valid\./ })
      .waitFor();
    const problems = await look(admin, 'playbook');
    const rep = await as('dana@northwind.test');
    await menu(rep, 'Playbook');
    await rep.getByLabel('The playbook (YAML)').waitFor();
    problems.push(...(await look(rep, 'playbook-rep')));
    expect(problems).toEqual([]);
  }, 120_000);

  it('the import: choosing, mapping a plain CSV with wide columns, and the report', async () => {
    const page = await as('dana@northwind.test');
    await menu(page, 'Import');
    const problems = await look(page, 'import');
    const csv = [
      'Company name,Primary contact full name,Primary contact email address,Phone number,Website,Notes from the last conversation',
      'Initech Consolidated Holdings International,Bill Lumbergh,bill.lumbergh@initech-consolidated.example.test,+1 555 0101,https://www.initech-consolidated.example.test/about-us/leadership,Wants the TPS reports integrated before anything else happens this quarter',
      'Hooli,Gavin Belson,not-an-email,+1 555 0102,https://hooli.example.test,Said to call back after the board meeting',
    ].join('\n');
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'wide-list.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
    await page.getByText(/^A plain CSV with 6 columns/).waitFor();
    await page.getByLabel('Contact name').selectOption('Primary contact full name');
    await page.getByLabel('Email', { exact: true }).selectOption('Primary contact email address');
    problems.push(...(await look(page, 'import-mapping')));
    await page.getByRole('button', { name: /^Import wide-list\.csv/ }).click();
    await page.getByRole('heading', { name: /^Imported: wide-list\.csv/ }).waitFor();
    await page.getByText('1 row set aside').waitFor();
    problems.push(...(await look(page, 'import-report')));
    expect(problems).toEqual([]);
  }, 120_000);

  it("a rep's settings: the mailbox to connect, a new token shown once, the password, signing out everywhere", async () => {
    const page = await as('dana@northwind.test');
    await menu(page, 'Settings');
    // The most a mailbox form asks: another provider's two servers.
    const mailbox = page.getByRole('form', { name: 'Connect your mailbox' });
    await mailbox.getByLabel('Provider').selectOption('other');
    await mailbox.getByText('Sending (SMTP)').waitFor();
    await page.getByLabel('Token name').fill('calendar sync for the whole sales team');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('region', { name: 'Your new token' }).waitFor();
    expect(await look(page, 'settings-rep')).toEqual([]);
  }, 120_000);

  it("an admin's settings: the people (one opened to edit), the audit log and the do-not-contact list", async () => {
    const page = await as('avery@northwind.test');
    await post(page, '/api/suppressions', { email: 'asked-us-never-to-write-again@subsidiary.example.test' });
    await post(page, '/api/suppressions', { phone: '+1 555 0199' });
    await menu(page, 'Settings');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('heading', { name: 'Do-not-contact list' }).waitFor();
    await page.getByTestId('person').first().waitFor();
    const problems = await look(page, 'settings-admin');
    await page
      .getByRole('button', { name: /^Edit / })
      .nth(1)
      .click();
    await page.locator('tr.editor').waitFor();
    problems.push(...(await look(page, 'settings-admin-edit')));
    expect(problems).toEqual([]);
  }, 120_000);

  it('logged no errors in the browser console', async () => {
    for (const page of pages.values()) await page.context().close();
    expect(faults(consoleErrors)).toEqual([]);
  });
});
