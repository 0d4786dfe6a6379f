/**
 * Reminder rules, for site owners: the rules of the Reminder Rules list with when each last fired
 * and runs next, and a form to create or edit one — checked as the engine reads it, saved with the
 * version tag the owner saw (a conflict shows both versions), with the card it would send for a
 * chosen item and a test run that lists who it would notify on a day, sending nothing. Its second
 * tab is the run history (RunHistory.tsx): what the rules sent, and "send again" for a failed one.
 */
import * as React from 'react';
import { DefaultButton, IconButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { DetailsList, DetailsListLayoutMode, SelectionMode } from '@fluentui/react/lib/DetailsList';
import type { IColumn } from '@fluentui/react/lib/DetailsList';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import type { IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { useTheme } from '@fluentui/react/lib/Theme';
import { londonDate } from '../../core/dates';
import { withItemParam } from '../../core/deepLinks';
import { htmlToText } from '../../core/import/html';
import { CLOSURE_STATES, EXTENSION_STATES } from '../../core/model';
import type { IsoDate, ReminderLogEntry, ReminderRuleRecord } from '../../core/model';
import type { RagPolicy } from '../../core/status';
import {
  CONDITION_KINDS,
  FORM_TRIGGERS,
  NEW_RULE_FORM,
  RECIPIENT_KINDS,
  TEMPLATE_FIELDS,
  WATCHED_FIELDS,
  clauseChoices,
  formRecord,
  isDated,
  readRule,
  ruleForm,
  validateRuleForm
} from '../../core/reminders';
import type { ConditionKind, FormProblem, FormTrigger, RecipientKind, RecipientSpec, RuleFormState, WatchedField } from '../../core/reminders';
import type { IncompleteItem, ListedRecord, RuleRecord, TrackerDataSource, Versioned } from '../../data/TrackerDataSource';
import { NeedsCompleting } from '../common/NeedsCompleting';
import { AdaptiveCardView } from '../common/AdaptiveCardView';
import { useConflictSave } from '../item/conflictSave';
import type { FieldSet } from '../item/fieldSets';
import { LOCALE, format, listText, plural } from '../common/intl';
import { ruleProblemSentence, ruleProblemText, templateFieldHolds, unreachableText } from '../common/messages';
import { useStrings } from '../common/strings';
import type { TrackerStrings } from '../common/strings';
import { displayText } from '../common/values';
import type { ValueNames } from '../common/values';
import { nextDue, previewCard, subjectOn, testRun } from './ruleRun';
import { RunHistory } from './RunHistory';
import type { ReminderWords, RunSite, TestRun } from './ruleRun';
import { ruleFieldLabel } from './ruleFieldLabel';
import { plainMerge } from '../../core/fieldMerge';
import { errorText } from '../common/errorText';

/**
 * The values a watched field takes, when they are fixed: offered for "from" and "to", each by the
 * name of the loc `Values` group named as the field.
 */
const FIELD_VALUES: Partial<Record<WatchedField, readonly string[]>> = {
  trafficLight: clauseChoices('trafficLight') ?? [],
  lifecycle: clauseChoices('lifecycle') ?? [],
  closure: CLOSURE_STATES,
  extension: EXTENSION_STATES
};

const options = <K extends string>(names: Record<K, string>, keys: readonly K[]): IDropdownOption[] => keys.map((k) => ({ key: k, text: names[k] }));

const ANY = '\u0000any';

/** What a rule's trigger and recipients say, in words, for the list. */
function describe(record: ReminderRuleRecord, words: ReminderWords, names: ValueNames): { trigger: string; who: string } {
  const form = ruleForm(record);
  const change = (v: string | null): string => (v === null ? words.ChangeAny : v === '' ? words.ChangeEmpty : v === '*' ? words.ChangeAnySet : displayText(names, form.field, v));
  const trigger = form.trigger === 'fieldChanged' ? format(words.FieldChanged, words.WatchedFields[form.field], change(form.from), change(form.to)) : words.Triggers[form.trigger];
  const who = listText(form.recipients.map((r) => (r.kind === 'person' || r.kind === 'group' || r.kind === 'channel' ? r.name : words.Recipients[r.kind])));
  return { trigger, who };
}

/** Name, on/off and definition: what a conflicting edit of a rule compares. */
const RULE_MERGE = plainMerge<ReminderRuleRecord>(['name', 'enabled', 'definition']);

function ruleFields(strings: TrackerStrings): FieldSet<ReminderRuleRecord> {
  return {
    ...RULE_MERGE,
    labels: strings.Reminders.ConflictFields,
    text: (r, f) => (f === 'enabled' ? (r.enabled ? strings.Fields.Yes : strings.Fields.No) : f === 'name' ? r.name : JSON.stringify(r.definition, null, 1))
  };
}

const WHEN = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export interface ReminderRulesPageProps {
  data: TrackerDataSource;
  records: readonly ListedRecord[];
  reportTitles: ReadonlyMap<number, string>;
  policy: RagPolicy;
  now: () => Date;
  onClose: () => void;
  /** Leaves the page and opens an item of the tracker (from the run history). */
  onOpenItem: (id: number) => void;
}

export function ReminderRulesPage(props: ReminderRulesPageProps): JSX.Element {
  const { data, now } = props;
  const strings = useStrings();
  const words = strings.Reminders;
  const [rules, setRules] = React.useState<RuleRecord[]>([]);
  const [incomplete, setIncomplete] = React.useState<IncompleteItem[]>([]);
  const [log, setLog] = React.useState<ReminderLogEntry[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState<RuleRecord | 'new' | null>(null);
  const [loaded, setLoaded] = React.useState(false);
  const [view, setView] = React.useState<'rules' | 'history'>('rules');

  const load = React.useCallback(async () => {
    try {
      const [read, entries] = await Promise.all([data.listRules(), data.reminderLog()]);
      setRules(read.rules);
      setIncomplete(read.incomplete);
      setLog(entries);
      setLoaded(true);
    } catch (e) {
      setError(errorText(e, strings));
    }
  }, [data]);
  React.useEffect(() => void load(), [load]);

  const lastFired = (key: string): string => {
    const sent = log.filter((e) => e.ruleKey === key && e.status === 'Sent').map((e) => e.at).sort();
    return sent.length === 0 ? words.Never : WHEN.format(new Date(sent[sent.length - 1]));
  };

  const columns: IColumn[] = [
    { key: 'name', name: words.Rule, minWidth: 220, maxWidth: 340, isMultiline: true, onRender: (r: RuleRecord) => <Text>{r.value.name}</Text> },
    { key: 'on', name: words.On, minWidth: 40, maxWidth: 50, onRender: (r: RuleRecord) => (r.value.enabled ? words.On : words.Off) },
    { key: 'trigger', name: words.Trigger, minWidth: 180, maxWidth: 280, isMultiline: true, onRender: (r: RuleRecord) => describe(r.value, words, strings.Values).trigger },
    { key: 'who', name: words.Who, minWidth: 100, maxWidth: 160, isMultiline: true, onRender: (r: RuleRecord) => describe(r.value, words, strings.Values).who },
    { key: 'last', name: words.LastFired, minWidth: 120, maxWidth: 150, onRender: (r: RuleRecord) => lastFired(r.value.key) },
    {
      key: 'next',
      name: words.NextDue,
      minWidth: 150,
      maxWidth: 200,
      isMultiline: true,
      onRender: (r: RuleRecord) => {
        const { rule, problems } = readRule(r.value);
        return rule === null ? format(words.NotRun, ruleFieldLabel(problems[0].path, words), ruleProblemText(problems[0].problem, strings)) : nextDue(rule, now(), words);
      }
    },
    { key: 'edit', name: words.Edit, minWidth: 40, maxWidth: 50, onRender: (r: RuleRecord) => <IconButton iconProps={{ iconName: 'Edit' }} ariaLabel={format(words.EditRuleLabel, r.value.name)} onClick={() => setEditing(r)} /> }
  ];

  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="reminder-rules">
      <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
        <Text variant="xLarge" as="h2">
          {words.Heading}
        </Text>
        <PrimaryButton text={words.NewRule} iconProps={{ iconName: 'Add' }} onClick={() => setEditing('new')} />
        <DefaultButton text={words.Back} onClick={props.onClose} />
      </Stack>
      {error !== null && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
      {notice !== null && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)} dismissButtonAriaLabel={strings.Common.CloseMessage}>
          {notice}
        </MessageBar>
      )}
      <Pivot aria-label={words.Tabs} headersOnly selectedKey={view} onLinkClick={(item) => setView(item?.props.itemKey === 'history' ? 'history' : 'rules')}>
        <PivotItem headerText={words.RulesTab} itemKey="rules" />
        <PivotItem headerText={words.HistoryTab} itemKey="history" />
      </Pivot>
      {view === 'history' ? (
        <RunHistory data={data} rules={rules} records={props.records} now={now} onOpenItem={props.onOpenItem} />
      ) : (
        <>
          <NeedsCompleting items={incomplete} />
          {loaded && rules.length === 0 && <Text>{words.NoRules}</Text>}
          <DetailsList items={rules} columns={columns} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified} getKey={(r: RuleRecord) => String(r.value.id)} ariaLabelForGrid={words.Heading} />
        </>
      )}
      {editing !== null && (
        <RuleEditor
          data={data}
          base={editing === 'new' ? null : editing}
          otherKeys={rules.filter((r) => editing === 'new' || r.value.id !== editing.value.id).map((r) => r.value.key)}
          site={{ records: props.records, reportTitles: props.reportTitles, policy: props.policy }}
          today={londonDate(now())}
          onDismiss={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(format(words.Saved, saved.value.name));
            void load();
          }}
        />
      )}
    </Stack>
  );
}

