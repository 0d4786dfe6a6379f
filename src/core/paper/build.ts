/**
 * Builds the committee paper from the register: per originating report its scope sentence and
 * table, NEW and CLOSED against the previous paper's frozen snapshot, RED items with rationale and
 * closed items in an appendix.
 */
import { changeMarker, previousStatus } from '../changes';
import type { StatusPoint } from '../changes';
import { daysBetween, formatUkDate, londonDate } from '../dates';
import type { Action, IsoDate, OriginatingReport, ProgressUpdate, Recommendation } from '../model';
import { countByTrafficLight } from '../reports';
import { scopeCounts, scopeSentence } from '../scope';
import { isClosed, isValidOverride, trafficLight } from '../status';
import type { RagPolicy } from '../status';
import { TRAFFIC_LIGHT_DEFINITIONS, paperDue, publishedLine, reportByLine } from './format';
import type {
  ChangeMarker,
  ClosedRow,
  CommitteePaper,
  PaperActionRow,
  PaperBaseline,
  PaperChange,
  PaperRow,
  PaperSection,
  PaperSelection,
  RedItem,
  SnapshotItem
} from './types';

/** Everything the paper is built from. */
export interface PaperInput {
  reports: OriginatingReport[];
  recommendations: Recommendation[];
  /** Progress updates; the latest per recommendation is the row's comment. */
  updates?: ProgressUpdate[];
  /** Numbered actions, printed under their recommendation. */
  actions?: Action[];
  /** The date the paper speaks for (Europe/London). */
  asAt: IsoDate;
  selection?: PaperSelection;
  baseline?: PaperBaseline;
  title?: string;
  /** Which due date makes an open item RED; the status rules' default when absent. */
  ragPolicy?: RagPolicy;
}

/** The default title, as the City of London paper heads its own. */
export const DEFAULT_PAPER_TITLE = 'HMICFRS Report Recommendations';

/** The key that identifies an item across papers: its list item id, else report title and ref. */
export function itemKey(rec: Recommendation, report: OriginatingReport): string {
  return rec.id !== undefined ? `id:${rec.id}` : `${report.title}#${rec.ref}`;
}

const refOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Which recommendations the selection covers; plan reports only when chosen by id. */
export function selectRecommendations(input: Pick<PaperInput, 'reports' | 'recommendations' | 'selection'>): { rec: Recommendation; report: OriginatingReport }[] {
  const reportsById = new Map<number, OriginatingReport>();
  for (const report of input.reports) if (report.id !== undefined) reportsById.set(report.id, report);
  const chosen = input.selection?.reportIds?.length ? new Set(input.selection.reportIds) : null;
  if (chosen) {
    for (const id of chosen) if (!reportsById.has(id)) throw new Error(`The paper asks for report ${id}, which is not in the register.`);
  }
  const directorate = input.selection?.directorate?.trim().toLowerCase();
  const selected: { rec: Recommendation; report: OriginatingReport }[] = [];
  for (const rec of input.recommendations) {
    if (rec.reportId === undefined) throw new Error(`Recommendation '${rec.ref}' has no originating report.`);
    const report = reportsById.get(rec.reportId);
    if (!report) throw new Error(`Recommendation '${rec.ref}' belongs to report ${rec.reportId}, which is not in the register.`);
    if (chosen ? !chosen.has(rec.reportId) : report.reportType === 'Plan' || rec.kind === 'Plan commitment') continue;
    if (directorate && (rec.directorate ?? '').trim().toLowerCase() !== directorate) continue;
    selected.push({ rec, report });
  }
  return selected;
}

/** The latest progress update on the recommendation itself (not on one of its actions). */
function latestComment(rec: Recommendation, updates: ProgressUpdate[]): { text: string; date: IsoDate | null } {
  let latest: ProgressUpdate | undefined;
  for (const u of updates) {
    if (u.recommendationId !== rec.id || u.actionId !== undefined) continue;
    if (!latest || u.at > latest.at) latest = u;
  }
  if (latest) return { text: latest.text, date: londonDate(latest.at) };
  return { text: rec.latestComment ?? '', date: rec.lastUpdated };
}

