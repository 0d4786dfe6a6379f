/**
 * The reminder rules page in Chromium: a site owner creates "Turned RED: tell the SRO" from the
 * form (a mistake first, named at its field), the rule is saved in the Reminder Rules list as the
 * engine reads it, its card is previewed by the Adaptive Cards renderer, and the test run lists
 * the items that are RED on the fixed day with their SROs, sending nothing. A member and a reader
 * are not offered the page. axe-clean in every theme.
 */
import type { Browser, Page } from 'playwright-core';
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
