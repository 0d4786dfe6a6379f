/**
 * Where in a reminder rule a problem is, named by the rule form's field labels (loc `Reminders`)
 * rather than by core's path into the stored definition: `recipients[0].person.email` reads
 * "Recipient 1, E-mail", `window.quietHours.start` "Quiet from (HH:MM)".
 */
import { format } from '../common/intl';
import type { ReminderWords } from './ruleRun';

/** The form's labels, by the words' key. */
type Label = { [K in keyof ReminderWords]: ReminderWords[K] extends string ? K : never }[keyof ReminderWords];

/** A path outside the numbered rows, by the label of its field (or, for a whole part, its section). */
const FIELDS: Readonly<Record<string, Label>> = {
  key: 'Key',
  name: 'Name',
  definition: 'WhenSection',
  trigger: 'Trigger',
  'trigger.kind': 'Trigger',
  'trigger.field': 'Field',
  'trigger.from': 'From',
  'trigger.to': 'To',
  conditions: 'OnlyForSection',
  recipients: 'WhoSection',
  template: 'MessageSection',
  'template.title': 'Title',
  'template.message': 'Message',
  repeat: 'Repeat',
  'repeat.kind': 'Repeat',
  'repeat.days': 'EveryDays',
  window: 'HowOftenSection',
  'window.workingDaysOnly': 'WorkingDaysOnly',
  'window.quietHours': 'QuietHours',
  'window.quietHours.start': 'QuietFrom',
  'window.quietHours.end': 'QuietUntil'
};

/** A field of a condition's or a recipient's row (`person.` dropped: the form shows a person's name and e-mail as the row's); none for the row itself. */
const ROW_FIELDS: Readonly<Record<string, Label | null>> = {
  '': null,
  kind: null,
  person: null,
  days: 'Days',
  in: 'Values',
  name: 'Name',
  email: 'Email',
  webhookUrl: 'WebhookUrl'
};

/** The form's label for a path core's rule reader names; the path itself for one the form has no field for. */
export function ruleFieldLabel(path: string, words: ReminderWords): string {
  const row = /^(conditions|recipients)\[(\d+)\](?:\.(?:person\.)?([a-zA-Z]+))?/.exec(path);
  if (row === null) {
    const label = FIELDS[path];
    return label === undefined ? path : words[label];
  }
  const name = format(row[1] === 'conditions' ? words.Condition : words.Recipient, Number(row[2]) + 1);
  const field = ROW_FIELDS[row[3] ?? ''];
  return field === undefined ? path : field === null ? name : format(words.FieldOf, name, words[field]);
}