/** Why a RED item is red: the hand-set rationale, else the deadline it has passed. */
function redRationale(rec: Recommendation, asAt: IsoDate, policy: RagPolicy | undefined): string {
  if (isValidOverride(rec) && rec.ragOverride) return `Cannot / will not be implemented: ${rec.ragOverride.rationale}`;
  const { original, current } = rec.due;
  const deadline = policy?.overdueAgainst === 'original' ? (original ?? current) : current;
  if (deadline !== null && deadline < asAt) {
    const days = daysBetween(deadline, asAt);
    const now = current !== null && current !== deadline ? ` Now due ${formatUkDate(current)}.` : '';
    const was = original !== null && original !== deadline ? ` Originally due ${formatUkDate(original)}.` : '';
    return `Past its due date of ${formatUkDate(deadline)}: ${days} ${days === 1 ? 'day' : 'days'} overdue.${now}${was}`;
  }
  if (rec.due.kind === 'awaiting new timescale') return 'Past its deadline and awaiting a new timescale.';
  return 'Beyond its designated deadline.';
}

/** The day an item was closed: the last change into a closed state in its history. */
function closedOn(rec: Recommendation): IsoDate | null {
  let at: string | null = null;
  for (const change of rec.history) {
    if (isClosed(change.lifecycle) && (at === null || change.at > at)) at = change.at;
  }
  return at ? londonDate(at) : null;
}

function actionRows(rec: Recommendation, actions: Action[]): PaperActionRow[] {
  return actions
    .filter((a) => rec.id !== undefined && a.recommendationId === rec.id)
    .sort((a, b) => refOrder.compare(a.ref, b.ref))
    .map((a) => ({ ref: a.ref, text: a.text, lifecycle: a.lifecycle, due: paperDue(a.due), currentPosition: a.currentPosition ?? '' }));
}

/** Where a baseline says an item stood at the previous paper; `undefined` when it was not there. */
function previousLookup(baseline: PaperBaseline, policy: RagPolicy | undefined): ((key: string, rec: Recommendation) => StatusPoint | undefined) | null {
  switch (baseline.kind) {
    case 'snapshot': {
      const byKey = new Map<string, SnapshotItem>();
      for (const item of baseline.snapshot.items) byKey.set(item.key, item);
      return (key) => {
        const item = byKey.get(key);
        return item ? { lifecycle: item.lifecycle, trafficLight: item.trafficLight } : undefined;
      };
    }
    case 'date':
      return (_key, rec) => previousStatus(rec, baseline.date, policy);
    case 'none':
      return null;
  }
}

/**
 * Builds the committee paper. Pure: the paper date is an input, and the previous paper's statuses
 * come from its frozen snapshot (or, with no issued paper, from each item's history at a date).
 * Throws an Error naming the item when a recommendation's report is missing.
 */
