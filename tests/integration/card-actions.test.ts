/**
 * Answers on the reminder card (issue 13): `adaptiveCard/action` invokes sent to the reminder
 * service's bot endpoint, as Teams sends them, against the stand-in. What was written is read back
 * through the data layer.
 */
import type { Recommendation } from '../../src/core/model';
import type { TrackerData } from '../../src/data';
import { CARD_ACTION_RULE, NO_CHANGE_TEXT } from '../../src/service/cardActions';
import { REQUEST_VERBS } from '../../src/core/reminders';
import { localServiceOptions } from '../../src/service/main';
import { startReminderService, type ReminderService } from '../../src/service/service';
import { emailFor } from '../../src/standin/identity';
import { invokeCardAction } from './bot.support';
import { actionPlanRecommendation, provisionedSite, type Standin } from './data.support';

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
  ({ server, data, reportId } = await provisionedSite());
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

/** A proposed due date the tests can rely on being later than today and than the item's due date. */
const LATER = '2099-06-30';

async function pendingClosure(ref: string): Promise<{ id: number; etag: string }> {
  const owner = { name: 'Head of Crime', email: emailFor('owner') };
  const rec: Recommendation = actionPlanRecommendation(reportId, {
    ref,
    owner,
    lifecycle: 'Complete, awaiting sign-off',
    closure: { requestedBy: 'Head of Crime', requestedAt: '2026-01-05T10:00:00Z', evidence: 'Action plan published on the intranet.', ownerAtRequest: owner }
  });
  const stored = await data.recommendations.add(rec);
  return { id: stored.id, etag: stored.etag };
}

async function pendingExtension(ref: string): Promise<{ id: number; etag: string }> {
  const owner = { name: 'Head of Crime', email: emailFor('owner') };
  const rec: Recommendation = actionPlanRecommendation(reportId, {
    ref,
    owner,
    extension: { requestedBy: 'Head of Crime', requestedAt: '2026-01-05T10:00:00Z', proposed: LATER, reason: 'Waiting for the new IT system.', ownerAtRequest: owner }
  });
  const stored = await data.recommendations.add(rec);
  return { id: stored.id, etag: stored.etag };
}

