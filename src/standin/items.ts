/** List items: queries, single items, add / MERGE / delete / recycle, versions and attachments. */
import { type Ctx, demand, jsonBody, listUri, option } from './context';
import { SpError, errors } from './errors';
import { basePermissions } from './identity';
import { SYSTEM_FIELDS, defaultValue, isIdValued, isMulti, normaliseValue } from './fields';
import { FieldKind, type FieldDef, type FieldValue, type ItemRecord, type ListRecord } from './model';
import { argInt, argString, leaf, type Segment } from './path';
import {
  DEFAULT_PAGE,
  ListColumns,
  THRESHOLD,
  checkThreshold,
  parseOrderBy,
  parseSkipToken,
  prepareFilter,
  runQuery,
  type ColumnKind,
  type Projector,
  type QueryPlan
} from './query';
import { Entity, EntityList, checkIfMatch, itemEtagHeader, type ApiResponse } from './wire';

/** Projection of users (the site user list) and lookups (another list's items), cached per request. */
class RequestProjector implements Projector {
  private readonly items = new Map<string, ItemRecord | null>();
  private readonly lookupCols = new Map<string, ListColumns | null>();

  constructor(private readonly ctx: Ctx) {}

  private isUser(f: FieldDef): boolean {
    return f.FieldTypeKind === FieldKind.User;
  }

  private targetColumns(f: FieldDef): ListColumns | null {
    const id = f.LookupList ?? '';
    let cols = this.lookupCols.get(id);
    if (cols === undefined) {
      const list = this.ctx.store.listById(id);
      cols = list ? new ListColumns(list, this.ctx.store.fields(list.id), this) : null;
      this.lookupCols.set(id, cols);
    }
    return cols;
  }

  canProject(f: FieldDef, sub: string): boolean {
    if (this.isUser(f)) {
      return USER_PROJECTIONS.has(sub.toLowerCase());
    }
    if (/^id$/i.test(sub)) {
      return true;
    }
    const cols = this.targetColumns(f);
    return !!cols?.field(sub);
  }

  projectedKind(f: FieldDef, sub: string): ColumnKind {
    if (/^id$/i.test(sub)) {
      return 'number';
    }
    if (this.isUser(f)) {
      return 'string';
    }
    const target = this.targetColumns(f)?.field(sub);
    return target ? (target.FieldTypeKind === FieldKind.Number || target.FieldTypeKind === FieldKind.Currency ? 'number' : target.FieldTypeKind === FieldKind.DateTime ? 'date' : target.FieldTypeKind === FieldKind.Boolean ? 'boolean' : 'string') : 'string';
  }

  project(f: FieldDef, id: number, sub: string): unknown {
    if (this.isUser(f)) {
      const u = this.ctx.store.userById(id);
      return u ? userProjection(u, sub) : undefined;
    }
    const cols = this.targetColumns(f);
    if (!cols) {
      return undefined;
    }
    const key = `${cols.list.id}:${id}`;
    let item = this.items.get(key);
    if (item === undefined) {
      item = this.ctx.store.item(cols.list.id, id) ?? null;
      this.items.set(key, item);
    }
    if (!item) {
      return undefined;
    }
    return cols.column([sub]).get(item);
  }
}

const USER_PROJECTIONS = new Set(['id', 'title', 'name', 'email', 'username', 'jobtitle', 'department', 'firstname', 'lastname', 'sipaddress', 'office']);

function userProjection(u: { id: number; title: string; login: string; email: string }, sub: string): unknown {
  switch (sub.toLowerCase()) {
    case 'id':
      return u.id;
    case 'title':
      return u.title;
    case 'name':
      return u.login;
    case 'email':
    case 'username':
      return u.email;
    case 'firstname':
      return u.title.split(' ')[0];
    case 'lastname':
      return u.title.split(' ').slice(1).join(' ');
    default:
      return null;
  }
}

/** Context for reading one list's items. */
export class ItemReader {
  readonly cols: ListColumns;
  readonly projector: RequestProjector;

