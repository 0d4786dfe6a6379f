/**
 * Typed mapping between SharePoint list items (as PnPjs reads and writes them, JSON light) and the
 * domain model. SharePoint's column names appear only here and in lists.ts.
 *
 * Conventions on the wire: a Lookup or User column `X` is read and written as `XId` (a number, or an
 * array of numbers for LookupMulti); a calendar date is stored as midnight in Europe/London
 * expressed in UTC (what SharePoint keeps for a DateOnly column in a UK site); complex values are
 * JSON in plain-text Note columns.
 */
import { londonDate, londonWallClock } from '../core/dates';
import {
  APPLIES_TO,
  CONFIDENCES,
  DATE_PRECISIONS,
  DUE_KINDS,
  LIFECYCLES,
  RECOMMENDATION_KINDS,
  REMINDER_STATUSES,
  REPORT_TYPES,
  SCOPES,
  SOURCES,
  TRAFFIC_LIGHTS
} from '../core/model';
import type {
  Action,
  ClosureRequest,
  DueDate,
  DueRevision,
  ExtensionRequest,
  IsoDate,
  IsoInstant,
  ListedRecommendation,
  OriginatingReport,
  Person,
  ProgressUpdate,
  RagOverride,
  Recommendation,
  RecordedScope,
  RecordedStatus,
  ReminderLogEntry,
  ReminderRuleRecord,
  StatusChange
} from '../core/model';
import { ROUND_STATUSES, readRoundClosure, readRoundItems, readRoundSelection, type UpdateRound } from '../core/round/model';
import { valueProblemText, type Checked, type ValueProblem, type ValueProblemCode } from '../core/storedValues';
import { ACCEPTED_CHOICES, AT_PRECISIONS, F, REMINDER_ITEM_KINDS, USES_TRAFFIC_LIGHTS_CHOICES, listSchema } from './lists';
import type { FieldSchema, ListKey } from './types';

/** A value as SharePoint's REST API carries it in an item payload. */
export type ItemValue = string | number | boolean | null | number[] | { Url: string; Description: string };
/** An item payload to write (add or MERGE). */
export type ItemPayload = Record<string, ItemValue>;
/** An item as read: whatever the server sent. */
export type ListItemData = Record<string, unknown>;

/** An item could not be turned into a domain object; names the list, item and column. */
export class ItemMappingError extends Error {
  constructor(
    readonly list: ListKey,
    readonly itemId: number | undefined,
    readonly column: string,
    readonly problem: ValueProblem
  ) {
    super(`List '${listSchema(list).title}', item ${itemId ?? '(new)'}, column ${column}: ${valueProblemText(problem)}`);
    this.name = 'ItemMappingError';
  }
}

/** One column of an item that the model cannot read: SharePoint accepted it, the tracker cannot use it. */
export interface ItemProblem {
  /** Internal name, as in the payload (`TrkKind`, `TrkReportId`). */
  readonly column: string;
  /** The column's name as users see it in SharePoint ("Kind"). */
  readonly field: string;
  /** What is wrong ("is empty but required"), by code. */
  readonly problem: ValueProblem;
}

/** An item read through a mapping: the domain object, or every problem that stops it being one. */
export type ItemRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ItemProblem[] };

/**
 * How one domain type maps onto one list. `columns` names, for every key of the model type, the
 * internal names of the columns that hold it; the type makes a model field without a column a
 * compile error, and the schema test checks the same at run time.
 */
/** How items of a list are read as `T`: the columns to select and the reading. */
export interface ItemReading<T> {
  readonly list: ListKey;
  readonly columns: { readonly [K in keyof T]-?: readonly string[] };
  /** The `$select` needed to read every mapped column (entity property names). */
  readonly select: readonly string[];
  /** The item as a domain object, or every problem with it: an item SharePoint accepts may still not fit the model. */
  read(item: ListItemData): ItemRead<T>;
  /** The item as a domain object. @throws ItemMappingError naming its first problem. */
  fromItem(item: ListItemData): T;
}

