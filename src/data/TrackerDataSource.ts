/**
 * What the tracker's screens need from the site, as one interface. Components depend on this, never
 * on PnPjs: the SPFx web part, the Teams tab and the local workbench all pass the same implementation
 * ({@link createDataSource}, built on the data layer), and the screens never build a REST call.
 */
import type { Action, ListedRecommendation, OriginatingReport, Person, ProgressUpdate, Recommendation, ReminderLogEntry, ReminderRuleRecord } from '../core/model';
import type { RoundCardState, RoundProblem, RoundProgress, RoundRequest, UpdateRound } from '../core/round';
import type { RagPolicy } from '../core/status';
import type { Stored } from './errors';
import type { IncompleteItem, ItemVersion } from './repository';
import type { ReminderLogFilter, TrackerData } from './tracker';
import type { ItemMatch } from './pageBuffer';

export type { IncompleteItem, ReminderLogFilter };

/** Where the picker finds people: the site's users, and the directory by address. */
export interface PeopleDirectory {
  /** Site users whose name or e-mail address contains the text (people with no address left out). */
  searchPeople(text: string): Promise<Person[]>;
  /** Makes the person with this e-mail address or login a site user, and returns them. */
  ensurePerson(login: string): Promise<Person>;
}

/** A stored item with the version tag that a later update must quote (optimistic concurrency). */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** A stored item's value with its id. */
export function withId<T>(s: Stored<T>): T & { id: number } {
  return { ...s.value, id: s.id };
}

/** A stored item as a screen holds it: its value (with its id) and version tag. */
export function versioned<T>(s: Stored<T>): Versioned<T & { id: number }> {
  return { value: withId(s), etag: s.etag };
}

/** The stored item a screen's versioned value stands for: its id and the version tag it was read with. */
export function stored<T extends { id: number }>(v: Versioned<T>): Stored<T> {
  return { id: v.value.id, etag: v.etag, value: v.value };
}

/** A recommendation as the grid holds it: the item and its version tag. */
export interface RecommendationRecord {
  recommendation: Recommendation & { id: number };
  etag: string;
}

/**
 * A recommendation as the grid and the dashboard hold it: the columns lists read (the item panel
 * reads the item in full, {@link TrackerDataSource.getRecommendation}) and its version tag.
 */
export interface ListedRecord {
  recommendation: ListedRecommendation & { id: number };
  etag: string;
}

/** Whether two records are of the same recommendation (a saved one and one read, say). */
function sameRecommendation(a: ListedRecord, b: ListedRecord): boolean {
  return a.recommendation.id === b.recommendation.id;
}

/**
 * The version an item's ETag names: SharePoint gives `"4"` in a listing's `odata.etag` and
 * `"<item guid>,4"` in a save's ETag header; null for any other form.
 */
export function etagVersion(etag: string): number | null {
  const m = /^"?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},)?(\d+)"?$/i.exec(etag.trim());
  return m === null ? null : Number(m[1]);
}

/** Records told apart by their recommendation, and versioned by their ETag. */
export const RECOMMENDATION_MATCH: ItemMatch<ListedRecord> = { same: sameRecommendation, version: (r) => etagVersion(r.etag) };

/** An action as a screen holds it: the item and the version tag its next save must quote. */
export type ActionRecord = Versioned<Action & { id: number }>;

/** An originating report with its version tag. */
export type ReportRecord = Versioned<OriginatingReport & { id: number }>;

/** A reminder rule as the rules page holds it: the list record and its version tag. */
export type RuleRecord = Versioned<ReminderRuleRecord & { id: number }>;

/** A Reminder Log entry as the run history holds it: the entry and its version tag. */
export type LogRecord = Versioned<ReminderLogEntry & { id: number }>;

/** One page of the run history, and those entries on it the tracker cannot read. */
export interface LogPage {
  entries: LogRecord[];
  incomplete: IncompleteItem[];
}

/** The signed-in person and what SharePoint lets them do on the tracker's lists. */
export interface TrackerUser {
  id: number;
  name: string;
  email: string;
  /** May read the lists (every site member and visitor). */
  canRead: boolean;
  /** May add and edit items (Contribute or more). */
  canEdit: boolean;
  /** May create lists on the site (site owners): offered "Set up the tracker on this site". */
  canManageLists: boolean;
}

/** A save refused because someone else changed the item first. Carries both versions. */
export interface Conflict<T> {
  /** What the user tried to save. */
  mine: T;
  /** The item as it now stands on the site, with its new version tag. */
  theirs: Versioned<T>;
}

/** Thrown by `save*` when the version tag is stale (HTTP 412). */
export class SaveConflictError<T> extends Error {
  public readonly conflict: Conflict<T>;

  public constructor(conflict: Conflict<T>) {
    super('Someone else changed this item after you opened it.');
    this.name = 'SaveConflictError';
    this.conflict = conflict;
  }
}

export interface TrackerDataSource extends PeopleDirectory {
  /** The signed-in person and their permissions. */
  currentUser(): Promise<TrackerUser>;
  /** True when every list the tracker needs exists. */
  isProvisioned(): Promise<boolean>;
  /** Creates or upgrades the lists (site owners only). */
  provision(): Promise<void>;

  /** Which due date makes an open item RED on this site (Tracker Settings). */
  ragPolicy(): Promise<RagPolicy>;
  /**
   * Records the site's RAG policy (site owners) and rewrites the stored colour of every item it
   * moves; returns how many were rewritten. `seen` is the policy the person was shown: when another
   * site owner has changed it since, nothing is saved and a {@link SaveConflictError} carries the
   * policy the site holds now.
   */
  saveRagPolicy(seen: RagPolicy, next: RagPolicy): Promise<{ changed: number }>;

