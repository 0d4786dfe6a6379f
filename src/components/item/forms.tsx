/**
 * Staff forms: create and edit originating reports, recommendations and actions. A due date is set
 * when an item is created; afterwards it moves only through an extension request (the core rule),
 * so the edit form shows it read-only.
 */
import * as React from 'react';
import { ComboBox } from '@fluentui/react/lib/ComboBox';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { Toggle } from '@fluentui/react/lib/Toggle';
import type { Action, AppliesTo, Confidence, DueDate, IsoDate, Lifecycle, OriginatingReport, Recommendation, RecommendationKind, ReportType, Scope, Source } from '../../core/model';
import { reportLinkProblem } from '../../core/links';
import { UkDatePicker } from '../common/UkDatePicker';
import { dueText } from '../common/format';
import { PersonPicker } from '../common/PersonPicker';
import type { PeopleDirectory } from '../../data/TrackerDataSource';
import { FormDialog } from './FormDialog';
import { format } from '../common/intl';
import { useStrings } from '../common/strings';
import { valueOptions } from '../common/values';
import { linkProblemText } from '../common/messages';

/** The statuses a new recommendation may start in; the others follow from updates and decisions. */
const STARTING_LIFECYCLES: readonly Lifecycle[] = ['Awaiting review', 'Being progressed', 'No further action'];

/**
 * A due date entered as a calendar date (or none) when an item is created. No source wrote it, so
 * it has no text as written: the screens write the day in the reader's language and the paper in
 * its own (`paperDue`).
 */
export function dueFromDate(date: IsoDate | null): DueDate {
  return date === null ? { kind: 'none', original: null, current: null, revisions: [], raw: '' } : { kind: 'date', original: date, current: date, revisions: [], raw: '' };
}

function FreeformCombo(props: { label: string; value: string; choices: string[]; onChange: (v: string) => void }): JSX.Element {
  return (
    <ComboBox
      label={props.label}
      allowFreeform
      autoComplete="on"
      text={props.value}
      options={props.choices.map((v) => ({ key: v, text: v }))}
      onChange={(_, option, __, value) => props.onChange(option !== undefined ? String(option.key) : (value ?? ''))}
    />
  );
}

export interface ReportFormProps {
  report?: OriginatingReport & { id: number };
  onSave: (report: OriginatingReport) => Promise<void>;
  onDismiss: () => void;
}

export function ReportForm(props: ReportFormProps): JSX.Element {
  const [r, setR] = React.useState<OriginatingReport>(
    props.report ?? { title: '', source: 'HMICFRS', reportType: 'National thematic', published: null, scope: 'Not stated', responseDeadline: null }
  );
  const set = (patch: Partial<OriginatingReport>): void => setR((prev) => ({ ...prev, ...patch }));
  const shared = useStrings();
  const { Forms: strings, Values: names } = shared;
  const refused = reportLinkProblem(r.url ?? '');
  const linkProblem = refused === null ? '' : linkProblemText(refused, shared);
  const url = r.url?.trim() ?? '';
  return (
    <FormDialog
      title={props.report ? strings.EditReport : strings.NewReport}
      saveText={strings.SaveReport}
      canSave={r.title.trim() !== '' && linkProblem === ''}
      onSave={() => props.onSave({ ...r, url: url === '' ? undefined : url })}
      onDismiss={props.onDismiss}
    >
      <TextField label={strings.Title} required value={r.title} onChange={(_, v) => set({ title: v ?? '' })} />
      <Dropdown label={strings.PublishedBy} selectedKey={r.source} options={valueOptions(names, 'source')} onChange={(_, o) => o !== undefined && set({ source: o.key as Source })} />
      <Dropdown label={strings.Type} selectedKey={r.reportType} options={valueOptions(names, 'reportType')} onChange={(_, o) => o !== undefined && set({ reportType: o.key as ReportType })} />
      <UkDatePicker label={strings.Published} value={r.published} onChange={(d) => set({ published: d, publishedPrecision: 'day', publishedText: undefined })} />
      <Dropdown label={strings.Scope} selectedKey={r.scope} options={valueOptions(names, 'scope')} onChange={(_, o) => o !== undefined && set({ scope: o.key as Scope })} />
      <TextField label={strings.Link} type="url" value={r.url ?? ''} errorMessage={linkProblem === '' ? undefined : linkProblem} onChange={(_, v) => set({ url: v === '' ? undefined : v })} />
      {r.reportType === 'Plan' && (
        <Toggle
          label={strings.RateByTrafficLight}
          inlineLabel
          checked={r.usesTrafficLights !== false}
          onText={strings.RateOn}
          offText={strings.RateOff}
          onChange={(_, checked) => set({ usesTrafficLights: checked === true })}
        />
      )}
    </FormDialog>
  );
}

