/**
 * The Recommendation Tracker in Chromium, on the local workbench with the demo data: viewing,
 * filtering, opening an item, posting an update, a concurrent-edit conflict resolved with nothing
 * lost, a closure requested and approved, a request refused in the words of loc, a reader who cannot edit, a keyboard-only update, and an
 * export to Excel with a text too long for a cell; code loaded on demand (the item panel's chunk is
 * downloaded when an item is first opened, with a spinner meanwhile; a chunk that cannot be
 * downloaded is said so); the first rows drawn as a table while the grid downloads, and collapsed
 * groups kept from the first view into the grid and across filters and sorting. What the browser
 * saved is read back through the data layer, not trusted from the screen.
 */
import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { THEME_NAMES } from '../../src/components/theme/themes';
import type { ThemeName } from '../../src/components/theme/themes';
import type { Workbench } from '../../src/workbench/server';
import { nodeSp } from '../../src/data/node';
import { MAX_CELL_TEXT } from '../../src/paper/xlsx';
import { emailFor } from '../../src/standin/identity';
import { LIFECYCLES } from '../../src/core/model';
import { MONTH_NAMES } from '../../src/core/dates';
import { longDate } from '../../src/components/common/intl';
import { accessibilityViolations, holdRequests, openItem, openWorkbench, screenshot, siteData, useSeededWorkbench, tabTo, waitForTrackerRows } from './harness';

let workbench: Workbench;
let browser: Browser;

useSeededWorkbench((setup) => ({ workbench, browser } = setup));

/** The stored recommendation with this reference whose text contains `snippet`. */
async function stored(ref: string, snippet: string) {
  const all = await siteData(workbench).recommendations.all();
  const found = all.filter((r) => r.value.ref === ref && r.value.text.includes(snippet));
  expect(found).toHaveLength(1);
  return found[0];
}

test('shows every demo recommendation grouped by report, with counts by colour', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  const all = await siteData(workbench).recommendations.all();
  const total = all.length;
  // A national row the force's own row repeats is listed but counted once, with the force row.
  const ids = new Set(all.map((r) => r.id));
  const repeated = new Set(all.map((r) => r.value.nationalRecommendationId).filter((id) => id !== undefined && ids.has(id))).size;
  expect(repeated).toBeGreaterThan(0);
  const counts = await page.getByTestId('counts').innerText();
  expect(counts).toMatch(new RegExp(`^Showing ${total} of ${total} · RED \\d+ · AMBER \\d+ · GREEN \\d+ · WHITE \\d+ · ${repeated} national rows counted with the force's own$`));
  const colours = [...counts.matchAll(/(RED|AMBER|GREEN|WHITE) (\d+)/g)].reduce((sum, m) => sum + Number(m[2]), 0);
  expect(colours).toBe(total - repeated);
  // Groups come in alphabetical order of report title, each with its number of items.
  const reports = (await siteData(workbench).reports.all()).sort((a, b) => new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' }).compare(a.value.title, b.value.title));
  const first = reports[0];
  const inFirst = (await siteData(workbench).recommendations.byReport(first.id)).length;
  const firstGroup = page.locator('[data-webpart="tracker"] [role="rowheader"] button').first();
  await expect(firstGroup.innerText()).resolves.toContain(`${first.value.title} (${inFirst})`);
  await screenshot(page, 'tracker-view');
  await context.close();
});

test('opens the item a link names (?item=<id>), and says when there is no such item', async () => {
  const target = await stored('1610', 'supervisors');
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst', query: { item: String(target.id) } });
  await expect(page.getByTestId('item-panel').getByTestId('item-text').innerText()).resolves.toBe(target.value.text);
  await page.goto(`${workbench.url}?page=tracker&item=999999`);
  await page.getByText('Recommendation 999999 is not in this tracker: it may have been deleted.').waitFor();
  await expect(page.getByTestId('item-panel').count()).resolves.toBe(0);
  await context.close();
});

