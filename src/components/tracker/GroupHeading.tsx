/**
 * A group's heading in the tracker (its report or directorate, with the number of items), drawn the
 * same in the first view's table and in the grid. Fluent's own heading puts aria-expanded on the
 * row, which a grid's rows may not carry (axe: aria-conditional-attr); here the expand button
 * carries it instead.
 */
import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { Theme } from '@fluentui/react/lib/Theme';

export interface HeadingGroup {
  key: string;
  name: string;
  count: number;
  isCollapsed?: boolean;
}

/** The heading row's box (padding and rule), for the grid's row and the table's header cell alike. */
export function groupHeadingRow(theme: Theme): { padding: string; borderBottom: string } {
  return { padding: '8px 0 4px 0', borderBottom: `1px solid ${theme.semanticColors.variantBorder}` };
}

/** The expand button with the group's name and count. */
export function GroupToggle(props: { group: HeadingGroup; onToggle?: () => void }): JSX.Element {
  const theme = useTheme();
  const collapsed = props.group.isCollapsed === true;
  const styles = mergeStyleSets({
    button: { background: 'none', border: 'none', color: theme.semanticColors.bodyText, font: 'inherit', fontSize: 16, fontWeight: 600, cursor: 'pointer', textAlign: 'left', padding: '4px 8px' }
  });
  return (
    <button type="button" className={styles.button} aria-expanded={!collapsed} onClick={props.onToggle}>
      <Icon iconName={collapsed ? 'ChevronRight' : 'ChevronDown'} aria-hidden="true" styles={{ root: { marginRight: 8, fontSize: 12 } }} />
      {props.group.name} ({props.group.count})
    </button>
  );
}

/** The heading as a row of the grid. */
export function GroupHeading(props: { group: HeadingGroup; onToggle?: () => void }): JSX.Element {
  const theme = useTheme();
  const row = mergeStyleSets({ row: groupHeadingRow(theme) }).row;
  return (
    <div role="row" className={row}>
      <div role="rowheader">
        <GroupToggle group={props.group} onToggle={props.onToggle} />
      </div>
    </div>
  );
}
