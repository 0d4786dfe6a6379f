/**
 * The reminder service against the stand-in (real PnPjs, real HTTP, the stand-in's Graph and
 * Teams inbox), on a simulated clock.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { londonDate } from '../../src/core/dates';
import type { Recommendation } from '../../src/core/model';
import { londonInstant, myActionsDeepLink, type LinkSettings } from '../../src/core/reminders';
import { trafficLight } from '../../src/core/status';
import { createTrackerData, type TrackerData } from '../../src/data';
import { activityChainId, GraphTransport, type DeliveryTransport } from '../../src/service/delivery';
import type { ReminderLogger } from '../../src/service/engine';
import { GraphClient } from '../../src/service/graph';
import { ensureSubscription } from '../../src/data/subscriptions';
import { configureReminderFunctions, webhookHandler } from '../../src/service/functions';
import { localServiceOptions } from '../../src/service/main';
import { startReminderService, type ReminderService, type ReminderServiceOptions } from '../../src/service/service';
import { workflowUrl, type InboxItem } from '../../src/standin/graph';
import { emailFor } from '../../src/standin/identity';
import { actionPlanRecommendation, clearFaults, injectFaults, provisionedSite, spAs, type Standin } from './data.support';

const LINKS: LinkSettings = { teamsAppId: '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13', myActionsEntityId: 'myactions', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx' };
const CLIENT_STATE = 'a-secret-only-sharepoint-and-the-service-know';
const ADMIN_KEY = 'reminder-admin-key-for-tests';

/** A clock the test moves by hand. */
class SimulatedClock {
  public constructor(public now: Date) {}
  public readonly read = (): Date => this.now;
  /** A London wall-clock hour on a day (10:00, inside office hours, unless told). */
  public setDay(day: string, hour = 10): void {
    this.now = londonInstant(day, hour * 60);
  }
}

class CapturingLogger implements ReminderLogger {
  public readonly lines: { level: string; message: string }[] = [];
  public readonly info = (message: string): void => {
    this.lines.push({ level: 'info', message });
  };
  public readonly warn = (message: string): void => {
    this.lines.push({ level: 'warn', message });
  };
  public readonly error = (message: string): void => {
    this.lines.push({ level: 'error', message });
  };
}

async function inbox(server: Standin, alias: string): Promise<InboxItem[]> {
  const res = await fetch(`${server.url}/_standin/teams/inbox?user=${encodeURIComponent(alias)}`);
  return ((await res.json()) as { items: InboxItem[] }).items;
}

/** Card titles in an inbox, oldest first. */
function cardTitles(items: InboxItem[]): string[] {
  return [...items].reverse().map((i) => {
    const body = (i.card?.body ?? []) as { text?: string }[];
    return body[0]?.text ?? '';
  });
}

