/**
 * The stand-in's Teams side of a bot (issue 13): app installation through Graph and the Bot
 * Connector service, enough for the tracker's bot to reach people proactively with no tenant.
 *
 * - `POST /v1.0/users/{id}/teamwork/installedApps` (Graph): installs the Teams app for a person
 *   (`teamsApp@odata.bind` names the catalogue app); 409 when it already is, 403 when the app policy
 *   blocks it for them. On installation Teams tells the bot: the stand-in posts a `conversationUpdate`
 *   (membersAdded: the bot) to the registered messaging endpoint, as Teams does, and waits for it.
 * - Bot Connector, at the service URL `{stand-in}/_standin/botconnector/`:
 *   - `POST v3/conversations`: opens (or finds) the bot's one-on-one conversation with the member
 *     named (Entra object id, or `29:` id); refused (403) unless the app is installed for them;
 *   - `POST v3/conversations/{id}/activities`: a message; its Adaptive Card lands in the person's inbox;
 *   - `PUT  v3/conversations/{id}/activities/{activityId}`: replaces that message's card in place.
 *   Tokens are taken as the stand-in's Graph takes them: any bearer token, or none (the Agents SDK
 *   sends none when the bot runs without an app id, as locally).
 * - Stand-in controls, the Azure Bot registration and the Teams admin centre's app policy:
 *   - `PUT /_standin/bot/registration {messagingEndpoint}`: where Teams sends the bot its activities;
 *   - `PUT /_standin/teams/app-policy {blocked: [alias or UPN, …]}`: who may not have the app installed.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { text } from 'node:stream/consumers';
import { emailFor, findInDirectory, TENANT_DOMAIN } from '../identity';
import type { TeamsInbox } from './inbox';

/** The stand-in tenant's id, as activities carry it. */
export const STANDIN_TENANT_ID = 'contoso-standin-tenant';

/** The bot's id in the stand-in's conversations. */
export const STANDIN_BOT_ID = '28:tracker-bot';

interface BotActivity {
  id: string;
  card: Record<string, unknown> | null;
}

interface BotConversation {
  id: string;
  /** The person's UPN. */
  member: string;
  activities: BotActivity[];
}

/** What the stand-in's Teams knows of bots. */
export interface BotConnectorState {
  messagingEndpoint: string | null;
  /** UPNs who have the app installed. */
  installed: Set<string>;
  /** UPNs the app policy blocks. */
  blocked: Set<string>;
  conversations: Map<string, BotConversation>;
  sequence: number;
}

export function createBotConnectorState(): BotConnectorState {
  return { messagingEndpoint: null, installed: new Set(), blocked: new Set(), conversations: new Map(), sequence: 0 };
}

/** A failure answered as Graph or the Bot Connector answer: `{error: {code, message}}`. */
export class ConnectorHttpError extends Error {
  public constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await text(req));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new ConnectorHttpError(400, 'BadArgument', 'The request body is not a JSON object.');
  }
}

/** A person's UPN from an Entra object id (the stand-in's are UPNs), a `29:<alias>` id or an alias. */
function upnOf(id: string): string | null {
  const plain = decodeURIComponent(id).replace(/^29:/, '');
  const user = findInDirectory(plain);
  return user === undefined ? null : emailFor(user.alias);
}

function conversationIdFor(upn: string): string {
  return `a:${upn.split('@')[0]}`;
}

function cardOf(activity: Record<string, unknown>): Record<string, unknown> | null {
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as Record<string, unknown>[]) : [];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (card === undefined) return null;
  const parsed: unknown = typeof card === 'string' ? JSON.parse(card) : card;
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'AdaptiveCard') throw new ConnectorHttpError(400, 'BadArgument', 'The attachment is not an Adaptive Card.');
  return parsed as Record<string, unknown>;
}

/** Tells the registered bot it was installed for `upn`, as Teams does; a bot that cannot be reached is left to open the conversation itself. */
async function announceInstall(state: BotConnectorState, serviceUrl: string, upn: string): Promise<void> {
  if (state.messagingEndpoint === null) return;
  const alias = upn.split('@')[0];
  const user = findInDirectory(upn);
  state.sequence += 1;
  await fetch(state.messagingEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'conversationUpdate',
      id: `install-${state.sequence}`,
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: `29:${alias}`, name: user?.title ?? alias, aadObjectId: upn },
      recipient: { id: STANDIN_BOT_ID, name: 'Inspection Tracker' },
      conversation: { id: conversationIdFor(upn), conversationType: 'personal', tenantId: STANDIN_TENANT_ID },
      membersAdded: [{ id: STANDIN_BOT_ID }],
      channelData: { tenant: { id: STANDIN_TENANT_ID } }
    })
  }).catch(() => undefined);
}

/** `POST /v1.0/users/{id}/teamwork/installedApps`. */
export async function installApp(req: IncomingMessage, res: ServerResponse, state: BotConnectorState, userId: string, baseUrl: string): Promise<void> {
  const upn = upnOf(userId);
  if (upn === null) throw new ConnectorHttpError(404, 'NotFound', `The user '${decodeURIComponent(userId)}' does not exist.`);
  const body = await readBody(req);
  const bind = body['teamsApp@odata.bind'];
  if (typeof bind !== 'string' || !/\/appCatalogs\/teamsApps\/[^/]+$/.test(bind)) throw new ConnectorHttpError(400, 'BadRequest', "The body must bind 'teamsApp@odata.bind' to an app in the catalogue.");
  if (state.blocked.has(upn)) throw new ConnectorHttpError(403, 'Forbidden', 'The app permission policy does not allow this app for the user.');
  if (state.installed.has(upn)) throw new ConnectorHttpError(409, 'Conflict', 'The app is already installed for the user.');
  state.installed.add(upn);
  await announceInstall(state, `${baseUrl}/_standin/botconnector/`, upn);
  send(res, 201, { id: `installation-${upn.split('@')[0]}` });
}

