/**
 * The dialogs an owner, analyst or manager uses on one recommendation: a progress update, a closure
 * request and its decision, an extension request and its decision. Each builds the new version of
 * the recommendation through the core transitions (which refuse what the rules forbid, with a
 * message for the user) and hands it to `onSave`, which saves it with conflict handling.
 */
import * as React from 'react';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import type { IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { CONFIDENCES } from '../../core/model';
import type { Confidence, IsoDate, Lifecycle, ProgressUpdate, Recommendation } from '../../core/model';
import { UPDATE_LIFECYCLES, approveClosure, decideExtension, postProgress, requestClosure, requestExtension, returnClosure } from '../../core/transitions';
import { formatUkDate, londonDate } from '../../core/dates';
import type { RagPolicy } from '../../core/status';
import { UkDatePicker } from '../common/UkDatePicker';
import { FormDialog } from './FormDialog';

/** Who acts, and the clock: passed in so that tests and the workbench control time. */
export interface Actor {
  name: string;
  now: () => Date;
  /** The site's RAG policy: the colour recorded in the item's history is derived with it. */
  policy: RagPolicy;
}

const CONFIDENCE_OPTIONS: IChoiceGroupOption[] = CONFIDENCES.map((c) => ({ key: c, text: c }));
/** An owner reports progress on open work; completion goes through a closure request. */

export interface ProgressUpdateDialogProps {
  recommendation: Recommendation & { id: number };
  actor: Actor;
  /** Stores the update, then the recommendation's new status, confidence and latest comment. */
  onSave: (update: ProgressUpdate, next: Recommendation) => Promise<void>;
  onDismiss: () => void;
}

/**
 * A dated progress update with the status and confidence at that date. The recommendation's
 * lifecycle, confidence, latest comment and last-updated date follow the update.
 */
export function ProgressUpdateDialog(props: ProgressUpdateDialogProps): JSX.Element {
  const rec = props.recommendation;
  const [text, setText] = React.useState('');
  const [lifecycle, setLifecycle] = React.useState<Lifecycle>(UPDATE_LIFECYCLES.includes(rec.lifecycle) ? rec.lifecycle : 'Being progressed');
  const [confidence, setConfidence] = React.useState<Confidence | undefined>(rec.confidence);
  const save = async (): Promise<void> => {
    const { update, next } = postProgress(rec, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, text, lifecycle, confidence });
    await props.onSave(update, next);
  };
  return (
    <FormDialog title={`Progress update on ${rec.ref}`} saveText="Post update" canSave={text.trim() !== ''} onSave={save} onDismiss={props.onDismiss}>
      <TextField label="What has happened since the last update" multiline rows={5} required value={text} onChange={(_, v) => setText(v ?? '')} />
      <Dropdown
        label="Status at this date"
        selectedKey={lifecycle}
        options={UPDATE_LIFECYCLES.map((l) => ({ key: l, text: l }))}
        onChange={(_, o) => o !== undefined && setLifecycle(o.key as Lifecycle)}
      />
      <ChoiceGroup
        label="Confidence in meeting the due date"
        selectedKey={confidence ?? null}
        options={CONFIDENCE_OPTIONS}
        onChange={(_, o) => o !== undefined && setConfidence(o.key as Confidence)}
      />
    </FormDialog>
  );
}

export interface TransitionDialogProps {
  recommendation: Recommendation;
  actor: Actor;
  onSave: (next: Recommendation) => Promise<void>;
  onDismiss: () => void;
}

/** Asks for sign-off that the recommendation is implemented, with the evidence. */
export function RequestClosureDialog(props: TransitionDialogProps): JSX.Element {
  const [evidence, setEvidence] = React.useState('');
  return (
    <FormDialog
      title={`Request closure of ${props.recommendation.ref}`}
      subText="A manager who is not the owner signs it off. Say what was done and where the evidence is."
      saveText="Request closure"
      canSave={evidence.trim() !== ''}
      onSave={() => props.onSave(requestClosure(props.recommendation, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, evidence }))}
      onDismiss={props.onDismiss}
    >
      <TextField label="Evidence of implementation" multiline rows={5} required value={evidence} onChange={(_, v) => setEvidence(v ?? '')} />
    </FormDialog>
  );
}

