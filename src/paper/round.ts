/**
 * Opening and closing an update round on a site (core/round). Closing freezes the answered items
 * and issues the round's committee paper with them, so that the paper (and its snapshot, the next
 * paper's baseline) says "Awaiting update" exactly for the items whose owner did not answer.
 * Browser-safe: the round page (loaded on demand) and the demo seed call it.
 */
import { londonDate } from '../core/dates';
import type { IsoInstant, Recommendation } from '../core/model';
import { closeRound, openRound, paperRound, roundItems, roundProgress, type RoundProblem, type RoundProgress, type RoundRequest, type UpdateRound } from '../core/round';
import type { Stored, TrackerData } from '../data';
import { issueCommitteePaper, PaperAlreadyIssuedError, type PaperData } from './issue';

/** The repositories a round reads and writes. */
export type RoundData = PaperData & Pick<TrackerData, 'rounds'>;

/** Who acts, and when. */
export interface RoundActor {
  name: string;
  at: IsoInstant;
}

/**
 * Opens a round: the open items in scope, with their owners and SROs as they stand, are frozen in
 * it; the reminder service sends each owner their card. @throws RoundRequestError with the problem.
 */
export async function openUpdateRound(data: RoundData, request: RoundRequest, by: RoundActor): Promise<Stored<UpdateRound>> {
  const [reports, recommendations] = await Promise.all([data.reports.read(), data.recommendations.read()]);
  const items = roundItems(
    reports.items.map((r) => ({ ...r.value, id: r.id })),
    recommendations.items.map((r) => ({ ...r.value, id: r.id })),
    request.selection
  );
  return data.rounds.add(openRound(request, items, { name: by.name, at: by.at, today: londonDate(by.at) }));
}

/** The round's standing now: per owner and item, answered or not, more time asked. */
export async function updateRoundStanding(data: RoundData, round: UpdateRound): Promise<RoundProgress> {
  const ids = new Set(round.items.map((i) => i.itemId));
  const [recommendations, updates] = await Promise.all([data.recommendations.read(), data.updates.since(round.openedAt)]);
  const current = new Map<number, Recommendation>(recommendations.items.filter((r) => ids.has(r.id)).map((r) => [r.id, r.value]));
  return roundProgress(round, current, updates.map((u) => u.value));
}

/** What closing did: the round as saved, and its paper (or why it could not be issued). */
export interface ClosedRound {
  round: Stored<UpdateRound>;
  paper: { paperId: string; htmlUrl: string } | null;
  problem: RoundProblem | null;
}

/**
 * Closes the round, quoting the version the person saw (a round changed meanwhile is a
 * ConflictError), then issues its paper for the paper date. A paper already issued for that
 * committee and date is not replaced: the round stays closed and the problem is returned.
 */
export async function closeUpdateRound(data: RoundData, round: Stored<UpdateRound>, by: RoundActor): Promise<ClosedRound> {
  const updates = await data.updates.since(round.value.openedAt);
  const closed = await data.rounds.update(round, closeRound(round.value, updates.map((u) => u.value), by));
  return issueRoundPaper(data, closed, by);
}

/** Issues the paper of a closed round and records it on the round. */
export async function issueRoundPaper(data: RoundData, round: Stored<UpdateRound>, by: RoundActor): Promise<ClosedRound> {
  const value = round.value;
  try {
    const issued = await issueCommitteePaper(data, {
      asAt: value.paperDate,
      committee: value.committee,
      selection: value.selection,
      round: paperRound(value),
      issuedAt: by.at,
      issuedBy: by.name
    });
    const closure = value.closure === undefined ? undefined : { ...value.closure, paperId: issued.snapshot.paperId };
    const saved = await data.rounds.update(round, { ...value, ...(closure === undefined ? {} : { closure }) });
    return { round: saved, paper: { paperId: issued.snapshot.paperId, htmlUrl: issued.files.html.serverRelativeUrl }, problem: null };
  } catch (e) {
    if (e instanceof PaperAlreadyIssuedError) return { round, paper: null, problem: e.problem };
    throw e;
  }
}
