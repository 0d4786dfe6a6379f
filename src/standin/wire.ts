/**
 * The wire format: requests as the API layer sees them, responses, and JSON serialisation in the
 * three OData flavours SharePoint speaks (minimal metadata by default, nometadata, verbose).
 */
import { errors, type SpError } from './errors';

/** A request after transport decoding (plain HTTP or one part of a `$batch`). */
export interface ApiRequest {
  /** The effective verb: `X-HTTP-Method` wins over POST. */
  method: string;
  url: URL;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export type Flavour = 'minimal' | 'none' | 'verbose';

/** Reads the metadata flavour from an Accept header. */
export function flavourOf(accept: string | undefined): Flavour {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) {
    return 'verbose';
  }
  if (a.includes('odata=nometadata')) {
    return 'none';
  }
  return 'minimal';
}

const CONTENT_TYPES: Record<Flavour, string> = {
  minimal: 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
  none: 'application/json;odata=nometadata;streaming=true;charset=utf-8',
  verbose: 'application/json;odata=verbose;charset=utf-8'
};

/** An OData entity: its properties plus what the metadata annotations need. */
export class Entity {
  constructor(
    /** OData type, e.g. `SP.List`, `SP.Data.RecommendationsListItem`. */
    readonly type: string,
    /** Absolute resource URL (verbose `__metadata.uri`). */
    readonly uri: string,
    /** Path relative to `_api/` (minimal `odata.editLink`). */
    readonly editLink: string,
    readonly props: Record<string, unknown>,
    /** Body etag, e.g. `"3"` (without the outer JSON quoting). */
    readonly etag?: string,
    /** `odata.id` when it is not the uri (items use a GUID). */
    readonly id?: string
  ) {}
}

/** A collection value nested in an entity (expanded multi-value lookups, attachment lists). */
export class EntityList {
  constructor(readonly items: Entity[]) {}
}

function nested(value: unknown, flavour: Flavour): unknown {
  if (value instanceof Entity) {
    return entityBody(value, flavour);
  }
  if (value instanceof EntityList) {
    const arr = value.items.map((e) => entityBody(e, flavour));
    return flavour === 'verbose' ? { results: arr } : arr;
  }
  if (Array.isArray(value) && flavour === 'verbose') {
    const type = value.every((v) => typeof v === 'number') ? 'Collection(Edm.Int32)' : 'Collection(Edm.String)';
    return { __metadata: { type }, results: value };
  }
  return value;
}

function entityBody(e: Entity, flavour: Flavour): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (flavour === 'verbose') {
    const meta: Record<string, unknown> = { id: e.id ?? e.uri, uri: e.uri };
    if (e.etag !== undefined) {
      meta.etag = e.etag;
    }
    meta.type = e.type;
    out.__metadata = meta;
  } else if (flavour === 'minimal') {
    out['odata.type'] = e.type;
    out['odata.id'] = e.id ?? e.uri;
    if (e.etag !== undefined) {
      out['odata.etag'] = e.etag;
    }
    out['odata.editLink'] = e.editLink;
  }
  for (const [k, v] of Object.entries(e.props)) {
    out[k] = nested(v, flavour);
  }
  return out;
}

function hasNested(props: Record<string, unknown>): boolean {
  for (const k in props) {
    const v = props[k];
    if (v instanceof Entity || v instanceof EntityList) {
      return true;
    }
  }
  return false;
}

/**
 * The JSON text of an entity. In the common case (JSON light, nothing expanded) the annotations are
 * written as a prefix to the stringified properties, which avoids copying every item object.
 */
function entityJson(e: Entity, flavour: Flavour): string {
  if (flavour === 'verbose' || hasNested(e.props)) {
    return JSON.stringify(entityBody(e, flavour));
  }
  const props = JSON.stringify(e.props);
  if (flavour === 'none') {
    return props;
  }
  const etag = e.etag !== undefined ? `"odata.etag":${JSON.stringify(e.etag)},` : '';
  const meta = `{"odata.type":${JSON.stringify(e.type)},"odata.id":${JSON.stringify(e.id ?? e.uri)},${etag}"odata.editLink":${JSON.stringify(e.editLink)}`;
  return props === '{}' ? `${meta}}` : `${meta},${props.slice(1)}`;
}

