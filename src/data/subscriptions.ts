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
import { toDataError, type Operation } from './errors';
import { SettingsRepository } from './settings';

/** How long a new or renewed subscription lasts: under SharePoint's 180-day maximum. */
export const SUBSCRIPTION_DAYS = 170;
/** Renew when fewer days than this are left. */
export const RENEW_WITHIN_DAYS = 30;

const DAY_MS = 86400000;

export interface SubscriptionState {
  id: string;
  /** The list's id, which the list's notifications name as their `resource`. */
  resource: string;
  expirationDateTime: string;
  /** What was done: found as it was, created, or renewed. */
  action: 'kept' | 'created' | 'renewed';
}

interface RawSubscription {
  id: string;
  resource: string;
  notificationUrl: string;
  expirationDateTime: string;
}

/** The Tracker Settings key that remembers a list's subscription id. */
export function subscriptionSettingKey(listTitle: string): string {
  return `Webhook.${listTitle}.SubscriptionId`;
}

/**
 * The subscription posting to `notificationUrl`, if any. By the id remembered in Tracker Settings
 * first: reading one subscription takes only edit rights, while listing them all (which shows every
 * subscription's clientState) takes Manage Lists, which the service's write-only grant lacks.
 */
async function findSubscription(sp: SPFI, listTitle: string, notificationUrl: string, rememberedId: string | undefined): Promise<RawSubscription | undefined> {
  const subscriptions = sp.web.lists.getByTitle(listTitle).subscriptions;
  if (rememberedId !== undefined) {
    try {
      const found = (await subscriptions.getById(rememberedId)()) as RawSubscription;
      return found.notificationUrl === notificationUrl ? found : undefined;
    } catch (e) {
      if (toDataError(e, { code: 'readSubscription', args: [] }).kind !== 'not-found') throw e;
      return undefined;
    }
  }
  try {
    return ((await subscriptions()) as RawSubscription[]).find((s) => s.notificationUrl === notificationUrl);
  } catch (e) {
    if (toDataError(e, { code: 'listSubscriptions', args: [] }).kind !== 'access-denied') throw e;
    return undefined;
  }
}

/**
 * Makes sure `listTitle` has a subscription posting to `notificationUrl` that lasts at least
 * RENEW_WITHIN_DAYS more, and remembers its id in Tracker Settings. Creating one makes SharePoint
 * call the URL with a validation token first, so the receiver must already be listening.
 */
export async function ensureSubscription(sp: SPFI, listTitle: string, notificationUrl: string, clientState: string, now: Date = new Date()): Promise<SubscriptionState> {
  const subscriptions = sp.web.lists.getByTitle(listTitle).subscriptions;
  const settings = new SettingsRepository(sp);
  const key = subscriptionSettingKey(listTitle);
  const what: Operation = { code: 'keepSubscription', args: [listTitle, notificationUrl] };
  try {
    const remembered = await settings.get(key);
    const existing = await findSubscription(sp, listTitle, notificationUrl, remembered);
    if (existing !== undefined && existing.id !== remembered) await settings.set(key, existing.id);
    const expiry = new Date(now.getTime() + SUBSCRIPTION_DAYS * DAY_MS).toISOString();
    if (!existing) {
      const created = (await subscriptions.add(notificationUrl, expiry, clientState)) as RawSubscription;
      await settings.set(key, created.id);
      return { id: created.id, resource: created.resource, expirationDateTime: created.expirationDateTime ?? expiry, action: 'created' };
    }
    if (Date.parse(existing.expirationDateTime) - now.getTime() > RENEW_WITHIN_DAYS * DAY_MS) return { id: existing.id, resource: existing.resource, expirationDateTime: existing.expirationDateTime, action: 'kept' };
    // Renewing also re-sends the clientState, in case the secret was rotated.
    await subscriptions.getById(existing.id).update(expiry, undefined, clientState);
    return { id: existing.id, resource: existing.resource, expirationDateTime: expiry, action: 'renewed' };
  } catch (e) {
    throw toDataError(e, what);
  }
}

/** Deletes a subscription (a local run tidying up after itself). */
export async function removeSubscription(sp: SPFI, listTitle: string, id: string): Promise<void> {
  try {
    await sp.web.lists.getByTitle(listTitle).subscriptions.getById(id).delete();
  } catch (e) {
    throw toDataError(e, { code: 'removeSubscription', args: [listTitle, id] });
  }
}
