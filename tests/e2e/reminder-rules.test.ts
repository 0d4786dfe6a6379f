/**
 * The reminder rules page in Chromium: a site owner creates "Turned RED: tell the SRO" from the
 * form (a mistake first, named at its field), the rule is saved in the Reminder Rules list as the
 * engine reads it, its card is previewed by the Adaptive Cards renderer, and the test run lists
 * the items that are RED on the fixed day with their SROs, sending nothing. An item turned RED then
 * brings the card to the SRO's inbox and the run history shows it sent; a delivery Graph refuses
 * shows failed with its reason, and "send again" delivers it once. Two owners editing one rule get
 * the conflict. A member and a reader are not offered the page nor its run history. The rules page
 * and the run history are axe-clean in every theme.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { parseRule } from '../../src/core/reminders';
import { londonDate } from '../../src/core/dates';
import { trafficLight } from '../../src/core/status';
import type { Workbench } from '../../src/workbench/server';
import { THEME_NAMES } from '../../src/components/theme/themes';
import { TEST_NOW, accessibilityViolations, openWorkbench, screenshot, siteData, useSeededWorkbench, waitForTrackerRows } from './harness';

jest.setTimeout(180000);

let workbench: Workbench;
let browser: Browser;

// The reminder service writes the default rules into the empty Reminder Rules list on its start.
useSeededWorkbench((setup) => ({ workbench, browser } = setup), { reminders: true });

async function openRules(page: Page): Promise<void> {
  await waitForTrackerRows(page);
  await page.getByRole('menuitem', { name: 'Reminder rules' }).click();
  await page.getByRole('heading', { name: 'Reminder rules', level: 2 }).waitFor();
  await page.getByTestId('reminder-rules').locator('.ms-DetailsRow').first().waitFor();
}

test.each(['analyst', 'reader'])('%s is not offered the reminder rules page', async (user) => {
  const { context, page } = await openWorkbench(browser, workbench, { user });
  try {
    await waitForTrackerRows(page);
    expect(await page.getByRole('menuitem', { name: 'Reminder rules' }).count()).toBe(0);
    expect(await page.getByTestId('reminder-rules').count()).toBe(0);
    expect(await page.getByTestId('run-history').count()).toBe(0);
  } finally {
    await context.close();
  }
});

test('a site owner creates "turned RED → SRO" from the form and test-runs it on a fixed day', async () => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin' });
  try {
    await openRules(page);
    // The default rules, written by the reminder service on set-up, are listed.
    await expect(page.getByTestId('reminder-rules').innerText()).resolves.toContain('Turned RED: tell the SRO');
    await screenshot(page, 'reminder-rules-list');

    await page.getByRole('button', { name: 'New rule' }).click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByRole('textbox', { name: 'Name' }).fill('Turned RED: tell the SRO at once');
    await editor.getByRole('textbox', { name: 'Key' }).fill('Red SRO');
    await page.getByRole('button', { name: 'Save rule' }).click();
    // Each mistake is named at its field.
    await expect(editor.getByText('Expected 1 to 60 lower-case letters, digits and hyphens').first().isVisible()).resolves.toBe(true);
    await expect(editor.getByText('Expected some text').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'reminder-rules-problems');

    await editor.getByRole('textbox', { name: 'Key' }).fill('red-sro-at-once');
    await editor.getByRole('combobox', { name: /^To / }).click();
    await page.getByRole('option', { name: 'RED', exact: true }).click();
    await editor.getByRole('combobox', { name: /^Recipient 1 / }).click();
    await page.getByRole('option', { name: 'The SRO' }).click();
    await editor.getByRole('textbox', { name: 'Title' }).fill('${ref} has turned RED');
    await editor.getByRole('textbox', { name: 'Message' }).fill('${ref} (${report}), owned by ${owner}, is now RED. Due date: ${due}.');
    await editor.getByRole('checkbox', { name: 'Working days only (Monday to Friday, not bank holidays)' }).waitFor();

    // The card it would send, drawn by the Adaptive Cards renderer.
    await page.getByTestId('rule-preview').locator('.ac-adaptiveCard, [role="alert"], .ms-MessageBar').first().waitFor();

    // The test run, on the fixed day: every item RED that day, to its SRO.
    const day = londonDate(TEST_NOW);
    await editor.getByLabel('Date').fill(day);
    await editor.getByRole('button', { name: 'Who would this rule notify?' }).click();
    const run = page.getByTestId('test-run');
    await run.locator('li').first().waitFor();
    const data = siteData(workbench);
    const policy = await data.settings.ragPolicy();
    const red = (await data.recommendations.all()).filter((s) => trafficLight(s.value, day, policy) === 'RED');
    expect(red.length).toBeGreaterThan(0);
    const lines = await run.locator('li').allInnerTexts();
    expect(lines).toHaveLength(red.length);
    for (const s of red) expect(lines.some((l) => l.startsWith(`${s.value.ref} `) || l.startsWith(`${s.value.ref}:`))).toBe(true);
    await screenshot(page, 'reminder-rules-test-run');

    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByText('Saved “Turned RED: tell the SRO at once”.', { exact: false }).waitFor();
    const saved = await data.reminderRules.byKey('red-sro-at-once');
    expect(saved).not.toBeNull();
    expect(parseRule(saved!.value)).toMatchObject({ trigger: { kind: 'fieldChanged', field: 'trafficLight', to: 'RED' }, recipients: [{ kind: 'sro' }], repeat: { kind: 'once' } });
    await screenshot(page, 'reminder-rules-saved');
  } finally {
    await context.close();
  }
});

/** A recommendation AMBER on the fixed day whose SRO has an address (`sro` when told), other than those excluded. */
async function amberItem(opts: { sro?: string; exclude?: readonly number[] } = {}): Promise<{ id: number; ref: string; sro: string }> {
  const data = siteData(workbench);
  const policy = await data.settings.ragPolicy();
  const day = londonDate(TEST_NOW);
  const found = (await data.recommendations.all()).find((s) => {
    const sro = s.value.sro?.email?.toLowerCase();
    return sro !== undefined && (opts.sro === undefined || sro === opts.sro) && !(opts.exclude ?? []).includes(s.id) && s.value.due.kind === 'date' && trafficLight(s.value, day, policy) === 'AMBER';
  });
  if (found === undefined) throw new Error('The demo has no such AMBER item on the fixed day.');
  return { id: found.id, ref: found.value.ref, sro: found.value.sro?.email?.toLowerCase() ?? '' };
}

