/**
 * Persistence for the stand-in: one SQLite database (a file, or `:memory:` for tests) holding the
 * site's lists, fields, items and their versions, files, users, the change log and webhook
 * subscriptions. Items are rows keyed by (list, id) with their field values as JSON.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DIRECTORY, GROUPS, emailFor, loginFor } from './identity';
import {
  ChangeType,
  type ChangeRecord,
  type FieldDef,
  type FieldValue,
  type ItemRecord,
  type ListRecord,
  type SubscriptionRecord,
  type UserRecord
} from './model';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, title_lc TEXT NOT NULL UNIQUE, url TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL, base_template INTEGER NOT NULL, entity TEXT NOT NULL, versioning INTEGER NOT NULL,
  hidden INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, next_item_id INTEGER NOT NULL, extra TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fields (
  list_id TEXT NOT NULL, id TEXT NOT NULL, pos INTEGER NOT NULL, def TEXT NOT NULL, PRIMARY KEY (list_id, id));
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, uid TEXT NOT NULL, version INTEGER NOT NULL, ui_version INTEGER NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
  fs_type INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_id, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS item_versions (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, ui_version INTEGER NOT NULL, snapshot TEXT NOT NULL,
  PRIMARY KEY (list_id, item_id, ui_version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS recycle_bin (
  id TEXT PRIMARY KEY, list_id TEXT NOT NULL, item_id INTEGER NOT NULL, deleted TEXT NOT NULL, deleted_by INTEGER NOT NULL,
  snapshot TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, name TEXT NOT NULL, content BLOB NOT NULL, created TEXT NOT NULL,
  modified TEXT NOT NULL, PRIMARY KEY (list_id, item_id, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS changes (
  n INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, object_type TEXT NOT NULL, change_type INTEGER NOT NULL,
  list_id TEXT, item_id INTEGER, unique_id TEXT NOT NULL, url TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS changes_list ON changes (list_id, n);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL, email TEXT NOT NULL,
  is_site_admin INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS group_members (group_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT PRIMARY KEY, list_id TEXT NOT NULL, notification_url TEXT NOT NULL, client_state TEXT, expiration TEXT NOT NULL);
`;

interface ListRow {
  id: string;
  title: string;
  url: string;
  description: string;
  base_template: number;
  entity: string;
  versioning: number;
  hidden: number;
  created: string;
  modified: string;
  extra: string;
}

interface ItemRow {
  id: number;
  uid: string;
  version: number;
  ui_version: number;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  fs_type: number;
  data: string;
}

interface UserRow {
  id: number;
  login: string;
  title: string;
  email: string;
  is_site_admin: number;
}

interface ChangeRow {
  n: number;
  time: string;
  object_type: ChangeRecord['objectType'];
  change_type: number;
  list_id: string | null;
  item_id: number | null;
  unique_id: string;
  url: string;
}

/** SharePoint's timestamp format: UTC, no milliseconds. */
export function spNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toList(r: ListRow): ListRecord {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    description: r.description,
    baseTemplate: r.base_template,
    entityTypeName: r.entity,
    enableVersioning: r.versioning === 1,
    hidden: r.hidden === 1,
    created: r.created,
    modified: r.modified,
    extra: JSON.parse(r.extra) as Record<string, unknown>
  };
}

function toItem(r: ItemRow): ItemRecord {
  return {
    id: r.id,
    uid: r.uid,
    version: r.version,
    uiVersion: r.ui_version,
    created: r.created,
    modified: r.modified,
    authorId: r.author_id,
    editorId: r.editor_id,
    fsType: r.fs_type,
    data: JSON.parse(r.data) as Record<string, FieldValue>
  };
}

function toUser(r: UserRow): UserRecord {
  return { id: r.id, login: r.login, title: r.title, email: r.email, isSiteAdmin: r.is_site_admin === 1 };
}

function toChange(r: ChangeRow): ChangeRecord {
  return {
    n: r.n,
    time: r.time,
    objectType: r.object_type,
    changeType: r.change_type,
    listId: r.list_id,
    itemId: r.item_id,
    uniqueId: r.unique_id,
    serverRelativeUrl: r.url
  };
}

/** A snapshot of one version of an item, kept while versioning is on. */
export interface ItemVersion {
  uiVersion: number;
  item: ItemRecord;
}

