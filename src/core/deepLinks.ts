/**
 * The deep links that open one item, written and read in one place: a tracker page's `?item=<id>`
 * (My Actions' "Open in the tracker", a reminder card's "Open item", the rules page's preview) and a
 * Teams deep link into the My Actions app whose context carries `subEntityId` = the item id (the tab
 * then opens that item's update dialog; TeamsJS v2 hands it over as `page.subPageId`).
 */

/** Where the reminder cards' buttons lead. */
export interface LinkSettings {
  /** The Teams app id (manifest `id`) of the tracker app. */
  teamsAppId: string;
  /** The `entityId` of the My Actions static tab in the manifest. */
  myActionsEntityId: string;
  /** The tracker page in SharePoint; the item id is added as `?item=<id>`. */
  trackerUrl: string;
}

/** The query parameter naming the item a tracker page opens. */
const ITEM_PARAM = 'item';

/** An item id as a link writes it: 1 to 9 digits, not zero; anything else names no item. */
function itemId(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^\d{1,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

/** The page at `pageUrl` (absolute) opening item `id`: its other parameters are kept. */
export function withItemParam(pageUrl: string, id: number): string {
  const url = new URL(pageUrl);
  url.searchParams.set(ITEM_PARAM, String(id));
  return url.toString();
}

/** The tracker page showing one item. */
export function openItemUrl(links: LinkSettings, id: number): string {
  return withItemParam(links.trackerUrl, id);
}

/** The tracker's views a page address can ask for besides the grid. */
export type TrackerViewName = 'round';

/** The view the page address asks for (`?view=round`, the update round), or null for the grid. */
export function viewFromQuery(search: string): TrackerViewName | null {
  return new URLSearchParams(search).get('view') === 'round' ? 'round' : null;
}

/**
 * The item a page address asks the tracker to open: `?item=<id>`, as {@link withItemParam} writes
 * it. Null when there is none, or it is no id.
 */
export function itemIdFromQuery(search: string): number | null {
  return itemId(new URLSearchParams(search).get(ITEM_PARAM));
}

/** A Teams deep link opening My Actions itself. */
export function myActionsDeepLink(links: LinkSettings): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/${encodeURIComponent(links.myActionsEntityId)}`;
}

/** A Teams deep link opening My Actions at an item's update dialog (`subEntityId` = item id). */
export function updateDeepLink(links: LinkSettings, id: number): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: String(id) }));
  return `${myActionsDeepLink(links)}?context=${context}`;
}

/**
 * The `subEntityId` a Teams deep link's `context` parameter carries (as {@link updateDeepLink}
 * writes it), or null when it carries none or the context is no JSON.
 */
export function subEntityOfDeepLink(link: URL): string | null {
  const context = link.searchParams.get('context');
  if (context === null) return null;
  try {
    const value: unknown = JSON.parse(context);
    const id = typeof value === 'object' && value !== null ? (value as { subEntityId?: unknown }).subEntityId : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

/** The item id a deep link's `subEntityId` names, or null when it names none (or nonsense). */
export function itemIdFromSubEntity(subEntityId: string | undefined): number | null {
  return itemId(subEntityId?.trim());
}
