/**
 * The local Microsoft 365 stand-in: an HTTP server speaking the SharePoint REST subset the tracker
 * uses, in SharePoint Online's wire format, backed by SQLite. Development and test tool only.
 *
 * Dev-only extras: the caller is chosen by the `X-Standin-User: <alias>` header or the
 * `standin-user=<alias>` cookie (default `admin`); `/_standin/health` and `/_standin/faults` are
 * admin endpoints that are never counted or faulted. Microsoft Graph and Teams Workflows requests
 * (`/v1.0/…`, `/workflows/…`) are served on the same port by `./graph`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createList, dispatch } from './api';
import { formatBatch, parseBatch } from './batch';
import { refuseIgnoredOptions, refuseUnknownOptions, type Ctx } from './context';
import { SpError, errors } from './errors';
import { FaultInjector, type FaultSettings } from './faults';
import { createGraphContext, handleGraphRequest, type GraphContext } from './graph';
import { DEFAULT_ALIAS, DIRECTORY, effectiveLevel, emailFor, findInDirectory, loginFor } from './identity';
import type { UserRecord } from './model';
import { parseApiPath } from './path';
import { Store } from './store';
import { validateNotificationUrl, WebhookDispatcher } from './webhooks';
import { Responder, flavourOf, type ApiRequest, type ApiResponse } from './wire';
import { buffer } from 'node:stream/consumers';

export interface StandinOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** SQLite file path; `:memory:` (the default) keeps nothing after close. */
  dbPath?: string;
  /** Quiet period before a webhook notification is sent; default 1000 ms. */
  webhookDebounceMs?: number;
  /** Delay between retries of a failed webhook delivery; default 5 minutes, as SharePoint. */
  webhookRetryDelayMs?: number;
}

export interface Standin {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `${url}/sites/tracker` */
  siteUrl: string;
  /** Requests served under the site (admin endpoints excluded; a `$batch` counts once). */
  requestCount(): number;
  resetRequestCount(): void;
  /** The Microsoft Graph / Teams Workflows side of the stand-in (served on the same port). */
  graph: GraphContext;
  close(): Promise<void>;
}


/** Content types of the documents the tracker stores (Committee Papers), served at their own address. */
const DOCUMENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};
/** The one site the stand-in hosts. */
export const SITE_PATH = '/sites/tracker';
const DEFAULT_LIBRARY = { title: 'Documents', url: `${SITE_PATH}/Shared Documents` };

const ADMIN_PREFIX = '/_standin/';

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) {
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
  }
  return out;
}

function cookieValue(cookie: string | undefined, name: string): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      return decodeURIComponent(v.join('='));
    }
  }
  return undefined;
}

function send(res: ServerResponse, r: ApiResponse, extra: Record<string, string> = {}): void {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  res.writeHead(r.status, { ...extra, ...r.headers, 'content-length': String(body.length) });
  res.end(body);
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) {
    return {};
  }
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-headers': 'accept, content-type, if-match, x-http-method, x-requestdigest, x-standin-user, x-pnpjs-requestid, x-clientservice-clienttag, x-pnp-batchnever, x-pnpjs-nodigest',
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, MERGE, OPTIONS',
    'access-control-expose-headers': 'etag, location, retry-after'
  };
}

