/**
 * Rules as kept in the Reminder Rules list: the key, name and enabled flag are columns, the rest is
 * the JSON `definition`. Admins edit that JSON, so every mistake is reported with the rule's key
 * and the path of the bad value, and a bad rule never stops the good ones (see `parseRules`).
 */
import { APPLIES_TO, LIFECYCLES, RECOMMENDATION_KINDS, TRAFFIC_LIGHTS } from '../model';
import type { ReminderRuleRecord } from '../model';
import type { MessageArg } from '../messages';
import { isTimeOfDay } from './calendar';
import { WATCHED_FIELDS } from './model';
import type { DeliveryWindow, MessageTemplate, RecipientSpec, ReminderCondition, ReminderRule, ReminderTrigger, RepeatPolicy } from './model';
import { ruleProblemText } from './problems';
import type { RuleProblem, RuleProblemCode } from './problems';

/** A rule that could not be read, and why: `problem` by code for the rule designer, in English in `message`. */
export class ReminderRuleError extends Error {
  public constructor(public readonly ruleKey: string, public readonly path: string, public readonly problem: RuleProblem) {
    super(`Reminder rule '${ruleKey}', ${path}: ${ruleProblemText(problem)}`);
    this.name = 'ReminderRuleError';
  }
}

const RULE_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Json = { [key: string]: unknown };

class Reader {
  public constructor(private readonly ruleKey: string) {}

  public fail(path: string, code: RuleProblemCode, ...args: MessageArg[]): never {
    throw new ReminderRuleError(this.ruleKey, path, { code, args });
  }

  public object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'object');
    return value as Json;
  }

  public array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'list');
    return value;
  }

  public text(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, 'someText');
    return value;
  }

  public optionalText(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') this.fail(path, 'text');
    return value;
  }

  public days(value: unknown, path: string, min: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 3650) this.fail(path, 'days', min, 3650);
    return value;
  }

  public oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) this.fail(path, 'oneOf', allowed.map((a) => `'${a}'`).join(', '));
    return value as T;
  }

  public listOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T[] {
    const list = this.array(value, path);
    if (list.length === 0) this.fail(path, 'atLeastOneValue');
    return list.map((v, i) => this.oneOf(v, allowed, `${path}[${i}]`));
  }

  public email(value: unknown, path: string): string {
    const text = this.text(value, path);
    if (!EMAIL.test(text)) this.fail(path, 'email', text);
    return text;
  }
}

/** The loop guard: a trigger on any new version is refused (see `ANY_CHANGE_LOOP`, problems.ts). */
function readTrigger(r: Reader, value: unknown): ReminderTrigger {
  const t = r.object(value, 'trigger');
  if (t.kind === 'itemChanged') r.fail('trigger.kind', 'anyChangeLoop');
  const kind = r.oneOf(t.kind, ['itemCreated', 'fieldChanged', 'schedule'] as const, 'trigger.kind');
  if (kind !== 'fieldChanged') return { kind };
  const trigger: ReminderTrigger = { kind, field: r.oneOf(t.field, WATCHED_FIELDS, 'trigger.field') };
  const from = r.optionalText(t.from, 'trigger.from');
  const to = r.optionalText(t.to, 'trigger.to');
  if (from !== undefined) trigger.from = from;
  if (to !== undefined) trigger.to = to;
  return trigger;
}

function readCondition(r: Reader, value: unknown, path: string): ReminderCondition {
  const c = r.object(value, path);
  const kind = r.oneOf(c.kind, ['trafficLight', 'lifecycle', 'appliesTo', 'dueWithin', 'overdueBy', 'noUpdateFor', 'kind', 'report', 'directorate', 'roundReplyDue', 'roundOverdueBy'] as const, `${path}.kind`);
  switch (kind) {
    case 'trafficLight':
      return { kind, in: r.listOf(c.in, TRAFFIC_LIGHTS, `${path}.in`) };
    case 'lifecycle':
      return { kind, in: r.listOf(c.in, LIFECYCLES, `${path}.in`) };
    case 'appliesTo':
      return { kind, in: r.listOf(c.in, APPLIES_TO, `${path}.in`) };
    case 'kind':
      return { kind, in: r.listOf(c.in, RECOMMENDATION_KINDS, `${path}.in`) };
    case 'dueWithin':
    case 'roundReplyDue':
      return { kind, days: r.days(c.days, `${path}.days`, 0) };
    case 'overdueBy':
    case 'roundOverdueBy':
    case 'noUpdateFor':
      return { kind, days: r.days(c.days, `${path}.days`, 1) };
    case 'report': {
      const ids = r.array(c.in, `${path}.in`).map((v, i) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : r.fail(`${path}.in[${i}]`, 'reportId')));
      if (ids.length === 0) r.fail(`${path}.in`, 'atLeastOneReport');
      return { kind, in: ids };
    }
    case 'directorate': {
      const names = r.array(c.in, `${path}.in`).map((v, i) => r.text(v, `${path}.in[${i}]`));
      if (names.length === 0) r.fail(`${path}.in`, 'atLeastOneDirectorate');
      return { kind, in: names };
    }
  }
}

