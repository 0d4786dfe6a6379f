/**
 * The reminder service as a Node process: an HTTP receiver for SharePoint's list webhooks
 * (Recommendations: changes read; Update Rounds: the rounds' cards sent), a timer that polls for
 * missed changes and rounds, runs the daily sweep, delivers deferred reminders and renews the
 * subscriptions. `startReminderService` is what `npm start` (through the workbench) and the tests
 * call; functions.ts wraps the same engine for Azure Functions.
 */
import { createHash, timingSafeEqual } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { SPFI } from '@pnp/sp';
import { nodeSp } from '../data/node';
import { londonWallClock } from '../core/dates';
import { checkTrackerLink, linkProblemText } from '../core/links';
import type { IsoDate, Person } from '../core/model';
import { minutesOfDay } from '../core/reminders';
import type { LinkSettings } from '../core/reminders';
import { createTrackerData, type TrackerData } from '../data';
import { listSchema } from '../schema';
import { loadAuthConfigFromEnv, type AuthConfiguration } from '@microsoft/agents-hosting';
import { createCardActions } from './cardActions';
import { cardDecisionVerbs } from './cardDecisions';
import { BotConnector, BotTransport, ConversationStore } from './proactive';
import { GraphTransport, type DeliveryTransport, type PersonRoute } from './delivery';
import { ReminderEngine, type ReminderLogger } from './engine';
import { GraphClient } from './graph';
import { escapingLogger } from './logging';
import { receiveWebhook, type ListNotification, type WebhookRequest, type WebhookResponse } from './webhooks';
import { ensureWatchedSubscriptions, notifiedJobs, removeWatchedSubscriptions, type NotifiedWork, type WatchedSubscriptions } from './watched';
import { text } from 'node:stream/consumers';

export interface ReminderServiceOptions {
  /** The tracker site, e.g. the stand-in's `siteUrl`. */
  siteUrl: string;
  /** PnPjs for the site; by default `nodeSp(siteUrl)` acting as the stand-in's admin. */
  sp?: SPFI;
  /** Microsoft Graph's base URL (default `https://graph.microsoft.com`; the stand-in's URL locally). */
  graphUrl?: string;
  /** A Graph access token (default: none, which only the stand-in accepts). */
  graphToken?: () => Promise<string>;
  /** The service account chats and e-mails come from. */
  senderUpn: string;
  /**
   * How a person is reached in Teams (delivery.ts): `chat` (the default; the stand-in shows its
   * cards, and Graph allows it only with delegated auth) or `activity` (the activity feed, which
   * Graph allows app-only: the route for a tenant).
   */
  personRoute?: PersonRoute;
  /** The webhook secret: given to SharePoint, checked on every notification. */
  clientState: string;
  /**
   * The key the admin endpoints (`POST /api/sweep`, `GET /api/status`) require in the
   * `x-functions-key` header, as an Azure Functions function key is. Without one they refuse every call.
   */
  adminKey?: string;
  links: LinkSettings;
  /** Port to listen on (0, the default, picks a free one). */
  port?: number;
  host?: string;
  /** The URL SharePoint can reach this service at, when not the listening address (a tunnel, a proxy). */
  publicUrl?: string;
  /** The current instant (a simulated clock in tests). */
  clock?: () => Date;
  /** Who signs off closures. */
  approver?: Person | null;
  holidays?: readonly IsoDate[];
  /** London time of the daily sweep (default 07:30, so reminders are waiting at 08:00). */
  sweepAt?: string;
  /**
   * Run the sweep at start when the site has never been swept, instead of waiting for `sweepAt`
   * (default false): a freshly loaded demo site has its reminders at once. Later starts find the
   * day recorded and do not sweep again, and the Reminder Log's keys would refuse a repeat anyway.
   */
  catchUpSweep?: boolean;
  /**
   * What the housekeeping timer does: `all` (the default) polls for changes, runs the daily sweep
   * when due, delivers and renews the subscription; `deliveries` only delivers what is due and
   * takes up "send again" requests — for a clock that stands still, which reaches no new day and
   * gets its changes from the webhook alone.
   */
  housekeeping?: 'all' | 'deliveries';
  /** Interval of the housekeeping timer in ms (default 60,000); null for none (tests call `tick`). */
  tickMs?: number | null;
  /** Notifications arriving within this many ms are read as one batch of changes (default 500). */
  debounceMs?: number;
  /** Subscribe to the watched lists' webhooks at start (default true; watched.ts). */
  subscribe?: boolean;
  /**
   * Delete the subscription on close (default false). For short-lived local runs, whose next start
   * listens on another port; a deployed service keeps it, so that SharePoint retries while it is down.
   */
  unsubscribeOnClose?: boolean;
  logger?: ReminderLogger;
  /** Delivery, by default Graph and Workflows webhooks. */
  transport?: DeliveryTransport;
  /** How Graph retries wait (tests shorten it). */
  graphSleep?: (ms: number) => Promise<void>;
  /**
   * Proactive delivery through the bot (proactive.ts): people's cards go to their conversation with
   * the bot, installing the app for them through Graph; the `personRoute` stays for those it cannot reach.
   * Without it (the default) cards go by `personRoute` alone.
   */
  bot?: { serviceUrl: string; catalogAppId?: string; tenantId?: string };
  /** The bot's Entra app registration (default: read from the environment; none means anonymous local runs). */
  botAuth?: AuthConfiguration;
}

