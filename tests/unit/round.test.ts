/**
 * The update round's core (issue 13): scope and request checks, answers counted while the round is
 * open, progress per owner, the close freezing the answers, the round's reminder conditions (once
 * per round), its stored JSON read strictly, and the paper's "Awaiting update" taken from the round.
 */
import { buildCommitteePaper } from '../../src/core/paper';
import type { ProgressUpdate, Recommendation } from '../../src/core/model';
import { valueProblemText, type Checked } from '../../src/core/storedValues';
import { evaluateRules, recommendationSubject } from '../../src/core/reminders';
import {
  ROUND_RULES,
  RoundRequestError,
  answeredItems,
  closeRound,
  openRound,
  openRoundOf,
  paperRound,
  readRoundClosure,
  readRoundItems,
  readRoundSelection,
  roundAnswers,
  roundCardOfItems,
  roundCardStates,
  roundItems,
  roundProgress,
  roundProblemText,
  roundRequestProblems,
  type UpdateRound
} from '../../src/core/round';
import { PAPER_DATE, REPORTS, UPDATES, currentRecommendations } from './paper-fixtures';

const recs = (): Recommendation[] => currentRecommendations();
const OPENED = '2017-11-01T09:00:00.000Z';
const request = { committee: 'Police Performance Committee', selection: {}, replyBy: '2017-11-10', paperDate: PAPER_DATE };
const by = { name: 'Strategic Development Analyst', at: OPENED, today: '2017-11-01' };

function aRound(): UpdateRound {
  return openRound(request, roundItems(REPORTS, recs(), {}), by);
}

const update = (recommendationId: number, at: string, text = 'Progress.'): ProgressUpdate => ({ recommendationId, at, author: 'Owner', text, lifecycle: 'Being progressed' });

describe('opening a round', () => {
  it('asks about the open items of the paper’s selection only, with their owners', () => {
    const round = aRound();
    const open = recs().filter((r) => r.lifecycle === 'Awaiting review' || r.lifecycle === 'Being progressed');
    expect(round.items.map((i) => i.itemId).sort()).toEqual(open.map((r) => r.id).sort());
    expect(round.items.length).toBeGreaterThan(0);
    expect(round.title).toBe('Update round: Police Performance Committee, 23 November 2017');
    expect(round.status).toBe('Open');
    const one = roundItems(REPORTS, recs(), { reportIds: [2] });
    expect(one.every((i) => i.reportId === 2)).toBe(true);
  });

  it('covers several directorates: the items of any of them, the scope kept trimmed and without repeats', () => {
    const all = roundItems(REPORTS, recs(), {});
    const crime = roundItems(REPORTS, recs(), { directorates: ['Crime'] });
    const corporate = roundItems(REPORTS, recs(), { directorates: [' corporate services '] });
    expect(crime.length).toBeGreaterThan(0);
    expect(corporate.length).toBeGreaterThan(0);
    expect(crime.every((i) => i.directorate === 'Crime')).toBe(true);
    const both = roundItems(REPORTS, recs(), { directorates: ['Crime', 'Corporate Services'] });
    expect(both.map((i) => i.itemId).sort()).toEqual([...crime, ...corporate].map((i) => i.itemId).sort());
    expect(both).toHaveLength(all.length);
    const round = openRound({ ...request, selection: { directorates: [' Crime ', 'crime', '', 'Corporate Services'] } }, both, by);
    expect(round.selection).toEqual({ directorates: ['Crime', 'Corporate Services'] });
  });

  it('names every problem of a request, and refuses a scope with nothing open', () => {
    expect(roundRequestProblems({ ...request, committee: ' ', replyBy: '2017-10-01', paperDate: '2017-09-30' }, '2017-11-01').map(roundProblemText)).toEqual([
      'Name the committee the paper goes to.',
      'The reply-by date has passed: choose today or a later day.',
      'The paper is due before the reply-by date: owners must answer before the paper is written.'
    ]);
    expect(() => openRound({ ...request, committee: '' }, aRound().items, by)).toThrow(RoundRequestError);
    expect(() => openRound(request, [], by)).toThrow('No open item is in this scope');
  });
});