test('filters by traffic light and search, and the counts follow', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  const before = await page.getByTestId('counts').innerText();
  const red = Number(/RED (\d+)/.exec(before)?.[1]);
  expect(red).toBeGreaterThan(0);

  // Each choice carries the value the list stores and shows its name from loc (the same words in en-GB).
  const statuses = await page.getByRole('combobox', { name: 'Status' }).locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
  expect(statuses).toEqual([['', 'All statuses'], ...LIFECYCLES.map((l) => [l, l])]);
  await page.getByRole('combobox', { name: 'Traffic light' }).selectOption({ label: 'RED' });
  await screenshot(page, 'tracker-filter-bar');
  // Every row shown is RED; a national row the force's own row repeats is shown and counted once.
  const redOnly = await page.getByTestId('counts').innerText();
  const [, shown, repeated] = /^Showing (\d+) of \d+ · RED \d+ · AMBER 0 · GREEN 0 · WHITE 0(?: · (\d+) national rows? counted with the force's own)?$/.exec(redOnly) ?? [];
  expect(redOnly).toMatch(new RegExp(`· RED ${red} ·`));
  expect(Number(shown)).toBe(red + Number(repeated ?? 0));
  const lights = await page.locator('[data-automation-key="trafficLight"]').allInnerTexts();
  expect(lights.length).toBeGreaterThan(0);
  expect(new Set(lights.map((t) => t.trim()))).toEqual(new Set(['RED']));

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('searchbox', { name: 'Search recommendations' }).fill('Stop Abuse referrals');
  await expect(page.getByTestId('counts').innerText()).resolves.toMatch(/^Showing 1 of /);
  await expect(page.getByRole('button', { name: 'Open 1611', exact: true }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'tracker-filtered');
  await context.close();
});

test('opens an item with its full text, owner and due date', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  const rec = await stored('1610', 'quality of investigations');
  await openItem(page, 'quality of investigations supervisors', '1610');
  await expect(page.getByTestId('item-text').innerText()).resolves.toBe(rec.value.text);
  const panel = page.getByTestId('item-panel');
  await expect(panel.getByText(rec.value.owner?.name ?? 'missing owner', { exact: true }).isVisible()).resolves.toBe(true);
  // The timescale as the matrix writes it ("Nov-17"), not a day the source never gave.
  await expect(panel.getByText('Due: Nov-17', { exact: true }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'tracker-item-panel');
  await context.close();
});

test('the owner posts a progress update with status and confidence, and it is stored', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'owner' });
  await waitForTrackerRows(page);
  await openItem(page, 'quality of investigations supervisors', '1610');
  await page.getByRole('menuitem', { name: 'Add progress update' }).click();
  const text = 'Supervisor review template rolled out to all CID teams; dip sample of 50 crimes booked for December.';
  await page.getByRole('textbox', { name: 'What has happened since the last update' }).fill(text);
  await page.getByRole('combobox', { name: 'Status at this date' }).click();
  await page.getByRole('option', { name: 'Being progressed' }).click();
  await page.getByRole('radio', { name: 'High' }).check();
  await page.getByRole('button', { name: 'Post update' }).click();
  await page.getByText('Progress update posted.').waitFor();
  await page.getByRole('tab', { name: /^Updates/ }).click();
  await expect(page.getByTestId('updates').innerText()).resolves.toContain(text);

  const rec = await stored('1610', 'quality of investigations');
  expect(rec.value).toMatchObject({ lifecycle: 'Being progressed', confidence: 'High', latestComment: text, lastUpdated: '2017-11-14' });
  const updates = await siteData(workbench).updates.byRecommendation(rec.id);
  expect(updates.map((u) => u.value)).toContainEqual(expect.objectContaining({ text, lifecycle: 'Being progressed', confidence: 'High', author: 'Head of Crime' }));
  await screenshot(page, 'tracker-update-posted');
  await context.close();
});