/** How items of a list are read as `T` and written from it. */
export interface ItemMapping<T> extends ItemReading<T> {
  toItem(model: T): ItemPayload;
}

/** The name a column has in an item payload: `XId` for lookups and users. */
export function entityName(field: FieldSchema): string {
  return field.type === 'User' || field.type === 'Lookup' || field.type === 'LookupMulti' ? `${field.internalName}Id` : field.internalName;
}

function schemaField(list: ListKey, internalName: string): FieldSchema {
  if (internalName === 'Title') {
    const t = listSchema(list).titleField;
    return { internalName: 'Title', displayName: t.displayName, type: 'Text', required: t.required };
  }
  const f = listSchema(list).fields.find((x) => x.internalName === internalName);
  if (!f) throw new Error(`The schema of list '${list}' has no column ${internalName}.`);
  return f;
}

/** Entity property names to `$select` for a list's mapped columns, plus Id. */
function selectFor(list: ListKey, columns: Record<string, readonly string[]>): string[] {
  const names = new Set<string>(['Id']);
  for (const cols of Object.values(columns)) for (const c of cols) if (c !== 'Id') names.add(entityName(schemaField(list, c)));
  return [...names];
}

/** A calendar date in London as the UTC instant of its midnight (what SharePoint stores). */
export function dateToSharePoint(date: IsoDate): IsoInstant {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight.getTime())) throw new RangeError(`Not an ISO date (YYYY-MM-DD): '${date}'`);
  // London is UTC or UTC+1, so at UTC midnight its clock reads 00:xx or 01:xx on the same date.
  const { hour } = londonWallClock(utcMidnight);
  return new Date(utcMidnight.getTime() - hour * 3600000).toISOString().replace('.000Z', 'Z');
}

/** The London calendar date of a stored DateOnly value (core remembers each instant's: stored values repeat). */
export function dateFromSharePoint(value: string): IsoDate {
  return londonDate(value);
}

/** The name users see for a column as it appears in a payload (`TrkReportId` is the Report column). */
function fieldName(list: ListKey, column: string): string {
  const schema = listSchema(list);
  if (column === 'Title') return schema.titleField.displayName;
  return schema.fields.find((f) => f.internalName === column || entityName(f) === column)?.displayName ?? column;
}

/**
 * Reads columns of one item. A column the model cannot read is recorded as a problem and read as a
 * neutral value, so that one pass names every problem of the item; an item with any problem is
 * never handed on as a domain object.
 */
class Reader {
  readonly problems: ItemProblem[] = [];

  constructor(
    private readonly list: ListKey,
    private readonly item: ListItemData
  ) {}

  private get id(): number | undefined {
    const id = this.item.Id ?? this.item.ID;
    return typeof id === 'number' ? id : undefined;
  }

  /** Records what is wrong with a column (the first problem per column) and reads it as `fallback`. */
  problem<V>(column: string, fallback: V, code: ValueProblemCode, ...args: (string | number)[]): V {
    return this.wrong(column, { code, args }, fallback);
  }

  /** Records a problem already named (a JSON column's checker's). */
  wrong<V>(column: string, problem: ValueProblem, fallback: V): V {
    if (!this.problems.some((p) => p.column === column)) this.problems.push({ column, field: fieldName(this.list, column), problem });
    return fallback;
  }

  /** The first problem, as the error a strict read throws. */
  error(): ItemMappingError | null {
    const first = this.problems[0];
    return first === undefined ? null : new ItemMappingError(this.list, this.id, first.column, first.problem);
  }

  private raw(column: string): unknown {
    const v = this.item[column];
    return v === undefined ? null : v;
  }

  itemId(): number | undefined {
    return this.id;
  }

