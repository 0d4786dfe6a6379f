/**
 * Rule evaluation: given an event about an item (created, changed, or the daily sweep), which
 * reminders are due, to whom, under which idempotency key, and not before when.
 *
 * Occurrences make repeats and restarts safe: the same rule on the same item in the same
 * circumstances always yields the same occurrence, hence the same key.
 * - Event triggers: `created`, or `v<version>` for the version that made the change.
 * - Schedule, `once`: the anchor of the condition (`due:<date>` for due / overdue clauses,
 *   `upd:<date>` for no-update clauses, else `once`), so a revised due date or a new update
 *   starts a new episode.
 * - Schedule, `every N days`: the anchor and the number of whole periods since the condition
 *   began to hold (`due:2026-03-31#2`). A service that was down for several periods sends only the
 *   current period's reminder: the earlier ones would say the same thing, later.
 * - A colour reached by the passing of time (found by the sweep): `due:<date>` of the due date that
 *   went by.
 * A schedule rule limited to working days is not evaluated on other days: its condition still
 * holds on the next working day, in the same period, so nothing is lost, and the reminder reflects
 * the item as it is then. A colour reached over a weekend is claimed when the sweep sees it, with
 * `notBefore` at the next allowed instant, so that a weekend never hides a change.
 */
import { addDays, daysBetween, formatUkDate } from '../dates';
import { englishText } from '../messages';
import type { Phrase } from '../messages';
import { isWorkingDay, nextAllowedInstant } from './calendar';
import { idempotencyKey, recipientId, roundOccurrence } from './keys';
import type { IsoDate, Person } from '../model';
import type {
  Recipient,
  RecipientSpec,
  ReminderCondition,
  ReminderData,
  ReminderIntent,
  ReminderRule,
  ReminderSubject,
  UnresolvedRecipient,
  Unreachable,
  UnreachableCode,
  WatchedField
} from './model';

/** What happened to an item. */
export type ReminderEvent =
  | { kind: 'created'; subject: ReminderSubject }
  | { kind: 'changed'; subject: ReminderSubject; previous: ReminderSubject; version: string }
  /** The daily sweep; `previous` is the same item's facts on the last swept day, when there was one. */
  | { kind: 'sweep'; subject: ReminderSubject; previous: ReminderSubject | null };

export interface EvaluationContext {
  /** The current instant (a simulated clock in tests). */
  now: Date;
  /** Today in London. */
  today: IsoDate;
  holidays?: readonly IsoDate[];
}

export interface EvaluationResult {
  intents: ReminderIntent[];
  unresolved: UnresolvedRecipient[];
}

/** The later of two ISO dates (they sort as text). */
const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The value of a watched field, as text ('' when empty). */
export function watchedValue(subject: ReminderSubject, field: WatchedField): string {
  switch (field) {
    case 'owner':
      return personKey(subject.owner);
    case 'sro':
      return personKey(subject.sro);
    case 'approver':
      return personKey(subject.approver);
    case 'dueDate':
      return subject.due ?? '';
    case 'directorate':
      return subject.directorate ?? '';
    default:
      return subject[field];
  }
}

function personKey(person: Person | null): string {
  return person ? (person.email ?? person.name).toLowerCase() : '';
}

function fieldChangeMatches(field: WatchedField, from: string | undefined, to: string | undefined, before: ReminderSubject | null, after: ReminderSubject): boolean {
  const was = before ? watchedValue(before, field) : '';
  const now = watchedValue(after, field);
  if (was === now) return false;
  const matches = (wanted: string | undefined, value: string): boolean => wanted === undefined || wanted === value || (wanted === '*' && value !== '');
  return matches(from, was) && matches(to, now);
}

/** Days from `since` (or the item's creation) to today; null when neither is known. */
function daysSinceUpdate(subject: ReminderSubject, today: IsoDate): number | null {
  const since = subject.lastUpdated ?? subject.created;
  return since === null ? null : daysBetween(since, today);
}

