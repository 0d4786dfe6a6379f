/**
 * The tracker's first view of its rows: the first rows of the current view as a plain HTML table,
 * with the grid's columns, widths, type, colours and spacing, drawn as soon as the first page of
 * data is in, while the full grid's code (Fluent's DetailsList, {@link TrackerGrid}) loads in its own
 * chunk beside it. DetailsList measures its rows and scroll parents before it paints (forced
 * layouts); a table is laid out in one pass. The grid then takes the table's place in the same
 * layout: the focus is handed over to the same control.
 *
 * It behaves as the grid does meanwhile: a column header sorts, a reference opens the item, a group
 * heading collapses its group (the tracker keeps the collapsed groups for both views: the grid
 * starts with the same groups collapsed).
 */
import * as React from 'react';
import type { IColumn, IGroup } from '@fluentui/react/lib/DetailsList';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { Icon } from '@fluentui/react/lib/Icon';
import type { TrackerRow } from './rows';
import { GroupToggle, groupHeadingRow } from './GroupHeading';

/**
 * How many rows (group headings included) the first view draws: as many as the window holds at the
 * rows' height, so that the rows fill it wherever the table starts; the grid draws the rest. Every
 * row drawn here is styled and laid out before the first paint.
 */
function firstViewRows(rowHeight: number): number {
  return Math.ceil(window.innerHeight / rowHeight);
}

/** The grid's cell padding and widths (Fluent's DetailsRow and DetailsList, justified layout). */
const CELL_LEFT = 12;
const CELL_RIGHT = 8;
const GROUP_EXPANDER = 36;

/**
 * Each column's drawn width as DetailsList's justified layout gives it in `available` pixels: every
 * column its minimum, then the space left to the columns in order, each up to its maximum, the last
 * one taking what remains.
 */
function justifiedWidths(columns: Pick<IColumn, 'minWidth' | 'maxWidth'>[], available: number): number[] {
  const widths = columns.map((c) => c.minWidth + CELL_LEFT + CELL_RIGHT);
  let total = widths.reduce((a, b) => a + b, 0);
  if (total > available) return widths;
  for (let i = 0; i < widths.length && total < available; i++) {
    const left = available - total;
    const grow = i === widths.length - 1 ? left : Math.min(left, (columns[i].maxWidth ?? columns[i].minWidth) - columns[i].minWidth);
    widths[i] += grow;
    total += grow;
  }
  return widths;
}

/** What had the focus in the first view when the grid replaced it. */
export class FocusHandOver {
  private focused: { label: string | null; text: string | null } | null = null;

  public leave(table: HTMLElement | null): void {
    const active = document.activeElement;
    if (table === null || active === null || !table.contains(active)) return;
    this.focused = { label: active.getAttribute('aria-label'), text: active.textContent };
  }

  /** The control to focus in the grid, once. */
  public take(): { label: string | null; text: string | null } | null {
    const focused = this.focused;
    this.focused = null;
    return focused;
  }
}

/** What both of the tracker's views of its rows take: this first view and the full grid ({@link TrackerGrid}). */
export interface RowsViewProps {
  rows: TrackerRow[];
  groups: IGroup[] | undefined;
  /** The keys of the collapsed groups, kept by the tracker for both views. */
  collapsed: ReadonlySet<string>;
  /** Collapses or expands a group (its heading's button); stable, as the grid's props are kept by identity. */
  onToggleGroup: (key: string) => void;
  columns: IColumn[];
  compact: boolean;
  ariaLabel: string;
  /** Where the focus was in the first view when the grid replaced it. */
  handOver: FocusHandOver;
}

