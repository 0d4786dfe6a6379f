/**
 * The reads a tracker or dashboard starts with (the RAG policy, the reports, the recommendations
 * page by page), started as the web part mounts, beside the set-up check (who is signed in, are
 * the lists there) rather than after it: the first rows arrive one round trip sooner. The view
 * that draws them takes the reads over once; pages that arrived before it did are replayed to it.
 * Until then, a save made on the page (through any web part's data source) patches those pages
 * (data/pageBuffer.ts), so that the view is handed the item as saved; once it has taken them, the
 * view follows saves itself.
 */
import type { RagPolicy } from '../core/status';
import { PageBuffer } from './pageBuffer';
import type { OnPage as OnPageOf } from './pageBuffer';
import { sameRecommendation } from './TrackerDataSource';
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
   * What is in at this moment, if the policy and the reports are, with the saves made on the page
   * since it was read: a view that mounts now draws it in its first render rather than rendering
   * empty and again as each promise's callback runs.
   */
  soFar(): ReadSoFar | null;
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
  const pages = new PageBuffer<ListedRecord>();
  let listener: OnPage | null = null;
  let firstPage = (): void => undefined;
  const paged = new Promise<void>((resolve) => (firstPage = resolve));
  const done = data.loadRecommendations((page, incomplete) => {
    pages.push(page, incomplete);
    firstPage();
    listener?.(page, incomplete);
  });
  // Saves made on the page patch the pages until the view takes them (it then follows saves
  // itself), or until a read fails (the reads are then never handed over).
  let unfollow: (() => void) | null = data.onRecommendationSaved((saved) => pages.patch(saved, sameRecommendation));
  const handedOver = (): void => {
    unfollow?.();
    unfollow = null;
  };
  const policy = data.ragPolicy();
  const reports = data.readReports();
  done.then(firstPage, firstPage);
  Promise.all([policy, reports, done]).catch(handedOver);
  // Kept as they settle (these callbacks are the first registered, so they run before any view's).
  let settled: { policy?: RagPolicy; reports?: ReadSoFar['reports']; finished: boolean } = { finished: false };
  policy.then((value) => (settled = { ...settled, policy: value }), () => undefined);
  reports.then((value) => (settled = { ...settled, reports: value }), () => undefined);
  done.then(
    () => {
      pages.finish();
      settled = { ...settled, finished: true };
    },
    () => undefined
  );
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
    soFar() {
      if (settled.policy === undefined || settled.reports === undefined) return null;
      return {
        policy: settled.policy,
        reports: settled.reports,
        pages: pages.count,
        records: pages.items(),
        incomplete: pages.incomplete(),
        finished: settled.finished
      };
    }
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
  private failed = false;

  public constructor(data: TrackerDataSource) {
    this.reads = startReads(data);
    this.firstIn = this.reads.firstIn;
    const fail = (): void => {
      this.failed = true;
    };
    // Caught here, so that a failure before the view takes the reads over is not unhandled; the
    // view's own awaits still see it.
    this.reads.policy.catch(fail);
    this.reads.reports.catch(fail);
    this.reads.finished.catch(fail);
  }

  /** The early reads the first time, if none failed; afterwards (and after a failure) fresh ones. */
  public take(data: TrackerDataSource): TrackerReads {
    const early = this.reads;
    this.reads = null;
    return early !== null && !this.failed ? early : startReads(data);
  }
}
