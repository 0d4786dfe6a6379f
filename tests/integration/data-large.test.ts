import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { MAX_PAGE_SIZE, ThresholdError, type TrackerData } from '../../src/data';
import { F } from '../../src/schema';
import { manyRecommendations, provisionedSite, type Standin } from './data.support';

const N = 12000;

describe('a Recommendations list past the list view threshold', () => {
  let server: Standin;
  let data: TrackerData;

  beforeAll(async () => {
    let reportId: number;
    ({ server, data, reportId } = await provisionedSite());
    await data.recommendations.addMany(manyRecommendations(reportId, N));
  });

  afterAll(async () => {
    await server.close();
  });

  it('pages through all 12,000 items in pages of 5,000, each item once', async () => {
    server.resetRequestCount();
    const sizes: number[] = [];
    const ids = new Set<number>();
    for await (const page of data.recommendations.pages()) {
      sizes.push(page.items.length);
      for (const s of page.items) ids.add(s.id);
    }
    expect(sizes).toEqual([MAX_PAGE_SIZE, MAX_PAGE_SIZE, N - 2 * MAX_PAGE_SIZE]);
    expect(ids.size).toBe(N);
    expect(server.requestCount()).toBe(3);
  });

  it('surfaces SharePoint\'s threshold refusal of a filter on a non-indexed column as a clear error', async () => {
    const error = await data.recommendations.all({ filter: `${F.addressee} eq 'Home Office'` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThresholdError);
    expect((error as ThresholdError).status).toBe(500);
    expect((error as ThresholdError).serverCode).toContain('SPQueryThrottledException');
    expect((error as Error).message).toContain('Filter on an indexed column');
  });

  it('answers the same kind of question through an indexed column', async () => {
    const owned = await data.recommendations.byOwner({ name: 'Owner 7' });
    expect(owned).toHaveLength(N / 40);
    expect(owned.every((s) => s.value.owner?.name === 'Owner 7')).toBe(true);
    // Owners cycle every 40 rows and colours every 4, so Owner 7 (rows 7, 47, …) is always WHITE.
    expect(await data.recommendations.where({ owner: { name: 'Owner 7' }, trafficLights: ['WHITE'] })).toHaveLength(N / 40);
    expect(await data.recommendations.where({ owner: { name: 'Owner 7' }, trafficLights: ['RED'] })).toEqual([]);
    const directorate = await data.recommendations.where({ directorate: 'Directorate 3', lifecycles: ['Closed by the force'] });
    expect(directorate.every((s) => s.value.directorate === 'Directorate 3' && s.value.lifecycle === 'Closed by the force')).toBe(true);
    expect(directorate.length).toBeGreaterThan(0);
  });
});
