/**
 * The local workbench page: hosts the tracker's web parts as a SharePoint page does (each with its
 * own properties and an "Edit web part" property pane), with a user switcher (the stand-in's
 * `standin-user` cookie) and a light / dark / high-contrast theme switch. PnPjs talks to the
 * stand-in through the workbench server, on the page's own origin, exactly as on a real site.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { spfi } from '@pnp/sp';
import { SPBrowser } from '@pnp/sp/behaviors/spbrowser';
import { Link } from '@fluentui/react/lib/Link';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { initializeIcons } from '@fluentui/react/lib/Icons';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { RecommendationTracker } from '../../components/tracker/RecommendationTracker';
import { itemIdFromQuery, viewFromQuery } from '../../core/deepLinks';
import { TrackerStringsProvider } from '../../components/common/strings';
import { OnDemand } from '../../components/common/OnDemand';
import { createMyActionsSource } from '../../data/myWork';
import type { MyActionsSource } from '../../data/myWork';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import { EarlyReads } from '../../data/preload';
import { checkSetUp } from '../../components/setup/setUpCheck';
import type { SetUpState } from '../../components/setup/setUpCheck';
import { linkFiltersFromQuery, withDashboardDefaults, withTrackerDefaults } from '../../components/settings/settings';
import type { DashboardSettings, PaneChoices, TrackerSettings } from '../../components/settings/settings';
import { THEMES, THEME_NAMES } from '../../components/theme/themes';
import type { ThemeName } from '../../components/theme/themes';
import { usePaneChoices } from './usePaneChoices';
import { PAGES, WORKBENCH_CONFIG_ID } from './pages';
import type { PageName, WebPartInstance, WorkbenchConfig } from './pages';
import type { EditWebPartProps } from './Chrome';

// A chunk of its own: the Adaptive Cards renderer loads only on the inbox page.
const InboxPage = React.lazy(() => import('./InboxPage'));
// My Actions in a simulated Teams client: a chunk of its own too.
const TeamsPage = React.lazy(() => import('./TeamsPage'));
// The dashboard web part in a chunk of its own, asked for at once on the pages that hold one.
const dashboardChunk = (): Promise<{ default: typeof import('../../components/dashboard/TrackerDashboard').TrackerDashboard }> =>
  import('../../components/dashboard/TrackerDashboard').then((m) => ({ default: m.TrackerDashboard }));
const TrackerDashboard = React.lazy(dashboardChunk);
// The workbench's own controls (Chrome.tsx) load once the web parts have drawn (see `webPartsDrawn`).
let chromeChunk: Promise<typeof import('./Chrome')> | null = null;
function loadChrome(): Promise<typeof import('./Chrome')> {
  chromeChunk ??= webPartsDrawn().then(() => import('./Chrome'));
  return chromeChunk;
}
const Switchers = React.lazy(() => loadChrome().then((m) => ({ default: m.Switchers })));
const EditWebPart = React.lazy(() => loadChrome().then((m) => ({ default: m.EditWebPart })));
/** The switchers' widths, and their height as drawn (a labelled Dropdown): held while they load, so that the page does not move. */
const SWITCHER_WIDTHS: readonly [number, number] = [260, 160];
const SWITCHER_HEIGHT = 58;
/** The height of the "Edit web part" button, held likewise. */
const TOOLBAR_HEIGHT = 32;
const CHROME_FAILED = "The workbench's own controls could not be loaded:";

function readConfig(): WorkbenchConfig {
  const element = document.getElementById(WORKBENCH_CONFIG_ID);
  if (element === null || element.textContent === null) throw new Error('The workbench page has no configuration.');
  return JSON.parse(element.textContent) as WorkbenchConfig;
}

function storedSettings<T>(instanceId: string): Partial<T> | undefined {
  const raw = window.localStorage.getItem(`workbench:${instanceId}`);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as Partial<T>;
  } catch {
    return undefined;
  }
}