/** Values for a new list. */
export type NewList = Omit<ListRecord, 'id' | 'created' | 'modified'>;

function mapped<R, T>(row: R | undefined, map: (r: R) => T): T | undefined {
  return row === undefined ? undefined : map(row);
}

/** The SQLite-backed store. All writes that belong together run in one transaction. */
export class Store {
  readonly db: Database.Database;
  readonly siteId: string;
  readonly webId: string;
  private readonly stmts;
  /** Parsed field definitions per list; dropped whenever a list's fields change. */
  private readonly fieldCache = new Map<string, FieldDef[]>();
  /** Item counts per list; dropped on every add or delete (recounted on the next read). */
  private readonly countCache = new Map<string, number>();
  /** Parsed items per list; dropped on every item write. */
  private readonly itemsCache = new Map<string, readonly ItemRecord[]>();

  constructor(dbPath: string, readonly sitePath: string) {
    if (dbPath !== ':memory:') {
      mkdirSync(dirname(dbPath), { recursive: true });
    }
    this.db = new Database(dbPath);
    if (dbPath !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
    }
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const d = this.db;
    this.stmts = {
      meta: d.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: d.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      lists: d.prepare<[], ListRow>('SELECT * FROM lists ORDER BY title_lc'),
      listById: d.prepare<[string], ListRow>('SELECT * FROM lists WHERE id = ? COLLATE NOCASE'),
      listByTitle: d.prepare<[string], ListRow>('SELECT * FROM lists WHERE title_lc = ?'),
      listByUrl: d.prepare<[string], ListRow>('SELECT * FROM lists WHERE lower(url) = lower(?)'),
      insertList: d.prepare(
        `INSERT INTO lists (id, title, title_lc, url, description, base_template, entity, versioning, hidden, created, modified, next_item_id, extra)
         VALUES (@id, @title, @title_lc, @url, @description, @base_template, @entity, @versioning, @hidden, @created, @modified, 1, @extra)`
      ),
      updateList: d.prepare(
        `UPDATE lists SET title = @title, title_lc = @title_lc, description = @description, versioning = @versioning,
         hidden = @hidden, modified = @modified, extra = @extra WHERE id = @id`
      ),
      touchList: d.prepare('UPDATE lists SET modified = ? WHERE id = ?'),
      deleteList: d.prepare('DELETE FROM lists WHERE id = ?'),
      nextItemId: d.prepare<[string], { next_item_id: number }>('UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id'),
      itemCount: d.prepare<[string], { c: number }>('SELECT count(*) AS c FROM items WHERE list_id = ?'),
      fields: d.prepare<[string], { def: string }>('SELECT def FROM fields WHERE list_id = ? ORDER BY pos'),
      insertField: d.prepare(
        'INSERT INTO fields (list_id, id, pos, def) VALUES (?, ?, (SELECT coalesce(max(pos), 0) + 1 FROM fields WHERE list_id = ?), ?)'
      ),
      updateField: d.prepare('UPDATE fields SET def = ? WHERE list_id = ? AND id = ?'),
      deleteField: d.prepare('DELETE FROM fields WHERE list_id = ? AND id = ?'),
      item: d.prepare<[string, number], ItemRow>('SELECT * FROM items WHERE list_id = ? AND id = ?'),
      itemsAfter: d.prepare<[string, number, number], ItemRow>('SELECT * FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?'),
      allItems: d.prepare<[string], ItemRow>('SELECT * FROM items WHERE list_id = ? ORDER BY id'),
      insertItem: d.prepare(
        `INSERT INTO items (list_id, id, uid, version, ui_version, created, modified, author_id, editor_id, fs_type, data)
         VALUES (@list_id, @id, @uid, @version, @ui_version, @created, @modified, @author_id, @editor_id, @fs_type, @data)`
      ),
      updateItem: d.prepare(
        `UPDATE items SET version = @version, ui_version = @ui_version, modified = @modified, editor_id = @editor_id, data = @data
         WHERE list_id = @list_id AND id = @id`
      ),
      deleteItem: d.prepare('DELETE FROM items WHERE list_id = ? AND id = ?'),
      insertVersion: d.prepare('INSERT OR REPLACE INTO item_versions (list_id, item_id, ui_version, snapshot) VALUES (?, ?, ?, ?)'),
      versions: d.prepare<[string, number], { ui_version: number; snapshot: string }>(
        'SELECT ui_version, snapshot FROM item_versions WHERE list_id = ? AND item_id = ? ORDER BY ui_version DESC'
      ),
      deleteVersions: d.prepare('DELETE FROM item_versions WHERE list_id = ? AND item_id = ?'),
      recycle: d.prepare('INSERT INTO recycle_bin (id, list_id, item_id, deleted, deleted_by, snapshot) VALUES (?, ?, ?, ?, ?, ?)'),
      blob: d.prepare<[string, number, string], { content: Buffer; created: string; modified: string }>(
        'SELECT content, created, modified FROM blobs WHERE list_id = ? AND item_id = ? AND name = ?'
      ),
      blobNames: d.prepare<[string, number], { name: string; len: number; created: string; modified: string }>(
        "SELECT name, length(content) AS len, created, modified FROM blobs WHERE list_id = ? AND item_id = ? AND name <> '' ORDER BY name"
      ),
      blobLength: d.prepare<[string, number, string], { len: number }>(
        'SELECT length(content) AS len FROM blobs WHERE list_id = ? AND item_id = ? AND name = ?'
      ),
      putBlob: d.prepare(
        `INSERT INTO blobs (list_id, item_id, name, content, created, modified) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (list_id, item_id, name) DO UPDATE SET content = excluded.content, modified = excluded.modified`
      ),
      deleteBlob: d.prepare('DELETE FROM blobs WHERE list_id = ? AND item_id = ? AND name = ?'),
      deleteBlobs: d.prepare('DELETE FROM blobs WHERE list_id = ? AND item_id = ?'),
      addChange: d.prepare(
        'INSERT INTO changes (time, object_type, change_type, list_id, item_id, unique_id, url) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING n'
      ),
      lastChange: d.prepare<[], { n: number | null }>('SELECT max(n) AS n FROM changes'),
      lastListChange: d.prepare<[string], { n: number | null }>('SELECT max(n) AS n FROM changes WHERE list_id = ?'),
      changesSince: d.prepare<[number, number, number], ChangeRow>('SELECT * FROM changes WHERE n > ? AND n <= ? ORDER BY n LIMIT ?'),
      listChangesSince: d.prepare<[string, number, number, number], ChangeRow>(
        'SELECT * FROM changes WHERE list_id = ? AND n > ? AND n <= ? ORDER BY n LIMIT ?'
      ),
      users: d.prepare<[], UserRow>('SELECT * FROM users ORDER BY id'),
      userById: d.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
      userByLogin: d.prepare<[string], UserRow>('SELECT * FROM users WHERE login = ?'),
      userByEmail: d.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ? COLLATE NOCASE'),
      insertUser: d.prepare<[string, string, string, number], UserRow>(
        'INSERT INTO users (id, login, title, email, is_site_admin) VALUES ((SELECT coalesce(max(id), 5) + 1 FROM users), ?, ?, ?, ?) RETURNING *'
      ),
      groupIdsOf: d.prepare<[number], { group_id: number }>('SELECT group_id FROM group_members WHERE user_id = ?'),
      groupMembers: d.prepare<[number], UserRow>(
        'SELECT u.* FROM users u JOIN group_members g ON g.user_id = u.id WHERE g.group_id = ? ORDER BY u.id'
      ),
      addMember: d.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)'),
      removeMember: d.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?'),
      subscriptions: d.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE list_id = ? ORDER BY id'),
      subscription: d.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?'),
      putSubscription: d.prepare(
        'INSERT OR REPLACE INTO subscriptions (id, list_id, notification_url, client_state, expiration) VALUES (?, ?, ?, ?, ?)'
      ),
      deleteSubscription: d.prepare('DELETE FROM subscriptions WHERE id = ?')
    };
    this.siteId = this.ensureMeta('siteId', randomUUID);
    this.webId = this.ensureMeta('webId', randomUUID);
    this.ensureMeta('created', spNow);
    this.seedUsers();
  }

  close(): void {
    this.db.close();
  }

  /** Runs `fn` in a transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  meta(key: string): string | undefined {
    return this.stmts.meta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  private ensureMeta(key: string, make: () => string): string {
    const existing = this.meta(key);
    if (existing !== undefined) {
      return existing;
    }
    const value = make();
    this.stmts.setMeta.run(key, value);
    return value;
  }

  private seedUsers(): void {
    this.tx(() => {
      for (const u of DIRECTORY) {
        if (!u.group) {
          continue;
        }
        const existing = this.stmts.userByLogin.get(loginFor(u.alias));
        const row = existing ?? this.stmts.insertUser.get(loginFor(u.alias), u.title, emailFor(u.alias), u.isSiteAdmin ? 1 : 0);
        const group = GROUPS.find((g) => g.title === u.group);
        if (row && group && !existing) {
          this.stmts.addMember.run(group.id, row.id);
        }
      }
    });
  }

  // ---- lists ----

  lists(): ListRecord[] {
    return this.stmts.lists.all().map(toList);
  }

  listById(id: string): ListRecord | undefined {
    return mapped(this.stmts.listById.get(id), toList);
  }

  listByTitle(title: string): ListRecord | undefined {
    return mapped(this.stmts.listByTitle.get(title.toLowerCase()), toList);
  }

  listByUrl(url: string): ListRecord | undefined {
    return mapped(this.stmts.listByUrl.get(url), toList);
  }

  createList(values: NewList, fields: FieldDef[]): ListRecord {
    return this.tx(() => {
      const id = randomUUID();
      const now = spNow();
      this.stmts.insertList.run({
        id,
        title: values.title,
        title_lc: values.title.toLowerCase(),
        url: values.url,
        description: values.description,
        base_template: values.baseTemplate,
        entity: values.entityTypeName,
        versioning: values.enableVersioning ? 1 : 0,
        hidden: values.hidden ? 1 : 0,
        created: now,
        modified: now,
        extra: JSON.stringify(values.extra)
      });
      for (const f of fields) {
        this.stmts.insertField.run(id, f.Id, id, JSON.stringify(f));
      }
      this.logChange('List', ChangeType.Add, id, null, id, values.url);
      const list = this.listById(id);
      if (!list) {
        throw new Error('list vanished inside its own transaction');
      }
      return list;
    });
  }

  updateList(list: ListRecord): void {
    this.tx(() => {
      this.stmts.updateList.run({
        id: list.id,
        title: list.title,
        title_lc: list.title.toLowerCase(),
        description: list.description,
        versioning: list.enableVersioning ? 1 : 0,
        hidden: list.hidden ? 1 : 0,
        modified: spNow(),
        extra: JSON.stringify(list.extra)
      });
      this.logChange('List', ChangeType.Update, list.id, null, list.id, list.url);
    });
  }

  deleteList(list: ListRecord): void {
    this.fieldCache.delete(list.id);
    this.countCache.delete(list.id);
    this.itemsCache.delete(list.id);
    this.tx(() => {
      for (const table of ['fields', 'items', 'item_versions', 'blobs', 'subscriptions']) {
        this.db.prepare(`DELETE FROM ${table} WHERE list_id = ?`).run(list.id);
      }
      this.stmts.deleteList.run(list.id);
      this.logChange('List', ChangeType.DeleteObject, list.id, null, list.id, list.url);
    });
  }

  itemCount(listId: string): number {
    let c = this.countCache.get(listId);
    if (c === undefined) {
      c = this.stmts.itemCount.get(listId)?.c ?? 0;
      this.countCache.set(listId, c);
    }
    return c;
  }

  // ---- fields ----

  /** The list's fields in creation order (shared objects: callers copy before changing one). */
  fields(listId: string): readonly FieldDef[] {
    let cached = this.fieldCache.get(listId);
    if (!cached) {
      cached = this.stmts.fields.all(listId).map((r) => JSON.parse(r.def) as FieldDef);
      this.fieldCache.set(listId, cached);
    }
    return cached;
  }

  addField(list: ListRecord, field: FieldDef): void {
    this.fieldCache.delete(list.id);
    this.tx(() => {
      this.stmts.insertField.run(list.id, field.Id, list.id, JSON.stringify(field));
      this.logChange('Field', ChangeType.Add, list.id, null, field.Id, list.url);
    });
  }

  updateField(list: ListRecord, field: FieldDef): void {
    this.fieldCache.delete(list.id);
    this.tx(() => {
      this.stmts.updateField.run(JSON.stringify(field), list.id, field.Id);
      this.logChange('Field', ChangeType.Update, list.id, null, field.Id, list.url);
    });
  }

  deleteField(list: ListRecord, field: FieldDef): void {
    this.fieldCache.delete(list.id);
    this.tx(() => {
      this.stmts.deleteField.run(list.id, field.Id);
      this.logChange('Field', ChangeType.DeleteObject, list.id, null, field.Id, list.url);
    });
  }

  // ---- items ----

  item(listId: string, id: number): ItemRecord | undefined {
    return mapped(this.stmts.item.get(listId, id), toItem);
  }

  /** Items with an id above `afterId`, in id order, at most `limit`. */
  itemsAfter(listId: string, afterId: number, limit: number): ItemRecord[] {
    return this.stmts.itemsAfter.all(listId, afterId, limit).map(toItem);
  }

  /**
   * Every item of a list in id order, parsed once and kept until the list's items change, so that
   * filtered paging does not parse the whole list again for every page. Shared objects: read only.
   */
  items(listId: string): readonly ItemRecord[] {
    let cached = this.itemsCache.get(listId);
    if (!cached) {
      cached = this.stmts.allItems.all(listId).map(toItem);
      this.itemsCache.set(listId, cached);
    }
    return cached;
  }

  addItem(list: ListRecord, userId: number, data: Record<string, FieldValue>, fsType = 0): ItemRecord {
    this.countCache.delete(list.id);
    this.itemsCache.delete(list.id);
    return this.tx(() => {
      const next = this.stmts.nextItemId.get(list.id);
      if (!next) {
        throw new Error(`list ${list.id} vanished`);
      }
      const now = spNow();
      const item: ItemRecord = {
        id: next.next_item_id - 1,
        uid: randomUUID(),
        version: 1,
        uiVersion: 1,
        created: now,
        modified: now,
        authorId: userId,
        editorId: userId,
        fsType,
        data
      };
      this.stmts.insertItem.run({
        list_id: list.id,
        id: item.id,
        uid: item.uid,
        version: 1,
        ui_version: 1,
        created: now,
        modified: now,
        author_id: userId,
        editor_id: userId,
        fs_type: fsType,
        data: JSON.stringify(data)
      });
      if (list.enableVersioning) {
        this.stmts.insertVersion.run(list.id, item.id, 1, JSON.stringify(item));
      }
      this.stmts.touchList.run(now, list.id);
      this.logChange('Item', ChangeType.Add, list.id, item.id, item.uid, list.url);
      return item;
    });
  }

  /** Writes new values; bumps the ETag version, and the UI version when versioning is on. */
  updateItem(list: ListRecord, current: ItemRecord, userId: number, data: Record<string, FieldValue>): ItemRecord {
    this.itemsCache.delete(list.id);
    return this.tx(() => {
      const now = spNow();
      const next: ItemRecord = {
        ...current,
        version: current.version + 1,
        uiVersion: list.enableVersioning ? current.uiVersion + 1 : current.uiVersion,
        modified: now,
        editorId: userId,
        data
      };
      this.stmts.updateItem.run({
        list_id: list.id,
        id: current.id,
        version: next.version,
        ui_version: next.uiVersion,
        modified: now,
        editor_id: userId,
        data: JSON.stringify(data)
      });
      if (list.enableVersioning) {
        this.stmts.insertVersion.run(list.id, next.id, next.uiVersion, JSON.stringify(next));
      }
      this.stmts.touchList.run(now, list.id);
      this.logChange('Item', ChangeType.Update, list.id, next.id, next.uid, list.url);
      return next;
    });
  }

  /** Deletes an item; `recycle` keeps a snapshot in the recycle bin and returns its id. */
  deleteItem(list: ListRecord, item: ItemRecord, userId: number, recycle: boolean): string {
    this.countCache.delete(list.id);
    this.itemsCache.delete(list.id);
    return this.tx(() => {
      const recycleId = randomUUID();
      if (recycle) {
        this.stmts.recycle.run(recycleId, list.id, item.id, spNow(), userId, JSON.stringify(item));
      }
      this.stmts.deleteItem.run(list.id, item.id);
      this.stmts.deleteVersions.run(list.id, item.id);
      this.stmts.deleteBlobs.run(list.id, item.id);
      this.stmts.touchList.run(spNow(), list.id);
      this.logChange('Item', ChangeType.DeleteObject, list.id, item.id, item.uid, list.url);
      return recycleId;
    });
  }

  /** Versions kept for an item, newest first. */
  versions(listId: string, itemId: number): ItemVersion[] {
    return this.stmts.versions
      .all(listId, itemId)
      .map((r) => ({ uiVersion: r.ui_version, item: JSON.parse(r.snapshot) as ItemRecord }));
  }

  // ---- blobs: document content ('' name) and attachments ----

  blob(listId: string, itemId: number, name: string): { content: Buffer; created: string; modified: string } | undefined {
    return this.stmts.blob.get(listId, itemId, name);
  }

  blobLength(listId: string, itemId: number, name: string): number {
    return this.stmts.blobLength.get(listId, itemId, name)?.len ?? 0;
  }

  attachmentNames(listId: string, itemId: number): { name: string; len: number; created: string; modified: string }[] {
    return this.stmts.blobNames.all(listId, itemId);
  }

  putBlob(listId: string, itemId: number, name: string, content: Buffer): void {
    const now = spNow();
    this.stmts.putBlob.run(listId, itemId, name, content, now, now);
  }

  deleteBlob(listId: string, itemId: number, name: string): boolean {
    return this.stmts.deleteBlob.run(listId, itemId, name).changes > 0;
  }

  // ---- change log ----

  logChange(
    objectType: ChangeRecord['objectType'],
    changeType: number,
    listId: string | null,
    itemId: number | null,
    uniqueId: string,
    url: string
  ): number {
    const r = this.stmts.addChange.get(spNow(), objectType, changeType, listId, itemId, uniqueId, url) as { n: number };
    return r.n;
  }

  /** The newest change number in the site (0 when nothing changed yet). */
  lastChangeNumber(listId?: string): number {
    const r = listId ? this.stmts.lastListChange.get(listId) : this.stmts.lastChange.get();
    return r?.n ?? 0;
  }

  changesSince(listId: string | null, after: number, upTo: number, limit: number): ChangeRecord[] {
    const rows = listId ? this.stmts.listChangesSince.all(listId, after, upTo, limit) : this.stmts.changesSince.all(after, upTo, limit);
    return rows.map(toChange);
  }

  // ---- users and groups ----

  users(): UserRecord[] {
    return this.stmts.users.all().map(toUser);
  }

  userById(id: number): UserRecord | undefined {
    return mapped(this.stmts.userById.get(id), toUser);
  }

  userByLogin(login: string): UserRecord | undefined {
    return mapped(this.stmts.userByLogin.get(login), toUser);
  }

  userByEmail(email: string): UserRecord | undefined {
    return mapped(this.stmts.userByEmail.get(email), toUser);
  }

  addUser(login: string, title: string, email: string): UserRecord {
    const r = this.stmts.insertUser.get(login, title, email, 0);
    if (!r) {
      throw new Error(`could not add user ${login}`);
    }
    this.logChange('User', ChangeType.Add, null, null, String(r.id), this.sitePath);
    return toUser(r);
  }

  groupIdsOf(userId: number): number[] {
    return this.stmts.groupIdsOf.all(userId).map((r) => r.group_id);
  }

  groupMembers(groupId: number): UserRecord[] {
    return this.stmts.groupMembers.all(groupId).map(toUser);
  }

  addGroupMember(groupId: number, userId: number): void {
    this.stmts.addMember.run(groupId, userId);
  }

  removeGroupMember(groupId: number, userId: number): boolean {
    return this.stmts.removeMember.run(groupId, userId).changes > 0;
  }

  // ---- webhook subscriptions ----

  subscriptions(listId: string): SubscriptionRecord[] {
    return this.stmts.subscriptions.all(listId).map(toSubscription);
  }

  subscription(id: string): SubscriptionRecord | undefined {
    return mapped(this.stmts.subscription.get(id), toSubscription);
  }

  putSubscription(s: SubscriptionRecord): void {
    this.stmts.putSubscription.run(s.id, s.listId, s.notificationUrl, s.clientState, s.expirationDateTime);
  }

  deleteSubscription(id: string): boolean {
    return this.stmts.deleteSubscription.run(id).changes > 0;
  }
}

interface SubscriptionRow {
  id: string;
  list_id: string;
  notification_url: string;
  client_state: string | null;
  expiration: string;
}

function toSubscription(r: SubscriptionRow): SubscriptionRecord {
  return {
    id: r.id,
    listId: r.list_id,
    notificationUrl: r.notification_url,
    clientState: r.client_state,
    expirationDateTime: r.expiration
  };
}
