/**
 * What components/settings/settings.ts reads from addresses and stored properties: link filters
 * from a page address (anything not a valid value is dropped, never trusted), the
 * tracker page address typed into a pane, and web part properties saved by older versions or by hand.
 */
import {
  DEFAULT_TRACKER_SETTINGS,
  DEFAULT_VISIBLE_COLUMNS,
  dashboardPane,
  getSetting,
  linkFiltersFromQuery,
  linkFiltersToQuery,
  setSetting,
  withDashboardDefaults,
  withTrackerDefaults
} from '../../src/components/settings/settings';
import type { DashboardPaneStrings, LinkFilters, PaneStrings, SettingField, TrackerSettings } from '../../src/components/settings/settings';
import type { TrackerStrings } from '../../src/components/common/strings';
import { locFile, readLocStrings } from '../../src/workbench/loc';

const PAGE = 'https://contoso.sharepoint.com/sites/tracker/SitePages/Dashboard.aspx';
const STRINGS: DashboardPaneStrings = {
  PropertyPaneDescription: 'Settings',
  DefaultTitle: 'At a glance',
  TrackerPageUrlDescription: 'A page on this site holding the tracker'
};
const PANE: PaneStrings = {
  DisplayGroup: 'Display',
  FiltersGroup: 'Filters',
  Title: 'Title',
  Directorate: 'Directorate',
  AllDirectorates: 'All directorates',
  Report: 'Report',
  AllReports: 'All reports',
  TrackerPageUrl: 'Tracker page address'
};

describe('link filters in a page address', () => {
  it('round-trips every filter a dashboard link carries', () => {
    const link: LinkFilters = { trafficLight: 'RED', directorate: 'Crime & Public Protection', reportId: '7', lifecycle: 'Complete, awaiting sign-off', overdue: true, updateOverdue: true, dueWithinDays: 30, openOnly: true, closedSince: '2017-10-01' };
    const query = linkFiltersToQuery(link);
    expect(query).toContain('trk-trafficLight=RED');
    expect(query).toContain('trk-directorate=Crime+%26+Public+Protection');
    expect(linkFiltersFromQuery(`?${query}`)).toEqual(link);
  });

  it('writes nothing for empty or false values', () => {
    expect(linkFiltersToQuery({ directorate: '', overdue: false, openOnly: undefined })).toBe('');
    expect(linkFiltersToQuery({ reportId: '3', openOnly: false })).toBe('trk-reportId=3');
  });

  it('drops every value that is not one the tracker knows', () => {
    const read = linkFiltersFromQuery(
      '?trk-trafficLight=PURPLE&trk-lifecycle=Deleted&trk-reportId=3%20OR%201%3D1&trk-overdue=1&trk-updateOverdue=yes&trk-openOnly=TRUE' +
        '&trk-dueWithinDays=99999&trk-closedSince=2017-1-1&trk-directorate='
    );
    expect(read).toEqual({});
    expect(linkFiltersFromQuery('?trk-dueWithinDays=-5&trk-closedSince=2017-10-01T00:00')).toEqual({});
    expect(linkFiltersFromQuery('?trk-trafficLight=red')).toEqual({});
  });

  it('reads only its own parameters, wherever they sit in the address', () => {
    expect(linkFiltersFromQuery('?page=tracker&trafficLight=RED&trk-trafficLight=AMBER&item=4')).toEqual({ trafficLight: 'AMBER' });
    expect(linkFiltersFromQuery('')).toEqual({});
  });

  it('reads a directorate as written, spaces and all', () => {
    expect(linkFiltersFromQuery('?trk-directorate=Professional%20Standards')).toEqual({ directorate: 'Professional Standards' });
  });
});

describe('the tracker page address typed into the dashboard’s pane', () => {
  let field: (SettingField & { kind: 'text' }) | undefined;
  beforeAll(async () => {
    const shared = await readLocStrings<TrackerStrings>(locFile('shared'));
    field = dashboardPane(STRINGS, PANE, { reports: [], directorates: [] }, PAGE, shared)
      .flatMap((g) => g.fields)
      .find((f): f is SettingField & { kind: 'text' } => f.kind === 'text' && f.key === 'trackerPageUrl');
  });
  const problem = (value: string): string => field?.problem?.(value) ?? 'no field';

  it('accepts a page on the tenant, a relative page or nothing', () => {
    const good = ['https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx', '/sites/tracker/SitePages/Tracker.aspx', '?page=tracker', ''];
    expect(good.map(problem)).toEqual(['', '', '', '']);
  });

  it('refuses another host, a look-alike, plain http and scripts, saying why', () => {
    for (const bad of ['https://contoso.sharepoint.com.evil.example/x', 'https://evil.example/sites/tracker', 'http://contoso.sharepoint.com/sites/tracker', 'javascript:alert(1)', '//evil.example/x']) {
      expect([bad, problem(bad)]).toEqual([bad, expect.stringMatching(/\S/)]);
    }
    expect(problem('javascript:alert(1)')).toBe('The address starts "javascript:": only https:// addresses on contoso.sharepoint.com can be used.');
  });
});

describe('stored web part properties', () => {
  it('fills what an older web part never stored', () => {
    expect(withTrackerDefaults(undefined, 'Inspection recommendations')).toEqual({ ...DEFAULT_TRACKER_SETTINGS, title: 'Inspection recommendations' });
    expect(withTrackerDefaults({ title: 'Crime' }, 'Inspection recommendations')).toEqual({ ...DEFAULT_TRACKER_SETTINGS, title: 'Crime' });
    expect(withDashboardDefaults({ directorate: 'Crime' }, STRINGS.DefaultTitle)).toMatchObject({ title: 'At a glance', directorate: 'Crime', trackerPageUrl: '' });
  });

  it('replaces values edited by hand into nonsense, keeping the sound ones', () => {
    const stored = { kind: 'Suggestion', grouping: 'owner', pageSize: -5, visibleColumns: { report: true }, onlyRed: true } as unknown as Partial<TrackerSettings>;
    const s = withTrackerDefaults(stored, 'Inspection recommendations');
    expect(s).toMatchObject({ kind: '', grouping: 'report', pageSize: 0, onlyRed: true });
    expect(s.visibleColumns).toEqual({ ...DEFAULT_VISIBLE_COLUMNS, report: true });
    expect(withTrackerDefaults({ pageSize: 2.5 }, 'Inspection recommendations').pageSize).toBe(0);
    expect(withTrackerDefaults({ pageSize: 25, kind: 'Cause of concern', grouping: 'directorate' }, 'Inspection recommendations')).toMatchObject({ pageSize: 25, kind: 'Cause of concern', grouping: 'directorate' });
  });

  it('reads and writes a property by its pane path without touching the original', () => {
    const s = withTrackerDefaults({}, 'Inspection recommendations');
    const next = setSetting(s, 'visibleColumns.report', true);
    expect(getSetting(next, 'visibleColumns.report')).toBe(true);
    expect(getSetting(s, 'visibleColumns.report')).toBe(false);
    expect(getSetting(s, 'visibleColumns.nothing.deeper')).toBeUndefined();
    expect(setSetting(s, 'title', 'Crime').title).toBe('Crime');
  });
});