/** Turns an item RED through the data layer, as a site owner correcting its due date: past on the fixed day. */
async function turnRed(id: number): Promise<void> {
  const data = siteData(workbench);
  const { saved } = await data.recommendations.modify(id, (r) => ({ ...r, due: { ...r.due, original: '2017-10-02', current: '2017-10-02', raw: '2 October 2017' } }));
  expect(trafficLight(saved.value, londonDate(TEST_NOW), await data.settings.ragPolicy())).toBe('RED');
}

/** Cards in a stand-in inbox. */
async function cardsOf(address: string): Promise<number> {
  const res = await fetch(`${workbench.standin.url}/_standin/teams/inbox?user=${encodeURIComponent(address)}`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

async function openHistory(page: Page): Promise<Locator> {
  await openRules(page);
  await page.getByRole('tab', { name: 'Run history' }).click();
  const history = page.getByTestId('run-history');
  await history.waitFor();
  return history;
}

/** Shows the run history of one rule (and state), and waits for its rows. */
async function showHistory(history: Locator, rule: string, state?: string): Promise<void> {
  const page = history.page();
  await history.getByRole('combobox', { name: 'Rule' }).click();
  await page.getByRole('option', { name: rule, exact: true }).click();
  if (state !== undefined) {
    await history.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: state, exact: true }).click();
  }
  await history.getByRole('button', { name: 'Show' }).click();
  // The unfiltered rows stay on screen until the filtered page arrives: wait until every row is the rule's (each cell is a line of a row's text).
  for (let i = 0; i < 300; i += 1) {
    const rows = await history.locator('.ms-DetailsRow').allInnerTexts();
    if (rows.length > 0 && rows.every((text) => text.split('\n').includes(rule) && (state === undefined || text.includes(state)))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The run history did not show only "${rule}"${state === undefined ? '' : ` (${state})`} rows.`);
}

test('an item turned RED: the card reaches the SRO\'s inbox, and the run history shows it sent', async () => {
  const item = await amberItem({ sro: 'sro@contoso.onmicrosoft.com' });
  await turnRed(item.id);
  const inbox = await openWorkbench(browser, workbench, { user: 'sro', page: 'inbox' });
  try {
    const card = inbox.page.getByTestId('inbox-item').filter({ hasText: `${item.ref} has turned RED` });
    await card.waitFor({ timeout: 60000 });
    await card.locator('.ac-adaptiveCard').waitFor();
    await screenshot(inbox.page, 'reminder-rules-sro-inbox');
  } finally {
    await inbox.context.close();
  }

  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin' });
  try {
    const history = await openHistory(page);
    await showHistory(history, 'Turned RED: tell the SRO at once');
    const row = history.locator('.ms-DetailsRow').filter({ hasText: item.ref });
    await expect(row.innerText()).resolves.toMatch(/Sent/);
    await expect(row.innerText()).resolves.toContain('sro@contoso.onmicrosoft.com');
    await expect(row.innerText()).resolves.toContain('Teams chat');
    await screenshot(page, 'reminder-run-history-sent');
    // The item's reference opens it in the tracker.
    await row.getByRole('link', { name: `Open ${item.ref}` }).click();
    await page.getByTestId('item-panel').waitFor();
  } finally {
    await context.close();
  }
});

test('a delivery Graph refuses shows failed with its reason, and "send again" delivers it once', async () => {
  const item = await amberItem();
  const faults = `${workbench.standin.url}/_standin/graph/faults`;
  await fetch(faults, { method: 'POST', body: JSON.stringify({ status: 400, message: 'The chat cannot be reached (stand-in refusal).' }) });
  const data = siteData(workbench);
  try {
    await turnRed(item.id);
    for (let i = 0; i < 600; i += 1) {
      const entries = await data.reminderLog.byItem(item.id);
      if (entries.some((e) => e.value.status === 'Failed')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await fetch(faults, { method: 'POST', body: JSON.stringify({ status: 400, count: 0 }) });
  }
  const before = await cardsOf(item.sro);
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin' });
  try {
    const history = await openHistory(page);
    await showHistory(history, 'Turned RED: tell the SRO', 'Failed');
    const row = history.locator('.ms-DetailsRow').filter({ hasText: item.ref });
    await expect(row.innerText()).resolves.toContain('Failed: 400 BadRequest: The chat cannot be reached (stand-in refusal).');
    await screenshot(page, 'reminder-run-history-failed');
    await row.getByRole('button', { name: /^Send again: / }).click();
    await history.locator('.ms-MessageBar').filter({ hasText: 'Asked the reminder service to send it again' }).waitFor();
    await expect(row.innerText()).resolves.toContain('asked for it to be sent again');
    // The service's next run sends the SRO's delivery again: one card, whatever rules it carries.
    for (let i = 0; i < 600 && (await cardsOf(item.sro)) === before; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    // The card is posted before the log records it sent: wait for the log too.
    const sroSent = async (): Promise<boolean> => (await data.reminderLog.byItem(item.id)).filter((e) => e.value.recipient.toLowerCase() === item.sro).every((e) => e.value.status === 'Sent');
    for (let i = 0; i < 600 && !(await sroSent()); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await showHistory(history, 'Turned RED: tell the SRO', 'Sent');
    const sent = history.locator('.ms-DetailsRow').filter({ hasText: item.ref });
    await expect(sent.innerText()).resolves.toMatch(/Sent \(sent again as .+ asked on /);
    await screenshot(page, 'reminder-run-history-sent-again');
  } finally {
    await context.close();
  }
  // A few more runs of the service send nothing more.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  expect(await cardsOf(item.sro)).toBe(before + 1);
  const entries = await data.reminderLog.byItem(item.id);
  const toSro = entries.filter((e) => e.value.recipient.toLowerCase() === item.sro);
  expect(toSro.length).toBeGreaterThan(0);
  expect(toSro.every((e) => e.value.status === 'Sent')).toBe(true);
});

test('two site owners edit the same rule: the second save shows the conflict with both versions', async () => {
  const [a, b] = await Promise.all([openWorkbench(browser, workbench, { user: 'admin' }), openWorkbench(browser, workbench, { user: 'admin' })]);
  try {
    for (const { page } of [a, b]) {
      await openRules(page);
      await page.getByRole('button', { name: 'Edit Due in 14 days: remind the owner', exact: true }).click();
      await page.getByTestId('rule-editor').waitFor();
    }
    await a.page.getByTestId('rule-editor').getByRole('textbox', { name: 'Name' }).fill('Due in 14 days: remind the owner (office hours)');
    await a.page.getByRole('button', { name: 'Save rule' }).click();
    await a.page.getByText('Saved “Due in 14 days: remind the owner (office hours)”.', { exact: false }).waitFor();

    await b.page.getByTestId('rule-editor').getByRole('textbox', { name: 'Title' }).fill('${ref} is due in 14 days');
    await b.page.getByRole('button', { name: 'Save rule' }).click();
    const conflict = b.page.getByTestId('conflict-table');
    await conflict.waitFor();
    await expect(conflict.getByRole('row', { name: /Name/ }).innerText()).resolves.toContain('Due in 14 days: remind the owner (office hours)');
    await expect(conflict.getByRole('row', { name: /Definition/ }).innerText()).resolves.toContain('${ref} is due in 14 days');
    await screenshot(b.page, 'reminder-rules-conflict');
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
});

test.each(THEME_NAMES)('the run history is axe-clean in the %s theme', async (theme) => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin', theme });
  try {
    const history = await openHistory(page);
    await history.locator('.ms-DetailsRow').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `reminder-run-history-${theme}`);
  } finally {
    await context.close();
  }
});

test.each(THEME_NAMES)('the rules page and its form are axe-clean in the %s theme', async (theme) => {
  const { context, page } = await openWorkbench(browser, workbench, { user: 'admin', theme });
  try {
    await openRules(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit Turned RED: tell the SRO', exact: true }).click();
    await page.getByTestId('rule-preview').locator('.ac-adaptiveCard, .ms-MessageBar').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `reminder-rules-editor-${theme}`);
  } finally {
    await context.close();
  }
});