  text(column: string): string | undefined {
    const v = this.raw(column);
    if (v === null || v === '') return undefined;
    if (typeof v !== 'string') return this.problem(column, undefined, 'expectedText', JSON.stringify(v));
    return v;
  }

  requiredText(column: string): string {
    return this.text(column) ?? this.problem(column, '', 'emptyRequired');
  }

  choice<C extends string>(column: string, choices: readonly C[]): C | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    if (!(choices as readonly string[]).includes(v)) return this.problem(column, undefined, 'notOneOf', v, choices.join(', '));
    return v as C;
  }

  requiredChoice<C extends string>(column: string, choices: readonly C[]): C {
    return this.choice(column, choices) ?? this.problem(column, choices[0], 'emptyRequired');
  }

  number(column: string): number | undefined {
    const v = this.raw(column);
    if (v === null) return undefined;
    if (typeof v !== 'number') return this.problem(column, undefined, 'expectedNumber', JSON.stringify(v));
    return v;
  }

  requiredNumber(column: string): number {
    return this.number(column) ?? this.problem(column, 0, 'emptyRequired');
  }

  numbers(column: string): number[] {
    const v = this.raw(column);
    if (v === null) return [];
    // Verbose responses wrap arrays as {results: [...]}; JSON light sends the array itself.
    const arr = Array.isArray(v) ? v : typeof v === 'object' && Array.isArray((v as { results?: unknown }).results) ? (v as { results: unknown[] }).results : null;
    if (!arr || !arr.every((n) => typeof n === 'number')) return this.problem(column, [], 'expectedIds', JSON.stringify(v));
    return arr as number[];
  }

  boolean(column: string): boolean {
    const v = this.raw(column);
    if (v === null) return false;
    if (typeof v !== 'boolean') return this.problem(column, false, 'expectedBoolean', JSON.stringify(v));
    return v;
  }

  date(column: string): IsoDate | null {
    const v = this.text(column);
    if (v === undefined) return null;
    try {
      return dateFromSharePoint(v);
    } catch {
      return this.problem(column, null, 'notDate', v);
    }
  }

  instant(column: string): IsoInstant {
    const v = this.requiredText(column);
    if (v !== '' && Number.isNaN(Date.parse(v))) return this.problem(column, '', 'notInstant', v);
    return v;
  }

  url(column: string): string | undefined {
    const v = this.raw(column);
    if (v === null) return undefined;
    if (typeof v === 'object' && typeof (v as { Url?: unknown }).Url === 'string') return (v as { Url: string }).Url || undefined;
    return this.problem(column, undefined, 'expectedLink', JSON.stringify(v));
  }

  json<T>(column: string): T | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as T;
    } catch {
      return this.problem(column, undefined, 'invalidJson');
    }
  }

  jsonArray<T>(column: string): T[] {
    const v = this.json<unknown>(column);
    if (v === undefined) return [];
    if (!Array.isArray(v)) return this.problem(column, [], 'expectedJsonArray');
    return v as T[];
  }

  person(user: string, name: string, email: string): Person | undefined {
    const userId = this.number(`${user}Id`);
    const text = this.text(name);
    if (userId === undefined && text === undefined) return undefined;
    const person: Person = { name: text ?? '' };
    if (userId !== undefined) person.userId = userId;
    const mail = this.text(email);
    if (mail !== undefined) person.email = mail;
    return person;
  }

  due(): DueDate {
    const due: DueDate = {
      kind: this.requiredChoice(F.dueKind, DUE_KINDS),
      original: this.date(F.dueOriginal),
      current: this.date(F.dueCurrent),
      revisions: this.jsonArray<DueRevision>(F.dueRevisions),
      raw: this.text(F.dueRaw) ?? ''
    };
    const problem = this.text(F.dueProblem);
    if (problem !== undefined) due.problem = problem;
    if (this.item[F.dueFromText] === true) due.fromText = true;
    return due;
  }
}

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
const dateOrNull = (d: IsoDate | null | undefined): string | null => (d ? dateToSharePoint(d) : null);
const jsonOrNull = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

