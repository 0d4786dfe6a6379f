/**
 * A repository over one tracker list: typed reads that select only the mapped columns and page
 * with `for await`, writes with optimistic concurrency, batched bulk writes, item versions and the
 * change log. The list-specific repositories add their queries on top.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IList } from '@pnp/sp/lists';
import type { IItems } from '@pnp/sp/items';
import type { IChangeQuery } from '@pnp/sp/types';
import type { ItemMapping, ItemPayload, ItemProblem, ItemReading, ListItemData, ListKey, ListSchema } from '../schema';
import { entityName, listSchema } from '../schema';
import { BatchWriteError, ConflictError, DataError, problemsText, toDataError, type BatchFailure, type Operation, type Stored } from './errors';

/** SharePoint's largest page, and the list view threshold. */
export const MAX_PAGE_SIZE = 5000;
/** Writes per `$batch` request. */
export const BATCH_SIZE = 100;

/** A sort on one column. */
export interface OrderBy {
  readonly field: string;
  readonly ascending?: boolean;
}

/** What to read. Build `filter` with the helpers in odata.ts, indexed column first. */
export interface QueryOptions {
  readonly filter?: string;
  readonly orderBy?: readonly OrderBy[];
  /** Items per request, at most 5,000 (the default). */
  readonly pageSize?: number;
}

/** One version of an item, from its version history (the audit trail). */
export interface ItemVersion<T> {
  /** "1.0", "2.0", … */
  readonly label: string;
  readonly created: string;
  /** Who saved this version, when the server says. */
  readonly editor?: string;
  /** Their e-mail address, when the server gives it. */
  readonly editorEmail?: string;
  /** The item as it was; absent when this old version no longer fits the model (see `problems`). */
  readonly value?: T;
  /** Why this old version no longer fits the model: what it would need. */
  readonly problems?: readonly ItemProblem[];
}

/** What happened to an item, from the list's change log. */
export interface ItemChange {
  readonly kind: 'added' | 'updated' | 'deleted' | 'other';
  readonly itemId: number;
  readonly at: string;
  /** Change token of this change: start the next query from here. */
  readonly token: string;
}

/**
 * An item SharePoint holds that the tracker's model cannot read: a required column left empty, a
 * choice or JSON column holding something else. SharePoint lets anyone with Contribute save such an
 * item (through its own forms or REST), so a read shows it, flagged "needs completing", and rules
 * and papers leave it out; it never stops the read of the other items.
 */
export interface IncompleteItem {
  readonly list: ListKey;
  /** The list's title, as users see it. */
  readonly listTitle: string;
  readonly id: number;
  /** The item's Title as written; empty when it has none. */
  readonly title: string;
  readonly problems: readonly ItemProblem[];
  /** The item's edit form in SharePoint, where it can be completed. */
  readonly editUrl: string;
}

/** What a read found: the items the model reads, and those that need completing. */
export interface ListRead<T> {
  readonly items: Stored<T>[];
  readonly incomplete: IncompleteItem[];
}

/** "Recommendations item 978 ('R1')": an item named as a person finds it in SharePoint. */
export function itemName(listTitle: string, id: number, title: string): string {
  return `${listTitle} item ${id}${title === '' ? '' : ` ('${title}')`}`;
}

/** "Recommendations item 978 ('R1'): Kind is empty but required": names the item and what is wrong. */
export function incompleteText(item: IncompleteItem): string {
  return `${itemName(item.listTitle, item.id, item.title)}: ${problemsText(item.problems)}`;
}

const CHANGE_KINDS: Record<number, ItemChange['kind']> = { 1: 'added', 2: 'updated', 3: 'deleted' };

function etagOf(item: ListItemData): string | undefined {
  const light = item['odata.etag'];
  if (typeof light === 'string') return light;
  const meta = item.__metadata as { etag?: unknown } | undefined;
  return typeof meta?.etag === 'string' ? meta.etag : undefined;
}

