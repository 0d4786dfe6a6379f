/**
 * The Tracker Dashboard (figures agree with the data; a click opens the matching filtered tracker;
 * each chart has a table alternative), the property pane, and axe-core's WCAG 2.2 AA check of
 * every workbench page in every theme, with a screenshot of each as a test artifact.
 */
import type { Browser } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { THEME_NAMES } from '../../src/components/theme/themes';
import { isOverdue, trafficLight } from '../../src/core/status';
import { repeatedNationalRows } from '../../src/core/colourCounts';
import type { Recommendation } from '../../src/core/model';
import type { Stored } from '../../src/data';
import type { PageName } from '../../src/workbench/browser/pages';
import { TEST_NOW, accessibilityViolations, holdRequests, openItem, openWorkbench, screenshot, siteData, useSeededWorkbench, waitForTrackerRows } from './harness';

let workbench: Workbench;
let browser: Browser;

useSeededWorkbench((setup) => ({ workbench, browser } = setup));

test('the dashboard counts overdue items as the status rules do, and a click opens them in the tracker', async () => {
  const today = TEST_NOW.slice(0, 10);
  const all = await siteData(workbench).recommendations.all();
  // Each recommendation once: a national row the force's own row repeats is counted with the force row.
  const repeats = new Set(all.map((r) => r.value.nationalRecommendationId));
  const overdueRows = all.filter((r) => isOverdue(r.value, today));
  const overdue = overdueRows.filter((r) => !repeats.has(r.id)).length;
  const repeatedOverdue = overdueRows.length - overdue;
  expect(overdue).toBeGreaterThan(0);

  const { context, page } = await openWorkbench(browser, workbench, { page: 'dashboard', user: 'manager' });
  const tile = page.getByTestId('tile-overdue');
  await tile.waitFor();
  await expect(tile.innerText()).resolves.toBe(`${overdue}\nOverdue`);
  await screenshot(page, 'dashboard-light');
  await tile.click();
  await page.waitForURL(/page=tracker/);
  expect(new URL(page.url()).searchParams.get('trk-overdue')).toBe('true');
  await waitForTrackerRows(page);
  // The list shows both rows of a repeated recommendation, and says which it counts once.
  const listed = new RegExp(`^Showing ${overdue + repeatedOverdue} of .*${repeatedOverdue > 0 ? ` · ${repeatedOverdue} national rows? counted with the force's own` : ''}$`);
  await expect(page.getByTestId('counts').innerText()).resolves.toMatch(listed);
  await expect(page.getByRole('checkbox', { name: 'Overdue', exact: true }).isChecked()).resolves.toBe(true);
  await context.close();
});

test('every chart has a table alternative, and a segment opens the matching items in a panel', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { page: 'intranet', user: 'manager' });
  const dashboard = page.locator('[data-webpart="intranet-dashboard"]');
  await dashboard.getByTestId('dashboard').waitFor();
  const byReport = dashboard.locator('section[aria-labelledby]').filter({ has: page.getByRole('heading', { name: 'Traffic lights by report' }) });
  await byReport.getByRole('button', { name: 'Show table' }).click();
  const table = byReport.getByRole('table');
  await table.waitFor();
  const firstRow = table.getByRole('row').nth(1);
  const reportName = await firstRow.getByRole('rowheader').innerText();
  const cells = await firstRow.getByRole('cell').allInnerTexts();
  const [red, amber, green, white, total] = cells.map(Number);
  expect(red + amber + green + white).toBe(total);

  const chart = dashboard.locator('section[aria-labelledby]').filter({ has: page.getByRole('heading', { name: 'Open items over time' }) });
  await chart.getByRole('button', { name: 'Show table' }).click();
  await expect(chart.getByRole('row').count()).resolves.toBe(13);

  await byReport.getByRole('button', { name: 'Show chart' }).click();
  const segment = byReport.getByRole('button', { name: new RegExp(`^${reportName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ (RED|AMBER|GREEN|WHITE)$`) }).first();
  const label = (await segment.getAttribute('aria-label')) ?? '';
  const [, count, colour] = /: (\d+) (RED|AMBER|GREEN|WHITE)$/.exec(label) ?? [];
  await segment.click();
  // The drilled tracker counts the segment's colour as the chart did, each recommendation once.
  await page.getByTestId('tracker').last().getByTestId('counts').filter({ hasText: new RegExp(`^Showing \\d+ of .* · ${colour} ${count}\\b`) }).waitFor();
  await screenshot(page, 'dashboard-drill-panel');
  await context.close();
});

