/**
 * The Tracker Dashboard: headline counts, traffic lights by report and by directorate, and open
 * items over time. Every chart has a table alternative, and every bar, segment and figure opens the
 * tracker filtered to the items it counts: on the tracker page when one is configured, else in a
 * panel on this page.
 */
import * as React from 'react';
import { unstable_batchedUpdates as batchedUpdates } from 'react-dom';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { TRAFFIC_LIGHTS } from '../../core/model';
import type { IsoDate, OriginatingReport, TrafficLight } from '../../core/model';
import { londonDate } from '../../core/dates';
import { checkTrackerLink } from '../../core/links';
import type { ListedRecord, TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';
import { lightColour } from '../common/TrafficLightBadge';
import { TrackerShell } from '../setup/TrackerShell';
import { linkFiltersToQuery } from '../settings/settings';
import type { DashboardSettings, LinkFilters } from '../settings/settings';
import { OnDemand, overPage } from '../common/OnDemand';
import { Notice } from '../common/Notice';
import { PlainButton } from '../common/PlainButton';
import { EarlyReads } from '../../data/preload';
import { buildRows, countedRows, filterRows, EMPTY_FILTERS, withRecord } from '../tracker/rows';
import { DEFAULT_RAG_POLICY } from '../../core/status';
import type { RagPolicy } from '../../core/status';
import { DUE_SOON_DAYS, headlines, lightsBy, openOverTime } from './metrics';
import type { Headline, LightBreakdown, OpenPoint } from './metrics';
import { format, formatNumber, plural, shortDate, shortMonthYear } from '../common/intl';
import { useStrings } from '../common/strings';
import { displayValue } from '../common/values';
import { errorText } from '../common/errorText';
import { linkProblemText } from '../common/messages';

// A figure's items open in the tracker's grid, in a panel: its code loads when one is opened.
const DrillPanel = React.lazy(() => import(/* webpackChunkName: 'dashboard-drill' */ './DrillPanel').then((m) => ({ default: m.DrillPanel })));

export interface TrackerDashboardProps {
  data: TrackerDataSource;
  settings: DashboardSettings;
  theme?: PartialTheme;
  now?: () => Date;
  /** Navigates to the tracker page; defaults to changing `window.location`. */
  navigate?: (url: string) => void;
}

export function TrackerDashboard(props: TrackerDashboardProps): JSX.Element {
  // The figures' reads start now, beside the shell's set-up check, not after it.
  const early = React.useMemo(() => new EarlyReads(props.data), [props.data]);
  return (
    <TrackerShell data={props.data} theme={props.theme} title={props.settings.title}>
      {(user) => <DashboardView {...props} early={early} user={user} now={props.now ?? (() => new Date())} />}
    </TrackerShell>
  );
}

function DashboardView(props: TrackerDashboardProps & { early: EarlyReads; user: TrackerUser; now: () => Date }): JSX.Element {
  const { data, early, settings, now } = props;
  const theme = useTheme();
  const all = useStrings();
  const { Dashboard: strings, OnDemand: onDemand } = all;
  const today: IsoDate = londonDate(now());
  const [reports, setReports] = React.useState<Pick<OriginatingReport & { id: number }, 'id' | 'title'>[]>([]);
  const [records, setRecords] = React.useState<ListedRecord[] | null>(null);
  const [incomplete, setIncomplete] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const [drill, setDrill] = React.useState<{ title: string; link: LinkFilters } | null>(null);
  const [policy, setPolicy] = React.useState<RagPolicy>(DEFAULT_RAG_POLICY);

  React.useEffect(() => {
    let cancelled = false;
    const run = async (): Promise<void> => {
      const reads = early.take(data);
      const [reps, sitePolicy] = await Promise.all([reads.reports, reads.policy]);
      await reads.finished;
      // Every page with the saves made on the page while they loaded, taken in the task that sets
      // them: the save listener below follows the saves from then on.
      const loaded = reads.everything();
      // One render for the four (React 17 renders each change made outside its event handlers at once).
      if (!cancelled)
        batchedUpdates(() => {
          setPolicy(sitePolicy);
          // A report that needs completing still names its recommendations' bar.
          setReports([...reps.reports, ...reps.incomplete]);
          setRecords(loaded.records);
          setIncomplete(reps.incomplete.length + loaded.incomplete.length);
        });
    };
    run().catch((e: unknown) => setError(errorText(e, all)));
    return () => {
      cancelled = true;
    };
  }, [data, early]);

  // A save made on the page (a tracker beside the dashboard, say) counts here at once; one made
  // while the records load, the reads put over them.
  React.useEffect(
    () =>
      data.onRecommendationSaved((saved) => setRecords((prev) => (prev === null ? prev : withRecord(prev, saved)))),
    [data]
  );

  const scope: LinkFilters = React.useMemo(
    () => ({ ...(settings.directorate !== '' ? { directorate: settings.directorate } : {}), ...(settings.reportId !== '' ? { reportId: settings.reportId } : {}) }),
    [settings.directorate, settings.reportId]
  );
  const rows = React.useMemo(() => {
    // Each recommendation counts once: a national row the force's own row repeats is left out.
    const all = countedRows(buildRows(records ?? [], reports, today, policy));
    return filterRows(all, { ...EMPTY_FILTERS, directorate: scope.directorate ?? '', reportId: scope.reportId ?? '' }, today);
  }, [records, reports, today, scope, policy]);

  // A stored address that is refused is never followed: the items open here, and the page says why.
  const trackerPage = settings.trackerPageUrl.trim() === '' ? null : checkTrackerLink(settings.trackerPageUrl, window.location.href);
  const open = (title: string, link: LinkFilters): void => {
    if (trackerPage?.ok === true) {
      const target = new URL(trackerPage.url);
      for (const [key, value] of new URLSearchParams(linkFiltersToQuery(link))) target.searchParams.set(key, value);
      (props.navigate ?? ((u: string) => window.location.assign(u)))(target.toString());
    } else {
      setDrill({ title, link });
    }
  };

  const styles = mergeStyleSets({
    tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 },
    tile: {
      display: 'block',
      width: '100%',
      textAlign: 'left',
      padding: 12,
      cursor: 'pointer',
      background: theme.semanticColors.bodyBackground,
      color: theme.semanticColors.bodyText,
      border: `1px solid ${theme.semanticColors.variantBorder}`,
      borderRadius: 4,
      selectors: { ':hover': { background: theme.semanticColors.bodyBackgroundHovered }, ':focus': { outline: `2px solid ${theme.semanticColors.focusBorder}` } }
    },
    value: { fontSize: 32, fontWeight: 600, display: 'block' },
    charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 24 }
  });

  if (error !== null) return <Notice kind="error">{error}</Notice>;
  if (records === null) return <Spinner label={strings.Loading} />;

  const heads = headlines(rows, today, scope);
  const headlineLabel: Record<Headline['key'], string> = {
    open: strings.Open,
    overdue: strings.Overdue,
    updateOverdue: strings.UpdateOverdue,
    dueSoon: format(strings.DueSoon, DUE_SOON_DAYS),
    closedThisQuarter: strings.ClosedThisQuarter
  };
  return (
    <Stack tokens={{ childrenGap: 16 }} data-testid="dashboard">
      <Text variant="xLarge" as="h2">
        {settings.title}
      </Text>
      {trackerPage?.ok === false && (
        <Notice kind="warning" testId="tracker-page-refused">
          {format(strings.TrackerPageRefused, linkProblemText(trackerPage.problem, all))}
        </Notice>
      )}
      {incomplete > 0 && (
        <Notice kind="warning" testId="dashboard-needs-completing">
          {plural(strings.NotCounted, incomplete)}
        </Notice>
      )}
      <div className={styles.tiles} role="list" aria-label={strings.Headlines}>
        {heads.map((h) => (
          <div role="listitem" key={h.key}>
            <button type="button" className={styles.tile} onClick={() => open(headlineLabel[h.key], h.link)} data-testid={`tile-${h.key}`}>
              <span className={styles.value}>{formatNumber(h.value)}</span>
              <span>{headlineLabel[h.key]}</span>
            </button>
          </div>
        ))}
      </div>
      <div className={styles.charts}>
        <LightsChart title={strings.ByReport} emptyText={strings.NoReportYet} bars={lightsBy(rows, 'report', scope)} onOpen={open} />
        <LightsChart title={strings.ByDirectorate} emptyText={strings.NoDirectorateYet} bars={lightsBy(rows, 'directorate', scope)} onOpen={open} />
      </div>
      <OpenChart points={openOverTime(rows, today)} />
      {drill !== null && (
        <OnDemand loading={onDemand.LoadingItems} failed={onDemand.ItemsFailed} frame={overPage} onDismiss={() => setDrill(null)}>
          <DrillPanel data={data} user={props.user} title={drill.title} link={drill.link} now={now} onDismiss={() => setDrill(null)} />
        </OnDemand>
      )}
    </Stack>
  );
}

