/**
 * End to end (issue 13): the analyst opens an update round on the round page; the owner's inbox
 * shows one card with their items, sent on the Update Rounds list's webhook; the owner answers one
 * item with an update and another with "no change" from the card, which refreshes in place; the
 * tracker shows the update; the round page shows the owner answered and the others not, and whose
 * card was delivered; the paper issued when the round closes says "Awaiting update" for exactly the
 * unanswered items. axe-clean in every theme.
 */
import type { Browser, Page } from 'playwright-core';
import { emailFor } from '../../src/standin/identity';
import { isOpen } from '../../src/core/status';
import type { Recommendation } from '../../src/core/model';
import type { Stored } from '../../src/data';
import type { Workbench } from '../../src/workbench/server';
import { startWorkbench } from '../../src/workbench/server';
import { THEME_NAMES } from '../../src/components/theme/themes';
import { TEST_NOW, accessibilityViolations, launchChromium, openWorkbench, screenshot, settle, siteData } from './harness';

jest.setTimeout(240000);

let workbench: Workbench;
let browser: Browser;
/** The report the round covers, the owner's two items to answer, and every item the round asks about. */
let scope: { reportId: number; title: string; mine: Stored<Recommendation>[]; asked: Stored<Recommendation>[] };

const COMMITTEE = 'Police Performance Committee';
const UPDATE = 'Vulnerability training delivered to 212 officers; the audit of outcomes reports in January.';

beforeAll(async () => {
  [workbench, browser] = await Promise.all([startWorkbench({ port: 0, standinPort: 0, dbPath: ':memory:', seed: true, now: TEST_NOW, reminders: true }), launchChromium()]);
  // A report (not a plan) in which the Head of Crime owns two open items or more, beside other owners' open items.
  const data = siteData(workbench);
  const [reports, recs] = await Promise.all([data.reports.all(), data.recommendations.all()]);
  for (const report of reports.filter((r) => r.value.reportType !== 'Plan')) {
    const asked = recs.filter((r) => r.value.reportId === report.id && isOpen(r.value.lifecycle));
    const mine = asked.filter((r) => r.value.owner?.email === emailFor('owner'));
    const others = asked.filter((r) => r.value.owner?.email !== undefined && r.value.owner.email !== emailFor('owner'));
    if (mine.length >= 2 && others.length >= 1 && new Set(asked.map((r) => r.value.ref)).size === asked.length) {
      scope = { reportId: report.id, title: report.value.title, mine: mine.slice(0, 2), asked };
      return;
    }
  }
  throw new Error('The demo has no report where the Head of Crime owns two open items beside other owners.');
});

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

/** The owner's round card on their inbox page. */
function roundCard(page: Page) {
  return page.getByTestId('inbox-item').filter({ hasText: `update round for ${COMMITTEE}` });
}

