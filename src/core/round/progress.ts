/**
 * Who has answered a round, who has not, who asked for more time: per item and per owner. Pure:
 * the items' current state and the progress updates are inputs.
 */
import { formatUkDate } from '../dates';
import { englishText, type Message } from '../messages';
import type { IsoDate, IsoInstant, Person, ProgressUpdate, Recommendation } from '../model';
import { selectRecommendations } from '../paper/build';
import { selectionDirectorates, type PaperSelection } from '../paper/types';
import { isOpen } from '../status';
import type { OriginatingReport } from '../model';
import type { RoundItem, RoundRequest, UpdateRound } from './model';

/** Why a round cannot be opened, closed or have its paper issued, by code. */
export const ROUND_PROBLEM_ENGLISH = {
  noCommittee: 'Name the committee the paper goes to.',
  replyByPassed: 'The reply-by date has passed: choose today or a later day.',
  paperBeforeReplyBy: 'The paper is due before the reply-by date: owners must answer before the paper is written.',
  nobodyToAsk: 'No open item is in this scope, so there is nobody to ask.',
  alreadyClosed: 'This round is already closed.',
  stillOpen: 'The round is still open: close it before the paper is issued for it.',
  /** `{0}`: the paper date; `{1}`: the file issued. */
  paperIssued: 'A paper for {0} has already been issued ({1}); an issued paper is never replaced.'
} as const;
export type RoundProblemCode = keyof typeof ROUND_PROBLEM_ENGLISH;
export type RoundProblem = Message<RoundProblemCode>;

/** Why a round cannot go on, in core's English. */
export function roundProblemText(problem: RoundProblem): string {
  return englishText(problem, ROUND_PROBLEM_ENGLISH);
}

/** A round request that cannot be opened, or a round that cannot be closed: the problems say why. */
export class RoundRequestError extends Error {
  constructor(readonly problems: readonly RoundProblem[]) {
    super(problems.map(roundProblemText).join(' '));
    this.name = 'RoundRequestError';
  }
}

/** The problems of a request on `today`, in the order of the form's fields; empty when it can be opened. */
export function roundRequestProblems(request: RoundRequest, today: IsoDate): RoundProblem[] {
  const problems: RoundProblemCode[] = [];
  if (request.committee.trim() === '') problems.push('noCommittee');
  if (request.replyBy < today) problems.push('replyByPassed');
  if (request.paperDate < request.replyBy) problems.push('paperBeforeReplyBy');
  return problems.map((code) => ({ code, args: [] }));
}

/** The title a round is known by. */
export function roundTitle(committee: string, paperDate: IsoDate): string {
  return `Update round: ${committee.trim()}, ${formatUkDate(paperDate)}`;
}

/**
 * The items a round asks about: the paper's selection, open items only (an item finished needs no
 * word), in the paper's order of reports and references.
 */
export function roundItems(reports: readonly OriginatingReport[], recommendations: readonly Recommendation[], selection: PaperSelection): RoundItem[] {
  return selectRecommendations({ reports: [...reports], recommendations: [...recommendations], selection })
    .filter(({ rec }) => rec.id !== undefined && isOpen(rec.lifecycle))
    .map(({ rec }) => ({ itemId: rec.id as number, ref: rec.ref, reportId: rec.reportId ?? null, directorate: rec.directorate ?? null, owner: rec.owner ?? null, sro: rec.sro ?? null }));
}

/**
 * A new open round. @throws RoundRequestError when the request has a problem, or when nothing in
 * scope is open.
 */
export function openRound(request: RoundRequest, items: RoundItem[], by: { name: string; at: IsoInstant; today: IsoDate }): UpdateRound {
  const problems = roundRequestProblems(request, by.today);
  if (problems.length > 0) throw new RoundRequestError(problems);
  if (items.length === 0) throw new RoundRequestError([{ code: 'nobodyToAsk', args: [] }]);
  const selection: PaperSelection = {
    ...(request.selection.reportIds?.length ? { reportIds: [...request.selection.reportIds] } : {}),
    ...(selectionDirectorates(request.selection).length > 0 ? { directorates: selectionDirectorates(request.selection) } : {})
  };
  return {
    title: roundTitle(request.committee, request.paperDate),
    committee: request.committee.trim(),
    selection,
    replyBy: request.replyBy,
    paperDate: request.paperDate,
    status: 'Open',
    openedBy: by.name,
    openedAt: by.at,
    items
  };
}

/** Whether an update counts as an answer in the round: posted while it was open (instants compared as times: SharePoint drops the milliseconds). */
function inRound(round: UpdateRound, update: ProgressUpdate): boolean {
  const at = Date.parse(update.at);
  const until = round.closure?.at;
  return update.actionId === undefined && at >= Date.parse(round.openedAt) && (until === undefined || at <= Date.parse(until));
}