function personPayload(p: Person | undefined, user: string, name: string, email: string): ItemPayload {
  return { [`${user}Id`]: p?.userId ?? null, [name]: orNull(p?.name), [email]: orNull(p?.email) };
}

function duePayload(d: DueDate): ItemPayload {
  return {
    [F.dueKind]: d.kind,
    [F.dueOriginal]: dateOrNull(d.original),
    [F.dueCurrent]: dateOrNull(d.current),
    [F.dueRevisions]: JSON.stringify(d.revisions),
    [F.dueRaw]: d.raw,
    [F.dueProblem]: orNull(d.problem),
    [F.dueFromText]: d.fromText === true
  };
}

/** Sets optional keys only when present, so a read object has exactly the keys that were written. */
function withOptional<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

const DUE_COLUMNS = [F.dueKind, F.dueOriginal, F.dueCurrent, F.dueRevisions, F.dueRaw, F.dueProblem, F.dueFromText] as const;

function mapping<T>(list: ListKey, columns: ItemMapping<T>['columns'], toItem: (m: T) => ItemPayload, fromItem: (r: Reader) => T): ItemMapping<T> {
  return { ...reading(list, columns, fromItem), toItem };
}

function reading<T>(list: ListKey, columns: ItemReading<T>['columns'], fromItem: (r: Reader) => T): ItemReading<T> {
  return {
    list,
    columns,
    select: selectFor(list, columns as Record<string, readonly string[]>),
    read: (item) => {
      const reader = new Reader(list, item);
      const value = fromItem(reader);
      return reader.problems.length === 0 ? { ok: true, value } : { ok: false, problems: reader.problems };
    },
    fromItem: (item) => {
      const reader = new Reader(list, item);
      const value = fromItem(reader);
      const error = reader.error();
      if (error) throw error;
      return value;
    }
  };
}

/** Inspection Reports ↔ OriginatingReport. */
export const reportMapping: ItemMapping<OriginatingReport> = mapping<OriginatingReport>(
  'reports',
  {
    id: ['Id'],
    title: [F.title],
    source: [F.source],
    reportType: [F.reportType],
    published: [F.published],
    publishedPrecision: [F.publishedPrecision],
    publishedText: [F.publishedText],
    byLine: [F.byLine],
    made: [F.made],
    madeForForce: [F.madeForForce],
    recordedScope: [F.recordedScope],
    usesTrafficLights: [F.usesTrafficLights],
    scope: [F.scope],
    scopeText: [F.scopeText],
    responseDeadline: [F.responseDeadline],
    url: [F.reportUrl]
  },
  (r) => ({
    [F.title]: r.title,
    [F.source]: r.source,
    [F.reportType]: r.reportType,
    [F.published]: dateOrNull(r.published),
    [F.publishedPrecision]: r.publishedPrecision ?? null,
    [F.publishedText]: orNull(r.publishedText),
    [F.byLine]: orNull(r.byLine),
    [F.made]: r.made ?? null,
    [F.madeForForce]: r.madeForForce ?? null,
    [F.recordedScope]: jsonOrNull(r.recordedScope),
    [F.usesTrafficLights]: r.usesTrafficLights === undefined ? null : r.usesTrafficLights ? 'Yes' : 'No',
    [F.scope]: r.scope,
    [F.scopeText]: orNull(r.scopeText),
    [F.responseDeadline]: dateOrNull(r.responseDeadline),
    [F.reportUrl]: r.url ? { Url: r.url, Description: r.title.slice(0, 255) } : null
  }),
  (r) =>
    withOptional<OriginatingReport>(
      {
        title: r.requiredText(F.title),
        source: r.requiredChoice(F.source, SOURCES),
        reportType: r.requiredChoice(F.reportType, REPORT_TYPES),
        published: r.date(F.published),
        scope: r.requiredChoice(F.scope, SCOPES),
        responseDeadline: r.date(F.responseDeadline)
      },
      {
        id: r.itemId(),
        publishedPrecision: r.choice(F.publishedPrecision, DATE_PRECISIONS),
        publishedText: r.text(F.publishedText),
        byLine: r.text(F.byLine),
        made: r.number(F.made),
        madeForForce: r.number(F.madeForForce),
        recordedScope: r.json<RecordedScope>(F.recordedScope),
        usesTrafficLights: yesNo(r.choice(F.usesTrafficLights, USES_TRAFFIC_LIGHTS_CHOICES)),
        scopeText: r.text(F.scopeText),
        url: r.url(F.reportUrl)
      }
    )
);