/** Polls until `check` holds: waits for asynchronous delivery (webhooks), never asserts on time. */
async function waitFor(check: () => Promise<boolean>, what: string, limitMs = 60000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error(`Gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function person(alias: string, name: string): { name: string; email: string } {
  return { name, email: emailFor(alias) };
}

function serviceOptions(server: Standin, clock: SimulatedClock, logger: ReminderLogger, extra: Partial<ReminderServiceOptions> = {}): ReminderServiceOptions {
  return {
    // "Open item" must lead to a page on the site's own host: the stand-in's, here.
    ...localServiceOptions(server, `${server.siteUrl}/SitePages/Tracker.aspx`),
    clientState: CLIENT_STATE,
    adminKey: ADMIN_KEY,
    clock: clock.read,
    tickMs: null,
    debounceMs: 200,
    logger,
    graphSleep: async () => undefined,
    ...extra
  };
}

function rec(reportId: number, ref: string, owner: string, due: string | null, overrides: Partial<Recommendation> = {}): Recommendation {
  return actionPlanRecommendation(reportId, {
    ref,
    owner: person(owner, `Owner ${owner}`),
    sro: person('sro', 'ACC Crime'),
    due: { kind: due === null ? 'none' : 'date', original: due, current: due, revisions: [], raw: due ?? '' },
    lastUpdated: '2026-03-01',
    ...overrides
  });
}

/** Sent log entries as `rule item` → the London days they were sent. */
function sentDays(data: ReminderService): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of data.engine.ledger.all()) {
    if (e.status !== 'Sent') continue;
    const key = `${e.ruleKey} ${e.itemId}`;
    out.set(key, [...(out.get(key) ?? []), londonDate(e.at)].sort());
  }
  return out;
}

describe('reminders: the default rules on a simulated clock', () => {
  let server: Standin;
  let data: TrackerData;
  let service: ReminderService;
  const logger = new CapturingLogger();
  const clock = new SimulatedClock(new Date('2026-03-02T10:00:00Z'));
  let storedBefore: (string | undefined)[] = [];

  beforeAll(async () => {
    const s = await provisionedSite();
    server = s.server;
    data = s.data;
    const a = await s.data.recommendations.add(rec(s.reportId, '9', 'owner', '2026-03-16'));
    const closed = await s.data.recommendations.add(rec(s.reportId, '10', 'owner', '2026-03-16', { lifecycle: 'Closed by the force' }));
    const later = await s.data.recommendations.add(rec(s.reportId, '11', 'headpp', '2026-04-30'));
    expect([a.id, closed.id, later.id]).toEqual([1, 2, 3]);
    // As saved on 2 March: item 1 is not yet due.
    for (const x of [a, closed, later]) await data.recommendations.update(x, { ...x.value, trafficLight: trafficLight(x.value, '2026-03-02') });
    storedBefore = (await data.recommendations.all()).map((r) => r.value.trafficLight);
    service = await startReminderService(serviceOptions(server, clock, logger));
    // Every morning from Monday 2 to Wednesday 25 March 2026.
    for (let d = 2; d <= 25; d++) {
      clock.setDay(`2026-03-${String(d).padStart(2, '0')}`, 8);
      await service.tick();
    }
  });

  afterAll(async () => {
    await service.close();
    await server.close();
  });

  it('sends each default reminder for the right item on the right working day', () => {
    expect(Object.fromEntries(sentDays(service))).toEqual({
      // Due Monday 16 March: 14 days before is Monday 2 March.
      'due-in-14-days 1': ['2026-03-02'],
      // Overdue from Tuesday 17 March; weekly.
      'overdue-owner-weekly 1': ['2026-03-17', '2026-03-24'],
      'turned-red-sro 1': ['2026-03-17'],
      // 7 days overdue on Monday 23 March.
      'overdue-sro-after-7-days 1': ['2026-03-23']
    });
  });

  it('keeps the stored colour column with the calendar: the sweep after the due date writes item 1 RED, nobody having saved it', async () => {
    expect(storedBefore).toEqual(['AMBER', 'GREEN', 'AMBER']);
    expect((await data.recommendations.all()).map((r) => [r.id, r.value.trafficLight])).toEqual([
      [1, 'RED'],
      [2, 'GREEN'],
      [3, 'AMBER']
    ]);
    // Read back through SharePoint's own filter on the column, as a list view or Power BI would.
    expect((await data.recommendations.byTrafficLight('RED')).map((r) => r.id)).toEqual([1]);
    expect(logger.lines.filter((l) => /stored colour\(s\) brought up to date/.test(l.message)).map((l) => l.message.replace(/^Sweep of (\S+):.*, (\d+) stored.*$/, '$1 $2'))).toContain('2026-03-17 1');
  });

  it('puts the cards in the owner’s and the SRO’s Teams inboxes, with both buttons', async () => {
    const owner = await inbox(server, 'owner');
    expect(cardTitles(owner)).toEqual(['9 is due on 16 March 2026', '9 is overdue', '9 is overdue']);
    expect(owner.every((i) => i.via === 'chat' && i.from === emailFor('admin'))).toBe(true);
    const actions = owner[0].card?.actions as { title: string; url: string }[];
    expect(actions.map((a) => a.title)).toEqual(['Post an update', 'Open item']);
    expect(actions[0].url).toBe('https://teams.microsoft.com/l/entity/3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13/myactions?context=%7B%22subEntityId%22%3A%221%22%7D');
    expect(cardTitles(await inbox(server, 'sro'))).toEqual(['9 has turned RED', '9 is 7 days overdue']);
    expect(await inbox(server, 'headpp')).toEqual([]);
  });
});

describe('reminders: stopped for a week, then restarted', () => {
  let server: Standin;
  let data: TrackerData;
  let reportId: number;
  const clock = new SimulatedClock(new Date('2026-03-02T10:00:00Z'));
  const logger = new CapturingLogger();

  beforeAll(async () => {
    ({ server, data, reportId } = await provisionedSite());
  });

  afterAll(async () => {
    await server.close();
  });

  it('sends every reminder that fell due while it was down exactly once', async () => {
    const d = await data.recommendations.add(rec(reportId, '1', 'headcj', '2026-03-09', { sro: person('dcc', 'Deputy Chief Constable') }));
    const e = await data.recommendations.add(rec(reportId, '2', 'headcc', '2026-06-30'));
    const f = await data.recommendations.add(rec(reportId, '3', 'headpsd', '2026-06-30'));

    clock.setDay('2026-03-02', 8);
    let service = await startReminderService(serviceOptions(server, clock, logger));
    await service.tick();
    clock.setDay('2026-03-03', 8);
    await service.tick();
    await service.close();

    // While it is down: E gets a new owner, F's owner asks for closure; the webhooks find nobody.
    clock.setDay('2026-03-05');
    await data.recommendations.update(e, { ...e.value, owner: person('headpsd', 'Head of Professional Standards') });
    await data.recommendations.update(f, { ...f.value, lifecycle: 'Complete, awaiting sign-off', closure: { requestedBy: 'Head of Professional Standards', requestedAt: '2026-03-05T10:00:00Z', evidence: 'Revised action plan published' } });

    // Thursday 12 March: back up. The change token brings the two changes, the sweep the overdue item.
    clock.setDay('2026-03-12', 9);
    service = await startReminderService(serviceOptions(server, clock, logger));
    await service.tick();
    await service.tick();
    await service.close();

    expect(cardTitles(await inbox(server, 'headcj'))).toEqual(['1 is due on 9 March 2026', '1 is overdue']);
    expect(cardTitles(await inbox(server, 'dcc'))).toEqual(['1 has turned RED']);
    expect(cardTitles(await inbox(server, 'headpsd'))).toEqual(['You now own 2']);
    expect(cardTitles(await inbox(server, 'manager'))).toEqual(['Sign-off requested for 3']);
    const log = (await data.reminderLog.all()).map((s) => s.value);
    expect(log.map((l) => `${l.ruleKey} ${l.itemId} ${l.status}`).sort()).toEqual(
      [`closure-requested-approver ${f.id} Sent`, `due-in-14-days ${d.id} Sent`, `newly-assigned-owner ${e.id} Sent`, `overdue-owner-weekly ${d.id} Sent`, `turned-red-sro ${d.id} Sent`].sort()
    );
  });

  it('resends a delivery whose outcome a crash left unknown without duplicating it', async () => {
    const g = await data.recommendations.add(rec(reportId, '4', 'analyst', '2026-06-30'));
    clock.setDay('2026-03-13');
    // The first run delivers, then "crashes" before it can mark the entries Sent.
    const crashAfterSending = (inner: DeliveryTransport): DeliveryTransport => ({
      deliver: async (delivery, options) => {
        await inner.deliver(delivery, options);
        throw new Error('simulated crash after sending');
      }
    });
    const transport = crashAfterSending(new GraphTransport({ graph: new GraphClient({ baseUrl: server.url, token: async () => 't' }), links: LINKS, senderUpn: emailFor('admin') }));
    let service = await startReminderService(serviceOptions(server, clock, logger, { transport }));
    await data.recommendations.update(g, { ...g.value, owner: person('reader', 'Read Only User') });
    await service.tick();
    await service.close();
    // G was created while the service was down (its first owner is told) and then reassigned.
    const entries = async (): Promise<string[]> => (await data.reminderLog.all()).filter((s) => s.value.itemId === g.id).map((s) => `${s.value.recipient} ${s.value.occurrence} ${s.value.status}`).sort();
    expect(await entries()).toEqual([`${emailFor('analyst')} created Claimed`, `${emailFor('reader')} v2 Claimed`]);
    expect(await inbox(server, 'analyst')).toHaveLength(1);
    expect(await inbox(server, 'reader')).toHaveLength(1);

    // Restarted: each pending delivery is found in its chat and marked, not posted again.
    service = await startReminderService(serviceOptions(server, clock, logger));
    await service.close();
    expect(await inbox(server, 'analyst')).toHaveLength(1);
    expect(await inbox(server, 'reader')).toHaveLength(1);
    expect(await entries()).toEqual([`${emailFor('analyst')} created Sent`, `${emailFor('reader')} v2 Sent`]);
  });
});

describe('reminders: quiet hours, channels, e-mail and rules kept in the list', () => {
  let server: Standin;
  let data: TrackerData;
  let reportId: number;
  const clock = new SimulatedClock(new Date('2026-03-13T10:00:00Z'));

  beforeAll(async () => {
    ({ server, data, reportId } = await provisionedSite());
  });

  afterAll(async () => {
    await server.close();
  });

  it('holds an evening change until Monday morning, posts to a Teams channel, and e-mails someone Teams cannot reach', async () => {
    // An admin adds a rule in the Reminder Rules list: anything turning RED is posted to the Crime board channel.
    const outsider = await data.recommendations.add(rec(reportId, '30', 'owner', '2026-06-30'));
    expect(await data.reminderRules.all()).toEqual([]);
    clock.setDay('2026-03-13', 9);
    let service = await startReminderService(serviceOptions(server, clock, new CapturingLogger()));
    await service.close();
    expect((await data.reminderRules.all()).map((r) => r.value.key)).toContain('turned-red-sro');
    await data.reminderRules.add({
      key: 'red-to-crime-board',
      name: 'Turned RED: post to the Crime board channel',
      enabled: true,
      definition: {
        trigger: { kind: 'fieldChanged', field: 'trafficLight', to: 'RED' },
        conditions: [{ kind: 'directorate', in: ['Strategic Development'] }],
        recipients: [{ kind: 'channel', name: 'Crime board', webhookUrl: workflowUrl(server.url, 'crime-board') }],
        template: { title: '${ref} has turned RED', message: '${ref} (${report}) is RED: ${text}' },
        repeat: { kind: 'once' },
        window: { workingDaysOnly: true, quietHours: { start: '18:00', end: '08:00' } }
      }
    });

    // Friday 13 March, 19:00: the owner changes to someone outside the tenant, and a manual RED is set.
    clock.setDay('2026-03-13', 19);
    service = await startReminderService(serviceOptions(server, clock, new CapturingLogger()));
    await data.recommendations.update(outsider, {
      ...outsider.value,
      owner: { name: 'Pat Jones (College of Policing)', email: 'pat.jones@college.police.example' },
      ragOverride: { colour: 'RED', rationale: 'Depends on national IT that will not be delivered', setBy: 'ACC Crime', at: '2026-03-13T19:00:00Z' }
    });
    await service.tick();
    expect(service.engine.ledger.all().filter((e) => e.itemId === outsider.id).map((e) => e.status)).toEqual(['Claimed', 'Claimed', 'Claimed']);
    clock.setDay('2026-03-14', 10);
    await service.tick();
    expect(await inbox(server, 'pat.jones@college.police.example')).toEqual([]);

    // Monday 16 March, 08:00: everything goes.
    clock.setDay('2026-03-16', 8);
    await service.tick();
    await service.close();
    // A local run removes its subscription on close: its next start listens on another port.
    const left = (await spAs(server).web.lists.getByTitle('Recommendations').subscriptions()) as { notificationUrl: string }[];
    expect(left.filter((x) => x.notificationUrl === service.webhookUrl)).toEqual([]);
    const mail = await inbox(server, 'pat.jones@college.police.example');
    expect(mail.map((m) => [m.via, m.text])).toEqual([['mail', 'You now own 30']]);
    expect(mail[0].body).toContain('Dear Pat Jones (College of Policing),');
    expect(cardTitles(await inbox(server, 'sro'))).toEqual(['30 has turned RED']);
    const channel = (await (await fetch(`${server.url}/_standin/teams/inbox?channel=crime-board`)).json()) as { items: InboxItem[] };
    expect(channel.items.map((i) => [i.via, (i.card?.body as { text: string }[])[0].text])).toEqual([['channel', '30 has turned RED']]);
    expect(service.engine.ledger.all().filter((e) => e.itemId === outsider.id).map((e) => `${e.ruleKey} ${e.channel} ${londonDate(e.at)}`).sort()).toEqual([
      'newly-assigned-owner email 2026-03-16',
      'red-to-crime-board channel 2026-03-16',
      'turned-red-sro teams 2026-03-16'
    ]);
  });
});

describe('reminders: throttling, webhooks and bulk changes', () => {
  let server: Standin;
  let data: TrackerData;
  let reportId: number;
  let service: ReminderService;
  const clock = new SimulatedClock(new Date('2026-03-10T10:00:00Z'));
  const logger = new CapturingLogger();

  beforeAll(async () => {
    // SharePoint groups a list's changes into one notification about a minute apart; a few seconds
    // of quiet is enough here for the whole bulk write to be announced once.
    ({ server, data, reportId } = await provisionedSite({ webhookDebounceMs: 8000 }));
    clock.setDay('2026-03-10');
    service = await startReminderService(serviceOptions(server, clock, logger, { subscribe: true }));
  });

  afterAll(async () => {
    await service.close();
    await server.close();
  });

  it('retries 429 and 503 from Graph and SharePoint and loses nothing', async () => {
    const items = await data.recommendations.addMany([rec(reportId, '20', 'owner', '2026-03-01'), rec(reportId, '21', 'headpp', '2026-03-02'), rec(reportId, '22', 'headcj', '2026-03-03')]);
    // First the new owners hear of their items (through the webhook), before any fault is injected.
    await waitFor(async () => service.engine.ledger.all().filter((e) => e.ruleKey === 'newly-assigned-owner' && e.status === 'Sent').length === 3, 'the three owners to be told');
    await service.idle();
    await fetch(`${server.url}/_standin/teams/inbox`, { method: 'DELETE' });
    // Graph: more failures than one call's retries, so a delivery is left to the next flush.
    await fetch(`${server.url}/_standin/graph/faults`, { method: 'POST', body: JSON.stringify({ status: 429, retryAfter: 0, count: 7 }) });
    // SharePoint: PnPjs retries these itself.
    await injectFaults(server, { rate: 0, status: 503, retryAfter: 0, count: 2 });
    await service.engine.sweep();
    await clearFaults(server);
    // SharePoint refusing past PnPjs's three attempts fails the whole operation, which is retried.
    await injectFaults(server, { rate: 0, status: 429, retryAfter: 0, count: 4 });
    await expect(service.tick()).rejects.toThrow(/SharePoint is busy/);
    await clearFaults(server);
    await service.tick();
    for (const [alias, item] of [['owner', items[0]], ['headpp', items[1]], ['headcj', items[2]]] as const) {
      const titles = cardTitles(await inbox(server, alias));
      expect(titles.filter((t) => t === `${item.value.ref} is overdue`)).toHaveLength(1);
    }
    const log = service.engine.ledger.all().filter((e) => items.some((i) => i.id === e.itemId));
    expect(log.every((e) => e.status === 'Sent')).toBe(true);
    expect(log.some((e) => e.attempts > 1)).toBe(true);
  });

  it('answers the validation handshake, rejects a wrong clientState (logged) and a malformed notification (400)', async () => {
    const handshake = await fetch(`${service.webhookUrl}?validationtoken=abc123`, { method: 'POST' });
    expect([handshake.status, await handshake.text()]).toEqual([200, 'abc123']);
    const forged = await fetch(service.webhookUrl, { method: 'POST', body: JSON.stringify({ value: [{ subscriptionId: 's1', clientState: 'guess', expirationDateTime: '2026-09-01T00:00:00Z', resource: 'list' }] }) });
    expect(forged.status).toBe(403);
    expect(logger.lines.filter((l) => l.level === 'warn' && l.message.includes('wrong clientState'))).toHaveLength(1);
    const malformed = await fetch(service.webhookUrl, { method: 'POST', body: '{"value": "everything changed"}' });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('expected {"value": [ … ]}');
    const notJson = await fetch(service.webhookUrl, { method: 'POST', body: 'hello' });
    expect(notJson.status).toBe(400);
  });

  it('runs the sweep and shows its status only for a caller with the admin key: otherwise 401, and nothing is done', async () => {
    const sweeps = (): number => logger.lines.filter((l) => l.level === 'info' && l.message.startsWith('Sweep of ')).length;
    const before = sweeps();
    const refused: [string, string, Record<string, string>][] = [
      ['POST', '/api/sweep', {}],
      ['POST', '/api/sweep', { 'x-functions-key': '' }],
      ['POST', '/api/sweep', { 'x-functions-key': CLIENT_STATE }],
      ['POST', '/api/sweep', { 'x-functions-key': ADMIN_KEY.slice(0, -1) }],
      ['POST', '/api/sweep?code=' + ADMIN_KEY, {}],
      ['GET', '/api/status', {}],
      ['GET', '/api/status', { 'x-functions-key': `${ADMIN_KEY}x` }]
    ];
    for (const [method, path, headers] of refused) {
      const res = await fetch(`${service.url}${path}`, { method, headers });
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(await res.text()).not.toContain('"log"');
    }
    await service.idle();
    expect(sweeps()).toBe(before);

    const swept = await fetch(`${service.url}/api/sweep`, { method: 'POST', headers: { 'x-functions-key': ADMIN_KEY } });
    expect(swept.status).toBe(200);
    expect(await swept.json()).toEqual(expect.objectContaining({ items: expect.any(Number), claimed: expect.any(Number) }));
    expect(sweeps()).toBe(before + 1);
    const status = await fetch(`${service.url}/api/status`, { headers: { 'x-functions-key': ADMIN_KEY } });
    expect(status.status).toBe(200);
    expect(await status.json()).toEqual({ log: expect.any(Object) });
  });

  it('finds a person’s chat again when the one it remembered was deleted, rather than falling back to e-mail', async () => {
    const graph = new GraphClient({ baseUrl: server.url, token: async () => 't' });
    const transport = new GraphTransport({ graph, links: LINKS, senderUpn: emailFor('admin') });
    const recipient = { kind: 'user' as const, address: emailFor('headpp'), name: 'Head of Public Protection' };
    const card = { title: 'Test', message: 'm', ref: '1', report: 'r', due: '', lifecycle: 'Being progressed', trafficLight: 'AMBER', text: 't', updateUrl: 'https://u', openUrl: 'https://o' };
    expect(await transport.deliver({ deliveryId: 'chat-1', recipient, items: [card] }, { resend: false })).toEqual({ route: 'teams', alreadyDelivered: false });
    const chat = await graph.graph<{ id: string }>('POST', '/chats', { chatType: 'oneOnOne', members: [emailFor('admin'), emailFor('headpp')].map((u) => ({ 'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')` })) });
    await graph.graph('DELETE', `/chats/${encodeURIComponent(chat.id)}`);
    expect(await transport.deliver({ deliveryId: 'chat-2', recipient, items: [card] }, { resend: false })).toEqual({ route: 'teams', alreadyDelivered: false });
    expect((await inbox(server, 'headpp')).filter((i) => i.deliveryId?.startsWith('chat-')).map((i) => i.via)).toEqual(['chat', 'chat']);
  });

  it('e-mails the sending account itself, which Teams cannot chat with', async () => {
    const graph = new GraphClient({ baseUrl: server.url, token: async () => 't' });
    const transport = new GraphTransport({ graph, links: LINKS, senderUpn: emailFor('admin') });
    const recipient = { kind: 'user' as const, address: emailFor('admin').toUpperCase(), name: 'Site Admin' };
    const card = { title: 'Test', message: 'm', ref: '1', report: 'r', due: '', lifecycle: 'Being progressed', trafficLight: 'AMBER', text: 't', updateUrl: 'https://u', openUrl: 'https://o' };
    expect(await transport.deliver({ deliveryId: 'self-1', recipient, items: [card] }, { resend: false })).toEqual({ route: 'email', alreadyDelivered: false });
    expect((await inbox(server, 'admin')).filter((i) => i.deliveryId === 'self-1').map((i) => i.via)).toEqual(['mail']);
    // As in Graph, a one-on-one chat needs two different people.
    const self = await fetch(`${server.url}/v1.0/chats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chatType: 'oneOnOne', members: [emailFor('admin'), emailFor('admin')].map((u) => ({ 'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')` })) })
    });
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('exactly two different members');
  });

  it('renews the list webhook subscription well before SharePoint lets it expire', async () => {
    const sp = spAs(server);
    const subscriptions = sp.web.lists.getByTitle('Recommendations').subscriptions;
    const ours = async (): Promise<{ id: string; expirationDateTime: string }[]> => ((await subscriptions()) as { id: string; notificationUrl: string; expirationDateTime: string }[]).filter((x) => x.notificationUrl === service.webhookUrl);
    const [subscription] = await ours();
    await subscriptions.getById(subscription.id).update(new Date(Date.now() + 10 * 86400000).toISOString());
    const renewed = await ensureSubscription(sp, 'Recommendations', service.webhookUrl, CLIENT_STATE);
    expect([renewed.id, renewed.action]).toEqual([subscription.id, 'renewed']);
    const [after] = await ours();
    expect(Date.parse(after.expirationDateTime) - Date.now()).toBeGreaterThan(160 * 86400000);
    expect((await ensureSubscription(sp, 'Recommendations', service.webhookUrl, CLIENT_STATE)).action).toBe('kept');
    expect(await ours()).toHaveLength(1);

    // Granted write only (as the deploy guide grants the service), it cannot list subscriptions, and
    // does not need to: it finds its own by the id it remembered, and keeps one.
    const member = spAs(server, 'analyst');
    await expect(member.web.lists.getByTitle('Recommendations').subscriptions()).rejects.toMatchObject({ status: 403 });
    expect(await ensureSubscription(member, 'Recommendations', service.webhookUrl, CLIENT_STATE)).toEqual({ id: subscription.id, resource: expect.any(String), expirationDateTime: expect.any(String), action: 'kept' });
    expect(await ours()).toHaveLength(1);
  });

  it('gives the same answers as an Azure Function', async () => {
    const functionLogger = new CapturingLogger();
    configureReminderFunctions({ ...serviceOptions(server, clock, functionLogger) });
    expect(await webhookHandler({ method: 'POST', url: '/api/webhook?validationtoken=xyz', body: '' })).toEqual({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'xyz' });
    const forged = await webhookHandler({ method: 'POST', url: '/api/webhook', body: JSON.stringify({ value: [{ subscriptionId: 's1', clientState: 'nope', expirationDateTime: '2026-09-01T00:00:00Z', resource: 'list' }] }) });
    expect(forged.status).toBe(403);
    expect(functionLogger.lines.some((l) => l.level === 'warn' && l.message.includes('wrong clientState'))).toBe(true);
    expect((await webhookHandler({ method: 'POST', url: '/api/webhook', body: '[]' })).status).toBe(400);
  });

  it('turns 1,000 items changed at once into one digest card per person', async () => {
    await service.idle();
    await fetch(`${server.url}/_standin/teams/inbox`, { method: 'DELETE' });
    const owners = ['headcc', 'headpsd', 'dcc', 'analyst'];
    const many = Array.from({ length: 1000 }, (_, i) => rec(reportId, `B${i + 1}`, owners[i % owners.length], '2026-09-30'));
    const ids = new Set((await data.recommendations.addMany(many)).map((s) => s.id));
    // SharePoint announces the changes after its quiet period; the service reads them all at once.
    const sent = (): number => service.engine.ledger.all().filter((e) => ids.has(e.itemId) && e.ruleKey === 'newly-assigned-owner' && e.status === 'Sent').length;
    await waitFor(async () => sent() === 1000, 'the 1,000 reminders to be sent');
    for (const alias of owners) {
      const items = await inbox(server, alias);
      expect(items).toHaveLength(1);
      const card = items[0].card as { body: { text?: string; $data?: unknown; type: string }[] };
      expect(card.body[0].text).toContain('you have 250 reminders');
      expect(card.body.filter((b) => b.type === 'Container')).toHaveLength(20);
      expect(card.body[card.body.length - 1].text).toBe('…and 230 more. Open My Actions to see them all.');
    }
  });
});

