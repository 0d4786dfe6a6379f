/**
 * The grid's rows: each recommendation with the facts the status rules derive from it (computed
 * once per load, so that filtering 10,000 rows is a plain scan), and the filters users apply.
 */
import { DEFAULT_RAG_POLICY, colourDifference, confidenceDisagreement, isClosed, isDueWithin, isOpen, isOverdue, isUpdateOverdue, trafficLight } from '../../core/status';
import type { ColourDifference, ConfidenceDisagreement, RagPolicy } from '../../core/status';
import type { IsoDate, Lifecycle, OriginatingReport, RecommendationKind, TrafficLight } from '../../core/model';
import { sameRecommendationAs } from '../../core/colourCounts';
import type { ListedRecord } from '../../data/TrackerDataSource';
import type { LinkFilters, PresetFilters } from '../settings/settings';
import { displayValue } from '../common/values';
import type { ValueNames } from '../common/values';
import { LOCALE } from '../common/intl';

/** One grid row. */
export interface TrackerRow {
  record: ListedRecord;
  id: number;
  reportTitle: string;
  trafficLight: TrafficLight;
  /** The colour the source recorded, when it differs from the derived one, and why. */
  colourDifference: ColourDifference | null;
  /**
   * The other row of the same recommendation: for a national row, the force's own row that carries
   * it (counts leave this row out); for a force row, the national row it repeats.
   */
  sameAs: { id: number; ref: string; reportTitle: string; kind: 'carried by' | 'repeats' } | null;
  overdue: boolean;
  updateOverdue: boolean;
  disagreement: ConfidenceDisagreement | null;
  /** Refs of the causes of concern it answers, for display. */
  causesOfConcern: string[];
  ownerName: string;
  /** The owner's name in lower case, as the owner filter compares it. */
  ownerKey: string;
  /** When it was closed or discharged (see {@link closedOn}). */
  closed: IsoDate | null;
  /** Lower-cased text searched by the free-text box. */
  haystack: string;
}

/** What a row says of its record alone, needing none of the other records. */
type OwnFacts = Pick<TrackerRow, 'trafficLight' | 'colourDifference' | 'overdue' | 'updateOverdue' | 'disagreement' | 'ownerName' | 'ownerKey' | 'closed' | 'reportTitle' | 'haystack'>;

/**
 * Each record's own facts, by the day and RAG policy they were worked out for. A page of items, a
 * save or a Refresh builds the rows again; only the records not seen since are worked out again (a
 * record is never changed in place: a save is a new record). A few days and policies are kept, so
 * that two web parts with different policies on one page do not undo each other's.
 */
const ownFactsBy = new Map<string, WeakMap<ListedRecord, OwnFacts>>();
const OWN_FACTS_KEPT = 4;

function ownFactsMemo(today: IsoDate, policy: RagPolicy): WeakMap<ListedRecord, OwnFacts> {
  const key = `${today} ${JSON.stringify(policy)}`;
  let memo = ownFactsBy.get(key);
  if (memo === undefined) {
    if (ownFactsBy.size >= OWN_FACTS_KEPT) ownFactsBy.clear();
    memo = new WeakMap();
    ownFactsBy.set(key, memo);
  }
  return memo;
}

function ownFacts(record: ListedRecord, reportTitle: string, today: IsoDate, policy: RagPolicy): OwnFacts {
  const rec = record.recommendation;
  const ownerName = rec.owner?.name ?? '';
  return {
    reportTitle,
    trafficLight: trafficLight(rec, today, policy),
    colourDifference: colourDifference(rec, today, policy),
    overdue: isOverdue(rec, today),
    updateOverdue: isUpdateOverdue(rec, today),
    disagreement: confidenceDisagreement(rec, today),
    ownerName,
    ownerKey: ownerName.toLowerCase(),
    closed: closedDate(rec),
    haystack: [rec.ref, rec.text, reportTitle, ownerName, rec.sro?.name ?? '', rec.directorate ?? '', rec.latestComment ?? ''].join('\n').toLowerCase()
  };
}

/**
 * Builds the rows. `today` is a London date: derived facts never read a clock themselves; `policy`
 * is the site's choice of the deadline RED is measured against.
 */
