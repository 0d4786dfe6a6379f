/**
 * The update round through PnPjs on the stand-in (issue 13): opening a round stores it in the
 * Update Rounds list; the reminder service sends each owner one round card, once; the owner answers
 * items from it (the bot replies with the round card as it stands); reminders before the reply-by
 * date and escalation to the SRO after it go once; closing freezes the answers and issues the
 * paper, which says "Awaiting update" for exactly the unanswered item.
 */
import type { Recommendation } from '../../src/core/model';
import { ROUND_RULES, roundInputIds } from '../../src/core/round';
import { createTrackerData, provision, type TrackerData } from '../../src/data';
import { closeUpdateRound, openUpdateRound, updateRoundStanding } from '../../src/paper/round';
import { readIssuedSnapshot } from '../../src/paper/issue';
import { F, TRACKER_SCHEMA, listSchema } from '../../src/schema';
import { deliveryCard, type DeliveryTransport, type OutgoingDelivery } from '../../src/service/delivery';
import { localServiceOptions } from '../../src/service/main';
import { startReminderService, type ReminderService } from '../../src/service/service';
import { notifiedWork, type WatchedSubscriptions } from '../../src/service/watched';
import type { ListNotification } from '../../src/service/webhooks';
import type { SubscriptionState } from '../../src/data/subscriptions';
import { createRoundSource } from '../../src/paper/roundSource';
import { emailFor } from '../../src/standin/identity';
import { startStandin } from '../../src/standin/server';
import { invokeCardAction } from './bot.support';
import { DOMESTIC_ABUSE_REPORT, actionPlanRecommendation, provisionedSite, spAs, type Standin } from './data.support';

interface InvokeReply {
  value: { body: { text?: string; items?: unknown[] }[] };
}

let server: Standin;
let data: TrackerData;
let service: ReminderService;
let now = new Date('2018-03-06T09:30:00Z');
const sent: OutgoingDelivery[] = [];
const transport: DeliveryTransport = {
  deliver: async (delivery) => {
    sent.push(delivery);
    return { route: 'teams', alreadyDelivered: false };
  }
};
const ids: { crimeA: number; crimeB: number; ppu: number; closed: number } = { crimeA: 0, crimeB: 0, ppu: 0, closed: 0 };
let sequence = 0;
const links = { teamsAppId: 'app', myActionsEntityId: 'myActions', trackerUrl: '' };

beforeAll(async () => {
  let reportId: number;
  ({ server, data, reportId } = await provisionedSite());
  const crime = { name: 'Head of Crime', email: emailFor('owner') };
  const rec = (ref: string, overrides: Partial<Recommendation>): Recommendation => actionPlanRecommendation(reportId, { ref, confidence: 'Medium', sro: { name: 'ACC Gibson', email: emailFor('sro') }, ...overrides });
  ids.crimeA = (await data.recommendations.add(rec('1', { owner: crime }))).id;
  ids.crimeB = (await data.recommendations.add(rec('2', { owner: crime }))).id;
  ids.ppu = (await data.recommendations.add(rec('3', { owner: { name: 'Head of Public Protection', email: emailFor('headpp') } }))).id;
  ids.closed = (await data.recommendations.add(rec('4', { owner: crime, lifecycle: 'Closed by the force' }))).id;
  const options = localServiceOptions(server, `${server.siteUrl}/SitePages/Tracker.aspx`);
  links.trackerUrl = options.links.trackerUrl;
  service = await startReminderService({ ...options, clientState: 'update-round-test', tickMs: null, subscribe: false, transport, clock: () => now, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
}, 60000);

afterAll(async () => {
  await service.close();
  await server.close();
});

async function invoke(alias: string, verb: string, actionData: Record<string, unknown>, activityId = `round-activity-${++sequence}`): Promise<string> {
  const res = await invokeCardAction(service.url, server.url, alias, verb, actionData, activityId);
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as InvokeReply).value);
}

/** What a round card's form sends for `itemId`: every input of the card, as Teams gathers them. */
async function roundAnswer(itemId: number, roundId: number, text: string): Promise<Record<string, unknown>> {
  const item = await data.recommendations.get(itemId);
  const inputs = roundInputIds(itemId);
  return { itemId, etag: item.etag, roundId, [inputs.text]: text, [inputs.lifecycle]: 'Being progressed', [inputs.confidence]: 'High', 'text-999': 'another item typed here' };
}

async function updatesOf(id: number): Promise<string[]> {
  return (await data.updates.byRecommendation(id)).map((u) => u.value.text);
}

