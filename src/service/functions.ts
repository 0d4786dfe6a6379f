/**
 * The reminder service as Azure Functions: HTTP-trigger-shaped handlers over plain request and
 * response objects, so no Functions SDK is needed here. Register them in the Functions app, e.g.
 *
 * ```ts
 * app.http('webhook', { methods: ['POST'], authLevel: 'anonymous',
 *   handler: async (req) => { const r = await webhookHandler({ method: req.method, url: req.url, body: await req.text() }); return { status: r.status, headers: r.headers, body: r.body }; } });
 * app.http('sweep', { methods: ['POST'], authLevel: 'function', handler: async () => { const r = await sweepHandler(); return { status: r.status, headers: r.headers, body: r.body }; } });
 * app.timer('housekeeping', { schedule: '0 *\/5 * * * *', handler: () => timerHandler() });
 * ```
 *
 * The sweep runs the whole site's reminders on demand: register it with `authLevel: 'function'`, so
 * the Functions host admits only callers with a function key (`x-functions-key`), never anonymously.
 *
 * Run the app with one instance at most (protocol.ts: one writer). SharePoint must get its answer
 * within 5 seconds, so `webhookHandler` answers 202 at once and reads the changes afterwards; if the
 * host freezes that work, the timer's `timerHandler` reads the same changes from the stored change
 * token five minutes later, so nothing depends on it.
 *
 * Configuration comes from `configureReminderFunctions` or, by default, from the environment:
 * `TRACKER_SITE_URL`, `REMINDER_CLIENT_STATE`, `REMINDER_SENDER_UPN`, `TEAMS_APP_ID`,
 * `MY_ACTIONS_ENTITY_ID`, `TRACKER_PAGE_URL`, optional `GRAPH_URL`, `REMINDER_PUBLIC_URL` (the
 * Functions app's base URL, to keep the webhook subscription), `REMINDER_APPROVER_EMAIL` /
 * `REMINDER_APPROVER_NAME`, and for a tenant the app registration `AZURE_CLIENT_ID`,
 * `AZURE_TENANT_ID`, `AZURE_CERTIFICATE_PATH`, `AZURE_CERTIFICATE_THUMBPRINT` (used for both
 * SharePoint and Graph, app-only).
 *
 * `REMINDER_PERSON_ROUTE` (`activity` or `chat`) says how people are reached in Teams. It defaults
 * to `activity` when the app registration is set, because Graph sends chat messages only for a
 * signed-in user, never app-only: with app-only tokens every chat would be refused and go by
 * e-mail instead. Without the app registration (the stand-in) it defaults to `chat`, whose cards
 * the local inbox shows.
 */
import { readFileSync } from 'fs';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { SPFI } from '@pnp/sp';
import { nodeSp } from '../data/node';
import { createEngine, type ReminderServiceOptions } from './service';
import { PERSON_ROUTES, type PersonRoute } from './delivery';
import type { EngineResult, ReminderEngine, ReminderLogger } from './engine';
import { receiveWebhook, type WebhookRequest, type WebhookResponse } from './webhooks';
import { ensureWatchedSubscriptions, notifiedJobs, type WatchedSubscriptions } from './watched';

/** What the Functions host needs: the service options without the HTTP listener's (the host checks function keys itself). */
export type ReminderFunctionsOptions = Omit<ReminderServiceOptions, 'port' | 'host' | 'tickMs' | 'debounceMs' | 'subscribe' | 'adminKey'>;

let configured: ReminderFunctionsOptions | null = null;
let host: Promise<{ engine: ReminderEngine; sp: SPFI; logger: ReminderLogger }> | null = null;
/** The watched lists' subscriptions as this instance's timer last kept them: which list a notification is from. */
let subscriptions: WatchedSubscriptions = new Map();

/** Sets the configuration (instead of the environment) and drops any engine built before. */
export function configureReminderFunctions(options: ReminderFunctionsOptions): void {
  configured = options;
  host = null;
}

/** The person route from `REMINDER_PERSON_ROUTE`, or the default for app-only (`activity`) or not (`chat`). */
export function personRouteFromEnvironment(env: NodeJS.ProcessEnv, appOnly: boolean): PersonRoute {
  const value = env.REMINDER_PERSON_ROUTE?.trim().toLowerCase();
  if (!value) return appOnly ? 'activity' : 'chat';
  const route = PERSON_ROUTES.find((r) => r === value);
  if (!route) throw new Error(`The app setting REMINDER_PERSON_ROUTE must be ${PERSON_ROUTES.map((r) => `'${r}'`).join(' or ')}, not '${env.REMINDER_PERSON_ROUTE ?? ''}'.`);
  return route;
}

