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
import type { OriginatingReport, ProgressUpdate, Recommendation } from '../../core/model';
import { formatUkDate, londonDate } from '../../core/dates';
import { colourDifference, confidenceDisagreement, trafficLight } from '../../core/status';
import type { RagPolicy } from '../../core/status';
import type { ActionRecord, AuditEntry, RecommendationRecord, TrackerDataSource, TrackerUser } from '../data/TrackerDataSource';
import { TrafficLightBadge } from '../common/TrafficLightBadge';
import { colourDifferenceSentence, dueText, shortUkDate, ukDateTime } from '../common/format';
import { DecideClosureDialog, DecideExtensionDialog, ProgressUpdateDialog, RequestClosureDialog, RequestExtensionDialog } from './dialogs';
import type { Actor } from './dialogs';
import { ActionForm, RecommendationForm } from './forms';
import { useRecommendationSave } from './useRecommendationSave';
import { useActionSave } from './conflictSave';
import { itemPermissions } from './permissions';

type OpenDialog = 'update' | 'edit' | 'requestClosure' | 'decideClosure' | 'requestExtension' | 'decideExtension' | 'newAction' | { action: ActionRecord } | null;

export interface ItemPanelProps {
  data: TrackerDataSource;
  record: RecommendationRecord;
  user: TrackerUser;
  now: () => Date;
  reports: (OriginatingReport & { id: number })[];
  /** Every recommendation's id, reference, kind and report: for the causes of concern it answers. */
  siblings: { id: number; ref: string; kind: string; reportId?: number; text: string; causeOfConcernIds: number[] }[];
  directorates: string[];
  /** Called with the saved version after every change. */
  onChanged: (record: RecommendationRecord) => void;
  onDismiss: () => void;
  /** The site's choice of the deadline RED is measured against. */
  policy: RagPolicy;
}