function readRecipient(r: Reader, value: unknown, path: string): RecipientSpec {
  const s = r.object(value, path);
  const kind = r.oneOf(s.kind, ['owner', 'sro', 'approver', 'person', 'group', 'channel'] as const, `${path}.kind`);
  switch (kind) {
    case 'owner':
    case 'sro':
    case 'approver':
      return { kind };
    case 'person': {
      const p = r.object(s.person, `${path}.person`);
      return { kind, person: { name: r.text(p.name, `${path}.person.name`), email: r.email(p.email, `${path}.person.email`) } };
    }
    case 'group':
      return { kind, name: r.text(s.name, `${path}.name`), email: r.email(s.email, `${path}.email`) };
    case 'channel': {
      const url = r.text(s.webhookUrl, `${path}.webhookUrl`);
      if (!/^https?:\/\//i.test(url)) r.fail(`${path}.webhookUrl`, 'webhookUrl');
      return { kind, name: r.text(s.name, `${path}.name`), webhookUrl: url };
    }
  }
}

function readWindow(r: Reader, value: unknown): DeliveryWindow {
  const w = r.object(value, 'window');
  if (typeof w.workingDaysOnly !== 'boolean') r.fail('window.workingDaysOnly', 'trueOrFalse');
  if (w.quietHours === null || w.quietHours === undefined) return { workingDaysOnly: w.workingDaysOnly, quietHours: null };
  const q = r.object(w.quietHours, 'window.quietHours');
  const start = r.text(q.start, 'window.quietHours.start');
  const end = r.text(q.end, 'window.quietHours.end');
  for (const [time, path] of [[start, 'window.quietHours.start'], [end, 'window.quietHours.end']] as const) {
    if (!isTimeOfDay(time)) r.fail(path, 'timeOfDay', time);
  }
  return { workingDaysOnly: w.workingDaysOnly, quietHours: { start, end } };
}

/** `trigger` is undefined when it could not be read: its own problem is reported, not this one. */
function readRepeat(r: Reader, value: unknown, trigger: ReminderTrigger | undefined): RepeatPolicy {
  const p = r.object(value, 'repeat');
  const kind = r.oneOf(p.kind, ['once', 'every'] as const, 'repeat.kind');
  if (kind === 'once') return { kind };
  if (trigger !== undefined && trigger.kind !== 'schedule') r.fail('repeat', 'repeatScheduleOnly');
  return { kind, days: r.days(p.days, 'repeat.days', 1) };
}

function readTemplate(r: Reader, value: unknown): MessageTemplate {
  const t = r.object(value, 'template');
  return { title: r.text(t.title, 'template.title'), message: r.text(t.message, 'template.message') };
}

/**
 * Reads one rule from its list record, gathering every problem, each naming its field: a part that
 * cannot be read does not hide the problems of the others.
 */
export function readRule(record: ReminderRuleRecord): { rule: ReminderRule | null; problems: ReminderRuleError[] } {
  const r = new Reader(record.key);
  const problems: ReminderRuleError[] = [];
  const check = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ReminderRuleError)) throw e;
      problems.push(e);
      return undefined;
    }
  };
  check(() => (RULE_KEY.test(record.key) ? record.key : r.fail('key', 'keyPattern')));
  const name = check(() => r.text(record.name, 'name'));
  const d = check(() => r.object(record.definition, 'definition'));
  if (d === undefined) return { rule: null, problems };
  const trigger = check(() => readTrigger(r, d.trigger));
  const conditions = check(() => r.array(d.conditions ?? [], 'conditions'))?.map((c, i) => check(() => readCondition(r, c, `conditions[${i}]`)));
  const recipients = check(() => r.array(d.recipients, 'recipients'))?.map((s, i) => check(() => readRecipient(r, s, `recipients[${i}]`)));
  if (recipients?.length === 0) check(() => r.fail('recipients', 'atLeastOneRecipient'));
  const template = check(() => readTemplate(r, d.template));
  const repeat = check(() => readRepeat(r, d.repeat, trigger));
  const window = check(() => readWindow(r, d.window));
  if (problems.length > 0 || name === undefined || trigger === undefined || conditions === undefined || recipients === undefined || template === undefined || repeat === undefined || window === undefined) {
    return { rule: null, problems };
  }
  return {
    rule: { key: record.key, name, enabled: record.enabled, trigger, conditions: conditions as ReminderCondition[], recipients: recipients as RecipientSpec[], template, repeat, window },
    problems
  };
}

/** Reads one rule from its list record; throws a `ReminderRuleError` naming the first thing wrong. */
export function parseRule(record: ReminderRuleRecord): ReminderRule {
  const { rule, problems } = readRule(record);
  if (rule === null) throw problems[0];
  return rule;
}

/** Reads every rule; rules that cannot be read are returned as errors, and the rest still work. */
export function parseRules(records: readonly ReminderRuleRecord[]): { rules: ReminderRule[]; errors: ReminderRuleError[] } {
  const rules: ReminderRule[] = [];
  const errors: ReminderRuleError[] = [];
  const keys = new Set<string>();
  for (const record of records) {
    try {
      if (keys.has(record.key)) throw new ReminderRuleError(record.key, 'key', { code: 'duplicateKey', args: [] });
      keys.add(record.key);
      rules.push(parseRule(record));
    } catch (e) {
      if (!(e instanceof ReminderRuleError)) throw e;
      errors.push(e);
    }
  }
  return { rules, errors };
}

/** The list record of a rule: what set-up writes into the Reminder Rules list. */
export function ruleRecord(rule: ReminderRule): ReminderRuleRecord {
  const { trigger, conditions, recipients, template, repeat, window } = rule;
  return { key: rule.key, name: rule.name, enabled: rule.enabled, definition: JSON.parse(JSON.stringify({ trigger, conditions, recipients, template, repeat, window })) as Json };
}
