/**
 * Validated transitions of a recommendation's status. Each is a pure function: it returns a new
 * Recommendation (the input is never changed) or throws a {@link TransitionError} whose message a
 * user can read. Every transition appends a StatusChange to `history`, carrying the traffic light
 * derived on the London date of `at`, so the history is the audit trail of who did what, when.
 *
 * Rules (issue 2): closure needs evidence and an approver who is neither the owner nor the person
 * who asked; re-opening records why; a due date moves only through an extension request with its
 * reason, decided by someone other than the owner and the requester, keeping the original date and
 * every revision; a manual RED needs a rationale.
 */
import { ISO_DATE_PROBLEM_ENGLISH, formatUkDate, isoDateProblem, londonDate, daysBetween } from './dates';
import type { ClosureRequest, Confidence, DueRevision, ExtensionRequest, IsoDate, IsoInstant, Lifecycle, Person, ProgressUpdate, Recommendation, StatusChange } from './model';
import { instantTime } from './changeMarkers';
import { DEFAULT_RAG_POLICY, isClosed, isOpen, trafficLight } from './status';
import type { RagPolicy } from './status';
import { englishText } from './messages';
import type { Message, Phrase } from './messages';

/** What went wrong, for code that reacts to a particular refusal. */
export type TransitionErrorCode =
  | 'missing-input'
  | 'invalid-date'
  | 'wrong-state'
  | 'already-pending'
  | 'nothing-pending'
  | 'not-independent'
  | 'invalid-due-date';

/** Each refusal in core's English, `{0}`… its values (the loc typings name them). */
export const TRANSITION_ENGLISH = {
  closureNeedsEvidence: 'Closure needs evidence that the recommendation has been implemented.',
  closureNotOpen: 'Closure can only be requested while the recommendation is open; it is "{0}".',
  returnNeedsReason: 'Say why the closure request is being returned.',
  reopenNeedsReason: 'Say why the recommendation is being re-opened.',
  reopenNotClosed: 'Only a closed, discharged or "No further action" recommendation can be re-opened; it is "{0}".',
  extensionNeedsReason: 'An extension needs a reason.',
  extensionNotOpen: 'An extension can only be requested while the recommendation is open; it is "{0}".',
  extensionPending: 'An extension to {0} is already awaiting a decision.',
  proposedPassed: 'The proposed due date {0} has already passed.',
  proposedNotLater: 'The proposed due date {0} must be later than the current due date, {1}.',
  proposedNotIso: `The proposed due date is not a valid date: ${ISO_DATE_PROBLEM_ENGLISH.notIso}`,
  proposedNoSuchDate: `The proposed due date is not a valid date: ${ISO_DATE_PROBLEM_ENGLISH.noSuchDate}`,
  noExtensionPending: 'There is no extension request awaiting a decision.',
  noClosurePending: 'There is no closure request awaiting sign-off.',
  redNeedsRationale: 'A manual RED needs a rationale: why it cannot or will not be implemented.',
  noManualRed: 'This recommendation has no manual RED to clear.',
  lifecycleMove: '"{0}" cannot be changed to "{1}" directly. {2}',
  noFurtherActionNeedsReason: 'Say why no further action is needed.',
  ownerCannot: 'The owner cannot {0}; someone else must.',
  ownedWhenAsked: '{0} owned the item when this was asked for, so cannot {1}; someone else must.',
  requesterCannot: '{0} asked, so cannot also {1}; someone else must.',
  actorMissing: 'Say who is making this change.',
  invalidInstant: "The time of the change is not a valid instant: '{0}'.",
  progressNeedsText: 'Say what has happened since the last update.'
} as const;
export type TransitionProblemCode = keyof typeof TRANSITION_ENGLISH;

/** Why a transition was refused, by code and the values it names. */
export type TransitionProblem = Message<TransitionProblemCode>;

/** A refused transition: `problem` for a screen to word, `message` in core's English for the person who attempted it. */
export class TransitionError extends Error {
  public readonly code: TransitionErrorCode;
  public readonly problem: TransitionProblem;

  public constructor(code: TransitionErrorCode, problem: TransitionProblem) {
    super(englishText(problem, TRANSITION_ENGLISH));
    this.name = 'TransitionError';
    this.code = code;
    this.problem = problem;
  }
}

/** Refuses a transition. */
function refuse(code: TransitionErrorCode, problem: TransitionProblemCode, ...args: TransitionProblem['args']): never {
  throw new TransitionError(code, { code: problem, args });
}

/** Who acts and when; `policy` chooses how the recorded traffic light is derived. */
export interface TransitionActor {
  /** The acting person: display name or e-mail, compared with the owner case-insensitively. */
  by: string;
  at: IsoInstant;
  policy?: RagPolicy;
}

