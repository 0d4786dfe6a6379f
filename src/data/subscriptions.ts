/**
 * Keeping the list webhook subscription alive: SharePoint subscriptions expire after at most 180
 * days, so the service creates one when there is none for its URL and renews it well before expiry.
 * Expiry is SharePoint's wall-clock business, so this uses the real clock even when the engine runs
 * on a simulated one.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/subscriptions';
import { toDataError } from './errors';

/** How long a new or renewed subscription lasts: under SharePoint's 180-day maximum. */
export const SUBSCRIPTION_DAYS = 170;
/** Renew when fewer days than this are left. */
export const RENEW_WITHIN_DAYS = 30;

const DAY_MS = 86400000;

export interface SubscriptionState {
  id: string;
  expirationDateTime: string;
  /** What was done: found as it was, created, or renewed. */
  action: 'kept' | 'created' | 'renewed';
}

interface RawSubscription {
  id: string;
  notificationUrl: string;
  expirationDateTime: string;
}

/**
 * Makes sure `listTitle` has a subscription posting to `notificationUrl` that lasts at least
 * RENEW_WITHIN_DAYS more. Creating one makes SharePoint call the URL with a validation token
 * first, so the receiver must already be listening.
 */
export async function ensureSubscription(sp: SPFI, listTitle: string, notificationUrl: string, clientState: string, now: Date = new Date()): Promise<SubscriptionState> {
  const subscriptions = sp.web.lists.getByTitle(listTitle).subscriptions;
  const what = `keeping the '${listTitle}' webhook subscription for ${notificationUrl}`;
  try {
    const existing = ((await subscriptions()) as RawSubscription[]).find((s) => s.notificationUrl === notificationUrl);
    const expiry = new Date(now.getTime() + SUBSCRIPTION_DAYS * DAY_MS).toISOString();
    if (!existing) {
      const created = (await subscriptions.add(notificationUrl, expiry, clientState)) as RawSubscription;
      return { id: created.id, expirationDateTime: created.expirationDateTime ?? expiry, action: 'created' };
    }
    if (Date.parse(existing.expirationDateTime) - now.getTime() > RENEW_WITHIN_DAYS * DAY_MS) return { id: existing.id, expirationDateTime: existing.expirationDateTime, action: 'kept' };
    // Renewing also re-sends the clientState, in case the secret was rotated.
    await subscriptions.getById(existing.id).update(expiry, undefined, clientState);
    return { id: existing.id, expirationDateTime: expiry, action: 'renewed' };
  } catch (e) {
    throw toDataError(e, what);
  }
}

/** Deletes a subscription (a local run tidying up after itself). */
export async function removeSubscription(sp: SPFI, listTitle: string, id: string): Promise<void> {
  try {
    await sp.web.lists.getByTitle(listTitle).subscriptions.getById(id).delete();
  } catch (e) {
    throw toDataError(e, `removing the '${listTitle}' webhook subscription ${id}`);
  }
}
