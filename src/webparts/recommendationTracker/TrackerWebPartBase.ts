/**
 * What the web parts share as SPFx glue: the PnPjs instance from the page context, one React root
 * rendered with the page's theme and unmounted on dispose, and a property pane whose dropdowns are
 * filled from the site when it opens.
 *
 * A web part's own bundle holds only this glue. Its view (the React root with Fluent UI) and the
 * data layer (PnPjs's list methods, the schema) load in onInit as chunks of the one webpack build of
 * the solution: webpack puts what the views share in shared chunks, one file each, so a page with a
 * dashboard, trackers and My Actions downloads that code once, not once per web part bundle.
 * React and ReactDOM are SharePoint's own (SPFx externals).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { spfi, SPFx } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import type { PaneChoices, SettingGroup } from '../../components/settings/settings';
import { loadPaneChoices } from '../../components/settings/paneChoices';
import * as trackerStrings from 'TrackerStrings';
import { TrackerStringsProvider } from '../../components/common/strings';
import { spfxPane } from './propertyPane';

export abstract class TrackerWebPartBase<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  private data: TrackerDataSource | undefined;
  private theme: IReadonlyTheme | undefined;
  private choices: PaneChoices = { reports: [], directorates: [] };

  /** Loads the web part's view (its chunk) before the first render. */
  protected abstract loadView(): Promise<void>;
  /** The React root for the current properties. */
  protected abstract element(data: TrackerDataSource, theme: PartialTheme | undefined): React.ReactElement;
  /** The pane's description line and groups. */
  protected abstract pane(choices: PaneChoices): { description: string; groups: SettingGroup[] };

  /**
   * The data source over the web part's one PnPjs instance, from the data layer's chunk (My Actions
   * builds its own source around it). Named by the site's URL, so that the page's web parts over
   * the same site share their reads of the recommendations and see each other's saves.
   */
  protected async createData(sp: SPFI): Promise<TrackerDataSource> {
    const { createDataSource } = await import(/* webpackChunkName: 'web-part-data' */ '../../data/createDataSource');
    return createDataSource(sp, undefined, undefined, this.context.pageContext.web.absoluteUrl);
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    const [data] = await Promise.all([this.createData(spfi().using(SPFx(this.context))), this.loadView()]);
    this.data = data;
  }

  public render(): void {
    if (this.data === undefined) return;
    // SPFx's theme has Fluent's shape (palette, semanticColors, fonts): Fluent takes it as given.
    // The screens' shared strings (loc/en-gb.js under webparts/shared) for whichever web part this is.
    const root = this.element(this.data, this.theme as PartialTheme | undefined);
    ReactDom.render(React.createElement(TrackerStringsProvider, { strings: trackerStrings }, root), this.domElement);
  }

  protected onThemeChanged(currentTheme: IReadonlyTheme | undefined): void {
    this.theme = currentTheme;
    this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected onPropertyPaneConfigurationStart(): void {
    if (this.data === undefined) return;
    loadPaneChoices(this.data)
      .then((choices) => {
        this.choices = choices;
        this.context.propertyPane.refresh();
      })
      .catch(() => {
        // The pane still works without the site's choices: its dropdowns then offer "All" only.
      });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const { description, groups } = this.pane(this.choices);
    return spfxPane(description, groups);
  }
}
