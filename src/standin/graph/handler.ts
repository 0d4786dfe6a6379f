/**
 * The few Microsoft Graph and Teams Workflows endpoints the reminder service calls, as the stand-in
 * serves them:
 * - `GET  /v1.0/users/{upn}`: a directory user, or Graph's 404;
 * - `POST /v1.0/chats`: get or create the one-on-one chat between two users (Graph returns the
 *   existing one-on-one chat when there is one);
 * - `POST /v1.0/chats/{id}/messages`: a message whose attachment is an Adaptive Card;
 * - `GET  /v1.0/chats/{id}/messages?$top=n`: recent messages, newest first;
 * - `DELETE /v1.0/chats/{id}`: deletes a chat (as a user or admin can);
 * - `POST /v1.0/users/{upn}/teamwork/sendActivityNotification`: an activity-feed notification;
 * - `POST /v1.0/users/{upn}/sendMail`: an e-mail (any address: mail leaves the tenant);
 * - `POST /workflows/{id}/triggers/manual/paths/invoke`: a Teams Workflows "post to a channel when a
 *   webhook request is received" trigger.
 * - `POST /v1.0/users/{id}/teamwork/installedApps`, the Bot Connector under `/_standin/botconnector/`
 *   and the bot's stand-in controls: see botconnector.ts. Graph faults apply to the Bot Connector too.
 * Everything received lands in a `TeamsInbox`. Stand-in controls:
 * - `GET  /_standin/teams/inbox?user=<alias or address>` (or `?channel=<id>`): that inbox, newest
 *   first, cards included; without a query, who has received what;
 * - `DELETE /_standin/teams/inbox`: empties every inbox (chats themselves stay);
 * - `POST /_standin/graph/faults {status, retryAfter?, count?, rate?, message?}`: Graph and
 *   Workflows calls fail `count` times, or at `rate`: 429 / 503 / 504 with Retry-After, as a
 *   throttled tenant does, or 400 with `message`, a refusal that retrying does not cure.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { emailFor, findInDirectory } from '../identity';
import { TeamsInbox } from './inbox';
import { ConnectorHttpError, botConnector, botControl, createBotConnectorState, installApp, type BotConnectorState } from './botconnector';
import { text } from 'node:stream/consumers';

/** A Graph fault to inject. */
export interface GraphFault {
  status: number;
  retryAfter: number;
  /** Calls left to fail; Infinity with a rate. */
  remaining: number;
  /** Probability (0–1) that a call fails; 1 with a count. */
  rate: number;
  /** The error message of a 400. */
  message?: string;
}

interface ChatMessage {
  id: string;
  createdDateTime: string;
  body: { contentType: string; content: string };
  attachments: { id: string; contentType: string; content: string | null }[];
}

interface Chat {
  id: string;
  /** Who created the chat (the caller, in Graph): messages in it come from them. */
  creator: string;
  members: string[];
  messages: ChatMessage[];
}

/** State of the stand-in's Graph: the inboxes, chats and any injected fault. */
export interface GraphContext {
  inbox: TeamsInbox;
  chats: Map<string, Chat>;
  fault: GraphFault | null;
  /** Graph calls answered (faults included), for benchmarks and tests. */
  calls: number;
  /** App installations and the Bot Connector (botconnector.ts). */
  bot: BotConnectorState;
}

/** A fresh Graph context for one stand-in. */
export function createGraphContext(): GraphContext {
  return { inbox: new TeamsInbox(), chats: new Map(), fault: null, calls: 0, bot: createBotConnectorState() };
}

/** The Workflows webhook URL of a channel on a stand-in at `baseUrl`. */
export function workflowUrl(baseUrl: string, channelId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/workflows/${encodeURIComponent(channelId)}/triggers/manual/paths/invoke?api-version=2016-06-01`;
}

class GraphHttpError extends Error {
  public constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }), ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await text(req);
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new GraphHttpError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

/** A user as Graph identifies them in a path or binding: UPN, or an alias of the demo directory. */
function directoryUpn(id: string): string {
  const user = findInDirectory(decodeURIComponent(id).replace(/^'|'$/g, ''));
  if (!user) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${decodeURIComponent(id)}' does not exist or one of its queried reference-property objects are not present.`);
  return emailFor(user.alias);
}

