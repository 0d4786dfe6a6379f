/**
 * Loading every recommendation of a 10,000-item list through the data layer (PnPjs, paging,
 * mapping to the domain model), against the floor: the same pages fetched with plain `fetch` and
 * `JSON.parse`. Prints both medians, their ratio (target ≤ 1.3) and the requests per load
 * (target ≤ ceil(N / 5000) + 2).
 */
import { performance } from 'node:perf_hooks';
import { nodeSp, STANDIN_USER_HEADER } from '../src/data/node';
import type { Recommendation } from '../src/core/model';
import { MAX_PAGE_SIZE, createTrackerData, provision } from '../src/data';
import { TRACKER_SCHEMA, recommendationMapping } from '../src/schema';
import { startStandin } from '../src/standin/server';

const N = 10000;
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function seed(reportId: number): Recommendation[] {
  const lifecycles = ['Awaiting review', 'Being progressed', 'Complete, awaiting sign-off', 'Closed by the force'] as const;
  return Array.from({ length: N }, (_, i) => ({
    reportId,
    ref: String(i + 1),
    kind: 'Area for improvement',
    text: `Areas for improvement: forces should ensure arrangements for assessing and managing risk are well understood by officers and staff (${i + 1}).`,
    appliesTo: 'Force',
    acceptedForAction: true,
    causeOfConcernIds: [],
    owner: { name: `Owner ${i % 40}` },
    directorate: `Directorate ${i % 7}`,
    lifecycle: lifecycles[i % lifecycles.length],
    due: { kind: 'date', original: '2018-04-30', current: '2018-04-30', revisions: [], raw: 'April 2018' },
    reopenings: [],
    latestComment: 'Strategic Development have scheduled a meeting to discuss and formulate an action plan.',
    lastUpdated: '2017-11-20',
    history: [{ at: '2017-11-20T10:00:00Z', lifecycle: 'Being progressed', trafficLight: 'AMBER' }],
    trafficLight: 'AMBER'
  }));
}

/** The floor: the same pages as the data layer asks for, with fetch and JSON.parse only. */
async function plainLoad(siteUrl: string): Promise<number> {
  const query = new URLSearchParams({ $select: recommendationMapping.select.join(','), $top: String(MAX_PAGE_SIZE) });
  let next: string | undefined = `${siteUrl}/_api/web/lists/getByTitle('Recommendations')/items?${query.toString()}`;
  let count = 0;
  while (next) {
    const res = await fetch(next, { headers: { Accept: 'application/json', [STANDIN_USER_HEADER]: 'admin' } });
    if (!res.ok) throw new Error(`Plain fetch failed: ${res.status}`);
    const json = JSON.parse(await res.text()) as { value: unknown[]; 'odata.nextLink'?: string };
    count += json.value.length;
    next = json['odata.nextLink'];
  }
  return count;
}

async function main(): Promise<void> {
  const server = await startStandin({ port: 0 });
  try {
    const sp = nodeSp(server.siteUrl, { user: 'admin' });
    await provision(sp, TRACKER_SCHEMA);
    const data = createTrackerData(sp);
    const reportId = (await data.reports.add({ title: 'PEEL 2017', source: 'HMICFRS', reportType: 'PEEL', published: '2017-11-09', scope: 'Force inspected', responseDeadline: '2018-01-04' })).id;
    const t0 = performance.now();
    await data.recommendations.addMany(seed(reportId));
    process.stdout.write(`seeded ${N} recommendations in ${((performance.now() - t0) / 1000).toFixed(1)} s (batches of 100)\n`);

    const layer: number[] = [];
    const floor: number[] = [];
    let requests = 0;
    // One warm-up of each, then alternate so that neither side gets the warmer server.
    await data.recommendations.all();
    await plainLoad(server.siteUrl);
    for (let run = 0; run < RUNS; run++) {
      server.resetRequestCount();
      let t = performance.now();
      const all = await data.recommendations.all();
      layer.push(performance.now() - t);
      requests = server.requestCount();
      if (all.length !== N) throw new Error(`The data layer loaded ${all.length} items, not ${N}.`);

      t = performance.now();
      const plain = await plainLoad(server.siteUrl);
      floor.push(performance.now() - t);
      if (plain !== N) throw new Error(`Plain fetch loaded ${plain} items, not ${N}.`);
    }
    const ratio = median(layer) / median(floor);
    const maxRequests = Math.ceil(N / MAX_PAGE_SIZE) + 2;
    process.stdout.write(
      [
        `data layer (PnPjs + mapping to Recommendation): median ${median(layer).toFixed(0)} ms over ${RUNS} runs`,
        `plain fetch + JSON.parse (floor):               median ${median(floor).toFixed(0)} ms over ${RUNS} runs`,
        `ratio ${ratio.toFixed(2)} (target ≤ 1.30): ${ratio <= 1.3 ? 'met' : 'NOT met'}`,
        `requests per load ${requests} (target ≤ ${maxRequests}): ${requests <= maxRequests ? 'met' : 'NOT met'}`
      ].join('\n') + '\n'
    );
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
