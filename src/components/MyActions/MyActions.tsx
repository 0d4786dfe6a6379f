/**
 * My Actions: the signed-in person's recommendations and actions, most urgent first (overdue, due
 * soon, progress update overdue, the rest), each with a quick progress update, a closure request
 * and a link to the item in the tracker; and, for an approver (an item's SRO or the configured
 * closure approver), the closure requests waiting for their sign-off. The same component is the SharePoint web part, the Teams
 * personal app and the channel tab; in Teams it follows the Teams theme, and a deep link's
 * `subEntityId` opens that item's update dialog.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { ITheme } from '@fluentui/react';
import { londonDate } from '../../core/dates';
import { trackerPageProblem } from '../../core/links';
import { DEFAULT_RAG_POLICY, trafficLight } from '../../core/status';
import type { RagPolicy } from '../../core/status';
import type { OriginatingReport, ProgressUpdate, Recommendation } from '../../core/model';
import { OnDemand, overPage } from '../common/OnDemand';
import { itemPermissions } from '../../core/permissions';
import { useRecommendationSave } from '../item/useRecommendationSave';
import { useActionSave } from '../item/conflictSave';
import { TrafficLightBadge } from '../common/TrafficLightBadge';
import { dueText } from '../common/format';
import type { RecommendationRecord, TrackerUser } from '../../data/TrackerDataSource';
import { THEMES, lightTheme } from '../theme/themes';
import { useTeamsContext } from '../teams/useTeamsContext';
import type { TeamsAppLike, TeamsHostContext } from '../teams/teamsContext';
import type { MyActionsSource } from '../../data/myWork';
import { format, formatNumber, listText, shortDate } from '../common/intl';
import { useStrings } from '../common/strings';
import { displayValue } from '../common/values';
import { scopeOf, trackerItemUrl } from './settings';
import type { MyActionsSettings, MyActionsStrings } from './settings';
import { URGENCIES, byUrgency } from './urgency';
import type { Urgency } from './urgency';
import type { WorkItem } from '../../data/myWork';
import { errorText } from '../common/errorText';
import { linkProblemText } from '../common/messages';

// The update round tab (staff): its page and data load only when opened.
const RoundPage = React.lazy(() => import(/* webpackChunkName: 'my-actions-round' */ '../round/RoundPage').then((m) => ({ default: m.RoundPage })));
// The dialogs (text fields, dropdowns, the date picker) load when an owner first opens one.
const ProgressUpdateDialog = React.lazy(() => import(/* webpackChunkName: 'item-dialogs' */ '../item/dialogs').then((m) => ({ default: m.ProgressUpdateDialog })));
const RequestClosureDialog = React.lazy(() => import(/* webpackChunkName: 'item-dialogs' */ '../item/dialogs').then((m) => ({ default: m.RequestClosureDialog })));
const DecideClosureDialog = React.lazy(() => import(/* webpackChunkName: 'item-dialogs' */ '../item/dialogs').then((m) => ({ default: m.DecideClosureDialog })));

export interface MyActionsProps {
  source: MyActionsSource;
  settings: MyActionsSettings;
  strings: MyActionsStrings;
  /** TeamsJS's `app` when hosted in Teams (SPFx: `context.sdks.microsoftTeams.teamsJs.app`). */
  teams?: TeamsAppLike;
  /** The SharePoint page's theme, used outside Teams. */
  theme?: PartialTheme;
  now?: () => Date;
}

type OpenDialog = { kind: 'update' | 'closure'; item: WorkItem } | { kind: 'decide'; record: RecommendationRecord } | null;

const BAND_STRING: Record<Urgency, keyof MyActionsStrings> = {
  overdue: 'BandOverdue',
  dueSoon: 'BandDueSoon',
  updateOverdue: 'BandUpdateOverdue',
  other: 'BandOther'
};

function keyOf(item: WorkItem): string {
  return item.kind === 'action' ? `action-${item.action.id}` : `rec-${item.recommendation.id}`;
}

function refOf(item: WorkItem): string {
  return item.kind === 'action' ? `${item.recommendation.ref}/${item.action.ref}` : item.recommendation.ref;
}

