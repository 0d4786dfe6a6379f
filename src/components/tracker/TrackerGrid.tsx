/**
 * The tracker's full grid: Fluent's grouped, virtualised DetailsList, with keyboard navigation
 * between cells, resizable columns and collapsible groups. A chunk of its own, loaded beside the
 * first page of data: until it arrives, {@link FirstRows} draws the same rows as a plain table, and
 * the grid takes its place in the same layout, with the focus where the user had put it.
 */
import * as React from 'react';
import { ConstrainMode, DetailsList, DetailsListLayoutMode, DetailsRow, SelectionMode } from '@fluentui/react/lib/DetailsList';
import type { IDetailsGroupRenderProps, IDetailsRowProps } from '@fluentui/react/lib/DetailsList';
import type { TrackerRow } from './rows';
import { GroupHeading } from './GroupHeading';
import type { RowsViewProps } from './FirstRows';

export interface TrackerGridProps extends RowsViewProps {
  onOpen: (row: TrackerRow) => void;
}

// Rows show as the first view drew them, at once: Fluent's fade-in would make them flash as the
// grid replaces the table (and again on every filter).
const rowStyles = { root: { animationName: 'none' } };
function renderRow(props?: IDetailsRowProps): JSX.Element | null {
  return props === undefined ? null : <DetailsRow {...props} styles={rowStyles} />;
}

// The grid's props are kept by identity: DetailsList and GroupedList redraw what a new function or
// object passed to them reaches. With every prop the same (a search key that kept the same rows),
// the grid is not drawn again at all.
const Grid = React.memo(DetailsList);
const rowKey = (row: TrackerRow): string => String(row.id);
const always = (): boolean => true;

export function TrackerGrid(props: TrackerGridProps): JSX.Element {
  const root = React.useRef<HTMLDivElement>(null);
  const { handOver, collapsed, onToggleGroup } = props;
  // Fluent reads a group's state from its object: the collapsed ones are marked on copies, made
  // afresh only when the groups or the collapsed set change (the same groups keep the same array).
  const groups = React.useMemo(() => props.groups?.map((g) => (collapsed.has(g.key) ? { ...g, isCollapsed: true } : g)), [props.groups, collapsed]);
  const groupProps = React.useMemo<IDetailsGroupRenderProps>(
    () => ({
      showEmptyGroups: false,
      onRenderHeader: (headerProps) =>
        headerProps?.group === undefined ? null : <GroupHeading group={headerProps.group} onToggle={() => headerProps.group !== undefined && onToggleGroup(headerProps.group.key)} />
    }),
    [onToggleGroup]
  );
  React.useLayoutEffect(() => {
    const focused = handOver.take();
    const element = root.current;
    if (focused === null || element === null) return;
    // The grid draws its rows as it measures them, after its first commit: the control is focused
    // once it is drawn, unless the user has put the focus somewhere else meanwhile.
    const focus = (): boolean => {
      if (document.activeElement !== null && document.activeElement !== document.body) return true;
      const match = Array.from(element.querySelectorAll<HTMLElement>('button, [role="button"], a')).find((el) =>
        focused.label !== null ? el.getAttribute('aria-label') === focused.label : el.textContent === focused.text
      );
      match?.focus();
      return match !== undefined;
    };
    if (focus()) return;
    const observer: MutationObserver = new MutationObserver(() => focus() && observer.disconnect());
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [handOver]);
  return (
    <div ref={root}>
      <Grid
        items={props.rows}
        groups={groups}
        columns={props.columns}
        compact={props.compact}
        selectionMode={SelectionMode.none}
        layoutMode={DetailsListLayoutMode.justified}
        constrainMode={ConstrainMode.unconstrained}
        getKey={rowKey}
        setKey="tracker"
        onItemInvoked={props.onOpen}
        ariaLabelForGrid={props.ariaLabel}
        onRenderRow={renderRow}
        groupProps={groupProps}
        onShouldVirtualize={always}
      />
    </div>
  );
}
