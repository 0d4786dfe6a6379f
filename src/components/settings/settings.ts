/**
 * What a page author sets on an embedded tracker or dashboard (the web part properties), and the
 * property pane that edits them, described once as data. The SPFx web part turns the description
 * into `PropertyPane*` fields; the local workbench renders the same description with Fluent UI, so
 * both hosts offer exactly the same settings.
 */
import { trackerPageProblem } from '../../core/links';
import { LIFECYCLES, RECOMMENDATION_KINDS, TRAFFIC_LIGHTS } from '../../core/model';
import type { Lifecycle, RecommendationKind, TrafficLight } from '../../core/model';
import type { TrackerStrings } from '../common/strings';
import { valueOptions } from '../common/values';
import { linkProblemText } from '../common/messages';

/** The grid's columns, in their default order. */
export const TRACKER_COLUMNS = [
  'ref',
  'text',
  'kind',
  'trafficLight',
  'lifecycle',
  'due',
  'owner',
  'directorate',
  'confidence',
  'lastUpdated',
  'causesOfConcern',
  'report'
] as const;
export type TrackerColumn = (typeof TRACKER_COLUMNS)[number];

const GROUPINGS = ['report', 'directorate', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The filters a page author can fix for an embedded view (users can narrow further, not widen). */
export interface PresetFilters {
  /** Only this directorate; '' for all. */
  directorate: string;
  /** Only this report (its list item id as text, the dropdown's key); '' for all. */
  reportId: string;
  /** Only RED items. */
  onlyRed: boolean;
  /** Only this kind; '' for all. */
  kind: RecommendationKind | '';
  /** Hide closed, discharged and no-further-action items. */
  openOnly: boolean;
}

/** The Recommendation Tracker web part's properties. */
export interface TrackerSettings extends PresetFilters {
  title: string;
  visibleColumns: Record<TrackerColumn, boolean>;
  grouping: Grouping;
  compact: boolean;
  /** Rows per page; 0 shows every row in one virtualised list. */
  pageSize: number;
}

/** The Tracker Dashboard web part's properties. */
export interface DashboardSettings {
  title: string;
  directorate: string;
  reportId: string;
  /** The page holding the tracker: a click on a chart segment opens it filtered. Empty: open in a panel. */
  trackerPageUrl: string;
}

export const DEFAULT_VISIBLE_COLUMNS: Record<TrackerColumn, boolean> = {
  ref: true,
  text: true,
  kind: true,
  trafficLight: true,
  lifecycle: true,
  due: true,
  owner: true,
  directorate: true,
  confidence: true,
  lastUpdated: false,
  causesOfConcern: true,
  report: false
};

/** The tracker's defaults but its title, which is the web part's loc `DefaultTitle`. */
export const DEFAULT_TRACKER_SETTINGS: Omit<TrackerSettings, 'title'> = {
  directorate: '',
  reportId: '',
  onlyRed: false,
  kind: '',
  openOnly: false,
  visibleColumns: DEFAULT_VISIBLE_COLUMNS,
  grouping: 'report',
  compact: false,
  pageSize: 0
};

/** The dashboard's defaults but its title, which is the web part's loc `DefaultTitle`. */
const DEFAULT_DASHBOARD_SETTINGS: Omit<DashboardSettings, 'title'> = {
  directorate: '',
  reportId: '',
  trackerPageUrl: ''
};

/**
 * Fills gaps in stored properties with defaults: a web part added before a setting existed, or one
 * whose properties were edited by hand, still renders. `defaultTitle` is the web part's loc
 * `DefaultTitle`, for a web part that never stored one.
 */
export function withTrackerDefaults(stored: Partial<TrackerSettings> | undefined, defaultTitle: string): TrackerSettings {
  const s = stored ?? {};
  const pageSize = typeof s.pageSize === 'number' && Number.isInteger(s.pageSize) && s.pageSize >= 0 ? s.pageSize : DEFAULT_TRACKER_SETTINGS.pageSize;
  return {
    ...DEFAULT_TRACKER_SETTINGS,
    title: defaultTitle,
    ...s,
    kind: (RECOMMENDATION_KINDS as readonly string[]).includes(s.kind ?? '') ? (s.kind as RecommendationKind) : '',
    grouping: (GROUPINGS as readonly string[]).includes(s.grouping ?? '') ? (s.grouping as Grouping) : DEFAULT_TRACKER_SETTINGS.grouping,
    visibleColumns: { ...DEFAULT_VISIBLE_COLUMNS, ...(s.visibleColumns ?? {}) },
    pageSize
  };
}

export function withDashboardDefaults(stored: Partial<DashboardSettings> | undefined, defaultTitle: string): DashboardSettings {
  return { ...DEFAULT_DASHBOARD_SETTINGS, title: defaultTitle, ...(stored ?? {}) };
}

/**
 * One field of a property pane, host-neutral. `key` is the property path ('visibleColumns.ref').
 * A text field's `problem` says why a value may not be saved ('' when it may), as SPFx's
 * `onGetErrorMessage`: the pane shows it under the field and keeps the last good value.
 */
export type SettingField =
  | { kind: 'text'; key: string; label: string; description?: string; problem?: (value: string) => string }
  | { kind: 'toggle'; key: string; label: string }
  | { kind: 'checkbox'; key: string; label: string }
  | { kind: 'dropdown'; key: string; label: string; options: { key: string; text: string }[] }
  | { kind: 'slider'; key: string; label: string; min: number; max: number; step: number };

/** A titled group of fields, as SPFx property pane groups. */
export interface SettingGroup {
  name: string;
  fields: SettingField[];
}

/** The Recommendation Tracker's pane labels: its `loc/mystrings.d.ts`. */
export type TrackerPaneStrings = IRecommendationTrackerWebPartStrings;

/** The Tracker Dashboard's pane labels: its `loc/mystrings.d.ts`. */
export type DashboardPaneStrings = ITrackerDashboardWebPartStrings;

/** The pane labels every web part shares (loc `Pane` of the shared strings). */
export type PaneStrings = TrackerStrings['Pane'];

/** The shared strings that say why a tracker page address is refused. */
export type LinkWords = Pick<TrackerStrings, 'CoreMessages' | 'Values' | 'LinkProblems'>;

/** What the pane's dropdowns offer: read from the site when the pane opens. */
export interface PaneChoices {
  reports: { id: number; title: string }[];
  directorates: string[];
}

/**
 * The "Tracker page address" field of the dashboard's and My Actions' panes: a page on the tenant
 * (`tenantUrl`, the site or the page the web part is on), or empty for none.
 */
export function trackerPageField(pane: PaneStrings, description: string, tenantUrl: string, words: LinkWords): SettingField {
  return {
    kind: 'text',
    key: 'trackerPageUrl',
    label: pane.TrackerPageUrl,
    description,
    problem: (value) => {
      const problem = trackerPageProblem(value, tenantUrl);
      return problem === null ? '' : linkProblemText(problem, words);
    }
  };
}

/** The directorate and report dropdowns every web part's pane offers to narrow what it shows. */
export function filterFields(pane: PaneStrings, choices: PaneChoices): SettingField[] {
  return [
    {
      kind: 'dropdown',
      key: 'directorate',
      label: pane.Directorate,
      options: [{ key: '', text: pane.AllDirectorates }, ...choices.directorates.map((d) => ({ key: d, text: d }))]
    },
    {
      kind: 'dropdown',
      key: 'reportId',
      label: pane.Report,
      options: [{ key: '', text: pane.AllReports }, ...choices.reports.map((r) => ({ key: String(r.id), text: r.title }))]
    }
  ];
}

/** The Recommendation Tracker's property pane: its own labels, and those the web parts share (the columns' names too). */
export function trackerPane(strings: TrackerPaneStrings, shared: TrackerStrings, choices: PaneChoices): SettingGroup[] {
  const pane = shared.Pane;
  return [
    {
      name: pane.DisplayGroup,
      fields: [
        { kind: 'text', key: 'title', label: pane.Title },
        {
          kind: 'dropdown',
          key: 'grouping',
          label: strings.GroupingFieldLabel,
          options: [
            { key: 'report', text: strings.GroupByReport },
            { key: 'directorate', text: strings.GroupByDirectorate },
            { key: 'none', text: strings.GroupByNone }
          ]
        },
        { kind: 'toggle', key: 'compact', label: strings.CompactFieldLabel },
        { kind: 'slider', key: 'pageSize', label: strings.PageSizeFieldLabel, min: 0, max: 100, step: 5 }
      ]
    },
    {
      name: pane.FiltersGroup,
      fields: [
        ...filterFields(pane, choices),
        {
          kind: 'dropdown',
          key: 'kind',
          label: strings.KindFieldLabel,
          options: [{ key: '', text: strings.AllKinds }, ...valueOptions(shared.Values, 'kind')]
        },
        { kind: 'toggle', key: 'onlyRed', label: strings.OnlyRedFieldLabel },
        { kind: 'toggle', key: 'openOnly', label: strings.OpenOnlyFieldLabel }
      ]
    },
    {
      name: strings.ColumnsGroupName,
      fields: TRACKER_COLUMNS.map((c): SettingField => ({ kind: 'checkbox', key: `visibleColumns.${c}`, label: shared.Columns[c] }))
    }
  ];
}

/** The Tracker Dashboard's property pane; `tenantUrl` is the page it is on, which the tracker page must share a host with. */
export function dashboardPane(strings: DashboardPaneStrings, pane: PaneStrings, choices: PaneChoices, tenantUrl: string, words: LinkWords): SettingGroup[] {
  return [
    {
      name: pane.DisplayGroup,
      fields: [{ kind: 'text', key: 'title', label: pane.Title }, trackerPageField(pane, strings.TrackerPageUrlDescription, tenantUrl, words)]
    },
    { name: pane.FiltersGroup, fields: filterFields(pane, choices) }
  ];
}

/** Reads a property by its pane path ('visibleColumns.ref'). */
export function getSetting(settings: object, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), settings);
}

