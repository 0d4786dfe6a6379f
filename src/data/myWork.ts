/**
 * What My Actions reads: the signed-in person's recommendations and actions, on indexed columns
 * (owner, then directorate or report for a channel tab), through the data layer. Saving goes through
 * the tracker's own {@link TrackerDataSource}, so the tab and the tracker save alike.
 */
import type { SPFI } from '@pnp/sp';
import type { Action, Lifecycle, Recommendation } from '../core/model';
import { SIGN_OFF_LIFECYCLES, waitsForSignOffBy } from '../core/permissions';
import { createDataSource } from './createDataSource';
import { createTrackerData } from './tracker';
import type { Stored } from './errors';
import type { TrackerData } from './tracker';
import { withId, type RecommendationRecord, type TrackerDataSource, type TrackerUser } from './TrackerDataSource';

/** A channel tab's narrowing: one directorate or one originating report (neither for the personal app). */
export interface WorkScope {
  directorate?: string;
  reportId?: number;
}

/** One row of My Actions: a recommendation the person owns, or an action they own on one. */
export type WorkItem =
  | { kind: 'recommendation'; recommendation: Recommendation & { id: number }; etag: string }
  | { kind: 'action'; action: Action & { id: number }; recommendation: Recommendation & { id: number }; etag: string };

/** The statuses My Actions lists: open work, and work waiting for sign-off (so a request stays in sight). */
export const LISTED_LIFECYCLES: readonly Lifecycle[] = ['Awaiting review', 'Being progressed', 'Complete, awaiting sign-off'];

export interface MyActionsSource {
  /** The tracker's data source: the signed-in person, saving, updates. */
  tracker: TrackerDataSource;
  /** The person's listed recommendations and actions within the scope, unordered. */
  myWork(user: TrackerUser, scope: WorkScope): Promise<WorkItem[]>;
  /**
   * The recommendations within the scope whose closure request waits for `user`'s decision (as
   * their SRO, or as `approverEmail`, the web part's closure approver), unordered.
   */
  awaitingSignOff(user: TrackerUser, approverEmail: string, scope: WorkScope): Promise<RecommendationRecord[]>;
}

/**
 * My Actions over the data layer; `now` is the clock the tracker's data source derives colours with;
 * `siteUrl` names the site for the page's other web parts (they see its saves).
 */
export function createMyActionsSource(sp: SPFI, now?: () => Date, siteUrl?: string): MyActionsSource {
  const data: TrackerData = createTrackerData(sp);
  // One data layer for the tab: the tracker's data source shares it.
  const tracker = createDataSource(sp, now, data, siteUrl);
  return {
    tracker,
    async myWork(user, scope) {
      const owner = { userId: user.id };
      const [recs, actions] = await Promise.all([
        data.recommendations.where({ owner, lifecycles: LISTED_LIFECYCLES, ...scope }),
        data.actions.byOwner(owner)
      ]);
      const parents = new Map<number, Stored<Recommendation>>(recs.map((r) => [r.id, r]));
      const openActions = actions.filter((a) => LISTED_LIFECYCLES.includes(a.value.lifecycle));
      // An action's recommendation may belong to someone else: read the ones not already here.
      const missing = [...new Set(openActions.map((a) => a.value.recommendationId))].filter((id) => !parents.has(id));
      for (const parent of await Promise.all(missing.map((id) => data.recommendations.get(id)))) parents.set(parent.id, parent);
      const inScope = (r: Recommendation): boolean =>
        (scope.directorate === undefined || r.directorate === scope.directorate) && (scope.reportId === undefined || r.reportId === scope.reportId);
      const items: WorkItem[] = recs.map((r) => ({ kind: 'recommendation', recommendation: withId(r), etag: r.etag }));
      for (const a of openActions) {
        const parent = parents.get(a.value.recommendationId);
        if (parent === undefined || !inScope(parent.value)) continue;
        items.push({ kind: 'action', action: { ...a.value, id: a.id }, recommendation: withId(parent), etag: a.etag });
      }
      return items;
    },
    async awaitingSignOff(user, approverEmail, scope) {
      // Requests are few and the status is indexed: read them, then keep those this person decides.
      const pending = await data.recommendations.where({ lifecycles: SIGN_OFF_LIFECYCLES, ...scope });
      return pending.filter((r) => waitsForSignOffBy(r.value, user, approverEmail)).map((r) => ({ recommendation: withId(r), etag: r.etag }));
    }
  };
}