/** The round's answers: per item, the latest update posted on it while the round was open. */
export function roundAnswers(round: UpdateRound, updates: readonly ProgressUpdate[]): Map<number, ProgressUpdate> {
  const ids = new Set(round.items.map((i) => i.itemId));
  const answers = new Map<number, ProgressUpdate>();
  for (const u of updates) {
    if (!ids.has(u.recommendationId) || !inRound(round, u)) continue;
    const seen = answers.get(u.recommendationId);
    if (seen === undefined || Date.parse(u.at) > Date.parse(seen.at)) answers.set(u.recommendationId, u);
  }
  return answers;
}

/** The items answered in the round: frozen at close, else from the updates so far. */
export function answeredItems(round: UpdateRound, updates: readonly ProgressUpdate[]): Set<number> {
  return round.closure ? new Set(round.closure.answered) : new Set(roundAnswers(round, updates).keys());
}

/** One item's place in the round. */
export interface RoundItemState {
  item: RoundItem;
  /** The answer, when given (its text, who, when). */
  answer: ProgressUpdate | null;
  /** An extension of the due date asked for since the round opened and not yet decided. */
  moreTimeAsked: { proposed: IsoDate; reason: string } | null;
}

/** One owner's part of the round. */
export interface RoundOwnerState {
  /** Lower-cased e-mail, else the name as written: the owner's key. */
  key: string;
  owner: Person | null;
  items: RoundItemState[];
  answered: number;
  moreTime: number;
}

/** The round's standing: per owner (owners who have answered least first), and the totals. */
export interface RoundProgress {
  owners: RoundOwnerState[];
  items: number;
  answered: number;
  /** Owners with every item answered. */
  ownersAnswered: number;
  moreTime: number;
}

/** The key an owner is grouped by. */
export function ownerKey(owner: Person | null): string {
  return owner === null ? '' : (owner.email ?? owner.name).toLowerCase();
}

/** The round's standing from the items as they are now and the updates posted. */
export function roundProgress(round: UpdateRound, current: ReadonlyMap<number, Recommendation>, updates: readonly ProgressUpdate[]): RoundProgress {
  const answers = roundAnswers(round, updates);
  const frozen = round.closure ? new Set(round.closure.answered) : null;
  const byOwner = new Map<string, RoundOwnerState>();
  for (const item of round.items) {
    const rec = current.get(item.itemId);
    const ext = rec?.extension;
    const moreTimeAsked = ext !== undefined && ext.decision === undefined && Date.parse(ext.requestedAt) >= Date.parse(round.openedAt) ? { proposed: ext.proposed, reason: ext.reason } : null;
    const answered = frozen === null || frozen.has(item.itemId) ? (answers.get(item.itemId) ?? null) : null;
    const key = ownerKey(item.owner);
    const state = byOwner.get(key) ?? { key, owner: item.owner, items: [], answered: 0, moreTime: 0 };
    state.items.push({ item, answer: answered, moreTimeAsked });
    if (answered !== null) state.answered += 1;
    if (moreTimeAsked !== null) state.moreTime += 1;
    byOwner.set(key, state);
  }
  const names = new Intl.Collator('en-GB', { sensitivity: 'base' });
  const owners = [...byOwner.values()].sort((a, b) => a.answered / a.items.length - b.answered / b.items.length || names.compare(a.owner?.name ?? '', b.owner?.name ?? ''));
  return {
    owners,
    items: round.items.length,
    answered: owners.reduce((n, o) => n + o.answered, 0),
    ownersAnswered: owners.filter((o) => o.answered === o.items.length).length,
    moreTime: owners.reduce((n, o) => n + o.moreTime, 0)
  };
}

/** The round closed at `at` by `by`: the items answered so far are frozen with it. */
export function closeRound(round: UpdateRound, updates: readonly ProgressUpdate[], by: { name: string; at: IsoInstant }, paperId: string | null = null): UpdateRound {
  if (round.status === 'Closed') throw new RoundRequestError([{ code: 'alreadyClosed', args: [] }]);
  const answered = [...roundAnswers(round, updates.filter((u) => Date.parse(u.at) <= Date.parse(by.at))).keys()].sort((a, b) => a - b);
  return { ...round, status: 'Closed', closure: { at: by.at, by: by.name, answered, paperId } };
}

/** The open round an item is in, if any (the one with the earliest reply-by date when several). */
export function openRoundOf(rounds: readonly UpdateRound[], itemId: number): UpdateRound | null {
  const holding = rounds.filter((r) => r.status === 'Open' && r.items.some((i) => i.itemId === itemId));
  return holding.sort((a, b) => (a.replyBy < b.replyBy ? -1 : a.replyBy > b.replyBy ? 1 : 0))[0] ?? null;
}

/** What the paper issued for a closed round needs: which items it asked about and which were answered. */
export interface RoundAnswers {
  items: number[];
  answered: number[];
}

/** The paper's view of a closed round. @throws RoundRequestError when the round is still open. */
export function paperRound(round: UpdateRound): RoundAnswers {
  if (round.closure === undefined) throw new RoundRequestError([{ code: 'stillOpen', args: [] }]);
  return { items: round.items.map((i) => i.itemId), answered: [...round.closure.answered] };
}
