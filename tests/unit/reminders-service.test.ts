import { DEFAULT_RULES } from '../../src/core/reminders';
import type { CardItem, Recipient } from '../../src/core/reminders';
import { expandText } from '../../src/core/reminders';
import { deliveryCard, deliveryMailHtml } from '../../src/service/delivery';
import { deliveryIdFor } from '../../src/service/protocol';
import { MalformedNotificationError, parseNotifications, receiveWebhook } from '../../src/service/webhooks';
import { escapingLogger, forLog } from '../../src/service/logging';
import { createEngine } from '../../src/service/service';
import { localServiceOptions } from '../../src/service/main';

const links = { teamsAppId: '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13', myActionsEntityId: 'myactions', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx' };
const owner: Recipient = { kind: 'user', address: 'owner@contoso.onmicrosoft.com', name: 'Head of Crime' };

function item(overrides: Partial<CardItem> = {}): CardItem {
  return {
    title: '9 is overdue',
    message: 'It was due on 30 April 2018.',
    ref: '9',
    report: 'A progress report on the police response to domestic abuse',
    due: '30 April 2018',
    lifecycle: 'Being progressed',
    trafficLight: 'RED',
    text: 'By April 2018, every police force in England and Wales should update its domestic abuse action plan.',
    updateUrl: 'https://teams.microsoft.com/l/entity/app/myactions?context=%7B%22subEntityId%22%3A%229%22%7D',
    openUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx?item=9',
    ...overrides
  };
}

describe('webhook notifications', () => {
  const valid = { value: [{ subscriptionId: 'a1', clientState: 'secret', expirationDateTime: '2026-09-01T00:00:00.0000000Z', resource: 'list-id', siteUrl: '/sites/tracker' }] };

  it('reads SharePoint’s payload and says what is wrong with anything else', () => {
    expect(parseNotifications(JSON.stringify(valid))).toEqual([{ subscriptionId: 'a1', clientState: 'secret', expirationDateTime: '2026-09-01T00:00:00.0000000Z', resource: 'list-id', siteUrl: '/sites/tracker' }]);
    expect(() => parseNotifications('{')).toThrow(new MalformedNotificationError('the body is not JSON.'));
    expect(() => parseNotifications('{"value":[]}')).toThrow('at least one notification');
    expect(() => parseNotifications('{"value":[{"subscriptionId":"a1","expirationDateTime":"x"}]}')).toThrow('value[0].resource is missing.');
  });

  it('starts work only for notifications carrying the right clientState', () => {
    const started: number[] = [];
    const warnings: string[] = [];
    const options = { clientState: 'secret', onNotified: (n: unknown[]) => started.push(n.length), warn: (m: string) => warnings.push(m) };
    expect(receiveWebhook({ method: 'POST', url: '/api/webhook', body: JSON.stringify(valid) }, options).status).toBe(202);
    const forged = { value: [...valid.value, { ...valid.value[0], subscriptionId: 'b2', clientState: 'secreT' }] };
    expect(receiveWebhook({ method: 'POST', url: '/api/webhook', body: JSON.stringify(forged) }, options).status).toBe(403);
    expect(receiveWebhook({ method: 'GET', url: '/api/webhook', body: '' }, options).status).toBe(405);
    expect(started).toEqual([1]);
    expect(warnings).toEqual(["Webhook rejected (403): 1 notification(s) with a wrong clientState, subscription(s) 'b2'."]);
  });

  it('logs a forged notification on one line, escaped and cut short, whatever its body holds', () => {
    const warnings: string[] = [];
    const options = { clientState: 'secret', onNotified: () => undefined, warn: (m: string) => warnings.push(m) };
    // A forged log line, an ANSI "clear screen", a bidi override, a bell, and 10,000 more characters.
    const hostile = `s1\n[reminders] Sweep\r\u001b[2J\u202Eevil\u0007${'x'.repeat(10000)}`;
    const forged = { value: Array.from({ length: 50 }, () => ({ ...valid.value[0], subscriptionId: hostile, clientState: 'guess' })) };
    expect(receiveWebhook({ method: 'POST', url: '/api/webhook', body: JSON.stringify(forged) }, options).status).toBe(403);
    expect(warnings).toHaveLength(1);
    const escaped = `'s1\\n[reminders] Sweep\\r\\u001b[2J\\u202eevil\\u0007${'x'.repeat(33)}… (9967 more characters)'`;
    expect(warnings[0]).toBe(`Webhook rejected (403): 50 notification(s) with a wrong clientState, subscription(s) ${escaped}, ${escaped}, ${escaped} and 47 more.`);
    expect(warnings[0]).not.toMatch(/[\p{Cc}\u2028\u2029\u202A-\u202E]/u);
  });

  it('writes every message of the service’s logger on one line, quoting SharePoint’s text escaped', () => {
    const lines: string[] = [];
    const logger = escapingLogger({ info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) });
    logger.warn('Recommendation 978: Title "Custody\n[reminders] Sweep of 2026-03-10: 0 item(s)" needs completing.');
    logger.error('Delivery to \u001b[31mowner\u001b[0m\u2028failed');
    logger.info('Tab\there, and an em dash — kept');
    expect(lines).toEqual([
      'warn Recommendation 978: Title "Custody\\n[reminders] Sweep of 2026-03-10: 0 item(s)" needs completing.',
      'error Delivery to \\u001b[31mowner\\u001b[0m\\u2028failed',
      'info Tab\\there, and an em dash — kept'
    ]);
    expect(forLog('😀'.repeat(3), 3)).toBe('😀… (4 more characters)');
  });
});