test('a concurrent edit is refused, shown side by side, and re-applied with nothing lost', async () => {
  const first = await openWorkbench(browser, workbench, { user: 'analyst' });
  const second = await openWorkbench(browser, workbench, { user: 'manager' });
  for (const { page } of [first, second]) {
    await waitForTrackerRows(page);
    await openItem(page, 'Stop Abuse referrals', '1611');
    await page.getByRole('menuitem', { name: 'Edit' }).click();
  }
  // The analyst moves it to another directorate first (no demo owner leads Contact Management)…
  expect((await stored('1611', 'Stop Abuse referrals')).value.directorate).not.toBe('Contact Management');
  await first.page.getByRole('combobox', { name: 'Directorate' }).fill('Contact Management');
  await first.page.getByRole('button', { name: 'Save', exact: true }).click();
  await first.page.getByText('Changes saved.').waitFor();
  // …then the manager, who opened the same version, saves the confidence narrative.
  const narrative = 'Backlog down from 412 to 160 referrals; agency staff funded to March.';
  await second.page.getByRole('textbox', { name: 'Why that confidence' }).fill(narrative);
  await second.page.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = second.page.getByTestId('conflict-table');
  await conflict.waitFor();
  await expect(conflict.getByRole('row', { name: /Directorate/ }).innerText()).resolves.toMatch(/Directorate\s+Contact Management/);
  await expect(conflict.getByRole('row', { name: /Why that confidence/ }).innerText()).resolves.toContain(narrative);
  await screenshot(second.page, 'tracker-conflict');
  await second.page.getByRole('button', { name: 'Re-apply my changes' }).click();
  await second.page.getByText('Changes saved.').waitFor();

  const rec = await stored('1611', 'Stop Abuse referrals');
  expect(rec.value.directorate).toBe('Contact Management');
  expect(rec.value.confidenceNarrative).toBe(narrative);
  await first.context.close();
  await second.context.close();
});

test('the owner requests closure with evidence; a manager who is not the owner approves it', async () => {
  const owner = await openWorkbench(browser, workbench, { user: 'owner' });
  await waitForTrackerRows(owner.page);
  await openItem(owner.page, 'code of practice', '157');
  await owner.page.getByRole('menuitem', { name: 'Request closure' }).click();
  const evidence = 'Victims Code compliance audit Q3: 96% of victims contacted within 24 hours (report in the evidence library).';
  await owner.page.getByRole('textbox', { name: 'Evidence of implementation' }).fill(evidence);
  await owner.page.getByRole('button', { name: 'Request closure' }).click();
  await owner.page.getByText('Closure requested.').waitFor();
  // The owner cannot sign off their own item.
  await expect(owner.page.getByRole('menuitem', { name: 'Approve or return closure' }).count()).resolves.toBe(0);
  await owner.context.close();

  const manager = await openWorkbench(browser, workbench, { user: 'manager' });
  await waitForTrackerRows(manager.page);
  await openItem(manager.page, 'code of practice', '157');
  await expect(manager.page.getByText(`Closure requested by Head of Crime on 14 November 2017: ${evidence}`).isVisible()).resolves.toBe(true);
  await manager.page.getByRole('menuitem', { name: 'Approve or return closure' }).click();
  await manager.page.getByRole('radio', { name: 'Approve: closed by the force' }).check();
  await manager.page.getByRole('button', { name: 'Record decision' }).click();
  await manager.page.getByText('Closure decision recorded.').waitFor();
  await screenshot(manager.page, 'tracker-closure-approved');
  await manager.context.close();

  const rec = await stored('157', 'code of practice');
  expect(rec.value.lifecycle).toBe('Closed by the force');
  expect(rec.value.closure).toMatchObject({ requestedBy: 'Head of Crime', evidence, decision: { outcome: 'approved', by: 'Chief of Staff' } });
});

test('an owner who gives the item away while its closure waits is still not offered the decision', async () => {
  const mine = (await siteData(workbench).recommendations.all()).filter(
    (r) => r.value.owner?.email === emailFor('owner') && ['Being progressed', 'Awaiting review'].includes(r.value.lifecycle) && r.value.closure === undefined && r.value.ref !== '157'
  );
  const target = mine[mine.length - 1];
  if (target === undefined) throw new Error('The demo Head of Crime owns no open item without a closure request.');
  const analyst = await openWorkbench(browser, workbench, { user: 'analyst', query: { item: String(target.id) } });
  await analyst.page.getByRole('menuitem', { name: 'Request closure' }).click();
  await analyst.page.getByRole('textbox', { name: 'Evidence of implementation' }).fill('Force policy republished; audit of 30 cases attached.');
  await analyst.page.getByRole('button', { name: 'Request closure' }).click();
  await analyst.page.getByText('Closure requested.').waitFor();
  await analyst.context.close();

  const owner = await openWorkbench(browser, workbench, { user: 'owner', query: { item: String(target.id) } });
  await owner.page.getByRole('menuitem', { name: 'Edit' }).click();
  await owner.page.getByRole('combobox', { name: 'Owner' }).fill('public prot');
  await owner.page.getByRole('option', { name: /Head of Public Protection/ }).click();
  await owner.page.getByTestId('person-owner').filter({ hasText: emailFor('headpp') }).waitFor();
  await owner.page.getByRole('button', { name: 'Save', exact: true }).click();
  await owner.page.getByText('Changes saved.').waitFor();
  // No longer the owner, but the owner when closure was asked for: still not independent.
  expect((await siteData(workbench).recommendations.get(target.id)).value.owner?.email).toBe(emailFor('headpp'));
  await expect(owner.page.getByRole('menuitem', { name: 'Approve or return closure' }).count()).resolves.toBe(0);
  await owner.context.close();

  const manager = await openWorkbench(browser, workbench, { user: 'manager', query: { item: String(target.id) } });
  await manager.page.getByRole('menuitem', { name: 'Approve or return closure' }).waitFor();
  await manager.context.close();
});