/** The options from the Functions app settings. */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ReminderFunctionsOptions {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`The reminder functions need the app setting ${name}.`);
    return value;
  };
  const siteUrl = required('TRACKER_SITE_URL');
  const clientId = env.AZURE_CLIENT_ID;
  const tenant = clientId
    ? { clientId, tenantId: required('AZURE_TENANT_ID'), certificatePath: required('AZURE_CERTIFICATE_PATH'), thumbprint: required('AZURE_CERTIFICATE_THUMBPRINT') }
    : null;
  const msal = tenant
    ? new ConfidentialClientApplication({
        auth: { clientId: tenant.clientId, authority: `https://login.microsoftonline.com/${tenant.tenantId}`, clientCertificate: { thumbprint: tenant.thumbprint, privateKey: readFileSync(tenant.certificatePath, 'utf8') } }
      })
    : null;
  const graphToken = msal
    ? async (): Promise<string> => {
        const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
        if (!result) throw new Error('Entra ID issued no token for Microsoft Graph.');
        return result.accessToken;
      }
    : undefined;
  return {
    siteUrl,
    sp: tenant ? nodeSp(siteUrl, { tenant }) : undefined,
    graphUrl: env.GRAPH_URL,
    graphToken,
    senderUpn: required('REMINDER_SENDER_UPN'),
    personRoute: personRouteFromEnvironment(env, tenant !== null),
    clientState: required('REMINDER_CLIENT_STATE'),
    links: { teamsAppId: required('TEAMS_APP_ID'), myActionsEntityId: env.MY_ACTIONS_ENTITY_ID ?? 'myactions', trackerUrl: required('TRACKER_PAGE_URL') },
    publicUrl: env.REMINDER_PUBLIC_URL,
    approver: env.REMINDER_APPROVER_EMAIL ? { name: env.REMINDER_APPROVER_NAME ?? env.REMINDER_APPROVER_EMAIL, email: env.REMINDER_APPROVER_EMAIL } : null,
    // Proactive delivery through the bot (service/proactive.ts), when its Bot Connector is named.
    bot: env.BOT_SERVICE_URL ? { serviceUrl: env.BOT_SERVICE_URL, catalogAppId: env.TEAMS_CATALOG_APP_ID, tenantId: env.tenantId ?? env.AZURE_TENANT_ID } : undefined
  };
}

function options(): ReminderFunctionsOptions {
  configured ??= optionsFromEnvironment();
  return configured;
}

/** The engine, built once per Functions host (the log is loaded once, then kept in step). */
function engine(): Promise<{ engine: ReminderEngine; sp: SPFI; logger: ReminderLogger }> {
  host ??= createEngine(options()).catch((e: unknown) => {
    host = null;
    throw e;
  });
  return host;
}

function json(status: number, body: unknown): WebhookResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * The webhook endpoint: handshake, 400 for a malformed payload, 403 (logged) for a wrong
 * `clientState`, else 202 and the changes are read.
 */
export async function webhookHandler(request: WebhookRequest): Promise<WebhookResponse> {
  const url = new URL(request.url, 'http://function');
  // The handshake must be answered even before the engine has loaded.
  if (url.searchParams.has('validationtoken') || url.searchParams.has('validationToken')) return receiveWebhook(request, { clientState: '', onNotified: () => undefined, warn: () => undefined });
  const { engine: e, logger } = await engine();
  return receiveWebhook(request, {
    clientState: options().clientState,
    warn: (message) => logger.warn(message),
    onNotified: (notifications) => {
      for (const job of notifiedJobs(notifications, subscriptions, e)) {
        job.run().catch((err: unknown) => logger.error(`${job.what} failed; the timer will try again: ${err instanceof Error ? err.message : String(err)}`));
      }
    }
  });
}

/** The daily sweep (a timer trigger, or on demand). */
export async function sweepHandler(): Promise<WebhookResponse> {
  const { engine: e } = await engine();
  const result: EngineResult = await e.sweep();
  return json(200, result);
}

/**
 * Housekeeping every few minutes: the webhook subscriptions on Recommendations and Update Rounds (created or renewed when
 * `publicUrl` is set), changes a notification did not bring, update rounds' cards, and deferred deliveries.
 */
export async function timerHandler(): Promise<WebhookResponse> {
  const { engine: e, sp } = await engine();
  const { publicUrl, clientState } = options();
  if (publicUrl) subscriptions = await ensureWatchedSubscriptions(sp, `${publicUrl.replace(/\/$/, '')}/api/webhook`, clientState);
  const subscription = publicUrl ? Object.fromEntries(subscriptions) : null;
  const changes = await e.processChanges();
  const rounds = await e.announceRounds();
  const flushed = await e.flush();
  return json(200, { subscription, changes, rounds, flushed });
}