export function buildCommitteePaper(input: PaperInput): CommitteePaper {
  const baseline = input.baseline ?? { kind: 'none' };
  const previous = previousLookup(baseline, input.ragPolicy);
  const updates = input.updates ?? [];
  const actions = input.actions ?? [];
  const selected = selectRecommendations(input);

  const changes: PaperChange[] = [];
  const redItems: RedItem[] = [];
  const closedItems: ClosedRow[] = [];
  const items: SnapshotItem[] = [];
  const sectionsByReport = new Map<OriginatingReport, { recs: Recommendation[]; rows: PaperRow[] }>();
  let closed = 0;
  let newCount = 0;
  let closedSinceCount = 0;

  for (const { rec, report } of selected) {
    const key = itemKey(rec, report);
    const colour = trafficLight(rec, input.asAt, input.ragPolicy);
    const closedNow = isClosed(rec.lifecycle);
    const before = previous ? previous(key, rec) : undefined;
    const change = previous ? changeMarker({ lifecycle: rec.lifecycle, trafficLight: colour }, before) : { marker: null, label: colour };
    const marker: ChangeMarker | null = change.marker;
    const comment = latestComment(rec, updates);
    const due = paperDue(rec.due);

    items.push({
      key,
      recommendationId: rec.id ?? null,
      reportId: report.id ?? null,
      reportTitle: report.title,
      ref: rec.ref,
      text: rec.text,
      lifecycle: rec.lifecycle,
      trafficLight: colour,
      statusLabel: change.label,
      due: { kind: rec.due.kind, original: rec.due.original, current: rec.due.current, raw: rec.due.raw },
      comment: comment.text
    });
    if (closedNow) closed += 1;
    if (marker === 'NEW') newCount += 1;
    if (marker === 'CLOSED') closedSinceCount += 1;
    if (marker) changes.push({ key, reportTitle: report.title, ref: rec.ref, marker, from: before ? (isClosed(before.lifecycle) ? 'CLOSED' : before.trafficLight) : null, to: change.label });

    let section = sectionsByReport.get(report);
    if (!section) {
      section = { recs: [], rows: [] };
      sectionsByReport.set(report, section);
    }
    section.recs.push(rec);

    const red = colour === 'RED' ? redRationale(rec, input.asAt, input.ragPolicy) : null;
    if (red !== null && !closedNow) redItems.push({ key, reportTitle: report.title, ref: rec.ref, text: rec.text, rationale: red, due });
    if (closedNow) {
      closedItems.push({ key, reportTitle: report.title, ref: rec.ref, text: rec.text, lifecycle: rec.lifecycle, closedOn: closedOn(rec), comment: comment.text });
    }
    // Items already reported closed live in the appendix only; newly closed ones show as NEW CLOSED.
    if (closedNow && marker !== 'CLOSED') continue;
    section.rows.push({
      key,
      recommendationId: rec.id ?? null,
      ref: rec.ref,
      kind: rec.kind,
      text: rec.text,
      lifecycle: rec.lifecycle,
      trafficLight: colour,
      marker,
      statusLabel: change.label,
      due,
      comment: comment.text,
      commentDate: comment.date,
      redRationale: red,
      actions: actionRows(rec, actions)
    });
  }

  const sections: PaperSection[] = [...sectionsByReport.entries()]
    .map(([report, { recs, rows }]) => ({
      reportId: report.id ?? null,
      title: report.title,
      source: report.source,
      reportType: report.reportType,
      published: report.published,
      byLine: reportByLine(report),
      publishedLine: publishedLine(report),
      scopeSentence: scopeSentence(scopeCounts(recs)),
      rows: rows.sort((a, b) => refOrder.compare(a.ref, b.ref))
    }))
    // Newest report first, as committees read them.
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));

  const reported = new Set(items.map((i) => i.key));
  const noLongerReported =
    baseline.kind === 'snapshot'
      ? baseline.snapshot.items.filter((i) => !reported.has(i.key)).map((i) => ({ key: i.key, reportTitle: i.reportTitle, ref: i.ref, was: i.statusLabel }))
      : [];

  const comparedWith: CommitteePaper['comparedWith'] =
    baseline.kind === 'snapshot'
      ? { kind: 'paper', paperId: baseline.snapshot.paperId, title: baseline.snapshot.title, asAt: baseline.snapshot.asAt }
      : baseline.kind === 'date'
        ? { kind: 'date', date: baseline.date }
        : null;

  return {
    title: input.title ?? DEFAULT_PAPER_TITLE,
    asAt: input.asAt,
    selection: input.selection ?? {},
    comparedWith,
    legend: TRAFFIC_LIGHT_DEFINITIONS,
    summary: {
      total: selected.length,
      open: selected.length - closed,
      closed,
      byTrafficLight: countByTrafficLight(selected.map((s) => s.rec), input.asAt, input.ragPolicy),
      newCount,
      closedSinceCount,
      changes,
      noLongerReported
    },
    sections,
    redItems,
    closedItems: closedItems.sort((a, b) => a.reportTitle.localeCompare(b.reportTitle) || refOrder.compare(a.ref, b.ref)),
    items
  };
}