export interface RecommendationFormProps {
  /** The item to edit; absent to create one. */
  recommendation?: Recommendation & { id: number };
  reports: (OriginatingReport & { id: number })[];
  /** Causes of concern that this item may answer (id, reference and text). */
  causesOfConcern: { id: number; ref: string; reportId?: number }[];
  people: PeopleDirectory;
  directorates: string[];
  defaultReportId?: number;
  onSave: (rec: Recommendation) => Promise<void>;
  onDismiss: () => void;
}

export function RecommendationForm(props: RecommendationFormProps): JSX.Element {
  const editing = props.recommendation !== undefined;
  const [r, setR] = React.useState<Recommendation>(
    props.recommendation ?? {
      reportId: props.defaultReportId,
      ref: '',
      kind: 'Recommendation',
      text: '',
      appliesTo: 'Force',
      acceptedForAction: null,
      causeOfConcernIds: [],
      lifecycle: 'Awaiting review',
      due: dueFromDate(null),
      reopenings: [],
      lastUpdated: null,
      history: []
    }
  );
  const set = (patch: Partial<Recommendation>): void => setR((prev) => ({ ...prev, ...patch }));
  const { Common: common, Forms: strings, Format: words, Values: names } = useStrings();
  const concerns = props.causesOfConcern.filter((c) => c.id !== r.id && (r.reportId === undefined || c.reportId === r.reportId));
  const canSave = r.ref.trim() !== '' && r.text.trim() !== '' && r.reportId !== undefined;
  return (
    <FormDialog
      title={editing ? format(strings.EditRecommendation, r.ref) : strings.NewRecommendation}
      saveText={common.Save}
      canSave={canSave}
      minWidth={640}
      onSave={() => props.onSave({ ...r, ref: r.ref.trim(), text: r.text.trim() })}
      onDismiss={props.onDismiss}
    >
      <Dropdown
        label={strings.OriginatingReport}
        required
        selectedKey={r.reportId === undefined ? null : String(r.reportId)}
        options={props.reports.map((rep) => ({ key: String(rep.id), text: rep.title }))}
        onChange={(_, o) => o !== undefined && set({ reportId: Number(o.key) })}
      />
      <Stack horizontal tokens={{ childrenGap: 12 }}>
        <TextField label={strings.Reference} required value={r.ref} onChange={(_, v) => set({ ref: v ?? '' })} />
        <Dropdown label={strings.Kind} styles={{ root: { minWidth: 240 } }} selectedKey={r.kind} options={valueOptions(names, 'kind')} onChange={(_, o) => o !== undefined && set({ kind: o.key as RecommendationKind })} />
      </Stack>
      <TextField label={strings.Text} required multiline rows={5} value={r.text} onChange={(_, v) => set({ text: v ?? '' })} />
      <Stack horizontal tokens={{ childrenGap: 12 }}>
        <Dropdown label={strings.AppliesTo} styles={{ root: { minWidth: 160 } }} selectedKey={r.appliesTo} options={valueOptions(names, 'appliesTo')} onChange={(_, o) => o !== undefined && set({ appliesTo: o.key as AppliesTo })} />
        <TextField label={strings.AddressedTo} value={r.addressee ?? ''} onChange={(_, v) => set({ addressee: v === '' ? undefined : v })} />
        <Toggle label={strings.Accepted} checked={r.acceptedForAction === true} onChange={(_, c) => set({ acceptedForAction: c === true })} />
      </Stack>
      {r.kind !== 'Cause of concern' && r.kind !== 'Accelerated cause of concern' && concerns.length > 0 && (
        <Dropdown
          label={strings.CausesAnswered}
          multiSelect
          selectedKeys={r.causeOfConcernIds.map(String)}
          options={concerns.map((c) => ({ key: String(c.id), text: c.ref }))}
          onChange={(_, o) => {
            if (o === undefined) return;
            const id = Number(o.key);
            set({ causeOfConcernIds: o.selected === true ? [...r.causeOfConcernIds, id] : r.causeOfConcernIds.filter((x) => x !== id) });
          }}
        />
      )}
      <Stack horizontal tokens={{ childrenGap: 12 }}>
        <PersonPicker label={strings.Owner} value={r.owner} people={props.people} onChange={(owner) => set({ owner })} />
        <PersonPicker label={strings.Sro} value={r.sro} people={props.people} onChange={(sro) => set({ sro })} />
        <FreeformCombo label={strings.Directorate} value={r.directorate ?? ''} choices={props.directorates} onChange={(v) => set({ directorate: v.trim() === '' ? undefined : v.trim() })} />
      </Stack>
      {editing ? (
        <Text block>{format(strings.DueFixed, dueText(r.due, words) || common.None)}</Text>
      ) : (
        <Stack horizontal tokens={{ childrenGap: 12 }}>
          <UkDatePicker label={strings.DueDate} value={r.due.current} onChange={(d) => set({ due: dueFromDate(d) })} />
          <Dropdown
            label={strings.Status}
            styles={{ root: { minWidth: 200 } }}
            selectedKey={r.lifecycle}
            options={valueOptions(names, 'lifecycle', STARTING_LIFECYCLES)}
            onChange={(_, o) => o !== undefined && set({ lifecycle: o.key as Lifecycle })}
          />
        </Stack>
      )}
      <Stack horizontal tokens={{ childrenGap: 12 }}>
        <Dropdown
          label={strings.Confidence}
          styles={{ root: { minWidth: 140 } }}
          selectedKey={r.confidence ?? ''}
          options={[{ key: '', text: strings.NotGiven }, ...valueOptions(names, 'confidence')]}
          onChange={(_, o) => o !== undefined && set({ confidence: o.key === '' ? undefined : (o.key as Confidence) })}
        />
        <TextField label={strings.WhyConfidence} styles={{ root: { flexGrow: 1 } }} value={r.confidenceNarrative ?? ''} onChange={(_, v) => set({ confidenceNarrative: v === '' ? undefined : v })} />
      </Stack>
      <TextField label={strings.DependsOn} value={r.dependsOn ?? ''} onChange={(_, v) => set({ dependsOn: v === '' ? undefined : v })} />
    </FormDialog>
  );
}