/** Builds JSON responses for one request's flavour and `_api` base URL. */
export class Responder {
  constructor(readonly flavour: Flavour, readonly apiUrl: string) {}

  private metadata(suffix: string): string {
    return `${this.apiUrl}/$metadata#${suffix}`;
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
    return { status, headers: { 'content-type': CONTENT_TYPES[this.flavour], ...headers }, body: JSON.stringify(body) };
  }

  /** One entity; `set` names the metadata fragment, e.g. `SP.ApiData.Lists/@Element`. */
  entity(e: Entity, set: string, status = 200, headers: Record<string, string> = {}): ApiResponse {
    const body = entityBody(e, this.flavour);
    if (this.flavour === 'verbose') {
      return this.json(status, { d: body }, headers);
    }
    if (this.flavour === 'minimal') {
      return this.json(status, { 'odata.metadata': this.metadata(set), ...body }, headers);
    }
    return this.json(status, body, headers);
  }

  /** A feed of entities, with an optional absolute next link. */
  collection(items: Entity[], set: string, nextLink?: string): ApiResponse {
    const arr = items.map((e) => entityJson(e, this.flavour)).join(',');
    let body: string;
    if (this.flavour === 'verbose') {
      body = `{"d":{"results":[${arr}]${nextLink ? `,"__next":${JSON.stringify(nextLink)}` : ''}}}`;
    } else {
      const meta = this.flavour === 'minimal' ? `"odata.metadata":${JSON.stringify(this.metadata(set))},` : '';
      body = `{${meta}"value":[${arr}]${nextLink ? `,"odata.nextLink":${JSON.stringify(nextLink)}` : ''}}`;
    }
    return { status: 200, headers: { 'content-type': CONTENT_TYPES[this.flavour] }, body };
  }

  /** A complex value without identity (e.g. SP.BasePermissions, SP.ContextWebInformation). */
  complex(type: string, propertyName: string, props: Record<string, unknown>): ApiResponse {
    if (this.flavour === 'verbose') {
      return this.json(200, { d: { [propertyName]: { __metadata: { type }, ...props } } });
    }
    if (this.flavour === 'minimal') {
      return this.json(200, { 'odata.metadata': this.metadata(type), ...props });
    }
    return this.json(200, props);
  }

  /** A primitive value (e.g. the GUID `recycle` returns). */
  primitive(type: string, propertyName: string, value: unknown): ApiResponse {
    if (this.flavour === 'verbose') {
      return this.json(200, { d: { [propertyName]: value } });
    }
    if (this.flavour === 'minimal') {
      return this.json(200, { 'odata.metadata': this.metadata(type), value });
    }
    return this.json(200, { value });
  }

  /** A raw collection of complex values (e.g. subscriptions, which SharePoint sends without annotations). */
  values(values: unknown[]): ApiResponse {
    if (this.flavour === 'verbose') {
      return this.json(200, { d: { results: values } });
    }
    return this.json(200, { value: values });
  }

  noContent(headers: Record<string, string> = {}): ApiResponse {
    return { status: 204, headers, body: '' };
  }

  error(e: SpError): ApiResponse {
    const inner = { code: e.code, message: { lang: 'en-US', value: e.message } };
    return this.json(e.status, this.flavour === 'verbose' ? { error: inner } : { 'odata.error': inner }, e.headers);
  }
}

/** `"<GUID>,<version>"`, the ETag header SharePoint sends for items. */
export function itemEtagHeader(uid: string, version: number): string {
  return `"${uid},${version}"`;
}

/**
 * Checks an IF-Match header against the current version: `*`, absent, `"N"` or `"<guid>,N"`;
 * only N is compared (SharePoint compares a bare `"8"` against `"guid,9"`).
 */
export function checkIfMatch(ifMatch: string | undefined, uid: string, version: number): SpError | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') {
    return undefined;
  }
  const sent = ifMatch.trim().replace(/^W\//, '');
  const m = /^"?(?:[^,"]*,)?(\d+)"?$/.exec(sent);
  if (m && Number(m[1]) === version) {
    return undefined;
  }
  return errors.etagMismatch(sent, itemEtagHeader(uid, version));
}
