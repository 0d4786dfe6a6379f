/**
 * Document libraries (BaseTemplate 101): folders and files addressed the way PnPjs v4 addresses
 * them — `getFolderByServerRelativePath(decodedUrl='…')/files/AddUsingPath(decodedurl='x',Overwrite=true)`,
 * `…/files`, `…/folders/addUsingPath(DecodedUrl='…',overwrite=false)` and
 * `getFileByServerRelativePath(decodedUrl='…')/$value`. Files are library items whose content is a blob;
 * list item attachments can also be read by their server-relative path.
 */
import { type Ctx, demand, listUri, option, selectProps } from './context';
import { errors } from './errors';
import { type ItemRecord, type ListRecord } from './model';
import { argString, leaf, type Segment } from './path';
import { queryObjects } from './collection';
import { ItemReader } from './items';
import { Entity, itemEtagHeader, type ApiResponse } from './wire';

/** A resolved location inside a library. */
interface Location {
  list: ListRecord;
  /** Normalised server-relative path (no trailing slash). */
  path: string;
}

function normalisePath(ctx: Ctx, p: string): string {
  let path = p.trim();
  if (/^https?:\/\//i.test(path)) {
    path = new URL(path).pathname;
  }
  if (!path.startsWith('/')) {
    path = `${ctx.sitePath}/${path}`;
  }
  return path.replace(/\/+$/, '');
}

function locate(ctx: Ctx, serverRelative: string): Location | undefined {
  const path = normalisePath(ctx, serverRelative);
  const lower = path.toLowerCase();
  const list = ctx.store
    .lists()
    .filter((l) => lower === l.url.toLowerCase() || lower.startsWith(`${l.url.toLowerCase()}/`))
    .sort((a, b) => b.url.length - a.url.length)[0];
  return list ? { list, path } : undefined;
}

function byRef(ctx: Ctx, list: ListRecord, ref: string, fsType: number): ItemRecord | undefined {
  const lower = ref.toLowerCase();
  for (const item of ctx.store.items(list.id)) {
    if (item.fsType === fsType && typeof item.data.FileRef === 'string' && item.data.FileRef.toLowerCase() === lower) {
      return item;
    }
  }
  return undefined;
}

function children(ctx: Ctx, list: ListRecord, dir: string, fsType: number): ItemRecord[] {
  const lower = dir.toLowerCase();
  const out: ItemRecord[] = [];
  for (const item of ctx.store.items(list.id)) {
    if (item.fsType === fsType && typeof item.data.FileDirRef === 'string' && item.data.FileDirRef.toLowerCase() === lower) {
      out.push(item);
    }
  }
  return out;
}

function folderEntity(ctx: Ctx, loc: Location, item?: ItemRecord, select = option(ctx, '$select')): Entity {
  const name = loc.path.split('/').pop() ?? '';
  const props = {
    Exists: true,
    IsWOPIEnabled: false,
    ItemCount: children(ctx, loc.list, loc.path, 0).length + children(ctx, loc.list, loc.path, 1).length,
    Name: name,
    ProgID: null,
    ServerRelativeUrl: loc.path,
    TimeCreated: item?.created ?? loc.list.created,
    TimeLastModified: item?.modified ?? loc.list.modified,
    UniqueId: item?.uid ?? loc.list.id,
    WelcomePage: ''
  };
  const uri = `${ctx.apiUrl}/Web/GetFolderByServerRelativePath(decodedurl='${encodeURIComponent(loc.path)}')`;
  return new Entity('SP.Folder', uri, uri.slice(ctx.apiUrl.length + 1), selectProps(props, select));
}

function fileProps(ctx: Ctx, list: ListRecord, item: ItemRecord, length: number): Record<string, unknown> {
  return {
    CheckInComment: '',
    CheckOutType: 2,
    ContentTag: `{${item.uid.toUpperCase()}},${item.version},${item.version}`,
    CustomizedPageStatus: 0,
    ETag: `"{${item.uid.toUpperCase()}},${item.version}"`,
    Exists: true,
    ExistsAllowThrowForPolicyFailures: true,
    ExistsWithException: true,
    IrmEnabled: false,
    Length: String(length),
    Level: 1,
    LinkingUri: null,
    LinkingUrl: '',
    MajorVersion: item.uiVersion,
    MinorVersion: 0,
    Name: item.data.FileLeafRef,
    ServerRelativeUrl: item.data.FileRef,
    TimeCreated: item.created,
    TimeLastModified: item.modified,
    Title: item.data.Title ?? null,
    UIVersion: item.uiVersion * 512,
    UIVersionLabel: `${item.uiVersion}.0`,
    UniqueId: item.uid
  };
}

