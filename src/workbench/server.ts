/**
 * The local workbench server: starts the SharePoint stand-in, bundles the web parts' React code for
 * the browser with esbuild, and serves a page that hosts them as SharePoint does. Requests under
 * `/sites/` go to the stand-in with the page's own Host header, so the stand-in's absolute links
 * (paging `odata.nextLink`, `__metadata` URIs) point back at the workbench: one origin, one cookie.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { json } from 'node:stream/consumers';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve as resolvePath } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startStandin } from '../standin/server';
import type { Standin } from '../standin/server';
import { DIRECTORY, DEFAULT_ALIAS } from '../standin/identity';
import { openDemoRound, seedDemo } from '../import/demo';
import { nodeSp } from '../data/node';
import { WORKBENCH_CONFIG_ID } from './browser/pages';
import { cardInvoke } from '../standin/graph';
import { LOC_FOLDERS, locFile, readLocStrings } from './loc';
import { startWorkbenchReminders } from './reminders';
import type { ReminderService } from '../service/main';
import type { WorkbenchConfig } from './browser/pages';

const ROOT = resolvePath(__dirname, '..', '..');
const ENTRY = join(__dirname, 'browser', 'main.tsx');
const ICON_FONTS = join(ROOT, 'node_modules', '@fluentui', 'font-icons-mdl2', 'fonts');

/** The stand-in users the switcher offers, by the role they play in the demo. */
const ROLES: Record<string, string> = {
  analyst: 'staff',
  owner: 'owner',
  manager: 'manager',
  reader: 'reader',
  admin: 'site owner',
  sro: 'SRO'
};

export interface WorkbenchOptions {
  /** Workbench port; 0 picks a free one. */
  port?: number;
  /** Stand-in port; 0 picks a free one. */
  standinPort?: number;
  /** SQLite file of the stand-in; `:memory:` keeps nothing. */
  dbPath?: string;
  /** Load the demo data (provisioning first). Idempotent. */
  seed?: boolean;
  /** With `seed`, on a fresh database only: open the demo's update round, so owners' inboxes show their round card at once (`npm start`). */
  demoRound?: boolean;
  /** A fixed clock for the page (ISO instant), for tests and benchmarks. */
  now?: string;
  /** Run the reminder service beside the stand-in, so that changes produce Teams cards (default false). */
  reminders?: boolean;
  /**
   * With `reminders`: sweep at once when the site has never been swept (a freshly seeded database),
   * so the inboxes hold the default rules' cards without waiting for 07:30 London (default false).
   */
  catchUpSweep?: boolean;
  log?: (line: string) => void;
}

export interface Workbench {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  standin: Standin;
  /** The reminder service, when started with `reminders: true`. */
  reminders: ReminderService | null;
  /** The browser bundle (its files, name → bytes, for size measurements). */
  bundle: WorkbenchBundle;
  close(): Promise<void>;
}

/** The workbench page's script: its files (name → bytes), the entry's name, and the files it imports statically. */
export interface WorkbenchBundle {
  files: Map<string, Uint8Array>;
  entry: string;
  /** Every chunk the entry imports statically, transitively: the page asks for them at once (modulepreload). */
  imports: string[];
}

/**
 * Bundles the workbench page's script (React, Fluent UI, the components, PnPjs), minified. Every
 * file's name carries a hash of its content, as SharePoint's CDN names a solution's bundles and
 * chunks, so the server can let the browser keep them (see the `/bundle/` route).
 */
export async function bundleWorkbench(): Promise<WorkbenchBundle> {
  const result = await build({
    entryPoints: { workbench: ENTRY },
    entryNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    metafile: true,
    outdir: '/bundle',
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent'
  });
  const outputs = result.metafile.outputs;
  // Output paths are relative to the working directory in the metafile, absolute in the files: all sit flat in the one folder.
  const name = (path: string): string => basename(path);
  // Each chunk loaded by import() counts as an entry point too: the page's is the one built from main.tsx.
  const entryPath = Object.keys(outputs).find((k) => resolvePath(outputs[k].entryPoint ?? '') === ENTRY) ?? '';
  const imports = new Set<string>();
  const visit = (path: string): void => {
    for (const i of outputs[path].imports) {
      if (i.kind !== 'import-statement' || imports.has(i.path)) continue;
      imports.add(i.path);
      visit(i.path);
    }
  };
  visit(entryPath);
  return { files: new Map(result.outputFiles.map((f) => [name(f.path), f.contents])), entry: name(entryPath), imports: [...imports].map(name) };
}