  constructor(readonly ctx: Ctx, readonly list: ListRecord, readonly fields: readonly FieldDef[] = ctx.store.fields(list.id)) {
    this.projector = new RequestProjector(ctx);
    this.cols = new ListColumns(list, fields, this.projector);
  }

  itemUri(id: number): string {
    return `${listUri(this.ctx, this.list)}/Items(${id})`;
  }

  editLink(id: number): string {
    return `Web/Lists(guid'${this.list.id}')/Items(${id})`;
  }

  /** The default property set, in SharePoint's order. */
  private allProps(item: ItemRecord): Record<string, unknown> {
    const out: Record<string, unknown> = {
      FileSystemObjectType: item.fsType,
      Id: item.id,
      ServerRedirectedEmbedUri: null,
      ServerRedirectedEmbedUrl: '',
      ContentTypeId: item.fsType === 1 ? '0x0120' : '0x0100',
      Title: item.data.Title ?? null,
      ComplianceAssetId: null
    };
    for (const f of this.fields) {
      if (f.FromBaseType || f.Hidden) {
        continue;
      }
      this.putValue(out, f, item);
    }
    out.ID = item.id;
    out.Modified = item.modified;
    out.Created = item.created;
    out.AuthorId = item.authorId;
    out.EditorId = item.editorId;
    out.OData__UIVersionString = `${item.uiVersion}.0`;
    if (this.list.baseTemplate !== 101) {
      out.Attachments = item.data.Attachments === true;
    }
    out.GUID = item.uid;
    return out;
  }

  private putValue(out: Record<string, unknown>, f: FieldDef, item: ItemRecord): void {
    const v = item.data[f.InternalName];
    if (isIdValued(f)) {
      const name = f.EntityPropertyName;
      if (isMulti(f)) {
        const ids = Array.isArray(v) ? (v as number[]) : [];
        out[`${name}Id`] = ids;
        if (f.FieldTypeKind === FieldKind.User) {
          out[`${name}StringId`] = ids.map(String);
        }
      } else {
        const id = typeof v === 'number' ? v : null;
        out[`${name}Id`] = id;
        if (f.FieldTypeKind === FieldKind.User) {
          out[`${name}StringId`] = id === null ? null : String(id);
        }
      }
      return;
    }
    out[f.EntityPropertyName] = v === undefined ? (f.FieldTypeKind === FieldKind.MultiChoice ? [] : null) : v;
  }

  /** An expanded user or lookup value, with the given sub-properties (all when empty). */
  private expandedValue(f: FieldDef, id: number, subs: string[]): Entity | null {
    const props: Record<string, unknown> = {};
    const wanted = subs.length ? subs : f.FieldTypeKind === FieldKind.User ? ['Id', 'Title', 'EMail', 'Name'] : ['Id', 'Title'];
    let exists = true;
    for (const s of wanted) {
      const v = this.projector.project(f, id, s);
      if (v === undefined) {
        exists = false;
      }
      props[s] = v ?? null;
    }
    if (!exists) {
      return null;
    }
    if (f.FieldTypeKind === FieldKind.User) {
      return new Entity('SP.Data.UserInfoItem', `${this.ctx.apiUrl}/Web/SiteUserInfoList/Items(${id})`, `Web/SiteUserInfoList/Items(${id})`, props, undefined, `${this.ctx.apiUrl}/Web/SiteUserInfoList/Items(${id})`);
    }
    const target = this.ctx.store.listById(f.LookupList ?? '');
    const type = target ? `SP.Data.${target.entityTypeName}Item` : 'SP.ListItem';
    return new Entity(type, `${this.ctx.apiUrl}/Web/Lists(guid'${f.LookupList}')/Items(${id})`, `Web/Lists(guid'${f.LookupList}')/Items(${id})`, props);
  }

