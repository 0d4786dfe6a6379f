/**
 * SharePoint list webhooks, the receiving end: the validation handshake, the notification payload
 * (which says only "something changed in this list"), and the `clientState` check that tells
 * SharePoint's notifications from anyone else's POSTs. Plain request / response objects, so the
 * same code runs in the Node service and in an Azure Function.
 */
import { timingSafeEqual } from 'crypto';
import { forLog } from './logging';

/** An HTTP request as a host hands it over. */
export interface WebhookRequest {
  method: string;
  /** Path and query, e.g. `/api/webhook?validationtoken=…`. */
  url: string;
  headers?: { [name: string]: string | undefined };
  body: string;
}

/** The answer to send back. */
export interface WebhookResponse {
  status: number;
  headers?: { [name: string]: string };
  body?: string;
}

/** One notification of the payload (SharePoint sends no change details: read them with the change token). */
export interface ListNotification {
  subscriptionId: string;
  clientState: string | null;
  expirationDateTime: string;
  /** The list id. */
  resource: string;
  tenantId?: string;
  siteUrl?: string;
  webId?: string;
}

/** Thrown for a payload that is not a SharePoint webhook notification. */
export class MalformedNotificationError extends Error {
  public constructor(problem: string) {
    super(`Not a SharePoint webhook notification: ${problem}`);
    this.name = 'MalformedNotificationError';
  }
}

/** Reads a notification payload `{"value":[…]}`; throws a MalformedNotificationError naming the problem. */
export function parseNotifications(body: string): ListNotification[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedNotificationError('the body is not JSON.');
  }
  const value = (json as { value?: unknown } | null)?.value;
  if (!Array.isArray(value) || value.length === 0) throw new MalformedNotificationError("expected {\"value\": [ … ]} with at least one notification.");
  return value.map((n: unknown, i) => {
    const o = n as { [k: string]: unknown } | null;
    if (typeof o !== 'object' || o === null) throw new MalformedNotificationError(`value[${i}] is not an object.`);
    for (const field of ['subscriptionId', 'resource', 'expirationDateTime'] as const) {
      if (typeof o[field] !== 'string' || o[field] === '') throw new MalformedNotificationError(`value[${i}].${field} is missing.`);
    }
    if (o.clientState !== undefined && o.clientState !== null && typeof o.clientState !== 'string') throw new MalformedNotificationError(`value[${i}].clientState is not text.`);
    const optional = (k: string): { [k: string]: string } => (typeof o[k] === 'string' ? { [k]: o[k] as string } : {});
    return {
      subscriptionId: o.subscriptionId as string,
      clientState: (o.clientState as string | undefined) ?? null,
      expirationDateTime: o.expirationDateTime as string,
      resource: o.resource as string,
      ...optional('tenantId'),
      ...optional('siteUrl'),
      ...optional('webId')
    };
  });
}

/** Compares secrets in constant time. */
function sameSecret(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface WebhookReceiverOptions {
  /** The secret given to SharePoint when subscribing; notifications must carry it. */
  clientState: string;
  /** Called with the accepted notifications, after the answer is decided (do not block on it). */
  onNotified: (notifications: ListNotification[]) => void;
  warn: (message: string) => void;
}

/**
 * Answers one webhook request:
 * - `?validationtoken=X` → 200, `text/plain` X (the handshake, within SharePoint's 5 seconds);
 * - a payload that cannot be read → 400 with the reason;
 * - any notification with the wrong `clientState` → 403, logged, nothing processed;
 * - otherwise → 202, and `onNotified` starts the work.
 */
export function receiveWebhook(request: WebhookRequest, options: WebhookReceiverOptions): WebhookResponse {
  const url = new URL(request.url, 'http://service');
  const token = url.searchParams.get('validationtoken') ?? url.searchParams.get('validationToken');
  if (token !== null) return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: token };
  if (request.method.toUpperCase() !== 'POST') return { status: 405, headers: { Allow: 'POST' }, body: 'Webhook notifications are POSTed.' };
  let notifications: ListNotification[];
  try {
    notifications = parseNotifications(request.body);
  } catch (e) {
    if (!(e instanceof MalformedNotificationError)) throw e;
    options.warn(`Webhook rejected (400): ${e.message}`);
    return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: e.message };
  }
  const forged = notifications.filter((n) => !sameSecret(n.clientState, options.clientState));
  if (forged.length > 0) {
    // The ids are whatever the sender wrote: a few of them, escaped and cut short, so they cannot forge log lines.
    const ids = forged.slice(0, 3).map((n) => `'${forLog(n.subscriptionId, 64)}'`);
    const more = forged.length > ids.length ? ` and ${forged.length - ids.length} more` : '';
    options.warn(`Webhook rejected (403): ${forged.length} notification(s) with a wrong clientState, subscription(s) ${ids.join(', ')}${more}.`);
    return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'Unknown clientState.' };
  }
  options.onNotified(notifications);
  return { status: 202 };
}
