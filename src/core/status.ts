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
import { daysBetween, formatUkDate, londonDate, parseIsoDate } from './dates';
import { UNCHECKED_TIMESCALE } from './dueDates';
import type { DueDate, IsoDate, Lifecycle, Recommendation, RecordedStatus, TrafficLight } from './model';

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

/**
 * The policy a Tracker Settings value names: 'original' or 'current' (any case); the default when
 * the site never set one. Throws a RangeError naming the value otherwise.
 */
export function readRagPolicy(value: string | undefined): RagPolicy {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return DEFAULT_RAG_POLICY;
  if (v === 'original' || v === 'current') return { overdueAgainst: v };
  throw new RangeError(`Tracker Settings holds '${value ?? ''}' under ${RAG_POLICY_SETTING}: expected 'original' or 'current'. A site owner can choose again in the tracker's settings.`);
}

/** One sentence for the paper's legend and the settings panel: which deadline makes an item RED. */
export function ragPolicyStatement(policy: RagPolicy): string {
  return policy.overdueAgainst === 'original'
    ? 'RED is measured against the original deadline: an open item past the first date committed to is RED, even when a later date has since been set.'
    : 'RED is measured against the current deadline: the date now in force, after any agreed extension.';
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
  parseIsoDate(today);
  if (isValidOverride(rec)) return 'RED';
  if (isFinished(rec.lifecycle)) return 'GREEN';
  if (isNotForcesToDeliver(rec)) return 'WHITE';
  if (isComplete(rec.lifecycle)) return 'GREEN';
  const deadline = deadlineFor(rec.due, policy);
  if (isOpen(rec.lifecycle) && deadline !== null && daysBetween(deadline, today) > 0) return 'RED';
  if (isOpen(rec.lifecycle) && rec.due.kind === 'awaiting new timescale') return 'RED';
  return 'AMBER';
}

/**
 * Why the rules give an item its colour on `today`, in one sentence a reader can check against the
 * item ("Past its original deadline of 30 April 2017: 200 days overdue.").
 */
export function colourReason(rec: RagFacts & Pick<Recommendation, 'addressee'>, today: IsoDate, policy: RagPolicy = DEFAULT_RAG_POLICY): string {
  if (isValidOverride(rec) && rec.ragOverride) return `Set RED by hand: ${rec.ragOverride.rationale}`;
  if (rec.lifecycle === 'No further action') return 'No further action (approved): nothing is left for the force to deliver.';
  if (isClosed(rec.lifecycle)) return `${rec.lifecycle}: nothing is left to deliver.`;
  if (rec.appliesTo !== 'Force') return `Addressed to ${rec.addressee?.trim() || (rec.appliesTo === 'National' ? 'a national body' : 'another body')}: not the force's to deliver.`;
  if (hasText(rec.dependsOn)) return `Depends on ${rec.dependsOn?.trim()}: not the force's alone to deliver.`;
  if (isComplete(rec.lifecycle)) return `${rec.lifecycle}: implemented.`;
  if (rec.due.kind === 'awaiting new timescale') {
    const passed = rec.due.original !== null ? ` (${formatUkDate(rec.due.original)})` : '';
    return `Awaiting new timescale: its deadline${passed} has passed and no new one is set.`;
  }
  const deadline = deadlineFor(rec.due, policy);
  const which = policy.overdueAgainst === 'original' && rec.due.original !== null && rec.due.original !== rec.due.current ? 'original deadline' : 'deadline';
  if (deadline !== null) {
    const late = daysBetween(deadline, today);
    if (late > 0) return `Past its ${which} of ${formatUkDate(deadline)}: ${late} ${late === 1 ? 'day' : 'days'} overdue.`;
    const original = rec.due.original;
    if (policy.overdueAgainst === 'current' && original !== null && original !== deadline && daysBetween(original, today) > 0) {
      return `Ongoing work, due by ${formatUkDate(deadline)}; its original deadline of ${formatUkDate(original)} has passed, which this site does not count as RED.`;
    }
    return `Ongoing work, due by ${formatUkDate(deadline)}.`;
  }
  if (rec.due.kind === 'immediate' || rec.due.kind === 'no deadline') return `Ongoing work; the timescale ("${rec.due.raw.trim() || rec.due.kind}") gives no date to pass.`;
  return rec.due.raw.trim() === '' ? `Ongoing work with no timescale: ${UNCHECKED_TIMESCALE}.` : `Ongoing work; "${rec.due.raw.trim()}" is ${UNCHECKED_TIMESCALE}.`;
}

/** Where the colour the rules derive differs from the colour the source recorded. */
export interface ColourDifference {
  recorded: RecordedStatus;
  derived: TrafficLight;
  /** Why the rules give the derived colour. */
  reason: string;
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
  return derived === recorded.colour ? null : { recorded, derived, reason: colourReason(rec, today, policy) };
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

/** Why the owner's High confidence disagrees with the facts. */
export interface ConfidenceDisagreement {
  reason: 'overdue' | 'update overdue';
  message: string;
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
  if (isOverdue(rec, today) && rec.due.current !== null) {
    return { reason: 'overdue', message: `Rated High confidence, but it was due by ${formatUkDate(rec.due.current)} and is overdue.` };
  }
  if (isUpdateOverdue(rec, today, staleDays)) {
    const since = lastActivity(rec);
    const message =
      since === null
        ? 'Rated High confidence, but there is no progress update on record.'
        : `Rated High confidence, but there has been no progress update since ${formatUkDate(since)} (more than ${staleDays} days).`;
    return { reason: 'update overdue', message };
  }
  return null;
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function assertDayCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of days, 0 or more (got ${value}).`);
}
