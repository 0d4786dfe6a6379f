/**
 * The words of the committee paper and the plan update (en-GB), shared by the Word and HTML
 * renderers so both print the same paper.
 */
import { formatUkDate } from '../core/dates';
import type { CommitteePaper, PlanActivity, PlanCommitmentEntry } from '../core/paper';

export const PAPER_STRINGS = {
  summary: 'Summary',
  legendHeading: 'Traffic light definitions',
  legendColumns: ['Traffic light colour', 'Definition'],
  countsColumns: ['Traffic light', 'Items'],
  totals: (paper: CommitteePaper): string =>
    `${paper.summary.total} ${paper.summary.total === 1 ? 'item' : 'items'} in this paper: ${paper.summary.open} open and ${paper.summary.closed} closed.`,
  /** Says what the register holds that the paper could not print, and why; null when nothing was left out. */
  leftOut: (paper: CommitteePaper): string | null =>
    paper.leftOut.length === 0
      ? null
      : `${paper.leftOut.length} ${paper.leftOut.length === 1 ? 'item was' : 'items were'} left out because ${paper.leftOut.length === 1 ? 'it needs' : 'they need'} completing in SharePoint: ${paper.leftOut.map((l) => `${l.item}: ${l.reason}`).join('; ')}.`,
  changesHeading: 'Changes since the previous paper',
  changesLine: (paper: CommitteePaper): string => {
    if (paper.comparedWith === null) return 'This is the first paper: there is no previous paper to compare with.';
    if (paper.comparedWith.kind === 'source' && paper.comparedWith.date === paper.asAt) {
      return `${paper.summary.newCount} NEW and ${paper.summary.closedSinceCount} NEW CLOSED, as the source marked them on ${formatUkDate(paper.asAt)}.`;
    }
    const { newCount, closedSinceCount, noLongerReported } = paper.summary;
    const gone = noLongerReported.length ? ` ${noLongerReported.length} ${noLongerReported.length === 1 ? 'item' : 'items'} of the previous paper no longer reported.` : '';
    return `${newCount} ${newCount === 1 ? 'item is' : 'items are'} NEW and ${closedSinceCount} ${closedSinceCount === 1 ? 'item was' : 'items were'} CLOSED since ${comparedWithText(paper)}.${gone}`;
  },
  changesColumns: ['Report', 'Ref', 'Was', 'Now'],
  newSinceLabel: 'not in the previous paper',
  noLongerReported: 'no longer reported',
  tableColumns: ['Ref', 'Recommendation', 'Status', 'Due date', 'Comment'],
  actionRequired: 'Action required',
  currentPosition: 'Current position',
  original: 'Original',
  nowDue: 'Now due',
  /** Under the due date: the owner's confidence in it. */
  confidence: (value: string): string => `Confidence: ${value}`,
  redHeading: 'RED items and their rationale',
  redNone: 'No item is RED.',
  redColumns: ['Report', 'Ref', 'Recommendation', 'Due date', 'Rationale', 'Overdue'],
  /** Beside a colour that differs from the source's: what the source recorded. */
  sourceRecorded: (label: string, on: string): string => `Source: ${label} on ${formatUkDate(on)}`,
  /** Under the comment: why the colour printed is not the source's. */
  colourWhy: (label: string, on: string, colour: string, reason: string): string => `The source recorded ${label} on ${formatUkDate(on)}; ${colour} here. ${reason}`,
  /** Under the comment: the other row of the same recommendation. */
  sameAs: (same: { kind: 'carried by' | 'repeats'; ref: string; reportTitle: string }): string =>
    same.kind === 'carried by'
      ? `Carried by the force's own row ${same.ref} (${same.reportTitle}): counted there.`
      : `Repeats national recommendation ${same.ref} (${same.reportTitle}).`,
  /** Under the source's scope sentence, when the register counts otherwise. */
  registerCount: (sentence: string): string => `The register counts: ${sentence}`,
  closedHeading: 'Appendix: closed items',
  closedNone: 'No item is closed.',
  closedColumns: ['Report', 'Ref', 'Recommendation', 'Status', 'Closed on', 'Final comment'],
  noRows: 'No open item in this report.',
  /** Under a comment: when it was written, so a stale one shows. */
  commentDate: (date: string): string => `Updated ${formatUkDate(date)}`,
  activityHeading: 'Activity in quarter',
  plannedHeading: 'Future planned activities/events',
  noActivity: 'No progress update was recorded in the quarter.',
  latestProgress: 'Latest progress',
  nothingPlanned: 'None recorded.',
  commissionersUpdate: 'Commissioner’s update',
  preceptHeading: 'Precept Commitments',
  principlesIntro: 'The report updates against each of the key principles within the plan:'
} as const;

/** "the paper of 14 August 2017 (Quarter 2 paper)" or "14 August 2017". */
export function comparedWithText(paper: CommitteePaper): string {
  const c = paper.comparedWith;
  if (c === null) return '';
  if (c.kind === 'source') return `the statuses the source recorded on ${formatUkDate(c.date)}`;
  return c.kind === 'paper' ? `the paper of ${formatUkDate(c.asAt)} (${c.title})` : formatUkDate(c.date);
}

/** The line under the title: the date the paper speaks for and what it is compared with. */
export function paperSubtitle(paper: CommitteePaper): string {
  const position = `Position at ${formatUkDate(paper.asAt)}`;
  const scope = paper.selection.directorate ? `, ${paper.selection.directorate}` : '';
  if (paper.comparedWith === null) return `${position}${scope}.`;
  if (paper.comparedWith.kind === 'source' && paper.comparedWith.date === paper.asAt) return `${position}${scope}. NEW and CLOSED as the source marked them.`;
  return `${position}${scope}. NEW and CLOSED mark changes since ${comparedWithText(paper)}.`;
}

/** Every line of the changes table: changed items, then items the previous paper had and this one has not. */
export function changeRows(paper: CommitteePaper): [string, string, string, string][] {
  return [
    ...paper.summary.changes.map((c): [string, string, string, string] => [c.reportTitle, c.ref, c.from ?? PAPER_STRINGS.newSinceLabel, c.to]),
    ...paper.summary.noLongerReported.map((r): [string, string, string, string] => [r.reportTitle, r.ref, r.was, PAPER_STRINGS.noLongerReported])
  ];
}

/** A paragraph, or a list of bullet points, of stored text. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^[•\-–*]\s+/;

/**
 * Stored text as paragraphs and bullet lists: a line that starts with a bullet ("• ", "- ") is a
 * list item, consecutive items one list; every other non-empty line is a paragraph of its own.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of paragraphs(text)) {
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, '');
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  return blocks;
}

/** Splits stored multi-line text into paragraphs, dropping empty lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * An activity's text without what the commitment printed above it already says: '' when it only
 * repeats the commitment, the rest when it opens with it (a plan imported paragraph by paragraph
 * records a paragraph's opening as the commitment and the whole paragraph as its progress).
 */
export function activityText(commitment: PlanCommitmentEntry, activity: PlanActivity): string {
  const text = activity.text.trim();
  const head = commitment.text.trim();
  if (text === head) return '';
  return head !== '' && text.startsWith(head) ? text.slice(head.length).trim() : activity.text;
}
