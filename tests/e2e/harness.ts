/**
 * Shared end-to-end helpers: the workbench started in-process on random ports with an in-memory
 * stand-in, Debian's Chromium driven by playwright-core, pages opened as a given stand-in user and
 * theme, screenshots into `test-artifacts/`, and axe-core checks against WCAG 2.2 AA.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startWorkbench } from '../../src/workbench/server';
import { createTrackerData } from '../../src/data';
import type { TrackerData } from '../../src/data';
import { nodeSp } from '../../src/data/node';
import type { Workbench } from '../../src/workbench/server';
import type { PageName } from '../../src/workbench/browser/pages';
import type { ThemeName } from '../../src/components/theme/themes';

/** Debian's Chromium (installed by `.ci/run`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless run in a container. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');

/**
 * A fixed "today" for the tests: 14 November 2017 at 09:30 in London, in the period the seed
 * trackers describe, so that overdue, due-soon and update-overdue items all exist in the demo.
 */
export const TEST_NOW = '2017-11-14T09:30:00Z';

/** The WCAG 2.2 AA rule tags axe-core checks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Launches Chromium with a fresh profile (playwright gives each launch a new user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** What an e2e file's workbench starts with: the demo data unless `seed` is false (a site without the tracker's lists). */
export interface E2eOptions {
  now?: string;
  reminders?: boolean;
  seed?: boolean;
}

/** The workbench with the demo data loaded (unless asked not to), on random ports, with an in-memory stand-in. */
export function startSeededWorkbench(options: E2eOptions = {}): Promise<Workbench> {
  return startWorkbench({ port: 0, standinPort: 0, dbPath: ':memory:', seed: options.seed ?? true, now: options.now ?? TEST_NOW, reminders: options.reminders });
}

/** What an e2e file runs against: the seeded workbench and Chromium. */
export interface E2eSetup {
  workbench: Workbench;
  browser: Browser;
}

/**
 * The start-up every workbench e2e file shares: before its tests the seeded workbench (with the
 * reminder service when asked: it writes the default rules on its start) and Chromium start
 * together, and `onStarted` receives them; after its tests both close.
 */
export function useSeededWorkbench(onStarted: (setup: E2eSetup) => void, options: E2eOptions = {}): void {
  let setup: Partial<E2eSetup> = {};
  beforeAll(async () => {
    const [workbench, browser] = await Promise.all([startSeededWorkbench(options), launchChromium()]);
    setup = { workbench, browser };
    onStarted({ workbench, browser });
  });
  afterAll(async () => {
    await setup.browser?.close();
    await setup.workbench?.close();
  });
}

export interface OpenOptions {
  user?: string;
  theme?: ThemeName;
  page?: PageName;
  /** Extra query parameters (link filters such as `trk-trafficLight=RED`). */
  query?: Record<string, string>;
  /** Done to the page before it loads the workbench (routes that hold or refuse requests, init scripts). */
  before?: (page: Page) => Promise<unknown>;
}

/** A browser context signed in as a stand-in user (the `standin-user` cookie), on a workbench page. */
export async function openWorkbench(browser: Browser, workbench: Workbench, opts: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  await context.addCookies([{ name: 'standin-user', value: opts.user ?? 'analyst', url: workbench.url }]);
  const page = await context.newPage();
  await opts.before?.(page);
  const params = new URLSearchParams({ page: opts.page ?? 'tracker', theme: opts.theme ?? 'light', ...(opts.query ?? {}) });
  await page.goto(`${workbench.url}?${params.toString()}`);
  return { context, page };
}

/** Holds back the page's requests whose address matches `url` until the returned function is called. */
export async function holdRequests(page: Page, url: RegExp): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the tracker shows rows and has finished loading. */
export async function waitForTrackerRows(page: Page, within: string = '[data-webpart="tracker"]'): Promise<void> {
  await page.locator(`${within} [data-testid="counts"]`).filter({ hasText: /^Showing / }).waitFor();
  await page.locator(`${within} .ms-DetailsRow`).first().waitFor();
  await settle(page);
}

/** Waits until every finite animation (Fluent's fade-ins) has finished: screenshots and contrast checks see final colours. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)
  );
}

/** Saves a screenshot of the viewport as `test-artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await settle(page);
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** axe-core's WCAG 2.2 AA violations on the page as it stands, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** The data layer on the workbench's stand-in, as a user: to check what the browser saved. */
export function siteData(workbench: Workbench, user = 'admin'): TrackerData {
  return createTrackerData(nodeSp(workbench.standin.siteUrl, { user }));
}

/** Narrows the tracker (`within`, the tracker page's own by default) with the search box and opens the item with reference `ref` in the panel. */
export async function openItem(page: Page, search: string, ref: string, within = '[data-webpart="tracker"]'): Promise<void> {
  const tracker = page.locator(within);
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill(search);
  await tracker.getByRole('button', { name: `Open ${ref}`, exact: true }).click();
  await page.getByTestId('item-panel').waitFor();
}

/** Presses Tab until the focused element matches, and returns how many presses it took. */
export async function tabTo(page: Page, matches: (el: { tag: string; name: string; role: string | null; text: string }) => boolean, max = 80): Promise<number> {
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', name: a?.getAttribute('aria-label') ?? '', role: a?.getAttribute('role') ?? null, text: (a?.innerText ?? '').trim() };
    });
    if (matches(el)) return i;
  }
  throw new Error(`Nothing matching was reached within ${max} presses of Tab.`);
}