test('a refused request is said in the words of loc, and nothing is saved: an extension to a date before the current one', async () => {
  const later = (await siteData(workbench).recommendations.all()).filter(
    (r) => r.value.owner?.email === emailFor('owner') && ['Being progressed', 'Awaiting review'].includes(r.value.lifecycle) && r.value.extension === undefined && (r.value.due.current ?? '') > '2017-12-31'
  );
  const target = later[0];
  if (target === undefined) throw new Error('The demo Head of Crime owns no open item due after 2017.');
  const { page, context } = await openWorkbench(browser, workbench, { user: 'owner', query: { item: String(target.id) } });
  await page.getByRole('menuitem', { name: 'Request extension' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('combobox', { name: 'Proposed due date' }).fill('01/12/2017');
  await dialog.getByRole('combobox', { name: 'Proposed due date' }).press('Tab');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The regional analysis is late.');
  await dialog.getByRole('button', { name: 'Request extension' }).click();
  const refusal = dialog.getByRole('alert').filter({ hasText: 'must be later than' });
  await refusal.waitFor();
  const current = longDate(target.value.due.current ?? '');
  await expect(refusal.innerText()).resolves.toBe(`The proposed due date 1 December 2017 must be later than the current due date, ${current}.`);
  await screenshot(page, 'tracker-extension-refused');
  await context.close();
  expect((await siteData(workbench).recommendations.get(target.id)).value.extension).toBeUndefined();
});

test('a reader reads but cannot change anything', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'reader' });
  await waitForTrackerRows(page);
  await expect(page.getByRole('menuitem', { name: 'New recommendation' }).count()).resolves.toBe(0);
  await expect(page.getByRole('menuitem', { name: 'Update round' }).count()).resolves.toBe(0);
  await openItem(page, 'sexual exploitation', '156');
  await expect(page.getByText('You can read this item. To change it, ask a site owner for edit access.').isVisible()).resolves.toBe(true);
  for (const name of ['Add progress update', 'Edit', 'Request closure', 'Request extension']) {
    await expect(page.getByRole('menuitem', { name }).count()).resolves.toBe(0);
  }
  await screenshot(page, 'tracker-reader');
  await context.close();
});

test('keyboard only: search, open an item and post an update without the mouse', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'owner' });
  await waitForTrackerRows(page);
  await tabTo(page, (el) => el.name === 'Search recommendations');
  await page.keyboard.type('focus activity');
  await page.getByTestId('counts').filter({ hasText: /^Showing 1 of / }).waitFor();
  // Tab enters the grid at its first group heading; the arrow keys move between rows, and Enter on
  // a row opens it, as in a SharePoint list.
  await tabTo(page, (el) => el.tag === 'button' && /\(1\)$/.test(el.text));
  await page.keyboard.press('ArrowDown');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('row');
  await expect(page.evaluate(() => (document.activeElement as HTMLElement).innerText)).resolves.toMatch(/^168\b/);
  await page.keyboard.press('Enter');
  await page.getByTestId('item-panel').waitFor();
  await tabTo(page, (el) => el.text.endsWith('Add progress update'));
  await page.keyboard.press('Enter');
  const text = 'Tasking meeting now reviews the intelligence picture weekly.';
  await tabTo(page, (el) => el.tag === 'textarea');
  await page.keyboard.type(text);
  await tabTo(page, (el) => el.text === 'Post update');
  await page.keyboard.press('Enter');
  await page.getByText('Progress update posted.').waitFor();

  const rec = await stored('168', 'focus activity');
  const updates = await siteData(workbench).updates.byRecommendation(rec.id);
  expect(updates.map((u) => u.value.text)).toContain(text);
  await context.close();
});