export function buildRows(
  records: readonly ListedRecord[],
  reports: readonly Pick<OriginatingReport & { id: number }, 'id' | 'title'>[],
  today: IsoDate,
  policy: RagPolicy = DEFAULT_RAG_POLICY
): TrackerRow[] {
  const reportTitles = new Map(reports.map((r) => [r.id, r.title]));
  const refs = new Map(records.map((r) => [r.recommendation.id, r.recommendation.ref]));
  const other = sameRecommendationAs(records.map((r) => r.recommendation));
  const titleOf = (rec: { reportId?: number }): string => (rec.reportId === undefined ? '' : (reportTitles.get(rec.reportId) ?? ''));
  const memo = ownFactsMemo(today, policy);
  return records.map((record) => {
    const rec = record.recommendation;
    const reportTitle = titleOf(rec);
    let own = memo.get(record);
    // A report named since (completed in SharePoint, say) is searched by its new title.
    if (own === undefined || own.reportTitle !== reportTitle) {
      own = ownFacts(record, reportTitle, today, policy);
      memo.set(record, own);
    }
    const same = other(rec);
    // Field by field: spreading `own` costs ten times as much, at 10,000 rows a build.
    return {
      record,
      id: rec.id,
      reportTitle,
      trafficLight: own.trafficLight,
      colourDifference: own.colourDifference,
      sameAs: same ? { id: same.other.id, ref: same.other.ref, reportTitle: titleOf(same.other), kind: same.kind } : null,
      overdue: own.overdue,
      updateOverdue: own.updateOverdue,
      disagreement: own.disagreement,
      causesOfConcern: rec.causeOfConcernIds.map((id) => refs.get(id) ?? `#${id}`),
      ownerName: own.ownerName,
      ownerKey: own.ownerKey,
      closed: own.closed,
      haystack: own.haystack
    };
  });
}

/** The records with `saved` in place of the one with its id, or after them when it is new. */
export function withRecord(records: readonly ListedRecord[], saved: ListedRecord): ListedRecord[] {
  const index = records.findIndex((r) => r.recommendation.id === saved.recommendation.id);
  return index < 0 ? [...records, saved] : [...records.slice(0, index), saved, ...records.slice(index + 1)];
}

/**
 * The records with a page read after them: its items that the records do not hold yet, after them.
 * An item already held came from a save on the page (in place of the one read, or new since) and
 * keeps that version; a page otherwise brings only items the pages before it did not.
 */
export function withPage(records: readonly ListedRecord[], page: readonly ListedRecord[]): ListedRecord[] {
  const held = new Set(records.map((r) => r.recommendation.id));
  const fresh = page.filter((r) => !held.has(r.recommendation.id));
  return records.concat(fresh);
}

/** The filters a user sets in the filter bar. Empty values mean "any". */
export interface RowFilters {
  search: string;
  reportId: string;
  kind: RecommendationKind | '';
  lifecycle: Lifecycle | '';
  trafficLight: TrafficLight | '';
  owner: string;
  directorate: string;
  overdue: boolean;
  updateOverdue: boolean;
  /** Due within this many days; null for no limit. */
  dueWithinDays: number | null;
  openOnly: boolean;
  /** Closed (or discharged) on or after this date; '' for no limit. */
  closedSince: IsoDate | '';
}

export const EMPTY_FILTERS: RowFilters = {
  search: '',
  reportId: '',
  kind: '',
  lifecycle: '',
  trafficLight: '',
  owner: '',
  directorate: '',
  overdue: false,
  updateOverdue: false,
  dueWithinDays: null,
  openOnly: false,
  closedSince: ''
};

/** The user's starting filters: the page author's presets, then any filters carried in the link. */
export function initialFilters(preset: PresetFilters, link: LinkFilters): RowFilters {
  return {
    ...EMPTY_FILTERS,
    directorate: link.directorate ?? preset.directorate,
    reportId: link.reportId ?? preset.reportId,
    kind: preset.kind,
    trafficLight: link.trafficLight ?? (preset.onlyRed ? 'RED' : ''),
    lifecycle: link.lifecycle ?? '',
    overdue: link.overdue ?? false,
    updateOverdue: link.updateOverdue ?? false,
    dueWithinDays: link.dueWithinDays ?? null,
    openOnly: link.openOnly ?? preset.openOnly,
    closedSince: link.closedSince ?? ''
  };
}

function closedDate(rec: ListedRecord['recommendation']): IsoDate | null {
  if (!isClosed(rec.lifecycle)) return null;
  const entry = [...rec.history].reverse().find((h) => isClosed(h.lifecycle));
  return entry === undefined ? null : entry.at.slice(0, 10);
}

/** The date an item was closed or discharged: the last history entry that moved it there. */
export function closedOn(row: TrackerRow): IsoDate | null {
  return row.closed;
}

/** Applies the filters; `today` is needed for "due within N days". */
export function filterRows(rows: readonly TrackerRow[], f: RowFilters, today: IsoDate): TrackerRow[] {
  const words = f.search.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const reportId = f.reportId === '' ? null : Number(f.reportId);
  const owner = f.owner.toLowerCase();
  return rows.filter((row) => {
    const rec = row.record.recommendation;
    if (reportId !== null && rec.reportId !== reportId) return false;
    if (f.kind !== '' && rec.kind !== f.kind) return false;
    if (f.lifecycle !== '' && rec.lifecycle !== f.lifecycle) return false;
    if (f.trafficLight !== '' && row.trafficLight !== f.trafficLight) return false;
    if (f.directorate !== '' && rec.directorate !== f.directorate) return false;
    if (owner !== '' && row.ownerKey !== owner) return false;
    if (f.overdue && !row.overdue) return false;
    if (f.updateOverdue && !row.updateOverdue) return false;
    if (f.openOnly && !isOpen(rec.lifecycle)) return false;
    if (f.dueWithinDays !== null && !isDueWithin(rec, today, f.dueWithinDays)) return false;
    if (f.closedSince !== '' && (row.closed === null || row.closed < f.closedSince)) return false;
    return words.every((w) => row.haystack.includes(w));
  });
}

