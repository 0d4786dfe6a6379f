/**
 * List item queries: binding `$filter` / `$orderby` / `$select` / `$expand` to a list's columns,
 * evaluating them against stored items, paging with `$skiptoken`, and the list view threshold.
 */
import { SpError, errors } from './errors';
import { isIdValued, isMulti } from './fields';
import { FieldKind, type FieldDef, type ItemRecord, type ListRecord } from './model';
import { conjuncts, fieldRefs, invalidExpression, parseFilter, type CompareOp, type FieldRef, type FilterNode, type Literal, type Operand } from './odata/filter';

/** SharePoint's list view threshold. */
export const THRESHOLD = 5000;
/** Page size when `$top` is absent. */
export const DEFAULT_PAGE = 100;

export type ColumnKind = 'string' | 'number' | 'boolean' | 'date' | 'guid' | 'numberMulti' | 'stringMulti';

/** Resolves projected values (`Owner/Title`) for users and lookups. */
export interface Projector {
  /** The value of `sub` on the user or lookup target with id `id`, or undefined if it does not exist. */
  project(field: FieldDef, id: number, sub: string): unknown;
  /** Whether `sub` is a valid projection of `field`. */
  canProject(field: FieldDef, sub: string): boolean;
  /** The kind of a projected property (for literal coercion). */
  projectedKind(field: FieldDef, sub: string): ColumnKind;
}

/** A readable column of an item: a field, a built-in property, an `XId`, or a projection. */
export interface Column<T = ItemRecord> {
  name: string;
  kind: ColumnKind;
  indexed: boolean;
  get(item: T): unknown;
  /** The field, for a field-backed column. */
  field?: FieldDef;
  /** Set for projections: the lookup field that must be expanded. */
  needsExpand?: string;
}

const BUILT_IN: Record<string, { kind: ColumnKind; get: (i: ItemRecord) => unknown }> = {
  ID: { kind: 'number', get: (i) => i.id },
  Id: { kind: 'number', get: (i) => i.id },
  Created: { kind: 'date', get: (i) => i.created },
  Modified: { kind: 'date', get: (i) => i.modified },
  AuthorId: { kind: 'number', get: (i) => i.authorId },
  EditorId: { kind: 'number', get: (i) => i.editorId },
  GUID: { kind: 'guid', get: (i) => i.uid },
  FileSystemObjectType: { kind: 'number', get: (i) => i.fsType },
  OData__UIVersionString: { kind: 'string', get: (i) => `${i.uiVersion}.0` },
  ContentTypeId: { kind: 'string', get: (i) => (i.fsType === 1 ? '0x0120' : '0x0100') },
  FileRef: { kind: 'string', get: (i) => i.data.FileRef ?? null },
  FileDirRef: { kind: 'string', get: (i) => i.data.FileDirRef ?? null }
};

function kindOf(f: FieldDef): ColumnKind {
  switch (f.FieldTypeKind) {
    case FieldKind.Number:
    case FieldKind.Currency:
    case FieldKind.Integer:
    case FieldKind.Counter:
      return 'number';
    case FieldKind.Boolean:
    case FieldKind.Attachments:
      return 'boolean';
    case FieldKind.DateTime:
      return 'date';
    case FieldKind.MultiChoice:
      return 'stringMulti';
    case FieldKind.User:
    case FieldKind.Lookup:
      return isMulti(f) ? 'numberMulti' : 'number';
    default:
      return 'string';
  }
}

/** The columns of one list, looked up by the names OData queries use. */
export class ListColumns {
  private readonly byName = new Map<string, FieldDef>();
  private readonly byNameLower = new Map<string, FieldDef>();

  constructor(readonly list: ListRecord, readonly fields: readonly FieldDef[], private readonly projector: Projector) {
    for (const f of fields) {
      for (const n of [f.EntityPropertyName, f.InternalName]) {
        this.byName.set(n, f);
        this.byNameLower.set(n.toLowerCase(), f);
      }
    }
  }

  /** The OData type of this list's items. */
  get itemType(): string {
    return `SP.Data.${this.list.entityTypeName}Item`;
  }

  field(name: string): FieldDef | undefined {
    return this.byName.get(name) ?? this.byNameLower.get(name.toLowerCase());
  }