export function ItemPanel(props: ItemPanelProps): JSX.Element {
  const { data, user } = props;
  const theme = useTheme();
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
      setAudit(h);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [data, rec.id]);

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
        { key: 'update', text: 'Add progress update', iconProps: { iconName: 'Comment' }, disabled: !perms.canUpdate, onClick: () => setDialog('update') },
        { key: 'edit', text: 'Edit', iconProps: { iconName: 'Edit' }, onClick: () => setDialog('edit') },
        { key: 'requestClosure', text: 'Request closure', iconProps: { iconName: 'CheckMark' }, disabled: !perms.canRequestClosure, onClick: () => setDialog('requestClosure') },
        ...(perms.canDecideClosure ? [{ key: 'decideClosure', text: 'Approve or return closure', iconProps: { iconName: 'Ribbon' }, onClick: () => setDialog('decideClosure') }] : []),
        { key: 'requestExtension', text: 'Request extension', iconProps: { iconName: 'Calendar' }, disabled: !perms.canRequestExtension, onClick: () => setDialog('requestExtension') },
        ...(perms.canDecideExtension ? [{ key: 'decideExtension', text: 'Decide extension', iconProps: { iconName: 'EventAccepted' }, onClick: () => setDialog('decideExtension') }] : []),
        { key: 'newAction', text: 'Add action', iconProps: { iconName: 'Add' }, onClick: () => setDialog('newAction') }
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
  const pendingClosure = rec.closure !== undefined && rec.closure.decision === undefined ? rec.closure : undefined;
  const pendingExtension = rec.extension !== undefined && rec.extension.decision === undefined ? rec.extension : undefined;

  return (
    <Panel
      isOpen
      type={PanelType.large}
      headerText={`${rec.ref} · ${rec.kind}`}
      closeButtonAriaLabel="Close"
      onDismiss={props.onDismiss}
      isLightDismiss={dialog === null}
      layerProps={{ eventBubblingEnabled: true }}
    >
      <Stack tokens={{ childrenGap: 8 }} data-testid="item-panel">
        <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
          <TrafficLightBadge light={light} />
          <Text>{rec.lifecycle}</Text>
          <Text>Due: {dueText(rec.due) || 'none'}</Text>
          {report !== undefined && <Text>{report.title}</Text>}
        </Stack>
        {difference !== null && (
          <MessageBar messageBarType={MessageBarType.info} data-testid="colour-difference">
            {colourDifferenceSentence(difference)}
          </MessageBar>
        )}
        {!user.canEdit && <MessageBar>You can read this item. To change it, ask a site owner for edit access.</MessageBar>}
        {notice !== null && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)} dismissButtonAriaLabel="Close message">
            {notice}
          </MessageBar>
        )}
        {pendingClosure !== undefined && (
          <MessageBar messageBarType={MessageBarType.info}>
            Closure requested by {pendingClosure.requestedBy} on {formatUkDate(londonDate(pendingClosure.requestedAt))}: {pendingClosure.evidence}
          </MessageBar>
        )}
        {pendingExtension !== undefined && (
          <MessageBar messageBarType={MessageBarType.info}>
            Extension to {formatUkDate(pendingExtension.proposed)} requested by {pendingExtension.requestedBy}: {pendingExtension.reason}
          </MessageBar>
        )}
        {disagreement !== null && (
          <MessageBar messageBarType={MessageBarType.warning}>
            <span data-testid="disagreement">Confidence disagrees with the facts. {disagreement.message}</span>
          </MessageBar>
        )}
        {commands.length > 0 && <CommandBar items={commands} ariaLabel="Item commands" />}
        {loadError !== null && <MessageBar messageBarType={MessageBarType.error}>{loadError}</MessageBar>}
        <Pivot aria-label="Item sections">
          <PivotItem headerText="Details" itemKey="details">
            <Stack tokens={{ childrenGap: 8 }} className={styles.section}>
              <Text as="p" className={styles.text} data-testid="item-text">
                {rec.text}
              </Text>
              <dl>
                <Field label="Applies to" value={rec.appliesTo === 'Force' ? 'The force' : `${rec.appliesTo}${rec.addressee ? `: ${rec.addressee}` : ''}`} />
                <Field label="Accepted for action" value={rec.acceptedForAction === null ? 'Not decided' : rec.acceptedForAction ? 'Yes' : 'No'} />
                <Field label="Owner" value={rec.owner?.name ?? 'Not assigned'} />
                <Field label="SRO" value={rec.sro?.name ?? 'Not assigned'} />
                <Field label="Directorate" value={rec.directorate ?? ''} />
                <Field
                  label="Confidence"
                  value={`${rec.confidence ?? rec.confidenceAsWritten ?? 'Not given'}${rec.confidenceNarrative ? `: ${rec.confidenceNarrative}` : ''}`}
                />
                {rec.dependsOn !== undefined && <Field label="Depends on" value={rec.dependsOn} />}
                {rec.inspectorateEvidence !== undefined && <Field label="Inspectorate evidence" value={rec.inspectorateEvidence} />}
                <Field label="Latest comment" value={rec.latestComment ?? ''} />
                <Field label="Last updated" value={shortUkDate(rec.lastUpdated) || 'Never'} />
                {concerns.length > 0 && <Field label="Answers the cause of concern" value={concerns.map((c) => `${c.ref}: ${c.text}`).join('\n')} />}
                {answeredBy.length > 0 && <Field label="Answered by" value={answeredBy.map((s) => `${s.kind} ${s.ref}`).join(', ')} />}
              </dl>
              <Text variant="large" as="h3">
                Due date
              </Text>
              <Text>
                {dueText(rec.due) || 'None set'}
                {/* Only a deadline read from the text is shown as a date: name the words it came from. */}
                {rec.due.fromText === true && rec.due.kind !== 'unparsed' && ` (as written: “${rec.due.raw}”)`}
              </Text>
              {rec.due.revisions.length > 0 && (
                <table className={styles.table}>
                  <caption>Revisions of the due date</caption>
                  <thead>
                    <tr>
                      <th className={styles.cell} scope="col">From</th>
                      <th className={styles.cell} scope="col">To</th>
                      <th className={styles.cell} scope="col">Reason</th>
                      <th className={styles.cell} scope="col">Approved by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rec.due.revisions.map((r, i) => (
                      <tr key={i}>
                        <td className={styles.cell}>{shortUkDate(r.from) || 'none'}</td>
                        <td className={styles.cell}>{shortUkDate(r.to)}</td>
                        <td className={styles.cell}>{r.reason}</td>
                        <td className={styles.cell}>{r.approvedBy ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Stack>
          </PivotItem>
          <PivotItem headerText={`Updates${updates === null ? '' : ` (${updates.length})`}`} itemKey="updates">
            {updates === null ? (
              <Spinner label="Loading updates…" />
            ) : updates.length === 0 ? (
              <Text block className={styles.section}>
                No progress update yet.
              </Text>
            ) : (
              <ol className={`${styles.timeline} ${styles.section}`} aria-label="Progress updates, newest first" data-testid="updates">
                {[...updates]
                  .sort((a, b) => b.at.localeCompare(a.at))
                  .map((u) => (
                    <li key={u.id} className={styles.entry}>
                      <Text block variant="small">
                        {ukDateTime(u.at)} · {u.author} · {u.lifecycle}
                        {u.confidence !== undefined && ` · ${u.confidence} confidence`}
                      </Text>
                      <Text block className={styles.text}>
                        {u.text}
                      </Text>
                    </li>
                  ))}
              </ol>
            )}
          </PivotItem>
          <PivotItem headerText={`Actions${actions === null ? '' : ` (${actions.length})`}`} itemKey="actions">
            {actions === null ? (
              <Spinner label="Loading actions…" />
            ) : actions.length === 0 ? (
              <Text block className={styles.section}>
                No actions recorded.
              </Text>
            ) : (
              <table className={`${styles.table} ${styles.section}`}>
                <caption>Actions</caption>
                <thead>
                  <tr>
                    <th className={styles.cell} scope="col">No.</th>
                    <th className={styles.cell} scope="col">Action</th>
                    <th className={styles.cell} scope="col">Owner</th>
                    <th className={styles.cell} scope="col">Status</th>
                    <th className={styles.cell} scope="col">Due</th>
                    <th className={styles.cell} scope="col">Current position</th>
                  </tr>
                </thead>
                <tbody>
                  {actions.map((record) => {
                    const a = record.value;
                    return (
                      <tr key={a.id}>
                        <td className={styles.cell}>
                          {user.canEdit ? (
                            <button type="button" className="ms-Link" onClick={() => setDialog({ action: record })} aria-label={`Edit action ${a.ref}`}>
                              {a.ref}
                            </button>
                          ) : (
                            a.ref
                          )}
                        </td>
                        <td className={`${styles.cell} ${styles.text}`}>{a.text}</td>
                        <td className={styles.cell}>{a.owner?.name ?? ''}</td>
                        <td className={styles.cell}>{a.lifecycle}</td>
                        <td className={styles.cell}>{dueText(a.due)}</td>
                        <td className={`${styles.cell} ${styles.text}`}>{a.currentPosition ?? ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </PivotItem>
          <PivotItem headerText="History" itemKey="history">
            {audit === null ? (
              <Spinner label="Loading history…" />
            ) : (
              <ol className={`${styles.timeline} ${styles.section}`} aria-label="Changes, newest first" data-testid="history">
                {audit.map((h) => (
                  <li key={h.version} className={styles.entry}>
                    <Text block variant="small">
                      Version {h.version} · {ukDateTime(h.at)} · {h.by}
                    </Text>
                    {h.changes.map((c, i) => (
                      <Text block key={i} className={styles.text}>
                        {c.field}: {c.from === '' ? '(empty)' : c.from} → {c.to === '' ? '(empty)' : c.to}
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
            await saveNext(next, 'Progress update posted.');
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
          onSave={(next) => saveNext(next, 'Changes saved.')}
        />
      )}
      {dialog === 'requestClosure' && <RequestClosureDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, 'Closure requested.')} />}
      {dialog === 'decideClosure' && <DecideClosureDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, 'Closure decision recorded.')} />}
      {dialog === 'requestExtension' && (
        <RequestExtensionDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, 'Extension requested.')} />
      )}
      {dialog === 'decideExtension' && (
        <DecideExtensionDialog recommendation={rec} actor={actor} onDismiss={() => setDialog(null)} onSave={(next) => saveNext(next, 'Extension decision recorded.')} />
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
            if (saved !== null) setNotice('Action saved.');
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
