/**
 * List webhooks: the subscription endpoints (`{L}/subscriptions`), the validation handshake, and
 * delivery of debounced notifications with SharePoint's retry policy.
 */
import { randomUUID } from 'node:crypto';
import { type ChangeListener, type Ctx, demand, jsonBody } from './context';
import { SpError, errors } from './errors';
import type { ListRecord, SubscriptionRecord } from './model';
import { argString, type Segment } from './path';
import type { Store } from './store';
import type { ApiResponse } from './wire';

/** The receiver must echo the token within this time (SharePoint's limit). */
export const VALIDATION_TIMEOUT_MS = 5000;
const MAX_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The JSON SharePoint returns for a subscription. */
function subscriptionJson(s: SubscriptionRecord): Record<string, unknown> {
  return {
    clientState: s.clientState,
    expirationDateTime: s.expirationDateTime,
    id: s.id,
    notificationUrl: s.notificationUrl,
    resource: s.listId,
    resourceData: null
  };
}

/** SharePoint's 7-digit fraction format: `2016-04-30T17:27:00.0000000Z`. */
function dotNetTime(iso: string): string {
  const d = new Date(iso);
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

function parseExpiration(v: unknown): string {
  const now = Date.now();
  if (v === undefined || v === null || v === '') {
    return dotNetTime(new Date(now + MAX_DAYS * DAY_MS).toISOString());
  }
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t) || t <= now || t > now + MAX_DAYS * DAY_MS) {
    throw new SpError(400, '-1, System.ArgumentException', 'The specified expiration date is invalid. Should be greater than today and within 6 months');
  }
  return dotNetTime(new Date(t).toISOString());
}

function validationFailed(url: string): SpError {
  return new SpError(400, '-1, System.InvalidOperationException', `Failed to validate the notification URL '${url}'.`);
}

/** `{L}/subscriptions`, `subscriptions('id')`: list, create (with handshake), update (PATCH), delete. */
export async function subscriptionsResource(ctx: Ctx, list: ListRecord, seg: Segment, rest: Segment[]): Promise<ApiResponse> {
  if (rest.length) {
    throw errors.noProperty(rest[0].raw, 'SP.Webhooks.Subscription');
  }
  const method = ctx.req.method;
  if (!seg.call) {
    if (method === 'GET') {
      // As SharePoint: enumerating a list's subscriptions (and their clientState, the secret that
      // authenticates notifications) takes Manage Lists; one subscription, by id, takes edit rights.
      demand(ctx, 'ManageLists');
      return ctx.res.values(ctx.store.subscriptions(list.id).map(subscriptionJson));
    }
    if (method !== 'POST') {
      throw errors.notAllowed(method);
    }
    demand(ctx, 'EditListItems');
    const body = jsonBody(ctx);
    const url = typeof body.notificationUrl === 'string' ? body.notificationUrl : '';
    if (!/^https?:\/\//i.test(url)) {
      throw errors.badRequest('The notificationUrl must be an absolute http(s) URL.');
    }
    const sub: SubscriptionRecord = {
      id: randomUUID(),
      listId: list.id,
      notificationUrl: url,
      clientState: typeof body.clientState === 'string' ? body.clientState : null,
      expirationDateTime: parseExpiration(body.expirationDateTime)
    };
    if (!(await ctx.validateWebhook(url))) {
      throw validationFailed(url);
    }
    ctx.store.putSubscription(sub);
    return ctx.res.json(201, subscriptionJson(sub));
  }
  const id = argString(seg);
  const existing = ctx.store.subscription(id);
  if (!existing || existing.listId !== list.id) {
    throw errors.notFound(`The subscription '${id}' does not exist.`);
  }
  switch (method) {
    case 'GET':
      demand(ctx, 'EditListItems');
      return ctx.res.json(200, subscriptionJson(existing));
    case 'PATCH':
    case 'MERGE': {
      demand(ctx, 'EditListItems');
      const body = jsonBody(ctx);
      const next: SubscriptionRecord = { ...existing };
      if (body.expirationDateTime !== undefined) {
        next.expirationDateTime = parseExpiration(body.expirationDateTime);
      }
      if (typeof body.clientState === 'string') {
        next.clientState = body.clientState;
      }
      if (typeof body.notificationUrl === 'string' && body.notificationUrl !== existing.notificationUrl) {
        if (!(await ctx.validateWebhook(body.notificationUrl))) {
          throw validationFailed(body.notificationUrl);
        }
        next.notificationUrl = body.notificationUrl;
      }
      ctx.store.putSubscription(next);
      return ctx.res.noContent();
    }
    case 'DELETE':
      demand(ctx, 'EditListItems');
      ctx.store.deleteSubscription(id);
      return ctx.res.noContent();
    default:
      throw errors.notAllowed(method);
  }
}