/** Stable comparison of payload values, to send only the columns that changed. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Repository over one list, mapping items to `T` through the schema's mapping. */
export class ListRepository<T extends { id?: number }> {
  readonly schema: ListSchema;

  constructor(
    protected readonly sp: SPFI,
    readonly mapping: ItemMapping<T>
  ) {
    this.schema = listSchema(mapping.list);
  }

  /** The list's title, as users see it. */
  get title(): string {
    return this.schema.title;
  }

  protected list(sp: SPFI = this.sp): IList {
    return sp.web.lists.getByTitle(this.schema.title);
  }

  private withTag(item: ListItemData): { id: number; etag: string } {
    const id = item.Id ?? item.ID;
    const etag = etagOf(item);
    if (typeof id !== 'number' || etag === undefined) throw new DataError({ code: typeof id !== 'number' ? 'itemWithoutId' : 'itemWithoutEtag', args: [this.title] }, 'bad-data');
    return { id, etag };
  }

  /** Turns a read item into a stored domain object, or names what stops it being one. */
  private readItem<U>(item: ListItemData, reading: ItemReading<U>): Stored<U> | { id: number; problems: readonly ItemProblem[] } {
    const { id, etag } = this.withTag(item);
    const read = reading.read(item);
    return read.ok ? { id, etag, value: read.value } : { id, problems: read.problems };
  }

  private editFormBase: Promise<string> | null = null;

  /** The list's edit form, absolute, read once per repository and only when an item needs completing. */
  private editForm(): Promise<string> {
    this.editFormBase ??= (async () => {
      const info = (await this.list().select('RootFolder/ServerRelativeUrl', 'ParentWeb/Url').expand('RootFolder', 'ParentWeb')()) as {
        RootFolder?: { ServerRelativeUrl?: string };
        ParentWeb?: { Url?: string };
      };
      const folder = info.RootFolder?.ServerRelativeUrl;
      const web = info.ParentWeb?.Url;
      if (!folder || !web) throw new DataError({ code: 'noFormsFolder', args: [this.title] }, 'bad-data');
      return new URL(`${folder}/EditForm.aspx`, web).toString();
    })().catch((e: unknown) => {
      this.editFormBase = null;
      throw e;
    });
    return this.editFormBase;
  }

  /** Sorts a page into the items the model reads and those that need completing. */
  private async sortPage<U>(page: readonly ListItemData[], reading: ItemReading<U>): Promise<ListRead<U>> {
    const items: Stored<U>[] = [];
    const incomplete: IncompleteItem[] = [];
    for (const raw of page) {
      const read = this.readItem(raw, reading);
      if ('value' in read) {
        items.push(read);
        continue;
      }
      const editUrl = `${await this.editForm()}?ID=${read.id}`;
      incomplete.push({ list: this.mapping.list, listTitle: this.title, id: read.id, title: typeof raw.Title === 'string' ? raw.Title : '', problems: read.problems, editUrl });
    }
    return { items, incomplete };
  }

  /** Reads one item. */
  async get(id: number): Promise<Stored<T>> {
    const what: Operation = { code: 'readItem', args: [id, this.title] };
    let item: ListItemData;
    try {
      item = (await this.list().items.getById(id).select(...this.mapping.select)()) as ListItemData;
    } catch (e) {
      throw toDataError(e, what);
    }
    const read = this.readItem(item, this.mapping);
    if ('value' in read) return read;
    throw new DataError({ code: 'itemIncomplete', args: [this.title, id], operation: what, needs: read.problems }, 'bad-data');
  }

  /** Reads one item, or null when it does not exist. */
  async find(id: number): Promise<Stored<T> | null> {
    try {
      return await this.get(id);
    } catch (e) {
      if (e instanceof DataError && e.kind === 'not-found') return null;
      throw e;
    }
  }

  private query(options: QueryOptions, select: readonly string[]): IItems {
    const pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    let q = this.list().items.select(...select).top(pageSize);
    if (options.filter) q = q.filter(options.filter);
    for (const o of options.orderBy ?? []) q = q.orderBy(o.field, o.ascending ?? true);
    return q;
  }

