/**
 * Web parts on one page share their reads (issue 15), against the stand-in with the real PnPjs:
 * two data sources over one site, each with its own PnPjs instance as two web parts have, read the
 * recommendations once between them; a save through one reaches the other, and the reads the other
 * started before its view mounted; a refresh reads afresh. The grid's read selects fewer columns
 * than an item opened in full, whose version tag edits quote.
 */
import type { SPFI } from '@pnp/sp';
import { createDataSource } from '../../src/data/createDataSource';
import { startReads } from '../../src/data/preload';
import { SaveConflictError } from '../../src/data/TrackerDataSource';
import type { ListedRecord, RecommendationRecord, TrackerDataSource } from '../../src/data/TrackerDataSource';
import { createTrackerData, provision } from '../../src/data';
import { F, TRACKER_SCHEMA } from '../../src/schema';
import { DOMESTIC_ABUSE_REPORT, actionPlanRecommendation, manyRecommendations, spAs, standin, type Standin } from './data.support';

const ITEMS = 250;
const EVIDENCE = 'The inspectorate found no action plan for the recommendations of its 2014 report.';

let server: Standin;
let reportId: number;

/** PnPjs as `user`, noting the address of every request it sends in `sent`. */
function noting(user: string, sent: string[]): SPFI {
  return spAs(server, user).using((instance) => {
    instance.on.pre(async function (url: string, init: RequestInit, result: unknown) {
      sent.push(decodeURIComponent(url));
      return [url, init, result];
    });
    return instance;
  });
}

/**
 * PnPjs as `user`, holding each large page of recommendations (`$top=5000`) once SharePoint has
 * answered it, before it is handed on: `answered` settles when the first is held, `release` lets
 * them go.
 */
function holdingLargePages(user: string): { sp: SPFI; answered: Promise<void>; release: () => void } {
  let reached: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (reached = resolve));
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const sp = spAs(server, user).using((instance) => {
    instance.on.post(async function (url: URL, result: unknown) {
      if (/getByTitle\('Recommendations'\)\/items\?.*\$top=5000/i.test(decodeURIComponent(url.toString()))) {
        reached();
        await gate;
      }
      return [url, result];
    });
    return instance;
  });
  return { sp, answered, release };
}

/** The requests for recommendations' items among `sent`: the first page by title, the next by next link. */
const itemReads = (sent: readonly string[]): string[] => sent.filter((u) => /getByTitle\('Recommendations'\)\/items\?|\/items\?.*\$skiptoken=/i.test(u));

/** Everything `source` loads, as the grid receives it. */
async function loadAll(source: TrackerDataSource): Promise<ListedRecord[]> {
  let all: ListedRecord[] = [];
  await source.loadRecommendations((page) => {
    all = all.concat(page);
  });
  return all;
}

/** Two web parts of one page over the stand-in's site, as `analyst`, each noting its requests. */
function twoWebParts(): { first: TrackerDataSource; second: TrackerDataSource; sentByFirst: string[]; sentBySecond: string[] } {
  const sentByFirst: string[] = [];
  const sentBySecond: string[] = [];
  return {
    first: createDataSource(noting('analyst', sentByFirst), undefined, undefined, server.siteUrl),
    second: createDataSource(noting('analyst', sentBySecond), undefined, undefined, server.siteUrl),
    sentByFirst,
    sentBySecond
  };
}

beforeAll(async () => {
  server = await standin();
  await provision(spAs(server), TRACKER_SCHEMA);
  const data = createTrackerData(spAs(server));
  reportId = (await data.reports.add(DOMESTIC_ABUSE_REPORT)).id;
  await data.recommendations.addMany(manyRecommendations(reportId, ITEMS).map((r, i) => (i === 0 ? { ...r, inspectorateEvidence: EVIDENCE } : r)));
}, 60000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  // Each test starts as a page freshly opened would.
  createDataSource(spAs(server), undefined, undefined, server.siteUrl).forgetReads();
});