  /** Serialises an item for the given `$select` / `$expand`. */
  entity(item: ItemRecord, sel: Selection): Entity {
    let props: Record<string, unknown>;
    if (!sel.select) {
      props = this.allProps(item);
    } else {
      props = {};
      for (const prop of sel.select) {
        if (prop === '*') {
          Object.assign(props, this.allProps(item));
        } else {
          props[prop.name] = prop.get(item);
        }
      }
    }
    for (const p of sel.projections.values()) {
      const raw = p.ids(item);
      const f = p.field;
      if (Array.isArray(raw)) {
        props[f.EntityPropertyName] = new EntityList(raw.map((id) => this.expandedValue(f, id as number, p.subs)).filter((e): e is Entity => e !== null));
      } else {
        props[f.EntityPropertyName] = typeof raw === 'number' ? this.expandedValue(f, raw, p.subs) : null;
      }
    }
    for (const extra of sel.extras) {
      props[extra.name] = extra.value(item);
    }
    return new Entity(this.cols.itemType, this.itemUri(item.id), this.editLink(item.id), props, `"${item.version}"`, item.uid);
  }

  /** Parses `$select` / `$expand`, validating every name as SharePoint does. */
  selection(): Selection {
    const selectText = option(this.ctx, '$select');
    const expandText = option(this.ctx, '$expand');
    const expand = splitList(expandText);
    const expanded = new Set<string>();
    const extras: Selection['extras'] = [];
    for (const e of expand) {
      const lower = e.toLowerCase();
      if (lower === 'attachmentfiles') {
        extras.push({ name: 'AttachmentFiles', value: (item) => new EntityList(attachmentEntities(this.ctx, this.list, item)) });
        continue;
      }
      if (lower === 'fieldvaluesastext') {
        extras.push({ name: 'FieldValuesAsText', value: (item) => this.fieldValuesAsText(item) });
        continue;
      }
      const f = this.cols.field(e);
      if (!f || !isIdValued(f)) {
        throw errors.noProperty(e, this.cols.itemType);
      }
      expanded.add(f.EntityPropertyName.toLowerCase());
    }
    const projections = new Map<string, Projection>();
    const projectionOf = (f: FieldDef): Projection => {
      let p = projections.get(f.EntityPropertyName);
      if (!p) {
        p = { field: f, subs: [], ids: this.cols.column([`${f.EntityPropertyName}Id`]).get };
        projections.set(f.EntityPropertyName, p);
      }
      return p;
    };
    let select: SelectedProp[] | null = null;
    const selectList = splitList(selectText);
    if (selectList.length) {
      select = [];
      for (const s of selectList) {
        const [head, sub] = s.split('/');
        const f = this.cols.field(head);
        if (f && isIdValued(f) && !/Id$/.test(head)) {
          if (!expanded.has(f.EntityPropertyName.toLowerCase())) {
            throw errors.selectNeedsExpand(f.EntityPropertyName);
          }
          const p = projectionOf(f);
          if (sub !== undefined) {
            this.cols.column([head, sub]);
            p.subs.push(sub);
          }
          continue;
        }
        if (/^(attachmentfiles|fieldvaluesastext)$/i.test(head)) {
          continue;
        }
        // Resolve each column once per request, not once per item.
        select.push(head === '*' ? '*' : { name: head, get: this.cols.column([head]).get });
      }
    } else {
      for (const name of expanded) {
        const f = this.cols.field(name);
        if (f) {
          projectionOf(f);
        }
      }
    }
    return { select, projections, expanded, extras };
  }

  /** `FieldValuesAsText`: every value as display text. */
  fieldValuesAsText(item: ItemRecord): Entity {
    const props: Record<string, unknown> = {};
    const all = this.allProps(item);
    for (const [k, v] of Object.entries(all)) {
      props[k] = v === null ? '' : Array.isArray(v) ? v.join(';') : typeof v === 'object' ? (v as { Url: string }).Url : String(v);
    }
    for (const f of this.fields) {
      if (isIdValued(f) && !f.FromBaseType) {
        const ids = item.data[f.InternalName];
        const list = Array.isArray(ids) ? ids : typeof ids === 'number' ? [ids] : [];
        props[f.EntityPropertyName] = list.map((id) => String(this.projector.project(f, id as number, 'Title') ?? '')).join('; ');
      }
    }
    return new Entity('SP.FieldStringValues', `${this.itemUri(item.id)}/FieldValuesAsText`, `${this.editLink(item.id)}/FieldValuesAsText`, props);
  }
}

