/** The property pane's choices for the workbench page, read as SharePoint reads them. */
import * as React from 'react';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import { loadPaneChoices } from '../../components/settings/paneChoices';
import type { PaneChoices } from '../../components/settings/settings';

const NONE: PaneChoices = { reports: [], directorates: [] };

/**
 * The reports and directorates the pane's dropdowns offer, read once, when a pane first opens
 * (`wanted`), as SPFx does on `onPropertyPaneConfigurationStart`. Read at page load, they would load
 * every recommendation a second time, beside the web parts' own first reads.
 */
export function usePaneChoices(data: TrackerDataSource, wanted: boolean): PaneChoices {
  const [choices, setChoices] = React.useState<PaneChoices>(NONE);
  const asked = React.useRef(false);
  React.useEffect(() => {
    if (!wanted || asked.current) return;
    asked.current = true;
    loadPaneChoices(data).then(setChoices, () => undefined);
  }, [data, wanted]);
  return choices;
}
