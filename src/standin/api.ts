/**
 * The SharePoint REST resource tree under `/_api`: web, lists, fields, users, groups, permissions,
 * change log and context info. Items, files and subscriptions live in their own modules.
 */
import { changeToken, demand, expansions, jsonBody, listUri, option, selectProps, userEntity, type Ctx } from './context';
import { SpError, errors } from './errors';
import { applyFieldProps, builtInFields, encodeInternalName, fieldEntityType, fieldFromAddField, fieldFromRest, fieldFromXml, fieldJson } from './fields';
import { fileByPath, folderByPath, webFolders } from './files';
import { GROUPS, basePermissions, effectiveLevel, findInDirectory, loginFor, emailFor } from './identity';
import { addItem, itemResource, queryItems } from './items';
import { ChangeType, type ChangeRecord, type FieldDef, type GroupRecord, type ListRecord } from './model';
import { argInt, argString, leaf, type Segment } from './path';
import { queryObjects } from './collection';
import type { Store } from './store';
import { subscriptionsResource } from './webhooks';
import { Entity, type ApiResponse } from './wire';

const WEB_TITLE = 'Inspection Tracker';
const WEB_TITLE_KEY = 'webTitle';
const WEB_DESCRIPTION_KEY = 'webDescription';

/** `MERGE _api/web`: the title and description; other web properties are refused, not dropped. */
function updateWeb(ctx: Ctx): ApiResponse {
  demand(ctx, 'ManageWeb');
  const body = jsonBody(ctx);
  for (const [key, value] of Object.entries(body)) {
    if (key !== 'Title' && key !== 'Description') {
      throw errors.notSupported(`Setting the web's ${key}`);
    }
    if (typeof value !== 'string' || (key === 'Title' && value.trim() === '')) {
      throw errors.badValue(key, value);
    }
  }
  ctx.store.tx(() => {
    if (typeof body.Title === 'string') {
      ctx.store.setMeta(WEB_TITLE_KEY, body.Title.trim());
    }
    if (typeof body.Description === 'string') {
      ctx.store.setMeta(WEB_DESCRIPTION_KEY, body.Description);
    }
  });
  return ctx.res.noContent();
}

/** Dispatches a request whose path after `_api/` is `segs`. */
export async function dispatch(ctx: Ctx, segs: Segment[]): Promise<ApiResponse> {
  const [first, ...rest] = segs;
  if (!first) {
    throw errors.notFound();
  }
  switch (first.name) {
    case 'web':
      return webResource(ctx, rest);
    case 'site':
      return siteResource(ctx, rest);
    case 'contextinfo':
      return contextInfo(ctx);
    default:
      throw errors.notFound(`Cannot find resource for the request ${first.raw}.`);
  }
}

function contextInfo(ctx: Ctx): ApiResponse {
  if (ctx.req.method !== 'POST') {
    throw errors.notAllowed(ctx.req.method);
  }
  const digest = `0x${Buffer.from(`${ctx.user.id}:${Date.now()}`).toString('hex').toUpperCase().padEnd(128, '0')},${new Date().toUTCString()}`;
  return ctx.res.complex('SP.ContextWebInformation', 'GetContextWebInformation', {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: digest,
    LibraryVersion: '16.0.25503.12010',
    SiteFullUrl: ctx.webUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.webUrl
  });
}

function siteResource(ctx: Ctx, rest: Segment[]): ApiResponse | Promise<ApiResponse> {
  demand(ctx, 'ViewListItems');
  if (rest.length === 0) {
    return ctx.res.entity(
      new Entity('SP.Site', `${ctx.apiUrl}/Site`, 'Site', selectProps({ Id: ctx.store.siteId, Url: ctx.webUrl, ServerRelativeUrl: ctx.sitePath, ReadOnly: false }, option(ctx, '$select'))),
      'SP.ApiData.Sites/@Element'
    );
  }
  if (rest[0].name === 'rootweb') {
    return webResource(ctx, rest.slice(1));
  }
  throw errors.notFound();
}

function webProps(ctx: Ctx): Record<string, unknown> {
  return {
    AllowRssFeeds: true,
    Created: ctx.store.meta('created'),
    CurrentChangeToken: { StringValue: changeToken(2, ctx.store.webId, ctx.store.lastChangeNumber()) },
    Description: ctx.store.meta(WEB_DESCRIPTION_KEY) ?? 'Inspection recommendations tracker (local stand-in).',
    Id: ctx.store.webId,
    IsMultilingual: false,
    Language: 1033,
    LastItemModifiedDate: ctx.store.lists().reduce((m, l) => (l.modified > m ? l.modified : m), ctx.store.meta('created') ?? ''),
    ServerRelativeUrl: ctx.sitePath,
    SiteLogoUrl: null,
    Title: ctx.store.meta(WEB_TITLE_KEY) ?? WEB_TITLE,
    Url: ctx.webUrl,
    WebTemplate: 'STS'
  };
}

