/**
 * Builds the committee paper from the register: per originating report its scope sentence and
 * table, NEW and CLOSED against the previous paper's frozen snapshot, RED items with rationale and
 * closed items in an appendix.
 */
import { changeMarker, previousStatus, statusAt } from '../changeMarkers';
import type { ChangeMark, StatusPoint } from '../changeMarkers';
import { daysBetween, formatUkDate, londonDate } from '../dates';
import type { Action, DueDate, IsoDate, OriginatingReport, ProgressUpdate, Recommendation, RecordedStatus } from '../model';
import { countByTrafficLight, countedOnce, sameRecommendationAs } from '../colourCounts';
import { readScopeCounts } from '../import/summaryText';
import { ACTION_NOUN, RECOMMENDATION_NOUN, scopeCounts, scopeSentence } from '../scope';
import type { ScopeCounts } from '../scope';
import { DEFAULT_RAG_POLICY, colourDifference, colourReasonText, deadlineFor, isFinished, isOpen, isValidOverride, ragPolicyStatement, trafficLight } from '../status';
import type { RagFacts, RagPolicy } from '../status';
import { AWAITING_UPDATE, TRAFFIC_LIGHT_DEFINITIONS, paperDue, publishedLine, reportByLine } from './format';
import type {
  ChangeMarker,
  ClosedRow,
  CommitteePaper,
  LeftOutItem,
  PaperActionRow,
  PaperBaseline,
  PaperChange,
  PaperColourNote,
  PaperRow,
  PaperSection,
  PaperSelection,
  RedItem,
  RedRationale,
  SnapshotItem
} from './types';
import { selectionDirectorates } from './types';

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
  /** Items of the register that need completing, which the reader could not pass on: printed as left out. */
  leftOut?: LeftOutItem[];
  /**
   * The closed update round the paper is for (core/round): "Awaiting update" is then printed for
   * exactly the round's items whose owner did not answer, and for no other item.
   */
  round?: { items: readonly number[]; answered: readonly number[] };
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
  const directorates = new Set(selectionDirectorates(input.selection).map((d) => d.toLowerCase()));
  const selected: { rec: Recommendation; report: OriginatingReport }[] = [];
  for (const rec of input.recommendations) {
    if (rec.reportId === undefined) throw new Error(`Recommendation '${rec.ref}' has no originating report.`);
    const report = reportsById.get(rec.reportId);
    if (!report) throw new Error(`Recommendation '${rec.ref}' belongs to report ${rec.reportId}, which is not in the register.`);
    if (chosen ? !chosen.has(rec.reportId) : report.reportType === 'Plan' || rec.kind === 'Plan commitment') continue;
    if (directorates.size > 0 && !directorates.has((rec.directorate ?? '').trim().toLowerCase())) continue;
    selected.push({ rec, report });
  }
  return selected;
}

/**
 * The latest progress update on the recommendation itself (not on one of its actions), else its
 * latest comment; `awaiting` for an open item with neither and no action reporting its position:
 * the owner has given no word at all, and the paper prints "Awaiting update".
 */
function latestComment(rec: Recommendation, updates: ProgressUpdate[], actions: Action[], round: PaperInput['round']): { text: string; date: IsoDate | null; awaiting: boolean } {
  const said = ownWord(rec, updates, actions);
  if (round === undefined || rec.id === undefined) return said;
  // A paper for a round: the round's answer is the source. An item asked about and not answered
  // awaits an update, whatever was said before; every other item prints what was last said.
  const awaiting = round.items.includes(rec.id) && !round.answered.includes(rec.id);
  return { ...said, date: awaiting ? null : said.date, awaiting };
}

/** What the owner last said of an item, and whether (outside a round) they have given no word at all. */
function ownWord(rec: Recommendation, updates: ProgressUpdate[], actions: Action[]): { text: string; date: IsoDate | null; awaiting: boolean } {
  let latest: ProgressUpdate | undefined;
  for (const u of updates) {
    if (u.recommendationId !== rec.id || u.actionId !== undefined) continue;
    if (!latest || u.at > latest.at) latest = u;
  }
  if (latest) return { text: latest.text, date: londonDate(latest.at), awaiting: false };
  const comment = rec.latestComment?.trim() ?? '';
  const actionsReport = actions.some((a) => a.recommendationId === rec.id && (a.currentPosition ?? '').trim() !== '');
  const awaiting = comment === '' && isOpen(rec.lifecycle) && !actionsReport;
  return { text: rec.latestComment ?? '', date: awaiting ? null : rec.lastUpdated, awaiting };
}