export function MyActions(props: MyActionsProps): JSX.Element {
  const { source, settings, strings } = props;
  const all = useStrings();
  const roundStrings = all.UpdateRound;
  const tracker = source.tracker;
  const now = React.useMemo(() => props.now ?? (() => new Date()), [props.now]);
  const teams = useTeamsContext(props.teams);
  const [user, setUser] = React.useState<TrackerUser | null>(null);
  const [items, setItems] = React.useState<WorkItem[] | null>(null);
  const [signOff, setSignOff] = React.useState<RecommendationRecord[]>([]);
  const [reports, setReports] = React.useState<Map<number, OriginatingReport>>(new Map());
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [dialog, setDialog] = React.useState<OpenDialog>(null);
  const [tab, setTab] = React.useState<'mine' | 'round'>('mine');
  const [policy, setPolicy] = React.useState<RagPolicy>(DEFAULT_RAG_POLICY);
  const deepLinkDone = React.useRef(false);
  const scope = React.useMemo(() => scopeOf(settings), [settings]);

  const load = React.useCallback(async (): Promise<void> => {
    try {
      const me = await tracker.currentUser();
      const [work, waiting, allReports, sitePolicy] = await Promise.all([
        source.myWork(me, scope),
        source.awaitingSignOff(me, settings.approverEmail, scope),
        tracker.listReports(),
        tracker.ragPolicy()
      ]);
      setPolicy(sitePolicy);
      setUser(me);
      setReports(new Map(allReports.map((r) => [r.id, r])));
      setSignOff(waiting);
      setItems(work);
      setError(null);
    } catch (e) {
      setError(errorText(e, all));
    }
  }, [source, tracker, scope, settings.approverEmail]);

  React.useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const { save, conflictDialog } = useRecommendationSave(tracker);
  const actionSave = useActionSave(tracker);

  // A deep link (a reminder card's "Post an update") opens that item's update dialog once.
  const openItemId = teams.context?.openItemId ?? null;
  React.useEffect(() => {
    if (deepLinkDone.current || openItemId === null || items === null) return;
    deepLinkDone.current = true;
    const target = items.find((i) => i.kind === 'recommendation' && i.recommendation.id === openItemId);
    if (target !== undefined) setDialog({ kind: 'update', item: target });
  }, [openItemId, items]);

  const theme: ITheme | PartialTheme = teams.context !== null ? THEMES[teams.context.theme] : (props.theme ?? lightTheme);
  const today = londonDate(now());
  const ordered = items === null ? [] : byUrgency(items, today);

  /** Saves through the tracker's path (a conflict is shown); false when the user kept the other version. */
  const saveRecord = async (record: RecommendationRecord, next: Recommendation): Promise<boolean> => {
    const saved = await save(record, next);
    if (saved !== null) return true;
    setDialog(null);
    await load();
    return false;
  };

  /** Closes the dialog and re-reads, then says what was saved: the list it speaks of is current. */
  const done = async (message: string): Promise<void> => {
    setDialog(null);
    await load();
    setNotice(message);
  };

  const postUpdate = async (item: WorkItem, update: ProgressUpdate, next: Recommendation): Promise<void> => {
    if (item.kind === 'action') {
      // An action's update is recorded against it; its recommendation's status is not the action's.
      await tracker.addUpdate({ ...update, actionId: item.action.id });
      // The action's status and position follow the update, quoting the version the owner saw.
      const saved = await actionSave.save({ value: item.action, etag: item.etag }, { ...item.action, lifecycle: update.lifecycle, currentPosition: update.text });
      if (saved === null) {
        setDialog(null);
        await load();
        return;
      }
    } else {
      await tracker.addUpdate(update);
      if (!(await saveRecord({ recommendation: item.recommendation, etag: item.etag }, next))) return;
    }
    await done(format(strings.UpdatePosted, refOf(item)));
  };

  return (
    <ThemeProvider theme={theme} applyTo="element">
      {user !== null && user.canEdit && (
        <Pivot headersOnly selectedKey={tab} onLinkClick={(item) => setTab(item?.props.itemKey === 'round' ? 'round' : 'mine')} aria-label={roundStrings.Heading}>
          <PivotItem itemKey="mine" headerText={roundStrings.MyWorkTab} />
          <PivotItem itemKey="round" headerText={roundStrings.Tab} />
        </Pivot>
      )}
      {tab === 'round' && user !== null && user.canEdit ? (
        <OnDemand loading={roundStrings.Loading} failed={strings.PartFailed}>
          <RoundPage data={tracker} user={user} now={now} />
        </OnDemand>
      ) : (
        <MyActionsView
          strings={strings}
          settings={settings}
          ordered={ordered}
          signOff={signOff}
          user={user}
          reports={reports}
          loading={items === null && error === null}
          error={error ?? (teams.error === null ? null : format(strings.TeamsContextFailed, teams.error))}
          notice={notice}
          channel={teams.context?.channel ?? null}
          today={today}
          policy={policy}
          onDismissNotice={() => setNotice(null)}
          onOpen={(kind, item) => setDialog({ kind, item })}
          onDecide={(record) => setDialog({ kind: 'decide', record })}
        />
      )}
      {dialog !== null && user !== null && (
        <OnDemand loading={strings.LoadingPart} failed={strings.PartFailed} frame={overPage} onDismiss={() => setDialog(null)}>
          {dialog.kind === 'update' && (
            <ProgressUpdateDialog
              recommendation={dialog.item.kind === 'action' ? { ...dialog.item.recommendation, ref: refOf(dialog.item), lifecycle: dialog.item.action.lifecycle } : dialog.item.recommendation}
              actor={{ name: user.name, now, policy }}
              onDismiss={() => setDialog(null)}
              onSave={(update, next) => postUpdate(dialog.item, update, next)}
            />
          )}
          {dialog.kind === 'closure' && dialog.item.kind === 'recommendation' && (
            <RequestClosureDialog
              recommendation={dialog.item.recommendation}
              actor={{ name: user.name, now, policy }}
              onDismiss={() => setDialog(null)}
              onSave={async (next) => {
                if (dialog.item.kind !== 'recommendation') return;
                if (!(await saveRecord({ recommendation: dialog.item.recommendation, etag: dialog.item.etag }, next))) return;
                await done(format(strings.ClosureRequested, refOf(dialog.item)));
              }}
            />
          )}
          {dialog.kind === 'decide' && (
            <DecideClosureDialog
              recommendation={dialog.record.recommendation}
              actor={{ name: user.name, now, policy }}
              onDismiss={() => setDialog(null)}
              onSave={async (next) => {
                if (!(await saveRecord(dialog.record, next))) return;
                await done(format(strings.ClosureDecided, dialog.record.recommendation.ref));
              }}
            />
          )}
        </OnDemand>
      )}
      {conflictDialog}
      {actionSave.conflictDialog}
    </ThemeProvider>
  );
}

