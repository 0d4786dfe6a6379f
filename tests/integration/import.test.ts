/**
 * The importer against the stand-in, through the real PnPjs and data layer: the Lancashire tracker
 * lands with its counts, links and far fewer requests than rows; importing it again creates
 * nothing; an import cut off by injected 503s finishes on the next run with no duplicates; the
 * demo seeding is idempotent.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { planTable, type ImportPlan } from '../../src/core/import';
import { seedDemo } from '../../src/import/demo';
import { createTrackerData, provision, type TrackerData } from '../../src/data';
import { readDelimited } from '../../src/import/readers';
import { writePlan, type WriteResult } from '../../src/import/writer';
import { TRACKER_SCHEMA } from '../../src/schema';
import { clearFaults, injectFaults, spAs, standin, type Standin } from './data.support';

const TSV = join(__dirname, '..', '..', '..', 'shared', 'seeds', 'lancashire-hmic-recommendations-tracker.tsv');
const TODAY = '2026-11-23';

function lancashire(): ImportPlan {
  return planTable(readDelimited(readFileSync(TSV, 'utf8'), 'lancashire.tsv'), { defaultSource: 'HMICFRS' }).plan;
}

async function freshSite(): Promise<{ server: Standin; data: TrackerData }> {
  const server = await standin();
  const sp = spAs(server, 'admin');
  await provision(sp, TRACKER_SCHEMA);
  return { server, data: createTrackerData(sp) };
}

describe('importing the Lancashire tracker into the stand-in', () => {
  let server: Standin;
  let data: TrackerData;
  let first: WriteResult;
  let requests: number;

  beforeAll(async () => {
    ({ server, data } = await freshSite());
    server.resetRequestCount();
    first = await writePlan(data, lancashire(), { today: TODAY });
    requests = server.requestCount();
  });
  afterAll(() => server.close());

  it('creates every report and recommendation of the source', async () => {
    expect(first.created).toEqual({ reports: 44, recommendations: 311, actions: 0, updates: 0 });
    expect(first.failed).toBe(0);
    const stored = await data.recommendations.all();
    expect(stored).toHaveLength(311);
    const byStatus = stored.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.value.lifecycle]: (acc[r.value.lifecycle] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ 'Closed by the force': 124, 'No further action': 91, 'Being progressed': 76, 'Awaiting review': 20 });
    for (const r of stored) expect(r.value.text).not.toMatch(/<\/?[a-z][^>]*>/i);
  });

  it('stores the force rows linked to the national rows they repeat', async () => {
    const stored = await data.recommendations.all();
    const linked = stored.filter((r) => r.value.nationalRecommendationId !== undefined);
    expect(linked).toHaveLength(first.linked);
    expect(first.linked).toBeGreaterThanOrEqual(13);
    const ids = new Set(stored.map((r) => r.id));
    for (const r of linked) expect(ids.has(r.value.nationalRecommendationId as number)).toBe(true);
  });

  it('writes in batches: far fewer requests than rows', () => {
    expect(requests).toBeLessThan(311 / 5);
  });

  it('creates nothing when the same file is imported again', async () => {
    const again = await writePlan(data, lancashire(), { today: TODAY });
    expect(again.created).toEqual({ reports: 0, recommendations: 0, actions: 0, updates: 0 });
    expect(again.existing).toMatchObject({ reports: 44, recommendations: 311 });
    expect(await data.recommendations.all()).toHaveLength(311);
  });
});

describe('an import cut off by the server', () => {
  it('finishes on the next run with no duplicates', async () => {
    const { server, data } = await freshSite();
    try {
      // Once the national rows are written, enough consecutive 503s to outlast PnPjs's retries.
      let injected = false;
      const cutOff = async (p: { phase: string; done: number }): Promise<void> => {
        if (injected || p.phase !== 'recommendations' || p.done === 0) return;
        injected = true;
        await injectFaults(server, { rate: 0, status: 503, retryAfter: 0, count: 20 });
      };
      await expect(writePlan(data, lancashire(), { today: TODAY, onProgress: cutOff })).rejects.toThrow(/Run the same import again/);
      await clearFaults(server);
      const partial = (await data.recommendations.all()).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(311);

      const second = await writePlan(data, lancashire(), { today: TODAY });
      expect(second.existing.recommendations).toBe(partial);
      expect(second.created.recommendations).toBe(311 - partial);
      const stored = await data.recommendations.all();
      expect(stored).toHaveLength(311);
      expect(new Set(stored.map((r) => `${r.value.reportId}|${r.value.text}|${r.value.ref}`)).size).toBe(311);
      const expectedLinks = lancashire().recommendations.filter((r) => r.nationalKey).length;
      expect(stored.filter((r) => r.value.nationalRecommendationId !== undefined)).toHaveLength(expectedLinks);
    } finally {
      await server.close();
    }
  });
});

describe('seeding the demo', () => {
  it('provisions and loads the four demo sources once, however often it runs', async () => {
    const server = await standin();
    try {
      const sp = spAs(server, 'admin');
      const first = await seedDemo(sp);
      expect(first.files.map((f) => [f.file, f.result.created.recommendations])).toEqual([
        ['lancashire-hmic-recommendations-tracker.tsv', 311],
        ['city-of-london-recommendations.json', 53],
        ['lincolnshire-action-matrix.json', 28],
        ['lincolnshire-pcc-plan-2024-02.json', 22]
      ]);
      const data = createTrackerData(sp);
      const owners = (await data.recommendations.all()).filter((r) => r.value.owner?.userId !== undefined);
      expect(owners.length).toBeGreaterThan(0);
      const headOfCrime = await data.users.ensure('owner@contoso.onmicrosoft.com');
      expect(owners.some((r) => r.value.owner?.userId === headOfCrime.id && r.value.owner.name === 'DCS Davison (Head of Crime)')).toBe(true);
      // Nothing the sources say is dropped: the matrix's HMIC evidence and the owners' directorates are stored.
      const all = await data.recommendations.all();
      const r142 = all.find((r) => r.value.ref === '142');
      expect(r142?.value.inspectorateEvidence).toMatch(/^Forces need to become smarter at not only measuring what they do/);
      expect(all.filter((r) => r.value.owner?.userId === headOfCrime.id).every((r) => r.value.directorate === 'Crime')).toBe(true);
      expect(first.files.flatMap((f) => f.result.problems).filter((p) => p.column === 'evidence')).toEqual([]);
      const second = await seedDemo(sp);
      for (const f of second.files) expect(f.result.created).toEqual({ reports: 0, recommendations: 0, actions: 0, updates: 0 });
      expect(await data.recommendations.all()).toHaveLength(311 + 53 + 28 + 22);
      expect(await data.actions.all()).toHaveLength(first.files.reduce((n, f) => n + f.result.created.actions, 0));
    } finally {
      await server.close();
    }
  });
});
