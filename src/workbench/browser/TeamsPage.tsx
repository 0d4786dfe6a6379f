/**
 * The workbench's Teams view: My Actions hosted as Microsoft Teams hosts it, with a simulated TeamsJS
 * context built from the signed-in stand-in user. The bar above the tab plays the Teams client: the
 * surface (the personal app or a channel tab), the Teams theme (switched while the tab is open, as
 * Teams tells a tab), and for a channel tab its configuration, which SPFx shows as the web part's
 * property pane. `?subEntityId=<id>` is a deep link: the tab opens that item's update dialog.
 */
import * as React from 'react';
import type { app, FrameContexts, HostClientType, HostName } from '@microsoft/teams-js-v2';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { MyActions } from '../../components/MyActions/MyActions';
import type { MyActionsSource } from '../../data/myWork';
import { myActionsPane, withMyActionsDefaults } from '../../components/MyActions/settings';
import type { MyActionsSettings, MyActionsStrings } from '../../components/MyActions/settings';
import { SimulatedTeamsApp } from '../../components/teams/simulatedTeams';
import type { TrackerUser } from '../../data/TrackerDataSource';
import { usePaneChoices } from './usePaneChoices';
import { PropertyPane } from './PropertyPane';
import { useStrings } from '../../components/common/strings';

/** Teams' own theme names, as `app.Context.app.theme` gives them. */
type TeamsTheme = 'default' | 'dark' | 'contrast';
type Surface = 'personal' | 'channel';

const TEAMS_THEMES: { key: TeamsTheme; text: string }[] = [
  { key: 'default', text: 'Default' },
  { key: 'dark', text: 'Dark' },
  { key: 'contrast', text: 'High contrast' }
];
const SURFACES: { key: Surface; text: string }[] = [
  { key: 'personal', text: 'Personal app' },
  { key: 'channel', text: 'Channel tab' }
];

/** The demo directory's Chief of Staff signs off closures in the workbench's Teams app. */
const WORKBENCH_APPROVER = 'manager@contoso.onmicrosoft.com';
/** Where the channel tab's configuration is kept between visits, as Teams keeps a tab's. */
const CHANNEL_TAB_KEY = 'workbench:teams-channel-tab';

export interface TeamsPageProps {
  /** My Actions' reads and the tracker's data source, over the workbench's one PnPjs instance. */
  source: MyActionsSource;
  /** My Actions' `loc/en-gb.js` strings. */
  strings: MyActionsStrings;
  /** The page's clock (fixed in tests). */
  now?: () => Date;
}

function storedChannelSettings(): Partial<MyActionsSettings> {
  const raw = window.localStorage.getItem(CHANNEL_TAB_KEY);
  if (raw === null) return {};
  try {
    return JSON.parse(raw) as Partial<MyActionsSettings>;
  } catch {
    return {};
  }
}

/** The TeamsJS context Teams would give this user on this surface. */
function teamsContextFor(user: TrackerUser, surface: Surface, theme: TeamsTheme, subEntityId: string | null): app.Context {
  // TeamsJS's enums by value (type-only import: the page does not bundle TeamsJS).
  const host = { name: 'Teams' as HostName, clientType: 'web' as HostClientType, sessionId: 'workbench' };
  return {
    app: { locale: 'en-GB', theme, sessionId: 'workbench', host },
    page: { id: surface === 'personal' ? 'myActions' : 'myActionsTab', frameContext: 'content' as FrameContexts, ...(subEntityId === null ? {} : { subPageId: subEntityId }) },
    user: { id: String(user.id), displayName: user.name, userPrincipalName: user.email },
    dialogParameters: {},
    ...(surface === 'channel' ? { team: { internalId: '19:inspection-working-group@thread.tacv2', displayName: 'Inspection Working Group' }, channel: { id: '19:inspections@thread.tacv2', displayName: 'Recommendations' } } : {})
  };
}

export default function TeamsPage(props: TeamsPageProps): JSX.Element {
  const { strings, now, source } = props;
  const shared = useStrings();
  const outer = useTheme();
  const query = React.useMemo(() => new URLSearchParams(window.location.search), []);
  const [user, setUser] = React.useState<TrackerUser | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [surface, setSurface] = React.useState<Surface>(query.get('surface') === 'channel' ? 'channel' : 'personal');
  const [theme, setTheme] = React.useState<TeamsTheme>('default');
  const [channelSettings, setChannelSettings] = React.useState<Partial<MyActionsSettings>>(storedChannelSettings);
  const [configuring, setConfiguring] = React.useState(false);
  const choices = usePaneChoices(source.tracker, configuring);
  // A surface opened later starts in the theme Teams is in then; the theme itself never rebuilds the app.
  const themeNow = React.useRef(theme);
  themeNow.current = theme;

  React.useEffect(() => {
    source.tracker.currentUser().then(setUser, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [source]);

  const app = React.useMemo(
    () => (user === null ? null : new SimulatedTeamsApp(teamsContextFor(user, surface, themeNow.current, query.get('subEntityId')))),
    [user, surface, query]
  );

  const switchTheme = (next: TeamsTheme): void => {
    setTheme(next);
    app?.setTheme(next);
  };
  const saveChannelSettings = (values: MyActionsSettings): void => {
    window.localStorage.setItem(CHANNEL_TAB_KEY, JSON.stringify(values));
    setChannelSettings(values);
  };
  // The personal app has no configuration; a channel tab has its directorate or report.
  const settings = withMyActionsDefaults({
    trackerPageUrl: '?page=tracker',
    approverEmail: WORKBENCH_APPROVER,
    ...(surface === 'channel' ? channelSettings : {})
  });

  const styles = mergeStyleSets({
    client: { border: `1px solid ${outer.semanticColors.variantBorder}` },
    bar: { padding: '8px 16px', borderBottom: `1px solid ${outer.semanticColors.variantBorder}`, background: outer.semanticColors.bodyStandoutBackground }
  });
  return (
    <section className={styles.client} aria-label="Microsoft Teams (simulated)" data-testid="teams-client">
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 24 }} className={styles.bar}>
        <Text variant="large" as="h2">
          Microsoft Teams (simulated)
        </Text>
        <Dropdown label="Teams surface" styles={{ root: { minWidth: 180 } }} selectedKey={surface} options={SURFACES} onChange={(_, o) => o !== undefined && setSurface(o.key as Surface)} />
        <Dropdown label="Teams theme" styles={{ root: { minWidth: 180 } }} selectedKey={theme} options={TEAMS_THEMES} onChange={(_, o) => o !== undefined && switchTheme(o.key as TeamsTheme)} />
        {surface === 'channel' && <DefaultButton iconProps={{ iconName: 'Settings' }} text="Tab settings" onClick={() => setConfiguring(true)} />}
      </Stack>
      <div data-testid="teams-tab" data-surface={surface}>
        {error !== null && <Text block>{error}</Text>}
        {app !== null && <MyActions key={surface} source={source} settings={settings} strings={strings} teams={app} now={now} />}
      </div>
      {configuring && (
        <PropertyPane<MyActionsSettings>
          title="My Actions: channel tab"
          description={strings.PropertyPaneDescription}
          groups={myActionsPane(strings, shared.Pane, choices, window.location.href, shared)}
          values={settings}
          onChange={saveChannelSettings}
          onDismiss={() => setConfiguring(false)}
        />
      )}
    </section>
  );
}