function webEntity(ctx: Ctx): Entity {
  return new Entity('SP.Web', `${ctx.apiUrl}/Web`, 'Web', selectProps(webProps(ctx), option(ctx, '$select')));
}

async function webResource(ctx: Ctx, rest: Segment[]): Promise<ApiResponse> {
  const [next, ...more] = rest;
  if (!next) {
    if (ctx.req.method === 'GET') {
      demand(ctx, 'ViewListItems');
      return ctx.res.entity(webEntity(ctx), 'SP.ApiData.Webs/@Element');
    }
    if (ctx.req.method === 'MERGE' || ctx.req.method === 'PATCH') {
      return updateWeb(ctx);
    }
    throw errors.notAllowed(ctx.req.method);
  }
  switch (next.name) {
    case 'title':
    case 'url':
    case 'id':
    case 'serverrelativeurl': {
      leaf(more, 'Edm.String');
      demand(ctx, 'ViewListItems');
      const props = webEntity(ctx).props;
      const key = Object.keys(props).find((k) => k.toLowerCase() === next.name) ?? next.raw;
      return ctx.res.primitive('Edm.String', key, props[key]);
    }
    case 'currentchangetoken':
      leaf(more, 'SP.ChangeToken');
      demand(ctx, 'ViewListItems');
      return ctx.res.complex('SP.ChangeToken', 'CurrentChangeToken', { StringValue: changeToken(2, ctx.store.webId, ctx.store.lastChangeNumber()) });
    case 'defaultdocumentlibrary': {
      const library = ctx.store.listByUrl(`${ctx.sitePath}/Shared Documents`);
      if (!library) {
        throw errors.listIdNotFound();
      }
      return listResource(ctx, library, more);
    }
    case 'lists':
      if (next.call) {
        return listResource(ctx, listById(ctx, argString(next)), more);
      }
      return listsCollection(ctx, more);
    case 'getlist': {
      const url = argString(next);
      const list = ctx.store.listByUrl(url.startsWith('/') ? url : `${ctx.sitePath}/${url}`);
      if (!list) {
        throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
      }
      return listResource(ctx, list, more);
    }
    case 'currentuser':
      return currentUser(ctx, more);
    case 'siteusers':
      return siteUsers(ctx, next, more);
    case 'getuserbyid':
      return userResponse(ctx, argInt(next), more);
    case 'ensureuser':
      return ensureUser(ctx);
    case 'sitegroups':
      return siteGroups(ctx, next, more);
    case 'associatedownergroup':
    case 'associatedmembergroup':
    case 'associatedvisitorgroup': {
      const title = { associatedownergroup: 'Tracker Owners', associatedmembergroup: 'Tracker Members', associatedvisitorgroup: 'Tracker Visitors' }[next.name];
      const g = GROUPS.find((x) => x.title === title);
      if (!g) {
        throw errors.groupNotFound();
      }
      return groupResource(ctx, g, more);
    }
    case 'effectivebasepermissions':
      leaf(more, 'SP.BasePermissions');
      demand(ctx, 'ViewListItems');
      return ctx.res.complex('SP.BasePermissions', 'EffectiveBasePermissions', { ...basePermissions(ctx.level) });
    case 'getusereffectivepermissions':
      leaf(more, 'SP.BasePermissions');
      return userEffectivePermissions(ctx, argString(next));
    case 'getchanges':
      leaf(more, 'SP.ChangeCollection');
      return getChanges(ctx, null);
    case 'getfolderbyserverrelativepath':
    case 'getfolderbyserverrelativeurl':
      return folderByPath(ctx, argString(next, 'decodedurl'), more);
    case 'getfilebyserverrelativepath':
    case 'getfilebyserverrelativeurl':
      return fileByPath(ctx, argString(next, 'decodedurl'), more);
    case 'folders':
    case 'rootfolder':
      return webFolders(ctx, next, more);
    default:
      throw errors.noProperty(next.raw, 'SP.Web');
  }
}

// ---------- lists ----------

function listById(ctx: Ctx, id: string): ListRecord {
  const list = ctx.store.listById(id.toLowerCase());
  if (!list) {
    throw errors.listIdNotFound();
  }
  return list;
}

