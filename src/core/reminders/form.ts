/**
 * The rule designer's form: what a site owner edits, kept as text where they type, so that a
 * mistake reaches the validator as typed and comes back as a message naming the field. A list
 * record becomes a form and the form becomes the same record again (`ruleForm`, `formRecord`).
 */
import { APPLIES_TO, LIFECYCLES, RECOMMENDATION_KINDS, TRAFFIC_LIGHTS } from '../model';
import type { ReminderRuleRecord } from '../model';
import { readRule } from './parse';
import type { RuleProblem } from './problems';
import { WATCHED_FIELDS } from './model';
import type { ReminderData, ReminderRule, WatchedField } from './model';

/** The triggers the form offers; `itemChanged` is offered so that the loop guard can say why it is refused. */
export const FORM_TRIGGERS = ['itemCreated', 'itemChanged', 'fieldChanged', 'schedule'] as const;
export type FormTrigger = (typeof FORM_TRIGGERS)[number];

export const CONDITION_KINDS = ['trafficLight', 'lifecycle', 'appliesTo', 'kind', 'dueWithin', 'overdueBy', 'noUpdateFor', 'report', 'directorate', 'roundReplyDue', 'roundOverdueBy'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export const RECIPIENT_KINDS = ['owner', 'sro', 'approver', 'person', 'group', 'channel'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** One condition row: chosen values for a list clause, days for a dated one. */
export interface ConditionRow {
  kind: ConditionKind;
  /** The chosen colours, statuses, kinds, report ids or directorates. */
  values: string[];
  /** Whole days, as typed. */
  days: string;
}

/** One recipient row; only the fields of its kind are used. */
export interface RecipientRow {
  kind: RecipientKind;
  name: string;
  email: string;
  webhookUrl: string;
}

export interface RuleFormState {
  key: string;
  name: string;
  enabled: boolean;
  trigger: FormTrigger;
  field: WatchedField;
  /** null for any value (see `ReminderTrigger`). */
  from: string | null;
  to: string | null;
  conditions: ConditionRow[];
  recipients: RecipientRow[];
  title: string;
  message: string;
  repeat: 'once' | 'every';
  repeatDays: string;
  workingDaysOnly: boolean;
  quietHours: boolean;
  quietStart: string;
  quietEnd: string;
}

/** A new rule's starting point: office hours, once, to the owner. */
export const NEW_RULE_FORM: RuleFormState = {
  key: '',
  name: '',
  enabled: true,
  trigger: 'fieldChanged',
  field: 'trafficLight',
  from: null,
  to: null,
  conditions: [],
  recipients: [{ kind: 'owner', name: '', email: '', webhookUrl: '' }],
  title: '',
  message: '',
  repeat: 'once',
  repeatDays: '7',
  workingDaysOnly: true,
  quietHours: true,
  quietStart: '18:00',
  quietEnd: '08:00'
};

/**
 * The values a message may use (`${name}`): those of `ReminderData`. The rule designer says what
 * each holds in the words of its `loc` (`CoreMessages.TemplateFields`).
 */
export const TEMPLATE_FIELDS = ['ref', 'report', 'text', 'kind', 'directorate', 'lifecycle', 'trafficLight', 'due', 'replyBy', 'daysToDue', 'daysOverdue', 'lastUpdated', 'daysSinceUpdate', 'owner', 'sro', 'approver', 'recipient'] as const satisfies readonly (keyof ReminderData)[];
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const DATED: readonly ConditionKind[] = ['dueWithin', 'overdueBy', 'noUpdateFor', 'roundReplyDue', 'roundOverdueBy'];

/** True for the clauses measured in days. */
export function isDated(kind: ConditionKind): boolean {
  return DATED.includes(kind);
}

type Json = { [key: string]: unknown };

const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback);

/**
 * The form of a list record. A definition written by hand may be wrong in places: what can be
 * read is kept, the rest starts blank, and saving shows what still needs putting right.
 */
export function ruleForm(record: ReminderRuleRecord): RuleFormState {
  const d = asObject(record.definition);
  const t = asObject(d.trigger);
  const w = asObject(d.window);
  const q = w.quietHours === null || w.quietHours === undefined ? null : asObject(w.quietHours);
  const repeat = asObject(d.repeat);
  const template = asObject(d.template);
  return {
    key: record.key,
    name: record.name,
    enabled: record.enabled,
    trigger: oneOf(t.kind, FORM_TRIGGERS, NEW_RULE_FORM.trigger),
    field: oneOf(t.field, WATCHED_FIELDS, NEW_RULE_FORM.field),
    from: typeof t.from === 'string' ? t.from : null,
    to: typeof t.to === 'string' ? t.to : null,
    conditions: asList(d.conditions).map((value) => {
      const c = asObject(value);
      return { kind: oneOf(c.kind, CONDITION_KINDS, 'trafficLight'), values: asList(c.in).map(asText), days: asText(c.days) };
    }),
    recipients: asList(d.recipients).map((value) => {
      const s = asObject(value);
      const person = asObject(s.person);
      const kind = oneOf(s.kind, RECIPIENT_KINDS, 'owner');
      return kind === 'person'
        ? { kind, name: asText(person.name), email: asText(person.email), webhookUrl: '' }
        : { kind, name: asText(s.name), email: asText(s.email), webhookUrl: asText(s.webhookUrl) };
    }),
    title: asText(template.title),
    message: asText(template.message),
    repeat: repeat.kind === 'every' ? 'every' : 'once',
    repeatDays: repeat.kind === 'every' ? asText(repeat.days) : NEW_RULE_FORM.repeatDays,
    workingDaysOnly: w.workingDaysOnly !== false,
    quietHours: q !== null,
    quietStart: q === null ? NEW_RULE_FORM.quietStart : asText(q.start),
    quietEnd: q === null ? NEW_RULE_FORM.quietEnd : asText(q.end)
  };
}

/** Days as typed: a whole number becomes a number; anything else stays text, for the validator to name. */
const days = (typed: string): number | string => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : typed);

