/**
 * The page's shared reads (data/sharedReads.ts) over a read that hands out pages as a list does:
 * who is handed which pages, when a finished read stops being shared, a failed read not kept, a
 * saved item put in place. Reads against SharePoint are in tests/integration/shared-reads.test.ts.
 */
import { SHARE_FOR_MS, forgetReads, onSaved, savedItem, sharedRead } from '../../src/data/sharedReads';

type Item = { id: number; name: string };
const SITE = 'https://contoso.sharepoint.com/sites/tracker';
const QUERY = 'recommendations';
const same = (a: Item, b: Item): boolean => a.id === b.id;

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
  const one = sharedRead(SITE, QUERY, list.read, first.onPage);
  list.page([{ id: 1, name: 'R1' }]);
  const two = sharedRead(SITE, QUERY, list.read, second.onPage);
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
  const done = sharedRead(SITE, QUERY, list.read, follower().onPage);
  list.finish();
  await done;
  now += SHARE_FOR_MS - 1;
  await sharedRead(SITE, QUERY, list.read, follower().onPage);
  expect(list.started()).toBe(1);
  now += 1;
  void sharedRead(SITE, QUERY, list.read, follower().onPage);
  expect(list.started()).toBe(2);
  list.finish();
});

test('a failed read is not kept: each follower sees the failure, and the next one reads again', async () => {
  const list = controlledRead();
  const asked = [sharedRead(SITE, QUERY, list.read, follower().onPage), sharedRead(SITE, QUERY, list.read, follower().onPage)];
  list.fail(new Error('503'));
  await expect(Promise.all(asked)).rejects.toThrow('503');
  void sharedRead(SITE, QUERY, list.read, follower().onPage);
  expect(list.started()).toBe(2);
  list.finish();
});

test('a saved item takes the place of the one read and is told to every listener of the site', async () => {
  const list = controlledRead();
  const done = sharedRead(SITE, QUERY, list.read, follower().onPage);
  list.page([{ id: 1, name: 'R1' }, { id: 2, name: 'R2' }]);
  list.finish();
  await done;
  const heard: Item[] = [];
  const stop = onSaved<Item>(SITE, (saved) => heard.push(saved));
  const elsewhere: Item[] = [];
  onSaved<Item>('https://contoso.sharepoint.com/sites/other', (saved) => elsewhere.push(saved))();
  savedItem<Item>(SITE, QUERY, { id: 2, name: 'R2 edited' }, same);
  savedItem<Item>(SITE, QUERY, { id: 3, name: 'R3' }, same);
  stop();
  savedItem<Item>(SITE, QUERY, { id: 1, name: 'R1 edited' }, same);
  expect(heard.map((i) => i.name)).toEqual(['R2 edited', 'R3']);
  expect(elsewhere).toEqual([]);
  const later = follower();
  await sharedRead(SITE, QUERY, list.read, later.onPage);
  expect(later.items.map((i) => i.name)).toEqual(['R1 edited', 'R2 edited', 'R3']);
  expect(list.started()).toBe(1);
});

test('a save while the read is under way forgets it: the item may yet come in a later page', async () => {
  const list = controlledRead();
  void sharedRead(SITE, QUERY, list.read, follower().onPage);
  savedItem<Item>(SITE, QUERY, { id: 7, name: 'R7' }, same);
  void sharedRead(SITE, QUERY, list.read, follower().onPage);
  expect(list.started()).toBe(2);
  list.finish();
});
