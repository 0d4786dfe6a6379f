/**
 * Unsafe addresses, typed where a person would type them, in Chromium with the demo data: the
 * dashboard's "Tracker page address" (Edit web part), the Teams channel tab's configuration and the
 * report form's "Link to the report" each refuse `javascript:alert(1)` with a message saying why,
 * and nothing is saved; an address already stored that is refused is never followed. Each error
 * state is screenshotted and checked by axe-core (WCAG 2.2 AA). Any `alert()` that ran would open a
 * dialog, which the tests record.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { accessibilityViolations, openWorkbench, screenshot, siteData, useSeededWorkbench, waitForTrackerRows } from './harness';
import type { OpenOptions } from './harness';

let workbench: Workbench;
let browser: Browser;

const ATTACK = 'javascript:alert(1)';
const REFUSED_ON_WORKBENCH = 'The address starts "javascript:": only addresses on this computer (127.0.0.1, the local workbench) can be used.';

useSeededWorkbench((setup) => ({ workbench, browser } = setup));

/** A workbench page whose JavaScript dialogs (what `alert(1)` would open) are recorded and dismissed. */
async function open(opts: OpenOptions, stored?: Record<string, unknown>): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const { context, page } = await openWorkbench(browser, workbench, opts);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  if (stored !== undefined) {
    // Settings as an earlier visit (or a hand-edited page) left them; the page reads them as it loads.
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries)) window.localStorage.setItem(key, JSON.stringify(value));
    }, stored);
    await page.reload();
  }
  return { context, page, dialogs };
}

async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Selects what is in a text box and types over it, as a person does. */
async function typeOver(page: Page, name: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name });
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

function stored(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

test('the dashboard pane refuses javascript: as the tracker page address, keeps the last good one and says why', async () => {
  const { context, page, dialogs } = await open({ page: 'dashboard', user: 'analyst' });
  const dashboard = page.getByTestId('dashboard');
  await dashboard.waitFor();
  await page.getByRole('button', { name: /^Edit web part/ }).click();
  const pane = page.getByTestId('property-pane');
  await typeOver(page, 'Tracker page address', ATTACK);
  await pane.getByRole('alert').filter({ hasText: REFUSED_ON_WORKBENCH }).waitFor();
  await expect(pane.getByRole('textbox', { name: 'Tracker page address' }).getAttribute('aria-invalid')).resolves.toBe('true');
  await screenshot(page, 'unsafe-links-dashboard-pane');
  expect(await accessibilityViolations(page)).toEqual([]);
  // Nothing was saved: the web part keeps its page address, and no warning shows on the dashboard.
  expect(await stored(page, 'workbench:dashboard')).toBeNull();
  await expect(dashboard.getByTestId('tracker-page-refused').count()).resolves.toBe(0);

  await page.getByRole('button', { name: 'Close the property pane' }).click();
  await page.getByTestId('tile-overdue').click();
  await page.waitForURL(/[?&]page=tracker/);
  expect(new URL(page.url()).searchParams.get('trk-overdue')).toBe('true');
  expect(dialogs).toEqual([]);
  await context.close();
});

test('a javascript: address already stored on the dashboard is never followed: a tile opens its items here, and the page says why', async () => {
  const { context, page, dialogs } = await open({ page: 'dashboard', user: 'manager' }, { 'workbench:dashboard': { trackerPageUrl: ATTACK } });
  const dashboard = page.getByTestId('dashboard');
  const warning = dashboard.getByTestId('tracker-page-refused');
  await warning.waitFor();
  await expect(warning.innerText()).resolves.toBe(
    `The figures and charts open their items here: the tracker page address in this dashboard's settings cannot be used. ${REFUSED_ON_WORKBENCH} Edit the web part to correct it.`
  );
  await screenshot(page, 'unsafe-links-dashboard-stored');
  expect(await accessibilityViolations(page)).toEqual([]);
  const before = page.url();
  await page.getByTestId('tile-overdue').click();
  await page.getByTestId('tracker').last().getByTestId('counts').filter({ hasText: /^Showing / }).waitFor();
  expect(page.url()).toBe(before);
  expect(dialogs).toEqual([]);
  await context.close();
});

test('the Teams channel tab configuration refuses javascript: as the tracker page address, and saves nothing', async () => {
  const { context, page, dialogs } = await open({ page: 'teams', user: 'owner' });
  await page.getByTestId('my-actions').locator('[data-band]').first().waitFor();
  await choose(page, 'Teams surface', 'Channel tab');
  await page.getByRole('button', { name: 'Tab settings' }).click();
  const pane = page.getByTestId('property-pane');
  await typeOver(page, 'Tracker page address', ATTACK);
  await pane.getByRole('alert').filter({ hasText: REFUSED_ON_WORKBENCH }).waitFor();
  await screenshot(page, 'unsafe-links-teams-tab-settings');
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await stored(page, 'workbench:teams-channel-tab')).toBeNull();

  // Another setting saved now carries the last good address, not the refused one.
  await choose(page, 'Directorate', 'Crime');
  await page.getByRole('button', { name: 'Close the property pane' }).click();
  expect(JSON.parse((await stored(page, 'workbench:teams-channel-tab')) ?? '{}')).toMatchObject({ directorate: 'Crime', trackerPageUrl: '?page=tracker' });
  const link = page.getByRole('link', { name: /^Open in the tracker: / }).first();
  await expect(link.getAttribute('href')).resolves.toMatch(new RegExp(`^${workbench.url}\\?page=tracker&item=\\d+$`));
  expect(dialogs).toEqual([]);
  await context.close();
});