function yesNo(choice: 'Yes' | 'No' | undefined): boolean | undefined {
  return choice === undefined ? undefined : choice === 'Yes';
}

function acceptedToChoice(v: boolean | null): string | null {
  if (v === null) return null;
  return v ? ACCEPTED_CHOICES[0] : ACCEPTED_CHOICES[1];
}

const LISTED_COLUMNS: ItemReading<ListedRecommendation>['columns'] = {
  id: ['Id'],
  reportId: [F.report],
  ref: [F.title],
  kind: [F.kind],
  text: [F.text],
  appliesTo: [F.appliesTo],
  addressee: [F.addressee],
  causeOfConcernIds: [F.causesOfConcern],
  nationalRecommendationId: [F.nationalRec],
  dependsOn: [F.dependsOn],
  sro: [F.sro, F.sroName, F.sroEmail],
  owner: [F.owner, F.ownerName, F.ownerEmail],
  directorate: [F.directorate],
  lifecycle: [F.lifecycle],
  due: DUE_COLUMNS,
  confidence: [F.confidence],
  ragOverride: [F.ragOverride],
  closure: [F.closure],
  extension: [F.extension],
  latestComment: [F.latestComment],
  lastUpdated: [F.lastUpdated],
  history: [F.history],
  recorded: [F.recorded]
};

function readListed(r: Reader): ListedRecommendation {
  return withOptional<ListedRecommendation>(
    {
      ref: r.requiredText(F.title),
      kind: r.requiredChoice(F.kind, RECOMMENDATION_KINDS),
      text: r.requiredText(F.text),
      appliesTo: r.requiredChoice(F.appliesTo, APPLIES_TO),
      causeOfConcernIds: r.numbers(`${F.causesOfConcern}Id`),
      lifecycle: r.requiredChoice(F.lifecycle, LIFECYCLES),
      due: r.due(),
      lastUpdated: r.date(F.lastUpdated),
      history: r.jsonArray<StatusChange>(F.history)
    },
    {
      id: r.itemId(),
      reportId: r.number(`${F.report}Id`),
      addressee: r.text(F.addressee),
      nationalRecommendationId: r.number(`${F.nationalRec}Id`),
      dependsOn: r.text(F.dependsOn),
      sro: r.person(F.sro, F.sroName, F.sroEmail),
      owner: r.person(F.owner, F.ownerName, F.ownerEmail),
      directorate: r.text(F.directorate),
      confidence: r.choice(F.confidence, CONFIDENCES),
      ragOverride: r.json<RagOverride>(F.ragOverride),
      closure: r.json<ClosureRequest>(F.closure),
      extension: r.json<ExtensionRequest>(F.extension),
      latestComment: r.text(F.latestComment),
      recorded: r.json<RecordedStatus>(F.recorded)
    }
  );
}

/**
 * Recommendations as lists of them read them (the grid, the dashboard, the rules page): fewer
 * columns than {@link recommendationMapping}, so that 10,000 items download and parse sooner.
 */
export const recommendationListing: ItemReading<ListedRecommendation> = reading<ListedRecommendation>('recommendations', LISTED_COLUMNS, readListed);