function initialTheme(): ThemeName {
  const asked = new URLSearchParams(window.location.search).get('theme') ?? window.localStorage.getItem('workbench:theme');
  return (THEME_NAMES as readonly string[]).includes(asked ?? '') ? (asked as ThemeName) : 'light';
}

function currentPage(): PageName {
  const asked = new URLSearchParams(window.location.search).get('page');
  return asked !== null && asked in PAGES ? (asked as PageName) : 'tracker';
}

/** One web part on the page, with its own stored properties and property pane. */
function HostedWebPart(props: { instance: WebPartInstance; config: WorkbenchConfig; data: TrackerDataSource; early?: EarlyReads; setUp?: Promise<SetUpState>; choices: PaneChoices; onEdit: () => void; theme: ThemeName; now: () => Date }): JSX.Element {
  const { instance, config } = props;
  const [tracker, setTracker] = React.useState<TrackerSettings>(() => withTrackerDefaults({ ...instance.defaults, ...storedSettings<TrackerSettings>(instance.id) }, config.strings.tracker.DefaultTitle));
  const [dashboard, setDashboard] = React.useState<DashboardSettings>(() =>
    withDashboardDefaults({ ...instance.defaults, ...storedSettings<DashboardSettings>(instance.id) }, config.strings.dashboard.DefaultTitle)
  );
  const save = <T,>(set: (v: T) => void) => (value: T): void => {
    set(value);
    window.localStorage.setItem(`workbench:${instance.id}`, JSON.stringify(value));
  };
  const theme = THEMES[props.theme];
  const styles = mergeStyleSets({
    frame: { border: `1px dashed ${theme.semanticColors.variantBorder}`, padding: 16, position: 'relative' },
    toolbar: { display: 'flex', justifyContent: 'flex-end', minHeight: TOOLBAR_HEIGHT, marginBottom: 8 }
  });
  const title = instance.kind === 'tracker' ? 'Recommendation Tracker' : 'Tracker Dashboard';
  const edit: EditWebPartProps = { instance, title, config, choices: props.choices, onEdit: props.onEdit, tracker, onTracker: save(setTracker), dashboard, onDashboard: save(setDashboard) };
  return (
    <div className={styles.frame} data-webpart={instance.id}>
      <div className={styles.toolbar}>
        <OnDemand loading="" failed={CHROME_FAILED} placeholder={null}>
          <EditWebPart {...edit} />
        </OnDemand>
      </div>
      {instance.kind === 'tracker' ? (
        <RecommendationTracker data={props.data} early={props.early} setUp={props.setUp} settings={tracker} theme={theme} linkFilters={linkFiltersFromQuery(window.location.search)} openItemId={itemIdFromQuery(window.location.search)} now={props.now} view={viewFromQuery(window.location.search)} />
      ) : (
        <OnDemand loading={config.strings.shared.Shell.Loading} failed={config.strings.shared.OnDemand.Failed}>
          <TrackerDashboard data={props.data} settings={dashboard} theme={theme} now={props.now} />
        </OnDemand>
      )}
    </div>
  );
}