function fileEntity(ctx: Ctx, list: ListRecord, item: ItemRecord, select = option(ctx, '$select')): Entity {
  const uri = `${ctx.apiUrl}/Web/GetFileByServerRelativePath(decodedurl='${encodeURIComponent(String(item.data.FileRef))}')`;
  const props = selectProps(fileProps(ctx, list, item, ctx.store.blobLength(list.id, item.id, '')), select);
  return new Entity('SP.File', uri, uri.slice(ctx.apiUrl.length + 1), props);
}

function requireLibrary(loc: Location | undefined, path: string): Location {
  if (!loc || loc.list.baseTemplate !== 101) {
    throw errors.fileNotFound(path);
  }
  return loc;
}

/** Creates a folder (and any missing parents) in a library. */
function ensureFolder(ctx: Ctx, loc: Location): ItemRecord | undefined {
  if (loc.path.toLowerCase() === loc.list.url.toLowerCase()) {
    return undefined;
  }
  const existing = byRef(ctx, loc.list, loc.path, 1);
  if (existing) {
    return existing;
  }
  const parent = loc.path.slice(0, loc.path.lastIndexOf('/'));
  ensureFolder(ctx, { list: loc.list, path: parent });
  const name = loc.path.slice(parent.length + 1);
  const item = ctx.store.addItem(loc.list, ctx.user.id, { FileLeafRef: name, FileRef: loc.path, FileDirRef: parent, Title: name }, 1);
  ctx.listener.listChanged(loc.list.id);
  return item;
}

/** `getFolderByServerRelativePath(decodedUrl='…')` and below; also a list's `rootFolder`. */
export function folderByPath(ctx: Ctx, serverRelative: string, rest: Segment[]): ApiResponse {
  const path = normalisePath(ctx, serverRelative);
  const loc = locate(ctx, path);
  if (!loc) {
    throw errors.fileNotFound(path);
  }
  const isRoot = loc.path.toLowerCase() === loc.list.url.toLowerCase();
  const folderItem = isRoot ? undefined : byRef(ctx, loc.list, loc.path, 1);
  if (!isRoot && !folderItem) {
    throw errors.fileNotFound(path);
  }
  const [next, ...more] = rest;
  if (!next) {
    demand(ctx, 'ViewListItems');
    return ctx.res.entity(folderEntity(ctx, loc, folderItem), 'SP.ApiData.Folders/@Element');
  }
  switch (next.name) {
    case 'files':
      return filesCollection(ctx, requireLibrary(loc, path), next, more);
    case 'folders':
      return foldersCollection(ctx, requireLibrary(loc, path), more);
    case 'listitemallfields': {
      leaf(more, 'SP.ListItem');
      demand(ctx, 'ViewListItems');
      if (!folderItem) {
        throw errors.itemNotFound();
      }
      return itemAllFields(ctx, loc.list, folderItem);
    }
    default:
      throw errors.noProperty(next.raw, 'SP.Folder');
  }
}

function itemAllFields(ctx: Ctx, list: ListRecord, item: ItemRecord): ApiResponse {
  const reader = new ItemReader(ctx, list);
  const sel = reader.selection();
  return ctx.res.entity(reader.entity(item, sel), `SP.ListData.${list.entityTypeName}Items/@Element`, 200, { etag: itemEtagHeader(item.uid, item.version) });
}

function filesCollection(ctx: Ctx, loc: Location, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.call) {
    return fileByPath(ctx, `${loc.path}/${argString(seg)}`, rest);
  }
  const [next, ...more] = rest;
  if (!next) {
    demand(ctx, 'ViewListItems');
    return ctx.res.collection(queryObjects(ctx, children(ctx, loc.list, loc.path, 0).map((i) => fileEntity(ctx, loc.list, i, null))), 'SP.ApiData.Files12');
  }
  if (next.name === 'addusingpath' || next.name === 'add') {
    if (more.length) {
      throw errors.notFound();
    }
    return addFile(ctx, loc, next);
  }
  if (next.name === 'getbyurl' || next.name === 'getbyname') {
    return fileByPath(ctx, `${loc.path}/${argString(next)}`, more);
  }
  throw errors.noProperty(next.raw, 'SP.FileCollection');
}

