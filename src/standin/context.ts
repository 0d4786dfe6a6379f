/** The per-request context handlers receive, and helpers shared by them. */
import { errors } from './errors';
import { hasPermission, type PermissionKindName } from './identity';
import type { ListRecord, PermissionLevel, UserRecord } from './model';
import type { Store } from './store';
import { Entity, type ApiRequest, type Responder } from './wire';

/** What the API layer tells the rest of the server about writes (webhooks listen here). */
export interface ChangeListener {
  listChanged(listId: string): void;
}

export interface Ctx {
  req: ApiRequest;
  store: Store;
  res: Responder;
  user: UserRecord;
  level: PermissionLevel;
  /** `http://host:port`, as the client addressed the server. */
  origin: string;
  /** Server-relative site path, e.g. `/sites/tracker`. */
  sitePath: string;
  /** Absolute web URL. */
  webUrl: string;
  /** Absolute `_api` URL. */
  apiUrl: string;
  listener: ChangeListener;
  /** Starts webhook validation for a new subscription (async; a network round trip). */
  validateWebhook(url: string): Promise<boolean>;
  /** The query options the handler read (lower-cased); an option nobody read was ignored. */
  consumed: Set<string>;
}

/** Throws SharePoint's access-denied error unless the caller has the permission. */
export function demand(ctx: Ctx, kind: PermissionKindName): void {
  if (!hasPermission(ctx.level, kind)) {
    throw errors.accessDenied();
  }
}

/** Parses a JSON request body (verbose `__metadata` is tolerated and dropped). */
export function jsonBody(ctx: Ctx): Record<string, unknown> {
  const text = ctx.req.body.toString('utf8').trim();
  if (text === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.badRequest('Invalid JSON. A token was not recognized in the JSON content.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.badRequest('The request body must be a JSON object.');
  }
  const rest = { ...(parsed as Record<string, unknown>) };
  delete rest.__metadata;
  return rest;
}

/** A query option from the URL (`$select` arrives as `%24select`; URLSearchParams decodes it). */
export function option(ctx: Ctx, name: string): string | null {
  ctx.consumed.add(name.toLowerCase());
  return ctx.req.url.searchParams.get(name);
}

/** The OData system query options the stand-in implements somewhere. */
const KNOWN_OPTIONS: ReadonlySet<string> = new Set(['$select', '$expand', '$filter', '$orderby', '$top', '$skiptoken']);

/**
 * SharePoint answers an option it does not know with 400; the stand-in also refuses an option it
 * knows but the resource does not honour, rather than answering as if it had applied it. Before a
 * request runs: options unknown everywhere. `$`-options only; `@` aliases and plain parameters are
 * not query options.
 */
export function refuseUnknownOptions(url: URL): void {
  for (const key of url.searchParams.keys()) {
    if (key.startsWith('$') && !KNOWN_OPTIONS.has(key.toLowerCase())) {
      throw errors.badRequest(`The query option '${key}' is not supported. The local stand-in implements ${[...KNOWN_OPTIONS].join(', ')}.`);
    }
  }
}

/**
 * After a read ran: an option present in the URL that the handler never read was ignored, and the
 * answer would be wrong (every file for a `$filter`, every column for an `$expand`). Writes are
 * exempt: PnPjs re-sends a read's `?$select=` on the MERGE that follows it (lists.ensure).
 */
export function refuseIgnoredOptions(ctx: Ctx, resource: string): void {
  if (ctx.req.method !== 'GET') {
    return;
  }
  for (const key of ctx.req.url.searchParams.keys()) {
    if (key.startsWith('$') && !ctx.consumed.has(key.toLowerCase())) {
      throw errors.badRequest(`The query option '${key}' is not supported on ${resource} by the local stand-in.`);
    }
  }
}

/** .NET ticks for a time, as change tokens carry them. */
export function ticks(ms: number): string {
  return (BigInt(ms) * 10000n + 621355968000000000n).toString();
}

/** A change token: `1;<scope>;<guid>;<ticks>;<change number>`. */
export function changeToken(scope: 2 | 3, id: string, changeNumber: number): string {
  return `1;${scope};${id};${ticks(Date.now())};${changeNumber}`;
}

export function listUri(ctx: Ctx, list: ListRecord): string {
  return `${ctx.apiUrl}/Web/Lists(guid'${list.id}')`;
}

/** The user entity (PC UserTests shape). */
export function userEntity(ctx: Ctx, u: UserRecord): Entity {
  return new Entity('SP.User', `${ctx.apiUrl}/Web/GetUserById(${u.id})`, `Web/GetUserById(${u.id})`, {
    Id: u.id,
    IsHiddenInUI: false,
    LoginName: u.login,
    Title: u.title,
    PrincipalType: 1,
    Email: u.email,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: u.isSiteAdmin,
    UserId: { NameId: u.id.toString(16).padStart(16, '1'), NameIdIssuer: 'urn:federation:microsoftonline' },
    UserPrincipalName: u.email
  });
}

/**
 * Keeps only the `$select`ed properties of a non-item entity (`*` or none keeps all); `ParentWeb/Title`
 * keeps that part of an expanded object.
 */
export function selectProps(props: Record<string, unknown>, select: string | null): Record<string, unknown> {
  const paths = (select ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (paths.length === 0 || paths.includes('*')) {
    return props;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    const lower = key.toLowerCase();
    if (paths.some((p) => p.toLowerCase() === lower)) {
      out[key] = value;
      continue;
    }
    const inner = paths.filter((p) => p.toLowerCase().startsWith(`${lower}/`)).map((p) => p.slice(key.length + 1));
    if (inner.length > 0) {
      out[key] = value && typeof value === 'object' && !Array.isArray(value) ? selectProps(value as Record<string, unknown>, inner.join(',')) : value;
    }
  }
  return out;
}

/**
 * The navigation properties `$expand` names (lower-cased), each of which the resource must support:
 * SharePoint refuses a property the type does not have, and the stand-in refuses one it would ignore.
 */
export function expansions(ctx: Ctx, type: string, supported: readonly string[]): Set<string> {
  const names = (option(ctx, '$expand') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const name of names) {
    if (!supported.includes(name.toLowerCase())) {
      throw errors.noProperty(name, type);
    }
  }
  return new Set(names.map((n) => n.toLowerCase()));
}
