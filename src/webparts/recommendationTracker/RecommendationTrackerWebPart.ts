/** SPFx glue for the Recommendation Tracker web part. */
import * as React from 'react';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'RecommendationTrackerWebPartStrings';
import * as trackerStrings from 'TrackerStrings';
import type { RecommendationTracker } from '../../components/tracker/RecommendationTracker';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import type { SPFI } from '@pnp/sp';
import { EarlyReads } from '../../data/preload';
import { checkSetUp } from '../../components/setup/setUpCheck';
import type { SetUpState } from '../../components/setup/setUpCheck';
import { itemIdFromQuery, viewFromQuery } from '../../core/deepLinks';
import { linkFiltersFromQuery, trackerPane, withTrackerDefaults } from '../../components/settings/settings';
import type { PaneChoices, SettingGroup, TrackerSettings } from '../../components/settings/settings';
import { TrackerWebPartBase } from './TrackerWebPartBase';

export default class RecommendationTrackerWebPart extends TrackerWebPartBase<Partial<TrackerSettings>> {
  private view: typeof RecommendationTracker | undefined;
  private early: EarlyReads | undefined;
  private setUp: Promise<SetUpState> | undefined;

  /** The set-up check and the first reads start as soon as the data layer is in, while the view's chunk may still be downloading. */
  protected async createData(sp: SPFI): Promise<TrackerDataSource> {
    const data = await super.createData(sp);
    this.setUp = checkSetUp(data);
    this.early = new EarlyReads(data);
    return data;
  }

  protected async loadView(): Promise<void> {
    this.view = (await import(/* webpackChunkName: 'tracker-view' */ '../../components/tracker/RecommendationTracker')).RecommendationTracker;
  }

  protected element(data: TrackerDataSource, theme: PartialTheme | undefined): React.ReactElement {
    if (this.view === undefined) throw new Error('The tracker rendered before its view was loaded.');
    return React.createElement(this.view, {
      data,
      early: this.early,
      setUp: this.setUp,
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