/** A selected property and how to read it, or `*` for the default set. */
type SelectedProp = { name: string; get: (item: ItemRecord) => unknown } | '*';

/** An expanded user or lookup: its field, the sub-properties asked for, and its id reader. */
interface Projection {
  field: FieldDef;
  subs: string[];
  ids: (item: ItemRecord) => unknown;
}

/** A parsed `$select` / `$expand`. */
export interface Selection {
  /** Selected properties, or null for the default set. */
  select: SelectedProp[] | null;
  /** Expanded lookups by entity property name. */
  projections: Map<string, Projection>;
  /** Lower-cased names of expanded lookups. */
  expanded: Set<string>;
  /** Expanded navigation properties computed per item (AttachmentFiles…). */
  extras: { name: string; value: (item: ItemRecord) => unknown }[];
}

function splitList(text: string | null): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function attachmentsUrl(ctx: Ctx, list: ListRecord, itemId: number): string {
  return `${list.url}/Attachments/${itemId}`;
}

function attachmentEntities(ctx: Ctx, list: ListRecord, item: ItemRecord): Entity[] {
  return ctx.store.attachmentNames(list.id, item.id).map((a) => attachmentEntity(ctx, list, item.id, a.name));
}

function attachmentEntity(ctx: Ctx, list: ListRecord, itemId: number, name: string): Entity {
  const url = `${attachmentsUrl(ctx, list, itemId)}/${name}`;
  const uri = `${listUri(ctx, list)}/Items(${itemId})/AttachmentFiles('${encodeURIComponent(name)}')`;
  return new Entity('SP.Attachment', uri, `Web/Lists(guid'${list.id}')/Items(${itemId})/AttachmentFiles('${encodeURIComponent(name)}')`, {
    FileName: name,
    FileNameAsPath: { DecodedUrl: name },
    ServerRelativePath: { DecodedUrl: url },
    ServerRelativeUrl: url
  });
}

/** Reads `$top`, capped as SharePoint caps it. */
function topOf(ctx: Ctx): number {
  const t = option(ctx, '$top');
  if (t === null) {
    return DEFAULT_PAGE;
  }
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0) {
    throw errors.badRequest(`Invalid $top value '${t}'.`);
  }
  return n;
}

/** `GET {L}/items` with the query options. */
export function queryItems(ctx: Ctx, list: ListRecord): ApiResponse {
  demand(ctx, 'ViewListItems');
  const reader = new ItemReader(ctx, list);
  const sel = reader.selection();
  const filterText = option(ctx, '$filter');
  const { node, bound } = prepareFilter(filterText, reader.cols, sel.expanded);
  const plan: QueryPlan = {
    filter: bound,
    filterNode: node,
    order: parseOrderBy(option(ctx, '$orderby'), reader.cols, sel.expanded),
    top: topOf(ctx),
    skip: parseSkipToken(option(ctx, '$skiptoken'))
  };
  const count = ctx.store.itemCount(list.id);
  checkThreshold(plan, count, reader.cols, () => ctx.store.items(list.id));
  const top = Math.min(plan.top, THRESHOLD);
  let page: { items: ItemRecord[]; nextToken?: string };
  if (top === 0) {
    page = { items: [] };
  } else if (!plan.filter && plan.order.length === 0) {
    // Plain ID paging: let SQLite do the range scan.
    const rows = ctx.store.itemsAfter(list.id, plan.skip?.id ?? 0, top + 1);
    const items = rows.slice(0, top);
    page = { items, nextToken: rows.length > top ? `Paged=TRUE&p_ID=${items[items.length - 1].id}` : undefined };
  } else {
    page = runQuery({ ...plan, top }, ctx.store.items(list.id));
  }
  const entities = page.items.map((i) => reader.entity(i, sel));
  let next: string | undefined;
  if (page.nextToken) {
    const params = new URLSearchParams();
    params.set('$skiptoken', page.nextToken);
    for (const k of ['$select', '$expand', '$filter', '$orderby']) {
      const v = option(ctx, k);
      if (v !== null) {
        params.set(k, v);
      }
    }
    params.set('$top', String(top));
    next = `${ctx.apiUrl}/web/lists(guid'${list.id}')/items?${params.toString()}`;
  }
  return ctx.res.collection(entities, `SP.ListData.${list.entityTypeName}Items`, next);
}

