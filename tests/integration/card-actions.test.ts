/**
 * Answers on the reminder card (issue 13): `adaptiveCard/action` invokes sent to the reminder
 * service's bot endpoint, as Teams sends them, against the stand-in. What was written is read back
 * through the data layer.
 */
import type { Recommendation } from '../../src/core/model';
import { createTrackerData, provision, type TrackerData } from '../../src/data';
import { TRACKER_SCHEMA } from '../../src/schema';
import { CARD_ACTION_RULE, NO_CHANGE_TEXT } from '../../src/service/cardActions';
import { localServiceOptions } from '../../src/service/main';
import { startReminderService, type ReminderService } from '../../src/service/service';
import { emailFor } from '../../src/standin/identity';
import { startStandin } from '../../src/standin/server';
import { invokeCardAction } from './bot.support';
import { DOMESTIC_ABUSE_REPORT, actionPlanRecommendation, spAs, type Standin } from './data.support';

interface InvokeReply {
  statusCode: number;
  type: string;
  value: { type: string; body: { text?: string; facts?: { title: string; value: string }[] }[]; refresh?: { userIds: string[] } };
}

let server: Standin;
let data: TrackerData;
let service: ReminderService;
let reportId: number;
let sequence = 0;

beforeAll(async () => {
  server = await startStandin({ port: 0 });
  const sp = spAs(server);
  await provision(sp, TRACKER_SCHEMA);
  data = createTrackerData(sp);
  reportId = (await data.reports.add(DOMESTIC_ABUSE_REPORT)).id;
  service = await startReminderService({
    ...localServiceOptions(server, `${server.siteUrl}/SitePages/Tracker.aspx`),
    clientState: 'card-actions-test',
    tickMs: null,
    subscribe: false,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined }
  });
}, 60000);

afterAll(async () => {
  await service.close();
  await server.close();
});

async function item(ref: string): Promise<{ id: number; etag: string }> {
  const rec: Recommendation = actionPlanRecommendation(reportId, { ref, owner: { name: 'Head of Crime', email: emailFor('owner') }, lifecycle: 'Being progressed', confidence: 'Medium' });
  const stored = await data.recommendations.add(rec);
  return { id: stored.id, etag: stored.etag };
}

/** Sends an invoke as Teams would, from `alias`, and returns the bot's invoke response. */
async function invoke(alias: string, verb: string, actionData: Record<string, unknown>, activityId = `activity-${++sequence}`): Promise<InvokeReply> {
  const res = await invokeCardAction(service.url, server.url, alias, verb, actionData, activityId);
  expect(res.status).toBe(200);
  return res.body as InvokeReply;
}

function cardText(reply: InvokeReply): string {
  return reply.value.body.map((b) => [b.text ?? '', ...(b.facts ?? []).map((f) => `${f.title}: ${f.value}`)].join('\n')).join('\n');
}

async function updatesOf(id: number): Promise<string[]> {
  return (await data.updates.all()).filter((u) => u.value.recommendationId === id).map((u) => u.value.text);
}

describe('answers on the reminder card', () => {
  test('the owner posts an update: stored, the item follows, and the card refreshes for them', async () => {
    const { id, etag } = await item('CA1');
    const reply = await invoke('owner', 'postUpdate', { itemId: id, etag, text: 'Training delivered to <b>all</b> sergeants.', lifecycle: 'Awaiting review', confidence: 'High' });
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(reply)).toContain('Update recorded on CA1');
    expect(cardText(reply)).toContain('\\<b\\>all\\</b\\>');
    expect(reply.value.refresh?.userIds).toEqual(['29:owner']);
    expect(await updatesOf(id)).toEqual(['Training delivered to <b>all</b> sergeants.']);
    const saved = (await data.recommendations.get(id)).value;
    expect(saved).toMatchObject({ lifecycle: 'Awaiting review', confidence: 'High', latestComment: 'Training delivered to <b>all</b> sergeants.' });
  });

  test('"no change" is recorded as such, status and confidence kept', async () => {
    const { id, etag } = await item('CA2');
    const reply = await invoke('owner', 'noChange', { itemId: id, etag });
    expect(cardText(reply)).toContain('Recorded: no change on CA2');
    expect(await updatesOf(id)).toEqual([NO_CHANGE_TEXT]);
    expect((await data.recommendations.get(id)).value).toMatchObject({ lifecycle: 'Being progressed', confidence: 'Medium' });
  });

  test('someone who is not the owner is refused, and nothing is written', async () => {
    const { id, etag } = await item('CA3');
    const reply = await invoke('analyst', 'postUpdate', { itemId: id, etag, text: 'Done.', lifecycle: 'Being progressed' });
    expect(cardText(reply)).toContain("Only the item's owner can answer on this card");
    expect(await updatesOf(id)).toEqual([]);
    expect((await data.recommendations.get(id)).etag).toBe(etag);
  });

  test('a stale card is refused, and nothing is written', async () => {
    const { id, etag } = await item('CA4');
    const current = await data.recommendations.get(id);
    await data.recommendations.update(current, { ...current.value, latestComment: 'Changed by the analyst.' });
    const changedEtag = (await data.recommendations.get(id)).etag;
    const reply = await invoke('owner', 'postUpdate', { itemId: id, etag, text: 'Done.', lifecycle: 'Being progressed' });
    expect(cardText(reply)).toContain('CA4 has changed since this card was sent');
    expect(await updatesOf(id)).toEqual([]);
    expect((await data.recommendations.get(id)).etag).toBe(changedEtag);
  });

  test('a replayed invoke (the same activity id) is written once', async () => {
    const { id, etag } = await item('CA5');
    const answer = { itemId: id, etag, text: 'Policy signed off.', lifecycle: 'Being progressed', confidence: 'Low' };
    const [first, second] = await Promise.all([invoke('owner', 'postUpdate', answer, 'replayed-1'), invoke('owner', 'postUpdate', answer, 'replayed-1')]);
    const third = await invoke('owner', 'postUpdate', answer, 'replayed-1');
    for (const reply of [first, second, third]) expect(cardText(reply)).toContain('Update recorded on CA5');
    expect(await updatesOf(id)).toEqual(['Policy signed off.']);
    expect((await data.reminderLog.byKey(`${CARD_ACTION_RULE}:replayed-1`))?.value.status).toBe('Sent');
  });

  test('malformed data gets a clear card error, and nothing is written', async () => {
    const { id, etag } = await item('CA6');
    const cases: [Record<string, unknown>, string][] = [
      [{ etag, text: 'x', lifecycle: 'Being progressed' }, 'does not say which item'],
      [{ itemId: 'one', etag, text: 'x', lifecycle: 'Being progressed' }, 'does not say which item'],
      [{ itemId: id, etag, text: '   ', lifecycle: 'Being progressed' }, 'Say what has happened'],
      [{ itemId: id, etag, text: 'x', lifecycle: 'Closed' }, 'Status must be one of'],
      [{ itemId: id, etag, text: 'x', lifecycle: 'Being progressed', confidence: 'Certain' }, 'Confidence must be one of'],
      [{ itemId: id, etag, text: 'x'.repeat(4001), lifecycle: 'Being progressed' }, 'at most 4000 characters']
    ];
    for (const [actionData, message] of cases) {
      const reply = await invoke('owner', 'postUpdate', actionData);
      expect(cardText(reply)).toContain('Nothing was recorded');
      expect(cardText(reply)).toContain(message);
    }
    expect(await updatesOf(id)).toEqual([]);
    expect((await data.recommendations.get(id)).etag).toBe(etag);
  });
});