test('an item saved in a tracker while the dashboard beside it loads counts under its new directorate once the dashboard is in', async () => {
  // Each recommendation once, as the dashboard counts: a national row its force row carries is left out.
  const counted = async (): Promise<Stored<Recommendation>[]> => {
    const all = await siteData(workbench).recommendations.all();
    const carried = repeatedNationalRows(all.map((r) => ({ ...r.value, id: r.id })));
    return all.filter((r) => !carried.has(r.id));
  };
  // A RED item in the first screenful of items (the first 100 by id), so that the tracker of RED
  // items shows it before the other pages come.
  const today = TEST_NOW.slice(0, 10);
  const policy = await siteData(workbench).settings.ragPolicy();
  const item = (await counted())
    .filter((r) => r.id <= 100)
    .find((r) => trafficLight(r.value, today, policy) === 'RED' && r.value.directorate !== 'Contact Management');
  if (item === undefined) throw new Error('The demo data have no RED item among their first 100.');

  // The large pages of items after the first screenful are held back: the trackers show their
  // first rows, the dashboard (which counts every item) waits.
  let release: () => void = () => undefined;
  const { context, page } = await openWorkbench(browser, workbench, { page: 'intranet', user: 'analyst', before: async (p) => (release = await holdRequests(p, /getByTitle\('Recommendations'\)\/items\?.*(\$|%24)top=5000/)) });
  const red = page.locator('[data-webpart="intranet-red"]');
  await red.locator('.ms-DetailsRow').first().waitFor();
  const dashboard = page.locator('[data-webpart="intranet-dashboard"]');
  expect(await dashboard.getByTestId('dashboard').count()).toBe(0);
  // It moves to Contact Management, which no demo owner leads.
  await openItem(page, item.value.text.slice(0, 80), item.value.ref, '[data-webpart="intranet-red"]');
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Directorate' }).fill('Contact Management');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Changes saved.').waitFor();
  await page.getByRole('button', { name: 'Close' }).first().click();
  expect(await dashboard.getByTestId('dashboard').count()).toBe(0);
  release();

  // What SharePoint now holds, by directorate.
  const expected = new Map<string, number>();
  for (const r of await counted()) if (r.value.directorate !== undefined) expected.set(r.value.directorate, (expected.get(r.value.directorate) ?? 0) + 1);
  expect(expected.get('Contact Management')).toBeGreaterThan(0);

  await dashboard.getByTestId('dashboard').waitFor();
  const byDirectorate = dashboard.locator('section[aria-labelledby]').filter({ has: page.getByRole('heading', { name: 'Traffic lights by directorate' }) });
  await byDirectorate.getByRole('button', { name: 'Show table' }).click();
  const shown = new Map<string, number>();
  for (const row of (await byDirectorate.getByRole('row').all()).slice(1)) {
    const cells = await row.getByRole('cell').allInnerTexts();
    shown.set(await row.getByRole('rowheader').innerText(), Number(cells[cells.length - 1]));
  }
  expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
  await context.close();
});

test('the property pane edits one web part instance and leaves the others alone', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { page: 'intranet', user: 'analyst' });
  const red = page.locator('[data-webpart="intranet-red"]');
  await red.getByTestId('counts').filter({ hasText: /^Showing / }).waitFor();
  await red.getByRole('button', { name: /^Edit web part/ }).click();
  const pane = page.getByTestId('property-pane');
  await pane.getByRole('textbox', { name: 'Title' }).fill('Red items for the chief officer group');
  // Fluent draws the tick over the input: click the label, as a person would.
  await pane.getByText('Owner', { exact: true }).click();
  await expect(pane.getByRole('checkbox', { name: 'Owner' }).isChecked()).resolves.toBe(false);
  await expect(red.getByRole('heading', { name: 'Red items for the chief officer group' }).isVisible()).resolves.toBe(true);
  await expect(red.getByRole('columnheader', { name: 'Owner' }).count()).resolves.toBe(0);
  const other = page.locator('[data-webpart="intranet-afi"]');
  await expect(other.getByRole('heading', { name: 'Open areas for improvement' }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'property-pane');
  await context.close();
});

describe('no WCAG 2.2 AA violation', () => {
  const pages: PageName[] = ['tracker', 'dashboard', 'intranet'];
  for (const theme of THEME_NAMES) {
    for (const name of pages) {
      test(`${name} page, ${theme} theme`, async () => {
        const { context, page } = await openWorkbench(browser, workbench, { page: name, theme, user: 'analyst' });
        if (name === 'dashboard') await page.getByTestId('dashboard').waitFor();
        else await page.getByTestId('counts').first().filter({ hasText: /^Showing / }).waitFor();
        await screenshot(page, `a11y-${name}-${theme}`);
        expect(await accessibilityViolations(page)).toEqual([]);
        await context.close();
      });
    }

    test(`item panel, ${theme} theme`, async () => {
      const { context, page } = await openWorkbench(browser, workbench, { theme, user: 'manager' });
      await waitForTrackerRows(page);
      await openItem(page, 'Stop Abuse referrals', '1611');
      await screenshot(page, `a11y-item-${theme}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('menuitem', { name: 'Add progress update' }).click();
      await page.getByRole('textbox', { name: 'What has happened since the last update' }).waitFor();
      await screenshot(page, `a11y-update-dialog-${theme}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