/** Asks for sign-off that the recommendation is implemented. Evidence is required. */
export function requestClosure(rec: Recommendation, input: TransitionActor & { evidence: string }): Recommendation {
  const today = checkActor(input);
  const evidence = required(input.evidence, 'closureNeedsEvidence');
  if (!isOpen(rec.lifecycle)) refuse('wrong-state', 'closureNotOpen', { lifecycle: rec.lifecycle });
  const next: Recommendation = {
    ...rec,
    lifecycle: 'Complete, awaiting sign-off',
    closure: { requestedBy: input.by.trim(), requestedAt: input.at, evidence, ...ownerNow(rec) }
  };
  return record(next, input, today, 'Closure requested');
}

/**
 * Signs off a closure request. The approver must be neither the owner nor the requester. The
 * outcome sets the lifecycle to "Closed by the force" or "Discharged by the inspectorate".
 */
export function approveClosure(
  rec: Recommendation,
  input: TransitionActor & { outcome: 'closed' | 'discharged'; note?: string }
): Recommendation {
  const today = checkActor(input);
  const closure = pendingClosure(rec);
  checkIndependent(input.by, rec.owner, closure, 'actApproveClosure');
  const lifecycle: Lifecycle = input.outcome === 'closed' ? 'Closed by the force' : 'Discharged by the inspectorate';
  const note = optional(input.note);
  const next: Recommendation = {
    ...rec,
    lifecycle,
    closure: { ...closure, decision: { outcome: 'approved', by: input.by.trim(), at: input.at, ...(note === undefined ? {} : { note }) } }
  };
  return record(next, input, today, note === undefined ? 'Closure approved' : `Closure approved: ${note}`);
}

/** Returns a closure request unapproved, with the reason; the item goes back to "Being progressed". */
export function returnClosure(rec: Recommendation, input: TransitionActor & { note: string }): Recommendation {
  const today = checkActor(input);
  const note = required(input.note, 'returnNeedsReason');
  const closure = pendingClosure(rec);
  checkIndependent(input.by, rec.owner, closure, 'actReturnClosure');
  const next: Recommendation = {
    ...rec,
    lifecycle: 'Being progressed',
    closure: { ...closure, decision: { outcome: 'returned', by: input.by.trim(), at: input.at, note } }
  };
  return record(next, input, today, `Closure returned: ${note}`);
}

/** Re-opens a closed, discharged or "No further action" item. The reason is required and kept. */
export function reopen(rec: Recommendation, input: TransitionActor & { reason: string }): Recommendation {
  const today = checkActor(input);
  const reason = required(input.reason, 'reopenNeedsReason');
  if (!isClosed(rec.lifecycle) && rec.lifecycle !== 'No further action') refuse('wrong-state', 'reopenNotClosed', { lifecycle: rec.lifecycle });
  const next: Recommendation = {
    ...rec,
    lifecycle: 'Being progressed',
    reopenings: [...rec.reopenings, { at: input.at, by: input.by.trim(), reason }]
  };
  return record(next, input, today, `Re-opened: ${reason}`);
}

/**
 * Asks to move the due date to `proposed`, with a reason. The date must be a real date, no earlier
 * than today and later than the current due date; one request may be pending at a time.
 */
export function requestExtension(rec: Recommendation, input: TransitionActor & { proposed: IsoDate; reason: string }): Recommendation {
  const today = checkActor(input);
  const reason = required(input.reason, 'extensionNeedsReason');
  if (!isOpen(rec.lifecycle)) refuse('wrong-state', 'extensionNotOpen', { lifecycle: rec.lifecycle });
  if (rec.extension !== undefined && rec.extension.decision === undefined) refuse('already-pending', 'extensionPending', { date: rec.extension.proposed });
  const proposed = checkProposed(input.proposed);
  if (daysBetween(today, proposed) < 0) refuse('invalid-due-date', 'proposedPassed', { date: proposed });
  if (rec.due.current !== null && daysBetween(rec.due.current, proposed) <= 0) refuse('invalid-due-date', 'proposedNotLater', { date: proposed }, { date: rec.due.current });
  const next: Recommendation = {
    ...rec,
    extension: { requestedBy: input.by.trim(), requestedAt: input.at, proposed, reason, ...ownerNow(rec) }
  };
  return record(next, input, today, `Extension to ${formatUkDate(proposed)} requested: ${reason}`);
}

/**
 * Approves or refuses the pending extension. The decider must be neither the owner nor the
 * requester. Approval appends a DueRevision and sets `due.current`; `due.original` and every earlier
 * revision are kept (a first committed date becomes the original when there was none).
 */
