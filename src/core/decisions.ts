/**
 * Closure and extension decisions checked against what SharePoint recorded rather than against what
 * the item says. A member with Contribute can write any column through REST, so a decision in an
 * item proves nothing by itself. SharePoint's version history does: each version carries who saved it
 * (the Editor SharePoint stamps, which a client cannot set). A decision is valid only when:
 * - it was saved by the person it names (or by the reminder service's own account, whose bot records a
 *   decision made on a Teams card for the person the signed activity names);
 * - that person did not ask for it, did not own the item at any time from the request to the
 *   decision, and did not change the owner in that time (the owner-swap route);
 * - it was asked for in an earlier version than the one that decides it.
 * A due date moves only through an approved extension: a version that moves it otherwise (a MERGE of
 * the due date columns) is withdrawn too, unless a site owner saved it (an import, a correction).
 * The reminder service checks every new version (see `service/engine.ts`) and withdraws a decision
 * that fails, telling the SRO; the UI applies the same people rules before it offers the buttons.
 * `docs/decisions.md` sets out the design.
 */
import { formatUkDate } from './dates';
import type { ClosureRequest, DueDate, ExtensionRequest, IsoDate, Person, Recommendation, TrafficLight } from './model';
import { reminderData, resolveRecipient } from './reminders/evaluate';
import { idempotencyKey } from './reminders/keys';
import type { ReminderIntent, ReminderSubject, UnresolvedRecipient } from './reminders/model';
import { isSamePerson } from './transitions';

/** One saved version of an item, oldest first in a history. */
export interface SavedVersion {
  label: string;
  value: Recommendation;
  /** Who saved this version, as SharePoint recorded it; absent when the server did not say. */
  editor?: { name: string; email?: string };
}

/** A closure or extension decision, or a due date moved outside an extension. */
export type DecisionKind = 'closure' | 'extension' | 'due date';

/** A decision that the history does not support. */
export interface DecisionProblem {
  kind: DecisionKind;
  /** The version that recorded the decision ("4.0"). */
  version: string;
  /** The decider the item names. */
  decidedBy: string;
  /** Who actually saved it, as SharePoint recorded. */
  savedBy: string;
  reason: string;
}

type Request = ClosureRequest | ExtensionRequest;

function requestOf(rec: Recommendation, kind: 'closure' | 'extension'): Request | undefined {
  return kind === 'closure' ? rec.closure : rec.extension;
}

function sameDecision(a: Request | undefined, b: Request): boolean {
  return a?.decision !== undefined && b.decision !== undefined && a.requestedAt === b.requestedAt && a.decision.at === b.decision.at && a.decision.by === b.decision.by && a.decision.outcome === b.decision.outcome;
}

function samePerson(editor: NonNullable<SavedVersion['editor']>, person: Person | string | undefined): boolean {
  return isSamePerson(editor.name, person) || (editor.email !== undefined && isSamePerson(editor.email, person));
}

function sameEditor(a: NonNullable<SavedVersion['editor']>, b: NonNullable<SavedVersion['editor']>): boolean {
  return a.name.toLowerCase() === b.name.toLowerCase() || (a.email !== undefined && a.email.toLowerCase() === b.email?.toLowerCase());
}

function ownerKey(p: Person | undefined): string {
  return p === undefined ? '' : `${p.userId ?? ''}|${p.email?.toLowerCase() ?? ''}|${p.name.toLowerCase()}`;
}

/**
 * Why the decision `request` carries, recorded in `history[at]`, may not stand; null when it may.
 * `actsFor` says whether an editor records decisions for the people it names (the reminder service's
 * own account, whose bot resolved the decider from the signed Teams activity): the named decider is
 * then the one checked.
 */
