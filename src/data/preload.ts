/**
 * The reads a tracker or dashboard starts with (the RAG policy, the reports, the recommendations
 * page by page), started as the web part mounts, beside the set-up check (who is signed in, are
 * the lists there) rather than after it: the first rows arrive one round trip sooner. The view
 * that draws them takes the reads over once; pages that arrived before it did are replayed to it.
 * Until then, a save made on the page (through any web part's data source) patches those pages,
 * or the page its item comes in, or comes as a last page when the item is new (data/pageBuffer.ts),
 * so that the view is handed the item as saved; once it has taken them, the view follows saves itself.
 */
import type { RagPolicy } from '../core/status';
import { PageBuffer } from './pageBuffer';
import type { OnPage as OnPageOf } from './pageBuffer';
import { RECOMMENDATION_MATCH } from './TrackerDataSource';
import type { IncompleteItem, ListedRecord, TrackerDataSource } from './TrackerDataSource';

type OnPage = OnPageOf<ListedRecord>;

export interface TrackerReads {
  policy: Promise<RagPolicy>;
  reports: ReturnType<TrackerDataSource['readReports']>;
  /** Settles when every page of recommendations is read (or one failed). */
  finished: Promise<void>;
  /** Resolves when what a view draws first is in (the policy, the reports, the first page), or one of them failed. */
  firstIn: Promise<void>;
  /**
   * Hands each page read so far to `onPage`, then each page as it arrives; resolves when all are
   * read. With `from`, the pages before it (already taken with {@link TrackerReads.soFar}) are skipped.
   * The view has taken the reads over: saves made on the page from then on are its to follow.
   */
  recommendations(onPage: OnPage, from?: number): Promise<void>;
  /**
   * Every page, with the saves made on the page put over them, once `finished` has resolved: for a
   * view that draws nothing until all are in (the dashboard). It takes the reads over as
   * {@link TrackerReads.recommendations} does, so it follows saves itself from the same task on.
   */
  everything(): { records: ListedRecord[]; incomplete: IncompleteItem[] };
  /**
   * What is in at this moment, if the policy and the reports are, with the saves made on the page
   * since it was read: a view that mounts now draws it in its first render rather than rendering
   * empty and again as each promise's callback runs.
   */
  soFar(): ReadSoFar | null;
  /**
   * True once one of the reads has failed (the failure itself is handled here, so it is never
   * unhandled; a view's own awaits still see it).
   */
  failed(): boolean;
}

/** The reads' results so far, taken synchronously. */
export interface ReadSoFar {
  policy: RagPolicy;
  reports: Awaited<ReturnType<TrackerDataSource['readReports']>>;
  /** How many pages of recommendations `records` holds. */
  pages: number;
  records: ListedRecord[];
  incomplete: IncompleteItem[];
  /** Every page is in. */
  finished: boolean;
}

/** The reads, started now. */
export function startReads(data: TrackerDataSource): TrackerReads {
  const pages = new PageBuffer<ListedRecord>(RECOMMENDATION_MATCH);
  let listener: OnPage | null = null;
  let firstPage = (): void => undefined;
  const paged = new Promise<void>((resolve) => (firstPage = resolve));
  const done = data.loadRecommendations((page, incomplete) => {
    const held = pages.push(page, incomplete);
    firstPage();
    listener?.(held, incomplete);
  });
  // Saves made on the page patch the pages until the view takes them (it then follows saves
  // itself), or until a read fails (the reads are then never handed over).
  let unfollow: (() => void) | null = data.onRecommendationSaved((saved) => pages.patch(saved));
  const handedOver = (): void => {
    unfollow?.();
    unfollow = null;
  };
  const policy = data.ragPolicy();
  const reports = data.readReports();
  done.then(firstPage, firstPage);
  // Kept as they settle (these callbacks are the first registered, so they run before any view's).
  // A failed read is never handed over, so its pages stop following saves.
  let policyIn: RagPolicy | undefined;
  let reportsIn: ReadSoFar['reports'] | undefined;
  let failed = false;
  const fail = (): void => {
    failed = true;
    handedOver();
  };
  policy.then((value) => (policyIn = value), fail);
  reports.then((value) => (reportsIn = value), fail);
  // An item saved before the hand-over that no page held reaches the view as a last page, before
  // the view hears that the read is done (this callback is registered before any view's).
  done.then(() => {
    const added = pages.finish();
    if (added.length > 0) listener?.(added, []);
  }, fail);
  return {
    policy,
    reports,
    finished: done,
    firstIn: Promise.allSettled([policy, reports, paged]).then(() => undefined),
    recommendations(onPage, from = 0) {
      handedOver();
      pages.replay(onPage, from);
      listener = onPage;
      return done;
    },
    everything() {
      if (!pages.finished) throw new Error('The reads are not finished: wait for `finished` before taking every page.');
      handedOver();
      return { records: pages.items(), incomplete: pages.incomplete() };
    },
    soFar() {
      if (policyIn === undefined || reportsIn === undefined) return null;
      return { policy: policyIn, reports: reportsIn, pages: pages.count, records: pages.items(), incomplete: pages.incomplete(), finished: pages.finished };
    },
    failed: () => failed
  };
}

/**
 * Reads started before the view mounted, taken over once. A read that failed before then (the
 * lists were not there yet, and a site owner has since set them up) is not handed over: the view
 * reads afresh, as it does on Refresh.
 */
export class EarlyReads {
  /** See {@link TrackerReads.firstIn}: a host may hold its own work until then. */
  public readonly firstIn: Promise<void>;
  private reads: TrackerReads | null;

  public constructor(data: TrackerDataSource) {
    this.reads = startReads(data);
    this.firstIn = this.reads.firstIn;
  }

  /** The early reads the first time, if none failed; afterwards (and after a failure) fresh ones. */
  public take(data: TrackerDataSource): TrackerReads {
    const early = this.reads;
    this.reads = null;
    return early !== null && !early.failed() ? early : startReads(data);
  }
}