test('two web parts over one site read the recommendations once between them', async () => {
  const { first, second, sentByFirst, sentBySecond } = twoWebParts();
  const [one, two] = await Promise.all([loadAll(first), loadAll(second)]);
  expect(one).toHaveLength(ITEMS);
  expect(two.map((r) => [r.recommendation.id, r.etag])).toEqual(one.map((r) => [r.recommendation.id, r.etag]));
  // A screenful first, then the rest: two requests, by whichever web part asked first.
  expect(itemReads([...sentByFirst, ...sentBySecond])).toHaveLength(2);
  expect(itemReads(sentBySecond)).toHaveLength(0);

  // A web part drawn a moment later is handed the same items, with no request of its own.
  const later: string[] = [];
  const third = await loadAll(createDataSource(noting('analyst', later), undefined, undefined, server.siteUrl));
  expect(third).toHaveLength(ITEMS);
  expect(itemReads(later)).toHaveLength(0);

  // Another site (or a data source not named by a site) reads for itself.
  const elsewhere: string[] = [];
  expect(await loadAll(createDataSource(noting('analyst', elsewhere)))).toHaveLength(ITEMS);
  expect(itemReads(elsewhere)).toHaveLength(2);
});

test('the grid reads fewer columns; an item opened is read in full, and edits quote its version tag', async () => {
  const { first, sentByFirst } = twoWebParts();
  const listed = await loadAll(first);
  for (const url of itemReads(sentByFirst)) {
    expect(url).toContain(F.latestComment);
    expect(url).not.toContain(F.evidence);
    expect(url).not.toContain(F.confidenceNarrative);
  }
  const row = listed.find((r) => r.recommendation.ref === '1');
  expect(row).toBeDefined();
  expect(row?.recommendation).not.toHaveProperty('inspectorateEvidence');
  const full = await first.getRecommendation(row?.recommendation.id ?? 0);
  expect(full.recommendation.inspectorateEvidence).toBe(EVIDENCE);
  expect(full.etag).toBe(row?.etag);
  const saved = await first.saveRecommendation(full, { ...full.recommendation, confidenceNarrative: 'Plan agreed with the Head of Public Protection.' });
  // Nothing the grid does not read was lost by the save.
  expect((await first.getRecommendation(saved.recommendation.id)).recommendation).toMatchObject({ inspectorateEvidence: EVIDENCE, confidenceNarrative: 'Plan agreed with the Head of Public Protection.' });
});

test('a save through one web part reaches the other, and the shared items hold it; a stale version is still refused', async () => {
  const { first, second, sentBySecond } = twoWebParts();
  const before = await loadAll(second);
  const heard: RecommendationRecord[] = [];
  const stop = second.onRecommendationSaved((saved) => heard.push(saved));

  const opened = await first.getRecommendation(before[5].recommendation.id);
  const saved = await first.saveRecommendation(opened, { ...opened.recommendation, directorate: 'Contact Management' });
  expect(heard).toEqual([saved]);
  expect(saved.etag).not.toBe(before[5].etag);

  // The second web part, reading again on the page, is handed the saved item without a request.
  const reads = itemReads(sentBySecond).length;
  const after = await loadAll(second);
  expect(itemReads(sentBySecond)).toHaveLength(reads);
  expect(after.find((r) => r.recommendation.id === saved.recommendation.id)).toMatchObject({ etag: saved.etag, recommendation: { directorate: 'Contact Management' } });
  expect(after).toHaveLength(ITEMS);

  // The version the second web part opened before the save is refused (412), not overwritten.
  await expect(second.saveRecommendation(opened, { ...opened.recommendation, directorate: 'Crime' })).rejects.toBeInstanceOf(SaveConflictError);
  stop();
  await first.saveRecommendation(saved, { ...saved.recommendation, directorate: 'Crime' });
  expect(heard).toHaveLength(1);
});

test('a refresh in one web part forgets the shared read: the next read goes to SharePoint', async () => {
  const { first, second, sentBySecond } = twoWebParts();
  await loadAll(first);
  await loadAll(second);
  expect(itemReads(sentBySecond)).toHaveLength(0);
  first.forgetReads();
  expect(await loadAll(second)).toHaveLength(ITEMS);
  expect(itemReads(sentBySecond)).toHaveLength(2);
});