  /** Resolves a query path, or throws SharePoint's error for an unknown column. */
  column(path: string[]): Column {
    const [name, sub] = path;
    if (path.length > 2) {
      throw errors.noProperty(path.join('/'), this.itemType);
    }
    if (sub !== undefined) {
      const f = this.field(name);
      if (!f || !isIdValued(f)) {
        throw errors.noProperty(name, this.itemType);
      }
      if (!this.projector.canProject(f, sub)) {
        throw errors.noProperty(sub, f.FieldTypeKind === FieldKind.User ? 'SP.Data.UserInfoItem' : 'SP.ListItem');
      }
      const idCol = this.idColumn(f);
      const multi = isMulti(f);
      const subLower = sub.toLowerCase();
      const projectedKind = this.projector.projectedKind(f, sub);
      return {
        name: path.join('/'),
        kind: multi ? (projectedKind === 'number' ? 'numberMulti' : 'stringMulti') : projectedKind,
        indexed: subLower === 'id' && idCol.indexed,
        needsExpand: f.EntityPropertyName,
        field: f,
        get: (item) => {
          const v = idCol.get(item);
          if (Array.isArray(v)) {
            return v.map((id) => this.projector.project(f, id as number, sub));
          }
          return typeof v === 'number' ? this.projector.project(f, v, sub) ?? null : null;
        }
      };
    }
    const builtIn = BUILT_IN[name];
    if (builtIn) {
      const owner = name === 'AuthorId' ? this.field('Author') : name === 'EditorId' ? this.field('Editor') : this.field(name);
      return { name, kind: builtIn.kind, indexed: name === 'ID' || name === 'Id' || (owner?.Indexed ?? false), get: builtIn.get };
    }
    const f = this.field(name);
    if (f && !isIdValued(f)) {
      if (f.FieldTypeKind === FieldKind.Attachments) {
        return { name, kind: 'boolean', indexed: f.Indexed, field: f, get: (i) => i.data.Attachments === true };
      }
      const key = f.InternalName;
      return { name, kind: kindOf(f), indexed: f.Indexed, field: f, get: (i) => i.data[key] ?? null };
    }
    const idMatch = /^(.*?)(String)?Id$/.exec(name);
    if (idMatch) {
      const target = this.field(idMatch[1]);
      if (target && isIdValued(target)) {
        return this.idColumn(target);
      }
    }
    if (f && isIdValued(f)) {
      throw errors.selectNeedsExpand(f.EntityPropertyName);
    }
    throw errors.fieldNotFound(name);
  }

  private idColumn(f: FieldDef): Column {
    const builtIn = f.InternalName === 'Author' ? BUILT_IN.AuthorId : f.InternalName === 'Editor' ? BUILT_IN.EditorId : undefined;
    const key = f.InternalName;
    return {
      name: `${f.EntityPropertyName}Id`,
      kind: isMulti(f) ? 'numberMulti' : 'number',
      indexed: f.Indexed,
      field: f,
      get: builtIn ? builtIn.get : (i) => i.data[key] ?? (isMulti(f) ? [] : null)
    };
  }
}

// ---------- filter compilation ----------

const collator = new Intl.Collator('en-GB', { sensitivity: 'accent' });

type Scalar = string | number | boolean | null;
type Predicate<T> = (item: T) => boolean;

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function dateMs(text: string, source: string): number {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !/T/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) {
    throw invalidExpression(source);
  }
  return ms;
}

/** Coerces a literal to the type of the column it is compared with. */
function coerce(lit: Literal, col: { kind: ColumnKind } | 'datepart', source: string): Scalar {
  if (lit.type === 'null') {
    return null;
  }
  const kind = col === 'datepart' ? 'number' : col.kind;
  switch (kind) {
    case 'number':
    case 'numberMulti':
      if (lit.type === 'number') {
        return lit.value;
      }
      if (lit.type === 'string' && lit.value.trim() !== '' && Number.isFinite(Number(lit.value))) {
        return Number(lit.value);
      }
      throw invalidExpression(source);
    case 'boolean':
      if (lit.type === 'boolean') {
        return lit.value;
      }
      if (lit.type === 'number' && (lit.value === 0 || lit.value === 1)) {
        return lit.value === 1;
      }
      if (lit.type === 'string' && /^(0|1|true|false)$/i.test(lit.value)) {
        return lit.value === '1' || lit.value.toLowerCase() === 'true';
      }
      throw invalidExpression(source);
    case 'date':
      if (lit.type === 'datetime' || lit.type === 'string') {
        return dateMs(lit.value, source);
      }
      throw invalidExpression(source);
    default:
      if (lit.type === 'string' || lit.type === 'guid' || lit.type === 'datetime') {
        return lit.value;
      }
      if (lit.type === 'number') {
        return lit.raw;
      }
      return String(lit.value);
  }
}

