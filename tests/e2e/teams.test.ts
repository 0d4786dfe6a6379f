/**
 * My Actions in the workbench's simulated Teams client (`?page=teams`), in Chromium with the demo
 * data: the owner's own work in urgency order, an update posted from the tab (by deep link) showing
 * in the tracker, a closure request reaching the approver's sign-off band and approved there, a
 * channel tab scoped to a directorate, the tab following Teams theme changes while open, and
 * axe-core's WCAG 2.2 AA check in the three Teams themes. What the browser saved is read back
 * through the data layer.
 */
import type { Browser, Page } from 'playwright-core';
import type { Workbench } from '../../src/workbench/server';
import { londonDate } from '../../src/core/dates';
import type { Recommendation } from '../../src/core/model';
import type { Stored } from '../../src/data';
import { byUrgency } from '../../src/components/MyActions';
import { LISTED_LIFECYCLES } from '../../src/data/myWork';
import type { WorkItem } from '../../src/data/myWork';
import { TEST_NOW, accessibilityViolations, openItem, openWorkbench, screenshot, siteData, useSeededWorkbench, waitForTrackerRows } from './harness';

let workbench: Workbench;
let browser: Browser;

const OWNER_EMAIL = 'owner@contoso.onmicrosoft.com';

useSeededWorkbench((setup) => ({ workbench, browser } = setup));

/** The Teams page as `user`, once My Actions has loaded. */
async function openTeams(user: string, query: Record<string, string> = {}) {
  const opened = await openWorkbench(browser, workbench, { user, page: 'teams', query });
  await waitForTab(opened.page);
  return opened;
}

async function waitForTab(page: Page): Promise<void> {
  const tab = page.getByTestId('my-actions');
  await tab.waitFor();
  await tab.locator('[data-band]').first().or(tab.getByText('Nothing is waiting for you', { exact: false })).waitFor();
}

/** The owner's listed recommendations and actions, read through the data layer as the site holds them. */
async function ownersWork(): Promise<{ recs: Stored<Recommendation>[]; items: WorkItem[] }> {
  const data = siteData(workbench);
  const [recs, actions] = await Promise.all([data.recommendations.all(), data.actions.all()]);
  const byId = new Map(recs.map((r) => [r.id, r]));
  const mine = recs.filter((r) => r.value.owner?.email === OWNER_EMAIL && LISTED_LIFECYCLES.includes(r.value.lifecycle));
  const items: WorkItem[] = mine.map((r) => ({ kind: 'recommendation', recommendation: { ...r.value, id: r.id }, etag: r.etag }));
  for (const a of actions) {
    const parent = byId.get(a.value.recommendationId);
    if (a.value.owner?.email !== OWNER_EMAIL || !LISTED_LIFECYCLES.includes(a.value.lifecycle) || parent === undefined) continue;
    items.push({ kind: 'action', action: { ...a.value, id: a.id }, recommendation: { ...parent.value, id: parent.id }, etag: a.etag });
  }
  return { recs: mine, items };
}

function keyOf(item: WorkItem): string {
  return item.kind === 'action' ? `a${item.action.id}` : `r${item.recommendation.id}`;
}

/** The cards on screen, in order, as `r<id>` / `a<id>` with their band. */
async function shownCards(page: Page): Promise<{ key: string; band: string }[]> {
  return page.locator('[data-testid="work-item"]').evaluateAll((cards) =>
    cards.map((c) => {
      const action = c.getAttribute('data-action');
      return { key: action === null ? `r${c.getAttribute('data-recommendation') ?? ''}` : `a${action}`, band: c.closest('[data-band]')?.getAttribute('data-band') ?? '' };
    })
  );
}

/** The tab's painted background (the Teams theme's body colour). */
function tabBackground(page: Page): Promise<string> {
  return page.getByTestId('my-actions').evaluate((el) => getComputedStyle(el.parentElement ?? el).backgroundColor);
}