/** Recommendations ↔ Recommendation. */
export const recommendationMapping: ItemMapping<Recommendation> = mapping<Recommendation>(
  'recommendations',
  {
    ...LISTED_COLUMNS,
    acceptedForAction: [F.accepted],
    keyPrinciple: [F.keyPrinciple],
    inspectorateEvidence: [F.evidence],
    confidenceAsWritten: [F.confidenceText],
    confidenceNarrative: [F.confidenceNarrative],
    reopenings: [F.reopenings],
    trafficLight: [F.trafficLight]
  },
  (r) => ({
    [F.title]: r.ref,
    [`${F.report}Id`]: r.reportId ?? null,
    [F.kind]: r.kind,
    [F.text]: r.text,
    [F.appliesTo]: r.appliesTo,
    [F.addressee]: orNull(r.addressee),
    [F.accepted]: acceptedToChoice(r.acceptedForAction),
    [`${F.causesOfConcern}Id`]: r.causeOfConcernIds,
    [`${F.nationalRec}Id`]: r.nationalRecommendationId ?? null,
    [F.dependsOn]: orNull(r.dependsOn),
    [F.keyPrinciple]: orNull(r.keyPrinciple),
    [F.evidence]: orNull(r.inspectorateEvidence),
    ...personPayload(r.sro, F.sro, F.sroName, F.sroEmail),
    ...personPayload(r.owner, F.owner, F.ownerName, F.ownerEmail),
    [F.directorate]: orNull(r.directorate),
    [F.lifecycle]: r.lifecycle,
    [F.trafficLight]: r.trafficLight ?? null,
    ...duePayload(r.due),
    [F.confidence]: r.confidence ?? null,
    [F.confidenceText]: orNull(r.confidenceAsWritten),
    [F.confidenceNarrative]: orNull(r.confidenceNarrative),
    [F.ragOverride]: jsonOrNull(r.ragOverride),
    [F.closure]: jsonOrNull(r.closure),
    [F.extension]: jsonOrNull(r.extension),
    [F.reopenings]: JSON.stringify(r.reopenings),
    [F.latestComment]: orNull(r.latestComment),
    [F.lastUpdated]: dateOrNull(r.lastUpdated),
    [F.history]: JSON.stringify(r.history),
    [F.recorded]: jsonOrNull(r.recorded)
  }),
  (r) => {
    const accepted = r.choice(F.accepted, ACCEPTED_CHOICES);
    return withOptional<Recommendation>(
      {
        ...readListed(r),
        acceptedForAction: accepted === undefined ? null : accepted === ACCEPTED_CHOICES[0],
        reopenings: r.jsonArray<Recommendation['reopenings'][number]>(F.reopenings)
      },
      {
        keyPrinciple: r.text(F.keyPrinciple),
        inspectorateEvidence: r.text(F.evidence),
        confidenceAsWritten: r.text(F.confidenceText),
        confidenceNarrative: r.text(F.confidenceNarrative),
        trafficLight: r.choice(F.trafficLight, TRAFFIC_LIGHTS)
      }
    );
  }
);

/** Actions ↔ Action. */
export const actionMapping: ItemMapping<Action> = mapping<Action>(
  'actions',
  {
    id: ['Id'],
    recommendationId: [F.recommendation],
    ref: [F.title],
    text: [F.text],
    owner: [F.owner, F.ownerName, F.ownerEmail],
    lifecycle: [F.lifecycle],
    due: DUE_COLUMNS,
    currentPosition: [F.currentPosition],
    recorded: [F.recorded]
  },
  (a) => ({
    [F.title]: a.ref,
    [`${F.recommendation}Id`]: a.recommendationId,
    [F.text]: a.text,
    ...personPayload(a.owner, F.owner, F.ownerName, F.ownerEmail),
    [F.lifecycle]: a.lifecycle,
    ...duePayload(a.due),
    [F.currentPosition]: orNull(a.currentPosition),
    [F.recorded]: jsonOrNull(a.recorded)
  }),
  (r) =>
    withOptional<Action>(
      {
        recommendationId: r.requiredNumber(`${F.recommendation}Id`),
        ref: r.requiredText(F.title),
        text: r.requiredText(F.text),
        lifecycle: r.requiredChoice(F.lifecycle, LIFECYCLES),
        due: r.due()
      },
      { id: r.itemId(), owner: r.person(F.owner, F.ownerName, F.ownerEmail), currentPosition: r.text(F.currentPosition), recorded: r.json<RecordedStatus>(F.recorded) }
    )
);

