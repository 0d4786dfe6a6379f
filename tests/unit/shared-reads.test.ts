/**
 * The page's shared reads (data/sharedReads.ts) over a read that hands out pages as a list does:
 * who is handed which pages, when a finished read stops being shared, a failed read not kept, a
 * saved item put in place; and the pages a read keeps (data/pageBuffer.ts, which the early reads of
 * data/preload.ts keep too), patched by saves. Reads against SharePoint are in
 * tests/integration/shared-reads.test.ts.
 */
import { PageBuffer } from '../../src/data/pageBuffer';
import type { ItemMatch } from '../../src/data/pageBuffer';
import { etagVersion } from '../../src/data/TrackerDataSource';
import { SHARE_FOR_MS, forgetReads, onSaved, savedItem, sharedRead } from '../../src/data/sharedReads';

/** An item as a read holds it; `v`, when given, is its version (as SharePoint's ETag counts saves). */
type Item = { id: number; name: string; v?: number };
const SITE = 'https://contoso.sharepoint.com/sites/tracker';
const QUERY = 'recommendations';
const MATCH: ItemMatch<Item> = { same: (a, b) => a.id === b.id, version: (i) => i.v ?? null };

/** A read whose pages the test hands out one at a time, counting how often it was started. */
function controlledRead(): { read: (onPage: (items: Item[], incomplete: []) => void) => Promise<void>; page: (items: Item[]) => void; finish: () => void; fail: (e: Error) => void; started: () => number } {
  let started = 0;
  let onPage: ((items: Item[], incomplete: []) => void) | null = null;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  return {
    read: (listener) => {
      started += 1;
      onPage = listener;
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
    page: (items) => onPage?.(items, []),
    finish: () => settle?.resolve(),
    fail: (e) => settle?.reject(e),
    started: () => started
  };
}

function follower(): { items: Item[]; onPage: (items: Item[]) => void } {
  const got: { items: Item[]; onPage: (items: Item[]) => void } = { items: [], onPage: (items) => got.items.push(...items) };
  return got;
}

afterEach(() => {
  forgetReads(SITE);
  jest.restoreAllMocks();
});

test('a web part that asks while the read is under way is handed the pages so far, then the rest', async () => {
  const list = controlledRead();
  const first = follower();
  const second = follower();
  const one = sharedRead(SITE, QUERY, MATCH, list.read, first.onPage);
  list.page([{ id: 1, name: 'R1' }]);
  const two = sharedRead(SITE, QUERY, MATCH, list.read, second.onPage);
  list.page([{ id: 2, name: 'R2' }]);
  list.finish();
  await Promise.all([one, two]);
  expect(list.started()).toBe(1);
  expect(second.items).toEqual(first.items);
  expect(first.items.map((i) => i.id)).toEqual([1, 2]);
});

test('a finished read is shared for a while, then read afresh', async () => {
  let now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const list = controlledRead();
  const done = sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage);
  list.finish();
  await done;
  now += SHARE_FOR_MS - 1;
  await sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage);
  expect(list.started()).toBe(1);
  now += 1;
  void sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage);
  expect(list.started()).toBe(2);
  list.finish();
});

test('a failed read is not kept: each follower sees the failure, and the next one reads again', async () => {
  const list = controlledRead();
  const asked = [sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage), sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage)];
  list.fail(new Error('503'));
  await expect(Promise.all(asked)).rejects.toThrow('503');
  void sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage);
  expect(list.started()).toBe(2);
  list.finish();
});