function itemOr404(ctx: Ctx, list: ListRecord, id: number): ItemRecord {
  const item = ctx.store.item(list.id, id);
  if (!item) {
    throw errors.itemNotFound();
  }
  return item;
}

/** Turns a write payload into stored values, rejecting unknown and read-only properties. */
function applyPayload(reader: ItemReader, base: Record<string, FieldValue>, body: Record<string, unknown>): Record<string, FieldValue> {
  const data = { ...base };
  for (const [key, value] of Object.entries(body)) {
    let f = reader.cols.field(key);
    if (f && isIdValued(f) && !f.FromBaseType) {
      throw errors.noProperty(key, reader.cols.itemType);
    }
    if (!f) {
      const m = /^(.*)Id$/.exec(key);
      const target = m ? reader.cols.field(m[1]) : undefined;
      if (target && isIdValued(target)) {
        f = target;
      }
    }
    if (!f || (f.FromBaseType && key !== 'Title' && key !== 'FileLeafRef')) {
      if (f && (SYSTEM_FIELDS.has(f.InternalName) || f.ReadOnlyField)) {
        throw errors.readOnlyProperty(key);
      }
      throw errors.noProperty(key, reader.cols.itemType);
    }
    if (f.ReadOnlyField) {
      throw errors.readOnlyProperty(key);
    }
    data[f.InternalName] = normaliseValue(f, value);
  }
  return data;
}

/** The headers every item write answers with. */
function etagHeaders(item: ItemRecord): Record<string, string> {
  return { etag: itemEtagHeader(item.uid, item.version) };
}

/** `POST {L}/items`. */
export function addItem(ctx: Ctx, list: ListRecord): ApiResponse {
  demand(ctx, 'AddListItems');
  const reader = new ItemReader(ctx, list);
  const defaults: Record<string, FieldValue> = {};
  for (const f of reader.fields) {
    if (!f.FromBaseType) {
      defaults[f.InternalName] = defaultValue(f);
    }
  }
  const data = applyPayload(reader, defaults, jsonBody(ctx));
  const item = ctx.store.addItem(list, ctx.user.id, data);
  ctx.listener.listChanged(list.id);
  const sel: Selection = { select: null, projections: new Map(), expanded: new Set(), extras: [] };
  return ctx.res.entity(reader.entity(item, sel), `SP.ListData.${list.entityTypeName}Items/@Element`, 201, {
    ...etagHeaders(item),
    location: reader.itemUri(item.id)
  });
}

/** Handles `items(n)` and everything below it. */
export function itemResource(ctx: Ctx, list: ListRecord, id: number, rest: Segment[]): ApiResponse {
  const [next, ...more] = rest;
  const method = ctx.req.method;
  if (!next) {
    switch (method) {
      case 'GET': {
        demand(ctx, 'ViewListItems');
        const reader = new ItemReader(ctx, list);
        const sel = reader.selection();
        const item = itemOr404(ctx, list, id);
        return ctx.res.entity(reader.entity(item, sel), `SP.ListData.${list.entityTypeName}Items/@Element`, 200, etagHeaders(item));
      }
      case 'MERGE':
      case 'PATCH':
      case 'PUT':
        return updateItem(ctx, list, id);
      case 'DELETE':
        return deleteItem(ctx, list, id, false);
      default:
        throw errors.notAllowed(method);
    }
  }
  switch (next.name) {
    case 'recycle':
      return deleteItem(ctx, list, id, true);
    case 'versions':
      return versions(ctx, list, id, next, more);
    case 'attachmentfiles':
      return attachments(ctx, list, id, next, more);
    case 'effectivebasepermissions':
      leaf(more, 'SP.BasePermissions');
      demand(ctx, 'ViewListItems');
      itemOr404(ctx, list, id);
      return ctx.res.complex('SP.BasePermissions', 'EffectiveBasePermissions', { ...basePermissions(ctx.level) });
    case 'fieldvaluesastext': {
      leaf(more, 'SP.FieldStringValues');
      demand(ctx, 'ViewListItems');
      const reader = new ItemReader(ctx, list);
      return ctx.res.entity(reader.fieldValuesAsText(itemOr404(ctx, list, id)), 'SP.FieldStringValues');
    }
    default:
      throw errors.noProperty(next.raw, `SP.Data.${list.entityTypeName}Item`);
  }
}

