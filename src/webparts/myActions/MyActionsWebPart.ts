/**
 * SPFx glue for My Actions: a SharePoint web part, a Teams personal app and a configurable channel
 * tab (the tab's configuration is this property pane: a directorate or a report). Inside Teams,
 * SPFx hands over TeamsJS v2 as `context.sdks.microsoftTeams.teamsJs`; it is undefined elsewhere,
 * and then the page's theme applies.
 */
import * as React from 'react';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import type { SPFI } from '@pnp/sp';
import * as strings from 'MyActionsWebPartStrings';
import * as trackerStrings from 'TrackerStrings';
import type { MyActions } from '../../components/MyActions/MyActions';
import type { MyActionsSource } from '../../data/myWork';
import { myActionsPane, withMyActionsDefaults } from '../../components/MyActions/settings';
import type { MyActionsSettings } from '../../components/MyActions/settings';
import type { TeamsAppLike } from '../../components/teams/teamsContext';
import type { PaneChoices, SettingGroup } from '../../components/settings/settings';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import { TrackerWebPartBase } from '../recommendationTracker/TrackerWebPartBase';

export default class MyActionsWebPart extends TrackerWebPartBase<Partial<MyActionsSettings>> {
  private view: typeof MyActions | undefined;
  private source: MyActionsSource | undefined;
  private teams: TeamsAppLike | undefined;

  protected async loadView(): Promise<void> {
    this.view = (await import(/* webpackChunkName: 'my-actions-view' */ '../../components/MyActions/MyActions')).MyActions;
  }

  /** My Actions' reads and the tracker's data source share the one PnPjs instance and data layer (My Actions' reads load with its view). */
  protected async createData(sp: SPFI): Promise<TrackerDataSource> {
    const { createMyActionsSource } = await import(/* webpackChunkName: 'my-actions-view' */ '../../data/myWork');
    this.source = createMyActionsSource(sp, undefined, this.context.pageContext.web.absoluteUrl);
    return this.source.tracker;
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    // Defined only when the web part runs in Teams (a tab or the personal app).
    const teamsSdk = this.context.sdks.microsoftTeams;
    this.teams = teamsSdk === undefined ? undefined : teamsSdk.teamsJs.app;
  }

  protected element(_data: TrackerDataSource, theme: PartialTheme | undefined): React.ReactElement {
    if (this.source === undefined || this.view === undefined) throw new Error('My Actions rendered before it was initialised.');
    return React.createElement(this.view, { source: this.source, settings: withMyActionsDefaults(this.properties), strings, teams: this.teams, theme });
  }

  protected pane(choices: PaneChoices): { description: string; groups: SettingGroup[] } {
    return { description: strings.PropertyPaneDescription, groups: myActionsPane(strings, trackerStrings.Pane, choices, this.context.pageContext.web.absoluteUrl, trackerStrings) };
  }
}
