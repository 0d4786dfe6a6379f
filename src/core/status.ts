/**
 * Status rules: the traffic light derived from the facts, overdue and due-soon tests, staleness
 * ("update overdue") and the owner's confidence held against the facts.
 *
 * Traffic light, in order of precedence (City of London's committee definitions, see DOMAIN.md):
 * 1. RED set by hand ("cannot / will not be implemented") wins, but only with a rationale;
 * 2. GREEN once finished: "Closed by the force", "Discharged by the inspectorate", or "No further
 *    action" approved (as Lancashire's Chief of Staff approves it): nothing is left to deliver, so
 *    a finished item is never WHITE, whoever it was addressed to;
 * 3. WHITE when it is not the force's to deliver: addressed to a national or other body, or
 *    dependent on another organisation (`dependsOn`). WHITE is a flag beside the lifecycle, not a
 *    state: a WHITE item stays open, in the owner's work and reminders, until it is closed;
 * 4. GREEN when implemented and awaiting sign-off ("Complete, awaiting sign-off"): the colour
 *    measures delivery; sign-off is governance on top, tracked by the lifecycle and the closure
 *    request;
 * 5. RED when open past its due date (the current date by default, see {@link RagPolicy}), or
 *    open and "Awaiting new timescale": the timescale it had has run out and none is set;
 * 6. AMBER otherwise: ongoing work expected to be implemented.
 */
import { assertIsoDate, daysBetween, londonDate } from './dates';
import { UNCHECKED_TIMESCALE } from './dueDates';
import type { DueDate, IsoDate, Lifecycle, Recommendation, RecordedStatus, TrafficLight } from './model';
import { englishText } from './messages';
import type { Message } from './messages';
import type { Checked } from './storedValues';

/** Days without a progress update after which an open item's update is overdue. */
export const DEFAULT_STALE_DAYS = 30;

/**
 * Which due date makes an open item RED.
 * - `current`: the date now in force, after approved extensions (the product's rule, issue 2).
 * - `original`: the first committed date, as City of London's committee rates ("beyond designated
 *   deadline"): its 2017 paper shows "Original: April 2017 Now due: February 2018" items as RED.
 */
export interface RagPolicy {
  overdueAgainst: 'current' | 'original';
}

export const DEFAULT_RAG_POLICY: RagPolicy = { overdueAgainst: 'current' };

/** The Tracker Settings key that holds the site's {@link RagPolicy} ('original' or 'current'). */
export const RAG_POLICY_SETTING = 'RagOverdueAgainst';

/** Why a Tracker Settings value names no policy: `{0}` the value, `{1}` the setting's key (the data layer's `ragPolicy` problem). */
export const RAG_POLICY_PROBLEM_ENGLISH = "Tracker Settings holds '{0}' under {1}: expected 'original' or 'current'. A site owner can choose again in the tracker's settings.";

/** Why a Tracker Settings value names no policy, by code and the values it names: the value, then the setting's key. */
export type RagPolicyProblem = Message<'ragPolicy'>;

/**
 * The policy a Tracker Settings value names: 'original' or 'current' (any case); the default when
 * the site never set one. Any other value is the problem, naming the value and the setting's key.
 */
export function ragPolicyOf(value: string | undefined): Checked<RagPolicy, RagPolicyProblem> {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return { ok: true, value: DEFAULT_RAG_POLICY };
  if (v === 'original' || v === 'current') return { ok: true, value: { overdueAgainst: v } };
  return { ok: false, problem: { code: 'ragPolicy', args: [value ?? '', RAG_POLICY_SETTING] } };
}

/** The policy a value names, as {@link ragPolicyOf}; throws a RangeError in core's English naming the value otherwise. */
export function readRagPolicy(value: string | undefined): RagPolicy {
  const read = ragPolicyOf(value);
  if (!read.ok) throw new RangeError(englishText(read.problem, { ragPolicy: RAG_POLICY_PROBLEM_ENGLISH }));
  return read.value;
}

/** Which deadline makes an item RED, in one sentence per policy (the screens word it from loc, by policy). */
export const RAG_POLICY_ENGLISH: Readonly<Record<RagPolicy['overdueAgainst'], string>> = {
  original: 'RED is measured against the original deadline: an open item past the first date committed to is RED, even when a later date has since been set.',
  current: 'RED is measured against the current deadline: the date now in force, after any agreed extension.'
};