/** Why a RED item is red: the owner's reason (a hand-set rationale, else their latest comment) and, beside it, the deadline passed. */
function redRationale(rec: Recommendation, comment: string, asAt: IsoDate, policy: RagPolicy | undefined): RedRationale {
  const reason = isValidOverride(rec) && rec.ragOverride ? `Cannot / will not be implemented: ${rec.ragOverride.rationale}` : comment.trim() || 'No reason recorded by the owner: awaiting update.';
  return { reason, overdue: overdueNote(rec.due, asAt, policy) };
}

/** "200 days past its original deadline of 30 April 2017 (now due 28 February 2018)", or null. */
function overdueNote(due: DueDate, asAt: IsoDate, policy: RagPolicy | undefined): string | null {
  const deadline = deadlineFor(due, policy);
  if (deadline === null || deadline >= asAt) return due.kind === 'awaiting new timescale' ? 'Past its deadline and awaiting a new timescale.' : null;
  const days = daysBetween(deadline, asAt);
  const original = policy?.overdueAgainst === 'original' && due.original !== null && due.current !== null && due.current !== due.original;
  const now = original && due.current !== null ? ` (now due ${formatUkDate(due.current)})` : '';
  const awaiting = due.kind === 'awaiting new timescale' ? '; awaiting a new timescale' : '';
  return `${days} ${days === 1 ? 'day' : 'days'} past its ${original ? 'original ' : ''}deadline of ${formatUkDate(deadline)}${now}${awaiting}.`;
}

/** The day an item was closed: the last change into a closed state in its history, never after the paper's date. */
function closedOn(rec: Recommendation, asAt: IsoDate): IsoDate | null {
  let at: string | null = null;
  for (const change of rec.history) {
    if (isFinished(change.lifecycle) && (at === null || change.at > at)) at = change.at;
  }
  const day = at ? londonDate(at) : null;
  return day !== null && day <= asAt ? day : null;
}

/** The source's colour beside the derived one, when they differ. */
function colourNote(facts: RagFacts & Pick<Recommendation, 'addressee' | 'recorded'>, asAt: IsoDate, policy: RagPolicy | undefined): PaperColourNote | null {
  const diff = colourDifference(facts, asAt, policy);
  return diff ? { recordedLabel: diff.recorded.label, recordedOn: diff.recorded.on, reason: colourReasonText(diff.reason) } : null;
}

/**
 * Where an item stood at the previous paper when no issued paper is on record: the source it was
 * imported from is that paper. On the source's own date its markers are reproduced as it printed
 * them; later, what it recorded is the previous status. Undefined when it recorded nothing.
 */
function sourceMark(recorded: RecordedStatus | undefined, current: StatusPoint, asAt: IsoDate): ChangeMark | undefined {
  if (recorded === undefined || recorded.on > asAt) return undefined;
  if (recorded.on === asAt) {
    if (recorded.marker === 'CLOSED' || (isFinished(current.lifecycle) && recorded.marker === null)) {
      return recorded.marker === 'CLOSED' ? { marker: 'CLOSED', label: 'NEW CLOSED' } : { marker: null, label: 'CLOSED' };
    }
    return recorded.marker === 'NEW' ? { marker: 'NEW', label: `NEW ${current.trafficLight}` } : { marker: null, label: current.trafficLight };
  }
  return changeMarker(current, recordedPoint(recorded, current));
}

/** What the source recorded, as a status point (an unnamed colour taken as the current one). */
function recordedPoint(recorded: RecordedStatus, current: StatusPoint): StatusPoint {
  const closed = recorded.marker === 'CLOSED' || /\bclosed\b/i.test(recorded.label);
  return { lifecycle: closed ? 'Closed by the force' : isFinished(current.lifecycle) ? 'Being progressed' : current.lifecycle, trafficLight: recorded.colour ?? current.trafficLight };
}

/**
 * The previous status at a date before the source's own, from which history has nothing: the
 * source says what changed since its previous paper (NEW), and so what did not.
 */
function beforeSource(recorded: RecordedStatus, current: StatusPoint): StatusPoint | undefined {
  if (recorded.marker === 'NEW') return undefined;
  if (recorded.marker === 'CLOSED') return { lifecycle: 'Being progressed', trafficLight: recorded.colour ?? 'AMBER' };
  return recordedPoint(recorded, current);
}

