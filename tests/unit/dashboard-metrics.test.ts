/**
 * The dashboard's figures (components/dashboard/metrics.ts) over the City of London committee
 * paper of November 2017, and the Lincolnshire action matrix as the demo imports it. Every figure's
 * link, written into a page address and read back by the tracker, selects exactly what was counted.
 */
import type { RecommendationRecord } from '../../src/data/TrackerDataSource';
import { headlines, lightsBy, openOverTime, quarterStart } from '../../src/components/dashboard/metrics';
import { linkFiltersFromQuery, linkFiltersToQuery } from '../../src/components/settings/settings';
import type { LinkFilters } from '../../src/components/settings/settings';
import { buildRows, filterRows, initialFilters } from '../../src/components/tracker/rows';
import type { TrackerRow } from '../../src/components/tracker/rows';
import type { TrafficLight } from '../../src/core/model';
import { planDemoFile, readDemoPeople } from '../../src/import/demo';
import { CITY_REPORTS, cityRecords } from './fixtures/cityRecords';
import { CITY_PAPER_DATE, CITY_ROWS } from './fixtures/seedRecommendations';

const rows = buildRows(cityRecords(), CITY_REPORTS, CITY_PAPER_DATE, { overdueAgainst: 'original' });
const NO_PRESET = { directorate: '', reportId: '', onlyRed: false, kind: '' as const, openOnly: false };

/** What the tracker shows when opened from `link`: through the page address, as a click does. */
function opened(all: readonly TrackerRow[], link: LinkFilters, today: string): number {
  return filterRows(all, initialFilters(NO_PRESET, linkFiltersFromQuery(`?${linkFiltersToQuery(link)}`)), today).length;
}

describe('quarterStart', () => {
  it('starts a quarter on 1 January, April, July or October', () => {
    const days = ['2017-11-17', '2017-10-01', '2017-01-01', '2017-03-31', '2017-06-30', '2017-12-31'];
    expect(days.map(quarterStart)).toEqual(['2017-10-01', '2017-10-01', '2017-01-01', '2017-01-01', '2017-04-01', '2017-10-01']);
  });
});

describe('headlines', () => {
  it('counts the paper’s items on its date', () => {
    const figures = Object.fromEntries(headlines(rows, CITY_PAPER_DATE, {}).map((h) => [h.key, h.value]));
    // 20 rows: one closed (PEEL Legitimacy CoLP 1, 30 October 2017), three complete awaiting sign-off.
    expect(figures).toEqual({ open: 16, overdue: 0, updateOverdue: 11, dueSoon: 0, closedThisQuarter: 1 });
  });

  it('keeps to the web part’s scope', () => {
    const figures = Object.fromEntries(headlines(rows, CITY_PAPER_DATE, { reportId: '7' }).map((h) => [h.key, h.value]));
    expect(figures).toMatchObject({ open: 2, closedThisQuarter: 1 });
    const closed = headlines(rows, CITY_PAPER_DATE, { reportId: '5' }).find((h) => h.key === 'closedThisQuarter');
    expect(closed).toEqual({ key: 'closedThisQuarter', value: 0, link: { reportId: '5', closedSince: '2017-10-01' } });
  });

  it('links each figure to a tracker view holding exactly the items counted', () => {
    const later = buildRows(cityRecords(), CITY_REPORTS, '2018-01-15', { overdueAgainst: 'original' });
    for (const [all, today] of [[rows, CITY_PAPER_DATE], [later, '2018-01-15']] as const) {
      for (const scope of [{}, { reportId: '3' }, { reportId: '7' }] as LinkFilters[]) {
        for (const h of headlines(all, today, scope)) expect([h.key, opened(all, h.link, today)]).toEqual([h.key, h.value]);
      }
    }
    // In mid-January 2018 two items fall due within 30 days.
    expect(headlines(later, '2018-01-15', {}).find((h) => h.key === 'dueSoon')?.value).toBe(2);
  });
});

describe('lightsBy', () => {
  it('breaks each report’s items down by the colour the paper printed, reports in alphabetical order', () => {
    const bars = lightsBy(rows, 'report', {});
    expect(bars.map((b) => b.name)).toEqual([...new Set(CITY_ROWS.map((r) => r.report))].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
    for (const bar of bars) {
      const printed: Record<TrafficLight, number> = { RED: 0, AMBER: 0, GREEN: 0, WHITE: 0 };
      for (const row of CITY_ROWS.filter((r) => r.report === bar.name)) {
        const colour = row.printed.replace(/^NEW /, '');
        printed[(colour === 'CLOSED' ? 'GREEN' : colour) as TrafficLight] += 1;
      }
      expect([bar.name, bar.counts]).toEqual([bar.name, printed]);
      expect(bar.total).toBe(CITY_ROWS.filter((r) => r.report === bar.name).length);
    }
  });

  it('links each bar, and each segment, to its items', () => {
    for (const bar of lightsBy(rows, 'report', {})) {
      expect(bar.link).toEqual({ reportId: bar.key });
      expect(opened(rows, bar.link, CITY_PAPER_DATE)).toBe(bar.total);
      for (const light of ['RED', 'AMBER', 'GREEN', 'WHITE'] as const) expect(opened(rows, { ...bar.link, trafficLight: light }, CITY_PAPER_DATE)).toBe(bar.counts[light]);
    }
  });

  it('breaks the Lincolnshire matrix down by directorate, leaving out items with none', async () => {
    const plan = await planDemoFile('lincolnshire-action-matrix.json', await readDemoPeople());
    const records = plan.recommendations.map((p, i): RecommendationRecord => ({ recommendation: { ...p.recommendation, id: i + 1 }, etag: '"1"' }));
    const lincs = buildRows(records, [], '2017-11-14');
    const bars = lightsBy(lincs, 'directorate', { openOnly: true });
    expect(bars.map((b) => b.name)).toEqual(['Crime', 'Criminal Justice', 'Professional Standards', 'Strategic Development']);
    for (const bar of bars) {
      expect(bar.total).toBe(plan.recommendations.filter((p) => p.recommendation.directorate === bar.name).length);
      expect(bar.link).toEqual({ openOnly: true, directorate: bar.name });
    }
  });
});

describe('openOverTime', () => {
  it('counts open items at each of the last twelve month ends, the last point today', () => {
    const points = openOverTime(rows, CITY_PAPER_DATE);
    expect(points.map((p) => p.date)).toEqual([
      '2016-12-31', '2017-01-31', '2017-02-28', '2017-03-31', '2017-04-30', '2017-05-31',
      '2017-06-30', '2017-07-31', '2017-08-31', '2017-09-30', '2017-10-31', '2017-11-17'
    ]);
    // Imported on 20 March 2017: 17 rows, of which 3 are now complete awaiting sign-off (neither
    // open nor closed, so not drawn); one closed on 30 October; three added on 15 November.
    expect(points.map((p) => p.open)).toEqual([0, 0, 0, 14, 14, 14, 14, 14, 14, 14, 13, 16]);
  });

  it('crosses a year end and takes any number of months', () => {
    expect(openOverTime(rows, '2018-02-10', 3).map((p) => p.date)).toEqual(['2017-12-31', '2018-01-31', '2018-02-10']);
    expect(openOverTime([], '2018-02-10', 1)).toEqual([{ date: '2018-02-10', open: 0 }]);
  });
});
