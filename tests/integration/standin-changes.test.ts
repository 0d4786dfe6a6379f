/** Change tokens and list webhooks through the real PnPjs, with a local HTTP receiver. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import '@pnp/sp/subscriptions';
import { ChangeType } from '../../src/standin/model';
import { createRecommendationsList, getJson, lancashireRecommendations, spAs, start, titleOf, type Standin } from './standin.helpers';

const seeds = lancashireRecommendations();

interface Received {
  query: URLSearchParams;
  body: string;
}

/** A webhook receiver: echoes validation tokens, records notifications, can fail on demand. */
class Receiver {
  readonly received: Received[] = [];
  failNext = 0;
  echoValidation = true;
  private server!: Server;
  private waiters: (() => void)[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        const token = url.searchParams.get('validationtoken');
        if (token !== null) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(this.echoValidation ? token : 'wrong');
          return;
        }
        this.received.push({ query: url.searchParams, body: Buffer.concat(chunks).toString('utf8') });
        if (this.failNext > 0) {
          this.failNext--;
          res.writeHead(500);
          res.end();
        } else {
          res.writeHead(200);
          res.end();
        }
        this.waiters.splice(0).forEach((w) => w());
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/webhook`;
  }

  /** Resolves once at least n requests have arrived. */
  async waitFor(n: number): Promise<void> {
    while (this.received.length < n) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('stand-in: change log', () => {
  let server: Standin;

  beforeAll(async () => {
    server = await start();
    await createRecommendationsList(server);
  });

  afterAll(() => server.close());

  it('returns exactly the item changes after a list token, and the next token to use', async () => {
    const sp = spAs(server, 'analyst');
    const list = sp.web.lists.getByTitle('Recommendations');
    const before = await list.items.add({ Title: titleOf(seeds[0]) });
    const token = (await list.select('CurrentChangeToken')()).CurrentChangeToken;

    const a = await list.items.add({ Title: titleOf(seeds[1]) });
    await list.items.getById(before.Id).update({ Lifecycle: 'Closed' });
    await list.items.getById(a.Id).delete();
    await spAs(server, 'admin').web.lists.getByTitle('Recommendations').fields.addText('Notes');

    const query = { Item: true, Add: true, Update: true, DeleteObject: true, ChangeTokenStart: token };
    const changes = await list.getChanges(query);
    expect(changes.map((c: { ChangeType: number; ItemId: number }) => [c.ChangeType, c.ItemId])).toEqual([
      [ChangeType.Add, a.Id],
      [ChangeType.Update, before.Id],
      [ChangeType.DeleteObject, a.Id]
    ]);
    expect(changes[0]['odata.type']).toBe('SP.ChangeItem');

    const last = changes[changes.length - 1].ChangeToken;
    expect(await list.getChanges({ ...query, ChangeTokenStart: last })).toEqual([]);
    await list.items.add({ Title: titleOf(seeds[2]) });
    const next = await list.getChanges({ ...query, ChangeTokenStart: last });
    expect(next.map((c: { ChangeType: number }) => c.ChangeType)).toEqual([ChangeType.Add]);

    const onlyAdds = await list.getChanges({ Item: true, Add: true, ChangeTokenStart: token });
    expect(onlyAdds.map((c: { ItemId: number }) => c.ItemId)).toEqual([a.Id, next[0].ItemId]);
  });

  it('returns list and field changes from the web change log', async () => {
    const admin = spAs(server, 'admin');
    const token = (await admin.web.select('CurrentChangeToken')()).CurrentChangeToken;
    await admin.web.lists.add('Reminder log');
    await admin.web.lists.getByTitle('Reminder log').fields.addText('Rule');
    const changes = await admin.web.getChanges({ List: true, Field: true, Add: true, ChangeTokenStart: token });
    expect(changes.map((c: { 'odata.type': string }) => c['odata.type'])).toEqual(['SP.ChangeList', 'SP.ChangeField']);
    expect(changes[0].ChangeToken.StringValue).toMatch(/^1;2;/);
  });
});

describe('stand-in: list webhooks', () => {
  let server: Standin;
  let receiver: Receiver;

  beforeAll(async () => {
    server = await start({ webhookDebounceMs: 50, webhookRetryDelayMs: 50 });
    await createRecommendationsList(server);
    receiver = new Receiver();
    await receiver.start();
  });

  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('validates the notification URL, then notifies a burst of changes with SharePoint\'s payload', async () => {
    const sp = spAs(server, 'analyst');
    const list = sp.web.lists.getByTitle('Recommendations');
    const expiry = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const sub = await list.subscriptions.add(receiver.url, expiry, 'tracker-state');
    expect(sub).toMatchObject({ notificationUrl: receiver.url, clientState: 'tracker-state', resource: (await list.select('Id')()).Id });
    expect(receiver.received).toHaveLength(0);

    const [batched, execute] = sp.batched();
    const adds = seeds.slice(0, 5).map((s) => batched.web.lists.getByTitle('Recommendations').items.add({ Title: titleOf(s) }));
    await execute();
    await Promise.all(adds);
    await receiver.waitFor(1);
    const payload = JSON.parse(receiver.received[0].body) as { value: Record<string, unknown>[] };
    expect(payload.value).toHaveLength(1);
    expect(payload.value[0]).toMatchObject({ subscriptionId: sub.id, clientState: 'tracker-state', resource: sub.resource, siteUrl: '/sites/tracker' });
    expect(String(payload.value[0].expirationDateTime)).toMatch(/\.\d{7}Z$/);

    // Enumerating subscriptions takes Manage Lists, which a member does not have: the site owner does it.
    const owned = spAs(server, 'admin').web.lists.getByTitle('Recommendations');
    const all = await owned.subscriptions();
    expect(all.map((s: { id: string }) => s.id)).toEqual([sub.id]);
    const later = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString();
    await list.subscriptions.getById(sub.id).update(later);
    expect(Date.parse((await list.subscriptions.getById(sub.id)()).expirationDateTime)).toBe(Date.parse(later));
    await list.subscriptions.getById(sub.id).delete();
    expect(await owned.subscriptions()).toEqual([]);
  });

  it('retries a failed delivery', async () => {
    const sp = spAs(server, 'analyst');
    const list = sp.web.lists.getByTitle('Recommendations');
    await list.subscriptions.add(receiver.url, new Date(Date.now() + 86400000).toISOString());
    const start = receiver.received.length;
    receiver.failNext = 2;
    await list.items.add({ Title: titleOf(seeds[6]) });
    await receiver.waitFor(start + 3);
    expect(receiver.received.slice(start).map((r) => JSON.parse(r.body).value[0].resource)).toEqual(Array(3).fill((await list.select('Id')()).Id));
  });

  it('drops deliveries while the dropWebhooks fault is on; the change log still has the change', async () => {
    const sp = spAs(server, 'analyst');
    const list = sp.web.lists.getByTitle('Recommendations');
    const token = (await list.select('CurrentChangeToken')()).CurrentChangeToken;
    const arrived = receiver.received.length;
    await fetch(`${server.url}/_standin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dropWebhooks: true }) });
    const added = await list.items.add({ Title: titleOf(seeds[7]) });
    let dropped = 0;
    while (dropped === 0) {
      const health = (await (await fetch(`${server.url}/_standin/health`)).json()) as { webhooks: { dropped: number } };
      dropped = health.webhooks.dropped;
    }
    await fetch(`${server.url}/_standin/faults`, { method: 'DELETE' });
    expect(receiver.received.length).toBe(arrived);
    const changes = await list.getChanges({ Item: true, Add: true, ChangeTokenStart: token });
    expect(changes.map((c: { ItemId: number }) => c.ItemId)).toEqual([added.Id]);
  });

  it.each([
    ['a reader (Tracker Visitors)', 'reader', 403, 403],
    ['a user in no group', 'newstarter', 403, 403],
    ['a member (Contribute, without Manage Lists)', 'analyst', 403, 200],
    ['a site owner', 'admin', 200, 200]
  ])('%s: reading all subscriptions answers %i, one by id %i, and a refusal carries no clientState', async (_who, alias, all, one) => {
    const list = spAs(server, 'admin').web.lists.getByTitle('Recommendations');
    const sub = await list.subscriptions.add(receiver.url, new Date(Date.now() + 86400000).toISOString(), 'secret-client-state');
    const path = "web/lists/getByTitle('Recommendations')/subscriptions";
    for (const [url, status] of [[path, all], [`${path}('${sub.id}')`, one]] as const) {
      const res = await getJson(server, url, 'application/json', alias);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body).includes('secret-client-state')).toBe(status === 200);
    }
    await list.subscriptions.getById(sub.id).delete();
  });

  it('refuses a receiver that does not echo the token, and a too distant expiry', async () => {
    const list = spAs(server, 'analyst').web.lists.getByTitle('Recommendations');
    receiver.echoValidation = false;
    await expect(list.subscriptions.add(receiver.url, new Date(Date.now() + 86400000).toISOString())).rejects.toThrow(
      /\[400\].*Failed to validate the notification URL/
    );
    receiver.echoValidation = true;
    await expect(list.subscriptions.add(receiver.url, new Date(Date.now() + 200 * 86400000).toISOString())).rejects.toThrow(
      /\[400\].*The specified expiration date is invalid/
    );
  });
});
