/**
 * The update rounds for the round page: the screens' {@link RoundSource} over the data layer, with
 * closing a round issuing its paper (round.ts). Loaded on demand by the page (loadRoundSource.ts),
 * so the paper's Word renderer never joins the grid's bundle.
 */
import type { OriginatingReport } from '../core/model';
import { ROUND_OPEN_RULE, roundCardStates } from '../core/round';
import { roundOccurrence } from '../core/reminders/keys';
import type { TrackerData } from '../data';
import { stored, versioned, type RoundSource } from '../data/TrackerDataSource';
import { closeUpdateRound, issueRoundPaper, openUpdateRound, updateRoundStanding } from './round';

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