/** The item id a Teams deep link opens My Actions at: the `subEntityId` in its `context` parameter. */
function subEntityOf(link: string | undefined): string | null {
  const context = new URL(link ?? '').searchParams.get('context');
  return context === null ? null : (JSON.parse(context) as { subEntityId: string }).subEntityId;
}

/**
 * Graph in a tenant where the tracker's Teams app is not installed for one person: their activity
 * notifications get Graph's 403; every other call goes on to the stand-in.
 */
async function graphWithoutAppFor(server: Standin, upn: string): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const path = new URL(req.url ?? '/', 'http://graph').pathname;
      if (decodeURIComponent(path).toLowerCase() === `/v1.0/users/${upn}/teamwork/sendactivitynotification`) {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'The Teams app is not installed for the recipient.' } }));
        return;
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const answer = await fetch(`${server.url}${req.url ?? '/'}`, { method: req.method, headers: { 'Content-Type': req.headers['content-type'] ?? 'application/json' }, body });
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => proxy.close(() => resolve())) };
}

describe('reminders: the activity-feed route, as a tenant sends them app-only', () => {
  let server: Standin;
  let data: TrackerData;
  let reportId: number;
  const clock = new SimulatedClock(new Date('2026-03-02T10:00:00Z'));
  const activity = (extra: Partial<ReminderServiceOptions> = {}): ReminderServiceOptions => serviceOptions(server, clock, new CapturingLogger(), { personRoute: 'activity', ...extra });

  beforeAll(async () => {
    ({ server, data, reportId } = await provisionedSite());
  });

  afterAll(async () => {
    await server.close();
  });

  it('sends the default rules’ reminders to the activity feed, each linking to its item’s update dialog', async () => {
    const due = await data.recommendations.add(rec(reportId, '9', 'owner', '2026-03-16'));
    const service = await startReminderService(activity());
    for (let d = 2; d <= 25; d++) {
      clock.setDay(`2026-03-${String(d).padStart(2, '0')}`, 8);
      await service.tick();
    }
    await service.close();
    const owner = await inbox(server, 'owner');
    expect(owner.map((i) => [i.via, i.from, subEntityOf(i.body)])).toEqual([
      ['activity', 'app', String(due.id)],
      ['activity', 'app', String(due.id)],
      ['activity', 'app', String(due.id)]
    ]);
    expect([...owner].reverse().map((i) => i.text.split(' (')[0])).toEqual(['9', '9', '9']);
    expect(owner.every((i) => i.text.length <= 150 && /is (due in 14 days|overdue)|\bwas due\b/.test(i.text))).toBe(true);
    expect((await inbox(server, 'sro')).map((i) => [i.via, subEntityOf(i.body)])).toEqual([
      ['activity', String(due.id)],
      ['activity', String(due.id)]
    ]);
    // Each notification carries its delivery's chain id; the log says the feed was the route.
    const sent = service.engine.ledger.all().filter((e) => e.itemId === due.id);
    expect(sent.map((e) => `${e.ruleKey} ${e.status} ${e.channel}`).sort()).toEqual(
      ['due-in-14-days Sent activity', 'overdue-owner-weekly Sent activity', 'overdue-owner-weekly Sent activity', 'overdue-sro-after-7-days Sent activity', 'turned-red-sro Sent activity'].sort()
    );
    const chainIds = new Set(sent.filter((e) => e.recipient === emailFor('owner')).map((e) => String(activityChainId((JSON.parse(e.detail ?? '{}') as { deliveryId: string }).deliveryId))));
    expect(new Set(owner.map((i) => i.deliveryId))).toEqual(chainIds);
  });

  it('gives a person with several reminders at once one notification, leading to My Actions', async () => {
    await fetch(`${server.url}/_standin/teams/inbox`, { method: 'DELETE' });
    // Added while the service is down: on its start it tells the new owner, then its sweep chases them.
    const items = await data.recommendations.addMany([rec(reportId, '20', 'headcj', '2026-03-20'), rec(reportId, '21', 'headcj', '2026-03-23'), rec(reportId, '22', 'headcj', '2026-03-24')]);
    clock.setDay('2026-03-26', 8);
    const service = await startReminderService(activity());
    await service.tick();
    await service.close();
    const headcj = [...(await inbox(server, 'headcj'))].reverse();
    expect(headcj.map((i) => [i.via, i.body, i.text])).toEqual([
      ['activity', myActionsDeepLink(LINKS), 'You now own 20; You now own 21; You now own 22'],
      ['activity', myActionsDeepLink(LINKS), '20 is overdue; 21 is overdue; 22 is overdue']
    ]);
    const log = service.engine.ledger.all().filter((e) => items.some((i) => i.id === e.itemId) && e.recipient === emailFor('headcj'));
    expect(log.map((e) => `${e.ruleKey} ${e.status}`).sort()).toEqual([...Array(3).fill('newly-assigned-owner Sent'), ...Array(3).fill('overdue-owner-weekly Sent')]);
  });

  it('e-mails a person Teams refuses the notification for (403: app not installed) or does not know (404)', async () => {
    const graph = await graphWithoutAppFor(server, emailFor('headpsd'));
    clock.setDay('2026-03-27', 10);
    const service = await startReminderService(activity({ graphUrl: graph.url }));
    const [mine, outsider] = await data.recommendations.addMany([rec(reportId, '30', 'analyst', '2026-09-30'), rec(reportId, '31', 'analyst', '2026-09-30')]);
    await service.tick();
    await data.recommendations.update(mine, { ...mine.value, owner: person('headpsd', 'Head of Professional Standards') });
    await data.recommendations.update(outsider, { ...outsider.value, owner: { name: 'Pat Jones (College of Policing)', email: 'pat.jones@college.police.example' } });
    await service.tick();
    await service.close();
    await graph.close();
    expect((await inbox(server, 'headpsd')).map((i) => [i.via, i.text])).toEqual([['mail', 'You now own 30']]);
    expect((await inbox(server, 'pat.jones@college.police.example')).map((i) => [i.via, i.text])).toEqual([['mail', 'You now own 31']]);
    // The first owner was reached in Teams through the same proxy: only the one person is refused.
    expect((await inbox(server, 'analyst')).map((i) => i.via)).toEqual(['activity']);
    const reassigned = service.engine.ledger.all().filter((e) => e.ruleKey === 'newly-assigned-owner' && e.occurrence !== 'created' && (e.itemId === mine.id || e.itemId === outsider.id));
    expect(reassigned.map((e) => `${e.status} ${e.channel}`)).toEqual(['Sent email', 'Sent email']);
  });

  it('resends a notification whose outcome a crash left unknown under the same chain id, so the feed keeps one', async () => {
    clock.setDay('2026-03-30', 10);
    const crashAfterSending = (inner: DeliveryTransport): DeliveryTransport => ({
      deliver: async (delivery, options) => {
        await inner.deliver(delivery, options);
        throw new Error('simulated crash after sending');
      }
    });
    const transport = crashAfterSending(new GraphTransport({ graph: new GraphClient({ baseUrl: server.url, token: async () => 't' }), links: LINKS, senderUpn: emailFor('admin'), personRoute: 'activity' }));
    let service = await startReminderService(activity({ transport }));
    const item = await data.recommendations.add(rec(reportId, '40', 'reader', '2026-09-30'));
    await service.tick();
    await service.close();
    const entries = (): string[] => service.engine.ledger.all().filter((e) => e.itemId === item.id).map((e) => e.status);
    expect(entries()).toEqual(['Claimed']);
    expect(await inbox(server, 'reader')).toHaveLength(1);

    service = await startReminderService(activity());
    await service.close();
    expect(entries()).toEqual(['Sent']);
    const reader = await inbox(server, 'reader');
    expect(reader.map((i) => [i.via, subEntityOf(i.body)])).toEqual([['activity', String(item.id)]]);
  });
});