/** Starts the stand-in. */
export async function startStandin(opts: StandinOptions = {}): Promise<Standin> {
  const host = opts.host ?? '127.0.0.1';
  const store = new Store(opts.dbPath ?? ':memory:', SITE_PATH);
  if (!store.listByUrl(DEFAULT_LIBRARY.url)) {
    createList(store, SITE_PATH, { Title: DEFAULT_LIBRARY.title, BaseTemplate: 101 }, DEFAULT_LIBRARY.url);
  }
  const faults = new FaultInjector();
  const webhooks = new WebhookDispatcher(store, {
    debounceMs: opts.webhookDebounceMs ?? 1000,
    retryDelayMs: opts.webhookRetryDelayMs ?? 5 * 60 * 1000,
    retries: 5,
    dropDeliveries: () => faults.settings.dropWebhooks === true,
    sitePath: SITE_PATH
  });
  let count = 0;

  /** Resolves the caller; a directory user who is not yet a site user is added on first visit. */
  const identify = (headers: Record<string, string>): UserRecord | SpError => {
    const alias = (headers['x-standin-user'] ?? cookieValue(headers.cookie, 'standin-user') ?? DEFAULT_ALIAS).trim().toLowerCase();
    const person = findInDirectory(alias);
    if (!person) {
      return new SpError(
        401,
        '-2147024891, System.UnauthorizedAccessException',
        `Unknown stand-in user '${alias}'. Known aliases: ${DIRECTORY.map((u) => u.alias).join(', ')}.`
      );
    }
    return store.userByLogin(loginFor(person.alias)) ?? store.addUser(loginFor(person.alias), person.title, emailFor(person.alias));
  };

  /** Runs one API request (a plain one or a `$batch` part) for a known caller. */
  const runApi = async (req: ApiRequest, user: UserRecord, apiPath: string): Promise<ApiResponse> => {
    const origin = `${req.url.protocol}//${req.url.host}`;
    const webUrl = `${origin}${SITE_PATH}`;
    const res = new Responder(flavourOf(req.headers.accept), `${webUrl}/_api`);
    const ctx: Ctx = {
      req,
      store,
      res,
      user,
      level: effectiveLevel(user.isSiteAdmin, store.groupIdsOf(user.id)),
      origin,
      sitePath: SITE_PATH,
      webUrl,
      apiUrl: `${webUrl}/_api`,
      listener: webhooks,
      validateWebhook: validateNotificationUrl,
      consumed: new Set()
    };
    try {
      refuseUnknownOptions(req.url);
      const segments = parseApiPath(apiPath, req.url.searchParams);
      const result = await dispatch(ctx, segments);
      if (result.status < 400) {
        refuseIgnoredOptions(ctx, segments.map((s) => (s.call ? `${s.raw}(…)` : s.raw)).join('/'));
      }
      return result;
    } catch (e) {
      if (e instanceof SpError) {
        return res.error(e);
      }
      const message = e instanceof Error ? e.message : String(e);
      return res.error(new SpError(500, '-2146233079, System.InvalidOperationException', message));
    }
  };

  /** Splits `/sites/tracker/_api/<path>` and returns `<path>` (raw), or undefined. */
  const apiPathOf = (pathname: string): string | undefined => {
    const prefix = `${SITE_PATH}/_api`;
    if (pathname.toLowerCase() === prefix.toLowerCase()) {
      return '';
    }
    if (pathname.toLowerCase().startsWith(`${prefix.toLowerCase()}/`)) {
      return pathname.slice(prefix.length + 1);
    }
    return undefined;
  };

  /** The absolute URL a `$batch` part names (absolute, or relative to the batch's own URL). */
  const partUrl = (raw: string, base: URL): URL => {
    try {
      return new URL(raw, base);
    } catch {
      throw errors.badRequest(`The batch part URL '${raw}' is not a URL.`);
    }
  };

  /**
   * Runs a `$batch`. The whole body is read first: one that cannot be read is refused with 400 before
   * any part runs. Then every part runs in order and gets its own answer; as in SharePoint, a
   * changeset is not transactional, so a failing part changes nothing itself and leaves the others
   * as they were answered.
   */
  const runBatch = async (req: ApiRequest, user: UserRecord): Promise<ApiResponse> => {
    const responder = new Responder(flavourOf(req.headers.accept), `${req.url.origin}${SITE_PATH}/_api`);
    let requests: ApiRequest[];
    try {
      requests = parseBatch(req.headers['content-type'], req.body.toString('utf8')).map((part) => ({
        method: part.method.toUpperCase(),
        url: partUrl(part.url, req.url),
        headers: { ...part.headers, 'x-standin-user': req.headers['x-standin-user'] ?? '' },
        body: Buffer.from(part.body, 'utf8')
      }));
    } catch (e) {
      if (e instanceof SpError) return responder.error(e);
      throw e;
    }
    const responses: ApiResponse[] = [];
    for (const inner of requests) {
      const path = apiPathOf(inner.url.pathname);
      responses.push(
        path === undefined
          ? new Responder(flavourOf(inner.headers.accept), `${req.url.origin}${SITE_PATH}/_api`).error(new SpError(404, '-1, System.ArgumentException', `The batch part URL '${inner.url.href}' is not under ${SITE_PATH}/_api.`))
          : await runApi(inner, user, path)
      );
    }
    const out = formatBatch(responses);
    return { status: 200, headers: { 'content-type': out.contentType }, body: out.body };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = lowerHeaders(req);
    const cors = corsHeaders(headers.origin);
    const url = new URL(req.url ?? '/', `http://${headers.host ?? `${host}:${port}`}`);
    const body = await buffer(req);
    if (req.method === 'OPTIONS') {
      send(res, { status: 204, headers: {}, body: '' }, cors);
      return;
    }
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      send(res, admin(req.method ?? 'GET', url.pathname.slice(ADMIN_PREFIX.length), body), cors);
      return;
    }
    count++;
    const fault = await faults.apply();
    if (fault) {
      send(res, fault, cors);
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const override = headers['x-http-method'];
    const apiReq: ApiRequest = {
      method: method === 'POST' && override ? override.toUpperCase() : method,
      url,
      headers,
      body
    };
    const path = apiPathOf(url.pathname);
    const responder = new Responder(flavourOf(headers.accept), `${url.origin}${SITE_PATH}/_api`);
    if (path === undefined && method === 'GET' && url.pathname.toLowerCase().startsWith(`${SITE_PATH.toLowerCase()}/`)) {
      // A document at its own address, as SharePoint serves it (an issued paper's link): its content, typed by its name.
      const reader = identify(headers);
      const decoded = decodeURIComponent(url.pathname);
      const result = reader instanceof SpError ? responder.error(reader) : await runApi(apiReq, reader, `web/getFileByServerRelativePath(decodedUrl='${decoded.replace(/'/g, "''")}')/$value`);
      const type = DOCUMENT_TYPES[decoded.slice(decoded.lastIndexOf('.') + 1).toLowerCase()];
      send(res, result.status === 200 && type !== undefined ? { ...result, headers: { ...result.headers, 'content-type': type } } : result, cors);
      return;
    }
    if (path === undefined) {
      send(res, responder.error(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.')), cors);
      return;
    }
    const user = identify(headers);
    if (user instanceof SpError) {
      send(res, responder.error(user), cors);
      return;
    }
    const result = path.toLowerCase() === '$batch' && method === 'POST' ? await runBatch(apiReq, user) : await runApi(apiReq, user, path);
    send(res, result, cors);
  };

  const admin = (method: string, path: string, body: Buffer): ApiResponse => {
    const json = (status: number, value: unknown): ApiResponse => ({
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(value)
    });
    if (path === 'health' && method === 'GET') {
      return json(200, { status: 'ok', siteUrl: `http://${host}:${port}${SITE_PATH}`, requests: count, lists: store.lists().length, faults: faults.settings, webhooks: { dropped: webhooks.dropped, delivered: Object.fromEntries(webhooks.delivered) } });
    }
    if (path === 'faults') {
      if (method === 'GET') {
        return json(200, faults.settings);
      }
      if (method === 'DELETE') {
        faults.clear();
        return json(200, faults.settings);
      }
      if (method === 'POST') {
        try {
          faults.configure(JSON.parse(body.toString('utf8') || '{}') as Partial<FaultSettings>);
        } catch (e) {
          return json(400, { error: (e as Error).message });
        }
        return json(200, faults.settings);
      }
    }
    return json(404, { error: `No admin endpoint ${method} /_standin/${path}. Try GET health, GET|POST|DELETE faults.` });
  };

  const graph = createGraphContext();
  const server = createServer((req, res) => {
    handleGraphRequest(req, res, graph)
      .then((served) => (served ? undefined : handle(req, res)))
      .catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(e instanceof Error ? e.message : String(e));
      });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  return {
    url,
    siteUrl: `${url}${SITE_PATH}`,
    requestCount: () => count,
    resetRequestCount: () => {
      count = 0;
    },
    graph,
    close: async () => {
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    }
  };
}