export function decideExtension(
  rec: Recommendation,
  input: TransitionActor & { outcome: 'approved' | 'refused'; note?: string }
): Recommendation {
  const today = checkActor(input);
  const extension = rec.extension;
  if (extension === undefined || extension.decision !== undefined) refuse('nothing-pending', 'noExtensionPending');
  checkIndependent(input.by, rec.owner, extension, 'actDecideExtension');
  const note = optional(input.note);
  const by = input.by.trim();
  const decided = { ...extension, decision: { outcome: input.outcome, by, at: input.at, ...(note === undefined ? {} : { note }) } };
  if (input.outcome === 'refused') {
    return record({ ...rec, extension: decided }, input, today, `Extension to ${formatUkDate(extension.proposed)} refused${note === undefined ? '' : `: ${note}`}`);
  }
  const revision: DueRevision = { from: rec.due.current, to: extension.proposed, reason: extension.reason, approvedBy: by, at: input.at };
  const next: Recommendation = {
    ...rec,
    extension: decided,
    due: {
      ...rec.due,
      kind: 'date',
      original: rec.due.original ?? extension.proposed,
      current: extension.proposed,
      revisions: [...rec.due.revisions, revision]
    }
  };
  return record(next, input, today, `Extension to ${formatUkDate(extension.proposed)} approved${note === undefined ? '' : `: ${note}`}`);
}

/** Sets RED by hand ("cannot / will not be implemented"). The rationale is required. */
export function setManualRed(rec: Recommendation, input: TransitionActor & { rationale: string }): Recommendation {
  const today = checkActor(input);
  const rationale = required(input.rationale, 'redNeedsRationale');
  const next: Recommendation = { ...rec, ragOverride: { colour: 'RED', rationale, setBy: input.by.trim(), at: input.at } };
  return record(next, input, today, `Set RED by hand: ${rationale}`);
}

/** Removes a manual RED, so the traffic light is derived from the facts again. */
export function clearManualRed(rec: Recommendation, input: TransitionActor & { note?: string }): Recommendation {
  const today = checkActor(input);
  if (rec.ragOverride === undefined) refuse('nothing-pending', 'noManualRed');
  const next: Recommendation = { ...rec };
  delete next.ragOverride;
  const note = optional(input.note);
  return record(next, input, today, note === undefined ? 'Manual RED cleared' : `Manual RED cleared: ${note}`);
}

/**
 * The lifecycle moves that are not closures or re-openings: "Awaiting review" and "Being progressed"
 * into each other, and either to "No further action" (with a note saying why).
 */
export const LIFECYCLE_MOVES: Readonly<Record<Lifecycle, readonly Lifecycle[]>> = {
  'Awaiting review': ['Being progressed', 'No further action'],
  'Being progressed': ['Awaiting review', 'No further action'],
  'Complete, awaiting sign-off': [],
  'Closed by the force': [],
  'Discharged by the inspectorate': [],
  'No further action': []
};

/** Moves the lifecycle along one of {@link LIFECYCLE_MOVES}; other moves name the transition to use. */
export function changeLifecycle(rec: Recommendation, input: TransitionActor & { to: Lifecycle; note?: string }): Recommendation {
  const today = checkActor(input);
  const note = optional(input.note);
  if (!LIFECYCLE_MOVES[rec.lifecycle].includes(input.to)) refuse('wrong-state', 'lifecycleMove', { lifecycle: rec.lifecycle }, { lifecycle: input.to }, { phrase: routeFor(rec.lifecycle, input.to) });
  if (input.to === 'No further action' && note === undefined) refuse('missing-input', 'noFurtherActionNeedsReason');
  return record({ ...rec, lifecycle: input.to }, input, today, note ?? `Status changed to "${input.to}"`);
}

function routeFor(from: Lifecycle, to: Lifecycle): Phrase {
  if (to === 'Complete, awaiting sign-off') return 'routeRequestClosure';
  if (isClosed(to)) return from === 'Complete, awaiting sign-off' ? 'routeApproveClosure' : 'routeRequestThenApprove';
  if (from === 'Complete, awaiting sign-off') return 'routeApproveOrReturn';
  if (isClosed(from) || from === 'No further action') return 'routeReopen';
  return 'routeAlready';
}

/** The request waiting for a decision: a closure awaiting sign-off first, else a pending extension; null when none. */
export function pendingRequest(rec: Recommendation): { kind: 'closure'; request: ClosureRequest } | { kind: 'extension'; request: ExtensionRequest } | null {
  if (rec.lifecycle === 'Complete, awaiting sign-off' && rec.closure !== undefined && rec.closure.decision === undefined) return { kind: 'closure', request: rec.closure };
  if (rec.extension !== undefined && rec.extension.decision === undefined) return { kind: 'extension', request: rec.extension };
  return null;
}

function pendingClosure(rec: Recommendation): NonNullable<Recommendation['closure']> {
  const closure = rec.closure;
  if (rec.lifecycle !== 'Complete, awaiting sign-off' || closure === undefined || closure.decision !== undefined) refuse('nothing-pending', 'noClosurePending');
  return closure;
}

