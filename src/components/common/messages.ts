/**
 * Messages core produces by code (src/core/messages.ts), worded from the shared `loc`
 * (`CoreMessages`). Each kind's templates are typed here as a record of its codes, so a code
 * without its words in `mystrings.d.ts` does not compile.
 */
import { formatUkDate } from '../../core/dates';
import { messageText } from '../../core/messages';
import type { LinkProblem, LinkProblemCode } from '../../core/links';
import type { Message, Phrase } from '../../core/messages';
import type { ValueProblem, ValueProblemCode } from '../../core/storedValues';
import type { ItemProblem } from '../../schema/mapping';
import type { RuleProblem, RuleProblemCode, TemplateField, Unreachable, UnreachableCode } from '../../core/reminders';
import type { RoundProblem, RoundProblemCode } from '../../core/round';
import type { ColourReason, ColourReasonCode, ConfidenceDisagreement, DisagreementCode, RagPolicy } from '../../core/status';
import type { TransitionProblem, TransitionProblemCode } from '../../core/transitions';
import { format, plural } from './intl';
import type { TrackerStrings } from './strings';

/** The shared strings' words for core's messages. */
export type CoreMessageStrings = TrackerStrings['CoreMessages'];

function text<C extends string>(message: Message<C>, templates: Readonly<Record<C, string>>, words: CoreMessageStrings): string {
  const phrases: Readonly<Record<Phrase, string>> = words.Phrases;
  return messageText(message, { templates, phrases, date: formatUkDate, days: (n) => plural(words.Days, n) });
}

/** A problem with a reminder rule, as core writes it (lower-case start, for "Not run: …"). */
export function ruleProblemText(problem: RuleProblem, words: CoreMessageStrings): string {
  return text<RuleProblemCode>(problem, words.RuleProblems, words);
}

/** A problem with a reminder rule as a sentence on the form: its first letter a capital. */
export function ruleProblemSentence(problem: RuleProblem, words: CoreMessageStrings): string {
  const t = ruleProblemText(problem, words);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Why a change of status was refused. */
export function transitionText(problem: TransitionProblem, words: CoreMessageStrings): string {
  return text<TransitionProblemCode>(problem, words.Transitions, words);
}

/** Why the rules give an item its colour. */
export function colourReasonText(reason: ColourReason, words: CoreMessageStrings): string {
  return text<ColourReasonCode>(reason, words.ColourReasons, words);
}

/** How an owner's High confidence disagrees with the facts, in full. */
export function disagreementText(disagreement: ConfidenceDisagreement, words: CoreMessageStrings): string {
  return text<DisagreementCode>(disagreement.message, words.Disagreements, words);
}

/** The same, in short. */
export function disagreementFlag(disagreement: ConfidenceDisagreement, words: CoreMessageStrings): string {
  const flags: Readonly<Record<ConfidenceDisagreement['reason'], string>> = words.DisagreementFlags;
  return flags[disagreement.reason];
}

/** Which deadline makes an item RED under the policy. */
export function ragPolicyText(policy: RagPolicy, words: CoreMessageStrings): string {
  const statements: Readonly<Record<RagPolicy['overdueAgainst'], string>> = words.RagPolicies;
  return statements[policy.overdueAgainst];
}

/** Why a reminder's recipient cannot be reached. */
export function unreachableText(problem: Unreachable, words: CoreMessageStrings): string {
  return text<UnreachableCode>(problem, words.Unreachable, words);
}

/** What a value a reminder's message may use holds. */
export function templateFieldHolds(field: TemplateField, words: CoreMessageStrings): string {
  const holds: Readonly<Record<TemplateField, string>> = words.TemplateFields;
  return holds[field];
}

/** Why an address was refused, from the shared `loc` (`LinkProblems`). */
export function linkProblemText(problem: LinkProblem, strings: Pick<TrackerStrings, 'CoreMessages' | 'LinkProblems'>): string {
  return text<LinkProblemCode>(problem, strings.LinkProblems, strings.CoreMessages);
}

/** Why a round cannot be opened, closed or have its paper issued, from the shared `loc` (`RoundProblems`). */
export function roundProblemText(problem: RoundProblem, strings: Pick<TrackerStrings, 'CoreMessages' | 'RoundProblems'>): string {
  return text<RoundProblemCode>(problem, strings.RoundProblems, strings.CoreMessages);
}

/** The shared strings that say what an item needs. */
export type ValueStrings = Pick<TrackerStrings, 'CoreMessages' | 'ValueProblems'>;

/** What is wrong with a value SharePoint holds, from the shared `loc` (`ValueProblems`). */
export function valueProblemText(problem: ValueProblem, strings: ValueStrings): string {
  return text<ValueProblemCode>(problem, strings.ValueProblems.Codes, strings.CoreMessages);
}

/** A column and what is wrong with it ("Kind is empty but required"). */
export function columnProblemText(problem: ItemProblem, strings: ValueStrings): string {
  return format(strings.ValueProblems.ColumnProblem, problem.field, valueProblemText(problem.problem, strings));
}

/** What an item needs, in one line: each column's problem. */
export function needsText(problems: readonly ItemProblem[], strings: ValueStrings): string {
  return problems.map((p) => columnProblemText(p, strings)).join(strings.ValueProblems.Separator);
}