function cookieAlias(req: IncomingMessage): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'standin-user') return decodeURIComponent(v.join('=')).toLowerCase();
  }
  return DEFAULT_ALIAS;
}

/** Forwards a card action from the inbox page to the reminder service's bot endpoint as an invoke activity. */
async function cardAction(req: IncomingMessage, res: ServerResponse, reminders: ReminderService | null, standinUrl: string): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  if (reminders === null) return reply(503, { error: 'The reminder service is not running in this workbench, so card actions cannot be answered.' });
  let action: { verb?: unknown; data?: unknown; bot?: { conversationId?: unknown; activityId?: unknown } };
  try {
    action = (await json(req)) as typeof action;
  } catch {
    return reply(400, { error: 'The card action was not JSON.' });
  }
  const alias = cookieAlias(req);
  // A card the bot sent answers in the bot's conversation with the person, as a reply to that message.
  const conversationId = typeof action.bot?.conversationId === 'string' ? action.bot.conversationId : `a:${alias}`;
  const activityId = typeof action.bot?.activityId === 'string' ? action.bot.activityId : null;
  const answer = await fetch(`${reminders.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cardInvoke(standinUrl, alias, { verb: action.verb, data: action.data }, { id: randomUUID(), conversationId, replyToId: activityId }))
  });
  const body = (await answer.json().catch(() => ({ error: `The bot answered HTTP ${answer.status}.` }))) as { value?: unknown };
  // Teams keeps the card the bot answered with in the message itself: the stand-in's copy is replaced too.
  if (answer.ok && activityId !== null && typeof body.value === 'object' && body.value !== null) {
    await fetch(`${standinUrl}/_standin/botconnector/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }] })
    });
  }
  reply(answer.status, body);
}

function escapeJsonForHtml(json: string): string {
  // Inside <script>, "</script>" or "<!--" in data would end the element: escape every '<'.
  return json.replace(/</g, '\\u003c');
}

function page(config: WorkbenchConfig, bundle: WorkbenchBundle): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inspection tracker · local workbench</title>
<style>body{margin:0;font-family:"Segoe UI","Liberation Sans",Arial,sans-serif}</style>
</head>
<body>
<div id="root"></div>
<script type="application/json" id="${WORKBENCH_CONFIG_ID}">${escapeJsonForHtml(JSON.stringify(config))}</script>
${bundle.imports.map((f) => `<link rel="modulepreload" href="/bundle/${f}">`).join('\n')}
<script type="module" src="/bundle/${bundle.entry}"></script>
</body>
</html>`;
}

function proxy(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    }
  );
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The SharePoint stand-in did not answer: ${e.message}`);
  });
  req.pipe(upstream);
}

/** True when the stand-in's database file already exists (a run before this one made it). */
function hasDatabase(dbPath: string): boolean {
  return dbPath !== ':memory:' && existsSync(dbPath);
}

