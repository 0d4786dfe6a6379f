/**
 * What the stand-in's Microsoft Graph and Teams Workflows endpoints received, per recipient: chat
 * messages with their Adaptive Cards, activity-feed notifications, e-mails and channel posts. The
 * local workbench reads it through `GET /_standin/teams/inbox` and renders the cards.
 */

/** How a notification arrived: `bot` is a card the tracker's bot sent through the Bot Connector. */
export type InboxVia = 'chat' | 'activity' | 'mail' | 'channel' | 'bot';

/** One notification as a person (or channel) would see it. */
export interface InboxItem {
  /** Sequence number in the stand-in, as text. */
  id: string;
  /** When the stand-in received it (real clock). */
  at: string;
  via: InboxVia;
  /** Lower-case UPN or e-mail address, or `channel:<id>`. */
  to: string;
  from: string;
  /** The sender's idempotency id (attachment id, `X-Delivery-Id` header, `Idempotency-Key`, `chainId`). */
  deliveryId: string | null;
  /** The Adaptive Card, when there is one. */
  card: Record<string, unknown> | null;
  /** Preview text, e-mail subject or the activity's text. */
  text: string;
  /** E-mail body (HTML as sent), or the activity's link. */
  body?: string;
  /** A bot's card: its conversation and activity, which the bot (or Teams, after an answer) may update. */
  bot?: { conversationId: string; activityId: string };
  /** When the card was last replaced in place (real clock). */
  updatedAt?: string;
}

/** Received notifications, de-duplicated by delivery id per recipient, as a receiver that honours idempotency keys does. */
export class TeamsInbox {
  private readonly items: InboxItem[] = [];
  private readonly byDelivery = new Map<string, InboxItem>();
  private sequence = 0;

  /**
   * Stores a notification unless the same recipient already has one with this delivery id.
   * Returns the stored item and whether it was new.
   */
  public receive(item: Omit<InboxItem, 'id' | 'at'>): { item: InboxItem; duplicate: boolean } {
    const dedupeKey = item.deliveryId === null ? null : `${item.via}|${item.to}|${item.deliveryId}`;
    const existing = dedupeKey === null ? undefined : this.byDelivery.get(dedupeKey);
    if (existing) return { item: existing, duplicate: true };
    this.sequence += 1;
    const stored: InboxItem = { ...item, to: item.to.toLowerCase(), id: String(this.sequence), at: new Date().toISOString() };
    this.items.push(stored);
    if (dedupeKey !== null) this.byDelivery.set(dedupeKey, stored);
    return { item: stored, duplicate: false };
  }

  /** Replaces the card of a bot's activity in place; false when there is no such activity. */
  public update(conversationId: string, activityId: string, card: Record<string, unknown>): boolean {
    const found = this.items.filter((i) => i.bot?.conversationId === conversationId && i.bot.activityId === activityId);
    for (const item of found) {
      item.card = card;
      item.updatedAt = new Date().toISOString();
    }
    return found.length > 0;
  }

  /** A recipient's notifications, newest first. */
  public forRecipient(to: string): InboxItem[] {
    const lower = to.toLowerCase();
    return this.items.filter((i) => i.to === lower).reverse();
  }

  /** Everyone who has received something, with how many. */
  public recipients(): { to: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const i of this.items) counts.set(i.to, (counts.get(i.to) ?? 0) + 1);
    return [...counts.entries()].map(([to, count]) => ({ to, count })).sort((a, b) => a.to.localeCompare(b.to));
  }

  /** Every notification, oldest first. */
  public all(): InboxItem[] {
    return [...this.items];
  }

  public clear(): void {
    this.items.length = 0;
    this.byDelivery.clear();
  }
}