function problemWith(history: readonly SavedVersion[], at: number, request: Request, kind: 'closure' | 'extension', actsFor: (editor: NonNullable<SavedVersion['editor']>) => boolean): string | null {
  const saved = history[at];
  const decision = request.decision;
  if (decision === undefined) return null;
  const savedBy = saved.editor;
  if (savedBy === undefined) return 'SharePoint did not record who saved the decision';
  const editor = actsFor(savedBy) ? { name: decision.by } : savedBy;
  if (!samePerson(editor, decision.by)) return `it names ${decision.by} as the decider, but ${editor.name} saved it`;
  // The request must stand, undecided, in an earlier version.
  let asked = -1;
  for (let i = at - 1; i >= 0; i--) {
    const r = requestOf(history[i].value, kind);
    if (r === undefined || r.requestedAt !== request.requestedAt) break;
    if (r.decision === undefined) asked = i;
  }
  if (asked < 0) return 'it was asked for and decided in the same save';
  if (samePerson(editor, request.requestedBy)) return `${editor.name} asked for it`;
  for (let i = asked; i <= at; i++) {
    const v = history[i].value;
    if (samePerson(editor, v.owner) || samePerson(editor, request.ownerAtRequest)) return `${editor.name} owned the item while it waited for a decision`;
    const changedBy = history[i].editor;
    if (i > asked && ownerKey(v.owner) !== ownerKey(history[i - 1].value.owner) && changedBy !== undefined && sameEditor(editor, changedBy)) {
      return `${editor.name} changed the item's owner while it waited for a decision`;
    }
  }
  return null;
}

/** Whether two due dates are the same in every part a person could move. */
export function sameDue(a: DueDate, b: DueDate): boolean {
  return a.current === b.current && a.original === b.original && a.revisions.length === b.revisions.length;
}

/** One key per person who saved a version: their e-mail address when known, else their name. */
export function editorKey(editor: NonNullable<SavedVersion['editor']>): string {
  return (editor.email ?? editor.name).toLowerCase();
}

function dueText(due: DueDate): string {
  return due.current === null ? 'no date' : formatUkDate(due.current);
}

/**
 * The decisions the last version of `history` records for the first time, and a due date it moves,
 * that the history does not support. `history` is the item's versions oldest first, up to the one
 * being checked. `siteOwner` says whether an editor may correct a due date directly; `actsFor`
 * whether an editor records decisions on behalf of the people it names (see `problemWith`).
 */
export function decisionProblems(
  history: readonly SavedVersion[],
  siteOwner: (editor: NonNullable<SavedVersion['editor']>) => boolean = () => false,
  actsFor: (editor: NonNullable<SavedVersion['editor']>) => boolean = () => false
): DecisionProblem[] {
  const last = history.length - 1;
  if (last < 0) return [];
  const current = history[last];
  const savedBy = current.editor?.name ?? 'unknown';
  const problems: DecisionProblem[] = [];
  let approvedMove: IsoDate | null | undefined;
  for (const kind of ['closure', 'extension'] as const) {
    const request = requestOf(current.value, kind);
    if (request?.decision === undefined) continue;
    if (last > 0 && sameDecision(requestOf(history[last - 1].value, kind), request)) continue;
    const reason = problemWith(history, last, request, kind, actsFor);
    if (reason !== null) problems.push({ kind, version: current.label, decidedBy: request.decision.by, savedBy, reason });
    else if (kind === 'extension' && request.decision.outcome === 'approved') approvedMove = (request as ExtensionRequest).proposed;
  }
  if (last > 0) {
    const before = history[last - 1].value.due;
    const after = current.value.due;
    const moved = before.current !== after.current || before.original !== after.original;
    const trusted = current.editor !== undefined && siteOwner(current.editor);
    if (moved && approvedMove !== after.current && !trusted && !problems.some((p) => p.kind === 'extension')) {
      problems.push({ kind: 'due date', version: current.label, decidedBy: savedBy, savedBy, reason: `the due date was moved from ${dueText(before)} to ${dueText(after)} without an approved extension` });
    }
  }
  return problems;
}