/** A chart's header with the switch between the chart and its table. */
function ChartFrame(props: { title: string; asTable: boolean; onToggle: () => void; children: React.ReactNode }): JSX.Element {
  const strings = useStrings().Dashboard;
  const id = React.useMemo(() => `chart-${props.title.replace(/\W+/g, '-').toLowerCase()}`, [props.title]);
  return (
    <section aria-labelledby={id}>
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center">
        <Text variant="large" as="h3" id={id}>
          {props.title}
        </Text>
        <PlainButton variant="action" iconName={props.asTable ? 'BarChartHorizontal' : 'Table'} ariaPressed={props.asTable} onClick={props.onToggle} text={props.asTable ? strings.ShowChart : strings.ShowTable} />
      </Stack>
      {props.children}
    </section>
  );
}

function LightsChart(props: { title: string; emptyText: string; bars: LightBreakdown[]; onOpen: (title: string, link: LinkFilters) => void }): JSX.Element {
  const theme = useTheme();
  const { Dashboard: strings, Values: names } = useStrings();
  const light = (l: TrafficLight): string => displayValue(names, 'trafficLight', l);
  const [asTable, setAsTable] = React.useState(false);
  const max = Math.max(1, ...props.bars.map((b) => b.total));
  const styles = mergeStyleSets({
    row: { display: 'grid', gridTemplateColumns: 'minmax(120px, 40%) 1fr', alignItems: 'center', gap: 8, marginBottom: 6 },
    name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: theme.semanticColors.bodyText, background: 'none', border: 'none', textAlign: 'left', cursor: 'pointer', padding: 0, font: 'inherit' },
    bar: { display: 'flex', height: 24 },
    // 24px at least: WCAG 2.2 target size for every clickable segment.
    segment: { height: '100%', border: `1px solid ${theme.semanticColors.bodyText}`, padding: 0, cursor: 'pointer', minWidth: 24 },
    table: { borderCollapse: 'collapse', width: '100%' },
    cell: { borderBottom: `1px solid ${theme.semanticColors.variantBorder}`, padding: '4px 6px', textAlign: 'left' },
    link: { color: theme.semanticColors.link, background: 'none', border: 'none', padding: 0, cursor: 'pointer', textDecoration: 'underline', font: 'inherit' }
  });
  return (
    <ChartFrame title={props.title} asTable={asTable} onToggle={() => setAsTable((t) => !t)}>
      {props.bars.length === 0 ? (
        <Text>{props.emptyText}</Text>
      ) : asTable ? (
        <table className={styles.table}>
          <caption className="ms-screenReaderOnly">{props.title}</caption>
          <thead>
            <tr>
              <th className={styles.cell} scope="col">{strings.Name}</th>
              {TRAFFIC_LIGHTS.map((l) => (
                <th className={styles.cell} scope="col" key={l}>{light(l)}</th>
              ))}
              <th className={styles.cell} scope="col">{strings.Total}</th>
            </tr>
          </thead>
          <tbody>
            {props.bars.map((b) => (
              <tr key={b.key}>
                <th className={styles.cell} scope="row">{b.name}</th>
                {TRAFFIC_LIGHTS.map((l) => (
                  <td className={styles.cell} key={l}>
                    {b.counts[l] === 0 ? (
                      0
                    ) : (
                      <button type="button" className={styles.link} onClick={() => props.onOpen(format(strings.Segment, b.name, light(l)), { ...b.link, trafficLight: l })}>
                        {formatNumber(b.counts[l])}
                      </button>
                    )}
                  </td>
                ))}
                <td className={styles.cell}>{formatNumber(b.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div>
          {props.bars.map((b) => (
            <div className={styles.row} key={b.key}>
              <button type="button" className={styles.name} title={b.name} onClick={() => props.onOpen(b.name, b.link)}>
                {b.name}
              </button>
              <div className={styles.bar} style={{ width: `${(100 * b.total) / max}%` }}>
                {TRAFFIC_LIGHTS.filter((l) => b.counts[l] > 0).map((l) => (
                  <button
                    type="button"
                    key={l}
                    className={styles.segment}
                    style={{ flexGrow: b.counts[l], background: lightColour(l, theme) }}
                    aria-label={format(strings.Segment, b.name, format(strings.SegmentCount, formatNumber(b.counts[l]), light(l)))}
                    title={format(strings.SegmentCount, formatNumber(b.counts[l]), light(l))}
                    onClick={() => props.onOpen(format(strings.Segment, b.name, light(l)), { ...b.link, trafficLight: l })}
                  />
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </ChartFrame>
  );
}

function OpenChart(props: { points: OpenPoint[] }): JSX.Element {
  const theme = useTheme();
  const [asTable, setAsTable] = React.useState(false);
  const width = 640;
  const height = 180;
  const pad = 32;
  const max = Math.max(1, ...props.points.map((p) => p.open));
  const x = (i: number): number => pad + (i * (width - 2 * pad)) / Math.max(1, props.points.length - 1);
  const y = (v: number): number => height - pad - (v * (height - 2 * pad)) / max;
  const styles = mergeStyleSets({
    table: { borderCollapse: 'collapse' },
    cell: { borderBottom: `1px solid ${theme.semanticColors.variantBorder}`, padding: '4px 12px 4px 6px', textAlign: 'left' }
  });
  const strings = useStrings().Dashboard;
  const last = props.points[props.points.length - 1];
  const summary = props.points.length === 0 ? '' : format(strings.OpenSummary, formatNumber(props.points[0].open), shortDate(props.points[0].date), formatNumber(last.open), shortDate(last.date));
  return (
    <ChartFrame title={strings.OpenOverTime} asTable={asTable} onToggle={() => setAsTable((t) => !t)}>
      {asTable ? (
        <table className={styles.table}>
          <caption className="ms-screenReaderOnly">{strings.OpenAtMonthEnd}</caption>
          <thead>
            <tr>
              <th className={styles.cell} scope="col">{strings.Date}</th>
              <th className={styles.cell} scope="col">{strings.OpenItems}</th>
            </tr>
          </thead>
          <tbody>
            {props.points.map((p) => (
              <tr key={p.date}>
                <th className={styles.cell} scope="row">{shortDate(p.date)}</th>
                <td className={styles.cell}>{formatNumber(p.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: width }}>
          <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke={theme.semanticColors.bodyText} />
          <line x1={pad} y1={pad} x2={pad} y2={height - pad} stroke={theme.semanticColors.bodyText} />
          <text x={4} y={pad + 4} fill={theme.semanticColors.bodyText} fontSize={11}>
            {formatNumber(max)}
          </text>
          <polyline fill="none" stroke={theme.palette.themePrimary} strokeWidth={2} points={props.points.map((p, i) => `${x(i)},${y(p.open)}`).join(' ')} />
          {props.points.map((p, i) => (
            <g key={p.date}>
              <circle cx={x(i)} cy={y(p.open)} r={3} fill={theme.palette.themePrimary} />
              {(i === 0 || i === props.points.length - 1 || i % 3 === 0) && (
                <text x={x(i)} y={height - pad + 16} textAnchor="middle" fill={theme.semanticColors.bodyText} fontSize={11}>
                  {shortMonthYear(p.date)}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
    </ChartFrame>
  );
}
