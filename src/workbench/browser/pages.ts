/**
 * The workbench's pages and what the server hands the page. Shared by the Node server and the
 * browser bundle, so it imports nothing of either.
 */
import type { DashboardPaneStrings, DashboardSettings, TrackerPaneStrings, TrackerSettings } from '../../components/settings/settings';
import type { MyActionsStrings } from '../../components/MyActions/settings';
import type { TrackerStrings } from '../../components/common/strings';

/** The id of the `<script type="application/json">` element holding {@link WorkbenchConfig}. */
export const WORKBENCH_CONFIG_ID = 'workbench-config';

/** What the server tells the page. */
export interface WorkbenchConfig {
  /** The site's absolute address, on the workbench's own origin. */
  siteUrl: string;
  /** Where the Fluent UI icon fonts are served. */
  iconsUrl: string;
  /** The stand-in alias the page is signed in as (from the `standin-user` cookie). */
  currentUser: string;
  users: { alias: string; title: string; role: string }[];
  /** Each web part's `loc/en-gb.js` strings and the ones their screens share, as SharePoint would load them. */
  strings: { tracker: TrackerPaneStrings; dashboard: DashboardPaneStrings; myActions: MyActionsStrings; shared: TrackerStrings };
  /** A fixed clock (ISO instant) for tests and benchmarks; null for the real time. */
  now: string | null;
}

/** One web part placed on a page, with the properties it starts with. */
export type WebPartInstance =
  | { id: string; kind: 'tracker'; defaults: Partial<TrackerSettings> }
  | { id: string; kind: 'dashboard'; defaults: Partial<DashboardSettings> };

export type PageName = 'tracker' | 'dashboard' | 'intranet' | 'inbox' | 'teams';

/**
 * The pages: the tracker as staff use it, the dashboard linking to it, and an intranet page where a
 * manager embeds a dashboard and two differently filtered trackers (each keeps its own settings;
 * the property pane narrows them further, by directorate or report). The inbox page hosts no web
 * part: it shows the Teams notifications the reminder service sent (InboxPage).
 */
export const PAGES: Record<PageName, { title: string; webParts: WebPartInstance[] }> = {
  tracker: { title: 'Tracker', webParts: [{ id: 'tracker', kind: 'tracker', defaults: {} }] },
  dashboard: { title: 'Dashboard', webParts: [{ id: 'dashboard', kind: 'dashboard', defaults: { trackerPageUrl: '?page=tracker' } }] },
  intranet: {
    title: 'Intranet page',
    webParts: [
      { id: 'intranet-dashboard', kind: 'dashboard', defaults: { title: 'Recommendations at a glance' } },
      { id: 'intranet-red', kind: 'tracker', defaults: { title: 'Everything RED', onlyRed: true, compact: true, pageSize: 10 } },
      { id: 'intranet-afi', kind: 'tracker', defaults: { title: 'Open areas for improvement', kind: 'Area for improvement', openOnly: true, grouping: 'none', pageSize: 10 } }
    ]
  },
  inbox: { title: 'Teams inbox', webParts: [] },
  // My Actions as a Teams tab and personal app, with a simulated Teams client (TeamsPage).
  teams: { title: 'Teams: My Actions', webParts: [] }
};
