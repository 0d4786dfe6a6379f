/**
 * The deep links that open one item (core/deepLinks.ts): every link the tracker writes reads back
 * as the item it names, through the same readers the tracker page, My Actions and the workbench use.
 */
import {
  itemIdFromQuery,
  itemIdFromSubEntity,
  myActionsDeepLink,
  openItemUrl,
  subEntityOfDeepLink,
  updateDeepLink,
  withItemParam
} from '../../src/core/deepLinks';

const LINKS = {
  teamsAppId: '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13',
  myActionsEntityId: 'myactions',
  trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx'
};

describe('?item= round trip', () => {
  it.each([1, 42, 999999999])('the tracker page written for item %d opens item %d', (id) => {
    const url = new URL(openItemUrl(LINKS, id));
    expect(url.origin + url.pathname).toBe(LINKS.trackerUrl);
    expect(itemIdFromQuery(url.search)).toBe(id);
  });

  it('keeps the page’s other parameters and replaces an item already named', () => {
    const url = new URL(withItemParam('http://127.0.0.1:4321/?page=tracker&item=3', 7));
    expect(url.searchParams.get('page')).toBe('tracker');
    expect(url.searchParams.getAll('item')).toEqual(['7']);
    expect(itemIdFromQuery(url.search)).toBe(7);
  });

  it.each([
    ['?item=42', 42],
    ['?page=tracker&item=7', 7],
    ['?item=0042', 42],
    ['?item=999999999', 999999999]
  ])('%s opens item %d', (search, id) => {
    expect(itemIdFromQuery(search)).toBe(id);
  });

  it.each(['', '?item=', '?item=0', '?item=-1', '?item=1e3', '?item=4.5', '?item=%2042', '?item=1234567890', '?item=42abc', '?item=javascript:alert(1)'])('%j opens nothing', (search) => {
    expect(itemIdFromQuery(search)).toBeNull();
  });
});

describe('Teams subEntityId round trip', () => {
  it.each([1, 42, 999999999])('the update deep link written for item %d opens item %d in My Actions', (id) => {
    const link = new URL(updateDeepLink(LINKS, id));
    expect(link.origin + link.pathname).toBe(myActionsDeepLink(LINKS));
    const subEntityId = subEntityOfDeepLink(link);
    expect(subEntityId).toBe(String(id));
    expect(itemIdFromSubEntity(subEntityId ?? undefined)).toBe(id);
  });

  it('writes the context Teams documents: {"subEntityId":"<id>"}', () => {
    expect(updateDeepLink(LINKS, 42)).toBe('https://teams.microsoft.com/l/entity/3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13/myactions?context=%7B%22subEntityId%22%3A%2242%22%7D');
  });

  it('reads no sub-entity from a link to the app itself, a context without one, or a context that is no JSON', () => {
    expect(subEntityOfDeepLink(new URL(myActionsDeepLink(LINKS)))).toBeNull();
    expect(subEntityOfDeepLink(new URL(`${myActionsDeepLink(LINKS)}?context=${encodeURIComponent('{"channelId":"x"}')}`))).toBeNull();
    expect(subEntityOfDeepLink(new URL(`${myActionsDeepLink(LINKS)}?context=%7Bnot`))).toBeNull();
    expect(subEntityOfDeepLink(new URL(`${myActionsDeepLink(LINKS)}?context=${encodeURIComponent('{"subEntityId":17}')}`))).toBe('17');
  });

  it.each([
    [' 42 ', 42],
    ['0042', 42]
  ])('sub-entity %j names item %d', (raw, id) => {
    expect(itemIdFromSubEntity(raw)).toBe(id);
  });

  it.each([undefined, '', '0', '-1', '4.5', '1234567890', 'abc', '42; drop'])('sub-entity %j names no item', (raw) => {
    expect(itemIdFromSubEntity(raw)).toBeNull();
  });
});