export interface ActionFormProps {
  action?: Action & { id: number };
  recommendationId: number;
  people: PeopleDirectory;
  onSave: (action: Action) => Promise<void>;
  onDismiss: () => void;
}

export function ActionForm(props: ActionFormProps): JSX.Element {
  const [a, setA] = React.useState<Action>(
    props.action ?? { recommendationId: props.recommendationId, ref: '', text: '', lifecycle: 'Being progressed', due: dueFromDate(null) }
  );
  const set = (patch: Partial<Action>): void => setA((prev) => ({ ...prev, ...patch }));
  const { Forms: strings, Values: names } = useStrings();
  return (
    <FormDialog
      title={props.action ? format(strings.EditAction, a.ref) : strings.NewAction}
      saveText={strings.SaveAction}
      canSave={a.ref.trim() !== '' && a.text.trim() !== ''}
      onSave={() => props.onSave(a)}
      onDismiss={props.onDismiss}
    >
      <TextField label={strings.Number} required value={a.ref} onChange={(_, v) => set({ ref: v ?? '' })} />
      <TextField label={strings.Action} required multiline rows={3} value={a.text} onChange={(_, v) => set({ text: v ?? '' })} />
      <PersonPicker label={strings.Owner} value={a.owner} people={props.people} onChange={(owner) => set({ owner })} />
      <Dropdown label={strings.Status} selectedKey={a.lifecycle} options={valueOptions(names, 'lifecycle')} onChange={(_, o) => o !== undefined && set({ lifecycle: o.key as Lifecycle })} />
      <UkDatePicker label={strings.DueDate} value={a.due.current} onChange={(d) => set({ due: dueFromDate(d) })} />
      <TextField label={strings.CurrentPosition} multiline rows={3} value={a.currentPosition ?? ''} onChange={(_, v) => set({ currentPosition: v === '' ? undefined : v })} />
    </FormDialog>
  );
}
