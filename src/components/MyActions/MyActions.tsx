/**
 * My Actions: the signed-in person's recommendations and actions, most urgent first (overdue, due
 * soon, progress update overdue, the rest), each with a quick progress update, a closure request
 * and a link to the item in the tracker. The same component is the SharePoint web part, the Teams
 * personal app and the channel tab; in Teams it follows the Teams theme, and a deep link's
 * `subEntityId` opens that item's update dialog.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import type { ITheme } from '@fluentui/react';
import { londonDate } from '../../core/dates';
import { trafficLight } from '../../core/status';
import type { OriginatingReport, ProgressUpdate, Recommendation } from '../../core/model';
import { ProgressUpdateDialog, RequestClosureDialog } from '../item/dialogs';
import { itemPermissions } from '../item/ItemPanel';
import { useRecommendationSave } from '../item/useRecommendationSave';
import { TrafficLightBadge } from '../common/TrafficLightBadge';
import { dueText, shortUkDate } from '../common/format';
import type { TrackerUser } from '../data/TrackerDataSource';
import { THEMES, lightTheme } from '../theme/themes';
import { useTeamsContext } from '../teams/useTeamsContext';
import type { TeamsAppLike } from '../teams/teamsContext';
import type { MyActionsSource } from './myWork';
import { format, scopeOf, trackerItemUrl } from './settings';
import type { MyActionsSettings, MyActionsStrings } from './settings';
import { URGENCIES, byUrgency } from './urgency';
import type { Urgency, WorkItem } from './urgency';

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

type OpenDialog = { kind: 'update' | 'closure'; item: WorkItem } | null;

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
  const tracker = source.tracker;
  const now = React.useMemo(() => props.now ?? (() => new Date()), [props.now]);
  const teams = useTeamsContext(props.teams);
  const [user, setUser] = React.useState<TrackerUser | null>(null);
  const [items, setItems] = React.useState<WorkItem[] | null>(null);
  const [reports, setReports] = React.useState<Map<number, OriginatingReport>>(new Map());
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [dialog, setDialog] = React.useState<OpenDialog>(null);
  const deepLinkDone = React.useRef(false);
  const scope = React.useMemo(() => scopeOf(settings), [settings]);

  const load = React.useCallback(async (): Promise<void> => {
    try {
      const me = await tracker.currentUser();
      const [work, allReports] = await Promise.all([source.myWork(me, scope), tracker.listReports()]);
      setUser(me);
      setReports(new Map(allReports.map((r) => [r.id, r])));
      setItems(work);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [source, tracker, scope]);

  React.useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const { save, conflictDialog } = useRecommendationSave(tracker);

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

  const done = async (message: string): Promise<void> => {
    setDialog(null);
    setNotice(message);
    await load();
  };

  const postUpdate = async (item: WorkItem, update: ProgressUpdate, next: Recommendation): Promise<void> => {
    if (item.kind === 'action') {
      // An action's update is recorded against it; its recommendation's status is not the action's.
      await tracker.addUpdate({ ...update, actionId: item.action.id });
      await tracker.saveAction({ ...item.action, lifecycle: update.lifecycle, currentPosition: update.text });
    } else {
      await tracker.addUpdate(update);
      const saved = await save({ recommendation: item.recommendation, etag: item.etag }, next);
      if (saved === null) {
        setDialog(null);
        await load();
        return;
      }
    }
    await done(format(strings.UpdatePosted, refOf(item)));
  };

  return (
    <ThemeProvider theme={theme} applyTo="element">
      <MyActionsView
        strings={strings}
        settings={settings}
        ordered={ordered}
        user={user}
        reports={reports}
        loading={items === null && error === null}
        error={error ?? teams.error}
        notice={notice}
        channelName={teams.context?.channelName ?? null}
        today={today}
        onDismissNotice={() => setNotice(null)}
        onOpen={(kind, item) => setDialog({ kind, item })}
      />
      {dialog?.kind === 'update' && user !== null && (
        <ProgressUpdateDialog
          recommendation={dialog.item.kind === 'action' ? { ...dialog.item.recommendation, ref: refOf(dialog.item), lifecycle: dialog.item.action.lifecycle } : dialog.item.recommendation}
          actor={{ name: user.name, now }}
          onDismiss={() => setDialog(null)}
          onSave={(update, next) => postUpdate(dialog.item, update, next)}
        />
      )}
      {dialog?.kind === 'closure' && user !== null && dialog.item.kind === 'recommendation' && (
        <RequestClosureDialog
          recommendation={dialog.item.recommendation}
          actor={{ name: user.name, now }}
          onDismiss={() => setDialog(null)}
          onSave={async (next) => {
            if (dialog.item.kind !== 'recommendation') return;
            const saved = await save({ recommendation: dialog.item.recommendation, etag: dialog.item.etag }, next);
            if (saved === null) {
              setDialog(null);
              await load();
              return;
            }
            await done(format(strings.ClosureRequested, refOf(dialog.item)));
          }}
        />
      )}
      {conflictDialog}
    </ThemeProvider>
  );
}

interface MyActionsViewProps {
  strings: MyActionsStrings;
  settings: MyActionsSettings;
  ordered: { item: WorkItem; urgency: Urgency }[];
  user: TrackerUser | null;
  reports: Map<number, OriginatingReport>;
  loading: boolean;
  error: string | null;
  notice: string | null;
  channelName: string | null;
  today: string;
  onDismissNotice: () => void;
  onOpen: (kind: 'update' | 'closure', item: WorkItem) => void;
}

/** The list itself, banded by urgency, each band a titled list of cards. */
function MyActionsView(props: MyActionsViewProps): JSX.Element {
  const { strings, settings, user } = props;
  const theme = useTheme();
  const styles = mergeStyleSets({
    root: { padding: 12 },
    band: { margin: '16px 0 8px' },
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
    card: { border: `1px solid ${theme.semanticColors.variantBorder}`, borderRadius: 4, padding: 12, background: theme.semanticColors.bodyBackground },
    text: { whiteSpace: 'pre-wrap', margin: '4px 0 8px' }
  });
  const scopeParts = [settings.directorate, settings.reportId === '' ? '' : (props.reports.get(Number(settings.reportId))?.title ?? '')].filter((s) => s !== '');
  const bands = URGENCIES.map((u) => ({ urgency: u, entries: props.ordered.filter((o) => o.urgency === u) })).filter((b) => b.entries.length > 0);
  return (
    <section className={styles.root} aria-labelledby="my-actions-title" data-testid="my-actions">
      <Text as="h2" variant="xLarge" id="my-actions-title" block>
        {settings.title === '' ? strings.DefaultTitle : settings.title}
      </Text>
      {(props.channelName !== null || scopeParts.length > 0) && (
        <Text block variant="small" data-testid="my-actions-scope">
          {format(strings.ScopedTo, [props.channelName ?? '', ...scopeParts].filter((s) => s !== '').join(' · '))}
        </Text>
      )}
      {props.notice !== null && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={props.onDismissNotice} dismissButtonAriaLabel="Close">
          {props.notice}
        </MessageBar>
      )}
      {props.error !== null && <MessageBar messageBarType={MessageBarType.error}>{props.error}</MessageBar>}
      {user !== null && !user.canEdit && <MessageBar messageBarType={MessageBarType.info}>{strings.CannotEdit}</MessageBar>}
      {props.loading && <Spinner label={strings.Loading} />}
      {!props.loading && props.error === null && props.ordered.length === 0 && <Text block>{strings.Empty}</Text>}
      {bands.map((band) => (
        <div key={band.urgency} data-band={band.urgency}>
          <Text as="h3" variant="large" block className={styles.band} id={`band-${band.urgency}`}>
            {`${strings[BAND_STRING[band.urgency]]} (${band.entries.length})`}
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

function WorkCard(props: MyActionsViewProps & { item: WorkItem; className: string; textClass: string }): JSX.Element {
  const { item, strings, user } = props;
  const rec = item.recommendation;
  const ref = refOf(item);
  const lifecycle = item.kind === 'action' ? item.action.lifecycle : rec.lifecycle;
  const due = dueText(item.kind === 'action' ? item.action.due : rec.due);
  const light = trafficLight(item.kind === 'action' ? { ...rec, lifecycle, due: item.action.due } : rec, props.today);
  const perms = user === null ? null : itemPermissions(item.kind === 'action' ? { ...rec, lifecycle } : rec, user);
  const report = rec.reportId === undefined ? undefined : props.reports.get(rec.reportId);
  const link = trackerItemUrl(props.settings.trackerPageUrl, rec.id, typeof window === 'undefined' ? 'http://localhost/' : window.location.href);
  const awaitingSignOff = lifecycle === 'Complete, awaiting sign-off';
  const heading = item.kind === 'action' ? format(strings.ActionOf, item.action.ref, rec.ref) : `${rec.kind} ${rec.ref}`;
  return (
    <li className={props.className} data-testid="work-item" data-ref={ref}>
      <Text as="h4" variant="mediumPlus" block>
        {heading}
        {report !== undefined && <Text variant="small">{` · ${report.title}`}</Text>}
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
        <TrafficLightBadge light={light} />
        <Text>{due === '' ? strings.NoDueDate : format(strings.Due, due)}</Text>
        <Text>{awaitingSignOff ? strings.AwaitingSignOff : lifecycle}</Text>
        <Text>{rec.lastUpdated === null ? strings.NeverUpdated : format(strings.LastUpdate, shortUkDate(rec.lastUpdated))}</Text>
      </Stack>
      <Text block className={props.textClass}>
        {item.kind === 'action' ? item.action.text : rec.text}
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        {perms?.canUpdate === true && (
          <PrimaryButton text={strings.PostUpdate} ariaLabel={`${strings.PostUpdate}: ${ref}`} onClick={() => props.onOpen('update', item)} />
        )}
        {item.kind === 'recommendation' && perms?.canRequestClosure === true && (
          <DefaultButton text={strings.RequestClosure} ariaLabel={`${strings.RequestClosure}: ${ref}`} onClick={() => props.onOpen('closure', item)} />
        )}
        {link !== null && (
          <Link href={link} target="_top" aria-label={`${strings.OpenInTracker}: ${ref}`}>
            {strings.OpenInTracker}
          </Link>
        )}
      </Stack>
    </li>
  );
}