function listEntity(ctx: Ctx, list: ListRecord, select = option(ctx, '$select')): Entity {
  const props: Record<string, unknown> = {
    AllowContentTypes: false,
    BaseTemplate: list.baseTemplate,
    BaseType: list.baseTemplate === 101 ? 1 : 0,
    ContentTypesEnabled: false,
    Created: list.created,
    CurrentChangeToken: { StringValue: changeToken(3, list.id, ctx.store.lastChangeNumber()) },
    DefaultItemOpenUseListSetting: false,
    Description: list.description,
    EnableAttachments: list.baseTemplate !== 101,
    EnableFolderCreation: list.baseTemplate === 101,
    EnableMinorVersions: false,
    EnableModeration: false,
    EnableVersioning: list.enableVersioning,
    EntityTypeName: list.entityTypeName,
    Hidden: list.hidden,
    Id: list.id,
    ItemCount: ctx.store.itemCount(list.id),
    LastItemDeletedDate: list.modified,
    LastItemModifiedDate: list.modified,
    LastItemUserModifiedDate: list.modified,
    ListItemEntityTypeFullName: `SP.Data.${list.entityTypeName}Item`,
    MajorVersionLimit: list.enableVersioning ? 500 : 0,
    ParentWebUrl: ctx.sitePath,
    ServerTemplateCanCreateFolders: true,
    TemplateFeatureId: list.baseTemplate === 101 ? '00bfea71-e717-4e80-aa17-d0c71b360101' : '00bfea71-de22-43b2-a848-c05709900100',
    Title: list.title,
    ...list.extra
  };
  const expand = expansions(ctx, 'SP.List', ['rootfolder', 'parentweb']);
  if (expand.has('rootfolder')) {
    props.RootFolder = { Name: list.url.split('/').pop(), ServerRelativeUrl: list.url, ItemCount: ctx.store.itemCount(list.id), UniqueId: list.id };
  }
  if (expand.has('parentweb')) {
    props.ParentWeb = webProps(ctx);
  }
  return new Entity('SP.List', listUri(ctx, list), `Web/Lists(guid'${list.id}')`, selectProps(props, select), '"1"');
}

/** Writable SP.List properties; anything else is rejected as SharePoint does. */
const LIST_WRITABLE = new Set([
  'AllowContentTypes', 'ContentTypesEnabled', 'Description', 'Title', 'EnableVersioning', 'EnableMinorVersions', 'MajorVersionLimit',
  'MajorWithMinorVersionsLimit', 'EnableModeration', 'EnableAttachments', 'EnableFolderCreation', 'ForceCheckout', 'Hidden',
  'OnQuickLaunch', 'NoCrawl', 'DraftVersionVisibility', 'Direction', 'ExcludeFromOfflineClient', 'IrmEnabled', 'ReadSecurity',
  'WriteSecurity', 'ValidationFormula', 'ValidationMessage', 'DisableGridEditing', 'DocumentTemplateUrl', 'ImageUrl',
  'DefaultDisplayFormUrl', 'DefaultEditFormUrl', 'DefaultNewFormUrl', 'BaseTemplate', 'TemplateFeatureId', 'ListExperienceOptions'
]);
/** Properties kept as columns of the lists table rather than in `extra`. */
const LIST_CORE = new Set(['Title', 'Description', 'EnableVersioning', 'Hidden', 'BaseTemplate']);

function splitListProps(body: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (!LIST_WRITABLE.has(k)) {
      throw errors.noProperty(k, 'SP.List');
    }
    if (!LIST_CORE.has(k)) {
      extra[k] = v;
    }
  }
  return extra;
}

function uniqueUrl(store: Store, sitePath: string, title: string, library: boolean): string {
  const name = title.replace(/[^A-Za-z0-9_-]/g, '') || 'List';
  const baseUrl = library ? `${sitePath}/${name}` : `${sitePath}/Lists/${name}`;
  let url = baseUrl;
  for (let i = 1; store.listByUrl(url); i++) {
    url = `${baseUrl}${i}`;
  }
  return url;
}

const MAX_LIST_TITLE = 255;

function checkListTitle(title: string): void {
  if (!title) {
    throw errors.badRequest('The list title must not be empty.');
  }
  if (title.length > MAX_LIST_TITLE) {
    throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPException', `The list title is ${title.length} characters long; a title may have at most ${MAX_LIST_TITLE}.`);
  }
}

/** Creates a list from a `lists.add` body; also used to make the default Documents library. */
export function createList(store: Store, sitePath: string, body: Record<string, unknown>, fixedUrl?: string): ListRecord {
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  checkListTitle(title);
  if (store.listByTitle(title)) {
    throw errors.listExists();
  }
  const template = typeof body.BaseTemplate === 'number' ? body.BaseTemplate : 100;
  if (template !== 100 && template !== 101) {
    throw new SpError(400, '-2147024809, System.ArgumentException', `List template ${template} is not supported by the local stand-in (use 100 or 101).`);
  }
  const extra = splitListProps(body);
  const url = fixedUrl ?? uniqueUrl(store, sitePath, title, template === 101);
  const urlName = url.split('/').pop() ?? title;
  return store.createList(
    {
      title,
      description: typeof body.Description === 'string' ? body.Description : '',
      baseTemplate: template,
      url,
      entityTypeName: template === 101 ? encodeInternalName(urlName) : `${encodeInternalName(urlName)}List`,
      enableVersioning: body.EnableVersioning === true,
      hidden: body.Hidden === true,
      extra
    },
    builtInFields(template)
  );
}