interface RuleEditorProps {
  data: TrackerDataSource;
  base: RuleRecord | null;
  otherKeys: readonly string[];
  site: RunSite;
  today: IsoDate;
  onSaved: (saved: RuleRecord) => void;
  onDismiss: () => void;
}

function RuleEditor(props: RuleEditorProps): JSX.Element {
  const { base, site } = props;
  const theme = useTheme();
  const strings = useStrings();
  const words = strings.Reminders;
  const fields = React.useMemo(() => ruleFields(strings), [strings]);
  const [form, setForm] = React.useState<RuleFormState>(base === null ? NEW_RULE_FORM : ruleForm(base.value));
  const [problems, setProblems] = React.useState<FormProblem[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [itemId, setItemId] = React.useState<number | null>(site.records[0]?.recommendation.id ?? null);
  const [day, setDay] = React.useState<string>(props.today);
  const [run, setRun] = React.useState<TestRun | string | null>(null);
  const write = React.useCallback((seen: Versioned<ReminderRuleRecord>, mine: ReminderRuleRecord) => props.data.saveRule({ value: { ...seen.value, id: seen.value.id as number }, etag: seen.etag }, mine), [props.data]);
  const { onSaved } = props;
  const saved = React.useCallback((rule: Versioned<ReminderRuleRecord>) => onSaved({ value: { ...rule.value, id: rule.value.id as number }, etag: rule.etag }), [onSaved]);
  const { save, conflictDialog } = useConflictSave(write, fields, saved);

  const set = (change: Partial<RuleFormState>): void => setForm((f) => ({ ...f, ...change }));
  // Problems show after the first attempt to save, and then follow every keystroke.
  React.useEffect(() => {
    if (problems !== null) setProblems(validateRuleForm(form, props.otherKeys).problems);
  }, [form]); // eslint-disable-line react-hooks/exhaustive-deps
  const sentence = (p: FormProblem): string => ruleProblemSentence(p.problem, strings);
  const problemAt = (path: string): string | undefined => {
    const found = problems?.find((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
    return found === undefined ? undefined : sentence(found);
  };
  // "only a schedule rule can repeat" names the whole repeat policy, shown under its kind.
  const repeatOnly = problems?.find((p) => p.path === 'repeat');
  const repeatProblem = repeatOnly === undefined ? undefined : sentence(repeatOnly);

  const onSave = async (): Promise<void> => {
    const checked = validateRuleForm(form, props.otherKeys);
    setProblems(checked.problems);
    if (checked.rule === null) return;
    setSaving(true);
    setError(null);
    try {
      if (base === null) props.onSaved(await props.data.saveRule(null, formRecord(form)));
      else await save(base, formRecord(form));
    } catch (e) {
      setError(errorText(e, strings));
    } finally {
      setSaving(false);
    }
  };

  const onTestRun = (): void => {
    const checked = validateRuleForm(form, props.otherKeys);
    setProblems(checked.problems);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) setRun(words.ChooseDate);
    else setRun(checked.rule === null ? words.FixFirst : testRun(checked.rule, site, day));
  };

  const chosen = site.records.find((r) => r.recommendation.id === itemId);
  const card = React.useMemo(() => {
    if (chosen === undefined) return null;
    // The rows as typed, so the preview follows the form before it is valid; a row still missing its address says so.
    const recipients = formRecord(form).definition.recipients as RecipientSpec[];
    return previewCard({ title: form.title, message: form.message }, recipients, subjectOn(chosen, props.today, site), props.today, withItemParam(window.location.href, chosen.recommendation.id), strings);
  }, [form, chosen, site, props.today, words]);

  const refText = (id: number): string => site.records.find((r) => r.recommendation.id === id)?.recommendation.ref ?? String(id);
  const changeOptions = (field: WatchedField): IDropdownOption[] => [
    { key: ANY, text: words.AnyValue },
    { key: '', text: words.Empty },
    { key: '*', text: words.AnyValueSet },
    ...(FIELD_VALUES[field] ?? []).map((v) => ({ key: v, text: displayText(strings.Values, field, v) }))
  ];
  const section = (title: string): JSX.Element => (
    <Text variant="mediumPlus" as="h3" styles={{ root: { marginTop: 12, fontWeight: 600 } }}>
      {title}
    </Text>
  );

  return (
    <Panel isOpen type={PanelType.large} headerText={base === null ? words.NewRuleTitle : format(words.EditRuleTitle, base.value.name)} closeButtonAriaLabel={strings.Common.Close} onDismiss={props.onDismiss} isFooterAtBottom onRenderFooterContent={() => (
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={words.SaveRule} disabled={saving} onClick={() => void onSave()} />
        <DefaultButton text={strings.Common.Cancel} onClick={props.onDismiss} />
      </Stack>
    )}>
      <Stack tokens={{ childrenGap: 8 }} data-testid="rule-editor">
        {problems !== null && problems.length > 0 && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {format(words.CannotSave, listText(problems.map((p) => format(words.ProblemAt, ruleFieldLabel(p.path, words), sentence(p))), strings.Common.ListSeparator))}
          </MessageBar>
        )}
        {error !== null && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
        <TextField label={words.Name} required value={form.name} onChange={(_e, v) => set({ name: v ?? '' })} errorMessage={problemAt('name')} />
        <TextField
          label={words.Key}
          required
          disabled={base !== null}
          description={words.KeyDescription}
          value={form.key}
          onChange={(_e, v) => set({ key: v ?? '' })}
          errorMessage={problemAt('key')}
        />
        <Toggle label={words.On} checked={form.enabled} onText={words.On} offText={words.Off} onChange={(_e, v) => set({ enabled: v === true })} />

        {section(words.WhenSection)}
        <Dropdown label={words.Trigger} selectedKey={form.trigger} options={options(words.Triggers, FORM_TRIGGERS)} onChange={(_e, o) => o && set({ trigger: o.key as FormTrigger })} errorMessage={problemAt('trigger.kind')} />
        {form.trigger === 'fieldChanged' && (
          <Stack horizontal tokens={{ childrenGap: 8 }} wrap>
            <Dropdown label={words.Field} selectedKey={form.field} options={options(words.WatchedFields, WATCHED_FIELDS)} onChange={(_e, o) => o && set({ field: o.key as WatchedField, from: null, to: null })} styles={{ root: { minWidth: 180 } }} />
            <Dropdown label={words.From} selectedKey={form.from ?? ANY} options={changeOptions(form.field)} onChange={(_e, o) => o && set({ from: o.key === ANY ? null : String(o.key) })} styles={{ root: { minWidth: 180 } }} />
            <Dropdown label={words.To} selectedKey={form.to ?? ANY} options={changeOptions(form.field)} onChange={(_e, o) => o && set({ to: o.key === ANY ? null : String(o.key) })} styles={{ root: { minWidth: 180 } }} />
          </Stack>
        )}

        {section(words.OnlyForSection)}
        {form.conditions.length === 0 && <Text>{words.EveryItem}</Text>}
        {form.conditions.map((c, i) => {
          const choices = clauseChoices(c.kind);
          const change = (next: Partial<RuleFormState['conditions'][number]>): void => set({ conditions: form.conditions.map((x, j) => (j === i ? { ...x, ...next } : x)) });
          return (
            <Stack key={i} horizontal tokens={{ childrenGap: 8 }} verticalAlign="end" wrap>
              <Dropdown label={format(words.Condition, i + 1)} selectedKey={c.kind} options={options(words.Conditions, CONDITION_KINDS)} onChange={(_e, o) => o && change({ kind: o.key as ConditionKind, values: [], days: '' })} styles={{ root: { minWidth: 220 } }} />
              {isDated(c.kind) ? (
                <TextField label={words.Days} value={c.days} onChange={(_e, v) => change({ days: v ?? '' })} errorMessage={problemAt(`conditions[${i}]`)} />
              ) : choices !== null ? (
                <Dropdown
                  label={words.Values}
                  multiSelect
                  selectedKeys={c.values}
                  options={choices.map((v) => ({ key: v, text: displayText(strings.Values, c.kind, v) }))}
                  onChange={(_e, o) => o && change({ values: o.selected === true ? [...c.values, String(o.key)] : c.values.filter((v) => v !== o.key) })}
                  errorMessage={problemAt(`conditions[${i}]`)}
                  styles={{ root: { minWidth: 240 } }}
                />
              ) : (
                <TextField
                  label={c.kind === 'report' ? words.ReportIds : words.Directorates}
                  value={c.values.join(', ')}
                  onChange={(_e, v) => change({ values: (v ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '') })}
                  errorMessage={problemAt(`conditions[${i}]`)}
                />
              )}
              <IconButton iconProps={{ iconName: 'Delete' }} ariaLabel={format(words.RemoveCondition, i + 1)} onClick={() => set({ conditions: form.conditions.filter((_x, j) => j !== i) })} />
            </Stack>
          );
        })}
        <DefaultButton text={words.AddCondition} iconProps={{ iconName: 'Add' }} onClick={() => set({ conditions: [...form.conditions, { kind: 'trafficLight', values: [], days: '' }] })} styles={{ root: { alignSelf: 'flex-start' } }} />

        {section(words.WhoSection)}
        {problemAt('recipients') !== undefined && form.recipients.length === 0 && <MessageBar messageBarType={MessageBarType.error}>{problemAt('recipients')}</MessageBar>}
        {form.recipients.map((r, i) => {
          const change = (next: Partial<RuleFormState['recipients'][number]>): void => set({ recipients: form.recipients.map((x, j) => (j === i ? { ...x, ...next } : x)) });
          const at = `recipients[${i}]`;
          return (
            <Stack key={i} horizontal tokens={{ childrenGap: 8 }} verticalAlign="end" wrap>
              <Dropdown label={format(words.Recipient, i + 1)} selectedKey={r.kind} options={options(words.Recipients, RECIPIENT_KINDS)} onChange={(_e, o) => o && change({ kind: o.key as RecipientKind })} styles={{ root: { minWidth: 200 } }} />
              {(r.kind === 'person' || r.kind === 'group' || r.kind === 'channel') && (
                <TextField label={words.Name} value={r.name} onChange={(_e, v) => change({ name: v ?? '' })} errorMessage={problemAt(`${at}.name`) ?? problemAt(`${at}.person.name`)} />
              )}
              {(r.kind === 'person' || r.kind === 'group') && <TextField label={words.Email} value={r.email} onChange={(_e, v) => change({ email: v ?? '' })} errorMessage={problemAt(`${at}.email`) ?? problemAt(`${at}.person.email`)} />}
              {r.kind === 'channel' && <TextField label={words.WebhookUrl} value={r.webhookUrl} onChange={(_e, v) => change({ webhookUrl: v ?? '' })} errorMessage={problemAt(`${at}.webhookUrl`)} />}
              <IconButton iconProps={{ iconName: 'Delete' }} ariaLabel={format(words.RemoveRecipient, i + 1)} onClick={() => set({ recipients: form.recipients.filter((_x, j) => j !== i) })} />
            </Stack>
          );
        })}
        <DefaultButton text={words.AddRecipient} iconProps={{ iconName: 'Add' }} onClick={() => set({ recipients: [...form.recipients, { kind: 'owner', name: '', email: '', webhookUrl: '' }] })} styles={{ root: { alignSelf: 'flex-start' } }} />

        {section(words.MessageSection)}
        <TextField label={words.Title} required value={form.title} onChange={(_e, v) => set({ title: v ?? '' })} errorMessage={problemAt('template.title')} />
        <TextField label={words.Message} required multiline rows={3} value={form.message} onChange={(_e, v) => set({ message: v ?? '' })} errorMessage={problemAt('template.message')} />
        <Text variant="small">{format(words.TemplateFields, listText(TEMPLATE_FIELDS.map((f) => format(words.TemplateField, f, templateFieldHolds(f, strings)))))}</Text>

        {section(words.HowOftenSection)}
        <Dropdown
          label={words.Repeat}
          selectedKey={form.repeat}
          options={[
            { key: 'once', text: words.Once },
            { key: 'every', text: words.Every }
          ]}
          onChange={(_e, o) => o && set({ repeat: o.key as 'once' | 'every' })}
          errorMessage={problemAt('repeat.kind') ?? repeatProblem}
        />
        {form.repeat === 'every' && <TextField label={words.EveryDays} value={form.repeatDays} onChange={(_e, v) => set({ repeatDays: v ?? '' })} errorMessage={problemAt('repeat.days')} />}
        <Checkbox label={words.WorkingDaysOnly} checked={form.workingDaysOnly} onChange={(_e, v) => set({ workingDaysOnly: v === true })} />
        <Checkbox label={words.QuietHours} checked={form.quietHours} onChange={(_e, v) => set({ quietHours: v === true })} />
        {form.quietHours && (
          <Stack horizontal tokens={{ childrenGap: 8 }}>
            <TextField label={words.QuietFrom} value={form.quietStart} onChange={(_e, v) => set({ quietStart: v ?? '' })} errorMessage={problemAt('window.quietHours.start')} />
            <TextField label={words.QuietUntil} value={form.quietEnd} onChange={(_e, v) => set({ quietEnd: v ?? '' })} errorMessage={problemAt('window.quietHours.end')} />
          </Stack>
        )}

        {section(words.PreviewSection)}
        <Dropdown
          label={words.PreviewItem}
          selectedKey={itemId ?? undefined}
          options={site.records.map((r) => ({ key: r.recommendation.id, text: format(words.PreviewOption, r.recommendation.ref, htmlToText(r.recommendation.text).slice(0, 80)) }))}
          onChange={(_e, o) => o && setItemId(Number(o.key))}
        />
        <div data-testid="rule-preview">
          {card === null ? null : typeof card === 'string' ? <MessageBar messageBarType={MessageBarType.warning}>{card}</MessageBar> : <AdaptiveCardView card={card} theme={theme} onLink={(url) => window.open(url, '_blank', 'noopener')} />}
        </div>

        {section(words.TestRunSection)}
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="end">
          <TextField label={words.Date} type="date" value={day} onChange={(_e, v) => setDay(v ?? '')} />
          <DefaultButton text={words.WhoWouldItNotify} onClick={onTestRun} />
        </Stack>
        <div data-testid="test-run" role="status" aria-live="polite">
          {typeof run === 'string' && <MessageBar messageBarType={MessageBarType.warning}>{run}</MessageBar>}
          {run !== null && typeof run !== 'string' && (
            <Stack tokens={{ childrenGap: 4 }}>
              <Text>
                {run.intents.length === 0 ? words.Nobody : plural(words.TestRunCount, run.intents.length)}
              </Text>
              <ul>
                {run.intents.map((i) => (
                  <li key={i.key}>{format(words.TestRunIntent, i.data.ref, i.recipient.name, i.recipient.address)}</li>
                ))}
                {run.unresolved.map((u) => (
                  <li key={`${u.itemId} ${u.spec}`}>{format(words.TestRunNobody, refText(u.itemId), unreachableText(u.problem, strings))}</li>
                ))}
              </ul>
            </Stack>
          )}
        </div>
      </Stack>
      {conflictDialog}
    </Panel>
  );
}