/** A running reminder service. */
export interface ReminderService {
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The notification URL given to SharePoint. */
  webhookUrl: string;
  engine: ReminderEngine;
  /** Housekeeping, as the timer does it: changes missed, daily sweep when due, deliveries due, subscription. */
  tick(): Promise<void>;
  /** Resolves when all work started so far has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const consoleLogger: ReminderLogger = {
  info: (m) => console.log(`[reminders] ${m}`),
  warn: (m) => console.warn(`[reminders] ${m}`),
  error: (m) => console.error(`[reminders] ${m}`)
};

/** Everything the engine needs, built from the options (shared with the Azure Functions host). */
export async function createEngine(
  options: ReminderServiceOptions
): Promise<{ engine: ReminderEngine; sp: SPFI; data: TrackerData; logger: ReminderLogger; graph: GraphClient; links: LinkSettings; conversations: ConversationStore; botAuth: AuthConfiguration }> {
  // Messages quote SharePoint's data and requests' bodies: escaped, none can forge a log line.
  const logger = escapingLogger(options.logger ?? consoleLogger);
  // Every card's "Open item" leads here: refuse to start rather than send links off the tenant.
  const tracker = checkTrackerLink(options.links.trackerUrl, options.siteUrl);
  if (!tracker.ok) throw new Error(`The tracker page for "Open item" (TRACKER_PAGE_URL) cannot be used with the site ${options.siteUrl}: ${linkProblemText(tracker.problem)}`);
  const links: LinkSettings = { ...options.links, trackerUrl: tracker.url };
  const sp = options.sp ?? nodeSp(options.siteUrl, { user: 'admin' });
  const graph = new GraphClient({ baseUrl: options.graphUrl ?? 'https://graph.microsoft.com', token: options.graphToken ?? (async () => 'stand-in'), sleep: options.graphSleep });
  const data = createTrackerData(sp);
  const conversations = new ConversationStore(data.settings);
  const botAuth = options.botAuth ?? loadAuthConfigFromEnv();
  const viaGraph = new GraphTransport({ graph, links, senderUpn: options.senderUpn, personRoute: options.personRoute });
  const viaBot =
    options.bot === undefined
      ? null
      : new BotTransport({ graph, links, store: conversations, connector: new BotConnector(botAuth), catalogAppId: options.bot.catalogAppId ?? links.teamsAppId, serviceUrl: options.bot.serviceUrl, tenantId: options.bot.tenantId, fallback: viaGraph });
  const transport = options.transport ?? viaBot ?? viaGraph;
  const engine = await ReminderEngine.start({ data, transport, links, clock: options.clock ?? (() => new Date()), approver: options.approver, holidays: options.holidays, logger });
  return { engine, sp, data, logger, graph, links, conversations, botAuth };
}

/** Whether a request carries the admin key; compared in constant time, so it cannot be guessed byte by byte. */
function hasAdminKey(headers: IncomingHttpHeaders, key: string | undefined): boolean {
  const presented = headers['x-functions-key'];
  if (key === undefined || key === '' || typeof presented !== 'string') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(key));
}

const ADMIN_PATHS = new Set(['/api/sweep', '/api/status']);

function reply(res: ServerResponse, answer: WebhookResponse): void {
  res.writeHead(answer.status, answer.headers ?? {});
  res.end(answer.body ?? '');
}

