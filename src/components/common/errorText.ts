/**
 * A failure as the screens show it: the data layer's problems (src/data/errors.ts), core's
 * refused transitions and a round's refusals worded from the shared `loc` by code, with what was being done and
 * SharePoint's own words as their values; any other error as its own message. Each kind's
 * templates are typed here as a record of its codes, so a code without its words in
 * `mystrings.d.ts` does not compile.
 */
import { RoundRequestError } from '../../core/round';
import { SendAgainError } from '../../core/reminders/history';
import { TransitionError } from '../../core/transitions';
import { DataError, dataProblemText } from '../../data/errors';
import type { DataProblemCode, DataWords, OperationCode } from '../../data/errors';
import { needsText, roundProblemText, screenWords, sendAgainRefusalText, transitionText } from './messages';
import type { TrackerStrings } from './strings';

/** The shared strings that word a failure. */
export type ErrorStrings = Pick<TrackerStrings, 'CoreMessages' | 'Values' | 'DataMessages' | 'RoundProblems' | 'ValueProblems' | 'RunHistory'>;

/** The loc's words for the data layer's problems. */
function dataWords(strings: ErrorStrings): DataWords {
  const templates: Readonly<Record<DataProblemCode, string>> = strings.DataMessages.Problems;
  const operations: Readonly<Record<OperationCode, string>> = strings.DataMessages.Operations;
  return { ...screenWords(templates, strings), operations, needs: (problems) => needsText(problems, strings) };
}

/** What went wrong, in the reader's words. */
export function errorText(e: unknown, strings: ErrorStrings): string {
  if (e instanceof DataError) return dataProblemText(e, dataWords(strings));
  if (e instanceof TransitionError) return transitionText(e.problem, strings);
  if (e instanceof SendAgainError) return sendAgainRefusalText(e.refusal, strings);
  if (e instanceof RoundRequestError) return e.problems.map((p) => roundProblemText(p, strings)).join(' ');
  return e instanceof Error ? e.message : String(e);
}