/** One sentence for the paper's legend and the import preview: which deadline makes an item RED. */
export function ragPolicyStatement(policy: RagPolicy): string {
  return RAG_POLICY_ENGLISH[policy.overdueAgainst];
}

/** The due date that decides whether an open item is past its deadline under the policy. */
export function deadlineFor(due: DueDate, policy: RagPolicy = DEFAULT_RAG_POLICY): IsoDate | null {
  return policy.overdueAgainst === 'original' ? (due.original ?? due.current) : due.current;
}

/** What the traffic light is derived from. */
export type RagFacts = Pick<Recommendation, 'lifecycle' | 'appliesTo' | 'due' | 'ragOverride' | 'dependsOn'>;

/** True while the force still has work to deliver: "Awaiting review" or "Being progressed". */
export function isOpen(lifecycle: Lifecycle): boolean {
  return lifecycle === 'Awaiting review' || lifecycle === 'Being progressed';
}

/** True once closed by the force or discharged by the inspectorate. */
export function isClosed(lifecycle: Lifecycle): boolean {
  return lifecycle === 'Closed by the force' || lifecycle === 'Discharged by the inspectorate';
}

/** True once nothing is left to do: closed, discharged, or no further action approved. */
export function isFinished(lifecycle: Lifecycle): boolean {
  return isClosed(lifecycle) || lifecycle === 'No further action';
}

/** True when implemented: complete awaiting sign-off, closed or discharged (GREEN). */
export function isComplete(lifecycle: Lifecycle): boolean {
  return lifecycle === 'Complete, awaiting sign-off' || isClosed(lifecycle);
}

/** True when the item is not the force's (alone) to deliver (WHITE), whatever its dates and lifecycle. */
export function isNotForcesToDeliver(rec: Pick<Recommendation, 'appliesTo' | 'dependsOn'>): boolean {
  return rec.appliesTo !== 'Force' || hasText(rec.dependsOn);
}

/** True when a manual RED carries the rationale that makes it valid; one without is ignored. */
export function isValidOverride(rec: Pick<Recommendation, 'ragOverride'>): boolean {
  return rec.ragOverride !== undefined && rec.ragOverride.colour === 'RED' && hasText(rec.ragOverride.rationale);
}

/** The traffic light of an item on `today` (a London date). See the module comment for the rules. */
export function trafficLight(rec: RagFacts, today: IsoDate, policy: RagPolicy = DEFAULT_RAG_POLICY): TrafficLight {
  assertIsoDate(today);
  if (isValidOverride(rec)) return 'RED';
  if (isFinished(rec.lifecycle)) return 'GREEN';
  if (isNotForcesToDeliver(rec)) return 'WHITE';
  if (isComplete(rec.lifecycle)) return 'GREEN';
  const deadline = deadlineFor(rec.due, policy);
  if (isOpen(rec.lifecycle) && deadline !== null && daysBetween(deadline, today) > 0) return 'RED';
  if (isOpen(rec.lifecycle) && rec.due.kind === 'awaiting new timescale') return 'RED';
  return 'AMBER';
}

/** Why the rules give an item its colour, each in core's English, `{0}`… its values (the loc typings name them). */
export const COLOUR_REASON_ENGLISH = {
  setRedByHand: 'Set RED by hand: {0}',
  noFurtherAction: 'No further action (approved): nothing is left for the force to deliver.',
  closed: '{0}: nothing is left to deliver.',
  addressedTo: "Addressed to {0}: not the force's to deliver.",
  dependsOn: "Depends on {0}: not the force's alone to deliver.",
  implemented: '{0}: implemented.',
  awaitingTimescale: 'Awaiting new timescale: its deadline has passed and no new one is set.',
  awaitingTimescaleSince: 'Awaiting new timescale: its deadline ({0}) has passed and no new one is set.',
  pastDeadline: 'Past its {0} of {1}: {2} overdue.',
  ongoingOriginalPassed: 'Ongoing work, due by {0}; its original deadline of {1} has passed, which this site does not count as RED.',
  ongoing: 'Ongoing work, due by {0}.',
  ongoingNoDate: 'Ongoing work; the timescale ("{0}") gives no date to pass.',
  noTimescale: `Ongoing work with no timescale: ${UNCHECKED_TIMESCALE}.`,
  uncheckedTimescale: `Ongoing work; "{0}" is ${UNCHECKED_TIMESCALE}.`
} as const;
export type ColourReasonCode = keyof typeof COLOUR_REASON_ENGLISH;

