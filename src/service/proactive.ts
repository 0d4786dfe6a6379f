/**
 * Proactive delivery through the tracker's bot (issue 13): a person's reminder card goes to their
 * one-on-one conversation with the bot through the Bot Connector, where they answer it in place.
 *
 * - The conversation reference is kept when the bot hears of one (`conversationUpdate` /
 *   `installationUpdate` on installation, any other activity) and when the service creates one.
 * - Someone without a reference gets the app installed through Graph
 *   (`POST /users/{id}/teamwork/installedApps`, application permission
 *   TeamsAppInstallation.ReadWriteSelfForUser.All; 409 means it already was), then the service opens
 *   the conversation itself (`POST {serviceUrl}/v3/conversations` with the person's Entra object id,
 *   which Teams accepts in the personal scope) rather than wait for Teams' installation event.
 * - Cards go out with `POST {serviceUrl}/v3/conversations/{id}/activities`. A resend of a delivery the
 *   service sent before replaces that card (`PUT …/activities/{activityId}`) instead of posting a second.
 * - Where the bot cannot reach someone (install refused, no Teams user, no reference to be had), the
 *   Graph route (activity feed or chat, then e-mail) takes the delivery as before.
 *
 * References are kept in Tracker Settings (one key per person, `Bot.Conversation:<object id>`), through
 * src/data, ETag-checked: durable across restarts and shared by every instance of the service (the
 * Azure Functions host has no disk of its own), in the site the service already writes to, and
 * holding nothing secret (a service URL and a conversation id are useless without the bot's token).
 * Because people can write to that list, a reference is used only when its service URL is on the
 * configured Bot Connector's host: the bot's token is never sent anywhere else.
 */
import { ConnectorClient, MsalTokenProvider, type AuthConfiguration, type TurnContext } from '@microsoft/agents-hosting';
import { SettingConflictError, type SettingsRepository } from '../data';
import type { LinkSettings } from '../core/reminders';
import { deliveryCard, type DeliveryOutcome, type DeliveryTransport, type OutgoingDelivery } from './delivery';
import { GraphError, type GraphClient } from './graph';

/** A conversation reference, as the Agents SDK reads it from an activity. */
export type ConversationReference = ReturnType<TurnContext['activity']['getConversationReference']>;

/** The Tracker Settings key prefix of a person's conversation with the bot. */
export const CONVERSATION_SETTING = 'Bot.Conversation:';

/** How many recent deliveries per person are remembered, so that a resend replaces its card. */
const SENT_REMEMBERED = 50;

/** A person's conversation with the bot, as kept. */
export interface KeptConversation {
  reference: ConversationReference;
  /** Recent deliveries: which activity carried each. */
  sent: { deliveryId: string; activityId: string }[];
}

/** Conversation references in Tracker Settings, one key per person's Entra object id. */
export class ConversationStore {
  public constructor(private readonly settings: SettingsRepository) {}

  public async get(objectId: string): Promise<KeptConversation | null> {
    const value = await this.settings.get(`${CONVERSATION_SETTING}${objectId.toLowerCase()}`);
    if (value === undefined || value === '') return null;
    try {
      return JSON.parse(value) as KeptConversation;
    } catch {
      return null;
    }
  }

  /** Changes a person's record, ETag-checked: a change made meanwhile is read again and kept. */
  private async change(objectId: string, apply: (kept: KeptConversation | null) => KeptConversation): Promise<void> {
    const key = `${CONVERSATION_SETTING}${objectId.toLowerCase()}`;
    for (let attempt = 1; ; attempt++) {
      const before = await this.settings.get(key);
      const kept = before === undefined || before === '' ? null : (JSON.parse(before) as KeptConversation);
      try {
        await this.settings.set(key, JSON.stringify(apply(kept)), (current) => current === before);
        return;
      } catch (e) {
        if (!(e instanceof SettingConflictError) || attempt >= 3) throw e;
      }
    }
  }

  /** Keeps the reference of a one-on-one conversation (the person's sent cards stay known). */
  public remember(objectId: string, reference: ConversationReference): Promise<void> {
    return this.change(objectId, (kept) => ({ reference, sent: kept !== null && kept.reference.conversation.id === reference.conversation.id ? kept.sent : [] }));
  }