test('a round is opened, announced once per owner on one card, answered from the card, chased, escalated and closed into the paper', async () => {
  const round = await openUpdateRound(data, { committee: 'Police Performance Committee', selection: { reportIds: [(await data.reports.all())[0].id] }, replyBy: '2018-03-16', paperDate: '2018-03-29' }, { name: 'Strategic Development Analyst', at: now.toISOString() });
  // Read back through PnPjs as stored: the open items only, with their owners.
  const stored = await data.rounds.get(round.id);
  expect({ ...stored.value, openedAt: Date.parse(stored.value.openedAt) }).toEqual({ ...round.value, openedAt: Date.parse(round.value.openedAt) });
  expect(stored.value.items.map((i) => i.itemId)).toEqual([ids.crimeA, ids.crimeB, ids.ppu]);

  // One card per owner, listing that owner's items, each with the form; sent once however often asked.
  await service.engine.announceRounds();
  await service.engine.announceRounds();
  const first = sent.splice(0);
  expect(first.map((d) => [d.recipient.address, d.items.map((i) => i.ref)])).toEqual([
    [emailFor('owner'), ['1', '2']],
    [emailFor('headpp'), ['3']]
  ]);
  const card = JSON.stringify(deliveryCard(first[0], links));
  expect(card).toContain('Head of Crime: update round for Police Performance Committee');
  expect(card).toContain(`"id":"text-${ids.crimeA}"`);
  expect(card).toContain(`"roundId":${round.id}`);
  expect((await data.reminderLog.all()).filter((e) => e.value.ruleKey === 'round-open')).toHaveLength(3);
  // The round's two rules are in the Reminder Rules list, where site owners manage them.
  const rules = (await data.reminderRules.all()).map((r) => r.value.key);
  for (const r of ROUND_RULES) expect(rules).toContain(r.key);

  // The owner answers the first item with an update (sent twice by Teams: written once).
  const answer = await roundAnswer(ids.crimeA, round.id, 'Action plan agreed by the board on 5 March.');
  const reply = await invoke('owner', 'postUpdate', answer, 'round-activity-replayed');
  await invoke('owner', 'postUpdate', answer, 'round-activity-replayed');
  expect(await updatesOf(ids.crimeA)).toEqual(['Action plan agreed by the board on 5 March.']);
  // The reply is the owner's round card: the first item answered, the second still with its form.
  expect(reply).toContain('Update recorded on 1');
  expect(reply).toContain('Answered by Head of Crime');
  expect(reply).toContain(`"id":"text-${ids.crimeB}"`);
  expect(reply).not.toContain(`"id":"text-${ids.crimeA}"`);

  // Someone else cannot answer for the owner's item; nothing is written.
  const refused = await invoke('headpp', 'noChange', await roundAnswer(ids.crimeB, round.id, ''));
  expect(refused).toContain('Nothing was recorded');
  expect(await updatesOf(ids.crimeB)).toEqual([]);

  // "No change" on the second item.
  const second = await invoke('owner', 'noChange', await roundAnswer(ids.crimeB, round.id, ''));
  expect(second).toContain('Recorded: no change on 2');
  expect(second).toContain('every item is answered');
  expect(await updatesOf(ids.crimeB)).toEqual(['No change since my last update.']);

  const standing = await updateRoundStanding(data, stored.value);
  expect(standing.owners.map((o) => [o.owner?.name, o.answered, o.items.length])).toEqual([
    ['Head of Public Protection', 0, 1],
    ['Head of Crime', 2, 2]
  ]);

  // Two days before the reply-by date: the owner who has not answered is reminded, once.
  now = new Date('2018-03-14T09:30:00Z');
  await service.engine.sweep();
  await service.engine.sweep();
  const reminders = sent.splice(0);
  expect(reminders.flatMap((d) => d.items.filter((i) => i.title.includes('is due by')).map((i) => [d.recipient.address, i.ref]))).toEqual([[emailFor('headpp'), '3']]);

  // After the reply-by date: the SRO hears of the unanswered item, once, on two days' sweeps.
  now = new Date('2018-03-19T09:30:00Z');
  await service.engine.sweep();
  now = new Date('2018-03-20T09:30:00Z');
  await service.engine.sweep();
  const escalations = sent.splice(0).flatMap((d) => d.items.filter((i) => i.title.includes('has not answered')).map((i) => [d.recipient.address, i.title]));
  expect(escalations).toEqual([[emailFor('sro'), 'Head of Public Protection has not answered for 3']]);

  // Closing freezes the answers and issues the paper: "Awaiting update" only for the unanswered item.
  const closed = await closeUpdateRound(data, await data.rounds.get(round.id), { name: 'Strategic Development Analyst', at: now.toISOString() });
  expect(closed.problem).toBeNull();
  expect(closed.round.value.status).toBe('Closed');
  expect(closed.round.value.closure?.answered).toEqual([ids.crimeA, ids.crimeB].sort((a, b) => a - b));
  const snapshot = await readIssuedSnapshot(data, closed.round.value.closure?.paperId ?? '');
  const comments = new Map(snapshot.items.map((i) => [i.recommendationId, i.comment]));
  expect(comments.get(ids.ppu)).toBe('Awaiting update');
  expect(comments.get(ids.crimeA)).toBe('Action plan agreed by the board on 5 March.');
  expect(comments.get(ids.crimeB)).toBe('No change since my last update.');
  expect(comments.get(ids.closed)).not.toBe('Awaiting update');

  // An answer on the card after the close is refused: the round's answers are frozen.
  const late = await invoke('headpp', 'postUpdate', await roundAnswer(ids.ppu, round.id, 'Late word.'));
  expect(late).toContain('closed');
  expect(await updatesOf(ids.ppu)).toEqual([]);
});

