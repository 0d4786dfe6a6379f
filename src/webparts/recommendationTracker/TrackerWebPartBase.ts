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
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { spfi, SPFx } from '@pnp/sp';
import type { TrackerDataSource } from '../../components/data/TrackerDataSource';
import type { PaneChoices, SettingGroup } from '../../components/settings/settings';
import { loadPaneChoices } from '../../components/settings/paneChoices';
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

  protected async onInit(): Promise<void> {
    await super.onInit();
    const [{ createDataSource }] = await Promise.all([import(/* webpackChunkName: 'web-part-data' */ '../../components/data/createDataSource'), this.loadView()]);
    this.data = createDataSource(spfi().using(SPFx(this.context)));
  }

  public render(): void {
    if (this.data === undefined) return;
    // SPFx's theme has Fluent's shape (palette, semanticColors, fonts): Fluent takes it as given.
    ReactDom.render(this.element(this.data, this.theme as PartialTheme | undefined), this.domElement);
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