describe('answers', () => {
  it('counts an update posted while the round is open, comparing instants as times (SharePoint drops milliseconds)', () => {
    const round = aRound();
    const [a, b, c] = round.items.map((i) => i.itemId);
    const updates = [update(a, '2017-11-01T09:00:00Z'), update(b, '2017-10-31T23:59:59Z'), update(c, '2017-11-02T10:00:00Z', 'first'), update(c, '2017-11-03T10:00:00Z', 'second')];
    const answers = roundAnswers(round, updates);
    expect([...answers.keys()].sort()).toEqual([a, c].sort());
    expect(answers.get(c)?.text).toBe('second');
    // An update on one of the item's actions is not an answer for the item.
    expect(roundAnswers(round, [{ ...update(b, '2017-11-02T10:00:00Z'), actionId: 4 }]).size).toBe(0);
  });

  it('shows per owner who answered, who did not and who asked for more time, the least answered first', () => {
    const owned = recs().map((r, i): Recommendation => ({ ...r, owner: i % 2 === 0 ? { name: 'Head of Crime', email: 'owner@contoso.onmicrosoft.com' } : { name: 'Head of HR', email: 'headhr@contoso.onmicrosoft.com' } }));
    const round = openRound(request, roundItems(REPORTS, owned, {}), by);
    const ids = round.items.filter((i) => i.owner?.name === 'Head of Crime').map((i) => i.itemId);
    expect(ids.length).toBeGreaterThan(0);
    const current = new Map(owned.map((r) => [r.id as number, r]));
    const asking = ids[0];
    current.set(asking, { ...(current.get(asking) as Recommendation), extension: { requestedBy: 'Head of Crime', requestedAt: '2017-11-02T09:00:00Z', proposed: '2018-03-31', reason: 'Waiting for the national guidance.' } });
    const progress = roundProgress(round, current, ids.map((id) => update(id, '2017-11-05T09:00:00Z')));
    const crime = progress.owners.find((o) => o.owner?.name === 'Head of Crime');
    const hr = progress.owners.find((o) => o.owner?.name === 'Head of HR');
    expect([crime?.answered, crime?.items.length, crime?.moreTime]).toEqual([ids.length, ids.length, 1]);
    expect(crime?.items.find((i) => i.item.itemId === asking)?.moreTimeAsked).toEqual({ proposed: '2018-03-31', reason: 'Waiting for the national guidance.' });
    expect(hr?.answered).toBe(0);
    expect([progress.answered, progress.ownersAnswered, progress.moreTime]).toEqual([ids.length, 1, 1]);
    // The least answered first: the analyst sees whom to chase at the top.
    expect(progress.owners.map((o) => o.owner?.name)).toEqual(['Head of HR', 'Head of Crime']);
  });

  it('closing freezes the items answered by then; later updates change nothing', () => {
    const round = aRound();
    const [a, b] = round.items.map((i) => i.itemId);
    const closed = closeRound(round, [update(a, '2017-11-05T09:00:00Z'), update(b, '2017-11-12T09:00:00Z')], { name: 'Analyst', at: '2017-11-11T17:00:00.000Z' });
    expect(closed.status).toBe('Closed');
    expect(closed.closure?.answered).toEqual([a]);
    expect([...answeredItems(closed, [update(b, '2017-11-12T09:00:00Z')])]).toEqual([a]);
    expect(paperRound(closed)).toEqual({ items: round.items.map((i) => i.itemId), answered: [a] });
    expect(() => paperRound(round)).toThrow('still open');
    expect(() => closeRound(closed, [], { name: 'Analyst', at: '2017-11-12T09:00:00Z' })).toThrow('already closed');
    expect(openRoundOf([{ ...round, id: 1 }, { ...closed, id: 2 }], a)?.status).toBe('Open');
  });
});

describe('the paper for a closed round', () => {
  it('says "Awaiting update" for exactly the items not answered in the round, whatever was said before', () => {
    const round = aRound();
    const [answered] = round.items.map((i) => i.itemId);
    const closed = closeRound(round, [update(answered, '2017-11-05T09:00:00Z', 'Answered in the round.')], { name: 'Analyst', at: '2017-11-11T17:00:00Z' });
    const updates = [...UPDATES, update(answered, '2017-11-05T09:00:00Z', 'Answered in the round.')];
    const paper = buildCommitteePaper({ reports: REPORTS, recommendations: recs(), updates, asAt: PAPER_DATE, round: paperRound(closed) });
    const comments = new Map(paper.items.map((i) => [i.recommendationId, i.comment]));
    for (const item of round.items) expect({ id: item.itemId, awaiting: comments.get(item.itemId) === 'Awaiting update' }).toEqual({ id: item.itemId, awaiting: item.itemId !== answered });
    expect(comments.get(answered)).toBe('Answered in the round.');
    // Items outside the round (finished) never await an update in the round's paper.
    const outside = paper.items.filter((i) => !round.items.some((r) => r.itemId === i.recommendationId));
    expect(outside.every((i) => i.comment !== 'Awaiting update')).toBe(true);
  });
});

