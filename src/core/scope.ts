/**
 * The per-report scope sentence of City of London's committee paper: how many recommendations, how
 * many are national or for other bodies, how many apply to the force, and of those how many are
 * complete and how many still to be progressed.
 *
 * The paper words it several ways ("There are 9 recommendations; 5 of which apply to force, 1 is
 * complete and 4 to be progressed", "There are 4 recommendations which apply to force, these are to
 * be progressed", "There are 9 recommendations, 1 of which is national and 8 apply to force these
 * are being progressed"). One template, in the paper's own words, covers them all:
 *
 *   There are {total} {items}[; {n} of which {is|are} national and {f} apply to force | which apply to force][, {progress}].
 *
 * where {progress} is "these are to be progressed", "these are complete", or
 * "{c} {is|are} complete and {p} to be progressed" (plus "{x} need(s) no further action" when some
 * of the force's items need none).
 */
import type { AppliesTo, Lifecycle } from './model';
import { isComplete, isOpen } from './status';

/** What the sentence counts: recommendations, or actions (which apply to the force). */
export interface ScopeItem {
  lifecycle: Lifecycle;
  /** Missing for actions, which are always the force's own. */
  appliesTo?: AppliesTo;
}

export interface ScopeCounts {
  total: number;
  /** Addressed to national or other bodies. */
  nationalOrOther: number;
  /** Of those, addressed to national bodies (Home Office, NPCC, College of Policing, NCA). Taken as all of them when neither split is given. */
  national?: number;
  /** Of those, addressed to another agency. */
  otherBody?: number;
  applyToForce: number;
  /** Of the force's: complete awaiting sign-off, closed or discharged. */
  complete: number;
  /** Of the force's: awaiting review or being progressed. */
  inProgress: number;
  /** Of the force's: marked "No further action" (0 when not given). */
  noFurtherAction?: number;
}

/** How the counted things are called ("recommendation"/"recommendations", "action"/"actions"). */
export interface ScopeNoun {
  one: string;
  many: string;
}

export const RECOMMENDATION_NOUN: ScopeNoun = { one: 'recommendation', many: 'recommendations' };
export const ACTION_NOUN: ScopeNoun = { one: 'action', many: 'actions' };

/** Counts a report's recommendations (or actions) for its scope sentence. */
export function scopeCounts(items: readonly ScopeItem[]): Required<ScopeCounts> {
  const counts: Required<ScopeCounts> = { total: 0, nationalOrOther: 0, national: 0, otherBody: 0, applyToForce: 0, complete: 0, inProgress: 0, noFurtherAction: 0 };
  for (const item of items) {
    counts.total++;
    const appliesTo = item.appliesTo ?? 'Force';
    if (appliesTo === 'National') counts.national++;
    else if (appliesTo === 'Other body') counts.otherBody++;
    else {
      counts.applyToForce++;
      if (isComplete(item.lifecycle)) counts.complete++;
      else if (isOpen(item.lifecycle)) counts.inProgress++;
      else counts.noFurtherAction++;
    }
  }
  counts.nationalOrOther = counts.national + counts.otherBody;
  return counts;
}

/**
 * The scope sentence for the counts, in the paper's wording. Throws a RangeError when the counts do
 * not add up (the force's items must split into complete, in progress and no further action).
 */
export function scopeSentence(given: ScopeCounts, noun: ScopeNoun = RECOMMENDATION_NOUN): string {
  const counts = filledIn(given);
  const { total, nationalOrOther, applyToForce: force } = counts;
  if (total === 0) return `There are no ${noun.many}.`;
  const opening = total === 1 ? `There is 1 ${noun.one}` : `There are ${total} ${noun.many}`;
  let split: string;
  if (nationalOrOther === 0) split = ` which ${total === 1 ? 'applies' : 'apply'} to force`;
  else if (force === 0) split = ` which ${total === 1 ? 'is' : 'are'} ${elsewhere(counts)}`;
  else split = `; ${nationalOrOther} of which ${nationalOrOther === 1 ? 'is' : 'are'} ${elsewhere(counts)} and ${force} ${force === 1 ? 'applies' : 'apply'} to force`;
  const progress = force === 0 ? '' : `, ${progressClause(counts)}`;
  return `${opening}${split}${progress}.`;
}

function elsewhere(counts: Required<ScopeCounts>): string {
  if (counts.otherBody === 0) return 'national';
  if (counts.national === 0) return 'for other bodies';
  return 'national or for other bodies';
}

function progressClause({ applyToForce: force, complete, inProgress, noFurtherAction }: Required<ScopeCounts>): string {
  const these = force === 1 ? 'this is' : 'these are';
  if (inProgress === force) return `${these} to be progressed`;
  if (complete === force) return `${these} complete`;
  if (noFurtherAction === force) return `${force === 1 ? 'this needs' : 'these need'} no further action`;
  const parts: string[] = [];
  if (complete > 0) parts.push(`${complete} ${complete === 1 ? 'is' : 'are'} complete`);
  if (inProgress > 0) parts.push(`${inProgress} to be progressed`);
  if (noFurtherAction > 0) parts.push(`${noFurtherAction} ${noFurtherAction === 1 ? 'needs' : 'need'} no further action`);
  return parts.length === 2 ? `${parts[0]} and ${parts[1]}` : `${parts[0]}, ${parts[1]} and ${parts[2]}`;
}

/** Fills the optional splits and checks that the counts add up. */
function filledIn(given: ScopeCounts): Required<ScopeCounts> {
  const split = given.national === undefined && given.otherBody === undefined;
  const c: Required<ScopeCounts> = {
    ...given,
    national: split ? given.nationalOrOther : (given.national ?? 0),
    otherBody: split ? 0 : (given.otherBody ?? 0),
    noFurtherAction: given.noFurtherAction ?? 0
  };
  const values = [c.total, c.nationalOrOther, c.national, c.otherBody, c.applyToForce, c.complete, c.inProgress, c.noFurtherAction];
  if (values.some((v) => !Number.isInteger(v) || v < 0)) throw new RangeError('Scope counts must be whole numbers, 0 or more.');
  if (c.national + c.otherBody !== c.nationalOrOther || c.nationalOrOther + c.applyToForce !== c.total) {
    throw new RangeError(`Scope counts do not add up: ${c.total} in total, ${c.nationalOrOther} national or for other bodies, ${c.applyToForce} for the force.`);
  }
  if (c.complete + c.inProgress + c.noFurtherAction !== c.applyToForce) {
    throw new RangeError(`Scope counts do not add up: ${c.applyToForce} for the force, but ${c.complete} complete, ${c.inProgress} in progress and ${c.noFurtherAction} needing no further action.`);
  }
  return c;
}
