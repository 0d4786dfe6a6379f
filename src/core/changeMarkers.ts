/**
 * What changed since the previous committee paper: the NEW and CLOSED markers of the City of London
 * paper ("NEW GREEN", "NEW RED", "NEW CLOSED"). An item is NEW when its lifecycle or colour differs
 * from what it was at the previous paper, or when it did not exist then; CLOSED when it has been
 * closed or discharged since. The previous state comes either from a frozen snapshot of the issued
 * paper (the caller passes the snapshot entry to {@link changeMarker}) or from each item's history
 * ({@link markSince}).
 */
import { daysBetween, londonDate, parseIsoDate } from './dates';
import type { DueDate, IsoDate, IsoInstant, Lifecycle, Recommendation, StatusChange, TrafficLight } from './model';
import { DEFAULT_RAG_POLICY, isFinished, isOpen, trafficLight } from './status';
import type { RagFacts, RagPolicy } from './status';

/** An item's status at one moment: what the markers compare. */
export interface StatusPoint {
  lifecycle: Lifecycle;
  trafficLight: TrafficLight;
}

/** The marker and the label the paper prints in the Status column. */
export interface ChangeMark {
  /** NEW: changed since the previous paper (or new to it); CLOSED: closed since; null: unchanged. */
  marker: 'NEW' | 'CLOSED' | null;
  /** "NEW GREEN", "NEW RED", "NEW CLOSED", "CLOSED" (closed before the previous paper) or the colour. */
  label: string;
}

/**
 * Compares an item's status now with its status at the previous paper (`undefined` when it did not
 * exist then). Closed means "Closed by the force" or "Discharged by the inspectorate".
 */
export function changeMarker(current: StatusPoint, previous: StatusPoint | undefined): ChangeMark {
  if (isFinished(current.lifecycle)) {
    return previous !== undefined && isFinished(previous.lifecycle) ? { marker: null, label: 'CLOSED' } : { marker: 'CLOSED', label: 'NEW CLOSED' };
  }
  const changed = previous === undefined || previous.lifecycle !== current.lifecycle || previous.trafficLight !== current.trafficLight;
  return changed ? { marker: 'NEW', label: `NEW ${current.trafficLight}` } : { marker: null, label: current.trafficLight };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 instant with its offset ("2017-11-14T09:30:00Z").
 * Stricter than Date.parse, which would read "01/08/2017" as 8 January in the local zone.
 */
export function instantTime(at: IsoInstant): number {
  const ms = ISO_INSTANT.test(at) ? Date.parse(at) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant with its offset (2017-11-14T09:30:00Z): '${at}'`);
  return ms;
}

/**
 * The last recorded status change at or before `at`, or `undefined` when the history has none then.
 * `at` is an instant, or a London date meaning the end of that day (changes made on a paper's date
 * count as before it). Entries are ordered by time; among equal times the later entry wins.
 */
export function statusAt(history: readonly StatusChange[], at: IsoInstant | IsoDate): StatusChange | undefined {
  const onOrBefore = cutoff(at);
  let found: { change: StatusChange; ms: number } | undefined;
  for (const change of history) {
    const ms = instantTime(change.at);
    if (onOrBefore(change.at, ms) && (found === undefined || ms >= found.ms)) found = { change, ms };
  }
  return found?.change;
}

/** The due date that was in force on a London date, from the revisions' approval times. */
export function dueInForceOn(due: DueDate, date: IsoDate): IsoDate | null {
  // Revisions without a time were read from imported text and predate the tracker: in force.
  const inForce = due.revisions.filter((r) => r.at === undefined || londonDate(r.at) <= date);
  if (inForce.length === due.revisions.length) return due.current;
  const last = inForce[inForce.length - 1];
  return last !== undefined ? last.to : (due.revisions[0]?.from ?? due.original);
}

/**
 * An item's status at a past paper date, from its history. The recorded colour is the one derived
 * when the item last changed; an open AMBER item whose due date then in force had passed by the
 * paper date had turned RED without any change being recorded, so it is reported RED.
 */
export function previousStatus(
  rec: RagFacts & Pick<Recommendation, 'history'>,
  at: IsoInstant | IsoDate,
  policy: RagPolicy = DEFAULT_RAG_POLICY
): StatusPoint | undefined {
  const recorded = statusAt(rec.history, at);
  if (recorded === undefined) return undefined;
  const point: StatusPoint = { lifecycle: recorded.lifecycle, trafficLight: recorded.trafficLight };
  if (point.trafficLight !== 'AMBER' || !isOpen(point.lifecycle)) return point;
  const date = ISO_DATE.test(at) ? at : londonDate(at);
  const deadline = policy.overdueAgainst === 'original' ? (rec.due.original ?? dueInForceOn(rec.due, date)) : dueInForceOn(rec.due, date);
  return deadline !== null && daysBetween(deadline, date) > 0 ? { ...point, trafficLight: 'RED' } : point;
}

/** One item with its status now, at the previous paper, and its marker. */
export interface MarkedItem<T> extends ChangeMark {
  item: T;
  current: StatusPoint;
  previous: StatusPoint | undefined;
}

/**
 * Marks every item against the previous paper's date, from history: NEW when changed since (or
 * absent then: an item with no status change recorded by that date did not exist for the paper),
 * CLOSED when closed since. `today` is the London date of the paper being written.
 */
export function markSince<T extends RagFacts & Pick<Recommendation, 'history'>>(
  items: readonly T[],
  previousPaperDate: IsoDate | IsoInstant,
  today: IsoDate,
  policy: RagPolicy = DEFAULT_RAG_POLICY
): MarkedItem<T>[] {
  return items.map((item) => {
    const current: StatusPoint = { lifecycle: item.lifecycle, trafficLight: trafficLight(item, today, policy) };
    const previous = previousStatus(item, previousPaperDate, policy);
    return { item, current, previous, ...changeMarker(current, previous) };
  });
}

function cutoff(at: IsoInstant | IsoDate): (changeAt: IsoInstant, ms: number) => boolean {
  if (ISO_DATE.test(at)) {
    parseIsoDate(at);
    return (changeAt) => londonDate(changeAt) <= at;
  }
  const limit = instantTime(at);
  return (_changeAt, ms) => ms <= limit;
}
