/**
 * The lists whose webhooks the service keeps, and what a notification from each starts: a change
 * to Recommendations has its change log read (reminders on what changed); a round opened or closed
 * in Update Rounds has the rounds' cards sent at once (`announceRounds`, exactly once through the
 * Reminder Log keys), rather than at the next housekeeping tick, which stays as the catch-up. Both
 * webhook hosts (service.ts, functions.ts) start that work through {@link notifiedJobs}.
 */
import type { SPFI } from '@pnp/sp';
import { DataError } from '../data/errors';
import { ensureSubscription, removeSubscription, type SubscriptionState } from '../data/subscriptions';
import { listSchema, type ListKey } from '../schema';
import type { EngineResult, ReminderEngine } from './engine';
import type { ListNotification } from './webhooks';

/** What a notification can start on the engine. */
type NotifiedEngine = Pick<ReminderEngine, 'processChanges' | 'announceRounds'>;

/**
 * The lists subscribed to, each with the work its notifications start: what that runs on the engine
 * and the words a failure's log line names it by. A `required` list is on every site, so failing to
 * subscribe to it is an error; the others may wait for the site's upgrade.
 */
const WATCHED_LISTS = [
  { key: 'recommendations', required: true, work: 'changes', what: 'Reading changes', run: (e: NotifiedEngine) => e.processChanges() },
  // A round opened (or closed) in Update Rounds: its owners' cards go now, not at the next tick.
  { key: 'rounds', required: false, work: 'rounds', what: 'Sending the update rounds’ cards', run: (e: NotifiedEngine) => e.announceRounds() }
] as const satisfies readonly { key: ListKey; required: boolean; work: string; what: string; run: (e: NotifiedEngine) => Promise<EngineResult> }[];

/** What a notification starts: read the change log, or send the open rounds' cards. */
export type NotifiedWork = (typeof WATCHED_LISTS)[number]['work'];

/** Each watched list's subscription as kept; a list the site lacks (Update Rounds before schema version 4) is left out. */
export type WatchedSubscriptions = Map<ListKey, SubscriptionState>;

/**
 * Keeps a subscription posting to `notificationUrl` on each watched list (data/subscriptions.ts). A
 * site not yet upgraded to the Update Rounds list has its Recommendations watched alone: its rounds
 * wait for an upgrade, found at the next renewal.
 */
export async function ensureWatchedSubscriptions(sp: SPFI, notificationUrl: string, clientState: string): Promise<WatchedSubscriptions> {
  const kept: WatchedSubscriptions = new Map();
  for (const { key, required } of WATCHED_LISTS) {
    try {
      kept.set(key, await ensureSubscription(sp, listSchema(key).title, notificationUrl, clientState));
    } catch (e) {
      if (required || !(e instanceof DataError) || e.kind !== 'not-found') throw e;
    }
  }
  return kept;
}

/** Deletes the watched lists' subscriptions (a local run tidying up after itself). */
export async function removeWatchedSubscriptions(sp: SPFI, kept: WatchedSubscriptions): Promise<void> {
  for (const [key, state] of kept) await removeSubscription(sp, listSchema(key).title, state.id);
}

/**
 * The work the notifications ask for, by the list each names (its `resource`). A list not known
 * (no subscription kept by this process yet, as in a Function instance the timer has not run in)
 * starts both: reading changes and announcing rounds send nothing twice.
 */
export function notifiedWork(notifications: readonly ListNotification[], kept: WatchedSubscriptions): Set<NotifiedWork> {
  const byList = new Map<string, NotifiedWork>();
  for (const { key, work } of WATCHED_LISTS) {
    const resource = kept.get(key)?.resource;
    if (resource !== undefined) byList.set(resource.toLowerCase(), work);
  }
  const work = new Set<NotifiedWork>();
  for (const n of notifications) {
    const known = byList.get(n.resource.toLowerCase());
    if (known !== undefined) work.add(known);
    else WATCHED_LISTS.forEach((l) => work.add(l.work));
  }
  return work;
}

/** One piece of work a notification starts: its kind, its run on the engine, and its name in a failure's log line. */
export interface NotifiedJob {
  work: NotifiedWork;
  what: string;
  run: () => Promise<EngineResult>;
}

/** The engine's work that the notifications ask for ({@link notifiedWork}), as the webhook's hosts start it. */
export function notifiedJobs(notifications: readonly ListNotification[], kept: WatchedSubscriptions, engine: NotifiedEngine): NotifiedJob[] {
  const work = notifiedWork(notifications, kept);
  return WATCHED_LISTS.filter((l) => work.has(l.work)).map((l) => ({ work: l.work, what: l.what, run: () => l.run(engine) }));
}
