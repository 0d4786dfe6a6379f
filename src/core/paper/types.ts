/**
 * The committee paper's content model: what the paper says, independent of how it is rendered
 * (Word, printable HTML). Built by `buildCommitteePaper`, frozen by `snapshotOf`.
 */
import type { DueKind, IsoDate, IsoInstant, Lifecycle, RecommendationKind, ReportType, Source, TrafficLight } from '../model';

/** NEW: status or colour changed since the previous paper; CLOSED: closed since then. */
export type ChangeMarker = 'NEW' | 'CLOSED';

/** Which items a paper covers. */
export interface PaperSelection {
  /** Only these originating reports; all non-plan reports when absent or empty. */
  reportIds?: number[];
  /**
   * Only items of these directorates (matched ignoring case and surrounding spaces); all when
   * absent or empty. Papers and rounds stored before several could be chosen hold one
   * `directorate`: `readSelectionDirectorates` reads both.
   */
  directorates?: string[];
}

/**
 * The directorates a stored selection names: `directorates` (a list of text), or the single
 * `directorate` of a selection stored before several could be chosen; trimmed, blanks and repeats
 * (ignoring case) dropped; null when the value is neither.
 */
export function readSelectionDirectorates(value: { directorates?: unknown; directorate?: unknown }): string[] | null {
  const raw = value.directorates !== undefined ? value.directorates : value.directorate !== undefined ? [value.directorate] : [];
  if (!Array.isArray(raw) || !raw.every((d): d is string => typeof d === 'string')) return null;
  return selectionDirectorates({ directorates: raw });
}

