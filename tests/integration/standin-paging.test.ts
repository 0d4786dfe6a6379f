/**
 * Paging and the list view threshold through the real PnPjs, on a list just over 5,000 items, and
 * `$batch` of 100 writes.
 */
import type { SPFI } from '@pnp/sp';
import { addInBatches, lancashireRecommendations, spAs, start, titleOf, type Standin } from './standin.helpers';

const seeds = lancashireRecommendations();
const BIG = 5200;
const STATUSES = ['Open', 'Being progressed', 'Awaiting review', 'Closed'];

describe('stand-in: paging, threshold and batching', () => {
  let server: Standin;
  let sp: SPFI;

  beforeAll(async () => {
    server = await start();
    const admin = spAs(server, 'admin');
    await admin.web.lists.add('Big', '', 100);
    const fields = admin.web.lists.getByTitle('Big').fields;
    await fields.addText('Report');
    await fields.addChoice('Lifecycle', { Choices: STATUSES });
    await fields.addNumber('Batch');
    await fields.createFieldAsXml('<Field Type="Number" Name="Cohort" DisplayName="Cohort" Indexed="TRUE" />');
    sp = spAs(server, 'analyst');
    const rows = Array.from({ length: BIG }, (_, i) => {
      const seed = seeds[i % seeds.length];
      // Cohort 1 is small (100 rows), cohort 2 holds everything else.
      return { Title: titleOf(seed), Report: seed.report, Lifecycle: STATUSES[i % 4], Batch: Math.floor(i / 20), Cohort: i < 100 ? 1 : 2 };
    });
    await addInBatches(sp, 'Big', rows);
  });

  afterAll(() => server.close());

  it('pages every item with for await and absolute nextLinks, in order, with no gaps', async () => {
    server.resetRequestCount();
    const ids: number[] = [];
    let pages = 0;
    for await (const page of sp.web.lists.getByTitle('Big').items.select('Id', 'Title').top(2000)) {
      pages++;
      ids.push(...page.map((i: { Id: number }) => i.Id));
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(Array.from({ length: BIG }, (_, i) => i + 1));
    expect(server.requestCount()).toBe(3);
  });

  it('emits the nextLink SharePoint emits (lists(guid) path, skiptoken first, options re-emitted)', async () => {
    const res = await fetch(`${server.siteUrl}/_api/web/lists/getByTitle('Big')/items?%24select=Id%2CTitle&%24top=100`, {
      headers: { accept: 'application/json', 'x-standin-user': 'reader' }
    });
    const body = (await res.json()) as { 'odata.nextLink': string; value: unknown[] };
    expect(body.value).toHaveLength(100);
    expect(body['odata.nextLink']).toMatch(
      new RegExp(`^${server.siteUrl}/_api/web/lists\\(guid'[0-9a-f-]{36}'\\)/items\\?%24skiptoken=Paged%3DTRUE%26p_ID%3D100&%24select=Id%2CTitle&%24top=100$`)
    );
  });

  it('pages an ordered query with p_<field> in the skiptoken', async () => {
    const pages: { Id: number; Lifecycle: string }[][] = [];
    const query = sp.web.lists.getByTitle('Big').items.select('Id', 'Lifecycle').filter('Cohort eq 1').orderBy('Lifecycle').top(30);
    for await (const page of query) {
      pages.push(page);
    }
    const flat = pages.flat();
    expect(pages.map((p) => p.length)).toEqual([30, 30, 30, 10]);
    const expected = Array.from({ length: 100 }, (_, i) => ({ Id: i + 1, Lifecycle: STATUSES[i % 4] })).sort(
      (a, b) => a.Lifecycle.localeCompare(b.Lifecycle) || a.Id - b.Id
    );
    expect(flat.map((x) => x.Id)).toEqual(expected.map((x) => x.Id));
  });

  it('throttles a non-indexed filter or sort on a list over 5,000 items', async () => {
    const items = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => sp.web.lists.getByTitle('Big').items;
    const throttled =
      /\[500\].*"code":"-2147024860, Microsoft\.SharePoint\.SPQueryThrottledException","message":\{"lang":"en-US","value":"The attempted operation is prohibited because it exceeds the list view threshold\."\}/;
    await expect(items().filter("Lifecycle eq 'Closed'").top(10)()).rejects.toThrow(throttled);
    await expect(items().orderBy('Report').top(10)()).rejects.toThrow(throttled);
    // An indexed filter that still matches more than 5,000 rows is refused too.
    await expect(items().filter('Cohort eq 2').top(10)()).rejects.toThrow(throttled);
    await expect(items().top(5001)()).rejects.toThrow(throttled);
  });

  it('answers through an indexed column that narrows below the threshold, then indexes a column on demand', async () => {
    const list = sp.web.lists.getByTitle('Big');
    const closedInCohort1 = await list.items.select('Id').filter("Cohort eq 1 and Lifecycle eq 'Closed'").top(100)();
    expect(closedInCohort1.map((x) => x.Id)).toEqual(Array.from({ length: 25 }, (_, i) => i * 4 + 4));
    await spAs(server, 'admin').web.lists.getByTitle('Big').fields.getByInternalNameOrTitle('Batch').update({ Indexed: true });
    const batch7 = await list.items.select('Id', 'Batch').filter('Batch eq 7')();
    expect(batch7.map((x) => x.Id)).toEqual(Array.from({ length: 20 }, (_, i) => 141 + i));
  });

  it('runs a $batch of 100 writes (adds, updates, deletes) with flat responses', async () => {
    const admin = spAs(server, 'admin');
    await admin.web.lists.add('Batched');
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Batched');
    const adds = seeds.slice(0, 60).map((s) => list.items.add({ Title: titleOf(s) }));
    server.resetRequestCount();
    await execute();
    const added = await Promise.all(adds);
    expect(server.requestCount()).toBe(3);
    expect(added.map((a) => a.Title)).toEqual(seeds.slice(0, 60).map(titleOf));

    const [batched2, execute2] = sp.batched();
    const list2 = batched2.web.lists.getByTitle('Batched');
    const updates = added.slice(0, 30).map((a) => list2.items.getById(a.Id).update({ Title: `Updated ${a.Id}` }));
    const deletes = added.slice(30, 40).map((a) => list2.items.getById(a.Id).delete());
    const missing = list2.items.getById(999999).update({ Title: 'nowhere' });
    await execute2();
    const updated = await Promise.all(updates);
    await Promise.all(deletes);
    await expect(missing).rejects.toThrow(/\[404\].*Item does not exist/);
    expect(updated.every((u) => /,2"$/.test(u.etag))).toBe(true);
    const remaining = await sp.web.lists.getByTitle('Batched').items.select('Id', 'Title').top(100)();
    expect(remaining).toHaveLength(50);
    expect(remaining.filter((r) => r.Title.startsWith('Updated ')).length).toBe(30);
  });
});
