/**
 * End to end: the workbench with the reminder service beside its stand-in. An item's owner changes,
 * SharePoint's webhook wakes the service, the service installs the Teams app for the new owner and
 * sends them a card from its bot through the stand-in's Bot Connector, and the new owner's inbox page
 * shows it (without a reload) drawn by the Adaptive Cards renderer, with buttons leading to the
 * workbench's Teams page and tracker. Owners and approvers answer on the card. axe-clean in every theme.
 */
import type { Browser, Page } from 'playwright-core';
import { emailFor } from '../../src/standin/identity';
import { formatUkDate } from '../../src/core/dates';
import { requestClosure } from '../../src/core/transitions';
import type { Recommendation } from '../../src/core/model';
import type { Stored } from '../../src/data';
import type { Workbench } from '../../src/workbench/server';
import { THEME_NAMES } from '../../src/components/theme/themes';
import { TEST_NOW, accessibilityViolations, openWorkbench, screenshot, settle, siteData, useSeededWorkbench } from './harness';

jest.setTimeout(150000);

let workbench: Workbench;
let browser: Browser;

// TEST_NOW is a Tuesday at 09:30 in London: inside the default rules' office hours.
useSeededWorkbench((setup) => ({ workbench, browser } = setup), { reminders: true });

/** Two open items with due dates that the demo's Head of Crime (`owner`) does not own yet. */
async function itemsToReassign(): Promise<Stored<Recommendation>[]> {
  const all = await siteData(workbench).recommendations.all();
  const candidates = all.filter((r) => r.value.owner?.email !== emailFor('owner') && r.value.lifecycle === 'Being progressed' && r.value.due.kind === 'date' && r.value.due.current !== null);
  if (candidates.length < 2) throw new Error('The demo data has fewer than two dated items being progressed by someone other than the Head of Crime.');
  return candidates.slice(0, 2);
}

/**
 * Text that must stay text on a card: markup typed as words (the HTML-to-text step turns the
 * entities into `<img …>`), and Markdown emphasis, which Teams shows as bold.
 */
const HOSTILE_TEXT = 'Check the custody records &lt;img src=x onerror="window.__injected=1"&gt; and report **monthly** to the board.';

async function giveToHeadOfCrime(item: Stored<Recommendation>, text?: string): Promise<void> {
  await siteData(workbench).recommendations.update(item, { ...item.value, text: text ?? item.value.text, owner: { name: 'Head of Crime', email: emailFor('owner') } });
}

/** The list item holding the card that tells the new owner about `ref`. */
function cardFor(page: Page, ref: string) {
  return page.getByTestId('inbox-item').filter({ hasText: `You now own ${ref}` });
}

/** The page a card button opens in a new tab, as an address relative to the workbench. */
async function opened(page: Page, click: () => Promise<void>): Promise<string> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), click()]);
  await popup.waitForURL((u) => u.href !== 'about:blank');
  const url = popup.url();
  await popup.close();
  return url.replace(workbench.url, '/');
}

