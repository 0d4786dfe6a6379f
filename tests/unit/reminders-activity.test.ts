/**
 * The activity-feed route's payload (Graph `sendActivityNotification`) and how the Functions app
 * settings choose the route.
 */
import { generateKeyPairSync } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_RULES, myActionsDeepLink, updateDeepLink } from '../../src/core/reminders';
import type { CardItem, Recipient } from '../../src/core/reminders';
import { expandText } from '../../src/core/reminders';
import { ACTIVITY_TEXT_LIMIT, activityChainId, activityNotification, activityText } from '../../src/service/delivery';
import { optionsFromEnvironment, personRouteFromEnvironment } from '../../src/service/functions';
import { deliveryIdFor } from '../../src/service/protocol';

const links = { teamsAppId: '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13', myActionsEntityId: 'myactions', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx' };
const owner: Recipient = { kind: 'user', address: 'owner@contoso.onmicrosoft.com', name: 'Head of Public Protection' };

/** A Lancashire tracker row (report, recommendation text) from the seeds, found by its report. */
function seedRow(reportPart: string): { report: string; text: string } {
  const rows = readFileSync(join(__dirname, '../../../shared/seeds/lancashire-hmic-recommendations-tracker.tsv'), 'utf8').split(/\r?\n/).map((l) => l.split('\t'));
  const row = rows.find((r) => (r[1] ?? '').includes(reportPart));
  if (!row) throw new Error(`No seed row for ${reportPart}`);
  return { report: row[1].trim(), text: row[3].trim() };
}

/** The overdue reminder the default rule writes for a seed recommendation. */
function overdueItem(ref: string, itemId: number, seed: { report: string; text: string }): CardItem {
  const rule = DEFAULT_RULES.find((r) => r.key === 'overdue-owner-weekly');
  if (!rule) throw new Error('The default rules lost overdue-owner-weekly.');
  const data = { ref, report: seed.report, due: '30 April 2018', daysOverdue: 12 };
  return {
    title: expandText(rule.template.title, data),
    message: expandText(rule.template.message, data),
    ref,
    report: seed.report,
    due: '30 April 2018',
    lifecycle: 'Being progressed',
    trafficLight: 'RED',
    text: seed.text,
    updateUrl: updateDeepLink(links, itemId),
    openUrl: `${links.trackerUrl}?item=${itemId}`
  };
}

const youthOffending = seedRow('Children & Young people who sexually offend');

describe('activity notification payload', () => {
  it('sends one reminder as its title, message and a link to its update dialog in My Actions', () => {
    const item = overdueItem('4', 17, youthOffending);
    const deliveryId = deliveryIdFor(owner, ['overdue-owner-weekly|recommendation|17|2018-05-14|owner']);
    const sent = activityNotification({ deliveryId, recipient: owner, items: [item] }, links);
    expect(sent.activityType).toBe('reminder');
    expect(sent.topic).toEqual({ source: 'text', value: '4 is overdue', webUrl: item.updateUrl });
    const context = new URL(sent.topic.webUrl).searchParams.get('context');
    expect(JSON.parse(context ?? '{}')).toEqual({ subEntityId: '17' });
    expect(sent.templateParameters).toEqual([{ name: 'title', value: '4 is overdue' }]);
    expect(sent.chainId).toBe(activityChainId(deliveryId));
  });

  it('keeps the preview within the 150 characters Teams shows, cut at a word', () => {
    const item = overdueItem('4', 17, youthOffending);
    expect(item.message.length).toBeGreaterThan(ACTIVITY_TEXT_LIMIT);
    const preview = activityNotification({ deliveryId: 'd', recipient: owner, items: [item] }, links).previewText.content;
    expect(preview.length).toBeLessThanOrEqual(ACTIVITY_TEXT_LIMIT);
    expect(preview.endsWith('…')).toBe(true);
    const shown = preview.slice(0, -1);
    expect(item.message.startsWith(shown)).toBe(true);
    // The cut falls between words: the next character of the message is a space.
    expect(item.message[shown.length]).toBe(' ');
    expect(preview).toContain('Children & Young people');
  });

  it('gives a digest one notification: the count, the titles most urgent first, and My Actions', () => {
    const items = [overdueItem('4', 17, youthOffending), overdueItem('5', 18, youthOffending), overdueItem('12', 25, youthOffending)];
    const sent = activityNotification({ deliveryId: 'digest', recipient: owner, items }, links);
    expect(sent.activityType).toBe('reminderDigest');
    expect(sent.topic).toEqual({ source: 'text', value: '3 inspection tracker reminders', webUrl: myActionsDeepLink(links) });
    expect(sent.templateParameters).toEqual([{ name: 'count', value: '3' }]);
    expect(sent.previewText.content).toBe('4 is overdue; 5 is overdue; 12 is overdue');
    const many = Array.from({ length: 40 }, (_, i) => overdueItem(String(i + 1), i + 1, youthOffending));
    const long = activityNotification({ deliveryId: 'digest', recipient: owner, items: many }, links).previewText.content;
    expect(long.length).toBeLessThanOrEqual(ACTIVITY_TEXT_LIMIT);
    expect(long.startsWith('1 is overdue; 2 is overdue;')).toBe(true);
  });

  it('sends item text as plain text on one line: markup stays as typed, control characters go', () => {
    expect(activityText('Fix <b>this</b> & "that"\r\n\tnow\u0007')).toBe('Fix <b>this</b> & "that" now');
    expect(activityText('   ')).toBe('');
  });

  it('never cuts a character in two', () => {
    // 148 letters, then emoji (two UTF-16 units each) where the cut falls.
    const text = `${'a'.repeat(148)}${'📋'.repeat(5)}`;
    const preview = activityText(text);
    expect(preview.length).toBeLessThanOrEqual(ACTIVITY_TEXT_LIMIT);
    expect(preview).toBe(`${'a'.repeat(148)}…`);
    expect(activityText(`${'a'.repeat(147)}${'📋'.repeat(5)}`)).toBe(`${'a'.repeat(147)}📋…`);
  });

  it('derives the same chain id for the same delivery, an exact JSON integer, another for another', () => {
    const a = deliveryIdFor(owner, ['k1', 'k2']);
    const b = deliveryIdFor(owner, ['k1']);
    expect(activityChainId(a)).toBe(activityChainId(deliveryIdFor(owner, ['k2', 'k1'])));
    expect(activityChainId(a)).not.toBe(activityChainId(b));
    for (const id of [a, b]) {
      expect(Number.isSafeInteger(activityChainId(id))).toBe(true);
      expect(activityChainId(id)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('choosing the person route from the Functions app settings', () => {
  const base = {
    TRACKER_SITE_URL: 'https://contoso.sharepoint.com/sites/tracker',
    REMINDER_SENDER_UPN: 'reminders@contoso.onmicrosoft.com',
    REMINDER_CLIENT_STATE: 'secret',
    TEAMS_APP_ID: links.teamsAppId,
    TRACKER_PAGE_URL: links.trackerUrl
  };
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reminder-cert-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the activity feed with an app registration (app-only) and chat without one', () => {
    const tenant = { AZURE_CLIENT_ID: '0b7e5f2a-91c4-4d8e-a3f6-5c2d1e9b7a40', AZURE_TENANT_ID: 'contoso.onmicrosoft.com', AZURE_CERTIFICATE_PATH: join(dir, 'key.pem'), AZURE_CERTIFICATE_THUMBPRINT: 'A'.repeat(40) };
    expect(optionsFromEnvironment({ ...base, ...tenant }).personRoute).toBe('activity');
    expect(optionsFromEnvironment(base).personRoute).toBe('chat');
    expect(optionsFromEnvironment({ ...base, ...tenant, REMINDER_PERSON_ROUTE: 'chat' }).personRoute).toBe('chat');
    expect(optionsFromEnvironment({ ...base, REMINDER_PERSON_ROUTE: 'Activity' }).personRoute).toBe('activity');
  });

  it('names a missing setting, and refuses a route it does not know', () => {
    expect(() => optionsFromEnvironment({ ...base, REMINDER_SENDER_UPN: '' })).toThrow('The reminder functions need the app setting REMINDER_SENDER_UPN.');
    expect(() => personRouteFromEnvironment({ REMINDER_PERSON_ROUTE: 'email' }, true)).toThrow("The app setting REMINDER_PERSON_ROUTE must be 'chat' or 'activity', not 'email'.");
  });
});