/** Why the rules give an item its colour, by code and the values it names. */
export type ColourReason = Message<ColourReasonCode>;

/** Why the rules give an item its colour on `today` (in English: "Past its original deadline of 30 April 2017: 200 days overdue."). */
export function colourReasonOf(rec: RagFacts & Pick<Recommendation, 'addressee'>, today: IsoDate, policy: RagPolicy = DEFAULT_RAG_POLICY): ColourReason {
  const reason = (code: ColourReasonCode, ...args: ColourReason['args']): ColourReason => ({ code, args });
  if (isValidOverride(rec) && rec.ragOverride) return reason('setRedByHand', rec.ragOverride.rationale);
  if (rec.lifecycle === 'No further action') return reason('noFurtherAction');
  if (isClosed(rec.lifecycle)) return reason('closed', { lifecycle: rec.lifecycle });
  if (rec.appliesTo !== 'Force') return reason('addressedTo', rec.addressee?.trim() || { phrase: rec.appliesTo === 'National' ? 'nationalBody' : 'anotherBody' });
  if (hasText(rec.dependsOn)) return reason('dependsOn', rec.dependsOn?.trim() ?? '');
  if (isComplete(rec.lifecycle)) return reason('implemented', { lifecycle: rec.lifecycle });
  if (rec.due.kind === 'awaiting new timescale') return rec.due.original !== null ? reason('awaitingTimescaleSince', { date: rec.due.original }) : reason('awaitingTimescale');
  const deadline = deadlineFor(rec.due, policy);
  const which = policy.overdueAgainst === 'original' && rec.due.original !== null && rec.due.original !== rec.due.current ? 'originalDeadline' : 'deadline';
  if (deadline !== null) {
    const late = daysBetween(deadline, today);
    if (late > 0) return reason('pastDeadline', { phrase: which }, { date: deadline }, { days: late });
    const original = rec.due.original;
    if (policy.overdueAgainst === 'current' && original !== null && original !== deadline && daysBetween(original, today) > 0) {
      return reason('ongoingOriginalPassed', { date: deadline }, { date: original });
    }
    return reason('ongoing', { date: deadline });
  }
  if (rec.due.kind === 'immediate' || rec.due.kind === 'no deadline') return reason('ongoingNoDate', rec.due.raw.trim() || rec.due.kind);
  return rec.due.raw.trim() === '' ? reason('noTimescale') : reason('uncheckedTimescale', rec.due.raw.trim());
}

/** A colour's reason in core's English, for the paper and the import preview. */
export function colourReasonText(reason: ColourReason): string {
  return englishText(reason, COLOUR_REASON_ENGLISH);
}

/** Where the colour the rules derive differs from the colour the source recorded. */
export interface ColourDifference {
  recorded: RecordedStatus;
  derived: TrafficLight;
  /** Why the rules give the derived colour. */
  reason: ColourReason;
}

/**
 * The recorded colour beside the derived one, when they differ on `today`; null when they agree or
 * the source gave no colour. Neither hides the other: the caller shows both and the reason.
 */
export function colourDifference(
  rec: RagFacts & Pick<Recommendation, 'addressee' | 'recorded'>,
  today: IsoDate,
  policy: RagPolicy = DEFAULT_RAG_POLICY
): ColourDifference | null {
  const recorded = rec.recorded;
  if (recorded === undefined || recorded.colour === null) return null;
  const derived = trafficLight(rec, today, policy);
  return derived === recorded.colour ? null : { recorded, derived, reason: colourReasonOf(rec, today, policy) };
}

/**
 * True when the force owes the item (open, not WHITE) and its current due date has passed.
 * A due date is met on the day itself; it is overdue from the next day.
 */
