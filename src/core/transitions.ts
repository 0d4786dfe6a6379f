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
import { formatUkDate, londonDate, parseIsoDate, daysBetween } from './dates';
import type { ClosureRequest, Confidence, DueRevision, ExtensionRequest, IsoDate, IsoInstant, Lifecycle, Person, ProgressUpdate, Recommendation, StatusChange } from './model';
import { instantTime } from './changeMarkers';
import { DEFAULT_RAG_POLICY, isClosed, isOpen, trafficLight } from './status';
import type { RagPolicy } from './status';

/** What went wrong, for code that reacts to a particular refusal. */
export type TransitionErrorCode =
  | 'missing-input'
  | 'invalid-date'
  | 'wrong-state'
  | 'already-pending'
  | 'nothing-pending'
  | 'not-independent'
  | 'invalid-due-date';

/** A refused transition. `message` is written for the person who attempted it. */
export class TransitionError extends Error {
  public readonly code: TransitionErrorCode;

  public constructor(code: TransitionErrorCode, message: string) {
    super(message);
    this.name = 'TransitionError';
    this.code = code;
  }
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
  const evidence = required(input.evidence, 'Closure needs evidence that the recommendation has been implemented.');
  if (!isOpen(rec.lifecycle)) {
    throw new TransitionError('wrong-state', `Closure can only be requested while the recommendation is open; it is "${rec.lifecycle}".`);
  }
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
  checkIndependent(input.by, rec.owner, closure, 'approve its closure');
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
  const note = required(input.note, 'Say why the closure request is being returned.');
  const closure = pendingClosure(rec);
  checkIndependent(input.by, rec.owner, closure, 'return its closure request');
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
  const reason = required(input.reason, 'Say why the recommendation is being re-opened.');
  if (!isClosed(rec.lifecycle) && rec.lifecycle !== 'No further action') {
    throw new TransitionError('wrong-state', `Only a closed, discharged or "No further action" recommendation can be re-opened; it is "${rec.lifecycle}".`);
  }
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
  const reason = required(input.reason, 'An extension needs a reason.');
  if (!isOpen(rec.lifecycle)) {
    throw new TransitionError('wrong-state', `An extension can only be requested while the recommendation is open; it is "${rec.lifecycle}".`);
  }
  if (rec.extension !== undefined && rec.extension.decision === undefined) {
    throw new TransitionError('already-pending', `An extension to ${formatUkDate(rec.extension.proposed)} is already awaiting a decision.`);
  }
  const proposed = checkDate(input.proposed, 'The proposed due date');
  if (daysBetween(today, proposed) < 0) {
    throw new TransitionError('invalid-due-date', `The proposed due date ${formatUkDate(proposed)} has already passed.`);
  }
  if (rec.due.current !== null && daysBetween(rec.due.current, proposed) <= 0) {
    throw new TransitionError('invalid-due-date', `The proposed due date ${formatUkDate(proposed)} must be later than the current due date, ${formatUkDate(rec.due.current)}.`);
  }
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
  if (extension === undefined || extension.decision !== undefined) {
    throw new TransitionError('nothing-pending', 'There is no extension request awaiting a decision.');
  }
  checkIndependent(input.by, rec.owner, extension, 'decide its extension');
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
  const rationale = required(input.rationale, 'A manual RED needs a rationale: why it cannot or will not be implemented.');
  const next: Recommendation = { ...rec, ragOverride: { colour: 'RED', rationale, setBy: input.by.trim(), at: input.at } };
  return record(next, input, today, `Set RED by hand: ${rationale}`);
}

/** Removes a manual RED, so the traffic light is derived from the facts again. */
export function clearManualRed(rec: Recommendation, input: TransitionActor & { note?: string }): Recommendation {
  const today = checkActor(input);
  if (rec.ragOverride === undefined) throw new TransitionError('nothing-pending', 'This recommendation has no manual RED to clear.');
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
  if (!LIFECYCLE_MOVES[rec.lifecycle].includes(input.to)) {
    throw new TransitionError('wrong-state', `"${rec.lifecycle}" cannot be changed to "${input.to}" directly. ${routeFor(rec.lifecycle, input.to)}`);
  }
  if (input.to === 'No further action' && note === undefined) {
    throw new TransitionError('missing-input', 'Say why no further action is needed.');
  }
  return record({ ...rec, lifecycle: input.to }, input, today, note ?? `Status changed to "${input.to}"`);
}

function routeFor(from: Lifecycle, to: Lifecycle): string {
  if (to === 'Complete, awaiting sign-off') return 'Request closure with evidence instead.';
  if (isClosed(to)) return from === 'Complete, awaiting sign-off' ? 'Approve the closure request instead.' : 'Request closure with evidence, then have it approved.';
  if (from === 'Complete, awaiting sign-off') return 'Approve or return the closure request instead.';
  if (isClosed(from) || from === 'No further action') return 'Re-open it with a reason instead.';
  return 'It is already in that state.';
}

/** The request waiting for a decision: a closure awaiting sign-off first, else a pending extension; null when none. */
export function pendingRequest(rec: Recommendation): { kind: 'closure'; request: ClosureRequest } | { kind: 'extension'; request: ExtensionRequest } | null {
  if (rec.lifecycle === 'Complete, awaiting sign-off' && rec.closure !== undefined && rec.closure.decision === undefined) return { kind: 'closure', request: rec.closure };
  if (rec.extension !== undefined && rec.extension.decision === undefined) return { kind: 'extension', request: rec.extension };
  return null;
}

function pendingClosure(rec: Recommendation): NonNullable<Recommendation['closure']> {
  const closure = rec.closure;
  if (rec.lifecycle !== 'Complete, awaiting sign-off' || closure === undefined || closure.decision !== undefined) {
    throw new TransitionError('nothing-pending', 'There is no closure request awaiting sign-off.');
  }
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

function checkIndependent(by: string, owner: Person | undefined, request: ClosureRequest | ExtensionRequest, what: string): void {
  if (isSamePerson(by, owner)) throw new TransitionError('not-independent', `The owner cannot ${what}; someone else must.`);
  if (isSamePerson(by, request.ownerAtRequest)) {
    throw new TransitionError('not-independent', `${request.ownerAtRequest?.name ?? by} owned the item when this was asked for, so cannot ${what}; someone else must.`);
  }
  if (isSamePerson(by, request.requestedBy)) throw new TransitionError('not-independent', `${request.requestedBy} asked, so cannot also ${what}; someone else must.`);
}

/** Validates who and when; returns the London date of `at`. */
function checkActor(input: TransitionActor): IsoDate {
  required(input.by, 'Say who is making this change.');
  try {
    instantTime(input.at);
    return londonDate(input.at);
  } catch {
    throw new TransitionError('invalid-date', `The time of the change is not a valid instant: '${input.at}'.`);
  }
}

function checkDate(date: IsoDate, what: string): IsoDate {
  try {
    parseIsoDate(date);
    return date;
  } catch (e) {
    throw new TransitionError('invalid-due-date', `${what} is not a valid date: ${(e as Error).message}`);
  }
}

function required(value: string | undefined, message: string): string {
  const text = optional(value);
  if (text === undefined) throw new TransitionError('missing-input', message);
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
  if (text === '') throw new TransitionError('missing-input', 'Say what has happened since the last update.');
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