// The tests from here on add items, which the tests above count without.
test('reads started before a view mounts hand it the items another web part saved since, each once', async () => {
  const { first, second } = twoWebParts();
  // The first web part's reads start early and finish before its view takes them.
  const reads = startReads(first);
  await Promise.all([reads.policy, reads.reports, reads.finished]);
  const before = reads.soFar()?.records ?? [];
  expect(before).toHaveLength(ITEMS);

  // The second web part saves a change to an item, quoting the version tag it opened, and adds one.
  const opened = await second.getRecommendation(before[7].recommendation.id);
  const changed = await second.saveRecommendation(opened, { ...opened.recommendation, directorate: 'Professional Standards' });
  const added = await second.saveRecommendation(null, actionPlanRecommendation(reportId, { ref: `${ITEMS + 1}`, directorate: 'Professional Standards' }));
  expect(changed.etag).not.toBe(before[7].etag);

  // What the view draws first, and the pages replayed to it, hold the saved item and the new one once.
  const soFar = reads.soFar();
  expect(soFar?.finished).toBe(true);
  const records = soFar?.records ?? [];
  expect(records[7]).toMatchObject({ etag: changed.etag, recommendation: { id: changed.recommendation.id, directorate: 'Professional Standards' } });
  expect(records).toHaveLength(ITEMS + 1);
  expect(records.filter((r) => r.recommendation.id === added.recommendation.id)).toEqual([added]);
  let replayed: ListedRecord[] = [];
  await reads.recommendations((page) => {
    replayed = replayed.concat(page);
  });
  expect(replayed.map((r) => [r.recommendation.id, r.etag])).toEqual(records.map((r) => [r.recommendation.id, r.etag]));
  expect(replayed[7].recommendation.directorate).toBe('Professional Standards');

  // Handed over, the reads no longer follow saves: the view does, with its own listener.
  const heard: RecommendationRecord[] = [];
  const stop = first.onRecommendationSaved((saved) => heard.push(saved));
  const again = await second.saveRecommendation(changed, { ...changed.recommendation, directorate: 'Crime' });
  stop();
  expect(heard).toEqual([again]);
  expect(reads.soFar()?.records[7].etag).toBe(changed.etag);
});

/**
 * The first web part's early reads, its large page answered by SharePoint and held before PnPjs
 * hands it on; meanwhile the second web part adds an item (after `forget`, if given, is done), the
 * first's view takes the reads, and the page is let go. Returns what the view was handed and the item.
 */
async function addedWhileReading(forget: (second: TrackerDataSource) => void = () => undefined): Promise<{ viewed: ListedRecord[]; added: RecommendationRecord; stored: ListedRecord[] }> {
  const { sp: held, answered, release } = holdingLargePages('analyst');
  const first = createDataSource(held, undefined, undefined, server.siteUrl);
  const second = createDataSource(spAs(server, 'analyst'), undefined, undefined, server.siteUrl);
  const reads = startReads(first);
  await answered;
  forget(second);
  const added = await second.saveRecommendation(null, actionPlanRecommendation(reportId, { ref: 'added while reading', directorate: 'Crime' }));
  let viewed: ListedRecord[] = [];
  const done = reads.recommendations((page) => {
    viewed = viewed.concat(page);
  });
  release();
  await done;
  second.forgetReads();
  return { viewed, added, stored: await loadAll(second) };
}

test('an item another web part adds while the early reads are under way, after its page was asked for, reaches the view once, after the others', async () => {
  const { viewed, added, stored } = await addedWhileReading();
  const ids = (records: readonly ListedRecord[]): number[] => records.map((r) => r.recommendation.id).sort((a, b) => a - b);
  expect(ids(viewed)).toEqual(ids(stored));
  expect(viewed.filter((r) => r.recommendation.id === added.recommendation.id)).toEqual([added]);
  expect(viewed[viewed.length - 1]).toEqual(added);
});

test('so does one added after the shared read was forgotten (a Refresh elsewhere): the early reads hand it over themselves', async () => {
  const { viewed, added, stored } = await addedWhileReading((second) => second.forgetReads());
  expect(viewed).toHaveLength(stored.length);
  expect(viewed.filter((r) => r.recommendation.id === added.recommendation.id)).toEqual([added]);
  expect(viewed[viewed.length - 1]).toEqual(added);
});