/** True when `by` names the person (by display name or e-mail, ignoring case and spacing). */
export function isSamePerson(by: string, person: Person | string | undefined): boolean {
  if (person === undefined) return false;
  const key = normalise(by);
  if (typeof person === 'string') return normalise(person) === key;
  return normalise(person.name) === key || (person.email !== undefined && normalise(person.email) === key);
}

/** The owner to record on a request, so that changing the owner afterwards cannot make them its decider. */
function ownerNow(rec: Recommendation): { ownerAtRequest?: Person } {
  return rec.owner === undefined ? {} : { ownerAtRequest: rec.owner };
}

/** Why someone may not decide a request: they own the item, owned it when asked, or asked. */
export type Dependence = 'owner' | 'ownerAtRequest' | 'requester';

/**
 * Whether the person `is` matches may decide `request` on an item `owner` now owns: null when they
 * are independent, else why not (checked in that order). Whoever owned the item when the request was
 * made stays excluded after the owner is changed. The one rule for the transitions, the item panel,
 * the reminder service's decision cards and the bot that records their answers.
 */
export function dependence(is: (person: Person | string | undefined) => boolean, owner: Person | undefined, request: ClosureRequest | ExtensionRequest): Dependence | null {
  if (is(owner)) return 'owner';
  if (is(request.ownerAtRequest)) return 'ownerAtRequest';
  if (is(request.requestedBy)) return 'requester';
  return null;
}

function checkIndependent(by: string, owner: Person | undefined, request: ClosureRequest | ExtensionRequest, act: Phrase): void {
  const step = { phrase: act };
  switch (dependence((p) => isSamePerson(by, p), owner, request)) {
    case 'owner':
      return refuse('not-independent', 'ownerCannot', step);
    case 'ownerAtRequest':
      return refuse('not-independent', 'ownedWhenAsked', request.ownerAtRequest?.name ?? by, step);
    case 'requester':
      return refuse('not-independent', 'requesterCannot', request.requestedBy, step);
    case null:
      return;
  }
}

/** Validates who and when; returns the London date of `at`. */
function checkActor(input: TransitionActor): IsoDate {
  required(input.by, 'actorMissing');
  try {
    instantTime(input.at);
    return londonDate(input.at);
  } catch {
    return refuse('invalid-date', 'invalidInstant', input.at);
  }
}

function checkProposed(date: IsoDate): IsoDate {
  const problem = isoDateProblem(date);
  if (problem !== null) refuse('invalid-due-date', problem === 'notIso' ? 'proposedNotIso' : 'proposedNoSuchDate', date);
  return date;
}

function required(value: string | undefined, problem: TransitionProblemCode): string {
  const text = optional(value);
  if (text === undefined) refuse('missing-input', problem);
  return text;
}

function optional(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function record(rec: Recommendation, input: TransitionActor, today: IsoDate, note: string): Recommendation {
  const colour = trafficLight(rec, today, input.policy ?? DEFAULT_RAG_POLICY);
  const change: StatusChange = { at: input.at, lifecycle: rec.lifecycle, trafficLight: colour, by: input.by.trim(), note };
  // The stored colour (for server-side filtering) follows the rules at every transition.
  return { ...rec, trafficLight: colour, history: [...rec.history, change] };
}

/** The statuses an owner may report in a progress update; the others are reached by their own transitions. */
export const UPDATE_LIFECYCLES: readonly Lifecycle[] = ['Awaiting review', 'Being progressed'];

/** What an owner reports in a progress update. */
export interface ProgressInput {
  text: string;
  lifecycle: Lifecycle;
  confidence?: Confidence;
}

/**
 * A progress update and the recommendation as it follows from it: lifecycle, confidence, latest
 * comment and last-updated date; a change of lifecycle is added to the history. The one rule for
 * the update dialogs and the Teams card's "Post update".
 */
export function postProgress(rec: Recommendation & { id: number }, input: TransitionActor & ProgressInput): { update: ProgressUpdate; next: Recommendation } {
  const text = input.text.trim();
  if (text === '') refuse('missing-input', 'progressNeedsText');
  const { at, by, lifecycle, confidence } = input;
  const update: ProgressUpdate = { recommendationId: rec.id, at, author: by, text, lifecycle, ...(confidence === undefined ? {} : { confidence }) };
  const next: Recommendation = {
    ...rec,
    lifecycle,
    confidence,
    latestComment: text,
    lastUpdated: londonDate(at),
    history: lifecycle === rec.lifecycle ? rec.history : [...rec.history, { at, lifecycle, trafficLight: trafficLight({ ...rec, lifecycle }, londonDate(at), input.policy), by, note: 'Progress update' }]
  };
  return { update, next };
}