/** Returns a copy of `settings` with the property at `path` set, leaving the original untouched. */
export function setSetting<T extends object>(settings: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const current = settings as Record<string, unknown>;
  if (rest.length === 0) return { ...settings, [head]: value };
  const child = current[head];
  return { ...settings, [head]: setSetting(child !== null && typeof child === 'object' ? (child as object) : {}, rest.join('.'), value) };
}

/**
 * Filters carried in a page address, so that a dashboard segment can open the tracker filtered
 * (`?trk-rag=RED&trk-directorate=Crime`). Unknown values are ignored rather than trusted.
 */
export interface LinkFilters {
  trafficLight?: TrafficLight;
  directorate?: string;
  reportId?: string;
  lifecycle?: Lifecycle;
  overdue?: boolean;
  updateOverdue?: boolean;
  dueWithinDays?: number;
  openOnly?: boolean;
  closedSince?: string;
}

const LINK_PREFIX = 'trk-';

/** Writes link filters as query parameters. */
export function linkFiltersToQuery(filters: LinkFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(LINK_PREFIX + key, String(value));
  }
  return params.toString();
}

/** Reads link filters from a query string, dropping anything that is not a valid value. */
export function linkFiltersFromQuery(search: string): LinkFilters {
  const params = new URLSearchParams(search);
  const get = (key: keyof LinkFilters): string | null => params.get(LINK_PREFIX + key);
  const out: LinkFilters = {};
  const rag = get('trafficLight');
  if (rag !== null && (TRAFFIC_LIGHTS as readonly string[]).includes(rag)) out.trafficLight = rag as TrafficLight;
  const lifecycle = get('lifecycle');
  if (lifecycle !== null && (LIFECYCLES as readonly string[]).includes(lifecycle)) out.lifecycle = lifecycle as Lifecycle;
  const directorate = get('directorate');
  if (directorate) out.directorate = directorate;
  const reportId = get('reportId');
  if (reportId !== null && /^\d+$/.test(reportId)) out.reportId = reportId;
  if (get('overdue') === 'true') out.overdue = true;
  if (get('updateOverdue') === 'true') out.updateOverdue = true;
  if (get('openOnly') === 'true') out.openOnly = true;
  const days = get('dueWithinDays');
  if (days !== null && /^\d{1,4}$/.test(days)) out.dueWithinDays = Number(days);
  const since = get('closedSince');
  if (since !== null && /^\d{4}-\d{2}-\d{2}$/.test(since)) out.closedSince = since;
  return out;
}