describe('requests and decisions on the card', () => {
  test('the owner asks for an extension: the request is stored, the card refreshes for them and says who asked', async () => {
    const { id, etag } = await item('CB1');
    const reply = await invoke('owner', REQUEST_VERBS.requestExtension, { itemId: id, etag, proposed: LATER, reason: 'Waiting for the new IT system.' });
    expect(cardText(reply)).toContain('Extension to 30 June 2099 requested on CB1');
    expect(cardText(reply)).toContain('Answered by Head of Crime');
    expect(reply.value.refresh?.userIds).toEqual(['29:owner']);
    const saved = (await data.recommendations.get(id)).value;
    expect(saved.extension).toMatchObject({ requestedBy: 'Head of Crime', proposed: LATER, reason: 'Waiting for the new IT system.' });
    expect(saved.extension?.decision).toBeUndefined();
  });

  test('an extension asked for by someone other than the owner is refused, nothing written', async () => {
    const { id, etag } = await item('CB2');
    const reply = await invoke('analyst', REQUEST_VERBS.requestExtension, { itemId: id, etag, proposed: LATER, reason: 'x' });
    expect(cardText(reply)).toContain("Only the item's owner can ask for more time");
    expect((await data.recommendations.get(id)).etag).toBe(etag);
  });

  test('an independent member approves a closure: closed, the decision names them, the card shows who answered', async () => {
    const { id, etag } = await pendingClosure('CB3');
    const reply = await invoke('manager', REQUEST_VERBS.approveClosure, { itemId: id, etag, outcome: 'closed', note: 'Evidence checked.' });
    expect(cardText(reply)).toContain('Closure of CB3 approved');
    expect(cardText(reply)).toContain('Answered by Chief of Staff');
    expect(reply.value.refresh?.userIds).toEqual(['29:manager']);
    const saved = (await data.recommendations.get(id)).value;
    expect(saved.lifecycle).toBe('Closed by the force');
    expect(saved.closure?.decision).toMatchObject({ outcome: 'approved', by: 'Chief of Staff', note: 'Evidence checked.' });
    // The decision guard reads the version the service saved as made by the person it names, and lets it stand.
    await service.engine.processChanges();
    expect((await data.recommendations.get(id)).value).toMatchObject({ lifecycle: 'Closed by the force', closure: { decision: { by: 'Chief of Staff' } } });
  });

  test('a closure returned from the card needs a reason, then goes back to "Being progressed"', async () => {
    const { id, etag } = await pendingClosure('CB4');
    const missing = await invoke('manager', REQUEST_VERBS.returnClosure, { itemId: id, etag });
    expect(cardText(missing)).toContain('Say why the closure request is being returned');
    expect((await data.recommendations.get(id)).etag).toBe(etag);
    const reply = await invoke('manager', REQUEST_VERBS.returnClosure, { itemId: id, etag, note: 'The plan is not yet published.' });
    expect(cardText(reply)).toContain('Closure of CB4 returned');
    expect((await data.recommendations.get(id)).value).toMatchObject({ lifecycle: 'Being progressed', closure: { decision: { outcome: 'returned', by: 'Chief of Staff' } } });
  });

  test('the owner cannot approve their own closure or extension request; a reader cannot decide; nothing written', async () => {
    const closure = await pendingClosure('CB5');
    const own = await invoke('owner', REQUEST_VERBS.approveClosure, { itemId: closure.id, etag: closure.etag });
    expect(cardText(own)).toContain('Nothing was recorded');
    expect(cardText(own)).toContain('you cannot decide its own closure request');
    const extension = await pendingExtension('CB6');
    const ownExtension = await invoke('owner', REQUEST_VERBS.approveExtension, { itemId: extension.id, etag: extension.etag });
    expect(cardText(ownExtension)).toContain('you cannot decide its own extension request');
    const reader = await invoke('reader', REQUEST_VERBS.approveClosure, { itemId: closure.id, etag: closure.etag });
    expect(cardText(reader)).toContain('Only members of the tracker site decide');
    expect((await data.recommendations.get(closure.id)).etag).toBe(closure.etag);
    expect((await data.recommendations.get(extension.id)).etag).toBe(extension.etag);
  });

  test('an extension approved moves the due date; refused leaves it', async () => {
    const approved = await pendingExtension('CB7');
    const reply = await invoke('manager', REQUEST_VERBS.approveExtension, { itemId: approved.id, etag: approved.etag });
    expect(cardText(reply)).toContain('Extension on CB7 approved');
    expect((await data.recommendations.get(approved.id)).value.due).toMatchObject({ current: LATER, original: '2018-04-30' });
    const refused = await pendingExtension('CB8');
    await invoke('manager', REQUEST_VERBS.refuseExtension, { itemId: refused.id, etag: refused.etag, note: 'Not justified.' });
    expect((await data.recommendations.get(refused.id)).value).toMatchObject({ due: { current: '2018-04-30' }, extension: { decision: { outcome: 'refused', by: 'Chief of Staff' } } });
  });

  test('a decision on a stale card is refused, nothing written', async () => {
    const { id, etag } = await pendingClosure('CB9');
    const current = await data.recommendations.get(id);
    await data.recommendations.update(current, { ...current.value, latestComment: 'Changed meanwhile.' });
    const changed = (await data.recommendations.get(id)).etag;
    const reply = await invoke('manager', REQUEST_VERBS.approveClosure, { itemId: id, etag });
    expect(cardText(reply)).toContain('CB9 has changed since this card was sent');
    expect((await data.recommendations.get(id)).etag).toBe(changed);
    expect((await data.recommendations.get(id)).value.lifecycle).toBe('Complete, awaiting sign-off');
  });

  test('a replayed decision (the same activity id) is written once', async () => {
    const { id, etag } = await pendingExtension('CB10');
    const answer = { itemId: id, etag, note: 'Agreed at the board.' };
    const [first, second] = await Promise.all([invoke('manager', REQUEST_VERBS.approveExtension, answer, 'replayed-2'), invoke('manager', REQUEST_VERBS.approveExtension, answer, 'replayed-2')]);
    const third = await invoke('manager', REQUEST_VERBS.approveExtension, answer, 'replayed-2');
    for (const reply of [first, second, third]) expect(cardText(reply)).toContain('Extension on CB10 approved');
    const saved = (await data.recommendations.get(id)).value;
    expect(saved.due.revisions).toHaveLength(1);
    expect(saved.history.filter((h) => (h.note ?? '').startsWith('Extension to'))).toHaveLength(1);
  });

  test('malformed requests and decisions get a clear card error, nothing written', async () => {
    const { id, etag } = await item('CB11');
    const closure = await pendingClosure('CB12');
    const cases: [string, Record<string, unknown>, string][] = [
      [REQUEST_VERBS.requestExtension, { itemId: id, etag, proposed: 'next spring', reason: 'x' }, 'Give the proposed due date as a date'],
      [REQUEST_VERBS.requestExtension, { itemId: id, etag, proposed: LATER, reason: '  ' }, 'Say why more time is needed'],
      [REQUEST_VERBS.requestExtension, { itemId: id, etag, proposed: '2001-01-01', reason: 'x' }, 'has already passed'],
      [REQUEST_VERBS.approveClosure, { itemId: closure.id, etag: closure.etag, outcome: 'shelved' }, 'The outcome must be'],
      [REQUEST_VERBS.approveClosure, { itemId: closure.id, etag: closure.etag, note: 'x'.repeat(2001) }, 'at most 2000 characters'],
      [REQUEST_VERBS.approveExtension, { itemId: id, etag }, 'There is no extension request awaiting a decision'],
      [REQUEST_VERBS.approveClosure, { etag }, 'does not say which item']
    ];
    for (const [verb, actionData, message] of cases) {
      const reply = await invoke(verb === REQUEST_VERBS.requestExtension ? 'owner' : 'manager', verb, actionData);
      expect(cardText(reply)).toContain('Nothing was recorded');
      expect(cardText(reply)).toContain(message);
    }
    expect((await data.recommendations.get(id)).etag).toBe(etag);
    expect((await data.recommendations.get(closure.id)).etag).toBe(closure.etag);
  });
});