function actionRows(rec: Recommendation, actions: Action[], asAt: IsoDate, policy: RagPolicy | undefined): PaperActionRow[] {
  return actions
    .filter((a) => rec.id !== undefined && a.recommendationId === rec.id)
    .sort((a, b) => refOrder.compare(a.ref, b.ref))
    .map((a) => {
      const facts = { ...rec, lifecycle: a.lifecycle, due: a.due, recorded: a.recorded, ragOverride: undefined };
      const colour = trafficLight(facts, asAt, policy);
      const mark = sourceMark(a.recorded, { lifecycle: a.lifecycle, trafficLight: colour }, asAt) ?? { marker: null, label: isFinished(a.lifecycle) ? 'CLOSED' : colour };
      return {
        ref: a.ref,
        text: a.text,
        lifecycle: a.lifecycle,
        trafficLight: colour,
        marker: mark.marker,
        statusLabel: mark.label,
        colourNote: colourNote(facts, asAt, policy),
        due: paperDue(a.due),
        currentPosition: a.currentPosition ?? ''
      };
    });
}

/** Where a baseline says an item stood at the previous paper; `undefined` when it was not there. */
function previousLookup(baseline: PaperBaseline, policy: RagPolicy | undefined): ((key: string, rec: Recommendation, current: StatusPoint) => StatusPoint | undefined) | null {
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
      return (_key, rec, current) => {
        const known = statusAt(rec.history, baseline.date);
        if (known === undefined && rec.recorded && baseline.date < rec.recorded.on) return beforeSource(rec.recorded, current);
        return previousStatus(rec, baseline.date, policy);
      };
    case 'none':
      return null;
  }
}

/** The counts the register's items and the report's own count of what it made give. */
function registerCounts(report: OriginatingReport, recs: Recommendation[]): ScopeCounts {
  const counts = scopeCounts(recs);
  const made = report.made ?? 0;
  if (made <= counts.total) return counts;
  // What the report made beyond the register: the force's share closed before the register was
  // kept, the rest national or for other bodies.
  const missingForce = Math.max(0, Math.min(made - counts.total, (report.madeForForce ?? counts.applyToForce) - counts.applyToForce));
  const missingElsewhere = made - counts.total - missingForce;
  return {
    total: made,
    nationalOrOther: counts.nationalOrOther + missingElsewhere,
    national: counts.national + missingElsewhere,
    otherBody: counts.otherBody,
    applyToForce: counts.applyToForce + missingForce,
    complete: counts.complete + missingForce,
    inProgress: counts.inProgress,
    noFurtherAction: counts.noFurtherAction
  };
}

