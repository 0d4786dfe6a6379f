/**
 * Reminder rules, Power-Automate style: a trigger, a condition over the item, recipients, a
 * message template, a repeat policy and a delivery window (working days, quiet hours in
 * Europe/London). Rules are data: admins keep them as JSON in the Reminder Rules list.
 */
import type { Message } from '../messages';
import type { AppliesTo, IsoDate, IsoInstant, Lifecycle, Person, RecommendationKind, TrafficLight } from '../model';

/** Fields of an item a `fieldChanged` trigger can watch, compared as text (see `watchedValue`). */
export const WATCHED_FIELDS = ['trafficLight', 'lifecycle', 'owner', 'sro', 'approver', 'dueDate', 'closure', 'extension', 'directorate', 'confidence'] as const;
export type WatchedField = (typeof WATCHED_FIELDS)[number];

/**
 * What makes a rule look at an item.
 * - `itemCreated`: the item was added to the list.
 * - `fieldChanged`: a watched field changed between two versions; `from` / `to` narrow it
 *   (`''` means empty, `'*'` any non-empty value, absent any value at all). A new item counts as a change from empty, so an
 *   item created RED "turned RED". A colour reached by the passing of time (a due date going by)
 *   is found by the daily sweep.
 * - `schedule`: the daily sweep, for date rules.
 * There is no trigger on any new version of the item: see `ANY_CHANGE_LOOP` (problems.ts).
 */
export type ReminderTrigger =
  | { kind: 'itemCreated' }
  | { kind: 'fieldChanged'; field: WatchedField; from?: string; to?: string }
  | { kind: 'schedule' };

/** One clause of a rule's condition; a rule's clauses must all hold. */
export type ReminderCondition =
  | { kind: 'trafficLight'; in: TrafficLight[] }
  | { kind: 'lifecycle'; in: Lifecycle[] }
  /** Whom the recommendation is addressed to: the force, a national body or another body. */
  | { kind: 'appliesTo'; in: AppliesTo[] }
  /** The current due date is today or within the next `days` days. */
  | { kind: 'dueWithin'; days: number }
  /** The current due date passed at least `days` days ago (1 = overdue at all). */
  | { kind: 'overdueBy'; days: number }
  /** No progress update for at least `days` days; an item never updated counts from its creation. */
  | { kind: 'noUpdateFor'; days: number }
  | { kind: 'kind'; in: RecommendationKind[] }
  /** The originating report, by list item id. */
  | { kind: 'report'; in: number[] }
  | { kind: 'directorate'; in: string[] }
  /** The item is in an open update round, not yet answered, and the round's reply-by date is today or within `days` days. */
  | { kind: 'roundReplyDue'; days: number }
  /** The item is in an open update round, not answered, and the reply-by date passed at least `days` days ago. */
  | { kind: 'roundOverdueBy'; days: number };

/** Who a rule notifies. */
export type RecipientSpec =
  | { kind: 'owner' }
  | { kind: 'sro' }
  | { kind: 'approver' }
  | { kind: 'person'; person: Person }
  /** A mail-enabled group (Microsoft 365 group or distribution list): e-mailed, as Teams has no group feed. */
  | { kind: 'group'; name: string; email: string }
  /** A Teams channel, through a Teams Workflows ("Post to a channel when a webhook request is received") URL. */
  | { kind: 'channel'; name: string; webhookUrl: string };

/** Once, or again every `days` days while the condition still holds. */
export type RepeatPolicy = { kind: 'once' } | { kind: 'every'; days: number };

/** When a reminder may reach people: London wall-clock time. */
export interface DeliveryWindow {
  /** Monday to Friday, not bank holidays in England and Wales. */
  workingDaysOnly: boolean;
  /** No delivery from `start` to `end` (`HH:MM`, may wrap midnight); null for any hour. */
  quietHours: { start: string; end: string } | null;
}

