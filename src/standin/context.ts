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
  return ctx.req.url.searchParams.get(name);
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

/** Keeps only `$select`ed top-level properties of a non-item entity (`*` or none keeps all). */
export function selectProps(props: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select || select.split(',').some((s) => s.trim() === '*')) {
    return props;
  }
  const wanted = new Set(select.split(',').map((s) => s.trim().split('/')[0].toLowerCase()));
  return Object.fromEntries(Object.entries(props).filter(([k]) => wanted.has(k.toLowerCase())));
}
