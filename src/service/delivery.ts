/**
 * Delivery to Teams: Adaptive Cards bound with `adaptivecards-templating` and sent
 * - to a person by one of two routes (`PersonRoute`), falling back to e-mail (Graph `sendMail`)
 *   when Teams refuses (403) or does not know them (404):
 *   - `activity`: a notification in their Teams activity feed (Graph
 *     `POST /users/{upn}/teamwork/sendActivityNotification`), from the tracker's Teams app, which
 *     opens My Actions at the item's update dialog (or at My Actions itself for a digest). Graph
 *     allows it with application permissions (TeamsActivity.Send), so it is the route in a tenant;
 *     it needs the Teams app installed for the person and the sending Entra app named in the app
 *     manifest's `webApplicationInfo`. It carries no card: the title, a preview and the link.
 *   - `chat`: a one-on-one chat message from the service account (Graph `POST /chats` to get the
 *     chat, `POST /chats/{id}/messages` with the card as an attachment). Graph sends chat messages
 *     only with delegated permissions (ChatMessage.Send), never app-only, so this route serves the
 *     local stand-in (whose inbox shows the cards) and a deployment signed in as the service account;
 * - to a mail-enabled group by e-mail;
 * - to a channel through its Teams Workflows webhook.
 *
 * Every delivery carries its delivery id where the receiver can see it: the chat attachment's `id`,
 * the activity's `chainId` (a number derived from the id), the e-mail's `X-Delivery-Id` header, the
 * Workflows request's `Idempotency-Key` header. When the service resends a delivery whose outcome
 * it does not know (see protocol.ts):
 * - on the chat route it first looks in the chat for an attachment with that id, so a card that did
 *   arrive is not posted again;
 * - on the activity route there is nothing to look in: Graph has no API that reads a user's
 *   activity feed. It sends again with the same `chainId`, which Graph documents as replacing the
 *   earlier notification with that chain id, so the feed still holds one notification for the
 *   delivery, not two. What a resend can cost is a second pop-up (banner) for a notification the
 *   person may already have seen; and only a crash between sending and marking the log causes a
 *   resend. Two different deliveries to one person would have to share 52 bits of SHA-256 for one
 *   to replace the other.
 */
import { Template } from 'adaptivecards-templating';
import { createHash } from 'crypto';
import { DIGEST_CARD_TEMPLATE, REMINDER_CARD_TEMPLATE, digestCardData, myActionsDeepLink, safeCardItem } from '../core/reminders';
import type { CardItem, LinkSettings, Recipient } from '../core/reminders';
import { ROUND_CARD_TEMPLATE, roundCardOfItems } from '../core/round';
import { GraphError, type GraphClient } from './graph';

/** One delivery: one card (single or digest) to one recipient. */
export interface OutgoingDelivery {
  deliveryId: string;
  recipient: Recipient;
  items: CardItem[];
}

/** How it went out: `teams` is a chat message, `activity` an activity-feed notification, `bot` a card from the bot (proactive.ts). */
export type DeliveryRoute = 'teams' | 'activity' | 'email' | 'channel' | 'bot';

/** How a reminder reaches a person in Teams (see the top of this file). */
export type PersonRoute = 'chat' | 'activity';

/** The person routes, for reading settings. */
export const PERSON_ROUTES: readonly PersonRoute[] = ['chat', 'activity'];

export interface DeliveryOutcome {
  route: DeliveryRoute;
  /** True when the receiver already had it (found on a resend). */
  alreadyDelivered: boolean;
}

/** Sends deliveries; throws `GraphError` (see `transient`) when it cannot. */
export interface DeliveryTransport {
  deliver(delivery: OutgoingDelivery, options: { resend: boolean }): Promise<DeliveryOutcome>;
}

const reminderCard = new Template(REMINDER_CARD_TEMPLATE);
const digestCard = new Template(DIGEST_CARD_TEMPLATE);
const roundCard = new Template(ROUND_CARD_TEMPLATE);

/**
 * The Adaptive Card of a delivery: the single-reminder card, or a digest for several. Its texts are
 * made safe for Markdown here, where they become Markdown (the activity feed and e-mail take them plain).
 */