/** The Title of a progress update: the start of its text, so that list views read well. */
function summary(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 255 ? oneLine : `${oneLine.slice(0, 254)}…`;
}

/** Progress Updates ↔ ProgressUpdate. */
export const updateMapping: ItemMapping<ProgressUpdate> = mapping<ProgressUpdate>(
  'updates',
  {
    id: ['Id'],
    recommendationId: [F.recommendation],
    actionId: [F.action],
    at: [F.at],
    atPrecision: [F.atPrecision],
    author: [F.author],
    text: [F.text],
    lifecycle: [F.lifecycle],
    confidence: [F.confidence]
  },
  (u) => ({
    [F.title]: summary(u.text),
    [`${F.recommendation}Id`]: u.recommendationId,
    [`${F.action}Id`]: u.actionId ?? null,
    [F.at]: u.at,
    [F.atPrecision]: u.atPrecision ?? null,
    [F.author]: u.author,
    [F.text]: u.text,
    [F.lifecycle]: u.lifecycle,
    [F.confidence]: u.confidence ?? null
  }),
  (r) =>
    withOptional<ProgressUpdate>(
      {
        recommendationId: r.requiredNumber(`${F.recommendation}Id`),
        at: r.instant(F.at),
        author: r.requiredText(F.author),
        text: r.requiredText(F.text),
        lifecycle: r.requiredChoice(F.lifecycle, LIFECYCLES)
      },
      { id: r.itemId(), actionId: r.number(`${F.action}Id`), atPrecision: r.choice(F.atPrecision, AT_PRECISIONS), confidence: r.choice(F.confidence, CONFIDENCES) }
    )
);

/** Reminder Rules ↔ ReminderRuleRecord. */
export const reminderRuleMapping: ItemMapping<ReminderRuleRecord> = mapping<ReminderRuleRecord>(
  'reminderRules',
  { id: ['Id'], key: [F.ruleKey], name: [F.title], enabled: [F.enabled], definition: [F.definition] },
  (r) => ({ [F.title]: r.name, [F.ruleKey]: r.key, [F.enabled]: r.enabled, [F.definition]: JSON.stringify(r.definition) }),
  (r) => {
    const json = r.json<unknown>(F.definition);
    const definition = json !== null && typeof json === 'object' && !Array.isArray(json) ? json : r.problem(F.definition, {}, 'expectedJsonObject');
    return withOptional<ReminderRuleRecord>(
      { key: r.requiredText(F.ruleKey), name: r.requiredText(F.title), enabled: r.boolean(F.enabled), definition: definition as ReminderRuleRecord['definition'] },
      { id: r.itemId() }
    );
  }
);