describe('the round’s reminders', () => {
  const rec = (): Recommendation => ({ ...(recs().find((r) => r.owner?.email !== undefined && r.sro !== undefined) ?? recs()[0]), owner: { name: 'Head of Crime', email: 'owner@contoso.onmicrosoft.com' }, sro: { name: 'ACC Gibson', email: 'sro@contoso.onmicrosoft.com' } });
  const evaluate = (today: string, answered: boolean) =>
    evaluateRules(ROUND_RULES, { kind: 'sweep', subject: recommendationSubject(rec(), today, { round: { id: 7, replyBy: '2017-11-10', answered } }), previous: null }, { now: new Date(`${today}T09:30:00Z`), today });

  it('reminds the owner within two days of the reply-by date, once per round, and not once answered', () => {
    expect(evaluate('2017-11-07', false).intents).toEqual([]);
    const [first] = evaluate('2017-11-08', false).intents;
    const [second] = evaluate('2017-11-09', false).intents;
    expect(first.recipient.address).toBe('owner@contoso.onmicrosoft.com');
    expect(first.occurrence).toBe('round:7');
    expect(second.key).toBe(first.key);
    expect(first.data.replyBy).toBe('10 November 2017');
    expect(evaluate('2017-11-08', true).intents).toEqual([]);
  });

  it('tells the SRO after the reply-by date, once per round', () => {
    expect(evaluate('2017-11-10', false).intents.filter((i) => i.ruleKey === 'round-escalate-sro')).toEqual([]);
    const [first] = evaluate('2017-11-13', false).intents;
    const [later] = evaluate('2017-11-20', false).intents;
    expect(first.ruleKey).toBe('round-escalate-sro');
    expect(first.recipient.address).toBe('sro@contoso.onmicrosoft.com');
    expect(later.key).toBe(first.key);
    expect(evaluate('2017-11-13', true).intents).toEqual([]);
  });
});

describe('whether each owner’s card went', () => {
  it('reads the round’s own Reminder Log entries: sent, failed with the reason, not yet, or nobody to send to', () => {
    const person = (name: string, email?: string) => ({ name, ...(email ? { email } : {}) });
    const item = (itemId: number, owner: ReturnType<typeof person> | null) => ({ itemId, ref: String(itemId), reportId: 1, directorate: null, owner, sro: null });
    const round = { ...aRound(), id: 7, items: [item(1, person('Head of Crime', 'Owner@contoso.onmicrosoft.com')), item(2, person('Head of Crime', 'owner@contoso.onmicrosoft.com')), item(3, person('Head of PSD', 'headpsd@contoso.onmicrosoft.com')), item(4, person('Head of CJ', 'headcj@contoso.onmicrosoft.com')), item(5, person('Chief of Staff')), item(6, null), item(8, person('Head of PP', 'headpp@contoso.onmicrosoft.com'))] };
    const entry = (itemId: number, status: 'Claimed' | 'Sent' | 'Failed', at: string, extra: { occurrence?: string; ruleKey?: string; detail?: string } = {}) => ({
      key: `k${itemId}${at}`,
      ruleKey: extra.ruleKey ?? 'round-open',
      itemId,
      itemKind: 'recommendation' as const,
      occurrence: extra.occurrence ?? 'round:7',
      recipient: 'x',
      channel: 'teams',
      status,
      at,
      attempts: 1,
      ...(extra.detail ? { detail: extra.detail } : {})
    });
    const refused = { code: 'refused', args: [403, 'Forbidden', 'the app is not installed for this user.'] };
    const states = roundCardStates(round, [
      entry(1, 'Sent', '2017-11-01T09:01:00Z'),
      entry(2, 'Sent', '2017-11-01T09:01:00Z'),
      entry(3, 'Failed', '2017-11-01T09:01:00Z', { detail: JSON.stringify({ error: '403 Forbidden: the app is not installed for this user.', problem: refused }) }),
      // An entry written by hand, not as JSON: its text as it is.
      entry(8, 'Failed', '2017-11-01T09:00:00Z', { detail: 'Not installed.' }),
      entry(4, 'Sent', '2017-11-01T09:01:00Z', { occurrence: 'round:6' }),
      entry(4, 'Sent', '2017-11-01T09:01:00Z', { ruleKey: 'round-reminder' })
    ]);
    expect(Object.fromEntries(states)).toEqual({
      'owner@contoso.onmicrosoft.com': { state: 'sent' },
      'headpsd@contoso.onmicrosoft.com': { state: 'failed', reason: '403 Forbidden: the app is not installed for this user.', problem: refused, notSentAgain: false },
      'headpp@contoso.onmicrosoft.com': { state: 'failed', reason: 'Not installed.', problem: null, notSentAgain: false },
      'headcj@contoso.onmicrosoft.com': { state: 'waiting' },
      'chief of staff': { state: 'no-address' },
      '': { state: 'no-address' }
    });
  });
});