function listsCollection(ctx: Ctx, rest: Segment[]): ApiResponse | Promise<ApiResponse> {
  const [next, ...more] = rest;
  if (!next) {
    if (ctx.req.method === 'POST') {
      demand(ctx, 'ManageLists');
      const list = createList(ctx.store, ctx.sitePath, jsonBody(ctx));
      return ctx.res.entity(listEntity(ctx, list), 'SP.ApiData.Lists/@Element', 201);
    }
    demand(ctx, 'ViewListItems');
    const entities = queryObjects(ctx, ctx.store.lists().map((l) => listEntity(ctx, l, null)));
    return ctx.res.collection(entities, 'SP.ApiData.Lists');
  }
  if (next.name === 'getbytitle') {
    const title = argString(next);
    const list = ctx.store.listByTitle(title);
    if (!list) {
      throw errors.listNotFound(title, ctx.webUrl);
    }
    return listResource(ctx, list, more);
  }
  if (next.name === 'getbyid') {
    return listResource(ctx, listById(ctx, argString(next)), more);
  }
  if (next.name === 'ensuresiteassetslibrary' || next.name === 'ensuresitepageslibrary') {
    throw errors.notFound(`${next.raw} is not available in the local stand-in.`);
  }
  throw errors.noProperty(next.raw, 'SP.ListCollection');
}

async function listResource(ctx: Ctx, list: ListRecord, rest: Segment[]): Promise<ApiResponse> {
  const [next, ...more] = rest;
  if (!next) {
    switch (ctx.req.method) {
      case 'GET':
        demand(ctx, 'ViewListItems');
        return ctx.res.entity(listEntity(ctx, list), 'SP.ApiData.Lists/@Element');
      case 'MERGE':
      case 'PATCH':
      case 'PUT':
        return updateList(ctx, list);
      case 'DELETE':
        demand(ctx, 'ManageLists');
        ctx.store.deleteList(list);
        return { status: 200, headers: {}, body: '' };
      default:
        throw errors.notAllowed(ctx.req.method);
    }
  }
  switch (next.name) {
    case 'items':
      if (next.call) {
        return itemResource(ctx, list, argInt(next), more);
      }
      if (more.length) {
        if (more[0].name === 'getbyid') {
          return itemResource(ctx, list, argInt(more[0]), more.slice(1));
        }
        throw errors.noProperty(more[0].raw, 'SP.ListItemCollection');
      }
      if (ctx.req.method === 'POST') {
        return addItem(ctx, list);
      }
      return queryItems(ctx, list);
    case 'getitembyid':
      return itemResource(ctx, list, argInt(next), more);
    case 'fields':
      return fieldsResource(ctx, list, next, more);
    case 'getchanges':
      leaf(more, 'SP.ChangeCollection');
      return getChanges(ctx, list);
    case 'currentchangetoken':
      leaf(more, 'SP.ChangeToken');
      demand(ctx, 'ViewListItems');
      return ctx.res.complex('SP.ChangeToken', 'CurrentChangeToken', { StringValue: changeToken(3, list.id, ctx.store.lastChangeNumber()) });
    case 'effectivebasepermissions':
      leaf(more, 'SP.BasePermissions');
      demand(ctx, 'ViewListItems');
      return ctx.res.complex('SP.BasePermissions', 'EffectiveBasePermissions', { ...basePermissions(ctx.level) });
    case 'getusereffectivepermissions':
      leaf(more, 'SP.BasePermissions');
      return userEffectivePermissions(ctx, argString(next));
    case 'subscriptions':
      return subscriptionsResource(ctx, list, next, more);
    case 'rootfolder':
      return folderByPath(ctx, list.url, more);
    default:
      throw errors.noProperty(next.raw, 'SP.List');
  }
}

function updateList(ctx: Ctx, list: ListRecord): ApiResponse {
  demand(ctx, 'ManageLists');
  const body = jsonBody(ctx);
  const extra = splitListProps(body);
  if (typeof body.Title === 'string') {
    checkListTitle(body.Title.trim());
  }
  if (typeof body.Title === 'string' && body.Title.trim() !== '' && body.Title.toLowerCase() !== list.title.toLowerCase() && ctx.store.listByTitle(body.Title)) {
    throw errors.listExists();
  }
  const updated: ListRecord = {
    ...list,
    title: typeof body.Title === 'string' && body.Title.trim() !== '' ? body.Title.trim() : list.title,
    description: typeof body.Description === 'string' ? body.Description : list.description,
    enableVersioning: typeof body.EnableVersioning === 'boolean' ? body.EnableVersioning : list.enableVersioning,
    hidden: typeof body.Hidden === 'boolean' ? body.Hidden : list.hidden,
    extra: { ...list.extra, ...extra }
  };
  ctx.store.updateList(updated);
  return ctx.res.noContent();
}

