/**
 * Messages core produces by code (src/core/messages.ts), worded from the shared `loc`
 * (`CoreMessages`). Each kind's templates are typed here as a record of its codes, so a code
 * without its words in `mystrings.d.ts` does not compile.
 */
import { messageText } from '../../core/messages';
import type { LinkProblem, LinkProblemCode } from '../../core/links';
import type { Message, MessageWords, Phrase } from '../../core/messages';
import type { ValueProblem, ValueProblemCode } from '../../core/storedValues';
import type { ItemProblem } from '../../schema/mapping';
import type { LogFailure, LogProblem, LogProblemCode, RuleProblem, RuleProblemCode, TemplateField, Unreachable, UnreachableCode } from '../../core/reminders';
import type { RoundProblem, RoundProblemCode } from '../../core/round';
import type { SendAgainRefusal, SendAgainRefusalCode } from '../../core/reminders/history';
import { disagreementKind } from '../../core/status';
import type { ColourReason, ColourReasonCode, ConfidenceDisagreement, DisagreementCode, DisagreementKind, RagPolicy } from '../../core/status';
import type { TransitionProblem, TransitionProblemCode } from '../../core/transitions';
import { format, longDate, plural } from './intl';
import type { TrackerStrings } from './strings';
import { displayValue } from './values';

/** The shared strings' words for core's messages, and the names of the statuses they may name. */
export type CoreMessageStrings = Pick<TrackerStrings, 'CoreMessages' | 'Values'>;

/** The screens' words for messages of one kind (core's `englishWords`, in the loc's words): the templates, phrases, dates, day counts and statuses. */
export function screenWords<C extends string>(templates: Readonly<Record<C, string>>, strings: CoreMessageStrings): MessageWords<C> {
  const phrases: Readonly<Record<Phrase, string>> = strings.CoreMessages.Phrases;
  return {
    templates,
    phrases,
    date: longDate,
    days: (n) => plural(strings.CoreMessages.Days, n),
    lifecycle: (value) => displayValue(strings.Values, 'lifecycle', value)
  };
}

function text<C extends string>(message: Message<C>, templates: Readonly<Record<C, string>>, strings: CoreMessageStrings): string {
  return messageText(message, screenWords(templates, strings));
}

/** A problem with a reminder rule, as core writes it (lower-case start, for "Not run: …"). */
export function ruleProblemText(problem: RuleProblem, strings: CoreMessageStrings): string {
  return text<RuleProblemCode>(problem, strings.CoreMessages.RuleProblems, strings);
}

/** A problem with a reminder rule as a sentence on the form: its first letter a capital. */
export function ruleProblemSentence(problem: RuleProblem, strings: CoreMessageStrings): string {
  const t = ruleProblemText(problem, strings);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Why a change of status was refused. */
export function transitionText(problem: TransitionProblem, strings: CoreMessageStrings): string {
  return text<TransitionProblemCode>(problem, strings.CoreMessages.Transitions, strings);
}

/** Why the rules give an item its colour. */
export function colourReasonText(reason: ColourReason, strings: CoreMessageStrings): string {
  return text<ColourReasonCode>(reason, strings.CoreMessages.ColourReasons, strings);
}

/** How an owner's High confidence disagrees with the facts, in full. */
export function disagreementText(disagreement: ConfidenceDisagreement, strings: CoreMessageStrings): string {
  return text<DisagreementCode>(disagreement, strings.CoreMessages.Disagreements, strings);
}

/** The same, in short. */
export function disagreementFlag(disagreement: ConfidenceDisagreement, strings: CoreMessageStrings): string {
  const flags: Readonly<Record<DisagreementKind, string>> = strings.CoreMessages.DisagreementFlags;
  return flags[disagreementKind(disagreement)];
}

/** Which deadline makes an item RED under the policy. */
export function ragPolicyText(policy: RagPolicy, strings: CoreMessageStrings): string {
  const statements: Readonly<Record<RagPolicy['overdueAgainst'], string>> = strings.CoreMessages.RagPolicies;
  return statements[policy.overdueAgainst];
}

/** Why a reminder's recipient cannot be reached. */
export function unreachableText(problem: Unreachable, strings: CoreMessageStrings): string {
  return text<UnreachableCode>(problem, strings.CoreMessages.Unreachable, strings);
}

/** Why a reminder failed, as its Reminder Log entry keeps it by code. */
export function logProblemText(problem: LogProblem, strings: CoreMessageStrings & Pick<TrackerStrings, 'RunHistory'>): string {
  const words = strings.RunHistory;
  return text<LogProblemCode>(problem, { ...strings.CoreMessages.Unreachable, unreadable: words.Unreadable, refused: words.Refused }, strings);
}

/**
 * Why a reminder failed, on screen: its problem worded from loc, or, for entries of older versions
 * and errors a retry met, the service's English as it is; null when nothing says why.
 */
export function logFailureText(failure: LogFailure, strings: CoreMessageStrings & Pick<TrackerStrings, 'RunHistory'>): string | null {
  if (failure.problem === null) return failure.reason;
  const problem = logProblemText(failure.problem, strings);
  return failure.notSentAgain ? format(strings.RunHistory.NotSentAgain, problem) : problem;
}

/** What a value a reminder's message may use holds. */
export function templateFieldHolds(field: TemplateField, strings: CoreMessageStrings): string {
  const holds: Readonly<Record<TemplateField, string>> = strings.CoreMessages.TemplateFields;
  return holds[field];
}

/** Why an address was refused, from the shared `loc` (`LinkProblems`). */
export function linkProblemText(problem: LinkProblem, strings: Pick<TrackerStrings, 'CoreMessages' | 'Values' | 'LinkProblems'>): string {
  return text<LinkProblemCode>(problem, strings.LinkProblems, strings);
}

/** Why a round cannot be opened, closed or have its paper issued, from the shared `loc` (`RoundProblems`). */
export function roundProblemText(problem: RoundProblem, strings: Pick<TrackerStrings, 'CoreMessages' | 'Values' | 'RoundProblems'>): string {
  return text<RoundProblemCode>(problem, strings.RoundProblems, strings);
}

/** The shared strings that say what an item needs. */
export type ValueStrings = Pick<TrackerStrings, 'CoreMessages' | 'Values' | 'ValueProblems'>;

/** What is wrong with a value SharePoint holds, from the shared `loc` (`ValueProblems`). */
export function valueProblemText(problem: ValueProblem, strings: ValueStrings): string {
  return text<ValueProblemCode>(problem, strings.ValueProblems.Codes, strings);
}

/** A column and what is wrong with it ("Kind is empty but required"). */
export function columnProblemText(problem: ItemProblem, strings: ValueStrings): string {
  return format(strings.ValueProblems.ColumnProblem, problem.field, valueProblemText(problem.problem, strings));
}

/** What an item needs, in one line: each column's problem. */
export function needsText(problems: readonly ItemProblem[], strings: ValueStrings): string {
  return problems.map((p) => columnProblemText(p, strings)).join(strings.ValueProblems.Separator);
}

/** Why a reminder cannot be sent again, from the shared `loc` (`RunHistory`). */
export function sendAgainRefusalText(refusal: SendAgainRefusal, strings: Pick<TrackerStrings, 'CoreMessages' | 'Values' | 'RunHistory'>): string {
  return format(strings.RunHistory.CannotSendAgain, text<SendAgainRefusalCode>(refusal, strings.RunHistory.SendAgainRefusals, strings));
}