  listReports(): Promise<(OriginatingReport & { id: number })[]>;
  /** The reports, and those that need completing in SharePoint (no Source, say): shown, never fatal. */
  readReports(): Promise<{ reports: (OriginatingReport & { id: number })[]; incomplete: IncompleteItem[] }>;
  /**
   * Every recommendation as lists read it, page by page: `onPage` receives each page as it arrives
   * so that the grid can show the first rows while the rest load, with the page's items that need
   * completing. Web parts on one page that ask at about the same time share one read.
   */
  loadRecommendations(onPage: (page: ListedRecord[], incomplete: IncompleteItem[]) => void): Promise<void>;
  /** Forgets the page's shared reads of this site (Refresh): the next read goes to SharePoint. */
  forgetReads(): void;
  /**
   * Calls `listener` with every recommendation saved on the page, through this data source or
   * another web part's, so that each shows it; returns the unsubscribe.
   */
  onRecommendationSaved(listener: (saved: RecommendationRecord) => void): () => void;
  getRecommendation(id: number): Promise<RecommendationRecord>;
  /** A recommendation's actions, each with its version tag. */
  listActions(recommendationId: number): Promise<ActionRecord[]>;
  listUpdates(recommendationId: number): Promise<(ProgressUpdate & { id: number })[]>;
  /** The item's versions, newest first: its audit history. */
  history(recommendationId: number): Promise<ItemVersion<Recommendation>[]>;

  /**
   * Saves `next` as the new version of `base` (null creates it). Only changed fields are sent, with
   * the base's version tag: throws {@link SaveConflictError} when someone saved in between.
   */
  saveRecommendation(base: RecommendationRecord | null, next: Recommendation): Promise<RecommendationRecord>;
  /**
   * Saves `next` as the new version of `base` (null creates it), quoting the version tag the user
   * saw: throws {@link SaveConflictError} when someone saved in between. Reports and actions alike.
   */
  saveReport(base: ReportRecord | null, next: OriginatingReport): Promise<ReportRecord>;
  saveAction(base: ActionRecord | null, next: Action): Promise<ActionRecord>;
  addUpdate(update: ProgressUpdate): Promise<ProgressUpdate & { id: number }>;

  /** The Reminder Rules list (site owners), with the records that cannot be read as they stand. */
  listRules(): Promise<{ rules: RuleRecord[]; incomplete: IncompleteItem[] }>;
  /** Saves a rule quoting the version tag the owner saw (null adds it): {@link SaveConflictError} on a 412. */
  saveRule(base: RuleRecord | null, next: ReminderRuleRecord): Promise<RuleRecord>;
  /** Every Reminder Log entry (site owners): when each rule last fired. */
  reminderLog(): Promise<ReminderLogEntry[]>;
  /**
   * The run history (site owners): Reminder Log entries matching `filter`, newest first, a page of
   * `pageSize` per call of `next()`, each page one request.
   */
  reminderHistory(filter: ReminderLogFilter, pageSize: number): AsyncIterator<LogPage>;
  /**
   * Asks the reminder service to send a failed reminder again: saves the request into the entry
   * quoting the version tag the owner saw ({@link SaveConflictError} on a 412, so a second request
   * is never saved over the first); the service honours it at its next flush, under the same
   * delivery id.
   */
  sendAgain(entry: LogRecord, at: Date): Promise<LogRecord>;

  /**
   * The update rounds (staff), built by `load` over this source's data layer and clock. The round
   * page passes src/paper's loader: closing a round issues the committee paper, a layer above this
   * one, and its renderers load on demand with the page.
   */
  updateRounds(load: RoundSourceLoader): Promise<RoundSource>;
}

/** A round as the page holds it, with the version tag its close must quote. */
export type RoundRecord = Versioned<UpdateRound & { id: number }>;

/** What closing did: the round as saved, and its paper or why none was issued. */
export interface RoundClosed {
  round: RoundRecord;
  paperUrl: string | null;
  problem: RoundProblem | null;
}

/** The round page's reads and writes (src/paper/roundSource.ts implements them). */
export interface RoundSource {
  /** Every round, the newest first, and those that need completing. */
  list(): Promise<{ rounds: RoundRecord[]; incomplete: IncompleteItem[] }>;
  /** What a round's scope can be: the reports (not plans) and the directorates of the register. */
  scopeChoices(): Promise<{ reports: { id: number; title: string }[]; directorates: string[] }>;
  standing(round: RoundRecord): Promise<RoundProgress>;
  /** Whether each owner's round card went (Reminder Log), by owner key: whom to chase another way. */
  cards(round: RoundRecord): Promise<Map<string, RoundCardState>>;
  /** The address of the issued paper's printable page, when the library holds it. */
  paperUrl(paperId: string): Promise<string | null>;
  open(request: RoundRequest, by: string): Promise<RoundRecord>;
  /** Closes the round (quoting its version tag) and issues its paper; a closed round without one is issued again. */
  close(round: RoundRecord, by: string): Promise<RoundClosed>;
}

/** Builds the round source over a web part's data layer, with `now` as its clock (src/paper/loadRoundSource.ts). */
export type RoundSourceLoader = (data: TrackerData, now: () => Date) => Promise<RoundSource>;