/** A reminder's words: Adaptive Card template expressions (`${ref}`, `${due}`) over `ReminderData`. */
export interface MessageTemplate {
  title: string;
  message: string;
}

export interface ReminderRule {
  /** Stable key, unique among rules; part of every idempotency key, so never reuse one. */
  key: string;
  name: string;
  enabled: boolean;
  trigger: ReminderTrigger;
  conditions: ReminderCondition[];
  recipients: RecipientSpec[];
  template: MessageTemplate;
  repeat: RepeatPolicy;
  window: DeliveryWindow;
}

/** What the rules see of an item: plain facts on a given day. */
export interface ReminderSubject {
  itemId: number;
  itemKind: 'recommendation' | 'action';
  ref: string;
  /** Plain text of the recommendation (HTML removed). */
  text: string;
  kind: RecommendationKind;
  /** Whom it is addressed to: the force's own, or a national or other body's. */
  appliesTo: AppliesTo;
  reportId: number | null;
  reportTitle: string | null;
  directorate: string | null;
  lifecycle: Lifecycle;
  trafficLight: TrafficLight;
  /** The current due date, when there is a date. */
  due: IsoDate | null;
  lastUpdated: IsoDate | null;
  /** When the item was added to the list (London date), if known. */
  created: IsoDate | null;
  owner: Person | null;
  sro: Person | null;
  approver: Person | null;
  /** '' | 'requested' | 'approved' | 'returned'. */
  closure: string;
  /** '' | 'requested' | 'approved' | 'refused'. */
  extension: string;
  confidence: string;
  /** The open update round the item is in (core/round), and whether it has been answered there. */
  round?: { id: number; replyBy: IsoDate; answered: boolean } | null;
}

/** A recipient resolved from a spec: somebody or somewhere to deliver to. */
export type Recipient =
  | { kind: 'user'; address: string; name: string }
  | { kind: 'group'; address: string; name: string }
  | { kind: 'channel'; address: string; name: string };

/** The values a message template may use. */
export interface ReminderData {
  itemId: number;
  ref: string;
  text: string;
  kind: string;
  report: string;
  directorate: string;
  lifecycle: string;
  trafficLight: string;
  /** Due date the UK way ("14 November 2017"), or '' with no date. */
  due: string;
  daysToDue: number | null;
  daysOverdue: number | null;
  /** Last update the UK way, or 'never'. */
  lastUpdated: string;
  daysSinceUpdate: number | null;
  owner: string;
  sro: string;
  approver: string;
  recipient: string;
  /** The reply-by date of the item's open update round the UK way, or '' when it is in none. */
  replyBy: string;
}

/** A reminder due to one recipient: the output of rule evaluation. */
export interface ReminderIntent {
  /** Idempotency key: rule, item, occurrence and recipient (see `idempotencyKey`). */
  key: string;
  ruleKey: string;
  itemId: number;
  itemKind: 'recommendation' | 'action';
  occurrence: string;
  recipient: Recipient;
  template: MessageTemplate;
  data: ReminderData;
  /** Not to be delivered before this instant (working days, quiet hours). */
  notBefore: IsoInstant;
}

/** Why a recipient cannot be reached: the item names nobody in the role, or someone without an e-mail address. */
export type UnreachableCode = 'noPerson' | 'noEmail';

/** A recipient that cannot be reached, by code: `{ phrase }` the role, then (for `noEmail`) the person's name. */
export interface Unreachable extends Message<UnreachableCode> {
  kind: 'unreachable';
}

/** A recipient whose spec could not be resolved (no owner, no e-mail): reported, never silently dropped. */
export interface UnresolvedRecipient {
  ruleKey: string;
  itemId: number;
  occurrence: string;
  spec: RecipientSpec['kind'];
  /** Why, by code: the Reminder Log writes it in core's English (`unreachableText`), the rule designer from loc. */
  problem: Unreachable;
}
