/**
 * SPFx glue for My Actions: a SharePoint web part, a Teams personal app and a configurable channel
 * tab (the tab's configuration is this property pane: a directorate or a report). Inside Teams,
 * SPFx hands over TeamsJS v2 as `context.sdks.microsoftTeams.teamsJs`; it is undefined elsewhere,
 * and then the page's theme applies.
 */
import * as React from 'react';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { spfi, SPFx } from '@pnp/sp';
import * as strings from 'MyActionsWebPartStrings';
import type { MyActions } from '../../components/MyActions/MyActions';
import type { MyActionsSource } from '../../components/MyActions/myWork';
import { myActionsPane, withMyActionsDefaults } from '../../components/MyActions/settings';
import type { MyActionsSettings } from '../../components/MyActions/settings';
import type { TeamsAppLike } from '../../components/teams/teamsContext';
import type { PaneChoices, SettingGroup } from '../../components/settings/settings';
import type { TrackerDataSource } from '../../components/data/TrackerDataSource';
import { TrackerWebPartBase } from '../recommendationTracker/TrackerWebPartBase';

export default class MyActionsWebPart extends TrackerWebPartBase<Partial<MyActionsSettings>> {
  private view: typeof MyActions | undefined;
  private source: MyActionsSource | undefined;
  private teams: TeamsAppLike | undefined;

  protected async loadView(): Promise<void> {
    const [view, work] = await Promise.all([
      import(/* webpackChunkName: 'my-actions-view' */ '../../components/MyActions/MyActions'),
      import(/* webpackChunkName: 'my-actions-view' */ '../../components/MyActions/myWork')
    ]);
    this.view = view.MyActions;
    this.source = work.createMyActionsSource(spfi().using(SPFx(this.context)));
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
    return { description: strings.PropertyPaneDescription, groups: myActionsPane(strings, choices, this.context.pageContext.web.absoluteUrl) };
  }
}