/** What a checker found wrong, in core's English ('' when the value is sound). */
function wrongText(checked: Checked<unknown>): string {
  return checked.ok ? '' : valueProblemText(checked.problem);
}

describe('stored JSON and the card', () => {
  it('reads the round’s items and closure strictly', () => {
    expect(readRoundItems([{ itemId: 1, ref: 'AFI 1', owner: null, sro: { name: 'X' } }])).toEqual({ ok: true, value: [{ itemId: 1, ref: 'AFI 1', reportId: null, directorate: null, owner: null, sro: { name: 'X' } }] });
    expect(wrongText(readRoundItems([{ itemId: 0, ref: 'AFI 1', owner: null, sro: null }]))).toBe('item 1 is not an item id, reference, owner and SRO');
    expect(wrongText(readRoundItems({}))).toBe('expected a list of items');
    expect(wrongText(readRoundClosure({ at: 'yesterday', by: 'A', answered: [], paperId: null }))).toBe('expected when and by whom the round was closed');
    expect(wrongText(readRoundClosure({ at: '2017-11-11T17:00:00Z', by: 'A', answered: [1, 'x'], paperId: null }))).toBe('expected the list of answered item ids');
  });

  it('reads the scope’s directorates as a list, and a round stored with one directorate as a list of one', () => {
    expect(readRoundSelection({ reportIds: [2], directorates: ['Crime', 'Corporate Services'] })).toEqual({ ok: true, value: { reportIds: [2], directorates: ['Crime', 'Corporate Services'] } });
    expect(readRoundSelection({ directorate: 'Crime' })).toEqual({ ok: true, value: { directorates: ['Crime'] } });
    expect(readRoundSelection({ directorate: ' ' })).toEqual({ ok: true, value: {} });
    expect(wrongText(readRoundSelection({ directorates: 'Crime' }))).toBe('expected the directorates as a list of text');
    expect(wrongText(readRoundSelection({ directorates: ['Crime', 3] }))).toBe('expected the directorates as a list of text');
  });

  it('draws one card for the owner’s round items, each with its form and the round’s id, every text made safe', () => {
    const links = { teamsAppId: 'app', myActionsEntityId: 'my', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx' };
    const item = { title: 't', message: 'm', ref: 'AFI [1]', report: 'PEEL', due: '', lifecycle: 'Being progressed', trafficLight: 'AMBER', text: 'See http://evil.example', updateUrl: 'u', openUrl: 'o' };
    const round = { id: 7, committee: 'Police Performance Committee', replyBy: '2017-11-10', paperDate: '2017-11-23' };
    expect(roundCardOfItems('Head of Crime', [item], links)).toBeNull();
    const data = roundCardOfItems('Head of Crime', [{ ...item, round, act: { itemId: 5, etag: '"1"', lifecycle: 'Being progressed', confidence: 'Medium' } }], links);
    expect(data?.heading).toBe('Head of Crime: update round for Police Performance Committee');
    expect(data?.summary).toBe('Please answer for this item by 10 November 2017: post an update, or say nothing has changed. The paper is due on 23 November 2017.');
    expect(data?.items[0].act).toEqual({ itemId: 5, etag: '"1"', lifecycle: 'Being progressed', confidence: 'Medium', roundId: 7 });
    expect(data?.items[0].ref).toBe('AFI \\[1\\]');
    expect(data?.items[0].text).toBe('See http\\://evil.example');
  });
});