test('Export to Excel: a text over 32,767 characters is cut short with a marker, the rest of the view exports, and the tracker warns', async () => {
  const target = await stored('1', 'Risk assessment – Although HMICFRS found');
  // Its own published text, pasted over and over: what a careless copy from a PDF leaves behind.
  const long = target.value.text.repeat(Math.ceil((MAX_CELL_TEXT + 1000) / target.value.text.length));
  await nodeSp(workbench.standin.siteUrl, { user: 'admin' }).web.lists.getByTitle('Recommendations').items.getById(target.id).update({ TrkText: long });

  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  await waitForTrackerRows(page);
  const tracker = page.locator('[data-webpart="tracker"]');
  const shown = Number(/^Showing (\d+) of /.exec(await tracker.getByTestId('counts').innerText())?.[1]);
  const [download] = await Promise.all([page.waitForEvent('download'), tracker.getByRole('menuitem', { name: 'Export to Excel' }).click()]);
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()));
  const sheet = workbook.worksheets[0];
  expect(sheet.rowCount).toBe(shown + 1);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const textColumn = headers.indexOf('Recommendation') + 1;
  const cells: string[] = [];
  sheet.eachRow((row) => cells.push(String(row.getCell(textColumn).value)));
  const cut = cells.filter((c) => c.includes('… [truncated'));
  expect(cut).toHaveLength(1);
  expect(cut[0].length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  expect(cut[0].endsWith(`… [truncated from ${long.length.toLocaleString('en-GB')} characters; the full text is in the tracker]`)).toBe(true);
  expect(long.startsWith(cut[0].slice(0, cut[0].indexOf('… [truncated')))).toBe(true);

  const warning = tracker.getByRole('status').filter({ hasText: /^Exported, but/ });
  await expect(warning.innerText()).resolves.toBe(
    `Exported, but 1 text was too long for an Excel cell and cut short: Ref 1, Recommendation (${long.length.toLocaleString('en-GB')} characters). The full text is in the tracker.`
  );
  await context.close();
});

const ITEM_PANEL_CHUNK = /\/bundle\/ItemPanel-\w+\.js$/;

test('the item panel downloads when an item is first opened, with a spinner meanwhile', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  const downloaded: string[] = [];
  page.on('request', (r) => downloaded.push(new URL(r.url()).pathname));
  await waitForTrackerRows(page);
  expect(downloaded.some((p) => ITEM_PANEL_CHUNK.test(p))).toBe(false);

  const release = await holdRequests(page, ITEM_PANEL_CHUNK);
  const tracker = page.locator('[data-webpart="tracker"]');
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('quality of investigations supervisors');
  await tracker.getByRole('button', { name: 'Open 1610', exact: true }).click();
  await page.getByText('Loading the item…').waitFor();
  await screenshot(page, 'on-demand-item-loading');
  release();
  await page.getByTestId('item-panel').waitFor();
  await expect(page.getByText('Loading the item…').count()).resolves.toBe(0);
  await context.close();
});

test('staff open the update round from the command row; its page downloads then', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  const downloaded: string[] = [];
  page.on('request', (r) => downloaded.push(new URL(r.url()).pathname));
  await waitForTrackerRows(page);
  expect(downloaded.some((p) => /\/bundle\/RoundPage-\w+\.js$/.test(p))).toBe(false);
  await page.locator('[data-webpart="tracker"]').getByRole('menuitem', { name: 'Update round' }).click();
  await page.getByRole('heading', { name: 'Update rounds', level: 2 }).waitFor();
  expect(downloaded.some((p) => /\/bundle\/RoundPage-\w+\.js$/.test(p))).toBe(true);
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

test('the date picker speaks en-GB: weeks from Monday, days and months by name, today day first, none of Fluent’s own English', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst' });
  try {
    await waitForTrackerRows(page);
    await page.getByRole('menuitem', { name: 'New recommendation' }).click();
    const form = page.getByRole('alertdialog');
    // The calendar opens from its button (typing goes into the field).
    await form.getByRole('button', { name: 'Due date' }).click();
    const calendar = page.getByRole('dialog', { name: 'Calendar' });
    await calendar.waitFor();
    const days = calendar.locator('th[scope="col"]');
    await expect(days.evaluateAll((cells) => cells.map((c) => [c.getAttribute('aria-label'), c.textContent]))).resolves.toEqual(
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => [d, d[0]])
    );
    // The calendar opens on the browser's own today (the workbench's fixed clock is the server's).
    const today = await page.evaluate(() => {
      const d = new Date();
      return { day: d.getDate(), month: d.getMonth(), year: d.getFullYear() };
    });
    const month = MONTH_NAMES[today.month];
    await calendar.getByText(`${month} ${today.year}`, { exact: true }).first().waitFor();
    await calendar.getByRole('button', { name: `${today.day}, ${month}, ${today.year}`, exact: true }).waitFor();
    await calendar.getByRole('button', { name: 'Go to today' }).waitFor();
    await calendar.getByRole('button', { name: `Go to previous month ${MONTH_NAMES[(today.month + 11) % 12]}` }).waitFor();
    await screenshot(page, 'date-picker-open');
    await calendar.getByRole('button', { name: `1, ${month}, ${today.year}`, exact: true }).click();
    await expect(form.getByRole('combobox', { name: 'Due date' }).inputValue()).resolves.toBe(`01/${String(today.month + 1).padStart(2, '0')}/${today.year}`);
  } finally {
    await context.close();
  }
});

