/**
 * `$batch` with a bad part, as SharePoint Online answers it: a body that cannot be read is refused
 * whole (400) before any part runs; otherwise every part gets its own answer, and a part that fails
 * changes nothing while the others stand (SharePoint's changesets are not transactional). Either
 * way, what the answer says was written is exactly what the list holds. Raw REST and PnPjs.
 */
import { createRecommendationsList, lancashireRecommendations, spAs, start, titleOf, type Standin } from './standin.helpers';

const seeds = lancashireRecommendations();

let server: Standin;
let itemsUrl: string;

beforeAll(async () => {
  server = await start();
  await createRecommendationsList(server);
  itemsUrl = `${server.siteUrl}/_api/web/lists/getByTitle('Recommendations')/items`;
  await spAs(server, 'admin').web.lists.getByTitle('Recommendations').items.add({ Title: titleOf(seeds[0]), Lifecycle: 'Open' });
});

afterAll(() => server.close());

/** Everything in the list, as the site admin reads it. */
async function listed(): Promise<{ Id: number; Title: string; Lifecycle: string | null }[]> {
  const items: { Id: number; Title: string; Lifecycle: string | null }[] = await spAs(server, 'admin').web.lists.getByTitle('Recommendations').items.select('Id', 'Title', 'Lifecycle').orderBy('Id')();
  return items.map(({ Id, Title, Lifecycle }) => ({ Id, Title, Lifecycle }));
}

/** One changeset part: a request line, its headers and body. */
function part(requestLine: string, body?: unknown, ifMatch?: string): string[] {
  return ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', requestLine, 'accept: application/json', 'content-type: application/json;charset=utf-8', ...(ifMatch ? [`if-match: ${ifMatch}`] : []), '', body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body), ''];
}

/** A batch of one changeset, as PnPjs sends consecutive writes; `closed: false` leaves off the closing delimiters. */
async function postChangeset(parts: string[][], closed = true): Promise<{ status: number; statuses: number[]; text: string }> {
  const lines = ['--batch_1', 'Content-Type: multipart/mixed; boundary="changeset_1"', '', ...parts.flatMap((p) => ['--changeset_1', ...p]), ...(closed ? ['--changeset_1--', '', '--batch_1--', ''] : [])];
  const res = await fetch(`${server.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=batch_1', 'x-standin-user': 'admin' }, body: lines.join('\r\n') });
  const text = await res.text();
  return { status: res.status, statuses: [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1])), text };
}

describe('a $batch whose body cannot be read is refused whole, before any part runs', () => {
  it.each([
    ['a part whose URL is not a URL', (): string[][] => [part(`POST ${itemsUrl} HTTP/1.1`, { Title: titleOf(seeds[1]) }), part('POST http://[::1/items HTTP/1.1', { Title: titleOf(seeds[2]) })], true, /The batch part URL 'http:\/\/\[::1\/items' is not a URL\./],
    ['a part whose request line is not a request', (): string[][] => [part(`POST ${itemsUrl} HTTP/1.1`, { Title: titleOf(seeds[1]) }), part('ADD THIS ITEM PLEASE')], true, /The batch part request line 'ADD THIS ITEM PLEASE' is not valid\./],
    ['a body cut short before its closing delimiters', (): string[][] => [part(`POST ${itemsUrl} HTTP/1.1`, { Title: titleOf(seeds[1]) }), part(`POST ${itemsUrl} HTTP/1.1`, { Title: titleOf(seeds[2]) })], false, /no closing delimiter '--batch_1--'/]
  ])('%s: 400, and the list is unchanged', async (_what, parts, closed, message) => {
    const before = await listed();
    const answer = await postChangeset(parts(), closed);
    expect(answer.status).toBe(400);
    expect(answer.statuses).toEqual([]);
    expect(answer.text).toMatch(message);
    expect(await listed()).toEqual(before);
  });
});

describe('a bad part in a changeset that can be read', () => {
  it('is answered with its own error and writes nothing; the parts around it are answered and written', async () => {
    const before = await listed();
    const answer = await postChangeset([
      part(`POST ${itemsUrl} HTTP/1.1`, { Title: titleOf(seeds[3]) }),
      part(`POST ${itemsUrl} HTTP/1.1`, '{"Title": "cut off'),
      part(`POST ${itemsUrl} HTTP/1.1`, { Title: titleOf(seeds[4]), NoSuchColumn: 'x' }),
      part(`MERGE ${itemsUrl}(1) HTTP/1.1`, { Title: 'a stale edit', Lifecycle: 'Closed' }, '"7"'),
      part(`MERGE ${itemsUrl}(1) HTTP/1.1`, { Lifecycle: 'Being progressed' }, '*')
    ]);
    expect(answer.status).toBe(200);
    expect(answer.statuses).toEqual([201, 400, 400, 412, 204]);
    const after = await listed();
    expect(after.slice(0, before.length)).toEqual(before.map((i) => (i.Id === 1 ? { ...i, Lifecycle: 'Being progressed' } : i)));
    expect(after.slice(before.length).map((i) => i.Title)).toEqual([titleOf(seeds[3])]);
  });

  it('through PnPjs sp.batched(): exactly the writes whose promises resolved are in the list', async () => {
    const sp = spAs(server, 'analyst');
    const before = await listed();
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Recommendations');
    const outcomes = [
      list.items.add({ Title: titleOf(seeds[5]), Lifecycle: 'Open' }),
      list.items.add({ Title: titleOf(seeds[6]), NoSuchColumn: 'x' }),
      list.items.getById(1).update({ Title: 'a stale edit' }, '"1"'),
      list.items.add({ Title: titleOf(seeds[7]), YearMade: 'two thousand and seventeen' }),
      list.items.add({ Title: titleOf(seeds[8]), Lifecycle: 'Being progressed' })
    ].map((p) => p.then(() => 'written', (e: unknown) => String((e as Error).message).match(/\[(\d{3})\]/)?.[1] ?? 'failed'));
    await execute();
    expect(await Promise.all(outcomes)).toEqual(['written', '400', '412', '400', 'written']);
    const after = await listed();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((i) => [i.Title, i.Lifecycle])).toEqual([
      [titleOf(seeds[5]), 'Open'],
      [titleOf(seeds[8]), 'Being progressed']
    ]);
  });
});