function Workbench(props: { config: WorkbenchConfig; data: TrackerDataSource; source: MyActionsSource; early: Map<string, EarlyReads>; setUp?: Promise<SetUpState> }): JSX.Element {
  const { config, data } = props;
  const [themeName, setThemeName] = React.useState<ThemeName>(initialTheme);
  const [paneOpened, setPaneOpened] = React.useState(false);
  const choices = usePaneChoices(data, paneOpened);
  const page = currentPage();
  const theme = THEMES[themeName];
  const now = React.useMemo(() => (config.now === null ? () => new Date() : () => new Date(config.now ?? '')), [config.now]);

  const switchTheme = (name: ThemeName): void => {
    window.localStorage.setItem('workbench:theme', name);
    setThemeName(name);
  };
  const styles = mergeStyleSets({
    bar: { padding: '8px 16px', borderBottom: `1px solid ${theme.semanticColors.variantBorder}`, background: theme.semanticColors.bodyStandoutBackground },
    canvas: { padding: 16, display: 'grid', gap: 16 }
  });
  return (
    <ThemeProvider theme={theme} applyTo="body">
      <header className={styles.bar}>
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 24 }}>
          <Text variant="large" as="h1">
            Inspection tracker · local workbench
          </Text>
          <nav aria-label="Workbench pages">
            <Stack horizontal tokens={{ childrenGap: 12 }}>
              {(Object.keys(PAGES) as PageName[]).map((p) => (
                <Link key={p} href={`?page=${p}`} aria-current={p === page ? 'page' : undefined} underline={p === page}>
                  {PAGES[p].title}
                </Link>
              ))}
            </Stack>
          </nav>
          <OnDemand loading="" failed={CHROME_FAILED} placeholder={SWITCHER_WIDTHS.map((width) => <div key={width} style={{ width, height: SWITCHER_HEIGHT }} />)}>
            <Switchers config={config} themeName={themeName} onTheme={switchTheme} widths={SWITCHER_WIDTHS} />
          </OnDemand>
        </Stack>
      </header>
      <main className={styles.canvas}>
        {PAGES[page].webParts.map((instance) => (
          <HostedWebPart key={instance.id} instance={instance} config={config} data={data} early={props.early.get(instance.id)} setUp={props.setUp} choices={choices} onEdit={() => setPaneOpened(true)} theme={themeName} now={now} />
        ))}
        {page === 'inbox' && (
          <React.Suspense fallback={<Text>Loading the Teams inbox…</Text>}>
            <InboxPage currentUser={config.currentUser} users={config.users} theme={themeName} />
          </React.Suspense>
        )}
        {page === 'teams' && (
          <React.Suspense fallback={<Text>Loading the Teams view…</Text>}>
            <TeamsPage source={props.source} strings={config.strings.myActions} now={config.now === null ? undefined : now} />
          </React.Suspense>
        )}
      </main>
    </ThemeProvider>
  );
}

const config = readConfig();
initializeIcons(config.iconsUrl);
const sp = spfi(config.siteUrl).using(SPBrowser({ baseUrl: config.siteUrl }));
const now = config.now === null ? undefined : () => new Date(config.now ?? '');
// One PnPjs instance and one data layer for every page: the tracker's data source is My Actions'.
const source = createMyActionsSource(sp, now);
// As each tracker web part does on SharePoint once its data layer is in (its onInit): the set-up
// check and its first reads start now, and go out (PnPjs sends in a later microtask) before the page and its own chrome
// render, in the task after this one, as SPFx renders a web part after its onInit.
const early = new Map(PAGES[currentPage()].webParts.filter((w) => w.kind === 'tracker').map((w) => [w.id, new EarlyReads(source.tracker)]));
const setUp = early.size > 0 ? checkSetUp(source.tracker) : undefined;
if (PAGES[currentPage()].webParts.some((w) => w.kind === 'dashboard')) void dashboardChunk().catch(() => undefined);
/**
 * Settles once the trackers' set-up check and first reads are in (their first rows are drawn in the
 * same task) and the page is next idle: then the workbench's own controls load. A SharePoint page
 * does not make its web parts wait for the workbench's chrome; on a page without a tracker, they
 * load when the page is first idle.
 */
function webPartsDrawn(): Promise<void> {
  const idle = (resolve: () => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  };
  return Promise.allSettled([setUp, ...[...early.values()].map((e) => e.firstIn)]).then(() => new Promise<void>(idle));
}
document.documentElement.lang = 'en-GB';
setTimeout(() =>
  ReactDom.render(
    <TrackerStringsProvider strings={config.strings.shared}>
      <Workbench config={config} data={source.tracker} source={source} early={early} setUp={setUp} />
    </TrackerStringsProvider>,
    document.getElementById('root')
  )
);
