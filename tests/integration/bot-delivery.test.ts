/**
 * Proactive delivery through the bot (issue 13): the reminder service installs the Teams app for a
 * person through Graph, keeps the conversation reference the bot is told of, sends the card through
 * the Bot Connector and replaces it on a resend; people the bot cannot reach get the Graph route.
 * Everything against the stand-in's Graph and Bot Connector.
 */
import { createTrackerData, provision, type TrackerData } from '../../src/data';
import { TRACKER_SCHEMA } from '../../src/schema';
import type { CardItem } from '../../src/core/reminders';
import { GraphTransport, type DeliveryOutcome, type OutgoingDelivery } from '../../src/service/delivery';
import { GraphClient } from '../../src/service/graph';
import { TEAMS_APP_ID, localServiceOptions } from '../../src/service/main';
import { BotConnector, BotTransport, CONVERSATION_SETTING, ConversationStore } from '../../src/service/proactive';
import { startReminderService, type ReminderService } from '../../src/service/service';
import type { InboxItem } from '../../src/standin/graph';
import { emailFor } from '../../src/standin/identity';
import { startStandin } from '../../src/standin/server';
import { registerBot } from '../../src/workbench/reminders';
import { spAs, type Standin } from './data.support';

let server: Standin;
let data: TrackerData;
let service: ReminderService;

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  server = await startStandin({ port: 0 });
  const sp = spAs(server);
  await provision(sp, TRACKER_SCHEMA);
  data = createTrackerData(sp);
  service = await startReminderService({
    ...localServiceOptions(server, `${server.siteUrl}/SitePages/Tracker.aspx`),
    bot: { serviceUrl: `${server.url}/_standin/botconnector/` },
    clientState: 'bot-delivery-test',
    tickMs: null,
    subscribe: false,
    logger: quiet
  });
  await registerBot(server.url, `${service.url}/api/messages`);
}, 60000);

afterAll(async () => {
  await service.close();
  await server.close();
});

function item(title: string): CardItem {
  return { title, message: `${title}: please post an update.`, ref: 'R1', report: 'Domestic abuse', due: '30 April 2018', lifecycle: 'Being progressed', trafficLight: 'AMBER', text: 'Update the action plan.', updateUrl: 'https://teams.microsoft.com/l/entity/x/myactions', openUrl: `${server.siteUrl}/SitePages/Tracker.aspx?item=1` };
}

function delivery(alias: string, deliveryId: string, title: string): OutgoingDelivery {
  return { deliveryId, recipient: { kind: 'user', address: emailFor(alias), name: alias }, items: [item(title)] };
}

async function inbox(alias: string): Promise<InboxItem[]> {
  const res = await fetch(`${server.url}/_standin/teams/inbox?user=${alias}`);
  return ((await res.json()) as { items: InboxItem[] }).items;
}

function cardTitle(i: InboxItem): string {
  return String((i.card?.body as { text?: string }[] | undefined)?.[0]?.text ?? '');
}