function compareScalar(a: Scalar, b: Scalar): number {
  if (typeof a === 'string' && typeof b === 'string') {
    return collator.compare(a, b);
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return Number(a) - Number(b);
  }
  return (a as number) - (b as number);
}

function applyOp(op: CompareOp, cmp: number): boolean {
  switch (op) {
    case 'eq':
      return cmp === 0;
    case 'ne':
      return cmp !== 0;
    case 'gt':
      return cmp > 0;
    case 'ge':
      return cmp >= 0;
    case 'lt':
      return cmp < 0;
    case 'le':
      return cmp <= 0;
  }
}

const FLIP: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

function datePart(fn: string, ms: number): number {
  const d = new Date(ms);
  switch (fn) {
    case 'year':
      return d.getUTCFullYear();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'day':
      return d.getUTCDate();
    case 'hour':
      return d.getUTCHours();
    case 'minute':
      return d.getUTCMinutes();
    default:
      return d.getUTCSeconds();
  }
}

/** Reads a column value normalised for comparison (dates as epoch ms). */
function reader<T>(col: Column<T>): (item: T) => unknown {
  if (col.kind === 'date') {
    return (item) => {
      const v = col.get(item);
      return typeof v === 'string' ? Date.parse(v) : null;
    };
  }
  return col.get;
}

/** A bound filter: a predicate plus the columns it reads. */
export interface BoundFilter<T = ItemRecord> {
  predicate: Predicate<T>;
  columns: Column<T>[];
}

/** Binds a parsed filter to a list's columns, checking columns exist and may be filtered. */
export function bindFilter(node: FilterNode, cols: ListColumns, expanded: ReadonlySet<string>, source: string): BoundFilter {
  return bindFilterTo(node, (ref) => {
    const col = cols.column(ref.path);
    if (col.field && (col.field.FieldTypeKind === FieldKind.Note || col.field.FieldTypeKind === FieldKind.URL) && !col.needsExpand) {
      throw errors.notFilterable(col.field.InternalName, col.field.TypeAsString);
    }
    if (col.needsExpand && !expanded.has(col.needsExpand.toLowerCase())) {
      throw errors.selectNeedsExpand(col.needsExpand);
    }
    return col;
  }, source);
}

/** Binds a parsed filter through a column resolver (lists, fields and users use plain objects). */
export function bindFilterTo<T>(node: FilterNode, resolve: (ref: FieldRef) => Column<T>, source: string): BoundFilter<T> {
  const used: Column<T>[] = [];
  const columnFor = (ref: FieldRef): Column<T> => {
    const col = resolve(ref);
    used.push(col);
    return col;
  };

  const compile = (n: FilterNode): Predicate<T> => {
    switch (n.kind) {
      case 'and': {
        const l = compile(n.left);
        const r = compile(n.right);
        return (i) => l(i) && r(i);
      }
      case 'or': {
        const l = compile(n.left);
        const r = compile(n.right);
        return (i) => l(i) || r(i);
      }
      case 'not': {
        const o = compile(n.operand);
        return (i) => !o(i);
      }
      case 'startswith':
      case 'substringof': {
        const col = columnFor(n.field);
        if (col.kind !== 'string' && col.kind !== 'stringMulti') {
          throw invalidExpression(source);
        }
        const needle = n.value.value.toLocaleLowerCase('en-GB');
        const test = n.kind === 'startswith' ? (s: string) => s.startsWith(needle) : (s: string) => s.includes(needle);
        return (i) => {
          const v = col.get(i);
          if (Array.isArray(v)) {
            return v.some((x) => typeof x === 'string' && test(x.toLocaleLowerCase('en-GB')));
          }
          return typeof v === 'string' && test(v.toLocaleLowerCase('en-GB'));
        };
      }
      case 'compare':
        return compileCompare(n.op, n.left, n.right);
    }
  };

  const compileCompare = (op: CompareOp, left: Operand, right: Operand): Predicate<T> => {
    if (left.kind === 'literal' && right.kind !== 'literal') {
      return compileCompare(FLIP[op], right, left);
    }
    if (right.kind !== 'literal' || left.kind === 'literal') {
      throw invalidExpression(source);
    }
    let read: (item: T) => unknown;
    let target: Scalar;
    if (left.kind === 'datepart') {
      const col = columnFor(left.arg);
      if (col.kind !== 'date') {
        throw invalidExpression(source);
      }
      const r = reader(col);
      const fn = left.fn;
      read = (i) => {
        const ms = r(i);
        return typeof ms === 'number' && !Number.isNaN(ms) ? datePart(fn, ms) : null;
      };
      target = coerce(right, 'datepart', source);
    } else {
      const col = columnFor(left);
      read = reader(col);
      target = coerce(right, col, source);
    }
    if (target === null) {
      if (op !== 'eq' && op !== 'ne') {
        throw invalidExpression(source);
      }
      return op === 'eq' ? (i) => isEmpty(read(i)) : (i) => !isEmpty(read(i));
    }
    const t = target;
    return (i) => {
      const v = read(i);
      if (Array.isArray(v)) {
        const hit = v.some((x) => !isEmpty(x) && compareScalar(x as Scalar, t) === 0);
        return op === 'ne' ? !hit : op === 'eq' ? hit : v.some((x) => !isEmpty(x) && applyOp(op, compareScalar(x as Scalar, t)));
      }
      if (isEmpty(v)) {
        return op === 'ne';
      }
      return applyOp(op, compareScalar(v as Scalar, t));
    };
  };

  const predicate = compile(node);
  return { predicate, columns: used };
}