async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the owner sees only their own recommendations and actions, most urgent first', async () => {
  const { context, page } = await openTeams('owner');
  const { items } = await ownersWork();
  const expected = byUrgency(items, londonDate(new Date(TEST_NOW)));
  const shown = await shownCards(page);
  expect(items.length).toBeGreaterThan(0);
  expect(shown).toEqual(expected.map((e) => ({ key: keyOf(e.item), band: e.urgency })));
  // The demo puts the owner's work in more than one band, so the order is really tested.
  expect(new Set(shown.map((s) => s.band)).size).toBeGreaterThan(1);
  expect(shown[0].band).toBe('overdue');
  await expect(page.getByTestId('sign-off-item').count()).resolves.toBe(0);
  await context.close();
});

test('a deep link opens the update dialog; the update posted in the tab shows in the tracker', async () => {
  const { recs } = await ownersWork();
  const target = recs.find((r) => r.value.lifecycle === 'Awaiting review' && recs.filter((o) => o.value.ref === r.value.ref).length === 1);
  if (target === undefined) throw new Error('The demo owner has no open recommendation with a unique reference.');
  const { context, page } = await openTeams('owner', { subEntityId: String(target.id) });
  await page.getByRole('heading', { name: `Progress update on ${target.value.ref}` }).waitFor();
  const dialog = page.getByRole('alertdialog');
  const text = 'Posted from Teams: crime scrutiny panel reviewed 40 files; the action plan is on track.';
  await dialog.getByRole('textbox', { name: 'What has happened since the last update' }).fill(text);
  await choose(page, 'Status at this date', 'Being progressed');
  await dialog.getByRole('radio', { name: 'High' }).check();
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await page.getByText(`Progress update on ${target.value.ref} posted.`).waitFor();
  const card = page.locator(`[data-testid="work-item"][data-recommendation="${target.id}"]:not([data-action])`);
  await expect(card.innerText()).resolves.toContain('Being progressed');
  const link = card.getByRole('link', { name: `Open in the tracker: ${target.value.ref}` });
  await expect(link.getAttribute('href')).resolves.toBe(`${workbench.url}?page=tracker&item=${target.id}`);

  const stored = await siteData(workbench).recommendations.get(target.id);
  expect(stored.value).toMatchObject({ lifecycle: 'Being progressed', confidence: 'High', latestComment: text, lastUpdated: londonDate(new Date(TEST_NOW)) });

  // Following the link, the tracker web part opens that item, and shows the update on it.
  await link.click();
  await page.getByTestId('item-panel').filter({ hasText: target.value.text.slice(0, 60) }).waitFor();
  await page.getByRole('tab', { name: /^Updates/ }).click();
  await expect(page.getByTestId('updates').innerText()).resolves.toContain(text);
  await context.close();
});

test("a closure requested in the tab reaches the approver's sign-off band, and approving it closes the item", async () => {
  const { recs } = await ownersWork();
  const target = recs.find((r) => r.value.lifecycle === 'Awaiting review' && r.value.closure === undefined && recs.filter((o) => o.value.ref === r.value.ref).length === 1 && r.value.latestComment !== undefined);
  if (target === undefined) throw new Error('The demo owner has no open recommendation to close.');
  const ref = target.value.ref;
  const owner = await openTeams('owner');
  await owner.page.getByRole('button', { name: `Request closure: ${ref}` }).click();
  const evidence = 'Force audit of 60 crime files in October: all supervised within policy (report in the evidence library).';
  await owner.page.getByRole('textbox', { name: 'Evidence of implementation' }).fill(evidence);
  await owner.page.getByRole('alertdialog').getByRole('button', { name: 'Request closure', exact: true }).click();
  await owner.page.getByText(`Closure of ${ref} requested.`).waitFor();
  const ownCard = owner.page.locator(`[data-testid="work-item"][data-recommendation="${target.id}"]:not([data-action])`);
  await expect(ownCard.innerText()).resolves.toContain('Closure requested: awaiting sign-off');
  // The owner is never their own approver.
  await expect(owner.page.getByTestId('sign-off-item').count()).resolves.toBe(0);
  await owner.context.close();

  // The Chief of Staff is the tab's configured closure approver.
  const manager = await openTeams('manager');
  const waiting = manager.page.locator(`[data-band="signOff"] [data-recommendation="${target.id}"]`);
  await expect(manager.page.locator('#band-signOff').innerText()).resolves.toMatch(/^Waiting for your sign-off \(\d+\)$/);
  await expect(waiting.innerText()).resolves.toContain(evidence);
  await screenshot(manager.page, 'teams-sign-off');
  await waiting.getByRole('button', { name: `Approve or return: ${ref}` }).click();
  await manager.page.getByRole('radio', { name: 'Approve: closed by the force' }).check();
  await manager.page.getByRole('button', { name: 'Record decision' }).click();
  await manager.page.getByText(`Closure decision on ${ref} recorded.`).waitFor();
  await waiting.waitFor({ state: 'detached' });

  const stored = await siteData(workbench).recommendations.get(target.id);
  expect(stored.value.lifecycle).toBe('Closed by the force');
  expect(stored.value.closure).toMatchObject({ requestedBy: 'Head of Crime', evidence, decision: { outcome: 'approved', by: 'Chief of Staff' } });

  await manager.page.goto(`${workbench.url}?page=tracker`);
  await waitForTrackerRows(manager.page);
  await openItem(manager.page, target.value.text.split(/\s+/).slice(0, 6).join(' '), ref);
  await expect(manager.page.getByTestId('item-panel').innerText()).resolves.toContain('Closed by the force');
  await manager.context.close();
});