/** POSTs `?validationtoken=…` and checks the receiver echoes it as text within 5 seconds. */
export async function validateNotificationUrl(url: string): Promise<boolean> {
  const token = randomUUID();
  const target = new URL(url);
  target.searchParams.set('validationtoken', token);
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-length': '0' },
      signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS)
    });
    const text = await res.text();
    return res.status === 200 && text.trim() === token;
  } catch {
    return false;
  }
}

/** Options of the notification dispatcher. */
export interface WebhookOptions {
  /** Quiet period before pending changes are announced (SharePoint: about a minute). */
  debounceMs: number;
  /** Delay between retries of a failed delivery (SharePoint: 5 minutes). */
  retryDelayMs: number;
  /** Retries after the first failed attempt (SharePoint: 5). */
  retries: number;
  /** Consulted before each delivery: true drops it (fault injection). */
  dropDeliveries(): boolean;
  /** Site path for the `siteUrl` field of the payload. */
  sitePath: string;
}

/** Groups list changes per subscription and delivers notifications with retries. */
export class WebhookDispatcher implements ChangeListener {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  /** Deliveries made, for diagnostics: subscription id → count. */
  readonly delivered = new Map<string, number>();
  dropped = 0;

  constructor(private readonly store: Store, private readonly opts: WebhookOptions) {}

  listChanged(listId: string): void {
    if (this.closed) {
      return;
    }
    for (const sub of this.store.subscriptions(listId)) {
      if (Date.parse(sub.expirationDateTime) < Date.now()) {
        continue;
      }
      const existing = this.pending.get(sub.id);
      if (existing) {
        clearTimeout(existing);
      }
      const timer = setTimeout(() => {
        this.pending.delete(sub.id);
        this.track(this.deliver(sub.id, 0));
      }, this.opts.debounceMs);
      this.pending.set(sub.id, timer);
    }
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async deliver(subscriptionId: string, attempt: number): Promise<void> {
    const sub = this.store.subscription(subscriptionId);
    if (!sub || this.closed) {
      return;
    }
    if (this.opts.dropDeliveries()) {
      this.dropped++;
      return;
    }
    const payload = {
      value: [
        {
          subscriptionId: sub.id,
          clientState: sub.clientState,
          expirationDateTime: sub.expirationDateTime,
          resource: sub.listId,
          tenantId: this.store.siteId,
          siteUrl: this.opts.sitePath,
          webId: this.store.webId
        }
      ]
    };
    let ok = false;
    try {
      const res = await fetch(sub.notificationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS)
      });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    }
    if (ok) {
      this.delivered.set(sub.id, (this.delivered.get(sub.id) ?? 0) + 1);
      return;
    }
    if (attempt < this.opts.retries && !this.closed) {
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        this.track(this.deliver(subscriptionId, attempt + 1));
      }, this.opts.retryDelayMs);
      this.retries.add(timer);
    }
  }

  /** Cancels pending work and waits for deliveries in flight. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of [...this.pending.values(), ...this.retries]) {
      clearTimeout(t);
    }
    this.pending.clear();
    this.retries.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
