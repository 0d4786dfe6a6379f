/**
 * One recommendation in full: its text, owners, due date with every revision, actions, the timeline
 * of progress updates and the audit history from the item's versions, with the commands the signed
 * in person may use. Readers read; editors update, edit and ask; someone other than the owner and
 * the requester decides closures and extensions (the core transitions enforce it too).
 */
import * as React from 'react';
import { CommandBar } from '@fluentui/react/lib/CommandBar';
import type { ICommandBarItemProps } from '@fluentui/react/lib/CommandBar';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { OriginatingReport, ProgressUpdate, Recommendation, RecommendationKind } from '../../core/model';
import { londonDate } from '../../core/dates';
import { colourDifference, confidenceDisagreement, trafficLight } from '../../core/status';
import type { RagPolicy } from '../../core/status';
import { itemPermissions } from '../../core/permissions';
import type { ActionRecord, ListedRecord, RecommendationRecord, TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';
import { overPage } from '../common/OnDemand';
import { Notice } from '../common/Notice';
import { TrafficLightBadge } from '../common/TrafficLightBadge';
import { colourDifferenceSentence, dueText, ukDateTime } from '../common/format';
import { DecideClosureDialog, DecideExtensionDialog, ProgressUpdateDialog, RequestClosureDialog, RequestExtensionDialog } from './dialogs';
import type { Actor } from './dialogs';
import { ActionForm, RecommendationForm } from './forms';
import { useRecommendationSave } from './useRecommendationSave';
import { useActionSave } from './conflictSave';
import { auditTrail } from './fieldSets';
import { format, formatNumber, listText, longDate, shortDate } from '../common/intl';
import { disagreementText } from '../common/messages';
import { useStrings } from '../common/strings';
import { displayValue } from '../common/values';
import type { AuditEntry } from './fieldSets';
import { errorText } from '../common/errorText';

type OpenDialog = 'update' | 'edit' | 'requestClosure' | 'decideClosure' | 'requestExtension' | 'decideExtension' | 'newAction' | { action: ActionRecord } | null;

export interface ItemPanelProps {
  data: TrackerDataSource;
  /** The item as the grid holds it: the panel reads it in full as it opens. */
  record: ListedRecord;
  user: TrackerUser;
  now: () => Date;
  reports: (OriginatingReport & { id: number })[];
  /** Every recommendation's id, reference, kind and report: for the causes of concern it answers. */
  siblings: { id: number; ref: string; kind: RecommendationKind; reportId?: number; text: string; causeOfConcernIds: number[] }[];
  directorates: string[];
  /** Called with the saved version after every change. */
  onChanged: (record: RecommendationRecord) => void;
  onDismiss: () => void;
  /** The site's choice of the deadline RED is measured against. */
  policy: RagPolicy;
}

/**
 * The panel for an item of the grid. The grid reads fewer columns than the panel shows, so the item
 * is read in full as the panel opens (a spinner over the page meanwhile); edits quote the version
 * tag of what the panel shows. When that is newer than the grid's row, the row is brought up to it.
 */
export function ItemPanel(props: ItemPanelProps): JSX.Element {
  const { data, onChanged } = props;
  const strings = useStrings();
  const { OnDemand: onDemand, Common: common } = strings;
  const id = props.record.recommendation.id;
  const gridTag = React.useRef(props.record.etag);
  const [full, setFull] = React.useState<RecommendationRecord | null>(null);
  // The failure as it came: worded when drawn, in the reader's strings.
  const [failed, setFailed] = React.useState<{ error: unknown } | null>(null);
  React.useEffect(() => {
    let cancelled = false;
    data.getRecommendation(id).then(
      (read) => {
        if (cancelled) return;
        setFull(read);
        if (read.etag !== gridTag.current) onChanged(read);
      },
      (e: unknown) => {
        if (!cancelled) setFailed({ error: e });
      }
    );
    return () => {
      cancelled = true;
    };
  }, [data, id, onChanged]);
  if (failed !== null) {
    return overPage(
      <Notice kind="error" onDismiss={props.onDismiss} dismissLabel={common.CloseMessage}>
        {errorText(failed.error, strings)}
      </Notice>
    );
  }
  if (full === null) return overPage(<Spinner label={onDemand.LoadingItem} />);
  return <ItemView {...props} record={full} />;
}

function ItemView(props: Omit<ItemPanelProps, 'record'> & { record: RecommendationRecord }): JSX.Element {
  const { data, user } = props;
  const theme = useTheme();
  const strings = useStrings();
  const { Common: common, Format: words, Item: item, Values: names } = strings;
  const [record, setRecord] = React.useState(props.record);
  const [updates, setUpdates] = React.useState<(ProgressUpdate & { id: number })[] | null>(null);
  const [actions, setActions] = React.useState<ActionRecord[] | null>(null);
  const [audit, setAudit] = React.useState<AuditEntry[] | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [dialog, setDialog] = React.useState<OpenDialog>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const rec = record.recommendation;
  const today = londonDate(props.now());
  const { onChanged } = props;

  const changed = React.useCallback(
    (saved: RecommendationRecord) => {
      setRecord(saved);
      onChanged(saved);
    },
    [onChanged]
  );
  const { save, conflictDialog } = useRecommendationSave(data, changed);
  const actionSave = useActionSave(data);

  const reload = React.useCallback(async (): Promise<void> => {
    try {
      const [u, a, h] = await Promise.all([data.listUpdates(rec.id), data.listActions(rec.id), data.history(rec.id)]);
      setUpdates(u);
      setActions(a);
      setAudit(auditTrail(h, strings));
    } catch (e) {
      setLoadError(errorText(e, strings));
    }
  }, [data, rec.id, strings]);

  React.useEffect(() => {
    reload().catch(() => undefined);
  }, [reload, record.etag]);

  const saveNext = async (next: Recommendation, message: string): Promise<void> => {
    const saved = await save(record, next);
    setDialog(null);
    if (saved !== null) setNotice(message);
  };

  const perms = itemPermissions(rec, user);
  const actor: Actor = { name: user.name, now: props.now, policy: props.policy };
  const commands: ICommandBarItemProps[] = user.canEdit
    ? [
        { key: 'update', text: item.AddUpdate, iconProps: { iconName: 'Comment' }, disabled: !perms.canUpdate, onClick: () => setDialog('update') },
        { key: 'edit', text: item.Edit, iconProps: { iconName: 'Edit' }, onClick: () => setDialog('edit') },
        { key: 'requestClosure', text: item.RequestClosure, iconProps: { iconName: 'CheckMark' }, disabled: !perms.canRequestClosure, onClick: () => setDialog('requestClosure') },
        ...(perms.canDecideClosure ? [{ key: 'decideClosure', text: item.DecideClosure, iconProps: { iconName: 'Ribbon' }, onClick: () => setDialog('decideClosure') }] : []),
        { key: 'requestExtension', text: item.RequestExtension, iconProps: { iconName: 'Calendar' }, disabled: !perms.canRequestExtension, onClick: () => setDialog('requestExtension') },
        ...(perms.canDecideExtension ? [{ key: 'decideExtension', text: item.DecideExtension, iconProps: { iconName: 'EventAccepted' }, onClick: () => setDialog('decideExtension') }] : []),
        { key: 'newAction', text: item.AddAction, iconProps: { iconName: 'Add' }, onClick: () => setDialog('newAction') }
      ]
    : [];

  const styles = mergeStyleSets({
    section: { marginTop: 12 },
    text: { whiteSpace: 'pre-wrap' },
    table: { borderCollapse: 'collapse', width: '100%' },
    cell: { borderBottom: `1px solid ${theme.semanticColors.variantBorder}`, padding: '4px 6px', textAlign: 'left', verticalAlign: 'top' },
    timeline: { listStyle: 'none', padding: 0, margin: 0 },
    entry: { borderLeft: `3px solid ${theme.palette.themePrimary}`, padding: '4px 0 8px 10px', marginBottom: 8 },
    flag: { color: theme.semanticColors.errorText, fontWeight: 600 }
  });

  const light = trafficLight(rec, today, props.policy);
  const difference = colourDifference(rec, today, props.policy);
  const disagreement = confidenceDisagreement(rec, today);
  const report = props.reports.find((r) => r.id === rec.reportId);
  const concerns = props.siblings.filter((s) => rec.causeOfConcernIds.includes(s.id));
  const answeredBy = props.siblings.filter((s) => s.causeOfConcernIds.includes(rec.id));
  const confidence = rec.confidence !== undefined ? displayValue(names, 'confidence', rec.confidence) : (rec.confidenceAsWritten ?? item.NotGiven);
  const pendingClosure = rec.closure !== undefined && rec.closure.decision === undefined ? rec.closure : undefined;
  const pendingExtension = rec.extension !== undefined && rec.extension.decision === undefined ? rec.extension : undefined;

  return (
    <Panel
      isOpen
      type={PanelType.large}
      headerText={format(common.RefKind, rec.ref, displayValue(names, 'kind', rec.kind))}
      closeButtonAriaLabel={common.Close}
      onDismiss={props.onDismiss}
      isLightDismiss={dialog === null}
      layerProps={{ eventBubblingEnabled: true }}
    >
      <Stack tokens={{ childrenGap: 8 }} data-testid="item-panel">
        <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
          <TrafficLightBadge light={light} />
          <Text>{displayValue(names, 'lifecycle', rec.lifecycle)}</Text>
          <Text>{format(item.Due, dueText(rec.due, words) || common.None)}</Text>
          {report !== undefined && <Text>{report.title}</Text>}
        </Stack>
        {difference !== null && (
          <MessageBar messageBarType={MessageBarType.info} data-testid="colour-difference">
            {colourDifferenceSentence(difference, strings)}
          </MessageBar>
        )}
        {!user.canEdit && <MessageBar>{item.ReadOnly}</MessageBar>}
        {notice !== null && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)} dismissButtonAriaLabel={common.CloseMessage}>
            {notice}
          </MessageBar>
        )}
        {pendingClosure !== undefined && (
          <MessageBar messageBarType={MessageBarType.info}>
            {format(item.ClosurePending, pendingClosure.requestedBy, longDate(londonDate(pendingClosure.requestedAt)), pendingClosure.evidence)}
          </MessageBar>
        )}
        {pendingExtension !== undefined && (
          <MessageBar messageBarType={MessageBarType.info}>
            {format(item.ExtensionPending, longDate(pendingExtension.proposed), pendingExtension.requestedBy, pendingExtension.reason)}
          </MessageBar>
        )}
        {disagreement !== null && (
          <MessageBar messageBarType={MessageBarType.warning}>
            <span data-testid="disagreement">{format(item.Disagrees, disagreementText(disagreement, strings))}</span>
          </MessageBar>
        )}
        {commands.length > 0 && <CommandBar items={commands} ariaLabel={item.Commands} />}
        {loadError !== null && <MessageBar messageBarType={MessageBarType.error}>{loadError}</MessageBar>}
        <Pivot aria-label={item.Sections}>
          <PivotItem headerText={item.Details} itemKey="details">
            <Stack tokens={{ childrenGap: 8 }} className={styles.section}>
              <Text as="p" className={styles.text} data-testid="item-text">
                {rec.text}
              </Text>
              <dl>
                <Field label={item.AppliesTo} value={rec.appliesTo === 'Force' ? item.TheForce : rec.addressee ? format(item.WithDetail, displayValue(names, 'appliesTo', rec.appliesTo), rec.addressee) : displayValue(names, 'appliesTo', rec.appliesTo)} />
                <Field label={item.Accepted} value={rec.acceptedForAction === null ? item.NotDecided : rec.acceptedForAction ? item.Yes : item.No} />
                <Field label={item.Owner} value={rec.owner?.name ?? item.NotAssigned} />
                <Field label={item.Sro} value={rec.sro?.name ?? item.NotAssigned} />
                <Field label={item.Directorate} value={rec.directorate ?? ''} />
                <Field
                  label={item.Confidence}
                  value={rec.confidenceNarrative ? format(item.WithDetail, confidence, rec.confidenceNarrative) : confidence}
                />
                {rec.dependsOn !== undefined && <Field label={item.DependsOn} value={rec.dependsOn} />}
                {rec.inspectorateEvidence !== undefined && <Field label={item.InspectorateEvidence} value={rec.inspectorateEvidence} />}
                <Field label={item.LatestComment} value={rec.latestComment ?? ''} />
                <Field label={item.LastUpdated} value={shortDate(rec.lastUpdated) || item.Never} />
                {concerns.length > 0 && <Field label={item.AnswersConcern} value={concerns.map((c) => format(item.Concern, c.ref, c.text)).join('\n')} />}
                {answeredBy.length > 0 && <Field label={item.AnsweredBy} value={listText(answeredBy.map((s) => format(common.KindRef, displayValue(names, 'kind', s.kind), s.ref)))} />}
              </dl>
              <Text variant="large" as="h3">
                {item.DueDate}
              </Text>
              <Text>
                {dueText(rec.due, words) || item.NoneSet}
                {/* Only a deadline read from the text is shown as a date: name the words it came from. */}
                {rec.due.fromText === true && rec.due.kind !== 'unparsed' && format(item.AsWritten, rec.due.raw)}
              </Text>
              {rec.due.revisions.length > 0 && (
                <table className={styles.table}>
                  <caption>{item.Revisions}</caption>
                  <thead>
                    <tr>
                      <th className={styles.cell} scope="col">{item.From}</th>
                      <th className={styles.cell} scope="col">{item.To}</th>
                      <th className={styles.cell} scope="col">{item.Reason}</th>
                      <th className={styles.cell} scope="col">{item.ApprovedBy}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rec.due.revisions.map((r, i) => (
                      <tr key={i}>
                        <td className={styles.cell}>{shortDate(r.from) || common.None}</td>
                        <td className={styles.cell}>{shortDate(r.to)}</td>
                        <td className={styles.cell}>{r.reason}</td>
                        <td className={styles.cell}>{r.approvedBy ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Stack>
          </PivotItem>
          <PivotItem headerText={updates === null ? item.UpdatesTab : format(item.Updates, formatNumber(updates.length))} itemKey="updates">
            {updates === null ? (
              <Spinner label={item.LoadingUpdates} />
            ) : updates.length === 0 ? (
              <Text block className={styles.section}>
                {item.NoUpdates}
              </Text>
            ) : (
              <ol className={`${styles.timeline} ${styles.section}`} aria-label={item.UpdatesList} data-testid="updates">
                {[...updates]
                  .sort((a, b) => b.at.localeCompare(a.at))
                  .map((u) => (
                    <li key={u.id} className={styles.entry}>
                      <Text block variant="small">
                        {format(item.UpdateLine, ukDateTime(u.at), u.author, displayValue(names, 'lifecycle', u.lifecycle))}
                        {u.confidence !== undefined && format(item.UpdateConfidence, displayValue(names, 'confidence', u.confidence))}
                      </Text>
                      <Text block className={styles.text}>
                        {u.text}
                      </Text>
                    </li>
                  ))}
              </ol>
            )}
          </PivotItem>
          <PivotItem headerText={actions === null ? item.ActionsTab : format(item.Actions, formatNumber(actions.length))} itemKey="actions">
            {actions === null ? (
              <Spinner label={item.LoadingActions} />
            ) : actions.length === 0 ? (
              <Text block className={styles.section}>
                {item.NoActions}
              </Text>
            ) : (
              <table className={`${styles.table} ${styles.section}`}>
                <caption>{item.ActionsTab}</caption>
                <thead>
                  <tr>
                    <th className={styles.cell} scope="col">{item.ActionNo}</th>
                    <th className={styles.cell} scope="col">{item.Action}</th>
                    <th className={styles.cell} scope="col">{item.Owner}</th>
                    <th className={styles.cell} scope="col">{item.Status}</th>
                    <th className={styles.cell} scope="col">{item.ActionDue}</th>
                    <th className={styles.cell} scope="col">{item.CurrentPosition}</th>
                  </tr>
                </thead>
                <tbody>
                  {actions.map((record) => {
                    const a = record.value;
                    return (
                      <tr key={a.id}>
                        <td className={styles.cell}>
                          {user.canEdit ? (
                            <button type="button" className="ms-Link" onClick={() => setDialog({ action: record })} aria-label={format(item.EditAction, a.ref)}>
                              {a.ref}
                            </button>
                          ) : (
                            a.ref
                          )}
                        </td>
                        <td className={`${styles.cell} ${styles.text}`}>{a.text}</td>
                        <td className={styles.cell}>{a.owner?.name ?? ''}</td>
                        <td className={styles.cell}>{displayValue(names, 'lifecycle', a.lifecycle)}</td>
                        <td className={styles.cell}>{dueText(a.due, words)}</td>
                        <td className={`${styles.cell} ${styles.text}`}>{a.currentPosition ?? ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </PivotItem>
          <PivotItem headerText={item.History} itemKey="history">
            {audit === null ? (
              <Spinner label={item.LoadingHistory} />
            ) : (
              <ol className={`${styles.timeline} ${styles.section}`} aria-label={item.HistoryList} data-testid="history">
                {audit.map((h) => (
                  <li key={h.version} className={styles.entry}>
                    <Text block variant="small">
                      {format(item.VersionLine, format(item.Version, h.version), ukDateTime(h.at), h.by)}
                    </Text>
                    {h.changes.map((c, i) => (
                      <Text block key={i} className={styles.text}>
                        {format(item.Change, c.field, c.from === '' ? item.Empty : c.from, c.to === '' ? item.Empty : c.to)}
                      </Text>
                    ))}
                  </li>
                ))}
              </ol>
            )}
          </PivotItem>
        </Pivot>
      </Stack>
      {dialog === 'update' && (
        <ProgressUpdateDialog
          recommendation={rec}
          actor={actor}
          onDismiss={() => setDialog(null)}
          onSave={async (update, next) => {
            await data.addUpdate(update);
            await saveNext(next, item.UpdatePosted);
          }}
        />
      )}
      {dialog === 'edit' && (
        <RecommendationForm
          recommendation={rec}
          reports={props.reports}
          causesOfConcern={props.siblings.filter((s) => s.kind === 'Cause of concern' || s.kind === 'Accelerated cause of concern')}
          people={props.data}
          directorates={props.directorates}
          onDismiss={() => setDialog(null)}
          onSave={(next) => saveNext(next, item.ChangesSaved)}
        />
      )}
      {dialog === 'requestClosure' && <RequestClosureDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, item.ClosureRequested)} />}
      {dialog === 'decideClosure' && <DecideClosureDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, item.ClosureDecided)} />}
      {dialog === 'requestExtension' && (
        <RequestExtensionDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, item.ExtensionRequested)} />
      )}
      {dialog === 'decideExtension' && (
        <DecideExtensionDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, item.ExtensionDecided)} />
      )}
      {(dialog === 'newAction' || (dialog !== null && typeof dialog === 'object')) && (
        <ActionForm
          action={typeof dialog === 'object' && dialog !== null ? dialog.action.value : undefined}
          recommendationId={rec.id}
          people={props.data}
          onDismiss={() => setDialog(null)}
          onSave={async (a) => {
            const base = typeof dialog === 'object' && dialog !== null ? dialog.action : null;
            const saved = base === null ? await data.saveAction(null, a) : await actionSave.save(base, a);
            setDialog(null);
            if (saved !== null) setNotice(item.ActionSaved);
            await reload();
          }}
        />
      )}
      {conflictDialog}
      {actionSave.conflictDialog}
    </Panel>
  );
}

function Field(props: { label: string; value: string }): JSX.Element {
  return (
    <>
      <dt style={{ fontWeight: 600 }}>{props.label}</dt>
      <dd style={{ margin: '0 0 6px 0', whiteSpace: 'pre-wrap' }}>{props.value === '' ? '—' : props.value}</dd>
    </>
  );
}