test('a channel tab scoped to a directorate shows only that directorate', async () => {
  // One of the owner's recommendations moves to another directorate, so the scope has something to leave out.
  const data = siteData(workbench);
  const { recs } = await ownersWork();
  const moved = recs.find((r) => r.value.directorate === 'Crime');
  if (moved === undefined) throw new Error('The demo owner has no recommendation in Crime.');
  await data.recommendations.update(moved, { ...moved.value, directorate: 'Professional Standards' });
  const { items } = await ownersWork();
  const inDirectorate = (d: string): string[] => items.filter((i) => i.recommendation.directorate === d).map(keyOf).sort();

  const { context, page } = await openTeams('owner');
  await choose(page, 'Teams surface', 'Channel tab');
  await page.getByRole('button', { name: 'Tab settings' }).click();
  await choose(page, 'Directorate', 'Crime');
  await page.getByRole('button', { name: 'Close the property pane' }).click();
  await page.getByTestId('my-actions-scope').filter({ hasText: 'Crime' }).waitFor();
  await waitForTab(page);
  const crime = (await shownCards(page)).map((c) => c.key).sort();
  expect(crime).toEqual(inDirectorate('Crime'));
  expect(crime).not.toContain(`r${moved.id}`);
  await expect(page.getByTestId('my-actions-scope').innerText()).resolves.toBe('Showing: Inspection Working Group › Recommendations · Crime');

  await page.getByRole('button', { name: 'Tab settings' }).click();
  await choose(page, 'Directorate', 'Professional Standards');
  await page.getByRole('button', { name: 'Close the property pane' }).click();
  await page.getByTestId('my-actions-scope').filter({ hasText: 'Professional Standards' }).waitFor();
  await page.locator(`[data-testid="work-item"][data-recommendation="${moved.id}"]`).first().waitFor();
  const psd = (await shownCards(page)).map((c) => c.key).sort();
  expect(psd).toEqual(inDirectorate('Professional Standards'));
  await context.close();
});

test('the tab follows Teams theme changes while open, with no WCAG 2.2 AA violations in any theme', async () => {
  const { context, page } = await openTeams('owner');
  // A marker on the window: it survives only if the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { stillOpen: true }));
  const backgrounds: string[] = [];
  for (const [theme, label] of [
    ['default', 'Default'],
    ['dark', 'Dark'],
    ['contrast', 'High contrast']
  ] as const) {
    if (theme !== 'default') {
      const before = await tabBackground(page);
      await choose(page, 'Teams theme', label);
      await page.waitForFunction((previous) => {
        const tab = document.querySelector('[data-testid="my-actions"]');
        return tab?.parentElement !== null && tab?.parentElement !== undefined && getComputedStyle(tab.parentElement).backgroundColor !== previous;
      }, before);
    }
    backgrounds.push(await tabBackground(page));
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, `teams-${theme}`);
  }
  expect(new Set(backgrounds).size).toBe(3);
  await expect(page.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).resolves.toBe(true);
  await context.close();
});