export function isOverdue(rec: Pick<Recommendation, 'lifecycle' | 'appliesTo' | 'due' | 'dependsOn'>, today: IsoDate): boolean {
  if (!isOpen(rec.lifecycle) || isNotForcesToDeliver(rec) || rec.due.current === null) return false;
  return daysBetween(rec.due.current, today) > 0;
}

/** True when the force owes the item and its current due date falls within `days` days from today (inclusive). */
export function isDueWithin(rec: Pick<Recommendation, 'lifecycle' | 'appliesTo' | 'due' | 'dependsOn'>, today: IsoDate, days: number): boolean {
  assertDayCount(days, 'days');
  if (!isOpen(rec.lifecycle) || isNotForcesToDeliver(rec) || rec.due.current === null) return false;
  const left = daysBetween(today, rec.due.current);
  return left >= 0 && left <= days;
}

/** The date an item's staleness is measured from: its last update, else when it entered the tracker. */
export function lastActivity(rec: Pick<Recommendation, 'lastUpdated' | 'history'>): IsoDate | null {
  if (rec.lastUpdated !== null) return rec.lastUpdated;
  const first = [...rec.history].map((h) => h.at).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return first === undefined ? null : londonDate(first);
}

/**
 * True when an open item the force owes has had no progress update for more than `staleDays` days.
 * Measured from `lastUpdated`, else from its first recorded status change; an item with neither has
 * no update on record at all and is overdue ("Awaiting update").
 */
export function isUpdateOverdue(
  rec: Pick<Recommendation, 'lifecycle' | 'appliesTo' | 'lastUpdated' | 'history'>,
  today: IsoDate,
  staleDays: number = DEFAULT_STALE_DAYS
): boolean {
  assertDayCount(staleDays, 'staleDays');
  if (!isOpen(rec.lifecycle) || rec.appliesTo !== 'Force') return false;
  const since = lastActivity(rec);
  return since === null || daysBetween(since, today) > staleDays;
}

/** How the owner's High confidence disagrees with the facts, each in English, `{0}`… its values (the loc typings name them). */
export const DISAGREEMENT_ENGLISH = {
  overdue: 'Rated High confidence, but it was due by {0} and is overdue.',
  noUpdateOnRecord: 'Rated High confidence, but there is no progress update on record.',
  noUpdateSince: 'Rated High confidence, but there has been no progress update since {0} (more than {1} days).'
} as const;
export type DisagreementCode = keyof typeof DISAGREEMENT_ENGLISH;

/** Why the owner's High confidence disagrees with the facts, by code and the values it names. */
export type ConfidenceDisagreement = Message<DisagreementCode>;

/** A disagreement in short (the grid's flag): the item is overdue, or its update is. */
export type DisagreementKind = 'overdue' | 'updateOverdue';

const DISAGREEMENT_KIND: Readonly<Record<DisagreementCode, DisagreementKind>> = {
  overdue: 'overdue',
  noUpdateOnRecord: 'updateOverdue',
  noUpdateSince: 'updateOverdue'
};

/** A disagreement in short, by its code. */
export function disagreementKind(disagreement: ConfidenceDisagreement): DisagreementKind {
  return DISAGREEMENT_KIND[disagreement.code];
}

/**
 * Holds the owner's confidence against the facts: an item rated High confidence that is overdue, or
 * whose update is overdue, is a disagreement. Overdue is reported first, as the stronger fact.
 */
export function confidenceDisagreement(
  rec: Pick<Recommendation, 'lifecycle' | 'appliesTo' | 'due' | 'dependsOn' | 'confidence' | 'lastUpdated' | 'history'>,
  today: IsoDate,
  staleDays: number = DEFAULT_STALE_DAYS
): ConfidenceDisagreement | null {
  if (rec.confidence !== 'High') return null;
  if (isOverdue(rec, today) && rec.due.current !== null) return { code: 'overdue', args: [{ date: rec.due.current }] };
  if (isUpdateOverdue(rec, today, staleDays)) {
    const since = lastActivity(rec);
    return since === null ? { code: 'noUpdateOnRecord', args: [] } : { code: 'noUpdateSince', args: [{ date: since }, staleDays] };
  }
  return null;
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function assertDayCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of days, 0 or more (got ${value}).`);
}
