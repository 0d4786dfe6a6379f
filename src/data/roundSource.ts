/**
 * The update rounds for the round page, on the data layer (src/paper/round.ts). Loaded on demand
 * with the page: closing a round issues the paper, whose Word renderer never joins the grid's bundle.
 */
import type { OriginatingReport } from '../core/model';
import type { RoundProgress, RoundRequest, UpdateRound } from '../core/round';
import type { Stored } from './errors';
import type { TrackerData } from './tracker';
import { closeUpdateRound, issueRoundPaper, openUpdateRound, updateRoundStanding } from '../paper/round';
import type { IncompleteItem, Versioned } from './TrackerDataSource';

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
  /** The address of the issued paper's printable page, when the library holds it. */
  paperUrl(paperId: string): Promise<string | null>;
  open(request: RoundRequest, by: string): Promise<RoundRecord>;
  /** Closes the round (quoting its version tag) and issues its paper; a closed round without one is issued again. */
  close(round: RoundRecord, by: string): Promise<RoundClosed>;
}

const record = (s: Stored<UpdateRound>): RoundRecord => ({ value: { ...s.value, id: s.id }, etag: s.etag });
const stored = (r: RoundRecord): Stored<UpdateRound> => ({ id: r.value.id, etag: r.etag, value: r.value });

/** The round source over the web part's data layer; `now` is the clock (fixed in the workbench's tests). */
export function createRoundSource(data: TrackerData, now: () => Date): RoundSource {
  const paperUrl = async (paperId: string): Promise<string | null> => (await data.papers.list('Paper')).find((f) => f.name === `${paperId}.html`)?.serverRelativeUrl ?? null;
  return {
    async list() {
      const read = await data.rounds.read({ orderBy: [{ field: 'Id', ascending: false }] });
      return { rounds: read.items.map(record), incomplete: read.incomplete };
    },
    async scopeChoices() {
      const [reports, recommendations] = await Promise.all([data.reports.read(), data.recommendations.read()]);
      const titles = new Intl.Collator('en-GB', { sensitivity: 'base' });
      const listed = reports.items.filter((r) => r.value.reportType !== 'Plan').map((r): { id: number; title: string } => ({ id: r.id, title: (r.value as OriginatingReport).title }));
      const directorates = [...new Set(recommendations.items.map((r) => r.value.directorate?.trim() ?? '').filter((d) => d !== ''))];
      return { reports: listed.sort((a, b) => titles.compare(a.title, b.title)), directorates: directorates.sort(titles.compare) };
    },
    standing: (round) => updateRoundStanding(data, round.value),
    paperUrl,
    async open(request, by) {
      return record(await openUpdateRound(data, request, { name: by, at: now().toISOString() }));
    },
    async close(round, by) {
      const actor = { name: by, at: now().toISOString() };
      const closed = round.value.status === 'Open' ? await closeUpdateRound(data, stored(round), actor) : await issueRoundPaper(data, stored(round), actor);
      return { round: record(closed.round), paperUrl: closed.paper?.htmlUrl ?? null, problem: closed.problem };
    }
  };
}