/** Reminder Log ↔ ReminderLogEntry. */
export const reminderLogMapping: ItemMapping<ReminderLogEntry> = mapping<ReminderLogEntry>(
  'reminderLog',
  {
    id: ['Id'],
    key: [F.title],
    ruleKey: [F.ruleKey],
    itemId: [F.itemId],
    itemKind: [F.itemKind],
    occurrence: [F.occurrence],
    recipient: [F.recipient],
    channel: [F.channel],
    status: [F.status],
    at: [F.at],
    attempts: [F.attempts],
    detail: [F.detail]
  },
  (e) => ({
    [F.title]: e.key,
    [F.ruleKey]: e.ruleKey,
    [F.itemId]: e.itemId,
    [F.itemKind]: e.itemKind,
    [F.occurrence]: e.occurrence,
    [F.recipient]: e.recipient,
    [F.channel]: e.channel,
    [F.status]: e.status,
    [F.at]: e.at,
    [F.attempts]: e.attempts,
    [F.detail]: orNull(e.detail)
  }),
  (r) =>
    withOptional<ReminderLogEntry>(
      {
        key: r.requiredText(F.title),
        ruleKey: r.requiredText(F.ruleKey),
        itemId: r.requiredNumber(F.itemId),
        itemKind: r.requiredChoice(F.itemKind, REMINDER_ITEM_KINDS),
        occurrence: r.requiredText(F.occurrence),
        recipient: r.requiredText(F.recipient),
        channel: r.requiredText(F.channel),
        status: r.requiredChoice(F.status, REMINDER_STATUSES),
        at: r.instant(F.at),
        attempts: r.requiredNumber(F.attempts)
      },
      { id: r.itemId(), detail: r.text(F.detail) }
    )
);

/** A JSON column read through one of the round's checkers (core/round/model.ts). */
function checkedJson<T>(r: Reader, column: string, check: (value: unknown) => Checked<T>, fallback: T): T {
  const value = r.json<unknown>(column);
  if (value === undefined) return r.problem(column, fallback, 'empty');
  const checked = check(value);
  return checked.ok ? checked.value : r.wrong(column, checked.problem, fallback);
}

/** Update Rounds ↔ UpdateRound. */
export const roundMapping: ItemMapping<UpdateRound> = mapping<UpdateRound>(
  'rounds',
  {
    id: ['Id'],
    title: [F.title],
    committee: [F.committee],
    selection: [F.selection],
    replyBy: [F.replyBy],
    paperDate: [F.paperDate],
    status: [F.status],
    openedBy: [F.openedBy],
    openedAt: [F.at],
    items: [F.roundItems],
    closure: [F.closure]
  },
  (round) => ({
    [F.title]: round.title,
    [F.committee]: round.committee,
    [F.selection]: JSON.stringify(round.selection),
    [F.replyBy]: dateToSharePoint(round.replyBy),
    [F.paperDate]: dateToSharePoint(round.paperDate),
    [F.status]: round.status,
    [F.openedBy]: round.openedBy,
    [F.at]: round.openedAt,
    [F.roundItems]: JSON.stringify(round.items),
    [F.closure]: jsonOrNull(round.closure)
  }),
  (r) => {
    const closure = r.json<unknown>(F.closure);
    return withOptional<UpdateRound>(
      {
        title: r.requiredText(F.title),
        committee: r.requiredText(F.committee),
        selection: checkedJson(r, F.selection, readRoundSelection, {}),
        replyBy: r.date(F.replyBy) ?? r.problem(F.replyBy, '', 'empty'),
        paperDate: r.date(F.paperDate) ?? r.problem(F.paperDate, '', 'empty'),
        status: r.requiredChoice(F.status, ROUND_STATUSES),
        openedBy: r.requiredText(F.openedBy),
        openedAt: r.instant(F.at),
        items: checkedJson(r, F.roundItems, readRoundItems, [])
      },
      { id: r.itemId(), closure: closure === undefined ? undefined : checkedJson(r, F.closure, readRoundClosure, undefined) }
    );
  }
);

/** Every mapping, by list: what the schema test walks. */
export const MAPPINGS = {
  reports: reportMapping,
  recommendations: recommendationMapping,
  actions: actionMapping,
  updates: updateMapping,
  reminderRules: reminderRuleMapping,
  reminderLog: reminderLogMapping,
  rounds: roundMapping
} as const;
