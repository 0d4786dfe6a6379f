/**
 * The tracker on a site without its lists, and the tracker's frame while the set-up check is under
 * way: the frame (title, filters, column headers) is drawn while the check and the first reads are
 * on the way; the commands that need rights follow the check, in the place held for them; on a site
 * without the lists the frame gives way to the set-up offer (a site owner) or the notice (anyone
 * else), and the failed first reads are never shown as an error.
 */
import type { Browser, Page } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { accessibilityViolations, holdRequests, openWorkbench, screenshot, useSeededWorkbench } from './harness';

jest.setTimeout(120000);

let workbench: Workbench;
let browser: Browser;
// No seed: the stand-in's site has none of the tracker's lists.
useSeededWorkbench((setup) => ({ workbench, browser } = setup), { seed: false });

/**
 * Every alert the page showed, even for a moment, and whether the tracker ever said it had no rows
 * or counted none: recorded from the first script on.
 */
async function recordAlerts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __alerts: string[] };
    w.__alerts = [];
    const seen = (text: string): void => {
      if (!w.__alerts.includes(text)) w.__alerts.push(text);
    };
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="alert"]')) seen(el.textContent ?? '');
      const tracker = document.querySelector('[data-testid="tracker"]')?.textContent ?? '';
      for (const empty of ['No recommendation matches these filters.', 'Showing 0 of 0']) if (tracker.includes(empty)) seen(empty);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** Holds the set-up check's answer (who is signed in) until the returned function is called. */
function holdSignedIn(page: Page): Promise<() => void> {
  return holdRequests(page, /\/_api\/web\/currentUser/);
}

function alertsShown(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts);
}

test('on a site without the lists, anyone but a site owner is told whom to ask; the failed reads are not shown as an error or as an empty tracker', async () => {
  // The check's answer (who is signed in) held until the first reads have failed and the frame has taken it in.
  let release: () => void = () => undefined;
  let readFailed: Promise<unknown> = Promise.resolve();
  const before = async (p: Page): Promise<void> => {
    await recordAlerts(p);
    release = await holdSignedIn(p);
    readFailed = p.waitForResponse((r) => r.url().includes('/items') && r.status() === 404);
  };
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst', before });
  try {
    const tracker = page.locator('[data-webpart="tracker"]');
    await readFailed;
    await tracker.getByTestId('counts').waitFor();
    await tracker.locator('.ms-ProgressIndicator').waitFor({ state: 'detached' });
    expect(await tracker.getByTestId('counts').textContent()).toBe('Loading recommendations…');
    release();
    await tracker.getByText('The tracker has not been set up on this site yet').waitFor();
    expect(await tracker.getByTestId('tracker').count()).toBe(0);
    expect(await tracker.getByRole('button', { name: 'Set up the tracker on this site' }).count()).toBe(0);
    expect(await alertsShown(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a site owner sets the tracker up from the offer, and the tracker follows with its commands', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin', before: recordAlerts });
  try {
    const tracker = page.locator('[data-webpart="tracker"]');
    const setUp = tracker.getByRole('button', { name: 'Set up the tracker on this site' });
    await setUp.waitFor();
    await tracker.getByText('This site does not have the tracker’s lists yet').waitFor();
    expect(await alertsShown(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'set-up-offer');

    await setUp.click();
    await tracker.getByTestId('counts').filter({ hasText: /^Showing 0 of 0/ }).waitFor({ timeout: 60000 });
    await tracker.getByRole('menuitem', { name: 'New report' }).waitFor();
    expect(await tracker.getByRole('menuitem', { name: 'Tracker settings' }).count()).toBe(1);
    // Set up, the tracker is rightly empty; still no alert.
    expect((await alertsShown(page)).filter((text) => !['No recommendation matches these filters.', 'Showing 0 of 0'].includes(text))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the frame is drawn while the set-up check is under way; the commands that need rights follow it in the place held for them', async () => {
  // The check's answer (who is signed in) held until the frame has been seen.
  let release: () => void = () => undefined;
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin', before: async (p) => (release = await holdSignedIn(p)) });
  try {
    const tracker = page.locator('[data-webpart="tracker"]');
    await tracker.getByRole('searchbox', { name: 'Search recommendations' }).waitFor();
    await tracker.getByRole('columnheader').first().waitFor();
    expect(await tracker.getByRole('menubar').count()).toBe(0);
    const search = await tracker.getByRole('searchbox', { name: 'Search recommendations' }).boundingBox();
    const heading = await tracker.getByTestId('counts').boundingBox();
    await screenshot(page, 'frame-while-checking');

    release();
    await tracker.getByRole('menuitem', { name: 'New report' }).waitFor();
    // Nothing moved down when the commands came: their row's height was held.
    expect(await tracker.getByRole('searchbox', { name: 'Search recommendations' }).boundingBox()).toEqual(search);
    expect(await tracker.getByTestId('counts').boundingBox()).toEqual(heading);
  } finally {
    await context.close();
  }
});