/** True when one clause holds for the item today. */
export function conditionHolds(condition: ReminderCondition, subject: ReminderSubject, today: IsoDate): boolean {
  switch (condition.kind) {
    case 'trafficLight':
      return condition.in.includes(subject.trafficLight);
    case 'lifecycle':
      return condition.in.includes(subject.lifecycle);
    case 'appliesTo':
      return condition.in.includes(subject.appliesTo);
    case 'dueWithin': {
      if (subject.due === null) return false;
      const days = daysBetween(today, subject.due);
      return days >= 0 && days <= condition.days;
    }
    case 'overdueBy':
      return subject.due !== null && daysBetween(subject.due, today) >= condition.days;
    case 'noUpdateFor': {
      const days = daysSinceUpdate(subject, today);
      return days !== null && days >= condition.days;
    }
    case 'kind':
      return condition.in.includes(subject.kind);
    case 'report':
      return subject.reportId !== null && condition.in.includes(subject.reportId);
    case 'directorate':
      return subject.directorate !== null && condition.in.some((d) => d.toLowerCase() === subject.directorate?.toLowerCase());
    case 'roundReplyDue': {
      const round = subject.round;
      if (!round || round.answered) return false;
      const days = daysBetween(today, round.replyBy);
      return days >= 0 && days <= condition.days;
    }
    case 'roundOverdueBy':
      return !!subject.round && !subject.round.answered && daysBetween(subject.round.replyBy, today) >= condition.days;
  }
}

/** The episode a dated clause belongs to, and the day it began to hold. */
function clauseEpisode(condition: ReminderCondition, subject: ReminderSubject): { anchor: string; start: IsoDate } | null {
  switch (condition.kind) {
    case 'dueWithin':
      return subject.due === null ? null : { anchor: `due:${subject.due}`, start: addDays(subject.due, -condition.days) };
    case 'overdueBy':
      return subject.due === null ? null : { anchor: `due:${subject.due}`, start: addDays(subject.due, condition.days) };
    case 'noUpdateFor': {
      const since = subject.lastUpdated ?? subject.created;
      return since === null ? null : { anchor: subject.lastUpdated ? `upd:${since}` : `new:${since}`, start: addDays(since, condition.days) };
    }
    // One episode per round: a round's reminder and escalation go once for each item.
    case 'roundReplyDue':
      return subject.round ? { anchor: roundOccurrence(subject.round.id), start: addDays(subject.round.replyBy, -condition.days) } : null;
    case 'roundOverdueBy':
      return subject.round ? { anchor: roundOccurrence(subject.round.id), start: addDays(subject.round.replyBy, condition.days) } : null;
    default:
      return null;
  }
}

/** The occurrence of a schedule rule today (see the module notes). */
export function scheduleOccurrence(rule: ReminderRule, subject: ReminderSubject, today: IsoDate): string {
  const episodes = rule.conditions.map((c) => clauseEpisode(c, subject)).filter((e): e is { anchor: string; start: IsoDate } => e !== null);
  const anchor = episodes.length === 0 ? 'once' : episodes.map((e) => e.anchor).join('+');
  if (rule.repeat.kind === 'once') return anchor;
  // Without a dated clause the periods count from a fixed day, so they are the same for every run.
  const start = episodes.length === 0 ? '2000-01-03' : episodes.map((e) => e.start).reduce(maxDate);
  const period = Math.floor(daysBetween(start, today) / rule.repeat.days);
  return `${episodes.length === 0 ? 'every' : anchor}#${period}`;
}

/** Whether the rule's trigger fires for the event, and with which occurrence. */
function triggerOccurrence(rule: ReminderRule, event: ReminderEvent, ctx: EvaluationContext): string | null {
  const t = rule.trigger;
  switch (event.kind) {
    case 'created':
      if (t.kind === 'itemCreated') return 'created';
      if (t.kind === 'fieldChanged' && fieldChangeMatches(t.field, t.from, t.to, null, event.subject)) return 'created';
      return null;
    case 'changed':
      if (t.kind === 'fieldChanged' && fieldChangeMatches(t.field, t.from, t.to, event.previous, event.subject)) return `v${event.version}`;
      return null;
    case 'sweep':
      if (t.kind === 'schedule') return rule.window.workingDaysOnly && !isWorkingDay(ctx.today, ctx.holidays) ? null : scheduleOccurrence(rule, event.subject, ctx.today);
      // Only the colour changes with time alone: a due date going by turns an item RED.
      if (t.kind === 'fieldChanged' && t.field === 'trafficLight' && event.previous && event.subject.due !== null) {
        return fieldChangeMatches(t.field, t.from, t.to, event.previous, event.subject) ? `due:${event.subject.due}` : null;
      }
      return null;
  }
}