/** The rows of the round page's table by owner: name, items, answered, not answered, more time, round card. */
function ownerRows(page: Page): Promise<string[][]> {
  return page.locator('[data-round-owners] tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? '').trim())));
}

test('the analyst opens a round, the owner answers from the card, and the paper issued at the close awaits only the unanswered items', async () => {
  const [a, b] = scope.mine;
  // The analyst opens the round on the round page.
  const analyst = await openWorkbench(browser, workbench, { user: 'analyst', page: 'tracker', query: { view: 'round' } });
  try {
    const page = analyst.page;
    await page.getByRole('heading', { name: 'Update rounds', level: 2 }).waitFor();
    await page.getByText('No update round has been opened yet.').waitFor();
    await page.getByRole('textbox', { name: 'Committee' }).fill(COMMITTEE);
    await page.getByRole('combobox', { name: 'Report' }).click();
    // A multi-select list: each report is a checkbox, ticked by its label.
    await page.locator('.ms-Dropdown-items').getByText(scope.title, { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Reply by').fill('2017-11-24');
    await page.getByLabel('Paper due').fill('2017-11-30');
    await screenshot(page, 'round-open-form');
    await page.getByRole('button', { name: 'Open round' }).click();
    const opened = page.locator('.ms-MessageBar').filter({ hasText: 'Round opened' });
    await opened.waitFor();
    await page.locator('[data-round-counts]').filter({ hasText: `0 of ${scope.asked.length} items answered` }).waitFor();
    // The message's close button says what it does (it was named "Cancel").
    await opened.getByRole('button', { name: 'Close message' }).click();
    await opened.waitFor({ state: 'detached' });
  } finally {
    await analyst.context.close();
  }
  // No call to the service: SharePoint's notification of the new round (the Update Rounds list's
  // webhook) has it send the cards; the workbench on a fixed clock has no minute tick to fall back on.

  // The owner's inbox: one card listing their items, each with the form.
  const owner = await openWorkbench(browser, workbench, { user: 'owner', page: 'inbox' });
  try {
    const page = owner.page;
    const card = roundCard(page);
    await card.locator('.ac-adaptiveCard').waitFor({ timeout: 60000 });
    expect(await card.count()).toBe(1);
    const mineInScope = scope.asked.filter((r) => r.value.owner?.email === emailFor('owner'));
    for (const r of mineInScope) await card.getByRole('button', { name: `Post update on ${r.value.ref}` }).waitFor();
    await card.getByRole('textbox', { name: `What has happened since the last update on ${a.value.ref}` }).fill(UPDATE);
    await screenshot(page, 'round-card-form');
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.getByRole('button', { name: `Post update on ${a.value.ref}` }).click();
    // The card refreshes in place: the answer recorded, the other items still to answer.
    await card.filter({ hasText: `Update recorded on ${a.value.ref}` }).waitFor({ timeout: 30000 });
    expect(await card.getByRole('button', { name: `Post update on ${a.value.ref}` }).count()).toBe(0);
    await card.getByRole('button', { name: `No change on ${b.value.ref} since my last update` }).click();
    await card.filter({ hasText: `Recorded: no change on ${b.value.ref}` }).waitFor({ timeout: 30000 });
    expect(await card.getByRole('button', { name: `Post update on ${b.value.ref}` }).count()).toBe(0);
    expect(await card.innerText()).toContain(UPDATE);
    await screenshot(page, 'round-card-answered');
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    await owner.context.close();
  }

  // The tracker shows the update on the item.
  const tracker = await openWorkbench(browser, workbench, { user: 'analyst', page: 'tracker', query: { item: String(a.id) } });
  try {
    await tracker.page.getByText(UPDATE).first().waitFor({ timeout: 30000 });
  } finally {
    await tracker.context.close();
  }

  // The round page: the Head of Crime answered, every other owner not.
  const round = await openWorkbench(browser, workbench, { user: 'analyst', page: 'tracker', query: { view: 'round' } });
  try {
    const page = round.page;
    await page.locator('[data-round-counts]').filter({ hasText: `${mineInScopeCount()} of ${scope.asked.length} items answered` }).waitFor();
    const rows = await ownerRows(page);
    const name = a.value.owner?.name ?? '';
    // The last column: whether the owner's round card was delivered (the Reminder Log's round-open entries).
    expect(rows.filter((r) => r[0] === name)).toEqual([[name, String(mineInScopeCount()), '2', String(mineInScopeCount() - 2), '0', 'Sent']]);
    for (const r of rows.filter((row) => row[0] !== name)) {
      expect(r[2]).toBe('0');
      expect(r[5]).toMatch(/^(Sent|Not delivered: .+|Not sent: no e-mail address)$/);
    }
    expect(rows.length).toBeGreaterThan(1);
    await screenshot(page, 'round-page-answers');

    // Closing issues the paper.
    await page.getByRole('button', { name: 'Close round and issue the paper' }).click();
    await page.getByRole('button', { name: 'Close the round' }).click();
    await page.locator('.ms-MessageBar').filter({ hasText: 'Round closed and its paper issued.' }).waitFor({ timeout: 60000 });
    const href = await page.getByRole('link', { name: 'Open the paper' }).getAttribute('href');
    expect(href).toMatch(/\.html$/);
    await page.goto(new URL(href ?? '', workbench.url).toString());
    const printed = await page.locator('tr.item').evaluateAll((rows) =>
      rows.map((r) => ({ ref: (r.querySelector('td.ref')?.textContent ?? '').trim(), comment: (r.lastElementChild?.querySelector('p')?.textContent ?? '').trim() }))
    );
    const awaiting = printed.filter((p) => p.comment === 'Awaiting update').map((p) => p.ref).sort();
    const answered = new Set([a.value.ref, b.value.ref]);
    expect(awaiting).toEqual(scope.asked.map((r) => r.value.ref).filter((ref) => !answered.has(ref)).sort());
    expect(printed.find((p) => p.ref === a.value.ref)?.comment).toBe(UPDATE);
    expect(printed.find((p) => p.ref === b.value.ref)?.comment).toBe('No change since my last update.');
  } finally {
    await round.context.close();
  }
});

/** How many of the Head of Crime's items are in the round: two are answered in the test. */
function mineInScopeCount(): number {
  return scope.asked.filter((r) => r.value.owner?.email === emailFor('owner')).length;
}

test('the round page and the round card are WCAG 2.2 AA clean in every theme', async () => {
  for (const theme of THEME_NAMES) {
    const round = await openWorkbench(browser, workbench, { user: 'analyst', page: 'tracker', query: { view: 'round' }, theme });
    try {
      await round.page.locator('[data-round-owners]').waitFor();
      await settle(round.page);
      await screenshot(round.page, `round-page-${theme}`);
      expect(await accessibilityViolations(round.page)).toEqual([]);
    } finally {
      await round.context.close();
    }
    const inbox = await openWorkbench(browser, workbench, { user: 'owner', page: 'inbox', theme });
    try {
      await roundCard(inbox.page).locator('.ac-adaptiveCard').first().waitFor();
      await screenshot(inbox.page, `round-inbox-${theme}`);
      expect(await accessibilityViolations(inbox.page)).toEqual([]);
    } finally {
      await inbox.context.close();
    }
  }
});

test("the round is a tab of the analyst's My Actions in Teams", async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'analyst', page: 'teams' });
  try {
    await page.getByRole('tab', { name: 'Update round' }).click();
    await page.getByRole('heading', { name: 'Update rounds', level: 2 }).waitFor({ timeout: 30000 });
    await page.locator('[data-round-counts]').filter({ hasText: `2 of ${scope.asked.length} items answered` }).waitFor({ timeout: 30000 });
    await screenshot(page, 'round-my-actions-tab');
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
});
