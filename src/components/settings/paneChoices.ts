/** The property pane's dropdown choices, read from the site when the pane opens (any host). */
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import type { PaneChoices } from './settings';

/** Reads the reports and directorates the pane's dropdowns offer, sorted for display. */
export async function loadPaneChoices(data: TrackerDataSource): Promise<PaneChoices> {
  const reports = await data.listReports();
  const directorates = new Set<string>();
  await data.loadRecommendations((page) => {
    for (const r of page) if (r.recommendation.directorate) directorates.add(r.recommendation.directorate);
  });
  return {
    reports: reports.map((r) => ({ id: r.id, title: r.title })).sort((a, b) => a.title.localeCompare(b.title, 'en-GB')),
    directorates: [...directorates].sort((a, b) => a.localeCompare(b, 'en-GB'))
  };
}
