/** SPFx glue for the Tracker Dashboard web part. */
import * as React from 'react';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'TrackerDashboardWebPartStrings';
import * as trackerStrings from 'TrackerStrings';
import type { TrackerDashboard } from '../../components/dashboard/TrackerDashboard';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import { dashboardPane, withDashboardDefaults } from '../../components/settings/settings';
import type { DashboardSettings, PaneChoices, SettingGroup } from '../../components/settings/settings';
import { TrackerWebPartBase } from '../recommendationTracker/TrackerWebPartBase';

export default class TrackerDashboardWebPart extends TrackerWebPartBase<Partial<DashboardSettings>> {
  private view: typeof TrackerDashboard | undefined;

  protected async loadView(): Promise<void> {
    this.view = (await import(/* webpackChunkName: 'dashboard-view' */ '../../components/dashboard/TrackerDashboard')).TrackerDashboard;
  }

  protected element(data: TrackerDataSource, theme: PartialTheme | undefined): React.ReactElement {
    if (this.view === undefined) throw new Error('The dashboard rendered before its view was loaded.');
    return React.createElement(this.view, { data, theme, settings: withDashboardDefaults(this.properties, strings.DefaultTitle) });
  }

  protected pane(choices: PaneChoices): { description: string; groups: SettingGroup[] } {
    return { description: strings.PropertyPaneDescription, groups: dashboardPane(strings, trackerStrings.Pane, choices, this.context.pageContext.web.absoluteUrl, trackerStrings) };
  }
}
