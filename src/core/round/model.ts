/**
 * The quarterly update round: before a committee paper, staff ask every owner in scope for word on
 * their open items. The round freezes, when it opens, which items it asks about and who owns them;
 * an item counts as answered once a progress update is posted on it while the round is open (from
 * the owner's round card, or in the tracker); closing the round freezes which items were answered,
 * and the paper issued for the round prints "Awaiting update" only for the others.
 */
import type { IsoDate, IsoInstant, Person } from '../model';
import { readSelectionDirectorates, type PaperSelection } from '../paper/types';
import { wrong, type Checked } from '../storedValues';

export const ROUND_STATUSES = ['Open', 'Closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** One item the round asks about, as it stood when the round opened. */
export interface RoundItem {
  itemId: number;
  ref: string;
  reportId: number | null;
  directorate: string | null;
  owner: Person | null;
  sro: Person | null;
}

/** What closing the round froze. */
export interface RoundClosure {
  at: IsoInstant;
  by: string;
  /** The items answered while the round was open. */
  answered: number[];
  /** The issued paper the round's answers went into, when it was issued at close. */
  paperId: string | null;
}

export interface UpdateRound {
  id?: number;
  /** "Update round: Police Performance Committee, 14 January 2027". */
  title: string;
  /** The committee the paper goes to (its papers form one series of snapshots). */
  committee: string;
  /** Which items the paper, hence the round, covers. */
  selection: PaperSelection;
  /** Owners answer by this date; the SRO hears of those who have not after it. */
  replyBy: IsoDate;
  /** The date of the paper the round feeds. */
  paperDate: IsoDate;
  status: RoundStatus;
  openedBy: string;
  openedAt: IsoInstant;
  items: RoundItem[];
  closure?: RoundClosure;
}

/** What staff fill in to open a round. */
export interface RoundRequest {
  committee: string;
  selection: PaperSelection;
  replyBy: IsoDate;
  paperDate: IsoDate;
}

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

function readPerson(v: unknown): Person | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || typeof v.name !== 'string') return undefined;
  return { name: v.name, ...(typeof v.email === 'string' ? { email: v.email } : {}), ...(isId(v.userId) ? { userId: v.userId } : {}) };
}

/** The round's items as stored (JSON), checked; the problem of the first wrong entry otherwise. */
export function readRoundItems(value: unknown): Checked<RoundItem[]> {
  if (!Array.isArray(value)) return wrong('expectedRoundItems');
  const items: RoundItem[] = [];
  for (const [i, v] of value.entries()) {
    const owner = isObject(v) ? readPerson(v.owner) : undefined;
    const sro = isObject(v) ? readPerson(v.sro) : undefined;
    if (!isObject(v) || !isId(v.itemId) || typeof v.ref !== 'string' || owner === undefined || sro === undefined) return wrong('notRoundItem', i + 1);
    items.push({ itemId: v.itemId, ref: v.ref, reportId: isId(v.reportId) ? v.reportId : null, directorate: typeof v.directorate === 'string' ? v.directorate : null, owner, sro });
  }
  return { ok: true, value: items };
}

/** The round's closure as stored (JSON), checked; its problem otherwise. */
export function readRoundClosure(value: unknown): Checked<RoundClosure> {
  if (!isObject(value) || typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at)) || typeof value.by !== 'string') return wrong('expectedClosure');
  if (!Array.isArray(value.answered) || !value.answered.every(isId)) return wrong('expectedAnswered');
  if (value.paperId !== null && typeof value.paperId !== 'string') return wrong('expectedPaperId');
  return { ok: true, value: { at: value.at, by: value.by, answered: value.answered, paperId: value.paperId } };
}

/** The round's scope as stored (JSON), checked; its problem otherwise. */
export function readRoundSelection(value: unknown): Checked<PaperSelection> {
  if (!isObject(value)) return wrong('expectedScope');
  const selection: PaperSelection = {};
  if (value.reportIds !== undefined) {
    if (!Array.isArray(value.reportIds) || !value.reportIds.every(isId)) return wrong('expectedReportIds');
    selection.reportIds = value.reportIds;
  }
  const directorates = readSelectionDirectorates(value);
  if (directorates === null) return wrong('expectedDirectorates');
  if (directorates.length > 0) selection.directorates = directorates;
  return { ok: true, value: selection };
}