function inboxAddress(query: URLSearchParams): string | null {
  const channel = query.get('channel');
  if (channel) return `channel:${channel.toLowerCase()}`;
  const user = query.get('user');
  if (!user) return null;
  return user.includes('@') ? user.toLowerCase() : emailFor(user.toLowerCase());
}

function cardOf(content: unknown): Record<string, unknown> {
  const card: unknown = typeof content === 'string' ? JSON.parse(content) : content;
  if (typeof card !== 'object' || card === null || (card as { type?: unknown }).type !== 'AdaptiveCard') throw new Error('not an Adaptive Card');
  return card as Record<string, unknown>;
}

function injectedFault(ctx: GraphContext, res: ServerResponse): boolean {
  const fault = ctx.fault;
  if (!fault || fault.remaining <= 0 || Math.random() >= fault.rate) return false;
  fault.remaining -= 1;
  if (fault.remaining <= 0) ctx.fault = null;
  if (fault.status === 400) {
    send(res, 400, { error: { code: 'BadRequest', message: fault.message ?? 'The request was refused.' } });
    return true;
  }
  const message = fault.status === 429 ? 'Too many requests' : 'Service unavailable';
  send(res, fault.status, { error: { code: fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable', message } }, { 'Retry-After': String(fault.retryAfter) });
  return true;
}

async function standinControl(req: IncomingMessage, res: ServerResponse, url: URL, ctx: GraphContext): Promise<void> {
  if (url.pathname === '/_standin/graph/faults' && req.method === 'POST') {
    const body = await readJson(req);
    const status = Number(body.status ?? 429);
    if (status !== 400 && status !== 429 && status !== 503 && status !== 504) throw new GraphHttpError(400, 'BadRequest', 'A Graph fault has status 400, 429, 503 or 504.');
    const count = body.count === undefined ? Infinity : Number(body.count);
    const rate = body.rate === undefined ? 1 : Number(body.rate);
    if (!(count >= 0) || !(rate >= 0 && rate <= 1)) throw new GraphHttpError(400, 'BadRequest', 'count must be 0 or more and rate between 0 and 1.');
    ctx.fault = count === 0 ? null : { status, retryAfter: Number(body.retryAfter ?? 1), remaining: count, rate, ...(typeof body.message === 'string' ? { message: body.message } : {}) };
    send(res, 204);
    return;
  }
  if (url.pathname === '/_standin/teams/inbox' && req.method === 'GET') {
    const address = inboxAddress(url.searchParams);
    // The workbench page reads the inbox from its own origin.
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (address === null) send(res, 200, { recipients: ctx.inbox.recipients() }, cors);
    else send(res, 200, { recipient: address, items: ctx.inbox.forRecipient(address) }, cors);
    return;
  }
  if (url.pathname === '/_standin/teams/inbox' && req.method === 'DELETE') {
    // Chats stay: a sender holding a chat id must still find it, as in Teams.
    ctx.inbox.clear();
    send(res, 204);
    return;
  }
  throw new GraphHttpError(404, 'NotFound', `No stand-in control at ${req.method ?? ''} ${url.pathname}.`);
}

function chatFor(ctx: GraphContext, members: string[]): Chat {
  const sorted = [...new Set(members)].sort();
  const id = `19:${sorted.map((m) => m.split('@')[0]).join('_')}@unq.gbl.spaces`;
  let chat = ctx.chats.get(id);
  if (!chat) {
    chat = { id, creator: members[0], members: sorted, messages: [] };
    ctx.chats.set(id, chat);
  }
  return chat;
}

async function graph(req: IncomingMessage, res: ServerResponse, url: URL, ctx: GraphContext): Promise<void> {
  const path = url.pathname.slice('/v1.0'.length);
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;

  if ((m = /^\/users\/([^/]+)$/.exec(path)) && method === 'GET') {
    const upn = directoryUpn(m[1]);
    const user = findInDirectory(upn);
    send(res, 200, { id: upn, userPrincipalName: upn, mail: upn, displayName: user?.title ?? upn });
    return;
  }

  if (path === '/chats' && method === 'POST') {
    const body = await readJson(req);
    if (body.chatType !== 'oneOnOne') throw new GraphHttpError(400, 'BadRequest', "Only chatType 'oneOnOne' is supported by the stand-in.");
    const members = Array.isArray(body.members) ? (body.members as Record<string, unknown>[]) : [];
    const upns = members.map((mem) => {
      const bind = String(mem['user@odata.bind'] ?? '');
      const idMatch = /users\(([^)]+)\)$/.exec(bind) ?? /users\/([^/]+)$/.exec(bind);
      if (!idMatch) throw new GraphHttpError(400, 'BadRequest', `Cannot read the member binding '${bind}'.`);
      return directoryUpn(idMatch[1]);
    });
    if (upns.length !== 2 || upns[0] === upns[1]) throw new GraphHttpError(400, 'BadRequest', 'A one-on-one chat has exactly two different members.');
    const chat = chatFor(ctx, upns);
    send(res, 201, { id: chat.id, chatType: 'oneOnOne', createdDateTime: new Date().toISOString() });
    return;
  }

  if ((m = /^\/chats\/([^/]+)$/.exec(path)) && method === 'DELETE') {
    if (!ctx.chats.delete(decodeURIComponent(m[1]))) throw new GraphHttpError(404, 'NotFound', 'The chat does not exist.');
    send(res, 204);
    return;
  }

  if ((m = /^\/chats\/([^/]+)\/messages$/.exec(path))) {
    const chat = ctx.chats.get(decodeURIComponent(m[1]));
    if (!chat) throw new GraphHttpError(404, 'NotFound', 'The chat does not exist.');
    if (method === 'GET') {
      const top = Math.min(Number(url.searchParams.get('$top') ?? 50), 50);
      send(res, 200, { value: [...chat.messages].reverse().slice(0, top) });
      return;
    }
    if (method === 'POST') {
      const body = await readJson(req);
      const attachments = Array.isArray(body.attachments) ? (body.attachments as Record<string, unknown>[]) : [];
      const messageBody = body.body as { contentType?: unknown; content?: unknown } | undefined;
      if (typeof messageBody?.content !== 'string') throw new GraphHttpError(400, 'BadRequest', 'A chat message needs a body.');
      let card: Record<string, unknown> | null = null;
      const stored: ChatMessage['attachments'] = [];
      for (const a of attachments) {
        if (typeof a.id !== 'string' || a.id === '') throw new GraphHttpError(400, 'BadRequest', 'Every attachment needs an id.');
        if (!messageBody.content.includes(`<attachment id="${a.id}">`)) throw new GraphHttpError(400, 'BadRequest', `The message body must reference attachment '${a.id}'.`);
        if (a.contentType === 'application/vnd.microsoft.card.adaptive') {
          try {
            card = cardOf(a.content);
          } catch {
            throw new GraphHttpError(400, 'BadRequest', 'The attachment content is not an Adaptive Card.');
          }
        }
        stored.push({ id: a.id, contentType: String(a.contentType), content: typeof a.content === 'string' ? a.content : null });
      }
      const deliveryId = stored[0]?.id ?? null;
      const existing = deliveryId === null ? undefined : chat.messages.find((msg) => msg.attachments.some((a) => a.id === deliveryId));
      const message: ChatMessage = existing ?? { id: String(Date.now()) + String(chat.messages.length), createdDateTime: new Date().toISOString(), body: { contentType: String(messageBody.contentType ?? 'text'), content: messageBody.content }, attachments: stored };
      if (!existing) {
        chat.messages.push(message);
        const sender = chat.creator;
        for (const to of chat.members.filter((x) => x !== sender)) {
          ctx.inbox.receive({ via: 'chat', to, from: sender, deliveryId, card, text: messageBody.content.replace(/<[^>]*>/g, '').trim() });
        }
      }
      send(res, 201, message);
      return;
    }
  }

  if ((m = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path)) && method === 'POST') {
    await installApp(req, res, ctx.bot, m[1], url.origin);
    return;
  }

  if ((m = /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(path)) && method === 'POST') {
    const to = directoryUpn(m[1]);
    const body = await readJson(req);
    const topic = body.topic as { webUrl?: unknown; value?: unknown } | undefined;
    const preview = body.previewText as { content?: unknown } | undefined;
    if (!topic || typeof body.activityType !== 'string' || typeof preview?.content !== 'string') throw new GraphHttpError(400, 'BadRequest', 'An activity notification needs topic, activityType and previewText.');
    const chainId = body.chainId === undefined ? null : String(body.chainId);
    ctx.inbox.receive({ via: 'activity', to, from: 'app', deliveryId: chainId, card: null, text: preview.content, body: String(topic.webUrl ?? topic.value ?? '') });
    send(res, 204);
    return;
  }

  if ((m = /^\/users\/([^/]+)\/sendMail$/.exec(path)) && method === 'POST') {
    const from = directoryUpn(m[1]);
    const body = await readJson(req);
    const message = body.message as { subject?: unknown; body?: { content?: unknown }; toRecipients?: { emailAddress?: { address?: unknown } }[]; internetMessageHeaders?: { name?: unknown; value?: unknown }[] } | undefined;
    const to = (message?.toRecipients ?? []).map((r) => r.emailAddress?.address).filter((a): a is string => typeof a === 'string' && a.includes('@'));
    if (!message || to.length === 0) throw new GraphHttpError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    const header = (message.internetMessageHeaders ?? []).find((h) => String(h.name).toLowerCase() === 'x-delivery-id');
    for (const address of to) {
      ctx.inbox.receive({ via: 'mail', to: address, from, deliveryId: header ? String(header.value) : null, card: null, text: String(message.subject ?? ''), body: String(message.body?.content ?? '') });
    }
    send(res, 202);
    return;
  }

  throw new GraphHttpError(400, 'BadRequest', `The stand-in does not serve ${method} /v1.0${path}.`);
}

async function workflow(req: IncomingMessage, res: ServerResponse, ctx: GraphContext, channelId: string): Promise<void> {
  if (req.method !== 'POST') throw new GraphHttpError(405, 'MethodNotAllowed', 'Workflows triggers take POST.');
  const body = await readJson(req);
  const attachments = Array.isArray(body.attachments) ? (body.attachments as Record<string, unknown>[]) : [];
  if (body.type !== 'message' || attachments.length === 0) throw new GraphHttpError(400, 'InvalidRequestContent', "The request body must be a message with an Adaptive Card attachment: {type:'message', attachments:[…]}.");
  let card: Record<string, unknown>;
  try {
    card = cardOf(attachments[0].content);
  } catch {
    throw new GraphHttpError(400, 'InvalidRequestContent', 'The attachment is not an Adaptive Card.');
  }
  const key = req.headers['idempotency-key'];
  ctx.inbox.receive({ via: 'channel', to: `channel:${channelId.toLowerCase()}`, from: 'workflow', deliveryId: typeof key === 'string' ? key : null, card, text: '' });
  send(res, 202);
}

/**
 * Serves a request if it is for the stand-in's Graph, Workflows or Teams inbox endpoints.
 * Call it before anything reads the request body; it returns true when it answered.
 */
export async function handleGraphRequest(req: IncomingMessage, res: ServerResponse, ctx: GraphContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const isGraph = url.pathname.startsWith('/v1.0/');
  const workflowMatch = /^\/workflows\/([^/]+)\/triggers\/manual\/paths\/invoke$/.exec(url.pathname);
  const isControl = url.pathname === '/_standin/teams/inbox' || url.pathname === '/_standin/graph/faults';
  const isBotControl = (url.pathname === '/_standin/bot/registration' || url.pathname === '/_standin/teams/app-policy') && req.method === 'PUT';
  const connectorPath = url.pathname.startsWith('/_standin/botconnector/') ? url.pathname.slice('/_standin/botconnector/'.length) : null;
  if (!isGraph && !workflowMatch && !isControl && !isBotControl && connectorPath === null) return false;
  try {
    if (isBotControl) {
      await botControl(req, res, url.pathname, ctx.bot);
      return true;
    }
    if (isControl) {
      await standinControl(req, res, url, ctx);
      return true;
    }
    ctx.calls += 1;
    if (injectedFault(ctx, res)) return true;
    // The Bot Connector is Teams' service as Graph is: counted and faulted with it.
    if (connectorPath !== null) await botConnector(req, res, connectorPath, ctx.bot, ctx.inbox);
    else if (workflowMatch) await workflow(req, res, ctx, decodeURIComponent(workflowMatch[1]));
    else await graph(req, res, url, ctx);
  } catch (e) {
    if (e instanceof GraphHttpError || e instanceof ConnectorHttpError) send(res, e.status, { error: { code: e.code, message: e.message } });
    else send(res, 500, { error: { code: 'InternalServerError', message: (e as Error).message } });
  }
  return true;
}