/** Starts the service: engine, HTTP receiver, webhook subscription, timer. */
export async function startReminderService(options: ReminderServiceOptions): Promise<ReminderService> {
  const { engine, sp, data, logger, graph, links, conversations, botAuth } = await createEngine(options);
  const cardActions = createCardActions({
    data,
    graph,
    links,
    clock: options.clock ?? (() => new Date()),
    logger,
    auth: botAuth,
    verbs: cardDecisionVerbs({ data, links }),
    onActivity: (context) => conversations.heard(context)
  });
  const clock = options.clock ?? (() => new Date());
  const sweepMinute = minutesOfDay(options.sweepAt ?? '07:30');
  const debounceMs = options.debounceMs ?? 500;
  const background = new Set<Promise<unknown>>();
  /** The work notifications asked for, waiting out the debounce (SharePoint notifies in bursts). */
  const debounces = new Map<NotifiedWork, NodeJS.Timeout>();
  let lastRenewal = 0;
  let subscriptions: WatchedSubscriptions = new Map();

  const track = (work: Promise<unknown>, what: string): void => {
    const p = work.catch((e: unknown) => logger.error(`${what} failed, and will be tried again: ${e instanceof Error ? e.message : String(e)}`));
    background.add(p);
    void p.finally(() => background.delete(p));
  };

  const notified = (notifications: ListNotification[]): void => {
    for (const job of notifiedJobs(notifications, subscriptions, engine)) {
      const pending = debounces.get(job.work);
      if (pending) clearTimeout(pending);
      debounces.set(
        job.work,
        setTimeout(() => {
          debounces.delete(job.work);
          track(job.run(), job.what);
        }, debounceMs)
      );
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://service');
      try {
        if (url.pathname === '/api/webhook') {
          const request: WebhookRequest = { method: req.method ?? 'GET', url: req.url ?? '/', body: await text(req) };
          reply(res, receiveWebhook(request, { clientState: options.clientState, onNotified: notified, warn: (message) => logger.warn(message) }));
        } else if (url.pathname === '/api/messages' && req.method === 'POST') {
          // The bot's endpoint: the Bot Connector's activities, authorised by the Agents SDK.
          await cardActions.handle(req, res);
        } else if (ADMIN_PATHS.has(url.pathname) && !hasAdminKey(req.headers, options.adminKey)) {
          logger.warn(`Refused ${url.pathname}: the request did not carry the service's admin key.`);
          reply(res, { status: 401, headers: { 'WWW-Authenticate': 'x-functions-key' }, body: "This endpoint needs the service's admin key in the x-functions-key header." });
        } else if (url.pathname === '/api/sweep' && req.method === 'POST') {
          reply(res, { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await engine.sweep()) });
        } else if (url.pathname === '/api/status' && req.method === 'GET') {
          const counts: { [status: string]: number } = {};
          for (const e of engine.ledger.all()) counts[e.status] = (counts[e.status] ?? 0) + 1;
          reply(res, { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ log: counts }) });
        } else reply(res, { status: 404, body: 'Not found' });
      } catch (e) {
        logger.error(`${req.method ?? ''} ${url.pathname} failed: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) reply(res, { status: 500, body: 'The reminder service failed; see its log.' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  const webhookUrl = `${(options.publicUrl ?? url).replace(/\/$/, '')}/api/webhook`;

  const renew = async (): Promise<void> => {
    subscriptions = await ensureWatchedSubscriptions(sp, webhookUrl, options.clientState);
    lastRenewal = Date.now();
    for (const [key, state] of subscriptions) {
      if (state.action !== 'kept') logger.info(`Webhook subscription ${state.id} on ${listSchema(key).title} ${state.action}, expires ${state.expirationDateTime}.`);
    }
  };

  const tick = async (): Promise<void> => {
    if (options.housekeeping === 'deliveries') {
      await engine.flush();
      return;
    }
    const now = clock();
    const wall = londonWallClock(now);
    // Polling as well as webhooks: a notification SharePoint gave up on is not a lost change.
    await engine.processChanges();
    const last = await engine.lastSweepDay();
    if (wall.hour * 60 + wall.minute >= sweepMinute && (last === undefined || last < wall.date)) await engine.sweep();
    await engine.announceRounds();
    await engine.flush();
    if (options.subscribe !== false && Date.now() - lastRenewal > 86400000) await renew();
  };

  if (options.subscribe !== false) await renew();
  // Record where the change log stands (first run), or catch up with what happened while stopped.
  await engine.processChanges();
  if (options.catchUpSweep === true && (await engine.lastSweepDay()) === undefined) {
    logger.info('First start on this site: catch-up sweep now, rather than at the next daily sweep.');
    await engine.sweep();
  }
  // A round opened while the service was stopped: its owners get their cards now.
  await engine.announceRounds();
  const timer = options.tickMs === null ? null : setInterval(() => track(tick(), 'Housekeeping'), options.tickMs ?? 60000);

  return {
    url,
    webhookUrl,
    engine,
    tick,
    idle: async () => {
      while (debounces.size > 0 || background.size > 0) {
        if (debounces.size > 0) await new Promise((resolve) => setTimeout(resolve, debounceMs));
        await Promise.all([...background]);
      }
      await engine.idle();
    },
    close: async () => {
      if (timer) clearInterval(timer);
      for (const pending of debounces.values()) clearTimeout(pending);
      debounces.clear();
      await Promise.all([...background]);
      await engine.idle();
      if (options.unsubscribeOnClose) await removeWatchedSubscriptions(sp, subscriptions);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}
