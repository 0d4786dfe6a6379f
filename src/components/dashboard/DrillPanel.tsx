/**
 * A dashboard figure's items, opened in a panel on the dashboard's own page (when no tracker page
 * is set): the tracker's grid with the figure's filters. Loaded on demand, with the grid's code.
 */
import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import type { TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';
import { useStrings } from '../common/strings';
import { DEFAULT_TRACKER_SETTINGS } from '../settings/settings';
import type { LinkFilters } from '../settings/settings';
import { TrackerView } from '../tracker/RecommendationTracker';

export interface DrillPanelProps {
  data: TrackerDataSource;
  user: TrackerUser;
  title: string;
  link: LinkFilters;
  now: () => Date;
  onDismiss: () => void;
}

export function DrillPanel(props: DrillPanelProps): JSX.Element {
  const common = useStrings().Common;
  return (
    <Panel isOpen type={PanelType.extraLarge} headerText={props.title} closeButtonAriaLabel={common.Close} onDismiss={props.onDismiss}>
      <TrackerView data={props.data} user={props.user} settings={{ ...DEFAULT_TRACKER_SETTINGS, title: props.title }} linkFilters={props.link} now={props.now} />
    </Panel>
  );
}