export function deliveryCard(delivery: OutgoingDelivery, links: LinkSettings): Record<string, unknown> {
  // An update round's items: the round's card, one for the owner's items in the round (core/round/card.ts).
  const round = roundCardOfItems(delivery.recipient.name, delivery.items, links);
  if (round !== null) return roundCard.expand({ $root: round }) as Record<string, unknown>;
  if (delivery.items.length === 1) return reminderCard.expand({ $root: safeCardItem(delivery.items[0], links) }) as Record<string, unknown>;
  return digestCard.expand({ $root: digestCardData(delivery.recipient.name, delivery.items, links) }) as Record<string, unknown>;
}

/** The subject line of a delivery's e-mail. */
export function deliverySubject(delivery: OutgoingDelivery): string {
  return delivery.items.length === 1 ? delivery.items[0].title : `${delivery.items.length} inspection tracker reminders`;
}

const HTML_ESCAPES: { [c: string]: string } = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML: item text comes from the data, never trusted as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The e-mail body of a delivery: each reminder with its two links. */
export function deliveryMailHtml(delivery: OutgoingDelivery): string {
  const rows = delivery.items.map(
    (i) =>
      `<h3>${escapeHtml(i.title)}</h3><p>${escapeHtml(i.message)}</p><p><a href="${escapeHtml(i.updateUrl)}">Post an update</a> · <a href="${escapeHtml(i.openUrl)}">Open item</a></p>`
  );
  return `<p>Dear ${escapeHtml(delivery.recipient.name)},</p>${rows.join('')}<p>Inspection recommendations tracker</p>`;
}

/**
 * The activity types the service sends; each is declared in teams/manifest.json
 * (`activities.activityTypes`), whose `templateText` uses the same parameter names.
 */
export const ACTIVITY_TYPES = { reminder: 'reminder', digest: 'reminderDigest' } as const;

/** Teams shows the first 150 characters of an activity's preview text (Graph's `previewText`). */
export const ACTIVITY_TEXT_LIMIT = 150;

