/**
 * Shapes shared by the importer: a table as read from a file, the raw document it is grouped into,
 * and the normalised plan that the data layer writes. Pure types.
 */
import type { Action, OriginatingReport, ProgressUpdate, Recommendation, TrafficLight } from '../model';

/** The fields a column can be mapped to. */
export const IMPORT_FIELDS = [
  'scope',
  'report',
  'reportType',
  'source',
  'published',
  'ref',
  'kind',
  'evidence',
  'text',
  'actionRequired',
  'plan',
  'accepted',
  'sro',
  'owner',
  'directorate',
  'addressee',
  'due',
  'confidence',
  'confidenceNarrative',
  'progress',
  'lastUpdated',
  'dateMade',
  'statusExplanation',
  'status',
  'comment'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One row of a source file; `rowNumber` is the spreadsheet row (1-based) so problems can be found. */
export interface SourceRow {
  rowNumber: number;
  cells: string[];
}

/** A sheet or delimited file as read, before any interpretation. */
export interface SourceTable {
  /** The file or sheet name, for messages. */
  name: string;
  /** Every row of the file including the header and blank rows. */
  rows: SourceRow[];
}

/** error: a row or value was not imported; warning: imported, but check it; info: how a row was read. */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something the import could not take as it stood: always with where it was and what it said. */
export interface ImportProblem {
  severity: ProblemSeverity;
  /** Spreadsheet row number, or null for a problem with the file as a whole. */
  row: number | null;
  /** The column heading (or document field) involved, or null. */
  column: string | null;
  /** The value as written. */
  value: string;
  message: string;
}

/** Where a raw value came from, so that a problem can name its row and column. */
export interface RawOrigin {
  row: number | null;
  /** Field to the heading (or JSON path) it was read from. */
  columns: Partial<Record<ImportField, string>>;
}

/** A numbered action as a source writes it. */
export interface RawAction {
  ref: string;
  text: string;
  status?: string;
  due?: string;
  owner?: string;
  currentPosition?: string;
}

/** A dated progress update as a source writes it. */
export interface RawUpdate {
  /** The date as written ("May-17", "14/09/2015", "2017-05-31"). */
  date: string;
  text: string;
  author?: string;
  status?: string;
  confidence?: string;
}

/**
 * A recommendation as a source writes it: every value is the text as written (HTML allowed), read
 * by the normaliser. Used for tabular rows and for the structured demo documents alike.
 */
export interface RawRecommendation {
  ref?: string;
  kind?: string;
  text: string;
  evidence?: string;
  addressee?: string;
  accepted?: string;
  sro?: string;
  owner?: string;
  directorate?: string;
  plan?: string;
  due?: string;
  confidence?: string;
  confidenceNarrative?: string;
  status?: string;
  comment?: string;
  lastUpdated?: string;
  /** For a plan commitment: the plan's key principle it delivers. */
  keyPrinciple?: string;
  actions?: RawAction[];
  updates?: RawUpdate[];
  /** A note from whoever transcribed the source (OCR gaps, corrections). */
  note?: string;
  origin?: RawOrigin;
}

/** An originating report as a source writes it. */
export interface RawReport {
  title: string;
  /** Who published it, as written ("A joint national report by HMCPSi and HMICFRS"). */
  source?: string;
  reportType?: string;
  published?: string;
  scope?: string;
  /** Further lines of the source's introduction ("There are 9 recommendations; 5 of which apply to force…"). */
  summary?: string;
  url?: string;
  recommendations: RawRecommendation[];
  origin?: RawOrigin;
}

/** A structured source: what the demo data files hold, and what a table is grouped into. */
export interface RawDocument {
  /** What the document is, for messages ("City of London Police HMICFRS recommendations, 2017"). */
  name: string;
  /** The force whose tracker this is ("Lancashire"), used to read scope text. */
  force?: string;
  /**
   * The date the source speaks for, as written ("16 November 2017"): the day its statuses and
   * NEW markers were recorded. Without it, an item's status dates from its last update.
   */
  asAt?: string;
  reports: RawReport[];
}

/** A person as the plan names them: the text as written and, when known, the login to resolve. */
export interface PlannedPerson {
  name: string;
  /** A login or e-mail address to match to a site user (`ensureUser`). */
  login?: string;
  /** The directorate the people table gives the person. */
  directorate?: string;
}

export interface PlannedReport {
  /** Idempotency key of the report. */
  key: string;
  row: number | null;
  report: OriginatingReport;
  /** The source's own introduction lines, kept as written. */
  summary?: string;
}

export interface PlannedAction {
  key: string;
  row: number | null;
  action: Omit<Action, 'recommendationId' | 'owner'>;
  owner?: PlannedPerson;
  /** The status word as the source wrote it and the colour it gave. */
  statusText: string;
  trafficLight: TrafficLight | null;
}

export interface PlannedUpdate {
  key: string;
  row: number | null;
  update: Omit<ProgressUpdate, 'recommendationId'>;
}

export interface PlannedRecommendation {
  key: string;
  reportKey: string;
  row: number | null;
  recommendation: Omit<Recommendation, 'sro' | 'owner' | 'nationalRecommendationId'>;
  sro?: PlannedPerson;
  owner?: PlannedPerson;
  /** The status word as the source wrote it ("NEW GREEN", "Completed"). */
  statusText: string;
  /** The colour the source gave, when it gave one. */
  trafficLight: TrafficLight | null;
  /** Marked NEW by the source: changed since its last report. */
  markedNew: boolean;
  /** The key of the national row this force row repeats, when there is one. */
  nationalKey?: string;
  /** The force's plan ("What?"), when the source gives it as one text. */
  plan?: string;
  actions: PlannedAction[];
  updates: PlannedUpdate[];
}

/** What an import would write: reports, their recommendations with actions and updates, and every problem. */
export interface ImportPlan {
  name: string;
  reports: PlannedReport[];
  recommendations: PlannedRecommendation[];
  problems: ImportProblem[];
}