  /**
   * Pages of items matching the query, one request per page, following SharePoint's next links;
   * each page's items that need completing come beside the others, in `incomplete`.
   */
  pages(options: QueryOptions = {}): AsyncGenerator<ListRead<T>> {
    return this.pagesAs(this.mapping, options);
  }

  /** Pages as {@link pages} gives them, each item read (and only its columns selected) by `reading`. */
  protected async *pagesAs<U>(reading: ItemReading<U>, options: QueryOptions): AsyncGenerator<ListRead<U>> {
    const what: Operation = options.filter ? { code: 'loadListWhere', args: [this.title, options.filter] } : { code: 'loadList', args: [this.title] };
    try {
      for await (const page of this.query(options, reading.select) as AsyncIterable<ListItemData[]>) yield await this.sortPage(page, reading);
    } catch (e) {
      throw toDataError(e, what);
    }
  }

  /** Every item matching the query, across all pages, and those that need completing. */
  async read(options: QueryOptions = {}): Promise<ListRead<T>> {
    const items: Stored<T>[] = [];
    const incomplete: IncompleteItem[] = [];
    for await (const page of this.pages(options)) {
      items.push(...page.items);
      incomplete.push(...page.incomplete);
    }
    return { items, incomplete };
  }

  /**
   * Every item matching the query that the model reads. Items that need completing are left out:
   * callers that show or report them use {@link read}.
   */
  async all(options: QueryOptions = {}): Promise<Stored<T>[]> {
    return (await this.read(options)).items;
  }

  /** Adds one item. */
  async add(value: T): Promise<Stored<T>> {
    try {
      const created = (await this.list().items.add(this.mapping.toItem(value))) as ListItemData;
      return this.createdFrom(value, created);
    } catch (e) {
      throw toDataError(e, { code: 'addItem', args: [this.title] });
    }
  }

  private createdFrom(value: T, created: ListItemData): Stored<T> {
    const id = created.Id ?? created.ID;
    if (typeof id !== 'number') throw new DataError({ code: 'noNewId', args: [this.title] }, 'bad-data');
    // A new item is version 1 in SharePoint; the body's ETag says so when the server sends one.
    return { id, etag: etagOf(created) ?? '"1"', value: { ...value, id } };
  }

  /**
   * Adds many items in `$batch` requests of 100. Writes that fail are reported together in a
   * BatchWriteError, which keeps the items that were saved: nothing is dropped silently.
   */
  async addMany(values: readonly T[]): Promise<Stored<T>[]> {
    return this.batchWrite(values, { code: 'addItem', args: [this.title] }, (items, value) => items().add(this.mapping.toItem(value)).then((created: ListItemData) => this.createdFrom(value, created)));
  }

