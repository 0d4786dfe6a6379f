/**
 * What can be wrong with a reminder rule, by code: the rule designer words each from `loc`, while
 * the reminder service's errors and logs use core's English ({@link ruleProblemText}).
 */
import { englishText } from '../messages';
import type { Message } from '../messages';

/**
 * The loop guard's reason. A rule's only action is a card and a Reminder Log entry, and the engine
 * never reads the log for triggers, so no rule sets itself off through its action. The reminder
 * service does write items itself, though: the daily sweep rewrites the stored traffic light, and a
 * forged decision is withdrawn. A trigger on "any new version" would fire on those writes — Power
 * Automate's "when an item is modified" loop — so it is refused. Field triggers compare the item's
 * facts (the derived colour, never the stored copy), which the sweep's write leaves as they were.
 */
export const ANY_CHANGE_LOOP =
  "a rule on any change to the item would be set off by the reminder service's own writes (the daily sweep's stored traffic light, a withdrawn decision): choose the field to watch instead";

/** Each problem in core's English, `{0}`… its values (the loc typings name them). */
export const RULE_PROBLEM_ENGLISH = {
  object: 'expected an object',
  list: 'expected a list',
  someText: 'expected some text',
  text: 'expected text',
  /** `{0}`: the fewest days; `{1}`: the most. */
  days: 'expected a whole number of days from {0} to {1}',
  /** `{0}`: the allowed values, quoted and separated by commas. */
  oneOf: 'expected one of {0}',
  atLeastOneValue: 'expected at least one value',
  /** `{0}`: the text given. */
  email: "'{0}' is not an e-mail address",
  anyChangeLoop: ANY_CHANGE_LOOP,
  reportId: 'expected a report id',
  atLeastOneReport: 'expected at least one report id',
  atLeastOneDirectorate: 'expected at least one directorate',
  webhookUrl: 'expected the Teams Workflows webhook URL (https://…)',
  trueOrFalse: 'expected true or false',
  /** `{0}`: the text given. */
  timeOfDay: "Not a time of day (HH:MM, 24-hour): '{0}'",
  repeatScheduleOnly: 'only a schedule rule can repeat: a change happens once',
  keyPattern: 'expected 1 to 60 lower-case letters, digits and hyphens',
  duplicateKey: 'another rule already has this key',
  atLeastOneRecipient: 'expected at least one recipient',
  keyTaken: 'another rule already has this key; a key is never reused, so choose a new one'
} as const;
export type RuleProblemCode = keyof typeof RULE_PROBLEM_ENGLISH;

/** A problem with a rule, by code and the values it names. */
export type RuleProblem = Message<RuleProblemCode>;

/** A problem in core's English. */
export function ruleProblemText(problem: RuleProblem): string {
  return englishText(problem, RULE_PROBLEM_ENGLISH);
}