describe('delivery content', () => {
  it('expands the default rules’ messages, plurals included', () => {
    const dueSoon = DEFAULT_RULES.find((r) => r.key === 'due-in-14-days');
    const data = { ref: '9', report: 'PEEL 2025', daysToDue: 1, due: '17 March 2026' };
    expect(expandText(dueSoon?.template.message ?? '', data)).toBe('9 (PEEL 2025) is due in 1 day, on 17 March 2026. Please post an update on progress.');
    expect(expandText(dueSoon?.template.message ?? '', { ...data, daysToDue: 14 })).toContain('is due in 14 days');
  });

  it('gives the same delivery the same id whatever the order of its reminders, and another recipient another id', () => {
    const id = deliveryIdFor(owner, ['b|r2|v3|x', 'a|r1|v2|y']);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryIdFor(owner, ['a|r1|v2|y', 'b|r2|v3|x'])).toBe(id);
    expect(deliveryIdFor({ ...owner, address: 'sro@contoso.onmicrosoft.com' }, ['a|r1|v2|y', 'b|r2|v3|x'])).not.toBe(id);
  });

  it('escapes item text in e-mail, so data never becomes markup', () => {
    const html = deliveryMailHtml({ deliveryId: 'd', recipient: owner, items: [item({ message: 'Fix <script>alert(1)</script> & "more"' })] });
    expect(html).toContain('Fix &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(html).not.toContain('<script>');
  });

  it('builds one card for one reminder and a digest for several', () => {
    const single = deliveryCard({ deliveryId: 'd', recipient: owner, items: [item()] }, links) as { body: { text?: string; facts?: { title: string; value: string }[] }[]; actions: { title: string }[] };
    expect(single.body[0].text).toBe('9 is overdue');
    expect(single.body[2].facts?.find((f) => f.title === 'Due')?.value).toBe('30 April 2018');
    expect(single.actions.map((a) => a.title)).toEqual(['Post an update', 'Open item']);
    const digest = deliveryCard({ deliveryId: 'd', recipient: owner, items: [item(), item({ ref: '10', title: '10 is overdue' })] }, links) as { body: { text?: string; type: string }[] };
    expect(digest.body[0].text).toBe('Head of Crime, you have 2 reminders');
    expect(digest.body.filter((b) => b.type === 'Container')).toHaveLength(2);
    // No "…and N more" line when every reminder is listed.
    expect(digest.body[digest.body.length - 1].type).toBe('Container');
  });

  it.each([
    ['javascript:', 'https://contoso.sharepoint.com/sites/tracker', 'javascript:alert(1)', 'The address starts "javascript:": only https:// addresses on contoso.sharepoint.com can be used.'],
    ['another host', 'https://contoso.sharepoint.com/sites/tracker', 'https://evil.example/Tracker.aspx', 'The address leads to evil.example: only https:// addresses on contoso.sharepoint.com can be used.'],
    ['http on the tenant', 'https://contoso.sharepoint.com/sites/tracker', 'http://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx', 'The address starts "http:": only https:// addresses on contoso.sharepoint.com can be used.'],
    ['another host beside the workbench', 'http://127.0.0.1:4000/sites/tracker', 'http://evil.example/?page=tracker', 'The address leads to evil.example: only addresses on this computer (127.0.0.1, the local workbench) can be used.']
  ])('refuses to start with a tracker page for "Open item" that is %s, before it reads anything', async (_, siteUrl, trackerUrl, problem) => {
    // Port 9 (discard) answers nothing: a service that got as far as reading the site would fail otherwise.
    await expect(createEngine(localServiceOptions({ url: 'http://127.0.0.1:9', siteUrl }, trackerUrl))).rejects.toThrow(
      `The tracker page for "Open item" (TRACKER_PAGE_URL) cannot be used with the site ${siteUrl}: ${problem}`
    );
  });
});