interface MyActionsViewProps {
  /** The site's choice of the deadline RED is measured against. */
  policy: RagPolicy;
  strings: MyActionsStrings;
  settings: MyActionsSettings;
  ordered: { item: WorkItem; urgency: Urgency }[];
  signOff: RecommendationRecord[];
  user: TrackerUser | null;
  reports: Map<number, OriginatingReport>;
  loading: boolean;
  error: string | null;
  notice: string | null;
  channel: TeamsHostContext['channel'];
  today: string;
  onDismissNotice: () => void;
  onOpen: (kind: 'update' | 'closure', item: WorkItem) => void;
  onDecide: (record: RecommendationRecord) => void;
}

/** The list itself: closure requests to sign off, then the person's work banded by urgency; each band a titled list of cards. */
function MyActionsView(props: MyActionsViewProps): JSX.Element {
  const { strings, settings, user } = props;
  const shared = useStrings();
  const common = shared.Common;
  const theme = useTheme();
  const styles = mergeStyleSets({
    root: { padding: 12 },
    band: { margin: '16px 0 8px' },
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
    card: { border: `1px solid ${theme.semanticColors.variantBorder}`, borderRadius: 4, padding: 12, background: theme.semanticColors.bodyBackground },
    text: { whiteSpace: 'pre-wrap', margin: '4px 0 8px' }
  });
  const channel = props.channel === null ? '' : props.channel.team !== null && props.channel.name !== '' ? format(strings.ChannelInTeam, props.channel.team, props.channel.name) : (props.channel.team ?? props.channel.name);
  const scopeParts = [channel, settings.directorate, settings.reportId === '' ? '' : (props.reports.get(Number(settings.reportId))?.title ?? '')].filter((s) => s !== '');
  const bands = URGENCIES.map((u) => ({ urgency: u, entries: props.ordered.filter((o) => o.urgency === u) })).filter((b) => b.entries.length > 0);
  const trackerPageRefused = trackerPageProblem(settings.trackerPageUrl, pageUrl());
  return (
    <section className={styles.root} aria-labelledby="my-actions-title" data-testid="my-actions">
      <Text as="h2" variant="xLarge" id="my-actions-title" block>
        {settings.title === '' ? strings.DefaultTitle : settings.title}
      </Text>
      {scopeParts.length > 0 && (
        <Text block variant="small" data-testid="my-actions-scope">
          {format(strings.ScopedTo, listText(scopeParts, strings.ScopeSeparator))}
        </Text>
      )}
      {props.notice !== null && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={props.onDismissNotice} dismissButtonAriaLabel={common.CloseMessage}>
          {props.notice}
        </MessageBar>
      )}
      {props.error !== null && <MessageBar messageBarType={MessageBarType.error}>{props.error}</MessageBar>}
      {trackerPageRefused !== null && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline data-testid="tracker-page-refused">
          {format(strings.TrackerPageRefused, linkProblemText(trackerPageRefused, shared))}
        </MessageBar>
      )}
      {user !== null && !user.canEdit && <MessageBar messageBarType={MessageBarType.info}>{strings.CannotEdit}</MessageBar>}
      {props.loading && <Spinner label={strings.Loading} />}
      {!props.loading && props.error === null && props.ordered.length === 0 && props.signOff.length === 0 && <Text block>{strings.Empty}</Text>}
      {props.signOff.length > 0 && (
        <div data-band="signOff">
          <Text as="h3" variant="large" block className={styles.band} id="band-signOff">
            {format(strings.BandCount, strings.BandSignOff, formatNumber(props.signOff.length))}
          </Text>
          <ul className={styles.list} aria-labelledby="band-signOff">
            {[...props.signOff]
              .sort((a, b) => (a.recommendation.closure?.requestedAt ?? '').localeCompare(b.recommendation.closure?.requestedAt ?? ''))
              .map((record) => (
                <SignOffCard key={record.recommendation.id} record={record} {...props} className={styles.card} textClass={styles.text} />
              ))}
          </ul>
        </div>
      )}
      {bands.map((band) => (
        <div key={band.urgency} data-band={band.urgency}>
          <Text as="h3" variant="large" block className={styles.band} id={`band-${band.urgency}`}>
            {format(strings.BandCount, strings[BAND_STRING[band.urgency]], formatNumber(band.entries.length))}
          </Text>
          <ul className={styles.list} aria-labelledby={`band-${band.urgency}`}>
            {band.entries.map(({ item }) => (
              <WorkCard key={keyOf(item)} item={item} {...props} className={styles.card} textClass={styles.text} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The page My Actions is on: it names the tenant, and relative tracker page addresses resolve against it. */
function pageUrl(): string {
  return typeof window === 'undefined' ? 'http://localhost/' : window.location.href;
}

/** The tracker page's link to an item, or null when the web part names no usable tracker page. */
function trackerLink(settings: MyActionsSettings, itemId: number): string | null {
  return trackerItemUrl(settings.trackerPageUrl, itemId, pageUrl());
}

/** A closure request waiting for this person: who asked, when, their evidence, and the decision. */
function SignOffCard(props: MyActionsViewProps & { record: RecommendationRecord; className: string; textClass: string }): JSX.Element {
  const { strings } = props;
  const shared = useStrings();
  const rec = props.record.recommendation;
  const closure = rec.closure;
  const report = rec.reportId === undefined ? undefined : props.reports.get(rec.reportId);
  const link = trackerLink(props.settings, rec.id);
  return (
    <li className={props.className} data-testid="sign-off-item" data-ref={rec.ref} data-recommendation={rec.id}>
      <Text as="h4" variant="mediumPlus" block>
        {format(shared.Common.KindRef, displayValue(shared.Values, 'kind', rec.kind), rec.ref)}
        {report !== undefined && <Text variant="small">{format(strings.FromReport, report.title)}</Text>}
      </Text>
      <Text block className={props.textClass}>
        {rec.text}
      </Text>
      {closure !== undefined && (
        <Text block className={props.textClass}>
          {format(strings.ClosureAskedBy, closure.requestedBy, shortDate(londonDate(closure.requestedAt)), closure.evidence)}
        </Text>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        <PrimaryButton text={strings.DecideClosure} ariaLabel={format(strings.ActionOn, strings.DecideClosure, rec.ref)} onClick={() => props.onDecide(props.record)} />
        {link !== null && (
          <Link href={link} target="_top" aria-label={format(strings.ActionOn, strings.OpenInTracker, rec.ref)}>
            {strings.OpenInTracker}
          </Link>
        )}
      </Stack>
    </li>
  );
}

function WorkCard(props: MyActionsViewProps & { item: WorkItem; className: string; textClass: string }): JSX.Element {
  const { item, strings, user } = props;
  const rec = item.recommendation;
  const ref = refOf(item);
  const lifecycle = item.kind === 'action' ? item.action.lifecycle : rec.lifecycle;
  const { Format: words, Values: names, Common: common } = useStrings();
  const due = dueText(item.kind === 'action' ? item.action.due : rec.due, words);
  const light = trafficLight(item.kind === 'action' ? { ...rec, lifecycle, due: item.action.due } : rec, props.today, props.policy);
  const perms = user === null ? null : itemPermissions(item.kind === 'action' ? { ...rec, lifecycle } : rec, user);
  const report = rec.reportId === undefined ? undefined : props.reports.get(rec.reportId);
  const link = trackerLink(props.settings, rec.id);
  const awaitingSignOff = lifecycle === 'Complete, awaiting sign-off';
  const heading = item.kind === 'action' ? format(strings.ActionOf, item.action.ref, rec.ref) : format(common.KindRef, displayValue(names, 'kind', rec.kind), rec.ref);
  return (
    <li className={props.className} data-testid="work-item" data-ref={ref} data-recommendation={rec.id}{...(item.kind === 'action' ? { 'data-action': item.action.id } : {})}>
      <Text as="h4" variant="mediumPlus" block>
        {heading}
        {report !== undefined && <Text variant="small">{format(strings.FromReport, report.title)}</Text>}
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
        <TrafficLightBadge light={light} />
        <Text>{due === '' ? strings.NoDueDate : format(strings.Due, due)}</Text>
        <Text>{awaitingSignOff ? strings.AwaitingSignOff : displayValue(names, 'lifecycle', lifecycle)}</Text>
        <Text>{rec.lastUpdated === null ? strings.NeverUpdated : format(strings.LastUpdate, shortDate(rec.lastUpdated))}</Text>
      </Stack>
      <Text block className={props.textClass}>
        {item.kind === 'action' ? item.action.text : rec.text}
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        {perms?.canUpdate === true && (
          <PrimaryButton text={strings.PostUpdate} ariaLabel={format(strings.ActionOn, strings.PostUpdate, ref)} onClick={() => props.onOpen('update', item)} />
        )}
        {item.kind === 'recommendation' && perms?.canRequestClosure === true && (
          <DefaultButton text={strings.RequestClosure} ariaLabel={format(strings.ActionOn, strings.RequestClosure, ref)} onClick={() => props.onOpen('closure', item)} />
        )}
        {link !== null && (
          <Link href={link} target="_top" aria-label={format(strings.ActionOn, strings.OpenInTracker, ref)}>
            {strings.OpenInTracker}
          </Link>
        )}
      </Stack>
    </li>
  );
}
