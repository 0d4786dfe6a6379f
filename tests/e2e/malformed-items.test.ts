/**
 * Items SharePoint accepts but the tracker's model does not, added through raw REST to the demo
 * site behind the workbench: the tracker still shows every row and lists the malformed items
 * flagged "Needs completing" with what is missing and a link to complete them in SharePoint; the
 * dashboard and My Actions still load, and say how many need completing where they count.
 */
import type { Browser } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { REPORT_WITHOUT_SOURCE, TITLE_ONLY_RECOMMENDATION, postItem } from '../integration/malformed.support';
import { actionPlanRecommendation } from '../integration/data.support';
import { accessibilityViolations, openWorkbench, screenshot, siteData, useSeededWorkbench, waitForTrackerRows } from './harness';

let workbench: Workbench;
let browser: Browser;
let readable: number;
let titleOnly: number;
let noSource: number;

useSeededWorkbench((setup) => ({ workbench, browser } = setup));

beforeAll(async () => {
  const data = siteData(workbench);
  titleOnly = await postItem(workbench.standin.siteUrl, 'Recommendations', TITLE_ONLY_RECOMMENDATION);
  noSource = await postItem(workbench.standin.siteUrl, 'Inspection Reports', REPORT_WITHOUT_SOURCE);
  await data.recommendations.add(actionPlanRecommendation(noSource, { ref: '1' }));
  readable = (await data.recommendations.all()).length;
});

test('the tracker shows every readable row and flags the items that need completing, accessibly', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  const tracker = page.locator('[data-webpart="tracker"]');
  await expect(tracker.getByTestId('counts').innerText()).resolves.toMatch(new RegExp(`^Showing ${readable} of ${readable} · .* · 2 need completing$`));

  const flagged = tracker.getByTestId('needs-completing');
  await expect(flagged.getByRole('alert').or(flagged.getByRole('status')).first().innerText()).resolves.toContain('2 items need completing in SharePoint');
  const rows = flagged.getByTestId('needs-completing-row');
  await expect(rows.count()).resolves.toBe(2);
  const recommendation = rows.filter({ hasText: 'Added by hand' });
  await expect(recommendation.innerText()).resolves.toMatch(/Recommendations\s+Needs completing\s+Kind is empty but required\s+Recommendation is empty but required/);
  // The browser reaches the site through the workbench, so the link does too.
  await expect(recommendation.getByRole('link', { name: `Edit item ${titleOnly} in SharePoint` }).getAttribute('href')).resolves.toBe(`${new URL(workbench.url).origin}/sites/tracker/Lists/Recommendations/EditForm.aspx?ID=${titleOnly}`);
  await expect(rows.filter({ hasText: REPORT_WITHOUT_SOURCE.Title }).innerText()).resolves.toContain('Source is empty but required');
  await expect(page.getByRole('table', { name: 'Items that need completing' }).count()).resolves.toBe(1);

  await expect(accessibilityViolations(page)).resolves.toEqual([]);
  await screenshot(page, 'tracker-needs-completing');

  // The recommendation under the report with no Source is a row, grouped under that report's title.
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('Custody inspection');
  await tracker.locator('[role="rowheader"] button', { hasText: `${REPORT_WITHOUT_SOURCE.Title} (1)` }).waitFor();
  await context.close();
});

test('the dashboard renders its figures and says how many items need completing', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst', page: 'dashboard' });
  const dashboard = page.getByTestId('dashboard');
  await dashboard.waitFor();
  await page.getByTestId('tile-open').waitFor();
  await expect(page.getByTestId('dashboard-needs-completing').innerText()).resolves.toContain('2 items need completing in SharePoint and are not counted here');
  await expect(accessibilityViolations(page)).resolves.toEqual([]);
  await screenshot(page, 'dashboard-needs-completing');
  await context.close();
});

test('My Actions still loads for an owner', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'owner', page: 'teams' });
  const tab = page.getByTestId('my-actions');
  await tab.locator('[data-band]').first().or(tab.getByText('Nothing is waiting for you', { exact: false })).waitFor();
  await expect(page.getByRole('alert').filter({ hasText: /cannot read|needs completing/ }).count()).resolves.toBe(0);
  await context.close();
});
