/**
 * Messages core writes for people, kept as a code and the values it names, so that each screen
 * words them from its web part's `loc` (a Welsh locale is then a translation) while the reminder
 * service, the logs and the committee paper keep core's English ({@link englishText}).
 *
 * A value is text or a number as it is, a date (written in the reader's language), a count of days
 * (a plural), a phrase of its own by code ({@link PHRASE_ENGLISH}), or a status as stored (which
 * the screens show by the locale's name for it).
 */
import { formatUkDate } from './dates';
import { fill } from './fill';
import type { IsoDate, Lifecycle } from './model';

/** The phrases messages name by code: the step refused, the route to take, a role, a kind of deadline. */
export const PHRASE_ENGLISH = {
  actApproveClosure: 'approve its closure',
  actReturnClosure: 'return its closure request',
  actDecideExtension: 'decide its extension',
  routeRequestClosure: 'Request closure with evidence instead.',
  routeApproveClosure: 'Approve the closure request instead.',
  routeRequestThenApprove: 'Request closure with evidence, then have it approved.',
  routeApproveOrReturn: 'Approve or return the closure request instead.',
  routeReopen: 'Re-open it with a reason instead.',
  routeAlready: 'It is already in that state.',
  roleOwner: 'owner',
  roleSro: 'SRO',
  roleApprover: 'approver',
  roleNamedPerson: 'named person',
  deadline: 'deadline',
  originalDeadline: 'original deadline',
  nationalBody: 'a national body',
  anotherBody: 'another body'
} as const;
export type Phrase = keyof typeof PHRASE_ENGLISH;

/** A value a message names. */
export type MessageArg = string | number | { date: IsoDate } | { days: number } | { phrase: Phrase } | { lifecycle: Lifecycle };

/** A message by its code, with the values its `{0}`-style placeholders take, in order. */
export interface Message<C extends string> {
  readonly code: C;
  readonly args: readonly MessageArg[];
}

/** The words that write messages of one kind: a template per code, the phrases, dates, day counts and statuses. */
export interface MessageWords<C extends string> {
  templates: Readonly<Record<C, string>>;
  phrases: Readonly<Record<Phrase, string>>;
  date: (date: IsoDate) => string;
  days: (days: number) => string;
  lifecycle: (value: Lifecycle) => string;
}

/** A message in the given words. */
export function messageText<C extends string>(message: Message<C>, words: MessageWords<C>): string {
  const value = (a: MessageArg): string | number => {
    if (typeof a !== 'object') return a;
    if ('date' in a) return words.date(a.date);
    if ('days' in a) return words.days(a.days);
    if ('lifecycle' in a) return words.lifecycle(a.lifecycle);
    return words.phrases[a.phrase];
  };
  return fill(words.templates[message.code], ...message.args.map(value));
}

/** Core's English words for messages of one kind. */
export function englishWords<C extends string>(templates: Readonly<Record<C, string>>): MessageWords<C> {
  return { templates, phrases: PHRASE_ENGLISH, date: formatUkDate, days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`, lifecycle: (l) => l };
}

/** A message in core's English, with the templates of its kind. */
export function englishText<C extends string>(message: Message<C>, templates: Readonly<Record<C, string>>): string {
  return messageText(message, englishWords(templates));
}