// ---------- $orderby ----------

export interface OrderKey {
  column: Column;
  desc: boolean;
}

export function parseOrderBy(text: string | null, cols: ListColumns, expanded: ReadonlySet<string>): OrderKey[] {
  if (!text || text.trim() === '') {
    return [];
  }
  return text.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?)(?:\s+(asc|desc))?\s*$/.exec(part);
    if (!m) {
      throw errors.badRequest(`The expression "${part.trim()}" is not a valid $orderby clause.`);
    }
    const column = cols.column(m[1].split('/'));
    if (column.needsExpand && !expanded.has(column.needsExpand.toLowerCase())) {
      throw errors.selectNeedsExpand(column.needsExpand);
    }
    if (column.kind === 'numberMulti' || column.kind === 'stringMulti' || column.field?.FieldTypeKind === FieldKind.Note) {
      throw new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field '${column.name}' cannot be used to sort.`);
    }
    return { column, desc: m[2] === 'desc' };
  });
}

function sortValue(col: Column, item: ItemRecord): Scalar {
  const v = col.get(item);
  if (v === undefined || v === '' || v === null) {
    return null;
  }
  if (col.kind === 'date' && typeof v === 'string') {
    return Date.parse(v);
  }
  return v as Scalar;
}

/** Compares two sort tuples: nulls first ascending (as SharePoint), then ID as the tie-break. */
function compareTuples(a: Scalar[], b: Scalar[], keys: OrderKey[]): number {
  for (let k = 0; k < keys.length; k++) {
    const x = a[k];
    const y = b[k];
    let c: number;
    if (x === null || y === null) {
      c = x === y ? 0 : x === null ? -1 : 1;
    } else {
      c = compareScalar(x, y);
    }
    if (c !== 0) {
      return keys[k].desc ? -c : c;
    }
  }
  return 0;
}

// ---------- paging ----------

/** A decoded `$skiptoken`: `Paged=TRUE&p_Field=value&p_ID=n`. */
export interface SkipToken {
  id: number;
  values: Map<string, string>;
}

export function parseSkipToken(text: string | null): SkipToken | undefined {
  if (!text) {
    return undefined;
  }
  const p = new URLSearchParams(text);
  if ((p.get('Paged') ?? '').toUpperCase() !== 'TRUE') {
    throw errors.badRequest(`The $skiptoken '${text}' is not valid.`);
  }
  const id = Number(p.get('p_ID') ?? '0');
  if (!Number.isInteger(id)) {
    throw errors.badRequest(`The $skiptoken '${text}' is not valid.`);
  }
  const values = new Map<string, string>();
  for (const [k, v] of p) {
    if (k.startsWith('p_') && k !== 'p_ID') {
      values.set(k.slice(2), v);
    }
  }
  return { id, values };
}

function tokenValue(col: Column, v: Scalar): string {
  if (v === null) {
    return '';
  }
  if (col.kind === 'date' && typeof v === 'number') {
    return new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return String(v);
}

function fromTokenValue(col: Column, s: string): Scalar {
  if (s === '') {
    return null;
  }
  switch (col.kind) {
    case 'number':
      return Number(s);
    case 'boolean':
      return s === 'true' || s === '1' || s === 'True';
    case 'date':
      return Date.parse(s);
    default:
      return s;
  }
}

/** The result of one page of a query. */
export interface PageResult {
  items: ItemRecord[];
  /** The skiptoken for the next page, when there is one. */
  nextToken?: string;
}

export interface QueryPlan {
  filter?: BoundFilter;
  filterNode?: FilterNode;
  order: OrderKey[];
  top: number;
  skip?: SkipToken;
}

/** The threshold rule (see SHAREPOINT-REST.md §2.4), applied before the query runs. */
export function checkThreshold(plan: QueryPlan, itemCount: number, cols: ListColumns, allItems: () => Iterable<ItemRecord>): void {
  if (itemCount <= THRESHOLD) {
    return;
  }
  if (plan.top > THRESHOLD) {
    throw errors.throttled();
  }
  if (!plan.filterNode) {
    // Sorting needs an index unless an indexed filter has already narrowed the rows (below).
    if (plan.order.some((o) => !o.column.indexed)) {
      throw errors.throttled();
    }
    return;
  }
  // The indexed part of the filter must narrow the scan to at most THRESHOLD rows.
  const expanded = new Set<string>(plan.filter?.columns.flatMap((c) => (c.needsExpand ? [c.needsExpand.toLowerCase()] : [])) ?? []);
  const indexedParts = conjuncts(plan.filterNode).filter((c) => fieldRefs(c).every((r) => cols.column(r.path).indexed));
  if (indexedParts.length === 0) {
    throw errors.throttled();
  }
  const narrowing = indexedParts.reduce((acc, n) => ({ kind: 'and', left: acc, right: n }) as FilterNode);
  const { predicate } = bindFilter(narrowing, cols, expanded, '');
  let scanned = 0;
  for (const item of allItems()) {
    if (predicate(item) && ++scanned > THRESHOLD) {
      throw errors.throttled();
    }
  }
}

/** Runs a query over items in id order and returns one page. */
export function runQuery(plan: QueryPlan, items: Iterable<ItemRecord>): PageResult {
  const pred = plan.filter?.predicate;
  const matches: ItemRecord[] = [];
  const order = plan.order;
  if (order.length === 0 || (order.length === 1 && (order[0].column.name === 'ID' || order[0].column.name === 'Id') && !order[0].desc)) {
    // ID order: stream and stop as soon as one more than a page has been seen.
    const after = plan.skip?.id ?? 0;
    for (const item of items) {
      if (item.id <= after || (pred && !pred(item))) {
        continue;
      }
      matches.push(item);
      if (matches.length > plan.top) {
        break;
      }
    }
    const page = matches.slice(0, plan.top);
    return {
      items: page,
      nextToken: matches.length > plan.top ? `Paged=TRUE&p_ID=${page[page.length - 1].id}` : undefined
    };
  }
  const keys: OrderKey[] = order.some((o) => o.column.name === 'ID' || o.column.name === 'Id')
    ? order
    : [...order, { column: { name: 'ID', kind: 'number', indexed: true, get: (i) => i.id }, desc: false }];
  const rows: { item: ItemRecord; key: Scalar[] }[] = [];
  for (const item of items) {
    if (!pred || pred(item)) {
      rows.push({ item, key: keys.map((k) => sortValue(k.column, item)) });
    }
  }
  rows.sort((a, b) => compareTuples(a.key, b.key, keys));
  let start = 0;
  if (plan.skip) {
    const skip = plan.skip;
    const anchor = rows.find((r) => r.item.id === skip.id);
    const anchorKey = keys.map((k) => {
      if (k.column.name === 'ID' || k.column.name === 'Id') {
        return skip.id;
      }
      const fromToken = skip.values.get(k.column.name);
      return fromToken !== undefined ? fromTokenValue(k.column, fromToken) : anchor ? sortValue(k.column, anchor.item) : null;
    });
    start = rows.findIndex((r) => compareTuples(r.key, anchorKey, keys) > 0);
    if (start < 0) {
      start = rows.length;
    }
  }
  const page = rows.slice(start, start + plan.top);
  if (start + plan.top >= rows.length || page.length === 0) {
    return { items: page.map((r) => r.item) };
  }
  const last = page[page.length - 1];
  const parts = ['Paged=TRUE'];
  keys.forEach((k, idx) => {
    if (k.column.name !== 'ID' && k.column.name !== 'Id') {
      parts.push(`p_${k.column.name}=${encodeURIComponent(tokenValue(k.column, last.key[idx]))}`);
    }
  });
  parts.push(`p_ID=${last.item.id}`);
  return { items: page.map((r) => r.item), nextToken: parts.join('&') };
}

/** Parses `$filter` and binds it. */
export function prepareFilter(text: string | null, cols: ListColumns, expanded: ReadonlySet<string>): { node?: FilterNode; bound?: BoundFilter } {
  if (text === null || text.trim() === '') {
    return {};
  }
  const node = parseFilter(text);
  return { node, bound: bindFilter(node, cols, expanded, text.trim()) };
}