/** The stand-in controls of bots (see the top of the file). */
export async function botControl(req: IncomingMessage, res: ServerResponse, path: string, state: BotConnectorState): Promise<void> {
  const body = await readBody(req);
  if (path === '/_standin/bot/registration') {
    const endpoint = body.messagingEndpoint;
    if (endpoint !== null && typeof endpoint !== 'string') throw new ConnectorHttpError(400, 'BadArgument', 'messagingEndpoint must be a URL or null.');
    state.messagingEndpoint = endpoint;
    send(res, 204);
    return;
  }
  const blocked = Array.isArray(body.blocked) ? body.blocked : [];
  state.blocked = new Set(blocked.map((b) => upnOf(String(b))).filter((u): u is string => u !== null));
  send(res, 204);
}

/** The Bot Connector under `/_standin/botconnector/`; `path` is what follows it. */
export async function botConnector(req: IncomingMessage, res: ServerResponse, path: string, state: BotConnectorState, inbox: TeamsInbox): Promise<void> {
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;
  if (path === 'v3/conversations' && method === 'POST') {
    const body = await readBody(req);
    const members = Array.isArray(body.members) ? (body.members as { id?: unknown }[]) : [];
    if (body.isGroup === true || members.length !== 1 || typeof members[0].id !== 'string') throw new ConnectorHttpError(400, 'BadArgument', 'The stand-in opens one-on-one conversations: one member, isGroup false.');
    const bot = body.bot as { id?: unknown } | undefined;
    if (typeof bot?.id !== 'string' || !bot.id.startsWith('28:')) throw new ConnectorHttpError(400, 'BadArgument', "A conversation names its bot: 'bot': {id: '28:<app id>'}.");
    const upn = upnOf(members[0].id);
    if (upn === null) throw new ConnectorHttpError(404, 'NotFound', `The member '${members[0].id}' is not in the tenant ${TENANT_DOMAIN}.`);
    if (!state.installed.has(upn)) throw new ConnectorHttpError(403, 'Forbidden', 'The bot is not installed for this user, so it cannot start a conversation with them.');
    const id = conversationIdFor(upn);
    if (!state.conversations.has(id)) state.conversations.set(id, { id, member: upn, activities: [] });
    send(res, 201, { id });
    return;
  }
  if ((m = /^v3\/conversations\/([^/]+)\/activities$/.exec(path)) && method === 'POST') {
    const conversation = state.conversations.get(decodeURIComponent(m[1])) ?? restored(state, decodeURIComponent(m[1]));
    const body = await readBody(req);
    if (body.type !== 'message') throw new ConnectorHttpError(400, 'BadArgument', "The stand-in takes activities of type 'message'.");
    const card = cardOf(body);
    state.sequence += 1;
    const activity: BotActivity = { id: `1${String(state.sequence).padStart(12, '0')}`, card };
    conversation.activities.push(activity);
    inbox.receive({ via: 'bot', to: conversation.member, from: 'Inspection Tracker', deliveryId: null, card, text: typeof body.text === 'string' ? body.text : '', bot: { conversationId: conversation.id, activityId: activity.id } });
    send(res, 201, { id: activity.id });
    return;
  }
  if ((m = /^v3\/conversations\/([^/]+)\/activities\/([^/]+)$/.exec(path)) && method === 'PUT') {
    const conversation = state.conversations.get(decodeURIComponent(m[1]));
    const activity = conversation?.activities.find((a) => a.id === decodeURIComponent(m?.[2] ?? ''));
    if (conversation === undefined || activity === undefined) throw new ConnectorHttpError(404, 'NotFound', 'The activity does not exist.');
    const card = cardOf(await readBody(req));
    activity.card = card;
    if (card !== null) inbox.update(conversation.id, activity.id, card);
    send(res, 200, { id: activity.id });
    return;
  }
  throw new ConnectorHttpError(400, 'BadArgument', `The stand-in's Bot Connector does not serve ${method} ${path}.`);
}

/**
 * The `adaptiveCard/action` invoke Teams sends a bot when `alias` presses an `Action.Execute` button
 * on a card in their chat with it (`replyToId`: the message carrying the card).
 */
export function cardInvoke(
  standinUrl: string,
  alias: string,
  action: { verb: unknown; data: unknown },
  options: { id: string; conversationId?: string; replyToId?: string | null }
): Record<string, unknown> {
  const user = findInDirectory(alias);
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: options.id,
    channelId: 'msteams',
    serviceUrl: `${standinUrl}/_standin/botconnector/`,
    from: { id: `29:${alias}`, name: user?.title ?? alias, aadObjectId: emailFor(alias) },
    recipient: { id: STANDIN_BOT_ID, name: 'Inspection Tracker' },
    conversation: { id: options.conversationId ?? `a:${alias}`, conversationType: 'personal', tenantId: STANDIN_TENANT_ID },
    ...(options.replyToId === undefined || options.replyToId === null ? {} : { replyToId: options.replyToId }),
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' }
  };
}

/** A personal conversation the bot knows of (from an installation event) though none was opened here. */
function restored(state: BotConnectorState, id: string): BotConversation {
  const upn = upnOf(id.replace(/^a:/, ''));
  if (upn === null || !state.installed.has(upn)) throw new ConnectorHttpError(404, 'NotFound', 'The conversation does not exist.');
  const conversation: BotConversation = { id, member: upn, activities: [] };
  state.conversations.set(id, conversation);
  return conversation;
}
