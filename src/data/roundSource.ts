/**
 * The update rounds for the round page, on the data layer (src/paper/round.ts). Loaded on demand
 * with the page: closing a round issues the paper, whose Word renderer never joins the grid's bundle.
 */
import type { OriginatingReport } from '../core/model';
import { ROUND_OPEN_RULE, roundCardStates, type RoundCardState, type RoundProgress, type RoundRequest, type UpdateRound } from '../core/round';
import { roundOccurrence } from '../core/reminders/keys';
import type { TrackerData } from './tracker';
import { closeUpdateRound, issueRoundPaper, openUpdateRound, updateRoundStanding } from '../paper/round';
import { stored, versioned, type IncompleteItem, type Versioned } from './TrackerDataSource';

/** A round as the page holds it, with the version tag its close must quote. */
export type RoundRecord = Versioned<UpdateRound & { id: number }>;

/** What closing did: the round as saved, and its paper or why none was issued. */
export interface RoundClosed {
  round: RoundRecord;
  paperUrl: string | null;
  problem: string | null;
}

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

/** The round source over the web part's data layer; `now` is the clock (fixed in the workbench's tests). */
export function createRoundSource(data: TrackerData, now: () => Date): RoundSource {
  const paperUrl = async (paperId: string): Promise<string | null> => (await data.papers.list('Paper')).find((f) => f.name === `${paperId}.html`)?.serverRelativeUrl ?? null;
  return {
    async list() {
      const read = await data.rounds.read({ orderBy: [{ field: 'Id', ascending: false }] });
      return { rounds: read.items.map(versioned), incomplete: read.incomplete };
    },
    async scopeChoices() {
      const [reports, recommendations] = await Promise.all([data.reports.read(), data.recommendations.read()]);
      const titles = new Intl.Collator('en-GB', { sensitivity: 'base' });
      const listed = reports.items.filter((r) => r.value.reportType !== 'Plan').map((r): { id: number; title: string } => ({ id: r.id, title: (r.value as OriginatingReport).title }));
      const directorates = [...new Set(recommendations.items.map((r) => r.value.directorate?.trim() ?? '').filter((d) => d !== ''))];
      return { reports: listed.sort((a, b) => titles.compare(a.title, b.title)), directorates: directorates.sort(titles.compare) };
    },
    standing: (round) => updateRoundStanding(data, round.value),
    async cards(round) {
      return roundCardStates(round.value, (await data.reminderLog.byOccurrence(ROUND_OPEN_RULE, roundOccurrence(round.value.id))).map((s) => s.value));
    },
    paperUrl,
    async open(request, by) {
      return versioned(await openUpdateRound(data, request, { name: by, at: now().toISOString() }));
    },
    async close(round, by) {
      const actor = { name: by, at: now().toISOString() };
      const closed = round.value.status === 'Open' ? await closeUpdateRound(data, stored(round), actor) : await issueRoundPaper(data, stored(round), actor);
      return { round: versioned(closed.round), paperUrl: closed.paper?.htmlUrl ?? null, problem: closed.problem };
    }
  };
}