test('a saved item takes the place of the one read and is told to every listener of the site', async () => {
  const list = controlledRead();
  const done = sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage);
  list.page([{ id: 1, name: 'R1' }, { id: 2, name: 'R2' }]);
  list.finish();
  await done;
  const heard: Item[] = [];
  const stop = onSaved<Item>(SITE, (saved) => heard.push(saved));
  const elsewhere: Item[] = [];
  onSaved<Item>('https://contoso.sharepoint.com/sites/other', (saved) => elsewhere.push(saved))();
  savedItem<Item>(SITE, QUERY, { id: 2, name: 'R2 edited' });
  savedItem<Item>(SITE, QUERY, { id: 3, name: 'R3' });
  stop();
  savedItem<Item>(SITE, QUERY, { id: 1, name: 'R1 edited' });
  expect(heard.map((i) => i.name)).toEqual(['R2 edited', 'R3']);
  expect(elsewhere).toEqual([]);
  const later = follower();
  await sharedRead(SITE, QUERY, MATCH, list.read, later.onPage);
  expect(later.items.map((i) => i.name)).toEqual(['R1 edited', 'R2 edited', 'R3']);
  expect(list.started()).toBe(1);
});

test('a save while the read is under way of an item not read yet keeps the read shared: the item in its page as saved, or a new one after the others', async () => {
  const list = controlledRead();
  const first = follower();
  const firstDone = sharedRead(SITE, QUERY, MATCH, list.read, first.onPage);
  list.page([{ id: 1, name: 'R1' }]);
  savedItem<Item>(SITE, QUERY, { id: 2, name: 'R2 edited' });
  savedItem<Item>(SITE, QUERY, { id: 7, name: 'R7' });
  const later = follower();
  const laterDone = sharedRead(SITE, QUERY, MATCH, list.read, later.onPage);
  expect(list.started()).toBe(1);
  list.page([{ id: 2, name: 'R2' }]);
  list.finish();
  await Promise.all([firstDone, laterDone]);
  // Both followers: item 2 as saved, the new item 7 once, as a last page before the read is done.
  expect(first.items.map((i) => i.name)).toEqual(['R1', 'R2 edited', 'R7']);
  expect(later.items.map((i) => i.name)).toEqual(['R1', 'R2 edited', 'R7']);
});

test('a save while the read is under way puts an item already read in its place, and the read stays shared', async () => {
  const list = controlledRead();
  void sharedRead(SITE, QUERY, MATCH, list.read, follower().onPage);
  list.page([{ id: 1, name: 'R1' }, { id: 2, name: 'R2' }]);
  savedItem<Item>(SITE, QUERY, { id: 2, name: 'R2 edited' });
  const later = follower();
  const done = sharedRead(SITE, QUERY, MATCH, list.read, later.onPage);
  list.page([{ id: 3, name: 'R3' }]);
  list.finish();
  await done;
  expect(list.started()).toBe(1);
  expect(later.items.map((i) => i.name)).toEqual(['R1', 'R2 edited', 'R3']);
});

test('the site listeners are left whole when one unsubscribe is called twice', () => {
  const heard: Item[] = [];
  const stop = onSaved<Item>(SITE, () => undefined);
  stop();
  const stopHearing = onSaved<Item>(SITE, (saved) => heard.push(saved));
  stop();
  savedItem<Item>(SITE, QUERY, { id: 1, name: 'R1' });
  stopHearing();
  expect(heard.map((i) => i.name)).toEqual(['R1']);
});

describe('ETag versions', () => {
  test('reads the version of a listing\'s odata.etag and of a save\'s ETag header, and nothing else', () => {
    expect(etagVersion('"4"')).toBe(4);
    expect(etagVersion('"68be87d5-1c2b-4e5f-9a0b-1c2d3e4f5a6b,9"')).toBe(9);
    expect(etagVersion('W/"3"')).toBeNull();
    expect(etagVersion('"68be87d5-1c2b-4e5f-9a0b-1c2d3e4f5a6b"')).toBeNull();
    expect(etagVersion('*')).toBeNull();
  });
});