const LISTED_NUMBERS: readonly ConditionKind[] = ['report'];

/** The list record of a form, in the shape `ruleRecord` writes, so that a record round-trips. */
export function formRecord(form: RuleFormState): ReminderRuleRecord {
  const trigger: Json = { kind: form.trigger };
  if (form.trigger === 'fieldChanged') {
    trigger.field = form.field;
    if (form.from !== null) trigger.from = form.from;
    if (form.to !== null) trigger.to = form.to;
  }
  const conditions = form.conditions.map((c): Json =>
    isDated(c.kind) ? { kind: c.kind, days: days(c.days) } : { kind: c.kind, in: LISTED_NUMBERS.includes(c.kind) ? c.values.map(days) : c.values }
  );
  const recipients = form.recipients.map((r): Json => {
    switch (r.kind) {
      case 'person':
        return { kind: r.kind, person: { name: r.name, email: r.email } };
      case 'group':
        return { kind: r.kind, name: r.name, email: r.email };
      case 'channel':
        return { kind: r.kind, name: r.name, webhookUrl: r.webhookUrl };
      default:
        return { kind: r.kind };
    }
  });
  return {
    key: form.key,
    name: form.name,
    enabled: form.enabled,
    definition: {
      trigger,
      conditions,
      recipients,
      template: { title: form.title, message: form.message },
      repeat: form.repeat === 'every' ? { kind: 'every', days: days(form.repeatDays) } : { kind: 'once' },
      window: { workingDaysOnly: form.workingDaysOnly, quietHours: form.quietHours ? { start: form.quietStart, end: form.quietEnd } : null }
    }
  };
}

/** A problem for the form: the field it names (the record's path, e.g. `recipients[0].email`) and what is wrong. */
export interface FormProblem {
  path: string;
  problem: RuleProblem;
}

/**
 * Checks a form as the engine will read it, with the other rules' keys (a key must be unique and,
 * being part of every reminder's idempotency key, is never reused). The rule when it can be saved.
 */
export function validateRuleForm(form: RuleFormState, otherKeys: readonly string[]): { rule: ReminderRule | null; problems: FormProblem[] } {
  const { rule, problems } = readRule(formRecord(form));
  const found: FormProblem[] = problems.map((e) => ({ path: e.path, problem: e.problem }));
  if (otherKeys.includes(form.key)) found.unshift({ path: 'key', problem: { code: 'keyTaken', args: [] } });
  return { rule: found.length === 0 ? rule : null, problems: found };
}

/** The values a list clause may take, when they are fixed. */
export function clauseChoices(kind: ConditionKind): readonly string[] | null {
  switch (kind) {
    case 'trafficLight':
      return TRAFFIC_LIGHTS;
    case 'lifecycle':
      return LIFECYCLES;
    case 'appliesTo':
      return APPLIES_TO;
    case 'kind':
      return RECOMMENDATION_KINDS;
    default:
      return null;
  }
}