export function FirstRows(props: RowsViewProps): JSX.Element {
  const theme = useTheme();
  const { rows, groups, collapsed, onToggleGroup, columns, compact, handOver } = props;
  const wrap = React.useRef<HTMLDivElement>(null);
  const table = React.useRef<HTMLTableElement>(null);
  const [width, setWidth] = React.useState(0);
  // The width the grid will have: measured once, before the first paint, as DetailsList does.
  React.useLayoutEffect(() => setWidth(wrap.current?.clientWidth ?? 0), []);
  React.useLayoutEffect(() => () => handOver.leave(table.current), [handOver]);

  const expander = groups === undefined ? 0 : GROUP_EXPANDER;
  const widths = justifiedWidths(columns, width - expander);
  const p = theme.palette;
  const s = theme.semanticColors;
  const vertical = compact ? 6 : 11;
  const rowHeight = compact ? 32 : 42;
  const limit = firstViewRows(rowHeight);
  const styles = React.useMemo(
    () =>
      mergeStyleSets({
        table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', ...theme.fonts.small, color: p.neutralSecondary, textAlign: 'left' },
        headCell: {
          boxSizing: 'content-box',
          height: 42,
          lineHeight: '42px',
          padding: '16px 0 1px 0',
          borderBottom: `1px solid ${s.bodyDivider}`,
          background: s.bodyBackground,
          color: s.bodyText,
          fontWeight: 'normal',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          verticalAlign: 'top'
        },
        headTitle: {
          display: 'flex',
          alignItems: 'stretch',
          boxSizing: 'border-box',
          width: '100%',
          height: 42,
          padding: `0 ${CELL_RIGHT}px 0 ${CELL_LEFT}px`,
          border: 'none',
          background: 'none',
          font: 'inherit',
          color: 'inherit',
          textAlign: 'left',
          cursor: 'pointer'
        },
        headName: { ...theme.fonts.medium, fontWeight: 600, lineHeight: '42px', overflow: 'hidden', textOverflow: 'ellipsis' },
        sortIcon: { color: s.bodySubtext, paddingLeft: 4, position: 'relative', top: 1, lineHeight: '42px' },
        expanderHead: { color: s.bodySubtext, textAlign: 'center', fontSize: 12 },
        expanderIcon: { display: 'block', lineHeight: '42px' },
        group: { ...groupHeadingRow(theme), textAlign: 'left', fontWeight: 'normal' },
        cell: {
          boxSizing: 'content-box',
          height: rowHeight - 2 * vertical,
          padding: `${vertical}px ${CELL_RIGHT}px ${vertical}px ${CELL_LEFT}px`,
          borderBottom: compact ? 'none' : `1px solid ${p.neutralLighter}`,
          background: p.white,
          verticalAlign: 'top',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis'
        },
        multiline: { whiteSpace: 'normal' },
        spacer: { padding: 0 }
      }),
    [theme, p, s, compact, vertical, rowHeight]
  );

  const body: JSX.Element[] = [];
  const drawRows = (from: number, to: number): void => {
    for (let i = from; i < to && body.length < limit; i++) {
      const row = rows[i];
      body.push(
        <tr key={row.id} data-row="">
          {expander > 0 && <td className={`${styles.cell} ${styles.spacer}`} />}
          {columns.map((c) => (
            <td key={c.key} className={c.isMultiline === true ? `${styles.cell} ${styles.multiline}` : styles.cell}>
              {c.onRender?.(row)}
            </td>
          ))}
        </tr>
      );
    }
  };
  if (groups === undefined) drawRows(0, rows.length);
  else
    for (const g of groups) {
      if (body.length >= limit || g.count === 0) continue;
      const isCollapsed = collapsed.has(g.key);
      body.push(
        <tr key={`group-${g.key}`}>
          <th scope="colgroup" colSpan={columns.length + 1} className={styles.group}>
            <GroupToggle group={{ ...g, isCollapsed }} onToggle={() => onToggleGroup(g.key)} />
          </th>
        </tr>
      );
      if (!isCollapsed) drawRows(g.startIndex, g.startIndex + g.count);
    }

  return (
    <div ref={wrap}>
      <table ref={table} className={styles.table} aria-label={props.ariaLabel} data-testid="first-rows" style={{ width: expander + widths.reduce((a, b) => a + b, 0) }}>
        <colgroup>
          {expander > 0 && <col style={{ width: expander }} />}
          {widths.map((w, i) => (
            <col key={columns[i].key} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {expander > 0 && (
              <td className={`${styles.headCell} ${styles.expanderHead}`}>
                <Icon iconName="ChevronDownMed" aria-hidden="true" className={styles.expanderIcon} />
              </td>
            )}
            {columns.map((c) => (
              <th key={c.key} scope="col" className={styles.headCell} aria-sort={c.isSorted === true ? (c.isSortedDescending === true ? 'descending' : 'ascending') : undefined}>
                {c.onColumnClick === undefined ? (
                  <span className={styles.headTitle}>
                    <span className={styles.headName}>{c.name}</span>
                  </span>
                ) : (
                  <button type="button" className={styles.headTitle} onClick={(e) => c.onColumnClick?.(e, c)}>
                    <span className={styles.headName}>{c.name}</span>
                    {c.isSorted === true && <Icon iconName={c.isSortedDescending === true ? 'SortDown' : 'SortUp'} aria-hidden="true" className={styles.sortIcon} />}
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