type ClosureOutcome = 'closed' | 'discharged' | 'returned';

/** Signs off (closed by the force, or discharged by the inspectorate) or returns a closure request. */
export function DecideClosureDialog(props: TransitionDialogProps): JSX.Element {
  const [outcome, setOutcome] = React.useState<ClosureOutcome>('closed');
  const [note, setNote] = React.useState('');
  const closure = props.recommendation.closure;
  const save = (): Promise<void> => {
    const actor = { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy };
    const next =
      outcome === 'returned'
        ? returnClosure(props.recommendation, { ...actor, note })
        : approveClosure(props.recommendation, { ...actor, outcome, ...(note.trim() === '' ? {} : { note }) });
    return props.onSave(next);
  };
  return (
    <FormDialog
      title={`Decide closure of ${props.recommendation.ref}`}
      saveText="Record decision"
      canSave={outcome !== 'returned' || note.trim() !== ''}
      onSave={save}
      onDismiss={props.onDismiss}
    >
      {closure !== undefined && (
        <Text block>
          {closure.requestedBy} asked on {formatUkDate(londonDate(closure.requestedAt))}: “{closure.evidence}”
        </Text>
      )}
      <ChoiceGroup
        label="Decision"
        selectedKey={outcome}
        options={[
          { key: 'closed', text: 'Approve: closed by the force' },
          { key: 'discharged', text: 'Approve: discharged by the inspectorate' },
          { key: 'returned', text: 'Return to the owner' }
        ]}
        onChange={(_, o) => o !== undefined && setOutcome(o.key as ClosureOutcome)}
      />
      <TextField
        label={outcome === 'returned' ? 'Why it is returned' : 'Note (optional)'}
        required={outcome === 'returned'}
        multiline
        rows={3}
        value={note}
        onChange={(_, v) => setNote(v ?? '')}
      />
    </FormDialog>
  );
}

/** Asks to move the due date, with the reason; someone other than the owner decides. */
export function RequestExtensionDialog(props: TransitionDialogProps): JSX.Element {
  const [proposed, setProposed] = React.useState<IsoDate | null>(null);
  const [reason, setReason] = React.useState('');
  const current = props.recommendation.due.current;
  return (
    <FormDialog
      title={`Request an extension for ${props.recommendation.ref}`}
      subText={current === null ? 'There is no due date in force.' : `Due now: ${formatUkDate(current)}.`}
      saveText="Request extension"
      canSave={proposed !== null && reason.trim() !== ''}
      onSave={() => props.onSave(requestExtension(props.recommendation, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, proposed: proposed ?? '', reason }))}
      onDismiss={props.onDismiss}
    >
      <UkDatePicker label="Proposed due date" required value={proposed} onChange={setProposed} />
      <TextField label="Reason" multiline rows={4} required value={reason} onChange={(_, v) => setReason(v ?? '')} />
    </FormDialog>
  );
}

/** Approves or refuses a pending extension. */
export function DecideExtensionDialog(props: TransitionDialogProps): JSX.Element {
  const [outcome, setOutcome] = React.useState<'approved' | 'refused'>('approved');
  const [note, setNote] = React.useState('');
  const ext = props.recommendation.extension;
  return (
    <FormDialog
      title={`Decide extension for ${props.recommendation.ref}`}
      saveText="Record decision"
      canSave
      onSave={() =>
        props.onSave(decideExtension(props.recommendation, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, outcome, ...(note.trim() === '' ? {} : { note }) }))
      }
      onDismiss={props.onDismiss}
    >
      {ext !== undefined && (
        <Text block>
          {ext.requestedBy} asks to move the due date to {formatUkDate(ext.proposed)}: “{ext.reason}”
        </Text>
      )}
      <ChoiceGroup
        label="Decision"
        selectedKey={outcome}
        options={[
          { key: 'approved', text: 'Approve the new date' },
          { key: 'refused', text: 'Refuse' }
        ]}
        onChange={(_, o) => o !== undefined && setOutcome(o.key as 'approved' | 'refused')}
      />
      <TextField label="Note (optional)" multiline rows={3} value={note} onChange={(_, v) => setNote(v ?? '')} />
    </FormDialog>
  );
}
