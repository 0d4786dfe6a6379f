/**
 * The dialogs an owner, analyst or manager uses on one recommendation: a progress update, a closure
 * request and its decision, an extension request and its decision. Each builds the new version of
 * the recommendation through the core transitions (which refuse what the rules forbid, with a
 * message for the user) and hands it to `onSave`, which saves it with conflict handling.
 */
import * as React from 'react';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import type { Confidence, IsoDate, Lifecycle, ProgressUpdate, Recommendation } from '../../core/model';
import { UPDATE_LIFECYCLES, approveClosure, decideExtension, postProgress, requestClosure, requestExtension, returnClosure } from '../../core/transitions';
import { londonDate } from '../../core/dates';
import type { RagPolicy } from '../../core/status';
import { UkDatePicker } from '../common/UkDatePicker';
import { FormDialog } from './FormDialog';
import { format, longDate } from '../common/intl';
import { useStrings } from '../common/strings';
import { valueOptions } from '../common/values';

/** Who acts, and the clock: passed in so that tests and the workbench control time. */
export interface Actor {
  name: string;
  now: () => Date;
  /** The site's RAG policy: the colour recorded in the item's history is derived with it. */
  policy: RagPolicy;
}

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
  const { Dialogs: strings, Values: names } = useStrings();
  const [text, setText] = React.useState('');
  const [lifecycle, setLifecycle] = React.useState<Lifecycle>(UPDATE_LIFECYCLES.includes(rec.lifecycle) ? rec.lifecycle : 'Being progressed');
  const [confidence, setConfidence] = React.useState<Confidence | undefined>(rec.confidence);
  const save = async (): Promise<void> => {
    const { update, next } = postProgress(rec, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, text, lifecycle, confidence });
    await props.onSave(update, next);
  };
  return (
    <FormDialog title={format(strings.UpdateTitle, rec.ref)} saveText={strings.PostUpdate} canSave={text.trim() !== ''} onSave={save} onDismiss={props.onDismiss}>
      <TextField label={strings.WhatHappened} multiline rows={5} required value={text} onChange={(_, v) => setText(v ?? '')} />
      <Dropdown
        label={strings.StatusAtDate}
        selectedKey={lifecycle}
        options={valueOptions(names, 'lifecycle', UPDATE_LIFECYCLES)}
        onChange={(_, o) => o !== undefined && setLifecycle(o.key as Lifecycle)}
      />
      <ChoiceGroup
        label={strings.ConfidenceLabel}
        selectedKey={confidence ?? null}
        options={valueOptions(names, 'confidence')}
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
  const strings = useStrings().Dialogs;
  return (
    <FormDialog
      title={format(strings.RequestClosureTitle, props.recommendation.ref)}
      subText={strings.RequestClosureSubText}
      saveText={strings.RequestClosure}
      canSave={evidence.trim() !== ''}
      onSave={() => props.onSave(requestClosure(props.recommendation, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, evidence }))}
      onDismiss={props.onDismiss}
    >
      <TextField label={strings.Evidence} multiline rows={5} required value={evidence} onChange={(_, v) => setEvidence(v ?? '')} />
    </FormDialog>
  );
}

type ClosureOutcome = 'closed' | 'discharged' | 'returned';

/** Signs off (closed by the force, or discharged by the inspectorate) or returns a closure request. */
export function DecideClosureDialog(props: TransitionDialogProps): JSX.Element {
  const [outcome, setOutcome] = React.useState<ClosureOutcome>('closed');
  const [note, setNote] = React.useState('');
  const strings = useStrings().Dialogs;
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
      title={format(strings.DecideClosureTitle, props.recommendation.ref)}
      saveText={strings.RecordDecision}
      canSave={outcome !== 'returned' || note.trim() !== ''}
      onSave={save}
      onDismiss={props.onDismiss}
    >
      {closure !== undefined && (
        <Text block>{format(strings.ClosureAsked, closure.requestedBy, longDate(londonDate(closure.requestedAt)), closure.evidence)}</Text>
      )}
      <ChoiceGroup
        label={strings.Decision}
        selectedKey={outcome}
        options={[
          { key: 'closed', text: strings.ApproveClosed },
          { key: 'discharged', text: strings.ApproveDischarged },
          { key: 'returned', text: strings.Return }
        ]}
        onChange={(_, o) => o !== undefined && setOutcome(o.key as ClosureOutcome)}
      />
      <TextField
        label={outcome === 'returned' ? strings.WhyReturned : strings.NoteOptional}
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
  const strings = useStrings().Dialogs;
  return (
    <FormDialog
      title={format(strings.RequestExtensionTitle, props.recommendation.ref)}
      subText={current === null ? strings.NoDueDate : format(strings.DueNow, longDate(current))}
      saveText={strings.RequestExtension}
      canSave={proposed !== null && reason.trim() !== ''}
      onSave={() => props.onSave(requestExtension(props.recommendation, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, proposed: proposed ?? '', reason }))}
      onDismiss={props.onDismiss}
    >
      <UkDatePicker label={strings.ProposedDate} required value={proposed} onChange={setProposed} />
      <TextField label={strings.Reason} multiline rows={4} required value={reason} onChange={(_, v) => setReason(v ?? '')} />
    </FormDialog>
  );
}

/** Approves or refuses a pending extension. */
export function DecideExtensionDialog(props: TransitionDialogProps): JSX.Element {
  const [outcome, setOutcome] = React.useState<'approved' | 'refused'>('approved');
  const [note, setNote] = React.useState('');
  const ext = props.recommendation.extension;
  const strings = useStrings().Dialogs;
  return (
    <FormDialog
      title={format(strings.DecideExtensionTitle, props.recommendation.ref)}
      saveText={strings.RecordDecision}
      canSave
      onSave={() =>
        props.onSave(decideExtension(props.recommendation, { by: props.actor.name, at: props.actor.now().toISOString(), policy: props.actor.policy, outcome, ...(note.trim() === '' ? {} : { note }) }))
      }
      onDismiss={props.onDismiss}
    >
      {ext !== undefined && (
        <Text block>{format(strings.ExtensionAsked, ext.requestedBy, longDate(ext.proposed), ext.reason)}</Text>
      )}
      <ChoiceGroup
        label={strings.Decision}
        selectedKey={outcome}
        options={[
          { key: 'approved', text: strings.ApproveDate },
          { key: 'refused', text: strings.Refuse }
        ]}
        onChange={(_, o) => o !== undefined && setOutcome(o.key as 'approved' | 'refused')}
      />
      <TextField label={strings.NoteOptional} multiline rows={3} value={note} onChange={(_, v) => setNote(v ?? '')} />
    </FormDialog>
  );
}
