/**
 * The site's RAG setting in Chromium: a site owner opens Tracker settings, measures RED against
 * the current deadline instead of the original (the City of London demo's choice), and the grid
 * then shows the source's RED beside the tracker's AMBER with the reason; the item panel explains
 * it too; the stored colour column follows; members see no settings; axe finds nothing to fix.
 */
import type { Browser } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { accessibilityViolations, openItem, openWorkbench, screenshot, siteData, useSeededWorkbench, waitForTrackerRows } from './harness';

let workbench: Workbench;
let browser: Browser;

useSeededWorkbench((setup) => ({ workbench, browser } = setup));

/** The stored Stop and Search enhancement 1: RED in the City of London paper, past its original deadline. */
async function stopAndSearch1() {
  const data = siteData(workbench);
  const report = (await data.reports.all()).find((r) => r.value.title === 'Best Use of Stop and Search Scheme revisit 2016');
  const rec = (await data.recommendations.byReport(report?.id ?? -1)).find((r) => r.value.ref === '1');
  if (!rec) throw new Error('Stop and Search 1 is not in the demo');
  return rec;
}

/** The tracker as the site owner, with its Tracker settings panel open. */
async function openSettingsAsOwner() {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin' });
  await waitForTrackerRows(page);
  const tracker = page.locator('[data-webpart="tracker"]');
  await tracker.getByRole('menuitem', { name: 'Tracker settings' }).click();
  await page.getByTestId('tracker-settings').waitFor();
  return { context, page, tracker, panel: page.locator('.ms-Panel') };
}

test('a member sees no tracker settings', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  await expect(page.getByRole('menuitem', { name: 'Tracker settings' }).count()).resolves.toBe(0);
  await context.close();
});

test('a site owner measures RED against the current deadline; the grid and the item show the source’s RED beside AMBER, and why', async () => {
  expect((await siteData(workbench).settings.ragPolicy()).overdueAgainst).toBe('original');
  expect((await stopAndSearch1()).value.trafficLight).toBe('RED');

  const { context, page, tracker, panel } = await openSettingsAsOwner();
  await expect(panel.getByRole('radio', { name: /The original due date/ }).isChecked()).resolves.toBe(true);
  await screenshot(page, 'tracker-settings-panel');
  expect(await accessibilityViolations(page)).toEqual([]);
  await panel.getByRole('radio', { name: /The current due date/ }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/^Saved: RED is measured against the current deadline.* stored colours were brought up to date\.$/).waitFor();
  await waitForTrackerRows(page);

  // The setting, the stored column and the grid all follow.
  expect((await siteData(workbench).settings.ragPolicy()).overdueAgainst).toBe('current');
  expect((await stopAndSearch1()).value.trafficLight).toBe('AMBER');
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('reason for searches');
  const note = tracker.getByTestId('recorded-colour').first();
  await expect(note.innerText()).resolves.toMatch(/^source: RED \(16 Nov 2017\)/);
  await expect(note.getAttribute('title')).resolves.toBe(
    'The source recorded RED on 16 November 2017; the tracker shows AMBER. Ongoing work, due by 31 January 2018; its original deadline of 30 April 2017 has passed, which this site does not count as RED.'
  );
  await screenshot(page, 'tracker-recorded-colour');
  await openItem(page, 'reason for searches', '1');
  await expect(page.getByTestId('colour-difference').innerText()).resolves.toMatch(/^The source recorded RED on 16 November 2017; the tracker shows AMBER\./);
  await screenshot(page, 'tracker-item-recorded-colour');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close' }).first().click();

  // Back to the committee's rule: no item differs from the source.
  await tracker.getByRole('menuitem', { name: 'Tracker settings' }).click();
  await page.getByTestId('tracker-settings').waitFor();
  await panel.getByRole('radio', { name: /The original due date/ }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/^Saved: RED is measured against the original deadline/).waitFor();
  await waitForTrackerRows(page);
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('reason for searches');
  await expect(tracker.getByTestId('recorded-colour').count()).resolves.toBe(0);
  expect((await stopAndSearch1()).value.trafficLight).toBe('RED');
  await context.close();
});

test('a site owner whose panel is out of date is told another owner changed the setting, and nothing is overwritten', async () => {
  expect((await siteData(workbench).settings.ragPolicy()).overdueAgainst).toBe('original');
  const { context, page, tracker, panel } = await openSettingsAsOwner();
  await expect(panel.getByRole('radio', { name: /The original due date/ }).isChecked()).resolves.toBe(true);
  // While the panel is open, another site owner switches to the current due date.
  await siteData(workbench).settings.setRagPolicy({ overdueAgainst: 'current' }, { overdueAgainst: 'original' });
  await panel.getByRole('radio', { name: /The current due date/ }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  // Fluent's MessageBar renders its text a moment after the bar, for screen readers to announce.
  await page.getByTestId('settings-conflict').filter({ hasText: 'Your save was not applied over theirs.' }).waitFor();
  await expect(page.getByTestId('settings-conflict').innerText()).resolves.toBe(
    'Another site owner changed this setting after you opened it: the site now measures RED against the current due date. Your save was not applied over theirs.'
  );
  // The panel now starts from what the site holds: nothing to save; the grid follows the site.
  await expect(panel.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
  await screenshot(page, 'tracker-settings-conflict');
  expect(await accessibilityViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await waitForTrackerRows(page);
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('reason for searches');
  await expect(tracker.getByTestId('recorded-colour').first().innerText()).resolves.toMatch(/^source: RED \(16 Nov 2017\)/);
  await siteData(workbench).settings.setRagPolicy({ overdueAgainst: 'original' });
  await context.close();
});
