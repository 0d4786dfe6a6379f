/**
 * The rule designer's core: every invalid definition is refused with a message naming its field,
 * definitions round-trip between the list record and the form, and the loop guard refuses a
 * trigger the service's own writes would set off.
 */
import { ANY_CHANGE_LOOP, DEFAULT_RULES, NEW_RULE_FORM, formRecord, parseRules, readRule, ruleForm, ruleProblemText, ruleRecord, validateRuleForm } from '../../src/core/reminders';
import type { FormProblem, RuleFormState } from '../../src/core/reminders';
import { ruleProblemSentence } from '../../src/components/common/messages';
import { ruleFieldLabel } from '../../src/components/reminders/ruleFieldLabel';
import type { TrackerStrings } from '../../src/components/common/strings';
import { locFile, readLocStrings } from '../../src/workbench/loc';

let strings: TrackerStrings;
beforeAll(async () => {
  strings = await readLocStrings<TrackerStrings>(locFile('shared'));
});

/** A form problem as the rule designer shows it, in the en-GB words of loc. */
const shown = (p: FormProblem): { path: string; at: string; message: string } => ({ path: p.path, at: ruleFieldLabel(p.path, strings.Reminders), message: ruleProblemSentence(p.problem, strings) });
import type { ReminderRuleRecord } from '../../src/core/model';

const base = ruleRecord(DEFAULT_RULES[0]);
const definition = base.definition;

/** The default rule with one part of its definition replaced. */
const withPart = (part: string, value: unknown): ReminderRuleRecord => ({ ...base, definition: { ...definition, [part]: value } });

