/**
 * Delivery to Teams: Adaptive Cards bound with `adaptivecards-templating` and sent
 * - to a person as a one-on-one chat message from the service account (Graph `POST /chats` to get
 *   the chat, `POST /chats/{id}/messages` with the card as an attachment), falling back to e-mail
 *   (Graph `sendMail`) when the person cannot be reached in Teams;
 * - to a mail-enabled group by e-mail;
 * - to a channel through its Teams Workflows webhook.
 *
 * Every delivery carries its delivery id where the receiver can see it: the chat attachment's `id`,
 * the e-mail's `X-Delivery-Id` header, the Workflows request's `Idempotency-Key` header. When the
 * service resends a delivery whose outcome it does not know (see protocol.ts), it first looks in the
 * chat for an attachment with that id, so a card that did arrive is not posted again.
 */
import { Template } from 'adaptivecards-templating';
import { DIGEST_CARD_TEMPLATE, REMINDER_CARD_TEMPLATE, digestCardData } from '../core/reminders';
import type { CardItem, LinkSettings, Recipient } from '../core/reminders';
import { GraphError, type GraphClient } from './graph';

/** One delivery: one card (single or digest) to one recipient. */
export interface OutgoingDelivery {
  deliveryId: string;
  recipient: Recipient;
  items: CardItem[];
}

/** How it went out. */
export type DeliveryRoute = 'teams' | 'email' | 'channel';

export interface DeliveryOutcome {
  route: DeliveryRoute;
  /** True when the receiver already had it (found on a resend). */
  alreadyDelivered: boolean;
}

/** Sends deliveries; throws `GraphError` (see `transient`) when it cannot. */
export interface DeliveryTransport {
  deliver(delivery: OutgoingDelivery, options: { resend: boolean }): Promise<DeliveryOutcome>;
}

/**
 * Parsed message templates by text. Parsing an expression costs about 300 times more than
 * evaluating it, and a sweep expands the same few rule templates thousands of times.
 */
const parsedTexts = new Map<string, Template>();
const reminderCard = new Template(REMINDER_CARD_TEMPLATE);
const digestCard = new Template(DIGEST_CARD_TEMPLATE);

/** Expands an Adaptive Card template string (`${ref}`) against data. */
export function expandText(template: string, data: object): string {
  let parsed = parsedTexts.get(template);
  if (!parsed) {
    parsed = new Template({ text: template });
    parsedTexts.set(template, parsed);
  }
  const expanded = parsed.expand({ $root: data }) as { text?: unknown };
  return typeof expanded.text === 'string' ? expanded.text : String(expanded.text ?? '');
}

/** The Adaptive Card of a delivery: the single-reminder card, or a digest for several. */
export function deliveryCard(delivery: OutgoingDelivery, links: LinkSettings): Record<string, unknown> {
  if (delivery.items.length === 1) return reminderCard.expand({ $root: delivery.items[0] }) as Record<string, unknown>;
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

export interface GraphTransportOptions {
  graph: GraphClient;
  links: LinkSettings;
  /** The service account the chats and e-mails come from (its UPN). */
  senderUpn: string;
}

/** Delivers through Microsoft Graph and Teams Workflows webhooks. */
export class GraphTransport implements DeliveryTransport {
  private readonly chats = new Map<string, string>();

  public constructor(private readonly options: GraphTransportOptions) {}

  public async deliver(delivery: OutgoingDelivery, options: { resend: boolean }): Promise<DeliveryOutcome> {
    const card = deliveryCard(delivery, this.options.links);
    switch (delivery.recipient.kind) {
      case 'channel':
        await this.options.graph.post(delivery.recipient.address, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] }, { 'Idempotency-Key': delivery.deliveryId });
        return { route: 'channel', alreadyDelivered: false };
      case 'group':
        await this.mail(delivery);
        return { route: 'email', alreadyDelivered: false };
      case 'user':
        try {
          return await this.chatOnce(delivery, card, options.resend);
        } catch (e) {
          // Not a Teams user here (unknown, unlicensed, blocked): e-mail still reaches them.
          if (e instanceof GraphError && (e.status === 403 || e.status === 404)) {
            await this.mail(delivery);
            return { route: 'email', alreadyDelivered: false };
          }
          throw e;
        }
    }
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