/** Starts the stand-in (seeded when asked) and the workbench page server. */
export async function startWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const log = opts.log ?? (() => undefined);
  const dbPath = opts.dbPath ?? ':memory:';
  const existing = hasDatabase(dbPath);
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const standin = await startStandin({ port: opts.standinPort ?? 0, dbPath });
  try {
    if (opts.seed === true) {
      // Idempotent: a first run loads everything; later runs upgrade the lists to this version's
      // schema and finish a load that was cut off, adding nothing that is already there.
      log(existing ? 'Checking the demo site (schema and data)…' : 'Loading the demo data into the stand-in (first run)…');
      await seedDemo(nodeSp(standin.siteUrl, { user: 'admin' }), { log });
      if (opts.demoRound === true && !existing) {
        const round = await openDemoRound(nodeSp(standin.siteUrl, { user: 'analyst' }), opts.now === undefined ? new Date() : new Date(opts.now));
        log(`Opened the demo's update round: ${round.value.title}, ${round.value.items.length} items.`);
      }
    }
    const [bundle, tracker, dashboard, myActions, shared] = await Promise.all([
      bundleWorkbench(),
      readLocStrings<WorkbenchConfig['strings']['tracker']>(locFile(LOC_FOLDERS.tracker)),
      readLocStrings<WorkbenchConfig['strings']['dashboard']>(locFile(LOC_FOLDERS.dashboard)),
      readLocStrings<WorkbenchConfig['strings']['myActions']>(locFile(LOC_FOLDERS.myActions)),
      readLocStrings<WorkbenchConfig['strings']['shared']>(locFile(LOC_FOLDERS.shared))
    ]);
    const gzipped = new Map([...bundle.files].map(([name, file]) => [name, gzipSync(file)]));
    const standinUrl = new URL(standin.url);
    const users = DIRECTORY.filter((u) => u.alias in ROLES).map((u) => ({ alias: u.alias, title: u.title, role: ROLES[u.alias] }));

    let reminders: ReminderService | null = null;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://workbench');
      // An Action.Execute on a card in the inbox page: sent to the bot as Teams sends it, as the
      // signed-in person, and the bot's invoke response (the refreshed card) handed back.
      if (url.pathname === '/_workbench/card-action' && req.method === 'POST') {
        void cardAction(req, res, reminders, standin.url);
        return;
      }
      // The inbox page reads the stand-in's Teams inbox from the page's own origin.
      if (url.pathname.startsWith('/sites/') || url.pathname === '/_standin/teams/inbox') {
        proxy(req, res, standinUrl);
        return;
      }
      if (url.pathname.startsWith('/bundle/')) {
        const name = url.pathname.slice('/bundle/'.length);
        const file = bundle.files.get(name);
        if (file === undefined) return notFound(res);
        // Compressed as SharePoint's CDN serves script: what the page downloads is what is measured.
        // A file's name changes with its content, so the browser keeps it, as it keeps SharePoint's
        // bundles from the CDN: a returning visit neither downloads nor compiles it again.
        const zipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? gzipped.get(name) : undefined;
        res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'accept-encoding',
          ...(zipped === undefined ? {} : { 'content-encoding': 'gzip' })
        });
        res.end(zipped ?? file);
        return;
      }
      if (url.pathname.startsWith('/fonts/')) {
        const name = url.pathname.slice('/fonts/'.length);
        if (!/^[\w.-]+\.woff2?$/.test(name)) return notFound(res);
        readFile(join(ICON_FONTS, name)).then(
          (font) => {
            res.writeHead(200, { 'content-type': extname(name) === '.woff2' ? 'font/woff2' : 'font/woff', 'cache-control': 'max-age=86400' });
            res.end(font);
          },
          () => notFound(res)
        );
        return;
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const host = req.headers.host ?? `127.0.0.1:${String(port)}`;
        const config: WorkbenchConfig = {
          siteUrl: `http://${host}/sites/tracker`,
          iconsUrl: '/fonts/',
          currentUser: cookieAlias(req),
          users,
          strings: { tracker, dashboard, myActions, shared },
          now: opts.now ?? null
        };
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page(config, bundle));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      notFound(res);
    });
    let port = 0;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
    const workbenchUrl = `http://127.0.0.1:${port}/`;
    const closeServer = async (): Promise<void> => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    if (opts.reminders === true) {
      try {
        reminders = await startWorkbenchReminders(standin, workbenchUrl, { now: opts.now, catchUpSweep: opts.catchUpSweep, log });
      } catch (e) {
        await closeServer();
        throw e;
      }
    }
    return {
      url: workbenchUrl,
      standin,
      reminders,
      bundle,
      close: async () => {
        // The service first: it removes its webhook subscription through the stand-in.
        if (reminders !== null) await reminders.close();
        await closeServer();
        await standin.close();
      }
    };
  } catch (e) {
    await standin.close();
    throw e;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
