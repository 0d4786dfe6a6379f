/**
 * One read per page for web parts that ask for the same items. A SharePoint page with a dashboard
 * and two trackers over one site would otherwise read its 10,000 recommendations three times. The
 * data layer is one chunk on the page (SPFx loads it once, whichever web part asks first), so this
 * module's registry is the page's: a read asked for by site and query while the same read is under
 * way, or finished less than {@link SHARE_FOR_MS} ago, is that read (the same promise, its pages
 * so far replayed); each web part still applies its own filters to what it receives.
 *
 * A save through any web part's data source patches the shared items (data/pageBuffer.ts) and tells
 * every listener on the page (the other web parts show the saved item, and reads started early for a
 * view not yet mounted patch their own pages: data/preload.ts); a refresh, or a write that changes
 * many items, forgets the site's reads, so that the next one goes to SharePoint.
 */
import { PageBuffer } from './pageBuffer';
import type { ItemMatch, OnPage } from './pageBuffer';

/** How long a finished read still serves web parts that ask for it (those a page draws late). */
export const SHARE_FOR_MS = 30000;

/** One read of a list's pages, followed by any number of web parts. */
class SharedRead<T> {
  private readonly pages: PageBuffer<T>;
  private readonly listeners = new Set<OnPage<T>>();
  /** Settles when every page is read (or one failed). */
  public readonly done: Promise<void>;
  private finishedAt: number | null = null;

  public constructor(match: ItemMatch<T>, read: (onPage: OnPage<T>) => Promise<void>, onFailed: () => void) {
    this.pages = new PageBuffer<T>(match);
    this.done = read((items, incomplete) => {
      const held = this.pages.push(items, incomplete);
      for (const listener of this.listeners) listener(held, incomplete);
    });
    // Before any follower hears that the read is done (registered first): an item saved while
    // the read was under way that no page held reaches them as a last page.
    this.done.then(
      () => {
        this.finishedAt = Date.now();
        const added = this.pages.finish();
        if (added.length > 0) for (const listener of this.listeners) listener(added, []);
      },
      onFailed
    );
  }

  /** True while under way, and for a while after it finished. */
  public get current(): boolean {
    return this.finishedAt === null || Date.now() - this.finishedAt < SHARE_FOR_MS;
  }

  /** Hands each page read so far to `onPage`, then each page as it arrives; resolves when all are read. */
  public follow(onPage: OnPage<T>): Promise<void> {
    this.pages.replay(onPage);
    this.listeners.add(onPage);
    const stop = (): void => {
      this.listeners.delete(onPage);
    };
    return this.done.then(stop, (e: unknown) => {
      stop();
      throw e;
    });
  }

  /** See {@link PageBuffer.patch}. */
  public patch(saved: T): void {
    this.pages.patch(saved);
  }
}

const reads = new Map<string, SharedRead<unknown>>();
const savedListeners = new Map<string, Set<(saved: unknown) => void>>();

function key(site: string, query: string): string {
  return `${site}\n${query}`;
}

/**
 * The read of `query` on `site` that is under way or just finished, else a new one started by
 * `read` (its items told apart and versioned by `match`); `onPage` receives its pages. Resolves
 * when every page is read.
 */
export function sharedRead<T>(site: string, query: string, match: ItemMatch<T>, read: (onPage: OnPage<T>) => Promise<void>, onPage: OnPage<T>): Promise<void> {
  const k = key(site, query);
  let shared = reads.get(k) as SharedRead<T> | undefined;
  if (shared === undefined || !shared.current) {
    const started: SharedRead<T> = new SharedRead<T>(match, read, () => {
      if (reads.get(k) === started) reads.delete(k);
    });
    shared = started;
    reads.set(k, started as unknown as SharedRead<unknown>);
  }
  return shared.follow(onPage);
}

/** Forgets every read of `site`: the next read of each query goes to SharePoint. */
export function forgetReads(site: string): void {
  for (const k of [...reads.keys()]) if (k.startsWith(`${site}\n`)) reads.delete(k);
}

/**
 * After a save of one item on `site`: the read of `query` holds the saved item in place of the one
 * it read, or after the others when it is new (see {@link PageBuffer.patch}), and every listener on
 * the page is told.
 */
export function savedItem<T>(site: string, query: string, saved: T): void {
  (reads.get(key(site, query)) as SharedRead<T> | undefined)?.patch(saved);
  for (const listener of savedListeners.get(site) ?? []) listener(saved);
}

/** Calls `listener` with each item saved on `site` through any data source on the page; returns the unsubscribe. */
export function onSaved<T>(site: string, listener: (saved: T) => void): () => void {
  const set = savedListeners.get(site) ?? new Set<(saved: unknown) => void>();
  savedListeners.set(site, set);
  const wrapped = listener as (saved: unknown) => void;
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
    // Only the site's current set: called twice, this must not drop listeners added since.
    if (set.size === 0 && savedListeners.get(site) === set) savedListeners.delete(site);
  };
}
