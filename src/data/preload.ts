/**
 * The reads a tracker or dashboard starts with (the RAG policy, the reports, the recommendations
 * page by page), started as the web part mounts, beside the set-up check (who is signed in, are
 * the lists there) rather than after it: the first rows arrive one round trip sooner. The view
 * that draws them takes the reads over once; pages that arrived before it did are replayed to it.
 */
import type { RagPolicy } from '../core/status';
import type { IncompleteItem, ListedRecord, TrackerDataSource } from './TrackerDataSource';

type OnPage = (page: ListedRecord[], incomplete: IncompleteItem[]) => void;

export interface TrackerReads {
  policy: Promise<RagPolicy>;
  reports: ReturnType<TrackerDataSource['readReports']>;
  /** Settles when every page of recommendations is read (or one failed). */
  finished: Promise<void>;
  /** Hands each page read so far to `onPage`, then each page as it arrives; resolves when all are read. */
  recommendations(onPage: OnPage): Promise<void>;
}

/** The reads, started now. */
export function startReads(data: TrackerDataSource): TrackerReads {
  const pages: [ListedRecord[], IncompleteItem[]][] = [];
  let listener: OnPage | null = null;
  const done = data.loadRecommendations((page, incomplete) => {
    pages.push([page, incomplete]);
    listener?.(page, incomplete);
  });
  return {
    policy: data.ragPolicy(),
    reports: data.readReports(),
    finished: done,
    recommendations(onPage) {
      for (const [page, incomplete] of pages) onPage(page, incomplete);
      listener = onPage;
      return done;
    }
  };
}

/**
 * Reads started before the view mounted, taken over once. A read that failed before then (the
 * lists were not there yet, and a site owner has since set them up) is not handed over: the view
 * reads afresh, as it does on Refresh.
 */
export class EarlyReads {
  private reads: TrackerReads | null;
  private failed = false;

  public constructor(data: TrackerDataSource) {
    this.reads = startReads(data);
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