// ---------- fields ----------

function fieldEntity(ctx: Ctx, list: ListRecord, f: FieldDef, select = option(ctx, '$select')): Entity {
  const uri = `${listUri(ctx, list)}/Fields(guid'${f.Id}')`;
  return new Entity(fieldEntityType(f), uri, `Web/Lists(guid'${list.id}')/Fields(guid'${f.Id}')`, selectProps(fieldJson(f, list.id), select));
}

const MAX_INDEXES = 20;

function fieldsResource(ctx: Ctx, list: ListRecord, seg: Segment, rest: Segment[]): ApiResponse {
  const fields = ctx.store.fields(list.id);
  const find = (pred: (f: FieldDef) => boolean, name: string): FieldDef => {
    const f = fields.find(pred);
    if (!f) {
      throw new SpError(400, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.  /sites${ctx.sitePath.replace(/^\/sites/, '')}/Lists/${list.title}`);
    }
    return f;
  };
  if (seg.call) {
    const id = argString(seg).toLowerCase();
    return fieldResource(ctx, list, find((f) => f.Id === id, id), fields, rest);
  }
  const [next, ...more] = rest;
  if (!next) {
    if (ctx.req.method === 'POST') {
      demand(ctx, 'ManageLists');
      return addField(ctx, list, fieldFromRest(jsonBody(ctx), fields));
    }
    demand(ctx, 'ViewListItems');
    return ctx.res.collection(queryObjects(ctx, fields.map((f) => fieldEntity(ctx, list, f, null))), 'SP.ApiData.Fields');
  }
  switch (next.name) {
    case 'getbyid': {
      const id = argString(next).toLowerCase();
      return fieldResource(ctx, list, find((f) => f.Id === id, id), fields, more);
    }
    case 'getbytitle': {
      const t = argString(next);
      return fieldResource(ctx, list, find((f) => f.Title.toLowerCase() === t.toLowerCase(), t), fields, more);
    }
    case 'getbyinternalnameortitle': {
      const n = argString(next).toLowerCase();
      const f = fields.find((x) => x.InternalName.toLowerCase() === n) ?? find((x) => x.Title.toLowerCase() === n, argString(next));
      return fieldResource(ctx, list, f, fields, more);
    }
    case 'addfield': {
      demand(ctx, 'ManageLists');
      const body = jsonBody(ctx);
      const params = (body.parameters ?? {}) as Record<string, unknown>;
      const f = fieldFromAddField(params, fields);
      if (f.LookupList && !ctx.store.listById(f.LookupList)) {
        throw errors.listIdNotFound();
      }
      return addField(ctx, list, f);
    }
    case 'createfieldasxml': {
      demand(ctx, 'ManageLists');
      const body = jsonBody(ctx);
      const params = (body.parameters ?? {}) as Record<string, unknown>;
      if (typeof params.SchemaXml !== 'string') {
        throw errors.badRequest('createfieldasxml needs parameters.SchemaXml.');
      }
      const f = fieldFromXml(params.SchemaXml, fields, typeof params.Options === 'number' ? params.Options : 0);
      if (f.LookupList && f.LookupList !== '{user-info}' && !ctx.store.listById(f.LookupList)) {
        const byTitle = ctx.store.listByTitle(f.LookupList) ?? ctx.store.listByUrl(f.LookupList.startsWith('/') ? f.LookupList : `${ctx.sitePath}/${f.LookupList}`);
        if (!byTitle) {
          throw errors.listIdNotFound();
        }
        f.LookupList = byTitle.id;
      }
      return addField(ctx, list, f);
    }
    default:
      throw errors.noProperty(next.raw, 'SP.FieldCollection');
  }
}

function addField(ctx: Ctx, list: ListRecord, f: FieldDef): ApiResponse {
  if (f.Indexed && ctx.store.fields(list.id).filter((x) => x.Indexed && x.InternalName !== 'ID').length >= MAX_INDEXES) {
    throw tooManyIndexes();
  }
  ctx.store.addField(list, f);
  return ctx.res.entity(fieldEntity(ctx, list, f), 'SP.ApiData.Fields/@Element', 201);
}

function tooManyIndexes(): SpError {
  return new SpError(400, '-2130575187, Microsoft.SharePoint.SPException', `You cannot create more than ${MAX_INDEXES} indexes on a list.`);
}

function fieldResource(ctx: Ctx, list: ListRecord, f: FieldDef, fields: readonly FieldDef[], rest: Segment[]): ApiResponse {
  if (rest.length) {
    if (rest[0].name === 'setshowineditform' || rest[0].name === 'setshowinnewform' || rest[0].name === 'setshowindisplayform') {
      demand(ctx, 'ManageLists');
      return ctx.res.noContent();
    }
    throw errors.noProperty(rest[0].raw, fieldEntityType(f));
  }
  switch (ctx.req.method) {
    case 'GET':
      demand(ctx, 'ViewListItems');
      return ctx.res.entity(fieldEntity(ctx, list, f), 'SP.ApiData.Fields/@Element');
    case 'MERGE':
    case 'PATCH':
    case 'PUT': {
      demand(ctx, 'ManageLists');
      const updated: FieldDef = { ...f, Choices: f.Choices ? [...f.Choices] : undefined };
      applyFieldProps(updated, jsonBody(ctx));
      if (updated.Indexed && !f.Indexed && fields.filter((x) => x.Indexed && x.InternalName !== 'ID').length >= MAX_INDEXES) {
        throw tooManyIndexes();
      }
      ctx.store.updateField(list, updated);
      return ctx.res.noContent();
    }
    case 'DELETE':
      demand(ctx, 'ManageLists');
      if (f.FromBaseType) {
        throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot delete a hidden column.');
      }
      ctx.store.deleteField(list, f);
      return { status: 200, headers: {}, body: '' };
    default:
      throw errors.notAllowed(ctx.req.method);
  }
}

// ---------- users, groups, permissions ----------

/** Users are read here; changing one (`MERGE siteUsers/getById(n)`, `MERGE currentUser`) is refused. */
function readOnlyUser(ctx: Ctx): void {
  if (ctx.req.method !== 'GET') {
    throw errors.notSupported(`${ctx.req.method} of a user`);
  }
}

function currentUser(ctx: Ctx, rest: Segment[]): ApiResponse {
  readOnlyUser(ctx);
  const [next] = rest;
  if (!next) {
    return ctx.res.entity(withSelect(ctx, userEntity(ctx, ctx.user)), 'SP.ApiData.Users/@Element');
  }
  if (next.name === 'groups') {
    leaf(rest.slice(1), 'SP.GroupCollection');
    const groups = ctx.store.groupIdsOf(ctx.user.id).flatMap((id) => GROUPS.filter((g) => g.id === id));
    return ctx.res.collection(groups.map((g) => groupEntity(ctx, g)), 'SP.ApiData.Groups');
  }
  return userProperty(ctx, ctx.user.id, next);
}

function withSelect(ctx: Ctx, e: Entity): Entity {
  return new Entity(e.type, e.uri, e.editLink, selectProps(e.props, option(ctx, '$select')), e.etag, e.id);
}

function userProperty(ctx: Ctx, userId: number, seg: Segment, rest: Segment[] = []): ApiResponse {
  leaf(rest, 'SP.GroupCollection');
  if (seg.name === 'groups') {
    const groups = ctx.store.groupIdsOf(userId).flatMap((id) => GROUPS.filter((g) => g.id === id));
    return ctx.res.collection(groups.map((g) => groupEntity(ctx, g)), 'SP.ApiData.Groups');
  }
  throw errors.noProperty(seg.raw, 'SP.User');
}

function userResponse(ctx: Ctx, id: number, rest: Segment[]): ApiResponse {
  demand(ctx, 'ViewListItems');
  readOnlyUser(ctx);
  const u = ctx.store.userById(id);
  if (!u) {
    throw errors.userNotFound();
  }
  if (rest.length) {
    return userProperty(ctx, u.id, rest[0], rest.slice(1));
  }
  return ctx.res.entity(withSelect(ctx, userEntity(ctx, u)), 'SP.ApiData.Users/@Element');
}

function siteUsers(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  demand(ctx, 'ViewListItems');
  if (seg.call) {
    const login = argString(seg);
    const u = ctx.store.userByLogin(login);
    if (!u) {
      throw errors.userNotFound();
    }
    return userResponse(ctx, u.id, rest);
  }
  const [next, ...more] = rest;
  if (!next) {
    return ctx.res.collection(queryObjects(ctx, ctx.store.users().map((u) => userEntity(ctx, u))), 'SP.ApiData.Users');
  }
  switch (next.name) {
    case 'getbyid':
      return userResponse(ctx, argInt(next), more);
    case 'getbyemail': {
      const u = ctx.store.userByEmail(argString(next));
      if (!u) {
        throw errors.userNotFound();
      }
      return userResponse(ctx, u.id, more);
    }
    case 'getbyloginname': {
      const u = ctx.store.userByLogin(argString(next));
      if (!u) {
        throw errors.userNotFound();
      }
      return userResponse(ctx, u.id, more);
    }
    default:
      throw errors.noProperty(next.raw, 'SP.UserCollection');
  }
}

/** `POST _api/web/ensureuser` `{logonName}`: adds a directory user to the site if needed. */
function ensureUser(ctx: Ctx): ApiResponse {
  if (ctx.req.method !== 'POST') {
    throw errors.notAllowed(ctx.req.method);
  }
  demand(ctx, 'AddListItems');
  const body = jsonBody(ctx);
  const login = typeof body.logonName === 'string' ? body.logonName : '';
  const existing = ctx.store.userByLogin(login) ?? ctx.store.userByEmail(login);
  if (existing) {
    return ctx.res.entity(userEntity(ctx, existing), 'SP.ApiData.Users/@Element');
  }
  const person = findInDirectory(login);
  if (!person) {
    throw errors.ensureUserUnknown(login);
  }
  const alias = person.alias;
  const u = ctx.store.addUser(loginFor(alias), person.title, emailFor(alias));
  return ctx.res.entity(userEntity(ctx, u), 'SP.ApiData.Users/@Element');
}

function groupEntity(ctx: Ctx, g: GroupRecord): Entity {
  return new Entity('SP.Group', `${ctx.apiUrl}/Web/SiteGroups/GetById(${g.id})`, `Web/SiteGroups/GetById(${g.id})`, {
    Id: g.id,
    IsHiddenInUI: false,
    LoginName: g.title,
    Title: g.title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: g.description,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: 'Tracker Owners',
    RequestToJoinLeaveEmailSetting: ''
  });
}

function siteGroups(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  demand(ctx, 'ViewListItems');
  const byId = (id: number): GroupRecord => {
    const g = GROUPS.find((x) => x.id === id);
    if (!g) {
      throw errors.groupNotFound();
    }
    return g;
  };
  if (seg.call) {
    return groupResource(ctx, byId(argInt(seg)), rest);
  }
  const [next, ...more] = rest;
  if (!next) {
    if (ctx.req.method !== 'GET') {
      throw errors.notSupported('Creating or changing site groups (the stand-in has the three associated groups)');
    }
    return ctx.res.collection(queryObjects(ctx, GROUPS.map((g) => groupEntity(ctx, g))), 'SP.ApiData.Groups');
  }
  switch (next.name) {
    case 'getbyid':
      return groupResource(ctx, byId(argInt(next)), more);
    case 'getbyname': {
      const name = argString(next).toLowerCase();
      const g = GROUPS.find((x) => x.title.toLowerCase() === name);
      if (!g) {
        throw errors.groupNotFound();
      }
      return groupResource(ctx, g, more);
    }
    default:
      throw errors.noProperty(next.raw, 'SP.GroupCollection');
  }
}

/** A group, its `users`, adding a member (`POST users {LoginName}`) and `users/removeById(n)`. */
function groupResource(ctx: Ctx, g: GroupRecord, rest: Segment[]): ApiResponse {
  const [next, ...more] = rest;
  if (!next) {
    if (ctx.req.method !== 'GET') {
      throw errors.notSupported(`${ctx.req.method} of a site group`);
    }
    return ctx.res.entity(withSelect(ctx, groupEntity(ctx, g)), 'SP.ApiData.Groups/@Element');
  }
  if (next.name !== 'users') {
    throw errors.noProperty(next.raw, 'SP.Group');
  }
  if (ctx.req.method === 'GET') {
    leaf(more, 'SP.UserCollection');
    return ctx.res.collection(queryObjects(ctx, ctx.store.groupMembers(g.id).map((u) => userEntity(ctx, u))), 'SP.ApiData.Users');
  }
  demand(ctx, 'ManageWeb');
  if (more.length === 0 && ctx.req.method === 'POST') {
    const body = jsonBody(ctx);
    const login = typeof body.LoginName === 'string' ? body.LoginName : '';
    let u = ctx.store.userByLogin(login);
    if (!u) {
      const person = findInDirectory(login);
      if (!person) {
        throw errors.ensureUserUnknown(login);
      }
      u = ctx.store.addUser(loginFor(person.alias), person.title, emailFor(person.alias));
    }
    ctx.store.addGroupMember(g.id, u.id);
    return ctx.res.entity(userEntity(ctx, u), 'SP.ApiData.Users/@Element', 201);
  }
  if (more[0]?.name === 'removebyid' && ctx.req.method === 'POST') {
    if (!ctx.store.removeGroupMember(g.id, argInt(more[0]))) {
      throw errors.userNotFound();
    }
    return ctx.res.noContent();
  }
  throw errors.notAllowed(ctx.req.method);
}

function userEffectivePermissions(ctx: Ctx, login: string): ApiResponse {
  demand(ctx, 'ViewListItems');
  const u = ctx.store.userByLogin(login);
  if (!u) {
    throw errors.userNotFound();
  }
  const level = effectiveLevel(u.isSiteAdmin, ctx.store.groupIdsOf(u.id));
  return ctx.res.complex('SP.BasePermissions', 'GetUserEffectivePermissions', { ...basePermissions(level) });
}

// ---------- change log ----------

const OBJECT_FLAGS: Record<ChangeRecord['objectType'], string> = {
  Item: 'Item',
  List: 'List',
  Field: 'Field',
  File: 'File',
  Folder: 'Folder',
  User: 'User',
  Group: 'Group',
  Web: 'Web'
};

const CHANGE_FLAGS: Record<number, string> = {
  [ChangeType.Add]: 'Add',
  [ChangeType.Update]: 'Update',
  [ChangeType.DeleteObject]: 'DeleteObject',
  [ChangeType.Rename]: 'Rename',
  [ChangeType.Restore]: 'Restore',
  [ChangeType.SystemUpdate]: 'SystemUpdate'
};

/** The change number in a token `1;3;<guid>;<ticks>;<n>` (or -1 / absent: from the start). */
function tokenNumber(token: unknown): number | undefined {
  const s = token && typeof token === 'object' ? (token as { StringValue?: unknown }).StringValue : token;
  if (typeof s !== 'string' || s === '') {
    return undefined;
  }
  const parts = s.split(';');
  const n = Number(parts[4]);
  if (parts.length < 5 || !Number.isInteger(n)) {
    throw new SpError(400, '-2147024809, System.ArgumentException', 'The change token is not valid.');
  }
  return n < 0 ? undefined : n;
}

function getChanges(ctx: Ctx, list: ListRecord | null): ApiResponse {
  if (ctx.req.method !== 'POST') {
    throw errors.notAllowed(ctx.req.method);
  }
  demand(ctx, 'ViewListItems');
  const query = (jsonBody(ctx).query ?? {}) as Record<string, unknown>;
  const start = tokenNumber(query.ChangeTokenStart) ?? 0;
  const end = tokenNumber(query.ChangeTokenEnd) ?? Number.MAX_SAFE_INTEGER;
  const limit = typeof query.FetchLimit === 'number' && query.FetchLimit > 0 ? query.FetchLimit : 1000;
  const scope = list ? 3 : 2;
  const scopeId = list ? list.id : ctx.store.webId;
  const selected: ChangeRecord[] = [];
  let after = start;
  // Read in chunks so that a flag filter cannot starve FetchLimit.
  while (selected.length < limit) {
    const chunk = ctx.store.changesSince(list?.id ?? null, after, end, 1000);
    if (chunk.length === 0) {
      break;
    }
    for (const c of chunk) {
      if (query[OBJECT_FLAGS[c.objectType]] === true && query[CHANGE_FLAGS[c.changeType] ?? ''] === true) {
        selected.push(c);
        if (selected.length >= limit) {
          break;
        }
      }
    }
    after = chunk[chunk.length - 1].n;
  }
  const entities = selected.map((c) => changeEntity(ctx, c, scope, scopeId));
  return ctx.res.collection(entities, 'SP.ApiData.Changes');
}

function changeEntity(ctx: Ctx, c: ChangeRecord, scope: 2 | 3, scopeId: string): Entity {
  const ms = Date.parse(c.time);
  const token = `1;${scope};${scopeId};${(BigInt(ms) * 10000n + 621355968000000000n).toString()};${c.n}`;
  const common = {
    ChangeToken: { StringValue: token },
    ChangeType: c.changeType,
    SiteId: ctx.store.siteId,
    Time: c.time,
    WebId: ctx.store.webId
  };
  const uri = `${ctx.apiUrl}/Web/Changes(${c.n})`;
  switch (c.objectType) {
    case 'Item':
    case 'File':
      return new Entity('SP.ChangeItem', uri, `Web/Changes(${c.n})`, {
        ...common,
        Editor: '',
        EditorEmailHint: null,
        ItemId: c.itemId,
        ListId: c.listId,
        ServerRelativeUrl: '',
        SharedByUser: null,
        SharedWithUsers: null,
        UniqueId: c.uniqueId
      });
    case 'List':
      return new Entity('SP.ChangeList', uri, `Web/Changes(${c.n})`, { ...common, BaseTemplate: 100, Editor: '', Hidden: false, ListId: c.listId, RootFolderUrl: c.serverRelativeUrl, Title: '' });
    case 'Field':
      return new Entity('SP.ChangeField', uri, `Web/Changes(${c.n})`, { ...common, FieldId: c.uniqueId });
    case 'User':
      return new Entity('SP.ChangeUser', uri, `Web/Changes(${c.n})`, { ...common, Activate: true, UserId: Number(c.uniqueId) });
    default:
      return new Entity('SP.Change', uri, `Web/Changes(${c.n})`, common);
  }
}