/** The selection's directorates, trimmed, blanks and repeats (ignoring case) dropped, in the order given. */
export function selectionDirectorates(selection: PaperSelection | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of selection?.directorates ?? []) {
    const name = d.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** What the paper is compared with: a frozen snapshot of the previous paper, or a date. */
export type PaperBaseline =
  | { kind: 'snapshot'; snapshot: PaperSnapshot }
  /** No issued paper to compare with: each item's status on this date, read from its history. */
  | { kind: 'date'; date: IsoDate }
  | { kind: 'none' };

/** A due date as the paper prints it: "Original: April 2017", "Now due: February 2018". */
export interface PaperDue {
  /** The first committed date or the timescale as written ("No deadline set by HMICFRS"). */
  original: string;
  /** The date now in force, when it differs from the original. */
  nowDue: string | null;
  /** Set when the timescale names no date the tracker can check ("Awaiting detail"). */
  unchecked?: true;
}

/** What the source recorded beside the colour the rules derive, when the two differ. */
export interface PaperColourNote {
  /** The source's status as written ("AMBER"), and its date. */
  recordedLabel: string;
  recordedOn: IsoDate;
  /** Why the rules give the colour printed. */
  reason: string;
}

/** A numbered action under a recommendation ("I. Build communications channels… [1.2]"). */
export interface PaperActionRow {
  ref: string;
  text: string;
  lifecycle: Lifecycle;
  /** The action's colour, by the same rules as its recommendation's. */
  trafficLight: TrafficLight;
  marker: ChangeMarker | null;
  /** The status as printed: "RED", "NEW GREEN". */
  statusLabel: string;
  /** Set when the source recorded another colour. */
  colourNote: PaperColourNote | null;
  due: PaperDue;
  currentPosition: string;
}

/** One row of a report's table: Ref / Recommendation / Status / Due date / Comment. */
export interface PaperRow {
  /** Stable key of the item across papers (`id:17`, or `report title#ref` when it has no id). */
  key: string;
  recommendationId: number | null;
  ref: string;
  kind: RecommendationKind;
  text: string;
  lifecycle: Lifecycle;
  trafficLight: TrafficLight;
  marker: ChangeMarker | null;
  /** The status as printed: "AMBER", "NEW GREEN", "NEW CLOSED". */
  statusLabel: string;
  due: PaperDue;
  /**
   * The latest progress update (or the item's latest comment when it has none); "Awaiting update"
   * for an open item its owner has given no word on at all.
   */
  comment: string;
  /** When that comment was written, if known. */
  commentDate: IsoDate | null;
  /** The owner's confidence in the timescale: the rating, or the source's words when it gave no one rating. */
  confidence: string;
  /** Why it is RED, when it is. */
  redRationale: RedRationale | null;
  /** Set when the source recorded another colour than the one printed. */
  colourNote: PaperColourNote | null;
  /**
   * The other row of the same recommendation: the force's own row that carries this national one
   * (the summary counts it there), or the national row this force row repeats.
   */
  sameAs: { kind: 'carried by' | 'repeats'; ref: string; reportTitle: string } | null;
  actions: PaperActionRow[];
}

/** Why an item is RED: the owner's reason, and how far past its deadline it is beside it. */
export interface RedRationale {
  /** The reason given: the rationale of a RED set by hand, else the owner's latest comment. */
  reason: string;
  /** "200 days past its original deadline of 30 April 2017", when it is past one. */
  overdue: string | null;
}

/** One originating report's part of the paper. */
export interface PaperSection {
  reportId: number | null;
  title: string;
  source: Source;
  reportType: ReportType;
  published: IsoDate | null;
  /** "A national report by HMICFRS". */
  byLine: string;
  /** "Published November 2017". */
  publishedLine: string;
  /** "There are 9 recommendations; 5 of which apply to force, 1 is complete and 4 to be progressed." */
  scopeSentence: string;
  /**
   * The register's own count, when the sentence printed is the source's (a paper on the source's
   * date) and the register counts otherwise; null when they agree.
   */
  registerScopeSentence: string | null;
  rows: PaperRow[];
}

/** A RED item and why it is red. */
export interface RedItem {
  key: string;
  reportTitle: string;
  ref: string;
  text: string;
  rationale: RedRationale;
  due: PaperDue;
}

/** An item whose status changed since the previous paper. */
export interface PaperChange {
  key: string;
  reportTitle: string;
  ref: string;
  marker: ChangeMarker;
  /** The status at the previous paper ("AMBER"), or null when the item is new since then. */
  from: string | null;
  to: string;
}

/** A closed item, listed in the appendix. */
export interface ClosedRow {
  key: string;
  reportTitle: string;
  ref: string;
  text: string;
  lifecycle: Lifecycle;
  /** The day it was closed, from its history, when known. */
  closedOn: IsoDate | null;
  comment: string;
}

export type TrafficLightCounts = Record<TrafficLight, number>;

/** An item of the register the paper leaves out because it needs completing in SharePoint. */
export interface LeftOutItem {
  /** "Recommendations item 978 ('R1')". */
  item: string;
  /** "Kind is empty but required". */
  reason: string;
}

/** The whole committee paper. */
export interface CommitteePaper {
  title: string;
  /** The date the paper speaks for. */
  asAt: IsoDate;
  selection: PaperSelection;
  /**
   * What NEW and CLOSED are measured against: an issued paper, the histories at a date, or (with
   * neither) the statuses the source recorded on its date, which is the previous paper then.
   */
  comparedWith: { kind: 'paper'; paperId: string; title: string; asAt: IsoDate } | { kind: 'date'; date: IsoDate } | { kind: 'source'; date: IsoDate } | null;
  /** The committee's definitions of the colours. */
  legend: { colour: TrafficLight; definition: string }[];
  /** Which deadline RED is measured against, as one sentence under the legend. */
  ragPolicyStatement: string;
  summary: {
    total: number;
    open: number;
    closed: number;
    /** Open items by traffic light. */
    byTrafficLight: TrafficLightCounts;
    newCount: number;
    closedSinceCount: number;
    changes: PaperChange[];
    /** Items the previous paper reported that this one does not (deleted, or moved out of the selection). */
    noLongerReported: { key: string; reportTitle: string; ref: string; was: string }[];
  };
  sections: PaperSection[];
  redItems: RedItem[];
  closedItems: ClosedRow[];
  /** What every selected item said on the paper's date: the content of its snapshot. */
  items: SnapshotItem[];
  /** Items of the register left out because they need completing, each with why: the paper says so. */
  leftOut: LeftOutItem[];
}

/** What one item said on the day a paper was issued. */
export interface SnapshotItem {
  key: string;
  recommendationId: number | null;
  reportId: number | null;
  reportTitle: string;
  ref: string;
  text: string;
  lifecycle: Lifecycle;
  trafficLight: TrafficLight;
  statusLabel: string;
  due: { kind: DueKind; original: IsoDate | null; current: IsoDate | null; raw: string };
  comment: string;
}

export const SNAPSHOT_FORMAT = 'inspection-tracker/committee-paper-snapshot';

/** The frozen record of an issued paper, stored as JSON next to the document. */
export interface PaperSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  paperId: string;
  title: string;
  asAt: IsoDate;
  issuedAt: IsoInstant;
  issuedBy: string;
  selection: PaperSelection;
  /** The paper this one was compared with, if any. */
  previousPaperId: string | null;
  items: SnapshotItem[];
}