/**
 * True when every row `next` keeps, `prev` kept too: the same filters, the search only typed
 * further. The rows `prev` kept can then be filtered by `next` instead of every row (each word of
 * `prev`'s search is a word of `next`'s or the start of one, so a row holding `next`'s words holds
 * `prev`'s).
 */
export function narrows(prev: RowFilters, next: RowFilters): boolean {
  for (const key of Object.keys(next) as (keyof RowFilters)[]) if (key !== 'search' && prev[key] !== next[key]) return false;
  return next.search.toLowerCase().startsWith(prev.search.toLowerCase());
}

/** True when both hold the same rows in the same order. */
export function sameRows(a: readonly TrackerRow[], b: readonly TrackerRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

export type SortKey = 'ref' | 'text' | 'kind' | 'trafficLight' | 'lifecycle' | 'due' | 'owner' | 'directorate' | 'confidence' | 'lastUpdated' | 'report';

const RAG_ORDER: Record<TrafficLight, number> = { RED: 0, AMBER: 1, GREEN: 2, WHITE: 3 };
const CONFIDENCE_ORDER: Record<string, number> = { High: 0, Medium: 1, Low: 2 };
const collator = new Intl.Collator(LOCALE, { numeric: true, sensitivity: 'base' });

function sortValue(row: TrackerRow, key: SortKey, names: ValueNames): string | number {
  const rec = row.record.recommendation;
  switch (key) {
    case 'ref':
      return rec.ref;
    case 'text':
      return rec.text;
    case 'kind':
      return displayValue(names, 'kind', rec.kind);
    case 'trafficLight':
      return RAG_ORDER[row.trafficLight];
    case 'lifecycle':
      return displayValue(names, 'lifecycle', rec.lifecycle);
    case 'due':
      return rec.due.current ?? '9999-12-31';
    case 'owner':
      return row.ownerName;
    case 'directorate':
      return rec.directorate ?? '';
    case 'confidence':
      return rec.confidence === undefined ? 3 : CONFIDENCE_ORDER[rec.confidence];
    case 'lastUpdated':
      return rec.lastUpdated ?? '';
    case 'report':
      return row.reportTitle;
  }
}

/**
 * Sorts rows (a copy), by a key then by reference so that the order is stable and predictable. Kind
 * and status sort by the names the grid shows (`names`, loc `Values`), not the stored values.
 */
export function sortRows(rows: readonly TrackerRow[], key: SortKey, descending: boolean, names: ValueNames): TrackerRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key, names);
    const vb = sortValue(b, key, names);
    const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return primary !== 0 ? sign * primary : collator.compare(a.record.recommendation.ref, b.record.recommendation.ref);
  });
}

/** Colour counts, each recommendation once: a national row the force's own row carries is left out. */
export function countByLight(rows: readonly TrackerRow[]): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { RED: 0, AMBER: 0, GREEN: 0, WHITE: 0 };
  for (const row of countedRows(rows)) counts[row.trafficLight] += 1;
  return counts;
}

/** The rows to count: each recommendation once (its force row, not the national row it repeats). */
export function countedRows(rows: readonly TrackerRow[]): TrackerRow[] {
  return rows.filter((r) => r.sameAs?.kind !== 'carried by');
}

/** A run of rows under one heading (grouping by report or directorate), for DetailsList groups. */
export interface RowGroup {
  key: string;
  name: string;
  startIndex: number;
  count: number;
}

/**
 * Orders rows into groups (stable within each group) and returns the groups, by `by`. Groups come
 * in alphabetical order of their name; rows with no value go last, under `noneLabel`.
 */
export function groupRows(rows: readonly TrackerRow[], by: 'report' | 'directorate', noneLabel: string): { rows: TrackerRow[]; groups: RowGroup[] } {
  const buckets = new Map<string, TrackerRow[]>();
  for (const row of rows) {
    const name = by === 'report' ? row.reportTitle : (row.record.recommendation.directorate ?? '');
    const bucket = buckets.get(name);
    if (bucket === undefined) buckets.set(name, [row]);
    else bucket.push(row);
  }
  const names = [...buckets.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  const ordered: TrackerRow[] = [];
  const groups: RowGroup[] = [];
  for (const name of names) {
    const bucket = buckets.get(name) ?? [];
    groups.push({ key: `${by}:${name}`, name: name === '' ? noneLabel : name, startIndex: ordered.length, count: bucket.length });
    ordered.push(...bucket);
  }
  return { rows: ordered, groups };
}

/** Distinct, sorted values for a filter dropdown. */
export function distinct(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v !== undefined && v.trim() !== '') set.add(v);
  return [...set].sort(collator.compare);
}