/** The body of `POST /users/{upn}/teamwork/sendActivityNotification`. */
export interface ActivityNotification {
  topic: { source: 'text'; value: string; webUrl: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: { name: string; value: string }[];
  chainId: number;
}

/**
 * Plain text for an activity: one line (the feed has no line breaks), no control characters, and
 * at most `limit` UTF-16 code units (the stricter reading of Graph's "characters") — cut at a word
 * with an ellipsis, never inside a surrogate pair, so Teams does not cut it mid-word itself. It
 * stays text: Graph shows it as given, so nothing is HTML-escaped (`&amp;` would show as such).
 */
export function activityText(text: string, limit: number = ACTIVITY_TEXT_LIMIT): string {
  const line = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The `chainId` of a delivery: Graph takes an Int64, and JSON numbers are exact up to 2^53, so the
 * first 52 bits of the delivery id's SHA-256. The same delivery always gets the same chain id.
 */
export function activityChainId(deliveryId: string): number {
  return parseInt(createHash('sha256').update(deliveryId).digest('hex').slice(0, 13), 16);
}

/**
 * The activity notification of a delivery. One reminder: its title as the reason, its message as
 * the preview, and the link to its update dialog in My Actions. A digest: how many, the titles as
 * the preview (most urgent first), and the link to My Actions.
 */
export function activityNotification(delivery: OutgoingDelivery, links: LinkSettings): ActivityNotification {
  const single = delivery.items.length === 1;
  const first = delivery.items[0];
  const topic = { source: 'text' as const, value: activityText(deliverySubject(delivery)), webUrl: single ? first.updateUrl : myActionsDeepLink(links) };
  return single
    ? { topic, activityType: ACTIVITY_TYPES.reminder, previewText: { content: activityText(first.message) }, templateParameters: [{ name: 'title', value: activityText(first.title) }], chainId: activityChainId(delivery.deliveryId) }
    : {
        topic,
        activityType: ACTIVITY_TYPES.digest,
        previewText: { content: activityText(delivery.items.map((i) => i.title).join('; ')) },
        templateParameters: [{ name: 'count', value: String(delivery.items.length) }],
        chainId: activityChainId(delivery.deliveryId)
      };
}

export interface GraphTransportOptions {
  graph: GraphClient;
  links: LinkSettings;
  /** The service account the chats and e-mails come from (its UPN). */
  senderUpn: string;
  /** How a person is reached in Teams (default `chat`). */
  personRoute?: PersonRoute;
}

/** Delivers through Microsoft Graph and Teams Workflows webhooks. */
export class GraphTransport implements DeliveryTransport {
  private readonly chats = new Map<string, string>();

  public constructor(private readonly options: GraphTransportOptions) {}

  public async deliver(delivery: OutgoingDelivery, options: { resend: boolean }): Promise<DeliveryOutcome> {
    switch (delivery.recipient.kind) {
      case 'channel':
        await this.options.graph.post(delivery.recipient.address, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: deliveryCard(delivery, this.options.links) }] }, { 'Idempotency-Key': delivery.deliveryId });
        return { route: 'channel', alreadyDelivered: false };
      case 'group':
        await this.mail(delivery);
        return { route: 'email', alreadyDelivered: false };
      case 'user':
        // The sending account cannot chat with itself (Graph refuses the chat): it gets e-mail.
        if (this.options.personRoute !== 'activity' && delivery.recipient.address.toLowerCase() === this.options.senderUpn.toLowerCase()) {
          await this.mail(delivery);
          return { route: 'email', alreadyDelivered: false };
        }
        try {
          return this.options.personRoute === 'activity' ? await this.activity(delivery) : await this.chatOnce(delivery, deliveryCard(delivery, this.options.links), options.resend);
        } catch (e) {
          // Not a Teams user here (unknown, unlicensed, blocked), or the Teams app is not installed
          // for them (the activity route's 403 or 404): e-mail still reaches them.
          if (e instanceof GraphError && (e.status === 403 || e.status === 404)) {
            await this.mail(delivery);
            return { route: 'email', alreadyDelivered: false };
          }
          throw e;
        }
    }
  }

  /** Sends the activity notification; a resend replaces any earlier one through its `chainId`. */
  private async activity(delivery: OutgoingDelivery): Promise<DeliveryOutcome> {
    await this.options.graph.graph('POST', `/users/${encodeURIComponent(delivery.recipient.address)}/teamwork/sendActivityNotification`, activityNotification(delivery, this.options.links));
    return { route: 'activity', alreadyDelivered: false };
  }

  private async chatId(upn: string): Promise<string> {
    const known = this.chats.get(upn);
    if (known) return known;
    const bind = (u: string): Record<string, unknown> => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')`
    });
    const chat = await this.options.graph.graph<{ id: string }>('POST', '/chats', { chatType: 'oneOnOne', members: [bind(this.options.senderUpn), bind(upn)] });
    this.chats.set(upn, chat.id);
    return chat.id;
  }

  /** Posts in the one-on-one chat; a remembered chat that has gone is looked up again once. */
  private async chatOnce(delivery: OutgoingDelivery, card: Record<string, unknown>, resend: boolean): Promise<DeliveryOutcome> {
    const remembered = this.chats.has(delivery.recipient.address);
    try {
      return await this.chat(delivery, card, resend);
    } catch (e) {
      if (!remembered || !(e instanceof GraphError) || e.status !== 404) throw e;
      this.chats.delete(delivery.recipient.address);
      return this.chat(delivery, card, resend);
    }
  }

  private async chat(delivery: OutgoingDelivery, card: Record<string, unknown>, resend: boolean): Promise<DeliveryOutcome> {
    const chatId = await this.chatId(delivery.recipient.address);
    const messages = `/chats/${encodeURIComponent(chatId)}/messages`;
    if (resend) {
      const recent = await this.options.graph.graph<{ value: { attachments?: { id?: string }[] }[] }>('GET', `${messages}?$top=50`);
      if (recent.value.some((m) => (m.attachments ?? []).some((a) => a.id === delivery.deliveryId))) return { route: 'teams', alreadyDelivered: true };
    }
    await this.options.graph.graph('POST', messages, {
      body: { contentType: 'html', content: `<attachment id="${delivery.deliveryId}"></attachment>` },
      attachments: [{ id: delivery.deliveryId, contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: JSON.stringify(card) }]
    });
    return { route: 'teams', alreadyDelivered: false };
  }

  private async mail(delivery: OutgoingDelivery): Promise<void> {
    await this.options.graph.graph('POST', `/users/${encodeURIComponent(this.options.senderUpn)}/sendMail`, {
      message: {
        subject: deliverySubject(delivery),
        body: { contentType: 'HTML', content: deliveryMailHtml(delivery) },
        toRecipients: [{ emailAddress: { address: delivery.recipient.address, name: delivery.recipient.name } }],
        internetMessageHeaders: [{ name: 'X-Delivery-Id', value: delivery.deliveryId }]
      },
      saveToSentItems: true
    });
  }
}
