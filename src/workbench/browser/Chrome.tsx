/**
 * The workbench's own controls: the user and theme switchers, and each web part's "Edit web part"
 * button with its property pane. A chunk of its own, loaded once the web parts on the page have
 * drawn: a SharePoint page does not make its web parts wait for the workbench's chrome (Fluent's
 * Dropdown, buttons and Panel), so the workbench does not either.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { dashboardPane, trackerPane } from '../../components/settings/settings';
import type { DashboardSettings, PaneChoices, TrackerSettings } from '../../components/settings/settings';
import { THEME_NAMES } from '../../components/theme/themes';
import type { ThemeName } from '../../components/theme/themes';
import { PropertyPane } from './PropertyPane';
import type { WebPartInstance, WorkbenchConfig } from './pages';

const THEME_LABELS: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

/** Who the page is signed in as (the stand-in's `standin-user` cookie) and its theme, each Dropdown `widths` wide. */
export function Switchers(props: { config: WorkbenchConfig; themeName: ThemeName; onTheme: (name: ThemeName) => void; widths: readonly [number, number] }): JSX.Element {
  const { config } = props;
  const switchUser = (alias: string): void => {
    document.cookie = `standin-user=${encodeURIComponent(alias)}; path=/; SameSite=Lax`;
    window.location.reload();
  };
  return (
    <>
      <Dropdown
        label="Signed in as"
        styles={{ root: { minWidth: props.widths[0] } }}
        selectedKey={config.currentUser}
        options={config.users.map((u) => ({ key: u.alias, text: `${u.title} (${u.role})` }))}
        onChange={(_, o) => o !== undefined && switchUser(String(o.key))}
      />
      <Dropdown
        label="Theme"
        styles={{ root: { minWidth: props.widths[1] } }}
        selectedKey={props.themeName}
        options={THEME_NAMES.map((t) => ({ key: t, text: THEME_LABELS[t] }))}
        onChange={(_, o) => o !== undefined && props.onTheme(o.key as ThemeName)}
      />
    </>
  );
}

export interface EditWebPartProps {
  instance: WebPartInstance;
  title: string;
  config: WorkbenchConfig;
  choices: PaneChoices;
  /** The pane is about to open: its choices are read then, as SPFx does. */
  onEdit: () => void;
  tracker: TrackerSettings;
  onTracker: (value: TrackerSettings) => void;
  dashboard: DashboardSettings;
  onDashboard: (value: DashboardSettings) => void;
}

/** "Edit web part" and the web part's property pane. */
export function EditWebPart(props: EditWebPartProps): JSX.Element {
  const { instance, title, config } = props;
  const [editing, setEditing] = React.useState(false);
  return (
    <>
      <DefaultButton
        iconProps={{ iconName: 'Edit' }}
        text="Edit web part"
        ariaLabel={`Edit web part: ${title} (${instance.id})`}
        onClick={() => {
          props.onEdit();
          setEditing(true);
        }}
      />
      {editing &&
        (instance.kind === 'tracker' ? (
          <PropertyPane<TrackerSettings>
            title={title}
            description={config.strings.tracker.PropertyPaneDescription}
            groups={trackerPane(config.strings.tracker, config.strings.shared, props.choices)}
            values={props.tracker}
            onChange={props.onTracker}
            onDismiss={() => setEditing(false)}
          />
        ) : (
          <PropertyPane<DashboardSettings>
            title={title}
            description={config.strings.dashboard.PropertyPaneDescription}
            groups={dashboardPane(config.strings.dashboard, config.strings.shared.Pane, props.choices, window.location.href, config.strings.shared)}
            values={props.dashboard}
            onChange={props.onDashboard}
            onDismiss={() => setEditing(false)}
          />
        ))}
    </>
  );
}