test('a site not yet upgraded to the Update Rounds list keeps its reminders: the sweep and the rounds check find no round, its Recommendations webhook is kept', async () => {
  const old = await startStandin({ port: 0 });
  try {
    const sp = spAs(old);
    await provision(sp, { ...TRACKER_SCHEMA, version: 3, lists: TRACKER_SCHEMA.lists.filter((l) => l.key !== 'rounds') });
    const oldData = createTrackerData(sp);
    await oldData.recommendations.add(actionPlanRecommendation((await oldData.reports.add(DOMESTIC_ABUSE_REPORT)).id, { owner: { name: 'Head of Crime', email: emailFor('owner') } }));
    const oldService = await startReminderService({ ...localServiceOptions(old, `${old.siteUrl}/SitePages/Tracker.aspx`), clientState: 'old-site', tickMs: null, transport, clock: () => now, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    try {
      // Its Recommendations are watched; its missing Update Rounds list is not an error.
      expect(((await sp.web.lists.getByTitle('Recommendations').subscriptions()) as { notificationUrl: string }[]).map((s) => s.notificationUrl)).toEqual([oldService.webhookUrl]);
      await expect(oldService.engine.announceRounds()).resolves.toEqual({ items: 0, claimed: 0, delivered: 0 });
      await expect(oldService.engine.sweep()).resolves.toMatchObject({ items: 1 });
    } finally {
      await oldService.close();
    }
  } finally {
    await old.close();
  }
});

test('a round over several directorates: stored as a list in its Scope column, read back, an item stored with one directorate still read, its paper covering those directorates only', async () => {
  const { server: own, data: site, reportId } = await provisionedSite();
  try {
    const sp = spAs(own);
    const add = async (ref: string, directorate: string): Promise<number> => (await site.recommendations.add(actionPlanRecommendation(reportId, { ref, directorate, owner: { name: 'Head of Crime', email: emailFor('owner') } }))).id;
    const crime = await add('1', 'Crime');
    const protection = await add('2', 'Public Protection');
    await add('3', 'Operations');
    const by = { name: 'Strategic Development Analyst', at: '2018-03-06T09:30:00.000Z' };
    const opened = await openUpdateRound(site, { committee: 'Police Performance Committee', selection: { directorates: ['Crime', ' public protection '] }, replyBy: '2018-03-16', paperDate: '2018-03-22' }, by);
    expect(opened.value.items.map((i) => i.itemId)).toEqual([crime, protection]);

    const rounds = sp.web.lists.getByTitle(listSchema('rounds').title).items;
    const raw = (await rounds.getById(opened.id).select(F.selection)()) as Record<string, string>;
    expect(JSON.parse(raw[F.selection])).toEqual({ directorates: ['Crime', 'public protection'] });
    expect((await site.rounds.get(opened.id)).value.selection).toEqual({ directorates: ['Crime', 'public protection'] });

    // A round stored before a scope could name several directorates.
    await rounds.getById(opened.id).update({ [F.selection]: JSON.stringify({ directorate: 'Crime' }) });
    const legacy = await site.rounds.get(opened.id);
    expect(legacy.value.selection).toEqual({ directorates: ['Crime'] });
    await rounds.getById(opened.id).update({ [F.selection]: JSON.stringify({ directorates: ['Crime', 'Public Protection'] }) });

    const closed = await closeUpdateRound(site, await site.rounds.get(opened.id), { ...by, at: '2018-03-17T09:30:00.000Z' });
    expect(closed.problem).toBeNull();
    const snapshot = await readIssuedSnapshot(site, closed.round.value.closure?.paperId ?? '');
    expect(snapshot.selection).toEqual({ directorates: ['Crime', 'Public Protection'] });
    expect(snapshot.items.map((i) => i.recommendationId).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([crime, protection]);
    expect(closed.paper?.paperId).toContain('crime-public-protection');
  } finally {
    await own.close();
  }
});

/** Polls until `check` holds: the webhook's delivery is asynchronous. */
async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

test('opening a round sends its cards through the Update Rounds webhook, with no tick; a second notification sends nothing twice', async () => {
  const { server: own, data: site, reportId } = await provisionedSite({ webhookDebounceMs: 50 });
  const mine: OutgoingDelivery[] = [];
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const at = new Date('2018-03-06T09:30:00Z');
  try {
    const sp = spAs(own);
    const item = (await site.recommendations.add(actionPlanRecommendation(reportId, { ref: '1', owner: { name: 'Head of Crime', email: emailFor('owner') } }))).id;
    const watching = await startReminderService({
      ...localServiceOptions(own, `${own.siteUrl}/SitePages/Tracker.aspx`),
      clientState: 'round-webhook',
      tickMs: null,
      debounceMs: 20,
      unsubscribeOnClose: true,
      transport: { deliver: async (d) => (mine.push(d), { route: 'teams', alreadyDelivered: false }) },
      clock: () => at,
      logger: quiet
    });
    try {
      // Both lists are watched, each by its own subscription to the same endpoint.
      for (const title of ['Recommendations', 'Update Rounds']) {
        const subs = (await sp.web.lists.getByTitle(title).subscriptions()) as { notificationUrl: string }[];
        expect(subs.filter((s) => s.notificationUrl === watching.webhookUrl)).toHaveLength(1);
      }
      await watching.idle();
      mine.splice(0);
      const round = await openUpdateRound(site, { committee: 'Police Performance Committee', selection: {}, replyBy: '2018-03-16', paperDate: '2018-03-22' }, { name: 'Analyst', at: at.toISOString() });
      await waitFor(() => mine.some((d) => d.items.some((i) => i.round?.id === round.id)), "the round's card");
      await watching.idle();
      const cards = mine.filter((d) => d.items.some((i) => i.round?.id === round.id));
      expect(cards.map((d) => [d.recipient.address, d.items.map((i) => i.ref)])).toEqual([[emailFor('owner'), ['1']]]);
      expect(watching.engine.ledger.all().filter((e) => e.ruleKey === 'round-open' && e.itemId === item).map((e) => e.status)).toEqual(['Sent']);
      // The round page reads from the Reminder Log that the owner's card went.
      const source = createRoundSource(site, () => at);
      expect(Object.fromEntries(await source.cards({ value: { ...round.value, id: round.id }, etag: round.etag }))).toEqual({ [emailFor('owner')]: { state: 'sent' } });

      // Closing the round is another notification: nothing is sent again.
      await closeUpdateRound(site, await site.rounds.get(round.id), { name: 'Analyst', at: at.toISOString() });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await watching.idle();
      expect(mine.filter((d) => d.items.some((i) => i.round?.id === round.id))).toHaveLength(1);
    } finally {
      await watching.close();
    }
    for (const title of ['Recommendations', 'Update Rounds']) expect(await sp.web.lists.getByTitle(title).subscriptions()).toEqual([]);
  } finally {
    await own.close();
  }
});

test('a notification is dispatched by the list it names; a list the process does not know starts both', () => {
  const state = (resource: string): SubscriptionState => ({ id: `s-${resource}`, resource, expirationDateTime: '2027-01-01T00:00:00Z', action: 'kept' });
  const kept: WatchedSubscriptions = new Map([
    ['recommendations', state('AAA')],
    ['rounds', state('BBB')]
  ]);
  const note = (resource: string): ListNotification => ({ subscriptionId: 's', clientState: 'c', expirationDateTime: '2027-01-01T00:00:00Z', resource });
  expect([...notifiedWork([note('aaa')], kept)]).toEqual(['changes']);
  expect([...notifiedWork([note('bbb'), note('bbb')], kept)]).toEqual(['rounds']);
  expect([...notifiedWork([note('ccc')], kept)].sort()).toEqual(['changes', 'rounds']);
  expect([...notifiedWork([note('aaa')], new Map())].sort()).toEqual(['changes', 'rounds']);
});
