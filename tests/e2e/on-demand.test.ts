/**
 * Code loaded on demand, in Chromium (issue 15): the item panel's code is not downloaded with the
 * tracker; opening an item while it downloads shows the panel at once with a spinner, then the item;
 * a chunk that cannot be downloaded is said so where the part would be, and closing the message
 * returns to the grid.
 */
import type { Browser } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { launchChromium, openWorkbench, screenshot, startSeededWorkbench, waitForTrackerRows } from './harness';

let workbench: Workbench;
let browser: Browser;

beforeAll(async () => {
  workbench = await startSeededWorkbench();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

const ITEM_PANEL_CHUNK = /\/bundle\/ItemPanel-\w+\.js$/;

test('the item panel downloads when an item is first opened, with a spinner meanwhile', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  const downloaded: string[] = [];
  page.on('request', (r) => downloaded.push(new URL(r.url()).pathname));
  await waitForTrackerRows(page);
  expect(downloaded.some((p) => ITEM_PANEL_CHUNK.test(p))).toBe(false);

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(ITEM_PANEL_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  const tracker = page.locator('[data-webpart="tracker"]');
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('quality of investigations supervisors');
  await tracker.getByRole('button', { name: 'Open 1610', exact: true }).click();
  await page.locator('.ms-Panel').getByText('Loading the item…').waitFor();
  await screenshot(page, 'on-demand-item-loading');
  release();
  await page.getByTestId('item-panel').waitFor();
  await expect(page.locator('.ms-Panel').getByText('Loading the item…').count()).resolves.toBe(0);
  await context.close();
});

test('a part whose code cannot be downloaded says so, and closing the message returns to the grid', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  await page.route(/\/bundle\/forms-\w+\.js$/, (route) => route.abort());
  const tracker = page.locator('[data-webpart="tracker"]');
  await tracker.getByRole('menuitem', { name: 'New report' }).click();
  const message = page.getByText('This part of the tracker could not be loaded; reload the page to try again.', { exact: false });
  await message.waitFor();
  await screenshot(page, 'on-demand-failed');
  await page.getByRole('button', { name: 'Close message' }).click();
  await message.waitFor({ state: 'detached' });
  await tracker.getByRole('menuitem', { name: 'New report' }).waitFor();
  await context.close();
});