  /**
   * Runs one write per input in batches, collecting per-item failures. A failed `$batch` request
   * (after PnPjs's retries) fails all of its writes, which are reported, and the next batch goes on.
   * `write` gets a factory: PnPjs refuses to put one queryable object in a batch twice, so every
   * write starts its own fluent chain.
   */
  protected async batchWrite<I, R>(inputs: readonly I[], what: Operation, write: (items: () => IItems, input: I, index: number) => Promise<R>): Promise<R[]> {
    const results: (R | undefined)[] = new Array<R | undefined>(inputs.length).fill(undefined);
    const failures: BatchFailure<I>[] = [];
    for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
      const slice = inputs.slice(start, start + BATCH_SIZE);
      const [batchedSp, execute] = this.sp.batched({ maxRequests: BATCH_SIZE });
      const items = (): IItems => this.list(batchedSp).items;
      const settled = new Set<number>();
      let abandoned = false;
      const pending = slice.map((input, i) =>
        write(items, input, start + i).then(
          (r) => {
            if (abandoned) return;
            settled.add(i);
            results[start + i] = r;
          },
          (e: unknown) => {
            if (abandoned) return;
            settled.add(i);
            failures.push({ index: start + i, input, error: toDataError(e, what) });
          }
        )
      );
      try {
        await execute();
        await Promise.all(pending);
      } catch (e) {
        // The $batch request itself was refused (after PnPjs's retries): none of its writes was
        // applied, and PnPjs will not settle them, so they are reported from here.
        const error = toDataError(e, what);
        abandoned = true;
        slice.forEach((input, i) => {
          if (!settled.has(i)) failures.push({ index: start + i, input, error });
        });
      }
    }
    if (failures.length > 0) {
      failures.sort((a, b) => a.index - b.index);
      throw new BatchWriteError<I, R>(this.title, failures, results);
    }
    return results as R[];
  }

  /** The columns that differ between two versions of an object, as a MERGE payload. */
  protected changedColumns(before: T, after: T): ItemPayload {
    const a = this.mapping.toItem(before);
    const b = this.mapping.toItem(after);
    const out: ItemPayload = {};
    for (const key of Object.keys(b)) if (!sameValue(a[key], b[key])) out[key] = b[key];
    return out;
  }

  /**
   * Saves `next` over the version the user read (`base`), sending only the changed columns with
   * `base`'s ETag. If someone else saved in between, SharePoint answers 412 and this throws a
   * ConflictError carrying both `next` and the server's current version; nothing is overwritten.
   */
  async update(base: Stored<T>, next: T): Promise<Stored<T>> {
    const changes = this.changedColumns(base.value, next);
    const value = { ...next, id: base.id };
    if (Object.keys(changes).length === 0) return { ...base, value };
    try {
      const result = await this.list().items.getById(base.id).update(changes, base.etag);
      return { id: base.id, etag: result.etag ?? (await this.get(base.id)).etag, value };
    } catch (e) {
      throw await this.conflictOr(e, base, next, { code: 'saveItem', args: [base.id, this.title] });
    }
  }

  /**
   * Applies `change` to the item as it stands and saves it with that version's ETag. When someone
   * saved in between (412), `change` is applied again to their version, up to `attempts` saves in
   * all, after a short random wait; each retry is counted. When the attempts run out the last ConflictError is thrown: the
   * change is reported, never dropped in silence, and nobody's save is overwritten.
   */
  async modify(id: number, change: (current: T) => T, attempts = 10): Promise<{ saved: Stored<T>; conflicts: number }> {
    let base = await this.get(id);
    for (let conflicts = 0; ; conflicts += 1) {
      try {
        return { saved: await this.update(base, change(base.value)), conflicts };
      } catch (e) {
        if (!(e instanceof ConflictError) || conflicts + 1 >= attempts) throw e;
        // A short random wait, growing with each conflict, so that writers racing for one item
        // take turns instead of colliding again at once; then the version as it stands after it,
        // so that the window between reading and saving stays as short as a single save.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(conflicts + 1, 20)));
        base = await this.get(id);
      }
    }
  }

  /** Updates many items in batches, each with its own ETag; conflicts are reported per item. */
  async updateMany(changes: readonly { base: Stored<T>; next: T }[]): Promise<Stored<T>[]> {
    return this.batchWrite(changes, { code: 'saveItems', args: [this.title] }, async (items, { base, next }) => {
      const payload = this.changedColumns(base.value, next);
      const value = { ...next, id: base.id };
      if (Object.keys(payload).length === 0) return { ...base, value };
      try {
        const result = await items().getById(base.id).update(payload, base.etag);
        return { id: base.id, etag: result.etag ?? base.etag, value };
      } catch (e) {
        throw await this.conflictOr(e, base, next, { code: 'saveItem', args: [base.id, this.title] });
      }
    });
  }

  /** Deletes the version the user read; a 412 means someone changed it meanwhile. */
  async delete(base: Stored<T>): Promise<void> {
    try {
      await this.list().items.getById(base.id).delete(base.etag);
    } catch (e) {
      throw await this.conflictOr(e, base, null, { code: 'deleteItem', args: [base.id, this.title] });
    }
  }

  private async conflictOr(e: unknown, base: Stored<T>, attempted: T | null, what: Operation): Promise<DataError> {
    const error = toDataError(e, what);
    if (error.status !== 412) return error;
    const current = await this.find(base.id);
    return new ConflictError<T>(this.title, base, attempted, current, error.serverMessage);
  }

  /** The item's versions, newest first: the audit trail (versioning is on for every tracker list). */
  async versions(id: number): Promise<ItemVersion<T>[]> {
    let raw: ListItemData[];
    try {
      raw = (await this.list().items.getById(id).versions()) as ListItemData[];
    } catch (e) {
      throw toDataError(e, { code: 'readHistory', args: [id, this.title] });
    }
    return raw.map((v) => {
      const label = String(v.VersionLabel ?? v.OData__UIVersionString ?? '');
      const created = String(v.Created ?? v.Modified ?? '');
      const editorField = v.Editor as { LookupValue?: string; Title?: string; Email?: string } | undefined;
      const editor = editorField?.LookupValue ?? editorField?.Title;
      const editorEmail = editorField?.Email;
      const base = { label, created, ...(editor ? { editor } : {}), ...(editor && editorEmail ? { editorEmail } : {}) };
      const read = this.mapping.read({ ...this.versionAsItem(v), Id: id });
      return read.ok ? { ...base, value: read.value } : { ...base, problems: read.problems };
    });
  }

  /**
   * SharePoint's version entries name lookups and people by internal name with
   * `{LookupId, LookupValue}` values; items use `XId`. Bring them to the item shape.
   */
  private versionAsItem(v: ListItemData): ListItemData {
    const out: ListItemData = { ...v };
    for (const f of this.schema.fields) {
      const name = entityName(f);
      if (name === f.internalName || out[name] !== undefined) continue;
      const raw = v[f.internalName];
      if (Array.isArray(raw)) out[name] = raw.map((x: { LookupId?: number }) => x.LookupId);
      else if (raw && typeof raw === 'object') out[name] = (raw as { LookupId?: number }).LookupId ?? null;
      else out[name] = null;
    }
    return out;
  }

  /** The list's current change token: the starting point for `changesSince`. */
  async currentChangeToken(): Promise<string> {
    try {
      const info = (await this.list().select('CurrentChangeToken')()) as { CurrentChangeToken?: { StringValue?: string } };
      const token = info.CurrentChangeToken?.StringValue;
      if (!token) throw new DataError({ code: 'noChangeToken', args: [this.title] }, 'bad-data');
      return token;
    } catch (e) {
      throw toDataError(e, { code: 'readChangeToken', args: [this.title] });
    }
  }

  /**
   * Item changes strictly after `token`, oldest first, and the token to ask from next time.
   * SharePoint returns at most `fetchLimit` changes per call, so this asks again from the last
   * change until a call comes back short.
   */
  async changesSince(token: string, fetchLimit = 1000): Promise<{ changes: ItemChange[]; token: string }> {
    const changes: ItemChange[] = [];
    let from = token;
    for (;;) {
      const query: IChangeQuery & { FetchLimit: number } = { Item: true, Add: true, Update: true, DeleteObject: true, Restore: true, ChangeTokenStart: { StringValue: from }, FetchLimit: fetchLimit };
      let raw: ListItemData[];
      try {
        raw = (await this.list().getChanges(query)) as ListItemData[];
      } catch (e) {
        throw toDataError(e, { code: 'readChanges', args: [this.title] });
      }
      for (const c of raw) {
        changes.push({
          kind: CHANGE_KINDS[Number(c.ChangeType)] ?? 'other',
          itemId: Number(c.ItemId),
          at: String(c.Time ?? ''),
          token: String((c.ChangeToken as { StringValue?: string } | undefined)?.StringValue ?? from)
        });
      }
      if (raw.length < fetchLimit) break;
      from = changes[changes.length - 1].token;
    }
    return { changes, token: changes.length > 0 ? changes[changes.length - 1].token : token };
  }
}