function updateItem(ctx: Ctx, list: ListRecord, id: number): ApiResponse {
  demand(ctx, 'EditListItems');
  const reader = new ItemReader(ctx, list);
  const body = jsonBody(ctx);
  return ctx.store.tx(() => {
    const current = itemOr404(ctx, list, id);
    const mismatch = checkIfMatch(ctx.req.headers['if-match'], current.uid, current.version);
    if (mismatch) {
      throw mismatch;
    }
    const data = applyPayload(reader, current.data, body);
    if (data.FileLeafRef !== current.data.FileLeafRef) {
      renameInLibrary(ctx, list, current, data);
    }
    const updated = ctx.store.updateItem(list, current, ctx.user.id, data);
    ctx.listener.listChanged(list.id);
    return ctx.res.noContent(etagHeaders(updated));
  });
}

/** A new FileLeafRef renames a file: its FileRef follows, and the name must be free in its folder. */
function renameInLibrary(ctx: Ctx, list: ListRecord, current: ItemRecord, data: Record<string, FieldValue>): void {
  const name = data.FileLeafRef;
  if (current.fsType !== 0 || typeof name !== 'string' || name.includes('/')) {
    throw errors.badRequest('Only a file can be renamed, to a name without a slash.');
  }
  const fileRef = `${String(current.data.FileDirRef)}/${name}`;
  for (const other of ctx.store.items(list.id)) {
    if (other.id !== current.id && typeof other.data.FileRef === 'string' && other.data.FileRef.toLowerCase() === fileRef.toLowerCase()) {
      throw errors.fileExists(fileRef);
    }
  }
  data.FileRef = fileRef;
}

function deleteItem(ctx: Ctx, list: ListRecord, id: number, recycle: boolean): ApiResponse {
  demand(ctx, 'DeleteListItems');
  return ctx.store.tx(() => {
    const current = itemOr404(ctx, list, id);
    const mismatch = checkIfMatch(ctx.req.headers['if-match'], current.uid, current.version);
    if (mismatch) {
      throw mismatch;
    }
    const recycleId = ctx.store.deleteItem(list, current, ctx.user.id, recycle);
    ctx.listener.listChanged(list.id);
    if (recycle) {
      return ctx.res.primitive('Edm.Guid', 'Recycle', recycleId);
    }
    return { status: 200, headers: {}, body: '' };
  });
}