  /** Records which activity carried a delivery. */
  public sent(objectId: string, deliveryId: string, activityId: string): Promise<void> {
    return this.change(objectId, (kept) => {
      if (kept === null) throw new Error(`No conversation is kept for ${objectId}.`);
      return { ...kept, sent: [{ deliveryId, activityId }, ...kept.sent.filter((s) => s.deliveryId !== deliveryId)].slice(0, SENT_REMEMBERED) };
    });
  }

  /**
   * Keeps the reference an activity carries when it comes from a person in a one-on-one
   * conversation (installation, conversation update, or anything else they send the bot).
   */
  public async heard(context: TurnContext): Promise<void> {
    const { activity } = context;
    const objectId = activity.from?.aadObjectId;
    if (objectId === undefined || objectId === '' || activity.conversation?.conversationType !== 'personal') return;
    await this.remember(objectId, activity.getConversationReference());
  }
}

/** The Bot Connector, through the Agents SDK's client: the bot's own token, or none when run without an app id (locally). */
export class BotConnector {
  /** Tokens come from here, cached by MSAL until they near expiry. */
  private readonly tokens: MsalTokenProvider | null;

  public constructor(private readonly auth: AuthConfiguration) {
    this.tokens = auth.clientId === undefined || auth.clientId === '' ? null : new MsalTokenProvider(auth);
  }

  /** A client for one call: a client carries the token it was made with, which expires, so none is kept. */
  private client(serviceUrl: string): Promise<ConnectorClient> {
    return this.tokens === null ? Promise.resolve(ConnectorClient.createClientWithToken(serviceUrl, '')) : ConnectorClient.createClientWithAuth(serviceUrl, this.auth, this.tokens, 'https://api.botframework.com');
  }

  /**
   * Runs a Bot Connector call; a failure is a `GraphError` with the connector's status and code, so
   * the engine tells a refusal (Failed) from trouble that may pass (retried) as it does for Graph.
   */
  private static async call<T>(what: string, serviceUrl: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof GraphError) throw e;
      const failed = e as { status?: unknown; response?: { data?: { error?: { code?: unknown; message?: unknown } } }; message?: unknown };
      const status = typeof failed.status === 'number' ? failed.status : 0;
      const error = failed.response?.data?.error;
      const message = typeof error?.message === 'string' ? error.message : String(failed.message ?? e);
      throw new GraphError(status, typeof error?.code === 'string' ? error.code : status === 0 ? 'network' : String(status), status === 0 ? `Could not reach the Bot Connector to ${what}: ${message}` : message, serviceUrl);
    }
  }

  /** Opens (or finds) the bot's one-on-one conversation with a person, by their Entra object id. */
  public async open(serviceUrl: string, objectId: string, tenantId: string | undefined): Promise<ConversationReference> {
    const client = await this.client(serviceUrl);
    // On the wire the bot is `bot`, its id `28:<app id>` in Teams (the SDK's parameters call it `agent`).
    const bot = { id: `28:${this.auth.clientId ?? 'tracker-bot'}`, name: 'Inspection Tracker' };
    const parameters = { isGroup: false, bot, agent: bot, members: [{ id: objectId }], tenantId, channelData: { tenant: { id: tenantId } } };
    const created = await BotConnector.call('open a conversation', serviceUrl, () => client.createConversation(parameters as unknown as Parameters<ConnectorClient['createConversation']>[0]));
    return { channelId: 'msteams', serviceUrl, conversation: { id: created.id, conversationType: 'personal', tenantId, isGroup: false }, agent: bot, user: { id: objectId, aadObjectId: objectId } } as ConversationReference;
  }

  private static message(card: Record<string, unknown>): Parameters<ConnectorClient['sendToConversation']>[1] {
    return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } as unknown as Parameters<ConnectorClient['sendToConversation']>[1];
  }

  /** Sends a card; returns the activity id. */
  public async send(reference: ConversationReference, card: Record<string, unknown>): Promise<string> {
    const client = await this.client(reference.serviceUrl ?? '');
    const sent = await BotConnector.call('send a card', reference.serviceUrl ?? '', () => client.sendToConversation(reference.conversation.id, BotConnector.message(card)));
    return sent.id;
  }

  /** Replaces the card of an activity sent before. */
  public async update(reference: ConversationReference, activityId: string, card: Record<string, unknown>): Promise<void> {
    const client = await this.client(reference.serviceUrl ?? '');
    await BotConnector.call('update a card', reference.serviceUrl ?? '', () => client.updateActivity(reference.conversation.id, activityId, { ...BotConnector.message(card), id: activityId } as Parameters<ConnectorClient['updateActivity']>[2]));
  }
}