function addFile(ctx: Ctx, loc: Location, seg: Segment): ApiResponse {
  if (ctx.req.method !== 'POST') {
    throw errors.notAllowed(ctx.req.method);
  }
  demand(ctx, 'AddListItems');
  const byPath = seg.name === 'addusingpath';
  for (const key of Object.keys(seg.named)) {
    if (!['decodedurl', 'url', 'overwrite'].includes(key)) {
      throw errors.notSupported(`The ${seg.raw} parameter '${key}'`);
    }
  }
  const name = argString(seg, byPath ? 'decodedurl' : 'url');
  const overwrite = seg.named.overwrite === true;
  const fileRef = name.startsWith('/') ? normalisePath(ctx, name) : `${loc.path}/${name}`;
  // The path-based APIs take '#' and '%' in names (SharePoint's "ResourcePath" support); the older Add(url) does not.
  if ((byPath ? /[\\:*?"<>|]/ : /[\\:*?"<>|#%]/).test(fileRef.split('/').pop() ?? '')) {
    throw errors.badRequest(`The file name '${name}' contains characters that are not allowed.`);
  }
  const dir = fileRef.slice(0, fileRef.lastIndexOf('/'));
  const leaf = fileRef.slice(dir.length + 1);
  const item = ctx.store.tx(() => {
    const existing = byRef(ctx, loc.list, fileRef, 0);
    if (existing && !overwrite) {
      throw errors.fileExists(fileRef);
    }
    ensureFolder(ctx, { list: loc.list, path: dir });
    const saved = existing
      ? ctx.store.updateItem(loc.list, existing, ctx.user.id, existing.data)
      : ctx.store.addItem(loc.list, ctx.user.id, { FileLeafRef: leaf, FileRef: fileRef, FileDirRef: dir, Title: null }, 0);
    ctx.store.putBlob(loc.list.id, saved.id, '', ctx.req.body);
    return saved;
  });
  ctx.listener.listChanged(loc.list.id);
  return ctx.res.entity(fileEntity(ctx, loc.list, item), 'SP.ApiData.Files12/@Element', 200);
}

function foldersCollection(ctx: Ctx, loc: Location, rest: Segment[]): ApiResponse {
  const [next, ...more] = rest;
  if (!next) {
    demand(ctx, 'ViewListItems');
    return ctx.res.collection(
      queryObjects(ctx, children(ctx, loc.list, loc.path, 1).map((i) => folderEntity(ctx, { list: loc.list, path: String(i.data.FileRef) }, i, null))),
      'SP.ApiData.Folders'
    );
  }
  if (next.name === 'addusingpath' || next.name === 'add') {
    demand(ctx, 'AddListItems');
    const target = argString(next, next.name === 'add' ? 'url' : 'decodedurl');
    const path = target.startsWith('/') ? normalisePath(ctx, target) : `${loc.path}/${target.replace(/\/+$/, '')}`;
    const inner = locate(ctx, path);
    if (!inner || inner.list.id !== loc.list.id) {
      throw errors.fileNotFound(path);
    }
    const item = ctx.store.tx(() => {
      const existing = byRef(ctx, inner.list, inner.path, 1);
      if (existing && next.named.overwrite !== true) {
        return existing;
      }
      return ensureFolder(ctx, inner);
    });
    return ctx.res.entity(folderEntity(ctx, inner, item), 'SP.ApiData.Folders/@Element', 201);
  }
  if (next.call === false && more.length === 0) {
    throw errors.noProperty(next.raw, 'SP.FolderCollection');
  }
  return folderByPath(ctx, `${loc.path}/${argString(next)}`, more);
}

/** `web/folders` (library root folders) and `web/rootFolder`. */
export function webFolders(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.name === 'rootfolder') {
    if (rest.length) {
      throw errors.noProperty(rest[0].raw, 'SP.Folder');
    }
    demand(ctx, 'ViewListItems');
    const uri = `${ctx.apiUrl}/Web/RootFolder`;
    return ctx.res.entity(
      new Entity('SP.Folder', uri, 'Web/RootFolder', { Exists: true, Name: '', ServerRelativeUrl: ctx.sitePath, UniqueId: ctx.store.webId, WelcomePage: 'SitePages/Home.aspx' }),
      'SP.ApiData.Folders/@Element'
    );
  }
  if (seg.call) {
    return folderByPath(ctx, argString(seg), rest);
  }
  const [next, ...more] = rest;
  if (!next) {
    demand(ctx, 'ViewListItems');
    const libs = ctx.store.lists().filter((l) => l.baseTemplate === 101);
    return ctx.res.collection(libs.map((l) => folderEntity(ctx, { list: l, path: l.url })), 'SP.ApiData.Folders');
  }
  if (next.name === 'addusingpath' || next.name === 'add') {
    const target = normalisePath(ctx, argString(next, next.name === 'add' ? 'url' : 'decodedurl'));
    const loc = requireLibrary(locate(ctx, target), target);
    demand(ctx, 'AddListItems');
    const item = ctx.store.tx(() => ensureFolder(ctx, loc));
    return ctx.res.entity(folderEntity(ctx, loc, item), 'SP.ApiData.Folders/@Element', 201);
  }
  if (next.name === 'getbyurl' || next.name === 'getbypath') {
    return folderByPath(ctx, argString(next), more);
  }
  throw errors.noProperty(next.raw, 'SP.FolderCollection');
}

/** `getFileByServerRelativePath(decodedUrl='…')`: properties, `$value`, content PUT, delete, its item. */
export function fileByPath(ctx: Ctx, serverRelative: string, rest: Segment[]): ApiResponse {
  const path = normalisePath(ctx, serverRelative);
  const loc = locate(ctx, path);
  if (loc && loc.list.baseTemplate !== 101) {
    return attachmentByPath(ctx, loc, rest);
  }
  if (!loc) {
    throw errors.fileNotFound(path);
  }
  const item = byRef(ctx, loc.list, loc.path, 0);
  if (!item) {
    throw errors.fileNotFound(path);
  }
  const [next, ...more] = rest;
  const method = ctx.req.method;
  if (!next) {
    if (method === 'DELETE') {
      demand(ctx, 'DeleteListItems');
      ctx.store.deleteItem(loc.list, item, ctx.user.id, false);
      ctx.listener.listChanged(loc.list.id);
      return { status: 200, headers: {}, body: '' };
    }
    demand(ctx, 'ViewListItems');
    return ctx.res.entity(fileEntity(ctx, loc.list, item), 'SP.ApiData.Files12/@Element');
  }
  switch (next.name) {
    case '$value':
      if (method === 'PUT' || method === 'POST') {
        demand(ctx, 'EditListItems');
        const saved = ctx.store.tx(() => {
          const updated = ctx.store.updateItem(loc.list, item, ctx.user.id, item.data);
          ctx.store.putBlob(loc.list.id, item.id, '', ctx.req.body);
          return updated;
        });
        ctx.listener.listChanged(loc.list.id);
        return ctx.res.noContent({ etag: `"{${saved.uid.toUpperCase()}},${saved.version}"` });
      }
      demand(ctx, 'ViewListItems');
      return {
        status: 200,
        headers: { 'content-type': 'application/octet-stream', etag: `"{${item.uid.toUpperCase()}},${item.version}"` },
        body: ctx.store.blob(loc.list.id, item.id, '')?.content ?? Buffer.alloc(0)
      };
    case 'listitemallfields':
      leaf(more, 'SP.ListItem');
      demand(ctx, 'ViewListItems');
      return itemAllFields(ctx, loc.list, item);
    case 'recycle':
      demand(ctx, 'DeleteListItems');
      return ctx.res.primitive('Edm.Guid', 'Recycle', ctx.store.deleteItem(loc.list, item, ctx.user.id, true));
    default:
      throw errors.noProperty(next.raw, 'SP.File');
  }
}

/** `…/Lists/X/Attachments/<id>/<name>` read through the file API. */
function attachmentByPath(ctx: Ctx, loc: Location, rest: Segment[]): ApiResponse {
  const m = /\/Attachments\/(\d+)\/([^/]+)$/i.exec(loc.path);
  const blob = m ? ctx.store.blob(loc.list.id, Number(m[1]), m[2]) : undefined;
  if (!m || !blob) {
    throw errors.fileNotFound(loc.path);
  }
  demand(ctx, 'ViewListItems');
  if (rest[0]?.name === '$value') {
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: blob.content };
  }
  const uri = `${listUri(ctx, loc.list)}/Items(${m[1]})/AttachmentFiles('${encodeURIComponent(m[2])}')`;
  return ctx.res.entity(
    new Entity('SP.File', uri, uri.slice(ctx.apiUrl.length + 1), { Exists: true, Length: String(blob.content.length), Name: m[2], ServerRelativeUrl: loc.path, TimeCreated: blob.created, TimeLastModified: blob.modified }),
    'SP.ApiData.Files12/@Element'
  );
}