/** Why a recipient cannot be reached, each in core's English, `{0}`… its values (the loc typings name them). */
export const UNREACHABLE_ENGLISH: Readonly<Record<UnreachableCode, string>> = {
  noPerson: 'The item has no {0}.',
  noEmail: "The {0} '{1}' has no e-mail address, so cannot be reached in Teams."
};

/** Why a recipient cannot be reached, in core's English (the Reminder Log's words). */
export function unreachableText(problem: Unreachable): string {
  return englishText(problem, UNREACHABLE_ENGLISH);
}

/** Resolves one recipient spec against the item; why not when it cannot be. */
export function resolveRecipient(spec: RecipientSpec, subject: ReminderSubject): Recipient | Unreachable {
  const person = (role: Phrase, p: Person | null): Recipient | Unreachable => {
    if (!p) return { kind: 'unreachable', code: 'noPerson', args: [{ phrase: role }] };
    if (!p.email) return { kind: 'unreachable', code: 'noEmail', args: [{ phrase: role }, p.name] };
    return { kind: 'user', address: p.email.toLowerCase(), name: p.name };
  };
  switch (spec.kind) {
    case 'owner':
      return person('roleOwner', subject.owner);
    case 'sro':
      return person('roleSro', subject.sro);
    case 'approver':
      return person('roleApprover', subject.approver);
    case 'person':
      return person('roleNamedPerson', spec.person);
    case 'group':
      return { kind: 'group', address: spec.email.toLowerCase(), name: spec.name };
    case 'channel':
      return { kind: 'channel', address: spec.webhookUrl, name: spec.name };
  }
}

/** The values a template can use, for one item and recipient today. */
export function reminderData(subject: ReminderSubject, recipient: Recipient, today: IsoDate): ReminderData {
  const toDue = subject.due === null ? null : daysBetween(today, subject.due);
  return {
    itemId: subject.itemId,
    ref: subject.ref,
    text: subject.text,
    kind: subject.kind,
    report: subject.reportTitle ?? '',
    directorate: subject.directorate ?? '',
    lifecycle: subject.lifecycle,
    trafficLight: subject.trafficLight,
    due: subject.due === null ? '' : formatUkDate(subject.due),
    daysToDue: toDue,
    daysOverdue: toDue === null ? null : Math.max(0, -toDue),
    lastUpdated: subject.lastUpdated === null ? 'never' : formatUkDate(subject.lastUpdated),
    daysSinceUpdate: daysSinceUpdate(subject, today),
    owner: subject.owner?.name ?? '',
    sro: subject.sro?.name ?? '',
    approver: subject.approver?.name ?? '',
    recipient: recipient.name,
    replyBy: subject.round ? formatUkDate(subject.round.replyBy) : ''
  };
}

/** Evaluates every enabled rule against one event. */
export function evaluateRules(rules: readonly ReminderRule[], event: ReminderEvent, ctx: EvaluationContext): EvaluationResult {
  const intents: ReminderIntent[] = [];
  const unresolved: UnresolvedRecipient[] = [];
  const subject = event.subject;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const occurrence = triggerOccurrence(rule, event, ctx);
    if (occurrence === null) continue;
    if (!rule.conditions.every((c) => conditionHolds(c, subject, ctx.today))) continue;
    const notBefore = nextAllowedInstant(ctx.now, rule.window, ctx.holidays).toISOString();
    const seen = new Set<string>();
    for (const spec of rule.recipients) {
      const recipient = resolveRecipient(spec, subject);
      if (recipient.kind === 'unreachable') {
        unresolved.push({ ruleKey: rule.key, itemId: subject.itemId, occurrence, spec: spec.kind, problem: recipient });
        continue;
      }
      // The owner may also be the SRO: one reminder each, not two.
      const id = recipientId(recipient);
      if (seen.has(id)) continue;
      seen.add(id);
      intents.push({
        key: idempotencyKey(rule.key, subject.itemKind, subject.itemId, occurrence, recipient),
        ruleKey: rule.key,
        itemId: subject.itemId,
        itemKind: subject.itemKind,
        occurrence,
        recipient,
        template: rule.template,
        data: reminderData(subject, recipient, ctx.today),
        notBefore
      });
    }
  }
  return { intents, unresolved };
}