const INVALID: [string, ReminderRuleRecord, string, RegExp][] = [
  ['a key with capitals', { ...base, key: 'Due Soon' }, 'key', /lower-case letters, digits and hyphens/],
  ['an empty name', { ...base, name: '  ' }, 'name', /expected some text/],
  ['no definition', { ...base, definition: [] as unknown as ReminderRuleRecord['definition'] }, 'definition', /expected an object/],
  ['no trigger', withPart('trigger', undefined), 'trigger', /expected an object/],
  ['an unknown trigger', withPart('trigger', { kind: 'itemDeleted' }), 'trigger.kind', /expected one of 'itemCreated', 'fieldChanged', 'schedule'/],
  ['a trigger on any change (the loop)', withPart('trigger', { kind: 'itemChanged' }), 'trigger.kind', /reminder service's own writes/],
  ['an unwatched field', withPart('trigger', { kind: 'fieldChanged', field: 'text' }), 'trigger.field', /expected one of 'trafficLight'/],
  ['a "from" that is not text', withPart('trigger', { kind: 'fieldChanged', field: 'trafficLight', from: 3 }), 'trigger.from', /expected text/],
  ['a "to" that is not text', withPart('trigger', { kind: 'fieldChanged', field: 'trafficLight', to: ['RED'] }), 'trigger.to', /expected text/],
  ['conditions that are not a list', withPart('conditions', {}), 'conditions', /expected a list/],
  ['an unknown condition', withPart('conditions', [{ kind: 'priority', in: ['High'] }]), 'conditions[0].kind', /expected one of/],
  ['a colour that does not exist', withPart('conditions', [{ kind: 'trafficLight', in: ['BLUE'] }]), 'conditions[0].in[0]', /'RED'/],
  ['a colour clause with no colour', withPart('conditions', [{ kind: 'trafficLight', in: [] }]), 'conditions[0].in', /at least one value/],
  ['an unknown status', withPart('conditions', [{ kind: 'lifecycle', in: ['Done'] }]), 'conditions[0].in[0]', /'Awaiting review'/],
  ['an unknown addressee', withPart('conditions', [{ kind: 'appliesTo', in: ['Council'] }]), 'conditions[0].in[0]', /'Force'/],
  ['an unknown kind', withPart('conditions', [{ kind: 'kind', in: ['Wish'] }]), 'conditions[0].in[0]', /'Recommendation'/],
  ['negative days due within', withPart('conditions', [{ kind: 'dueWithin', days: -1 }]), 'conditions[0].days', /from 0 to 3650/],
  ['zero days overdue', withPart('conditions', [{ kind: 'overdueBy', days: 0 }]), 'conditions[0].days', /from 1 to 3650/],
  ['days as words', withPart('conditions', [{ kind: 'noUpdateFor', days: 'a month' }]), 'conditions[0].days', /whole number of days/],
  ['fractional days', withPart('conditions', [{ kind: 'noUpdateFor', days: 1.5 }]), 'conditions[0].days', /whole number of days/],
  ['a report that is not an id', withPart('conditions', [{ kind: 'report', in: ['PEEL'] }]), 'conditions[0].in[0]', /report id/],
  ['a report clause with no report', withPart('conditions', [{ kind: 'report', in: [] }]), 'conditions[0].in', /at least one report id/],
  ['a blank directorate', withPart('conditions', [{ kind: 'directorate', in: [' '] }]), 'conditions[0].in[0]', /expected some text/],
  ['a directorate clause with none', withPart('conditions', [{ kind: 'directorate', in: [] }]), 'conditions[0].in', /at least one directorate/],
  ['no recipients', withPart('recipients', []), 'recipients', /at least one recipient/],
  ['recipients that are not a list', withPart('recipients', 'owner'), 'recipients', /expected a list/],
  ['an unknown recipient', withPart('recipients', [{ kind: 'everyone' }]), 'recipients[0].kind', /expected one of/],
  ['a person with no name', withPart('recipients', [{ kind: 'person', person: { name: '', email: 'a@b.uk' } }]), 'recipients[0].person.name', /some text/],
  ['a person with a bad address', withPart('recipients', [{ kind: 'person', person: { name: 'Sam', email: 'sam' } }]), 'recipients[0].person.email', /not an e-mail address/],
  ['a group with a bad address', withPart('recipients', [{ kind: 'group', name: 'Board', email: 'board@' }]), 'recipients[0].email', /not an e-mail address/],
  ['a channel without https', withPart('recipients', [{ kind: 'channel', name: 'Board', webhookUrl: 'ftp://x' }]), 'recipients[0].webhookUrl', /webhook URL/],
  ['a channel with no name', withPart('recipients', [{ kind: 'channel', name: '', webhookUrl: 'https://x.example' }]), 'recipients[0].name', /some text/],
  ['no title', withPart('template', { title: '', message: 'Hello' }), 'template.title', /some text/],
  ['no message', withPart('template', { title: 'Hello' }), 'template.message', /some text/],
  ['an unknown repeat', withPart('repeat', { kind: 'daily' }), 'repeat.kind', /'once', 'every'/],
  ['a repeat of no days', withPart('repeat', { kind: 'every', days: 0 }), 'repeat.days', /from 1 to 3650/],
  ['a change rule that repeats', { ...ruleRecord(DEFAULT_RULES[4]), definition: { ...ruleRecord(DEFAULT_RULES[4]).definition, repeat: { kind: 'every', days: 7 } } }, 'repeat', /only a schedule rule can repeat/],
  ['working days not a yes or no', withPart('window', { workingDaysOnly: 'yes', quietHours: null }), 'window.workingDaysOnly', /true or false/],
  ['quiet hours from a bad time', withPart('window', { workingDaysOnly: true, quietHours: { start: '7pm', end: '08:00' } }), 'window.quietHours.start', /HH:MM/],
  ['quiet hours to a bad time', withPart('window', { workingDaysOnly: true, quietHours: { start: '18:00', end: '25:00' } }), 'window.quietHours.end', /HH:MM/]
];

describe('every invalid definition gets a message naming the field', () => {
  it.each(INVALID)('%s: %s', (_what, record, path, words) => {
    const { rule, problems } = readRule(record);
    expect(rule).toBeNull();
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(ruleProblemText(problems[0].problem)).toMatch(words);
    expect(problems[0].message).toContain(`${record.key}', ${path}: `);
    // On screen the place is the form's label for the field, never core's path.
    expect(ruleFieldLabel(path, strings.Reminders)).not.toBe(path);
  });

  it('names the place by the form’s labels', () => {
    const at = (path: string): string => ruleFieldLabel(path, strings.Reminders);
    expect(['recipients[0].person.email', 'recipients[1].webhookUrl', 'conditions[2].in[0]', 'conditions[0].kind', 'window.workingDaysOnly', 'repeat.days', 'trigger.field'].map(at)).toEqual([
      'Recipient 1, E-mail',
      'Recipient 2, Workflows webhook URL',
      'Condition 3, Values',
      'Condition 1',
      'Working days only (Monday to Friday, not bank holidays)',
      'Every (days)',
      'Field'
    ]);
  });

  it('reports every problem of a definition at once, not only the first', () => {
    const record = { ...base, name: '', definition: { ...definition, template: { title: '', message: '' }, window: { workingDaysOnly: true, quietHours: { start: 'noon', end: '08:00' } } } };
    expect(readRule(record).problems.map((p) => p.path)).toEqual(['name', 'template.title', 'window.quietHours.start']);
  });

  it('says the same through the form, with the other rules’ keys', () => {
    const form: RuleFormState = { ...ruleForm(base), repeatDays: 'weekly', repeat: 'every', recipients: [{ kind: 'person', name: 'Sam', email: 'sam', webhookUrl: '' }] };
    const { rule, problems } = validateRuleForm(form, ['due-in-14-days']);
    expect(rule).toBeNull();
    expect(problems.map(shown)).toEqual([
      { path: 'key', at: 'Key', message: 'Another rule already has this key; a key is never reused, so choose a new one' },
      { path: 'recipients[0].person.email', at: 'Recipient 1, E-mail', message: "'sam' is not an e-mail address" },
      { path: 'repeat.days', at: 'Every (days)', message: 'Expected a whole number of days from 1 to 3650' }
    ]);
  });
});

describe('definitions round-trip between the list record and the form', () => {
  it.each(DEFAULT_RULES.map((r) => [r.key, r] as const))('%s', (_key, rule) => {
    const record = ruleRecord(rule);
    const form = ruleForm(record);
    expect(formRecord(form)).toEqual(record);
    expect(ruleForm(formRecord(form))).toEqual(form);
    expect(validateRuleForm(form, [])).toEqual({ rule, problems: [] });
  });

  it('keeps every kind of trigger, condition and recipient', () => {
    const form: RuleFormState = {
      ...NEW_RULE_FORM,
      key: 'everything',
      name: 'Everything the form can say',
      enabled: false,
      trigger: 'fieldChanged',
      field: 'closure',
      from: '',
      to: '*',
      conditions: [
        { kind: 'report', values: ['3', '7'], days: '' },
        { kind: 'directorate', values: ['Crime', 'Public Protection'], days: '' },
        { kind: 'kind', values: ['Area for improvement'], days: '' },
        { kind: 'overdueBy', values: [], days: '7' }
      ],
      recipients: [
        { kind: 'approver', name: '', email: '', webhookUrl: '' },
        { kind: 'person', name: 'Sam Lee', email: 'sam.lee@force.police.uk', webhookUrl: '' },
        { kind: 'group', name: 'Board', email: 'board@force.police.uk', webhookUrl: '' },
        { kind: 'channel', name: 'Crime board', email: '', webhookUrl: 'https://prod.westeurope.logic.azure.com/workflows/1' }
      ],
      title: '${ref}',
      message: 'Closure ${lifecycle}',
      quietHours: false
    };
    const record = formRecord(form);
    expect(record.definition.conditions).toEqual([
      { kind: 'report', in: [3, 7] },
      { kind: 'directorate', in: ['Crime', 'Public Protection'] },
      { kind: 'kind', in: ['Area for improvement'] },
      { kind: 'overdueBy', days: 7 }
    ]);
    expect(ruleForm(record)).toEqual({ ...form, quietStart: NEW_RULE_FORM.quietStart, quietEnd: NEW_RULE_FORM.quietEnd });
    const { rule, problems } = validateRuleForm(form, []);
    expect(problems).toEqual([]);
    expect(rule && ruleRecord(rule)).toEqual(record);
  });

  it('opens a definition written wrongly by hand, keeping what it can read', () => {
    const form = ruleForm({ key: 'hand-made', name: 'By hand', enabled: true, definition: { trigger: { kind: 'fieldChanged', field: 'lifecycle', to: 'Closed by the force' }, recipients: 'owner', window: { workingDaysOnly: false } } });
    expect(form).toMatchObject({ trigger: 'fieldChanged', field: 'lifecycle', from: null, to: 'Closed by the force', recipients: [], workingDaysOnly: false, quietHours: false, title: '' });
  });
});

describe('the loop guard', () => {
  it('refuses a trigger on any change, saying why', () => {
    const { problems } = validateRuleForm({ ...ruleForm(base), key: 'any-change', trigger: 'itemChanged', repeat: 'once' }, []);
    expect(problems.map(shown)).toEqual([{ path: 'trigger.kind', at: 'Trigger', message: ANY_CHANGE_LOOP.charAt(0).toUpperCase() + ANY_CHANGE_LOOP.slice(1) }]);
  });

  it('keeps such a rule out of the engine when it was written into the list by hand, and runs the others', () => {
    const loop = { ...ruleRecord(DEFAULT_RULES[4]), key: 'any-change-sro', definition: { ...ruleRecord(DEFAULT_RULES[4]).definition, trigger: { kind: 'itemChanged' } } };
    const { rules, errors } = parseRules([loop, ruleRecord(DEFAULT_RULES[4])]);
    expect(rules.map((r) => r.key)).toEqual(['turned-red-sro']);
    expect(errors.map((e) => e.message)).toEqual([`Reminder rule 'any-change-sro', trigger.kind: ${ANY_CHANGE_LOOP}`]);
  });
});