/** Where each column header and the first rows are drawn, in the first view's table or the grid. */
function layoutOf(page: Page, view: 'first' | 'grid'): Promise<string[]> {
  return page.evaluate((v) => {
    const tracker = document.querySelector('[data-webpart="tracker"]') as HTMLElement;
    const heads = v === 'first' ? tracker.querySelectorAll('[data-testid="first-rows"] thead > tr > *') : tracker.querySelectorAll('.ms-DetailsHeader [role="columnheader"]');
    const rows = v === 'first' ? tracker.querySelectorAll('[data-testid="first-rows"] tbody tr') : tracker.querySelectorAll('.ms-GroupedList-group [role="row"]');
    // A header cell's column (the table's cell also holds the header's padding and rule, which
    // the grid draws around its cells); a row's column and where it ends.
    const columns = Array.from(heads).map((el) => `${Math.round(el.getBoundingClientRect().left)} ${Math.round(el.getBoundingClientRect().width)}`);
    return columns.concat(
      Array.from(rows)
        .slice(0, 12)
        .map((el) => `${Math.round(el.getBoundingClientRect().left)} ${Math.round(el.getBoundingClientRect().bottom)} ${Math.round(el.getBoundingClientRect().width)}`)
    );
  }, view);
}

const GRID_CHUNK = /\/bundle\/TrackerGrid-\w+\.js$/;

/** The tracker as the analyst sees it in `theme`, with the grid's chunk held back until `release` is called. */
async function openWithGridHeld(theme: ThemeName): Promise<{ context: BrowserContext; page: Page; release: () => void }> {
  let release: () => void = () => undefined;
  const opened = await openWorkbench(browser, workbench, { theme, before: async (p) => (release = await holdRequests(p, GRID_CHUNK)) });
  return { ...opened, release };
}