describe('reminders: a closure decision saved outside the rules', () => {
  let server: Standin;
  let data: TrackerData;
  let reportId: number;
  const logger = new CapturingLogger();
  const clock = new SimulatedClock(new Date('2026-03-02T10:00:00Z'));

  beforeAll(async () => {
    ({ server, data, reportId } = await provisionedSite());
  });

  afterAll(async () => {
    await server.close();
  });

  it('is withdrawn by the service after the owner-swap route through REST, and the SRO is told exactly once', async () => {
    const service = await startReminderService(serviceOptions(server, clock, logger));
    const item = await data.recommendations.add(rec(reportId, '50', 'owner', '2026-06-30'));
    await service.engine.processChanges();
    // The analyst asks for closure, as the item panel does.
    const analyst = createTrackerData(spAs(server, 'analyst'));
    const asked = await analyst.recommendations.get(item.id);
    const requested = await analyst.recommendations.update(asked, {
      ...asked.value,
      lifecycle: 'Complete, awaiting sign-off',
      closure: { requestedBy: 'Strategic Development Analyst', requestedAt: '2026-03-02T10:00:00Z', evidence: 'Training delivered to all response officers.' }
    });
    await service.engine.processChanges();
    // The owner gives the item away, approves through the same MERGE the UI sends, and takes it back.
    const owner = createTrackerData(spAs(server, 'owner'));
    let mine = await owner.recommendations.get(requested.id);
    mine = await owner.recommendations.update(mine, { ...mine.value, owner: person('headpp', 'Head of Public Protection') });
    mine = await owner.recommendations.update(mine, {
      ...mine.value,
      lifecycle: 'Closed by the force',
      closure: { ...mine.value.closure!, decision: { outcome: 'approved', by: 'Head of Crime', at: '2026-03-02T11:00:00Z' } }
    });
    await owner.recommendations.update(mine, { ...mine.value, owner: person('owner', 'Owner owner') });
    clock.setDay('2026-03-02', 11);
    await service.engine.processChanges();

    const after = (await data.recommendations.get(item.id)).value;
    expect(after.lifecycle).toBe('Complete, awaiting sign-off');
    expect(after.closure?.decision).toBeUndefined();
    expect(after.closure?.requestedBy).toBe('Strategic Development Analyst');
    expect(after.history[after.history.length - 1].note).toBe(
      'Closure approved by Head of Crime withdrawn: Head of Crime owned the item while it waited for a decision. The request waits for an independent decision.'
    );
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([expect.stringMatching(new RegExp(`^Recommendation ${item.id}: closure decision of version \\d+\\.0 withdrawn`))]);
    expect(cardTitles(await inbox(server, 'sro'))).toEqual(['A closure decision on 50 was withdrawn']);

    // Looked at again: nothing more to withdraw, no second card.
    await service.engine.processChanges();
    expect(cardTitles(await inbox(server, 'sro'))).toEqual(['A closure decision on 50 was withdrawn']);

    // An independent approver's decision, saved by them, stands.
    const manager = createTrackerData(spAs(server, 'manager'));
    const pending = await manager.recommendations.get(item.id);
    await manager.recommendations.update(pending, { ...pending.value, lifecycle: 'Closed by the force', closure: { ...pending.value.closure!, decision: { outcome: 'approved', by: 'Chief of Staff', at: '2026-03-02T12:00:00Z' } } });
    await service.engine.processChanges();
    expect((await data.recommendations.get(item.id)).value.lifecycle).toBe('Closed by the force');
    expect(cardTitles(await inbox(server, 'sro'))).toEqual(['A closure decision on 50 was withdrawn']);
    await service.close();
  });

  it('puts back a due date a member moved through REST without an extension, and tells the SRO; a site owner’s correction stands', async () => {
    const service = await startReminderService(serviceOptions(server, clock, logger));
    const item = await data.recommendations.add(rec(reportId, '51', 'owner', '2026-06-30'));
    await service.engine.processChanges();
    // The owner sends the MERGE of TrkDueCurrent that no screen offers.
    const res = await fetch(`${server.siteUrl}/_api/web/lists/getByTitle('Recommendations')/items(${item.id})`, {
      method: 'POST',
      headers: { 'X-Standin-User': 'owner', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', accept: 'application/json;odata=nometadata', 'content-type': 'application/json' },
      body: JSON.stringify({ TrkDueCurrent: '2027-06-30T00:00:00Z' })
    });
    expect(res.status).toBe(204);
    await service.engine.processChanges();
    const after = (await data.recommendations.get(item.id)).value;
    expect(after.due.current).toBe('2026-06-30');
    expect(after.history[after.history.length - 1].note).toBe(
      'Due date change by Head of Crime withdrawn: the due date was moved from 30 June 2026 to 30 June 2027 without an approved extension. A due date moves only through an extension request.'
    );
    expect(cardTitles(await inbox(server, 'sro'))).toContain('A due date change on 51 was withdrawn');

    // The site owner corrects the date (as an import would): it stands, and the SRO hears nothing more.
    const cards = (await inbox(server, 'sro')).length;
    const current = await data.recommendations.get(item.id);
    await data.recommendations.update(current, { ...current.value, due: { ...current.value.due, current: '2026-09-30', original: '2026-09-30' } });
    await service.engine.processChanges();
    expect((await data.recommendations.get(item.id)).value.due.current).toBe('2026-09-30');
    expect((await inbox(server, 'sro')).length).toBe(cards);
    await service.close();
  });
});
