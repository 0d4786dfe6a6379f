/**
 * What can be wrong with a value SharePoint holds for an item, by code: the tracker's model cannot
 * read it, so the item "needs completing" (src/schema/mapping.ts names the column; the round's
 * JSON columns are checked by core/round/model.ts). Core's English is for the logs and the paper's
 * "left out" list; the screens word each code from loc (`ValueProblems`).
 */
import { englishText, type Message } from './messages';

export const VALUE_PROBLEM_ENGLISH = {
  /** `{0}`: the value as JSON. */
  expectedText: 'expected text, got {0}',
  emptyRequired: 'is empty but required',
  empty: 'is empty',
  /** `{0}`: the value; `{1}`: the choices, separated by commas. */
  notOneOf: "'{0}' is not one of {1}",
  /** `{0}`: the value as JSON. */
  expectedNumber: 'expected a number, got {0}',
  /** `{0}`: the value as JSON. */
  expectedIds: 'expected a list of ids, got {0}',
  /** `{0}`: the value as JSON. */
  expectedBoolean: 'expected true or false, got {0}',
  /** `{0}`: the value. */
  notDate: "'{0}' is not a date",
  /** `{0}`: the value. */
  notInstant: "'{0}' is not a date and time",
  /** `{0}`: the value as JSON. */
  expectedLink: 'expected a link, got {0}',
  invalidJson: 'does not hold valid JSON',
  expectedJsonArray: 'expected a JSON array',
  expectedJsonObject: 'expected a JSON object',
  expectedRoundItems: 'expected a list of items',
  /** `{0}`: the entry's number, from 1. */
  notRoundItem: 'item {0} is not an item id, reference, owner and SRO',
  expectedClosure: 'expected when and by whom the round was closed',
  expectedAnswered: 'expected the list of answered item ids',
  expectedPaperId: 'expected the paper id or null',
  expectedScope: 'expected the scope as an object',
  expectedReportIds: 'expected report ids',
  expectedDirectorates: 'expected the directorates as a list of text'
} as const;
export type ValueProblemCode = keyof typeof VALUE_PROBLEM_ENGLISH;
/** What is wrong with a stored value, by code and the values it names. */
export type ValueProblem = Message<ValueProblemCode>;

/** What is wrong with a stored value, in core's English ("is empty but required"). */
export function valueProblemText(problem: ValueProblem): string {
  return englishText(problem, VALUE_PROBLEM_ENGLISH);
}

/** A stored value checked: what it holds, or what is wrong with it (a {@link ValueProblem} unless said otherwise). */
export type Checked<T, P = ValueProblem> = { ok: true; value: T } | { ok: false; problem: P };

/** The value is wrong in this way. */
export function wrong(code: ValueProblemCode, ...args: (string | number)[]): { ok: false; problem: ValueProblem } {
  return { ok: false, problem: { code, args } };
}
