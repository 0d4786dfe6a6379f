/** SPFx glue for the Recommendation Tracker web part. */
import * as React from 'react';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'RecommendationTrackerWebPartStrings';
import * as trackerStrings from 'TrackerStrings';
import type { RecommendationTracker } from '../../components/tracker/RecommendationTracker';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import { itemIdFromQuery, viewFromQuery } from '../../core/deepLinks';
import { linkFiltersFromQuery, trackerPane, withTrackerDefaults } from '../../components/settings/settings';
import type { PaneChoices, SettingGroup, TrackerSettings } from '../../components/settings/settings';
import { TrackerWebPartBase } from './TrackerWebPartBase';

export default class RecommendationTrackerWebPart extends TrackerWebPartBase<Partial<TrackerSettings>> {
  private view: typeof RecommendationTracker | undefined;

  protected async loadView(): Promise<void> {
    this.view = (await import(/* webpackChunkName: 'tracker-view' */ '../../components/tracker/RecommendationTracker')).RecommendationTracker;
  }

  protected element(data: TrackerDataSource, theme: PartialTheme | undefined): React.ReactElement {
    if (this.view === undefined) throw new Error('The tracker rendered before its view was loaded.');
    return React.createElement(this.view, {
      data,
      theme,
      settings: withTrackerDefaults(this.properties, strings.DefaultTitle),
      // A dashboard click opens this page with its filters in the address.
      linkFilters: linkFiltersFromQuery(window.location.search),
      openItemId: itemIdFromQuery(window.location.search),
      view: viewFromQuery(window.location.search)
    });
  }

  protected pane(choices: PaneChoices): { description: string; groups: SettingGroup[] } {
    return { description: strings.PropertyPaneDescription, groups: trackerPane(strings, trackerStrings, choices) };
  }
}
