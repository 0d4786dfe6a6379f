/**
 * The Recommendation Tracker: a virtualised grid of recommendations grouped by originating report,
 * with filters, search, sorting, counts, export of the current view to Excel, and the item panel.
 * What a user may change follows their SharePoint permissions.
 */
import * as React from 'react';
import { unstable_batchedUpdates as batchedUpdates } from 'react-dom';
import type { IColumn, IGroup } from '@fluentui/react/lib/DetailsList';
import { Link } from '@fluentui/react/lib/Link';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { hiddenContentStyle, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import type { IsoDate, OriginatingReport, Recommendation } from '../../core/model';
import { londonDate } from '../../core/dates';
import type { IncompleteItem, ListedRecord, TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';
import { NeedsCompleting } from '../common/NeedsCompleting';
import { TrafficLightBadge } from '../common/TrafficLightBadge';
import { colourDifferenceSentence, dueText, recordedColourText } from '../common/format';
import { DEFAULT_RAG_POLICY } from '../../core/status';
import type { RagPolicy } from '../../core/status';
import { OnDemand, overPage } from '../common/OnDemand';
import { COMMAND_ROW_HEIGHT, CommandRow } from '../common/CommandRow';
import { Notice } from '../common/Notice';
import { PlainButton } from '../common/PlainButton';
import type { Command } from '../common/CommandRow';
import { EarlyReads, startReads } from '../../data/preload';
import type { ReadSoFar, TrackerReads } from '../../data/preload';
import { TrackerShell } from '../setup/TrackerShell';
import type { SetUpState } from '../setup/setUpCheck';
import type { LinkFilters, TrackerColumn, TrackerSettings } from '../settings/settings';
import { TRACKER_COLUMNS } from '../settings/settings';
import { FilterBar } from './FilterBar';
import { EMPTY_FILTERS, buildRows, countByLight, distinct, filterRows, groupRows, initialFilters, narrows, sameRows, sortRows, withPage, withRecord } from './rows';
import type { RowFilters, SortKey, TrackerRow } from './rows';
import { exportRows } from './exportView';
import type { TrackerViewName } from '../../core/deepLinks';
import { format, formatNumber, plural, shortDate } from '../common/intl';
import { disagreementFlag, disagreementText, ragPolicyText } from '../common/messages';
import { useStrings } from '../common/strings';
import { displayValue } from '../common/values';
import { errorText } from '../common/errorText';
import { FirstRows, FocusHandOver } from './FirstRows';
import type { RowsViewProps } from './FirstRows';

// The rules designer draws Adaptive Cards (the renderer, its templating and Markdown, some 1.3 MB
// minified): loaded only when a site owner opens it, never with the grid.
const ReminderRulesPage = React.lazy(() => import(/* webpackChunkName: 'tracker-rules' */ '../reminders/ReminderRulesPage').then((m) => ({ default: m.ReminderRulesPage })));
// The update round page, likewise on demand (closing a round issues the paper, with its renderers).
const RoundPage = React.lazy(() => import(/* webpackChunkName: 'tracker-round' */ '../round/RoundPage').then((m) => ({ default: m.RoundPage })));
// The item panel (its dialogs, forms, date and people pickers), the new-item forms and the
// settings panel load when first opened: the grid draws without them.
const ItemPanel = React.lazy(() => import(/* webpackChunkName: 'tracker-item' */ '../item/ItemPanel').then((m) => ({ default: m.ItemPanel })));
const RecommendationForm = React.lazy(() => import(/* webpackChunkName: 'tracker-forms' */ '../item/forms').then((m) => ({ default: m.RecommendationForm })));
const ReportForm = React.lazy(() => import(/* webpackChunkName: 'tracker-forms' */ '../item/forms').then((m) => ({ default: m.ReportForm })));
// The full grid (Fluent's DetailsList) in a chunk of its own, asked for as the web part mounts,
// beside the first page of data: until it is in, FirstRows draws the rows as a plain table.
type Grid = typeof import('./TrackerGrid').TrackerGrid;
let gridChunk: Promise<Grid> | null = null;
function loadGrid(): Promise<Grid> {
  if (gridChunk === null) {
    gridChunk = import(/* webpackChunkName: 'tracker-grid' */ './TrackerGrid').then((m) => m.TrackerGrid);
    // A failed download is not kept: the next tracker to mount asks again.
    gridChunk.catch(() => (gridChunk = null));
  }
  return gridChunk;
}
const TrackerSettingsPanel = React.lazy(() => import(/* webpackChunkName: 'tracker-settings' */ './TrackerSettingsPanel').then((m) => ({ default: m.TrackerSettingsPanel })));

export interface RecommendationTrackerProps {
  data: TrackerDataSource;
  /** The reads, if the host started them before the view was loaded or rendered (the web part as its data layer is in). */
  early?: EarlyReads;
  /** The set-up check, likewise. */
  setUp?: Promise<SetUpState>;
  settings: TrackerSettings;
  theme?: PartialTheme;
  /** Filters carried in the page address (a dashboard click). */
  linkFilters?: LinkFilters;
  /** The item the page address asks to open (`?item=<id>`), if any. */
  openItemId?: number | null;
  /** The clock; the workbench and tests pass a fixed one. */
  now?: () => Date;
  /** The view the page address asks for (`?view=round`), if any. */
  view?: TrackerViewName | null;
}

/** The web part's root: theme, set-up check, then the tracker. */
export function RecommendationTracker(props: RecommendationTrackerProps): JSX.Element {
  // The grid's reads start now (unless the host started them sooner), beside the shell's set-up check, not after it.
  const early = React.useMemo(() => props.early ?? new EarlyReads(props.data), [props.early, props.data]);
  // The grid's code is asked for now, beside the reads, not once the first rows are drawn.
  void loadGrid().catch(() => undefined);
  const view = (user: TrackerUser | null): JSX.Element => (
    <TrackerView data={props.data} early={early} user={user} settings={props.settings} linkFilters={props.linkFilters ?? {}} openItemId={props.openItemId ?? null} now={props.now ?? (() => new Date())} view={props.view ?? null} />
  );
  // The view's frame (title, filters, the column headers) is drawn while the set-up check and the
  // first reads are on the way, not in the same task as the first rows; a page address that asks
  // for the update round waits for the check (the round is for staff only).
  return (
    <TrackerShell data={props.data} theme={props.theme} title={props.settings.title} setUp={props.setUp} whileChecking={props.view === 'round' ? undefined : () => view(null)}>
      {view}
    </TrackerShell>
  );
}

export interface TrackerViewProps {
  data: TrackerDataSource;
  /** Reads started before the view mounted (by the web part's root), taken over by the first load. */
  early?: EarlyReads;
  /** Who is signed in; null while the set-up check is under way (the commands that need rights wait for it). */
  user: TrackerUser | null;
  settings: TrackerSettings;
  linkFilters: LinkFilters;
  /** An item to open once the recommendations are loaded. */
  openItemId?: number | null;
  now: () => Date;
  view?: TrackerViewName | null;
}

const COLUMN_WIDTHS: Record<TrackerColumn, [number, number]> = {
  ref: [50, 80],
  text: [220, 480],
  kind: [110, 160],
  trafficLight: [90, 110],
  lifecycle: [120, 180],
  due: [90, 130],
  owner: [110, 170],
  directorate: [100, 160],
  confidence: [80, 140],
  lastUpdated: [90, 110],
  causesOfConcern: [80, 120],
  report: [160, 300]
};

/** Resolves in a task of its own (after the browser has had the chance to handle input and paint). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The tracker for a signed-in user: loads everything once, then filters and sorts in the browser. */
export function TrackerView(props: TrackerViewProps): JSX.Element {
  const { data, user, settings, now } = props;
  const theme = useTheme();
  const strings = useStrings();
  const { Common: common, Tracker: words, OnDemand: onDemand } = strings;
  const today: IsoDate = londonDate(now());
  // The first load's reads (the host's, if it started them) and what they already hold: when the
  // policy, the reports and the first page are in before the view mounts (the set-up check answers
  // with them), its first render draws the rows.
  const [first] = React.useState(() => {
    const reads = props.early?.take(data) ?? startReads(data);
    return { reads, soFar: reads.soFar() };
  });
  const soFar = first.soFar;
  const [reports, setReports] = React.useState<(OriginatingReport & { id: number })[]>(soFar?.reports.reports ?? []);
  const [records, setRecords] = React.useState<ListedRecord[]>(soFar?.records ?? []);
  const [incompleteReports, setIncompleteReports] = React.useState<IncompleteItem[]>(soFar?.reports.incomplete ?? []);
  const [incompleteRecords, setIncompleteRecords] = React.useState<IncompleteItem[]>(soFar?.incomplete ?? []);
  const [loading, setLoading] = React.useState(soFar?.finished !== true);
  const [error, setError] = React.useState<string | null>(null);
  const preset = React.useMemo(() => initialFilters(settings, props.linkFilters), [settings, props.linkFilters]);
  const [filters, setFilters] = React.useState<RowFilters>(preset);
  const [sort, setSort] = React.useState<{ key: SortKey; descending: boolean }>({ key: 'ref', descending: false });
  const [openId, setOpenId] = React.useState<number | null>(props.openItemId ?? null);
  const [form, setForm] = React.useState<'report' | 'recommendation' | null>(null);
  const [page, setPage] = React.useState(0);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [warning, setWarning] = React.useState<string | null>(null);
  const [policy, setPolicy] = React.useState<RagPolicy>(soFar?.policy ?? DEFAULT_RAG_POLICY);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [rulesOpen, setRulesOpen] = React.useState(false);
  const [roundOpen, setRoundOpen] = React.useState(props.view === 'round');
  const [handOver] = React.useState(() => new FocusHandOver());
  // The collapsed groups (by key: `report:<title>` or `directorate:<name>`, see groupRows), kept
  // here for both views, not on Fluent's group objects, which a new page, filter or sort makes
  // afresh: a group stays collapsed while pages load, filters change or it sorts, and the grid
  // starts with the groups the first view collapsed.
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(() => new Set());
  const toggleGroup = React.useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    []
  );
  const openRow = React.useCallback((row: TrackerRow) => setOpenId(row.id), []);
  const [grid, setGrid] = React.useState<{ Grid: Grid } | null>(null);
  const [gridFailed, setGridFailed] = React.useState<{ error: unknown } | null>(null);
  const drawn = records.length > 0 || !loading;
  // Every read is in, or one failed. A read that failed before the set-up check answered is not yet
  // an outcome: if the lists are missing, the shell replaces this view with the set-up offer;
  // otherwise the error is shown once the check is in.
  const settled = !loading && !(error !== null && user === null);
  // The grid takes the first view's place once its code is in and the first view has painted its
  // rows (a frame, then a task: after the paint), so that the first rows are never held back by it.
  React.useEffect(() => {
    if (grid !== null || !drawn) return;
    let cancelled = false;
    loadGrid().then(
      (Grid) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (!cancelled) setGrid({ Grid });
          }, 0)
        ),
      (e: unknown) => !cancelled && setGridFailed({ error: e })
    );
    return () => {
      cancelled = true;
    };
  }, [grid, drawn]);

  React.useEffect(() => setFilters(preset), [preset]);

  // Reads `reads`, continuing from `soFar` (what the first render already drew) if given. React 17
  // renders each state change made outside its own event handlers at once, one render per change:
  // the policy, the reports and the pages so far are set together (one render, with the first
  // rows), then each later page's records with its incomplete items, each drawn in a task of its
  // own rather than in the one that parsed the page, so that the page answers input between the
  // two. A later load (Refresh, a new policy) supersedes this one: its pages are then not drawn.
  const loads = React.useRef(0);
  const load = React.useCallback(async (reads: TrackerReads, from: ReadSoFar | null): Promise<void> => {
    const mine = ++loads.current;
    const current = (): boolean => loads.current === mine;
    if (from === null) {
      setLoading(true);
      setError(null);
      setRecords([]);
      setIncompleteRecords([]);
    }
    let queued: Promise<void> = Promise.resolve();
    try {
      // Each page is added to what the view holds, not to a copy of the pages read: an item saved on
      // the page while they load keeps its saved version in the rows.
      const draw = (pageOfRecords: ListedRecord[], incomplete: IncompleteItem[]): void => {
        if (!current()) return;
        batchedUpdates(() => {
          setRecords((held) => withPage(held, pageOfRecords));
          if (incomplete.length > 0) setIncompleteRecords((held) => held.concat(incomplete));
        });
      };
      let replaying = true;
      const onPage = (pageOfRecords: ListedRecord[], incomplete: IncompleteItem[]): void => {
        if (replaying) draw(pageOfRecords, incomplete);
        else
          queued = queued
            .then(nextTask)
            .then(() => draw(pageOfRecords, incomplete))
            .catch((e: unknown) => {
              if (current()) setError(errorText(e, strings));
            });
      };
      // Reports and the first page of recommendations load side by side; the rows are drawn with
      // the site's policy (their colours) and the reports (their groups), not redrawn as they come.
      const [sitePolicy, read] = await Promise.all([reads.policy, reads.reports]);
      if (!current()) return;
      let pages: Promise<void> = Promise.resolve();
      batchedUpdates(() => {
        if (from === null) {
          setPolicy(sitePolicy);
          setReports(read.reports);
          setIncompleteReports(read.incomplete);
        }
        pages = reads.recommendations(onPage, from?.pages ?? 0);
      });
      replaying = false;
      await pages;
    } catch (e) {
      if (current()) setError(errorText(e, strings));
    } finally {
      await queued;
      if (current()) setLoading(false);
    }
  }, []);
  const reload = React.useCallback(() => void load(startReads(data), null), [load, data]);

  // Before the first paint: the first load continues from what the first render drew; a change of
  // data source reads afresh.
  const firstLoad = React.useRef(true);
  React.useLayoutEffect(() => {
    if (firstLoad.current) void load(first.reads, soFar);
    else reload();
    firstLoad.current = false;
  }, [load, first, soFar, reload]);

  // A report that needs completing still names the group its recommendations are shown under.
  const reportTitles = React.useMemo(() => [...reports, ...incompleteReports], [reports, incompleteReports]);
  const incomplete = React.useMemo(() => [...incompleteReports, ...incompleteRecords], [incompleteReports, incompleteRecords]);
  const rows = React.useMemo(() => buildRows(records, reportTitles, today, policy), [records, reportTitles, today, policy]);
  // Sort everything once, then filter the sorted list (filtering keeps the order): a filter change
  // costs one scan, not a sort of up to 10,000 rows.
  const sortedAll = React.useMemo(() => sortRows(rows, sort.key, sort.descending, strings.Values), [rows, sort, strings.Values]);
  // Typing further into search filters the rows the last keystroke kept, not all of them; a key
  // that keeps the same rows keeps the same array, which the grid then does not redraw.
  const lastFiltered = React.useRef<{ from: readonly TrackerRow[]; filters: RowFilters; today: IsoDate; rows: TrackerRow[] } | null>(null);
  const sorted = React.useMemo(() => {
    const last = lastFiltered.current;
    const sameSource = last !== null && last.from === sortedAll && last.today === today;
    let kept = filterRows(sameSource && narrows(last.filters, filters) ? last.rows : sortedAll, filters, today);
    if (sameSource && sameRows(kept, last.rows)) kept = last.rows;
    lastFiltered.current = { from: sortedAll, filters, today, rows: kept };
    return kept;
  }, [sortedAll, filters, today]);
  const counts = React.useMemo(() => countByLight(sorted), [sorted]);
  const repeatedShown = React.useMemo(() => sorted.filter((r) => r.sameAs?.kind === 'carried by').length, [sorted]);
  const owners = React.useMemo(() => distinct(rows.map((r) => r.ownerName)), [rows]);
  const directorates = React.useMemo(() => distinct(rows.map((r) => r.record.recommendation.directorate)), [rows]);
  const siblings = React.useMemo(
    () =>
      records.map((r) => ({
        id: r.recommendation.id,
        ref: r.recommendation.ref,
        kind: r.recommendation.kind,
        reportId: r.recommendation.reportId,
        text: r.recommendation.text,
        causeOfConcernIds: r.recommendation.causeOfConcernIds
      })),
    [records]
  );

  React.useEffect(() => setPage(0), [filters, sort]);

  const pageSize = settings.pageSize;
  const pageCount = pageSize > 0 ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const shownSorted = React.useMemo(() => (pageSize > 0 ? sorted.slice(page * pageSize, (page + 1) * pageSize) : sorted), [sorted, page, pageSize]);
  const grouped = React.useMemo(
    () => (settings.grouping === 'none' ? { rows: shownSorted, groups: undefined } : groupRows(shownSorted, settings.grouping, settings.grouping === 'report' ? words.NoReport : words.NoDirectorate)),
    [shownSorted, settings.grouping, words]
  );
  const groups: IGroup[] | undefined = React.useMemo(() => grouped.groups?.map((g) => ({ key: g.key, name: g.name, startIndex: g.startIndex, count: g.count, level: 0 })), [grouped]);

  const replaceRecord = React.useCallback((saved: ListedRecord) => {
    setRecords((prev) => withRecord(prev, saved));
  }, []);
  // Saves made on the page, here or in another web part over the same site, show here too: followed
  // from the commit in which the first load takes the early reads over (a layout effect, as that
  // load is), so that no save falls between the reads' own following and this one.
  React.useLayoutEffect(() => data.onRecommendationSaved(replaceRecord), [data, replaceRecord]);

  // Styles, cell renderer and columns are kept between renders: DetailsList re-lays out every
  // row when its columns change identity, which would make each filter change cost a full redraw.
  const styles = React.useMemo(() => mergeStyleSets({
    wrap: { whiteSpace: 'normal', wordBreak: 'break-word' },
    clamp: { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'normal' },
    flag: { color: theme.semanticColors.errorText, fontWeight: 600 },
    recorded: { color: theme.semanticColors.bodySubtext, display: 'block', fontSize: theme.fonts.small.fontSize },
    srOnly: hiddenContentStyle,
    counts: { color: theme.semanticColors.bodyText },
    commandsToCome: { minHeight: COMMAND_ROW_HEIGHT }
  }), [theme]);

  const renderCell = React.useCallback((row: TrackerRow, key: TrackerColumn): React.ReactNode => {
    const rec = row.record.recommendation;
    switch (key) {
      case 'ref':
        return (
          <Link onClick={() => setOpenId(row.id)} aria-label={format(words.Open, rec.ref)}>
            {rec.ref}
          </Link>
        );
      case 'text':
        return (
          <span className={styles.wrap}>
            <span className={styles.clamp}>{rec.text}</span>
            {row.sameAs !== null && (
              <span className={styles.recorded} data-testid="same-as">
                {format(row.sameAs.kind === 'carried by' ? words.CarriedBy : words.Repeats, row.sameAs.ref, row.sameAs.reportTitle)}
              </span>
            )}
          </span>
        );
      case 'kind':
        return <span className={styles.wrap}>{displayValue(strings.Values, 'kind', rec.kind)}</span>;
      case 'trafficLight':
        return (
          <span className={styles.wrap}>
            <TrafficLightBadge light={row.trafficLight} />
            {row.colourDifference !== null && (
              <span className={styles.recorded} title={colourDifferenceSentence(row.colourDifference, strings)} data-testid="recorded-colour">
                {recordedColourText(row.colourDifference, strings.Format)}
                <span className={styles.srOnly}>. {colourDifferenceSentence(row.colourDifference, strings)}</span>
              </span>
            )}
          </span>
        );
      case 'lifecycle':
        return (
          <span className={styles.wrap}>
            {displayValue(strings.Values, 'lifecycle', rec.lifecycle)}
            {row.updateOverdue && <span className={styles.flag}>{words.UpdateOverdueFlag}</span>}
          </span>
        );
      case 'due':
        return (
          <span className={styles.wrap}>
            {dueText(rec.due, strings.Format)}
            {row.overdue && <span className={styles.flag}>{words.OverdueFlag}</span>}
          </span>
        );
      case 'owner':
        return <span className={styles.wrap}>{row.ownerName}</span>;
      case 'directorate':
        return <span className={styles.wrap}>{rec.directorate ?? ''}</span>;
      case 'confidence':
        return (
          <span className={styles.wrap} title={row.disagreement === null ? undefined : disagreementText(row.disagreement, strings)}>
            {rec.confidence === undefined ? '' : displayValue(strings.Values, 'confidence', rec.confidence)}
            {row.disagreement !== null && (
              <span className={styles.flag} data-testid="disagreement-flag">
                {format(words.DisagreesFlag, disagreementFlag(row.disagreement, strings))}
              </span>
            )}
          </span>
        );
      case 'lastUpdated':
        return shortDate(rec.lastUpdated);
      case 'causesOfConcern':
        return row.causesOfConcern.join(', ');
      case 'report':
        return <span className={styles.wrap}>{row.reportTitle}</span>;
    }
  }, [styles, words, strings]);

  const visible = React.useMemo(() => TRACKER_COLUMNS.filter((c) => settings.visibleColumns[c]), [settings.visibleColumns]);
  const columns: IColumn[] = React.useMemo(() => visible.map((key) => {
    const [minWidth, maxWidth] = COLUMN_WIDTHS[key];
    const sortKey: SortKey | null = key === 'causesOfConcern' ? null : key;
    return {
      key,
      name: strings.Columns[key],
      fieldName: key,
      minWidth,
      maxWidth,
      isResizable: true,
      isMultiline: key === 'text',
      isSorted: sortKey !== null && sort.key === sortKey,
      isSortedDescending: sort.descending,
      sortAscendingAriaLabel: words.SortedAscending,
      sortDescendingAriaLabel: words.SortedDescending,
      onColumnClick: sortKey === null ? undefined : () => setSort((s) => ({ key: sortKey, descending: s.key === sortKey ? !s.descending : false })),
      onRender: (row: TrackerRow) => renderCell(row, key)
    };
  }), [visible, sort, renderCell, strings]);


  const commands: Command[] = user === null ? [] : [
    ...(user.canEdit
      ? [
          { key: 'newRec', text: words.NewRecommendation, iconName: 'Add', disabled: reports.length === 0, onClick: () => setForm('recommendation') },
          { key: 'newReport', text: words.NewReport, iconName: 'Add', onClick: () => setForm('report') }
        ]
      : []),
    {
      key: 'export',
      text: words.ExportToExcel,
      iconName: 'ExcelDocument',
      disabled: sorted.length === 0,
      onClick: () => {
        setWarning(null);
        exportRows(settings.title, visible, sorted, strings).then(setWarning, (e: unknown) => setError(errorText(e, strings)));
      }
    },
    {
      key: 'refresh',
      text: words.Refresh,
      iconName: 'Refresh',
      onClick: () => {
        data.forgetReads();
        reload();
      }
    },
    ...(user.canManageLists
      ? [
          { key: 'settings', text: words.TrackerSettings, iconName: 'Settings', onClick: () => setSettingsOpen(true) },
          { key: 'rules', text: words.ReminderRules, iconName: 'Ringer', onClick: () => setRulesOpen(true) }
        ]
      : []),
    ...(user.canEdit ? [{ key: 'round', text: strings.UpdateRound.Command, iconName: 'TaskManager', onClick: () => setRoundOpen(true) }] : [])
  ];

  const locked = {
    directorate: settings.directorate !== '',
    reportId: settings.reportId !== '',
    kind: settings.kind !== '',
    trafficLight: settings.onlyRed,
    openOnly: settings.openOnly
  };
  const open = openId === null ? undefined : records.find((r) => r.recommendation.id === openId);
  // An item asked for by the address that is not on the site (deleted, or another site's) is said so.
  React.useEffect(() => {
    if (loading || error !== null || openId === null || openId !== props.openItemId || open !== undefined) return;
    setOpenId(null);
    setNotice(format(words.NotInTracker, openId));
  }, [loading, error, openId, open, props.openItemId, words]);
  const defaultReport = settings.reportId === '' ? undefined : Number(settings.reportId);

  // What both views of the rows take (the grid, memoised, gets the same values: it is not redrawn by this object being new).
  const rowsView: RowsViewProps = { rows: grouped.rows, groups, collapsed, onToggleGroup: toggleGroup, columns, compact: settings.compact, ariaLabel: words.Grid, handOver };

  // Staff (edit rights) only, as the command.
  if (roundOpen && user?.canEdit === true) {
    return (
      <OnDemand loading={strings.UpdateRound.Loading} failed={strings.OnDemand.Failed} onDismiss={() => setRoundOpen(false)}>
        <RoundPage data={data} user={user} now={now} onClose={() => setRoundOpen(false)} />
      </OnDemand>
    );
  }

  // Site owners only: the command is not offered to others, and the page is not drawn for them.
  if (rulesOpen && user?.canManageLists === true) {
    return (
      <OnDemand loading={words.LoadingRules} failed={strings.OnDemand.Failed} onDismiss={() => setRulesOpen(false)}>
        <ReminderRulesPage
          data={data}
          records={records}
          reportTitles={new Map(reports.map((r) => [r.id, r.title]))}
          policy={policy}
          now={now}
          onClose={() => setRulesOpen(false)}
          onOpenItem={(id) => {
            setRulesOpen(false);
            setOpenId(id);
          }}
        />
      </OnDemand>
    );
  }

  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="tracker">
      <Text variant="xLarge" as="h2">
        {settings.title}
      </Text>
      <FilterBar filters={filters} onChange={setFilters} onClear={() => setFilters({ ...EMPTY_FILTERS, ...pickLocked(preset, locked) })} reports={reports} owners={owners} directorates={directorates} locked={locked} />
      {user === null ? <div className={styles.commandsToCome} /> : <CommandRow items={commands} ariaLabel={words.Commands} />}
      {error !== null && user !== null && (
        <Notice kind="error" onDismiss={() => setError(null)} dismissLabel={common.CloseMessage}>
          {error}
        </Notice>
      )}
      {warning !== null && (
        <Notice kind="warning" onDismiss={() => setWarning(null)} dismissLabel={common.CloseMessage}>
          {warning}
        </Notice>
      )}
      {notice !== null && (
        <Notice kind="success" onDismiss={() => setNotice(null)} dismissLabel={common.CloseMessage}>
          {notice}
        </Notice>
      )}
      <div role="status" aria-live="polite" className={styles.counts} data-testid="counts">
        {!settled && records.length === 0
          ? words.LoadingRecommendations
          : format(words.Counts, ...[sorted.length, rows.length, counts.RED, counts.AMBER, counts.GREEN, counts.WHITE].map(formatNumber)) +
            (repeatedShown > 0 ? plural(words.CountedWithOwn, repeatedShown) : '') +
            (incomplete.length > 0 ? plural(words.NeedCompleting, incomplete.length) : '')}
      </div>
      <NeedsCompleting items={incomplete} />
      {loading && <ProgressIndicator label={format(words.LoadedSoFar, formatNumber(records.length))} />}
      {gridFailed !== null && <Notice kind="error">{format(onDemand.FailedWith, onDemand.Failed, errorText(gridFailed.error, strings))}</Notice>}
      <OnDemand loading={words.LoadingRecommendations} failed={onDemand.Failed}>
        {grid === null ? <FirstRows {...rowsView} /> : <grid.Grid {...rowsView} onOpen={openRow} />}
      </OnDemand>
      {settled && sorted.length === 0 && <Text>{words.NoMatch}</Text>}
      {pageSize > 0 && pageCount > 1 && (
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
          <PlainButton text={words.Previous} disabled={page === 0} onClick={() => setPage((p) => p - 1)} />
          <Text>{format(words.PageOf, formatNumber(page + 1), formatNumber(pageCount))}</Text>
          <PlainButton text={words.Next} disabled={page + 1 >= pageCount} onClick={() => setPage((p) => p + 1)} />
        </Stack>
      )}
      {open !== undefined && user !== null && (
        <OnDemand loading={onDemand.LoadingItem} failed={onDemand.Failed} frame={overPage} onDismiss={() => setOpenId(null)}>
          <ItemPanel
            key={open.recommendation.id}
            data={data}
            record={open}
            user={user}
            now={now}
            reports={reports}
            siblings={siblings}
            directorates={directorates}
            onChanged={replaceRecord}
            onDismiss={() => setOpenId(null)}
            policy={policy}
          />
        </OnDemand>
      )}
      {settingsOpen && (
        <OnDemand loading={onDemand.LoadingSettings} failed={onDemand.Failed} frame={overPage} onDismiss={() => setSettingsOpen(false)}>
          <TrackerSettingsPanel
            data={data}
            policy={policy}
            onDismiss={() => setSettingsOpen(false)}
            onChangedElsewhere={(theirs) => {
              setPolicy(theirs);
              reload();
            }}
            onSaved={(next, changed) => {
              setPolicy(next);
              setSettingsOpen(false);
              setNotice(plural(words.SettingsSaved, changed, ragPolicyText(next, strings)));
              reload();
            }}
          />
        </OnDemand>
      )}
      {form === 'report' && (
        <OnDemand loading={onDemand.LoadingForm} failed={onDemand.Failed} frame={overPage} onDismiss={() => setForm(null)}>
          <ReportForm
            onDismiss={() => setForm(null)}
            onSave={async (report) => {
              const saved = (await data.saveReport(null, report)).value;
              setReports((prev) => [...prev, saved]);
              setForm(null);
              setNotice(format(words.ReportAdded, saved.title));
            }}
          />
        </OnDemand>
      )}
      {form === 'recommendation' && (
        <OnDemand loading={onDemand.LoadingForm} failed={onDemand.Failed} frame={overPage} onDismiss={() => setForm(null)}>
          <RecommendationForm
            reports={reports}
            causesOfConcern={siblings.filter((s) => s.kind === 'Cause of concern' || s.kind === 'Accelerated cause of concern')}
            people={data}
            directorates={directorates}
            defaultReportId={defaultReport}
            onDismiss={() => setForm(null)}
            onSave={async (rec: Recommendation) => {
              // The rows take the new item from the data source's notice of the save (onRecommendationSaved).
              const saved = await data.saveRecommendation(null, rec);
              setForm(null);
              setNotice(format(words.RecommendationAdded, saved.recommendation.ref));
            }}
          />
        </OnDemand>
      )}
    </Stack>
  );
}

function pickLocked(preset: RowFilters, locked: Partial<Record<keyof RowFilters, boolean>>): Partial<RowFilters> {
  const out: Partial<RowFilters> = {};
  for (const key of Object.keys(locked) as (keyof RowFilters)[]) if (locked[key] === true) (out as Record<string, unknown>)[key] = preset[key];
  return out;
}
