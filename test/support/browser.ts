// Test support for the browser tests: Debian's Chromium driven by playwright-core, the built web app,
// where screenshots go, and a page signed in as a demo user whose console errors are collected.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/api/build-app.js';
import type { Api } from '../../src/api/build-app.js';
import { DEMO_PASSWORD, createDemo } from '../../src/app/demo/demo.js';
import { TestClock, appContext, freshDatabase } from './databases.js';
import type { TestDb } from './databases.js';
import type { AppContext } from '../../src/app/context.js';

const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = join(ROOT, 'dist/web');
export const SHOTS = join(ROOT, 'test-artifacts/screenshots');

/** Whether the browser tests can run; on CI they must. */
export const browserAvailable = existsSync(CHROMIUM) && existsSync(join(WEB_ROOT, 'index.html'));
/** For a browser suite's title: why it is skipped here, or nothing when it runs. */
export const browserSkip = browserAvailable
  ? ''
  : ` (skipped: ${existsSync(CHROMIUM) ? 'no built web app: npm run build' : `no Chromium at ${CHROMIUM} (apt-get install chromium)`})`;
if (!browserAvailable && process.env.CI !== undefined) {
  throw new Error(`CI needs ${CHROMIUM} and a built web app (npm run build): the browser tests must run`);
}

/** Chromium, headless; `extraArgs` adds switches (a host name mapped to loopback, say). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface SignInOptions {
  password?: string;
  viewport?: { width: number; height: number };
  /** Where the page's console errors go. */
  errors: string[];
  /** Clipboard access, for Copy buttons. */
  clipboard?: boolean;
  /**
   * Today's density, as the rep chose it in this browser: detailed (every action's reason, draft and
   * buttons at once; what most browser tests work on) unless a test asks for the app's compact default.
   */
  density?: 'compact' | 'detailed';
}

/** A new browser context signed in as `email`, on its Today page. */
export async function signedInPage(
  browser: Browser,
  base: string,
  email: string,
  options: SignInOptions,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const density = options.density ?? 'detailed';
  await context.addInitScript({
    // Only where no choice is kept yet: a choice made in the test must survive a reload.
    content: `if (localStorage.getItem('pursuit.today.density') === null) localStorage.setItem('pursuit.today.density', ${JSON.stringify(density)});`,
  });
  if (options.clipboard === true)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') options.errors.push(`${email}: ${m.text()}`);
  });
  page.on('pageerror', (e) => options.errors.push(`${email}: ${e.message}`));
  await page.goto(base);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  return page;
}

export interface BrowserApp {
  t: TestDb;
  ctx: AppContext;
  app: Api;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The demo organisation (`prospects` of them) in a fresh SQLite file, on the tests' fixed clock
 * (Tuesday 2026-03-10, 11:00 in New York), served with the built web app on loopback, and Chromium.
 */
export async function startBrowserApp(
  prospects: number,
  /** secretKey: the server's key for stored secrets (with it, Settings offers to connect a mailbox). */
  options: { browserArgs?: readonly string[]; secretKey?: string } = {},
): Promise<BrowserApp> {
  const t = await freshDatabase('sqlite');
  const clocked = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
  const ctx = options.secretKey === undefined ? clocked : { ...clocked, secretKey: options.secretKey };
  await createDemo(ctx, { prospects });
  const app = (await buildApp(ctx, { webRoot: WEB_ROOT, checkAnswers: true })).app;
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser(options.browserArgs);
  return {
    t,
    ctx,
    app,
    base,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}

/** The number a tab's name ends with, "(12)": how many actions Today's tab holds. */
export async function tabCount(page: Page, name: RegExp): Promise<number> {
  const text = (await page.getByRole('tab', { name }).textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(text)?.[1]);
}

/** The console errors that are faults: the browser also reports every 4xx answer (signing in, bad input). */
export function faults(errors: string[]): string[] {
  return errors.filter((e) => !/status of 4\d\d /.test(e));
}