test('the first rows are drawn as a plain table while the grid downloads; the grid takes its place in the same layout and keeps the focus; both are axe-clean in every theme', async () => {
  for (const theme of THEME_NAMES) {
    const { context, page, release } = await openWithGridHeld(theme);
    const tracker = page.locator('[data-webpart="tracker"]');
    const table = tracker.getByRole('table', { name: 'Recommendations' });
    await table.locator('tbody tr[data-row]').first().waitFor();
    await tracker.getByTestId('counts').filter({ hasText: /^Showing / }).waitFor();
    // The first view behaves as the grid: the first report's group, its rows, a reference opens the item.
    await expect(table.getByRole('columnheader', { name: 'Ref' }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(tracker.locator('.ms-DetailsRow').count()).resolves.toBe(0);
    await screenshot(page, `first-view-${theme}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    const first = await layoutOf(page, 'first');
    const firstRef = table.locator('tbody tr[data-row]').first().getByRole('button');
    const label = await firstRef.getAttribute('aria-label');
    await firstRef.focus();

    release();
    await tracker.locator('.ms-DetailsRow').first().waitFor();
    await expect(tracker.getByTestId('first-rows').count()).resolves.toBe(0);
    await screenshot(page, `first-view-replaced-${theme}`);
    expect(await layoutOf(page, 'grid')).toEqual(first);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)).resolves.toBe(label);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  }
});

test('in the first view a column header sorts and a reference opens the item, as in the grid', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { before: (p) => p.route(GRID_CHUNK, (route) => route.abort()) });
  const tracker = page.locator('[data-webpart="tracker"]');
  const table = tracker.getByRole('table', { name: 'Recommendations' });
  await table.locator('tbody tr[data-row]').first().waitFor();
  // The grid's code could not be downloaded: said so, and the first view stays usable.
  await tracker.getByText('This part of the tracker could not be loaded', { exact: false }).waitFor();
  await table.getByRole('button', { name: 'Due' }).click();
  await expect(table.getByRole('columnheader', { name: 'Due' }).getAttribute('aria-sort')).resolves.toBe('ascending');
  await table.getByRole('button', { name: 'Due' }).click();
  await expect(table.getByRole('columnheader', { name: 'Due' }).getAttribute('aria-sort')).resolves.toBe('descending');
  const group = table.locator('tbody th button').first();
  await group.click();
  await expect(group.getAttribute('aria-expanded')).resolves.toBe('false');
  await tracker.getByRole('searchbox', { name: 'Search recommendations' }).fill('quality of investigations supervisors');
  await table.getByRole('button', { name: 'Open 1610', exact: true }).click();
  await page.getByTestId('item-panel').waitFor();
  await context.close();
});

test('a group collapsed in the first view starts collapsed in the grid; groups stay collapsed as filters change, the grid sorts and the filters are cleared', async () => {
  const { context, page, release } = await openWithGridHeld('light');
  const tracker = page.locator('[data-webpart="tracker"]');
  const table = tracker.getByTestId('first-rows');
  await table.locator('tbody tr[data-row]').first().waitFor();
  // A heading reads "<report> (<count>)" (its icon is drawn from a font: no text of its own here).
  const titleOf = async (heading: Locator): Promise<string> => ((await heading.textContent()) ?? '').replace(/[\uE000-\uF8FF]/g, '').replace(/ \(\d+\)$/, '').trim();
  const firstHeading = table.locator('tbody th button').first();
  const firstTitle = await titleOf(firstHeading);
  await firstHeading.click();
  await expect(firstHeading.getAttribute('aria-expanded')).resolves.toBe('false');

  release();
  await tracker.locator('.ms-DetailsRow').first().waitFor();
  await expect(tracker.getByTestId('first-rows').count()).resolves.toBe(0);
  await tracker.getByTestId('counts').filter({ hasText: /^Showing / }).waitFor();
  const headings = tracker.locator('[role="rowheader"] button');
  const heading = (title: string): Locator => headings.filter({ hasText: `${title} (` });
  await expect(heading(firstTitle).getAttribute('aria-expanded')).resolves.toBe('false');
  // The next group, collapsed in the grid.
  const second = headings.nth(1);
  const secondTitle = await titleOf(second);
  expect(secondTitle).not.toBe(firstTitle);
  await second.click();
  await expect(heading(secondTitle).getAttribute('aria-expanded')).resolves.toBe('false');

  // A filter that keeps only the second group's rows: the group is still collapsed, none of its rows drawn.
  await tracker.getByRole('combobox', { name: 'Report' }).selectOption({ label: secondTitle });
  await tracker.getByTestId('counts').filter({ hasText: /^Showing \d+ of / }).waitFor();
  await expect(headings.count()).resolves.toBe(1);
  await expect(heading(secondTitle).getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(tracker.locator('.ms-DetailsRow').count()).resolves.toBe(0);
  // Sorted by another column: still collapsed.
  await tracker.getByRole('columnheader', { name: 'Due' }).click();
  await expect(tracker.getByRole('columnheader', { name: 'Due' }).getAttribute('aria-sort')).resolves.toBe('ascending');
  await expect(heading(secondTitle).getAttribute('aria-expanded')).resolves.toBe('false');
  // The filters cleared: both groups are back, both collapsed; expanding one draws its rows.
  await tracker.getByRole('button', { name: 'Clear filters' }).click();
  await heading(firstTitle).waitFor();
  await expect(heading(firstTitle).getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(heading(secondTitle).getAttribute('aria-expanded')).resolves.toBe('false');
  await heading(secondTitle).click();
  await expect(heading(secondTitle).getAttribute('aria-expanded')).resolves.toBe('true');
  await tracker.locator('.ms-DetailsRow').first().waitFor();
  await context.close();
});