/** True when a source's scope sentence states a count the register does not give. */
function countsDiffer(sentence: string, ours: ScopeCounts): boolean {
  const stated = readScopeCounts(sentence);
  if (stated === null) return false;
  const differs = (theirs: number | undefined, mine: number): boolean => theirs !== undefined && theirs !== mine;
  return differs(stated.made, ours.total) || differs(stated.forForce, ours.applyToForce) || differs(stated.complete, ours.complete) || differs(stated.inProgress, ours.inProgress);
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
  // One recommendation, one count: a national row that a force row repeats is counted there.
  const counted = countedOnce(selected.map((s) => s.rec));
  const reportOf = new Map(selected.map((s) => [s.rec.id, s.report]));
  const other = sameRecommendationAs(selected.map((s) => s.rec));
  const sameAs = (rec: Recommendation): PaperRow['sameAs'] => {
    const same = other(rec);
    return same ? { kind: same.kind, ref: same.other.ref, reportTitle: reportOf.get(same.other.id)?.title ?? '' } : null;
  };

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
    const closedNow = isFinished(rec.lifecycle);
    const current: StatusPoint = { lifecycle: rec.lifecycle, trafficLight: colour };
    const before = previous ? previous(key, rec, current) : rec.recorded && rec.recorded.on < input.asAt ? recordedPoint(rec.recorded, current) : undefined;
    const change = previous ? changeMarker(current, before) : (sourceMark(rec.recorded, current, input.asAt) ?? { marker: null, label: closedNow ? 'CLOSED' : colour });
    const marker: ChangeMarker | null = change.marker;
    const comment = latestComment(rec, updates, actions, input.round);
    const printedComment = comment.awaiting ? AWAITING_UPDATE : comment.text;
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
      comment: printedComment
    });
    if (closedNow && other(rec)?.kind !== 'carried by') closed += 1;
    if (marker === 'NEW') newCount += 1;
    if (marker === 'CLOSED') closedSinceCount += 1;
    if (marker) changes.push({ key, reportTitle: report.title, ref: rec.ref, marker, from: before ? (isFinished(before.lifecycle) ? 'CLOSED' : before.trafficLight) : null, to: change.label });

    let section = sectionsByReport.get(report);
    if (!section) {
      section = { recs: [], rows: [] };
      sectionsByReport.set(report, section);
    }
    section.recs.push(rec);

    const red = colour === 'RED' ? redRationale(rec, comment.text, input.asAt, input.ragPolicy) : null;
    if (red !== null && !closedNow) redItems.push({ key, reportTitle: report.title, ref: rec.ref, text: rec.text, rationale: red, due });
    if (closedNow) {
      closedItems.push({ key, reportTitle: report.title, ref: rec.ref, text: rec.text, lifecycle: rec.lifecycle, closedOn: closedOn(rec, input.asAt), comment: printedComment });
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
      comment: printedComment,
      commentDate: comment.date,
      confidence: rec.confidence ?? rec.confidenceAsWritten ?? '',
      redRationale: red,
      colourNote: colourNote(rec, input.asAt, input.ragPolicy),
      sameAs: sameAs(rec),
      actions: actionRows(rec, actions, input.asAt, input.ragPolicy)
    });
  }

  const sections: PaperSection[] = [...sectionsByReport.entries()]
    .map(([report, { recs, rows }]) => {
      const counts = registerCounts(report, recs);
      // Counted in the source's own noun: some papers count a report's "actions".
      const noun = report.recordedScope && readScopeCounts(report.recordedScope.sentence)?.noun === 'action' ? ACTION_NOUN : RECOMMENDATION_NOUN;
      const ours = scopeSentence(counts, noun);
      // On the source's own date the paper says what the source said; the register's count is shown beside it when it differs.
      const theirs = report.recordedScope && report.recordedScope.on === input.asAt ? report.recordedScope.sentence : null;
      return {
        reportId: report.id ?? null,
        title: report.title,
        source: report.source,
        reportType: report.reportType,
        published: report.published,
        byLine: reportByLine(report),
        publishedLine: publishedLine(report),
        scopeSentence: theirs ?? ours,
        registerScopeSentence: theirs !== null && countsDiffer(theirs, counts) ? ours : null,
        rows: rows.sort((a, b) => refOrder.compare(a.ref, b.ref))
      };
    })
    // Newest report first, as committees read them; reports of one month in the register's order
    // (the order the source listed them in), then by title.
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || (a.reportId ?? Infinity) - (b.reportId ?? Infinity) || a.title.localeCompare(b.title));

  const reported = new Set(items.map((i) => i.key));
  const noLongerReported =
    baseline.kind === 'snapshot'
      ? baseline.snapshot.items.filter((i) => !reported.has(i.key)).map((i) => ({ key: i.key, reportTitle: i.reportTitle, ref: i.ref, was: i.statusLabel }))
      : [];

  const sourceDates = selected.map((s) => s.rec.recorded?.on).filter((d): d is IsoDate => d !== undefined && d <= input.asAt);
  const comparedWith: CommitteePaper['comparedWith'] =
    baseline.kind === 'snapshot'
      ? { kind: 'paper', paperId: baseline.snapshot.paperId, title: baseline.snapshot.title, asAt: baseline.snapshot.asAt }
      : baseline.kind === 'date'
        ? { kind: 'date', date: baseline.date }
        : sourceDates.length > 0
          ? { kind: 'source', date: sourceDates.reduce((a, b) => (a > b ? a : b)) }
          : null;

  return {
    title: input.title ?? DEFAULT_PAPER_TITLE,
    asAt: input.asAt,
    selection: input.selection ?? {},
    comparedWith,
    legend: TRAFFIC_LIGHT_DEFINITIONS,
    ragPolicyStatement: ragPolicyStatement(input.ragPolicy ?? DEFAULT_RAG_POLICY),
    summary: {
      total: counted.length,
      open: counted.length - closed,
      closed,
      byTrafficLight: countByTrafficLight(counted, input.asAt, input.ragPolicy),
      newCount,
      closedSinceCount,
      changes,
      noLongerReported
    },
    sections,
    redItems,
    closedItems: closedItems.sort((a, b) => a.reportTitle.localeCompare(b.reportTitle) || refOrder.compare(a.ref, b.ref)),
    items,
    leftOut: input.leftOut ?? []
  };
}