describe('a read\'s pages, patched by saves', () => {
  const names = (buffer: PageBuffer<Item>): string[] => buffer.items().map((i) => i.name);

  test('an item saved while the read is under way is put in place if read, else in its page when it comes: never twice', () => {
    const buffer = new PageBuffer<Item>(MATCH);
    const first = [{ id: 1, name: 'R1' }, { id: 2, name: 'R2' }];
    expect(buffer.push(first, [])).toBe(first);
    buffer.patch({ id: 1, name: 'R1 edited' });
    // A page already handed to a view is not changed under it: the buffer holds a new one.
    expect(first.map((i) => i.name)).toEqual(['R1', 'R2']);
    // Item 3 is not read yet: its page, asked for before the save, brings it as it was.
    buffer.patch({ id: 3, name: 'R3 edited' });
    const second = buffer.push([{ id: 3, name: 'R3' }], [{ list: 'recommendations', listTitle: 'Recommendations', id: 4, title: 'R4', problems: [], editUrl: 'https://contoso.sharepoint.com/sites/tracker/Lists/Recommendations/EditForm.aspx?ID=4' }]);
    expect(second.map((i) => i.name)).toEqual(['R3 edited']);
    expect(buffer.finish()).toEqual([]);
    expect(names(buffer)).toEqual(['R1 edited', 'R2', 'R3 edited']);
    expect(buffer.count).toBe(2);
    expect(buffer.incomplete()).toHaveLength(1);
  });

  test('an item added while the read is under way, after its page was asked for, comes after the others when the read finishes, once, as last saved', () => {
    const buffer = new PageBuffer<Item>(MATCH);
    buffer.push([{ id: 1, name: 'R1' }], []);
    buffer.patch({ id: 9, name: 'R9' });
    buffer.patch({ id: 9, name: 'R9 edited' });
    buffer.push([{ id: 2, name: 'R2' }], []);
    expect(names(buffer)).toEqual(['R1', 'R2']);
    expect(buffer.finish()).toEqual([{ id: 9, name: 'R9 edited' }]);
    expect(names(buffer)).toEqual(['R1', 'R2', 'R9 edited']);
    expect(buffer.count).toBe(3);
  });

  test('a new item saved once every page is in comes after the others, once, and a later save of it replaces it', () => {
    const buffer = new PageBuffer<Item>(MATCH);
    buffer.push([{ id: 1, name: 'R1' }], []);
    buffer.finish();
    buffer.patch({ id: 9, name: 'R9' });
    buffer.patch({ id: 9, name: 'R9 edited' });
    expect(names(buffer)).toEqual(['R1', 'R9 edited']);
    expect(buffer.count).toBe(2);
  });

  test('a save older than the version a page holds does not replace it: someone saved the item again since', () => {
    const buffer = new PageBuffer<Item>(MATCH);
    buffer.push([{ id: 1, name: 'R1 as read', v: 3 }], []);
    buffer.patch({ id: 1, name: 'R1 saved here', v: 2 });
    buffer.patch({ id: 2, name: 'R2 saved here', v: 4 });
    buffer.patch({ id: 3, name: 'R3 saved here', v: 5 });
    // Item 2's page was answered after a later save by someone else; item 3's holds this save.
    expect(buffer.push([{ id: 2, name: 'R2 as read', v: 6 }, { id: 3, name: 'R3 as read', v: 5 }], []).map((i) => i.name)).toEqual(['R2 as read', 'R3 saved here']);
    buffer.patch({ id: 1, name: 'R1 saved again', v: 4 });
    expect(names(buffer)).toEqual(['R1 saved again', 'R2 as read', 'R3 saved here']);
  });

  test('replays every page held, or those from a page on', () => {
    const buffer = new PageBuffer<Item>(MATCH);
    buffer.push([{ id: 1, name: 'R1' }], []);
    buffer.push([{ id: 2, name: 'R2' }], []);
    buffer.patch({ id: 2, name: 'R2 edited' });
    const all = follower();
    buffer.replay(all.onPage);
    const rest = follower();
    buffer.replay(rest.onPage, 1);
    expect(all.items.map((i) => i.name)).toEqual(['R1', 'R2 edited']);
    expect(rest.items.map((i) => i.name)).toEqual(['R2 edited']);
  });
});