/** `items(n)/versions` and `versions(id)`: every kept version's values, newest first. */
function versions(ctx: Ctx, list: ListRecord, id: number, seg: Segment, rest: Segment[]): ApiResponse {
  demand(ctx, 'ViewListItems');
  if (rest.length) {
    throw errors.notFound();
  }
  const reader = new ItemReader(ctx, list);
  const current = itemOr404(ctx, list, id);
  const kept = ctx.store.versions(list.id, id);
  const all = kept.length ? kept : [{ uiVersion: current.uiVersion, item: current }];
  const sel: Selection = { select: null, projections: new Map(), expanded: new Set(), extras: [] };
  const toEntity = (v: { uiVersion: number; item: ItemRecord }): Entity => {
    const versionId = v.uiVersion * 512;
    const values = reader.entity(v.item, sel).props;
    const editor = ctx.store.userById(v.item.editorId);
    const props: Record<string, unknown> = {
      ...values,
      Created: v.item.modified,
      IsCurrentVersion: v.uiVersion === current.uiVersion,
      VersionId: versionId,
      VersionLabel: `${v.uiVersion}.0`,
      Editor: { LookupId: v.item.editorId, LookupValue: editor?.title ?? '', Email: editor?.email ?? '' }
    };
    const uri = `${reader.itemUri(id)}/versions(${versionId})`;
    return new Entity('SP.ListItemVersion', uri, `${reader.editLink(id)}/versions(${versionId})`, props);
  };
  if (seg.call) {
    const wanted = argInt(seg);
    const v = all.find((x) => x.uiVersion * 512 === wanted);
    if (!v) {
      throw new SpError(404, '-2147024809, System.ArgumentException', 'Version does not exist.');
    }
    return ctx.res.entity(toEntity(v), 'SP.ApiData.ListItemVersions/@Element');
  }
  return ctx.res.collection(all.map(toEntity), 'SP.ApiData.ListItemVersions');
}

/** `items(n)/AttachmentFiles`, `/add(FileName='x')`, `('x')`, `('x')/$value`. */
function attachments(ctx: Ctx, list: ListRecord, id: number, seg: Segment, rest: Segment[]): ApiResponse {
  if (list.baseTemplate === 101) {
    throw errors.noProperty('AttachmentFiles', `SP.Data.${list.entityTypeName}Item`);
  }
  const item = itemOr404(ctx, list, id);
  const method = ctx.req.method;
  if (!seg.call && rest.length === 0) {
    demand(ctx, 'ViewListItems');
    return ctx.res.collection(attachmentEntities(ctx, list, item), 'SP.ApiData.Attachments');
  }
  if (!seg.call && rest[0]?.name === 'add') {
    demand(ctx, 'EditListItems');
    const name = argString(rest[0], 'filename');
    if (ctx.store.blob(list.id, id, name)) {
      throw errors.fileExists(`${attachmentsUrl(ctx, list, id)}/${name}`);
    }
    ctx.store.tx(() => {
      ctx.store.putBlob(list.id, id, name, ctx.req.body);
      ctx.store.updateItem(list, item, ctx.user.id, { ...item.data, Attachments: true });
    });
    ctx.listener.listChanged(list.id);
    return ctx.res.entity(attachmentEntity(ctx, list, id, name), 'SP.ApiData.Attachments/@Element', 201);
  }
  const target = seg.call ? seg : rest[0];
  const tail = seg.call ? rest : rest.slice(1);
  if (!target?.call) {
    throw errors.notFound();
  }
  const name = argString(target);
  const blob = ctx.store.blob(list.id, id, name);
  if (!blob) {
    throw errors.fileNotFound(`${attachmentsUrl(ctx, list, id)}/${name}`);
  }
  const valueSeg = tail[0]?.name === '$value';
  if (method === 'DELETE' || tail[0]?.name === 'recycleobject') {
    demand(ctx, 'EditListItems');
    ctx.store.tx(() => {
      ctx.store.deleteBlob(list.id, id, name);
      const left = ctx.store.attachmentNames(list.id, id).length > 0;
      ctx.store.updateItem(list, item, ctx.user.id, { ...item.data, Attachments: left });
    });
    ctx.listener.listChanged(list.id);
    return { status: 200, headers: {}, body: '' };
  }
  if (valueSeg && (method === 'PUT' || method === 'POST')) {
    demand(ctx, 'EditListItems');
    ctx.store.putBlob(list.id, id, name, ctx.req.body);
    ctx.store.updateItem(list, item, ctx.user.id, item.data);
    ctx.listener.listChanged(list.id);
    return ctx.res.noContent();
  }
  demand(ctx, 'ViewListItems');
  if (valueSeg) {
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: blob.content };
  }
  return ctx.res.entity(attachmentEntity(ctx, list, id, name), 'SP.ApiData.Attachments/@Element');
}