export interface BotTransportOptions {
  graph: GraphClient;
  links: LinkSettings;
  store: ConversationStore;
  connector: BotConnector;
  /** The Teams app's id in the organisation's app catalogue (Teams admin centre), for installing it. */
  catalogAppId: string;
  /** The Bot Connector's service URL for opening conversations (Teams: `https://smba.trafficmanager.net/teams/`). */
  serviceUrl: string;
  /** The tenant (Entra directory) id, for opening conversations. */
  tenantId?: string;
  /** The route for everyone the bot cannot reach, and for groups and channels. */
  fallback: DeliveryTransport;
}

/** Delivers a person's cards through the bot where it can reach them; otherwise through `fallback`. */
export class BotTransport implements DeliveryTransport {
  private readonly objectIds = new Map<string, string>();

  public constructor(private readonly options: BotTransportOptions) {}

  public async deliver(delivery: OutgoingDelivery, options: { resend: boolean }): Promise<DeliveryOutcome> {
    if (delivery.recipient.kind !== 'user') return this.options.fallback.deliver(delivery, options);
    const objectId = await this.objectId(delivery.recipient.address);
    const kept = objectId === null ? null : await this.conversation(objectId);
    if (objectId === null || kept === null) return this.options.fallback.deliver(delivery, options);
    const card = deliveryCard(delivery, this.options.links);
    const earlier = options.resend ? kept.sent.find((s) => s.deliveryId === delivery.deliveryId) : undefined;
    if (earlier !== undefined) {
      try {
        await this.options.connector.update(kept.reference, earlier.activityId, card);
        return { route: 'bot', alreadyDelivered: true };
      } catch (e) {
        // The message is gone (deleted in Teams): the card is sent again below.
        if (!(e instanceof GraphError) || e.status !== 404) throw e;
      }
    }
    const activityId = await this.options.connector.send(kept.reference, card);
    await this.options.store.sent(objectId, delivery.deliveryId, activityId);
    return { route: 'bot', alreadyDelivered: false };
  }

  /** A person's Entra object id from their UPN, or null when the directory does not know them. */
  private async objectId(upn: string): Promise<string | null> {
    const known = this.objectIds.get(upn.toLowerCase());
    if (known !== undefined) return known;
    try {
      const user = await this.options.graph.graph<{ id: string }>('GET', `/users/${encodeURIComponent(upn)}?$select=id`);
      this.objectIds.set(upn.toLowerCase(), user.id);
      return user.id;
    } catch (e) {
      if (e instanceof GraphError && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * Whether a kept reference points at the configured Bot Connector's host. The bot's token goes to
   * a reference's service URL, and Tracker Settings is a list people can write to: a reference that
   * names another host is never used (the conversation is opened again at the configured one).
   */
  private trusted(kept: KeptConversation | null): kept is KeptConversation {
    if (kept === null) return false;
    try {
      return new URL(kept.reference.serviceUrl ?? '').host === new URL(this.options.serviceUrl).host;
    } catch {
      return false;
    }
  }

  /** The kept conversation, or one made now: the app installed for the person and the conversation opened. Null when refused. */
  private async conversation(objectId: string): Promise<KeptConversation | null> {
    const kept = await this.options.store.get(objectId);
    if (this.trusted(kept)) return kept;
    try {
      await this.options.graph.graph('POST', `/users/${encodeURIComponent(objectId)}/teamwork/installedApps`, {
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.options.catalogAppId)}`
      });
    } catch (e) {
      // 409: installed already. 403 / 404: a policy blocks the app, or no Teams licence: not reachable by the bot.
      if (!(e instanceof GraphError) || (e.status !== 409 && e.status !== 403 && e.status !== 404)) throw e;
      if (e.status !== 409) return null;
    }
    // Installing told the bot (conversationUpdate) if Teams was quick; otherwise open the conversation here.
    const heard = await this.options.store.get(objectId);
    if (this.trusted(heard)) return heard;
    const reference = await this.options.connector.open(this.options.serviceUrl, objectId, this.options.tenantId);
    await this.options.store.remember(objectId, reference);
    return { reference, sent: [] };
  }
}