test('a change of owner reaches the new owner as a card on their inbox page, without a reload', async () => {
  const [first, second] = await itemsToReassign();
  const { context, page } = await openWorkbench(browser, workbench, { user: 'owner', page: 'inbox' });
  try {
    await page.getByRole('heading', { name: 'Teams notifications', level: 2 }).waitFor();
    await page.getByText('No Teams notifications yet.', { exact: false }).waitFor();

    await giveToHeadOfCrime(first, HOSTILE_TEXT);
    const card = cardFor(page, first.value.ref);
    await card.waitFor({ timeout: 60000 });
    // Drawn by the Adaptive Cards renderer, not by the page's own markup.
    await card.locator('.ac-adaptiveCard').waitFor();
    const text = await card.innerText();
    expect(text).toContain(`${first.value.ref} (`);
    expect(text).toContain('has been assigned to you.');
    expect(text).toMatch(/^Teams chat with the bot from Inspection Tracker, /);
    const due = first.value.due.kind === 'date' ? first.value.due.current : null;
    if (due === null) throw new Error(`Item ${first.value.ref} was chosen for its due date but has none.`);
    expect(text).toContain(`has been assigned to you. Due: ${formatUkDate(due)}.`);
    // The card's Markdown is processed (bold), the markup in the words is shown, never run.
    expect(text).toContain('Check the custody records <img src=x onerror="window.__injected=1"> and report monthly to the board.');
    expect(await card.locator('.ac-adaptiveCard strong').allInnerTexts()).toEqual(['monthly']);
    expect(await card.locator('.ac-adaptiveCard img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();

    const postUpdate = card.getByRole('button', { name: 'Post an update' }).or(card.getByRole('link', { name: 'Post an update' }));
    const openItem = card.getByRole('button', { name: 'Open item' }).or(card.getByRole('link', { name: 'Open item' }));
    expect(await opened(page, () => postUpdate.click())).toBe(`/?page=teams&subEntityId=${first.id}`);
    expect(await opened(page, () => openItem.click())).toBe(`/?page=tracker&item=${first.id}`);

    // A second change while the page is open: polled in, announced, and listed first.
    await giveToHeadOfCrime(second);
    await cardFor(page, second.value.ref).waitFor({ timeout: 60000 });
    await expect(page.getByTestId('inbox-announcement').innerText()).resolves.toBe(`1 new notification. Teams chat with the bot: You now own ${second.value.ref}`);
    // The service's first daily sweep (a minute after start) may add a digest: order is checked among the two changes' cards.
    const cards = await page.getByTestId('inbox-item').locator('.ac-adaptiveCard').evaluateAll((list) => list.map((c) => c.textContent ?? ''));
    const own = cards.filter((c) => c.includes('You now own'));
    expect(own).toHaveLength(2);
    expect(own[0]).toContain(`You now own ${second.value.ref}`);
    expect(own[1]).toContain(`You now own ${first.value.ref}`);
  } finally {
    await context.close();
  }
});

test('the inbox page is WCAG 2.2 AA clean in every theme', async () => {
  for (const theme of THEME_NAMES) {
    const { context, page } = await openWorkbench(browser, workbench, { user: 'owner', page: 'inbox', theme });
    try {
      await page.getByTestId('inbox-item').locator('.ac-adaptiveCard').first().waitFor();
      await settle(page);
      await screenshot(page, `inbox-${theme}`);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }
});

test("the site owner can look into another person's inbox; others see only their own", async () => {
  const admin = await openWorkbench(browser, workbench, { user: 'admin', page: 'inbox' });
  try {
    const picker = admin.page.getByRole('combobox', { name: 'Show the notifications of' });
    await picker.click();
    await admin.page.getByRole('option', { name: new RegExp(`^Head of Crime \\(${emailFor('owner')}\\): \\d+$`) }).click();
    await admin.page.getByTestId('inbox-item').filter({ hasText: 'You now own' }).first().waitFor();
    expect(await admin.page.getByTestId('inbox-item').filter({ hasText: 'You now own' }).count()).toBe(2);
    await screenshot(admin.page, 'inbox-site-owner-picker');
  } finally {
    await admin.context.close();
  }
  const owner = await openWorkbench(browser, workbench, { user: 'owner', page: 'inbox' });
  try {
    await owner.page.getByTestId('inbox-item').first().waitFor();
    expect(await owner.page.getByRole('combobox', { name: 'Show the notifications of' }).count()).toBe(0);
  } finally {
    await owner.context.close();
  }
});

test('an owner chosen with the people picker is saved as a person: their card arrives and the item is in their My Actions', async () => {
  const all = await siteData(workbench).recommendations.all();
  const target = all.filter((r) => r.value.owner?.email !== emailFor('headpp') && r.value.lifecycle === 'Being progressed' && r.value.due.kind === 'date').pop();
  if (target === undefined) throw new Error('The demo has no item being progressed by someone other than the Head of Public Protection.');
  const analyst = await openWorkbench(browser, workbench, { user: 'analyst', query: { item: String(target.id) } });
  try {
    const page = analyst.page;
    await page.getByTestId('item-panel').waitFor();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('combobox', { name: 'Owner' }).fill('public prot');
    const suggestion = page.getByRole('option', { name: /Head of Public Protection/ });
    await suggestion.waitFor();
    await expect(suggestion.innerText()).resolves.toContain(emailFor('headpp'));
    await screenshot(page, 'people-picker-suggestions');
    expect(await accessibilityViolations(page)).toEqual([]);
    await suggestion.click();
    await dialog.getByTestId('person-owner').filter({ hasText: emailFor('headpp') }).waitFor();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Changes saved.').waitFor();
  } finally {
    await analyst.context.close();
  }
  const saved = (await siteData(workbench).recommendations.get(target.id)).value.owner;
  expect(saved).toEqual({ userId: expect.any(Number), name: 'Head of Public Protection', email: emailFor('headpp') });

  // The service's "newly assigned" rule reaches the new owner, whose My Actions lists the item.
  const inboxPage = await openWorkbench(browser, workbench, { user: 'headpp', page: 'inbox' });
  try {
    await cardFor(inboxPage.page, target.value.ref).waitFor({ timeout: 60000 });
  } finally {
    await inboxPage.context.close();
  }
  const teams = await openWorkbench(browser, workbench, { user: 'headpp', page: 'teams' });
  try {
    await teams.page.locator(`[data-testid="work-item"][data-recommendation="${target.id}"]`).first().waitFor();
  } finally {
    await teams.context.close();
  }
});

test('an address no site user has is looked up in the directory and added to the site; an unknown one is said', async () => {
  const analyst = await openWorkbench(browser, workbench, { user: 'analyst', page: 'tracker' });
  try {
    const page = analyst.page;
    await page.getByRole('menuitem', { name: 'New recommendation' }).waitFor();
    await page.getByRole('menuitem', { name: 'New recommendation' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('combobox', { name: 'SRO' }).fill(emailFor('newstarter'));
    await page.getByRole('option', { name: /add from the directory/ }).click();
    await dialog.getByTestId('person-sro').filter({ hasText: emailFor('newstarter') }).waitFor();
    await expect(dialog.getByRole('combobox', { name: 'SRO' }).inputValue()).resolves.toBe('New Starter');
    expect((await siteData(workbench).users.all()).map((u) => u.email)).toContain(emailFor('newstarter'));
    await dialog.getByRole('combobox', { name: 'SRO' }).fill('nobody@contoso.onmicrosoft.com');
    await page.getByRole('option', { name: /add from the directory/ }).click();
    await expect(dialog.getByRole('alert').innerText()).resolves.toBe("No one in your organisation's directory has the address nobody@contoso.onmicrosoft.com.");
    await screenshot(page, 'people-picker-unknown');
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    await analyst.context.close();
  }
});

test('the owner answers from the card: the bot records the update, the card is replaced by its answer, and the tracker has the update', async () => {
  const all = await siteData(workbench).recommendations.all();
  const reassigned = new Set((await itemsToReassign()).map((i) => i.id));
  const target = all.filter((r) => r.value.owner?.email !== emailFor('owner') && r.value.lifecycle === 'Being progressed' && !reassigned.has(r.id))[0];
  if (target === undefined) throw new Error('The demo has no third item to give the Head of Crime.');
  const { context, page } = await openWorkbench(browser, workbench, { user: 'owner', page: 'inbox' });
  try {
    await page.getByRole('heading', { name: 'Teams notifications', level: 2 }).waitFor();
    await giveToHeadOfCrime(target);
    const card = cardFor(page, target.value.ref);
    await card.waitFor({ timeout: 60000 });
    const text = 'Custody audit of 40 files complete; 3 actions agreed with the Head of Custody.';
    await card.getByRole('textbox', { name: 'What has happened since the last update' }).fill(text);
    await screenshot(page, 'inbox-card-form');
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Post update' }).click();
    const answer = page.getByTestId('inbox-item').filter({ hasText: `Update recorded on ${target.value.ref}` });
    await answer.waitFor({ timeout: 30000 });
    await expect(answer.getByRole('button', { name: 'Post update' }).count()).resolves.toBe(0);
    await screenshot(page, 'inbox-card-answered');
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
  const updates = (await siteData(workbench).updates.all()).filter((u) => u.value.recommendationId === target.id).map((u) => u.value.text);
  expect(updates).toContain('Custody audit of 40 files complete; 3 actions agreed with the Head of Custody.');
  expect((await siteData(workbench).recommendations.get(target.id)).value.latestComment).toBe('Custody audit of 40 files complete; 3 actions agreed with the Head of Custody.');
});

test('the approver approves a closure on the card that asks them: the card refreshes in place, the tracker shows the item closed; axe-clean in every theme', async () => {
  const all = await siteData(workbench).recommendations.all();
  const target = all.find((r) => r.value.lifecycle === 'Being progressed' && r.value.owner !== undefined && r.value.owner.email !== emailFor('manager') && r.value.owner.name !== 'Chief of Staff');
  if (target === undefined) throw new Error('The demo has no item being progressed by someone other than the Chief of Staff.');
  const asked = requestClosure(target.value, { by: target.value.owner?.name ?? 'Owner', at: TEST_NOW, evidence: 'Revised action plan published on the force intranet.' });
  const { context, page } = await openWorkbench(browser, workbench, { user: 'manager', page: 'inbox' });
  try {
    await page.getByRole('heading', { name: 'Teams notifications', level: 2 }).waitFor();
    await siteData(workbench).recommendations.update(target, asked);
    // The default rule asks the approver (the Chief of Staff) to sign off, on a card that carries the decision.
    const card = page.getByTestId('inbox-item').filter({ hasText: `Sign-off requested for ${target.value.ref}` });
    await card.waitFor({ timeout: 60000 });
    await expect(card.innerText()).resolves.toContain('Evidence: Revised action plan published on the force intranet.');
    await card.getByRole('textbox', { name: 'Note (needed to return it)' }).fill('Evidence checked against the plan.');
    await screenshot(page, 'inbox-closure-card');
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Approve closure' }).click();
    // The same message, its card replaced in place: who answered, and the item as it now stands.
    const answered = page.getByTestId('inbox-item').filter({ hasText: `Closure of ${target.value.ref} approved` });
    await answered.waitFor({ timeout: 30000 });
    await expect(answered.innerText()).resolves.toContain('Answered by Chief of Staff');
    await expect(answered.getByRole('button', { name: 'Approve closure' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('inbox-item').filter({ hasText: `Sign-off requested for ${target.value.ref}` }).count()).resolves.toBe(0);
    for (const theme of THEME_NAMES) {
      const themed = theme === 'light' ? page : (await openWorkbench(browser, workbench, { user: 'manager', page: 'inbox', theme })).page;
      await themed.getByTestId('inbox-item').filter({ hasText: `Closure of ${target.value.ref} approved` }).waitFor({ timeout: 30000 });
      await settle(themed);
      await screenshot(themed, `inbox-closure-approved-${theme}`);
      expect(await accessibilityViolations(themed)).toEqual([]);
      if (themed !== page) await themed.context().close();
    }
  } finally {
    await context.close();
  }
  const saved = (await siteData(workbench).recommendations.get(target.id)).value;
  expect(saved).toMatchObject({ lifecycle: 'Closed by the force', closure: { decision: { outcome: 'approved', by: 'Chief of Staff', note: 'Evidence checked against the plan.' } } });
  const tracker = await openWorkbench(browser, workbench, { user: 'analyst', query: { item: String(target.id) } });
  try {
    const panel = tracker.page.getByTestId('item-panel');
    await panel.waitFor();
    await panel.getByText('Closed by the force').first().waitFor();
    await screenshot(tracker.page, 'tracker-closed-from-card');
  } finally {
    await tracker.context.close();
  }
});
