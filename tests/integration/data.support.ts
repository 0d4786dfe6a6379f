/**
 * Shared set-up for the data-layer integration tests: the stand-in on a random port, the real
 * PnPjs instance per stand-in user, a provisioned site, and domain objects taken from the seeds.
 */
import type { SPFI } from '@pnp/sp';
import { nodeSp } from '../../src/data/node';
import type { OriginatingReport, Recommendation } from '../../src/core/model';
import { createTrackerData, provision, type TrackerData } from '../../src/data';
import { TRACKER_SCHEMA } from '../../src/schema';
import { startStandin, type StandinOptions } from '../../src/standin/server';

export type Standin = Awaited<ReturnType<typeof startStandin>>;

/** Starts the stand-in in-process on a random port. */
export function standin(): Promise<Standin> {
  return startStandin({ port: 0 });
}

/** PnPjs for the stand-in's tracker site, as one of its users. */
export function spAs(server: Standin, user = 'admin'): SPFI {
  return nodeSp(server.siteUrl, { user });
}

/**
 * The stand-in on a random port with the tracker's lists provisioned and one report in them (the
 * seeds' domestic-abuse paper), through the data layer as the site owner; `options` are the
 * stand-in's own (SharePoint's grouping of changes into one webhook notification, say).
 */
export async function provisionedSite(options: Omit<StandinOptions, 'port'> = {}): Promise<{ server: Standin; data: TrackerData; reportId: number }> {
  const server = await startStandin({ ...options, port: 0 });
  const sp = spAs(server);
  await provision(sp, TRACKER_SCHEMA);
  const data = createTrackerData(sp);
  const reportId = (await data.reports.add(DOMESTIC_ABUSE_REPORT)).id;
  return { server, data, reportId };
}

/** Injects 429 / 503 answers on the stand-in (its dev-only admin endpoint). */
export async function injectFaults(server: Standin, faults: { rate: number; status: 429 | 503; retryAfter: number; count: number; latencyMs?: number }): Promise<void> {
  const res = await fetch(`${server.url}/_standin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`The stand-in refused the faults: ${res.status} ${await res.text()}`);
}

export async function clearFaults(server: Standin): Promise<void> {
  const res = await fetch(`${server.url}/_standin/faults`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`The stand-in refused to clear faults: ${res.status}`);
}

/** "A progress report on the police response to domestic abuse", City of London paper (seeds). */
export const DOMESTIC_ABUSE_REPORT: OriginatingReport = {
  title: 'A progress report on the police response to domestic abuse',
  source: 'HMICFRS',
  reportType: 'National thematic',
  published: '2017-11-14',
  publishedText: 'Published November 2017',
  scope: 'All forces, this force not inspected',
  scopeText: 'A national report by HMICFRS',
  responseDeadline: '2018-01-09'
};

/** Its ninth recommendation, as the City of London paper gives it. */
export function actionPlanRecommendation(reportId: number, overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    reportId,
    ref: '9',
    kind: 'Recommendation',
    text: 'By April 2018, every police force in England and Wales should update its domestic abuse action plan, determine what more it can do to address the areas for further improvement highlighted in this report and specified below, and publish its revised action plan accordingly.',
    appliesTo: 'Force',
    acceptedForAction: true,
    causeOfConcernIds: [],
    owner: { name: 'Head of Public Protection' },
    directorate: 'Strategic Development',
    lifecycle: 'Being progressed',
    due: { kind: 'date', original: '2018-04-30', current: '2018-04-30', revisions: [], raw: 'April 2018' },
    reopenings: [],
    latestComment:
      'This report was published on the 14th November 2017. Strategic Development have scheduled a meeting with the Head of Public Protection w/c 20th November to discuss and formulate an action plan.',
    lastUpdated: '2017-11-20',
    history: [{ at: '2017-11-20T10:00:00Z', lifecycle: 'Being progressed', trafficLight: 'AMBER' }],
    trafficLight: 'AMBER',
    ...overrides
  };
}

/** The areas for improvement of the same report: one per seed row, numbered as the paper does. */
export const AREAS_FOR_IMPROVEMENT = [
  'Risk assessment',
  'Positive action and the role of arrest',
  'Build the case for the victim',
  'A shared view with the Crown Prosecution Service (CPS) on referrals and prosecutions',
  'The elements of a thorough police response',
  'Consistent performance measures'
] as const;

/** `n` recommendations spread over owners, directorates and statuses, for the large-list tests. */
export function manyRecommendations(reportId: number, n: number): Recommendation[] {
  const lifecycles = ['Awaiting review', 'Being progressed', 'Complete, awaiting sign-off', 'Closed by the force'] as const;
  const colours = ['AMBER', 'GREEN', 'RED', 'WHITE'] as const;
  return Array.from({ length: n }, (_, i) =>
    actionPlanRecommendation(reportId, {
      ref: `${i + 1}`,
      kind: 'Area for improvement',
      text: `Areas for improvement: ${AREAS_FOR_IMPROVEMENT[i % AREAS_FOR_IMPROVEMENT.length]} (${i + 1}).`,
      owner: { name: `Owner ${i % 40}` },
      directorate: `Directorate ${i % 7}`,
      lifecycle: lifecycles[i % lifecycles.length],
      trafficLight: colours[i % colours.length],
      addressee: i % 2 === 0 ? 'Chief constables' : 'Home Office'
    })
  );
}