describe('proactive delivery through the bot', () => {
  test('installs the app for the person, keeps the reference Teams announces, and sends the card from the bot', async () => {
    const { deliver } = deliverer();
    const outcome = await deliver(delivery('owner', 'd-1', 'First card'), false);
    expect(outcome.route).toBe('bot');
    const received = await inbox('owner');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ via: 'bot', from: 'Inspection Tracker', bot: { conversationId: 'a:owner' } });
    expect(cardTitle(received[0])).toBe('First card');
    // The conversationUpdate the stand-in's Teams sent on installation was kept, in Tracker Settings.
    const kept = await new ConversationStore(data.settings).get(emailFor('owner'));
    expect(kept?.reference).toMatchObject({ activityId: expect.stringMatching(/^install-/), conversation: { id: 'a:owner' } });
    expect(kept?.sent).toEqual([{ deliveryId: 'd-1', activityId: received[0].bot?.activityId }]);
    expect(await data.settings.get(`${CONVERSATION_SETTING}${emailFor('owner')}`)).toContain('a:owner');
  });

  test('a resend of the same delivery replaces its card in place: one message, not two', async () => {
    const { deliver } = deliverer();
    await deliver(delivery('sro', 'd-2', 'Before'), false);
    const [first] = await inbox('sro');
    const outcome = await deliver(delivery('sro', 'd-2', 'After'), true);
    expect(outcome).toEqual({ route: 'bot', alreadyDelivered: true });
    const after = await inbox('sro');
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(first.id);
    expect(cardTitle(after[0])).toBe('After');
    expect(after[0].updatedAt).toBeDefined();
  });

  test('installed already but no reference kept (409): the service opens the conversation itself', async () => {
    const { deliver } = deliverer();
    // Installed beforehand, while no bot was registered to hear of it.
    await registerBot(server.url, null);
    const install = await fetch(`${server.url}/v1.0/users/${emailFor('dcc')}/teamwork/installedApps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/app' }) });
    expect(install.status).toBe(201);
    await registerBot(server.url, `${service.url}/api/messages`);
    expect(await deliver(delivery('dcc', 'd-3', 'Opened by the service'), false)).toEqual({ route: 'bot', alreadyDelivered: false });
    expect((await inbox('dcc')).map((i) => [i.via, cardTitle(i)])).toEqual([['bot', 'Opened by the service']]);
    expect((await new ConversationStore(data.settings).get(emailFor('dcc')))?.reference.conversation.id).toBe('a:dcc');
  });

  test("a kept reference naming another host is never used: the bot's token stays with the Bot Connector", async () => {
    const { deliver } = deliverer();
    const store = new ConversationStore(data.settings);
    await store.remember(emailFor('headcj'), { channelId: 'msteams', serviceUrl: 'https://attacker.example/', conversation: { id: 'a:elsewhere' } } as Parameters<ConversationStore['remember']>[1]);
    expect(await deliver(delivery('headcj', 'd-5', 'Stays home'), false)).toEqual({ route: 'bot', alreadyDelivered: false });
    expect((await inbox('headcj')).map((i) => [i.via, cardTitle(i), i.bot?.conversationId])).toEqual([['bot', 'Stays home', 'a:headcj']]);
    expect((await store.get(emailFor('headcj')))?.reference.serviceUrl).toBe(`${server.url}/_standin/botconnector/`);
  });

  test('the Bot Connector failing is trouble that may pass (503), as a Graph failure is; a resend whose message is gone sends it anew', async () => {
    const { deliver } = deliverer();
    await deliver(delivery('headpp', 'd-6', 'Reached'), false);
    await fetch(`${server.url}/_standin/graph/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 503, count: 1, retryAfter: 0 }) });
    await expect(deliver(delivery('headpp', 'd-7', 'Later'), false)).rejects.toMatchObject({ status: 503, code: 'serviceNotAvailable', message: 'Service unavailable', transient: true });
    // A resend of a card whose message Teams no longer has (404 on the update): posted as a new message.
    await new ConversationStore(data.settings).sent(emailFor('headpp'), 'd-8', 'gone');
    expect(await deliver(delivery('headpp', 'd-8', 'Again'), true)).toEqual({ route: 'bot', alreadyDelivered: false });
    expect((await inbox('headpp')).map(cardTitle)).toEqual(['Again', 'Reached']);
  });

  test('where the app policy blocks the app, the Graph route takes the card', async () => {
    const { deliver } = deliverer();
    await fetch(`${server.url}/_standin/teams/app-policy`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blocked: ['headpsd'] }) });
    expect(await deliver(delivery('headpsd', 'd-4', 'Blocked'), false)).toEqual({ route: 'teams', alreadyDelivered: false });
    expect((await inbox('headpsd')).map((i) => i.via)).toEqual(['chat']);
    expect(await new ConversationStore(data.settings).get(emailFor('headpsd'))).toBeNull();
  });
});

/** A bot transport as the service builds one: the stand-in's Graph, Tracker Settings, its Bot Connector, and the chat route behind. */
function deliverer(): { deliver: (d: OutgoingDelivery, resend: boolean) => Promise<DeliveryOutcome> } {
  const graph = new GraphClient({ baseUrl: server.url, token: async () => 'stand-in' });
  const links = { teamsAppId: TEAMS_APP_ID, myActionsEntityId: 'myactions', trackerUrl: `${server.siteUrl}/SitePages/Tracker.aspx` };
  const transport = new BotTransport({
    graph,
    links,
    store: new ConversationStore(data.settings),
    connector: new BotConnector({}),
    catalogAppId: TEAMS_APP_ID,
    serviceUrl: `${server.url}/_standin/botconnector/`,
    fallback: new GraphTransport({ graph, links, senderUpn: emailFor('admin') })
  });
  return { deliver: (d, resend) => transport.deliver(d, { resend }) };
}