test('a javascript: address already stored for the channel tab is never followed: My Actions shows no tracker links and says why', async () => {
  const { context, page, dialogs } = await open({ page: 'teams', user: 'owner' }, { 'workbench:teams-channel-tab': { trackerPageUrl: ATTACK } });
  await page.getByTestId('my-actions').waitFor();
  await choose(page, 'Teams surface', 'Channel tab');
  const tab = page.getByTestId('my-actions');
  await tab.locator('[data-band]').first().waitFor();
  await expect(tab.getByTestId('tracker-page-refused').innerText()).resolves.toBe(
    `"Open in the tracker" links are not shown: the tracker page address in these settings cannot be used. ${REFUSED_ON_WORKBENCH} Correct it in the settings.`
  );
  await expect(tab.getByRole('link', { name: /^Open in the tracker/ }).count()).resolves.toBe(0);
  await expect(page.locator('a[href^="javascript:" i]').count()).resolves.toBe(0);
  await screenshot(page, 'unsafe-links-teams-tab-stored');
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  await context.close();
});

test('the report form refuses javascript: as the link to the report, and the report is not saved', async () => {
  const title = 'Unsafe link test report';
  const { context, page } = await open({ page: 'tracker', user: 'analyst' });
  await waitForTrackerRows(page);
  await page.getByRole('menuitem', { name: 'New report' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'New originating report' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await typeOver(page, 'Link to the report', ATTACK);
  await dialog.getByRole('alert').filter({ hasText: 'The link starts "javascript:": a link to the report must start with https:// or http://.' }).waitFor();
  const save = dialog.getByRole('button', { name: 'Save report' });
  await expect(save.isDisabled()).resolves.toBe(true);
  await screenshot(page, 'unsafe-links-report-form');
  expect(await accessibilityViolations(page)).toEqual([]);
  // Enter submits the form as the button would: still nothing is saved.
  await dialog.getByRole('textbox', { name: 'Link to the report' }).press('Enter');
  await expect(save.isVisible()).resolves.toBe(true);
  expect((await siteData(workbench).reports.all()).filter((r) => r.value.title === title)).toEqual([]);

  const good = 'https://www.justiceinspectorates.gov.uk/hmicfrs/publications/';
  await typeOver(page, 'Link to the report', good);
  await expect(dialog.getByRole('alert').count()).resolves.toBe(0);
  await save.click();
  await save.waitFor({ state: 'detached' });
  const saved = (await siteData(workbench).reports.all()).filter((r) => r.value.title === title);
  expect(saved.map((r) => r.value.url)).toEqual([good]);
  await context.close();
});