/** The request as it waited before it was decided. */
function undecided<T extends Request>(request: T): T {
  const copy = { ...request };
  delete copy.decision;
  return copy;
}

/**
 * The item with the unsupported decisions withdrawn: each request waits again as it did before the
 * decision (the lifecycle, or the due date and its revisions, as they were), with a history note
 * saying why. `colour` derives the traffic light of the result.
 */
export function withdrawDecisions(
  current: Recommendation,
  before: Recommendation,
  problems: readonly DecisionProblem[],
  by: { name: string; at: string; colour: (rec: Recommendation) => TrafficLight }
): Recommendation {
  let next: Recommendation = current;
  const notes: string[] = [];
  for (const p of problems) {
    if (p.kind === 'due date') {
      next = { ...next, due: before.due };
      notes.push(`Due date change by ${p.decidedBy} withdrawn: ${p.reason}. A due date moves only through an extension request.`);
      continue;
    }
    const outcome = requestOf(next, p.kind)?.decision?.outcome ?? 'decision';
    if (p.kind === 'closure' && next.closure !== undefined) {
      next = { ...next, closure: undecided(next.closure), lifecycle: before.lifecycle };
    } else if (p.kind === 'extension' && next.extension !== undefined) {
      next = { ...next, extension: undecided(next.extension), due: before.due };
    } else {
      continue;
    }
    notes.push(`${p.kind === 'closure' ? 'Closure' : 'Extension'} ${outcome} by ${p.decidedBy} withdrawn: ${p.reason}. The request waits for an independent decision.`);
  }
  if (notes.length === 0) return current;
  const trafficLight = by.colour(next);
  return { ...next, trafficLight, history: [...next.history, ...notes.map((note) => ({ at: by.at, lifecycle: next.lifecycle, trafficLight, by: by.name, note }))] };
}

/** The rule key of the built-in alert that a decision was withdrawn (not a rule in the list). */
export const DECISION_GUARD_RULE = 'decision-guard';

/** Data never becomes template syntax: `${` in a name or reason is broken up. */
function literal(text: string): string {
  return text.replace(/\$\{/g, '$ {');
}

/**
 * The reminders that tell the item's SRO a decision was withdrawn, exactly once per decision
 * (the occurrence names the version that recorded it).
 */
export function decisionAlerts(problems: readonly DecisionProblem[], subject: ReminderSubject, now: Date, today: IsoDate): { intents: ReminderIntent[]; unresolved: UnresolvedRecipient[] } {
  const intents: ReminderIntent[] = [];
  const unresolved: UnresolvedRecipient[] = [];
  for (const p of problems) {
    const occurrence = `withdrawn-${p.kind.replace(' ', '-')}-v${p.version}`;
    const recipient = resolveRecipient({ kind: 'sro' }, subject);
    if (recipient.kind === 'unreachable') {
      unresolved.push({ ruleKey: DECISION_GUARD_RULE, itemId: subject.itemId, occurrence, spec: 'sro', problem: recipient });
      continue;
    }
    const what = p.kind === 'due date' ? 'due date change' : `${p.kind} decision`;
    intents.push({
      key: idempotencyKey(DECISION_GUARD_RULE, subject.itemKind, subject.itemId, occurrence, recipient),
      ruleKey: DECISION_GUARD_RULE,
      itemId: subject.itemId,
      itemKind: subject.itemKind,
      occurrence,
      recipient,
      template: {
        title: `A ${what} on \${ref} was withdrawn`,
        message: `\${ref} (\${report}): the ${what} recorded as made by ${literal(p.decidedBy)} was withdrawn, because ${literal(p.reason)}. ${p.kind === 'due date' ? 'A due date moves only through an approved extension request.' : 'The request waits for an independent decision.'}`
      },
      data: reminderData(subject, recipient, today),
      notBefore: now.toISOString()
    });
  }
  return { intents, unresolved };
}
