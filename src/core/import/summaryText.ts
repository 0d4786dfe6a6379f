/**
 * Reads how many recommendations (or actions) a report made from the scope sentence a source
 * wrote under its heading, in the ways the City of London paper words it:
 *
 * - "There are 22 recommendations; 4 of which apply to force."
 * - "There are 9 recommendations, 1 of which is national and 8 apply to force …"
 * - "There is 1 recommendation and this applies to the force."
 * - "There are a total of 13 actions for the force. 6 are complete and 7 in progress"
 * - "Total of 6 actions: 1 are national and outside the remit of City of London Police."
 * - "Total of 3 actions: relevant to the City of London Police and in progress."
 * - "Total of 3 actions are relevant to the City of London Police, 2 are complete …"
 *
 * Returns null when the text gives no count: nothing is guessed.
 */

export interface ScopeCountsRead {
  /** How many the report made in all. */
  made: number;
  /** What the sentence counts: recommendations, or (as some papers count them) actions. */
  noun: 'recommendation' | 'action';
  /** Of those, how many apply to the force, when the sentence says. */
  forForce?: number;
  /** Of the force's, how many are complete, when the sentence says. */
  complete?: number;
  /** Of the force's, how many are still in progress, when the sentence says. */
  inProgress?: number;
}

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const N = '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const MADE = new RegExp(`\\b(?:there (?:is|are)(?: a total of)?|total of)\\s+${N}\\s+(recommendations?|actions?|areas?)\\b`, 'i');
const FOR_FORCE = new RegExp(`\\b${N}\\s+(?:of which\\s+)?(?:apply|applies|are relevant|is relevant|were areas relevant)\\b`, 'i');
const ELSEWHERE = new RegExp(`\\b${N}\\s+(?:of which\\s+)?(?:is|are)\\s+(?:national|for other bodies)\\b`, 'i');
/** "… which apply to force", "this applies to the force", "actions for the force", "relevant to the … Police". */
const ALL_FOR_FORCE = /\b(?:which apply to (?:the )?force|this applies to the force|for the force\b|(?:actions?|recommendations?)\s*:?\s*(?:are |is )?relevant to the)/i;

function count(word: string): number {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : WORD_NUMBERS[lower];
}

const COMPLETE = new RegExp(`\\b${N}\\s+(?:is|are)\\s+complete\\b`, 'i');
const IN_PROGRESS = new RegExp(`\\b${N}\\s+(?:(?:is|are)\\s+)?(?:still\\s+)?(?:to be progressed|in progress)\\b`, 'i');
const ALL_IN_PROGRESS = /\b(?:these are|this is)\s+(?:being|to be)\s+progressed\b|\band in progress\b/i;
const ALL_COMPLETE = /\b(?:these are|now)\s+complete\b/i;

/** The counts a scope sentence states; null when it states none. */
export function readScopeCounts(text: string): ScopeCountsRead | null {
  const made = MADE.exec(text);
  if (!made) return null;
  const total = count(made[1]);
  const noun = /^action/i.test(made[2]) ? 'action' : 'recommendation';
  const forForce = FOR_FORCE.exec(text);
  const elsewhere = ELSEWHERE.exec(text);
  const force = forForce ? count(forForce[1]) : elsewhere ? total - count(elsewhere[1]) : ALL_FOR_FORCE.test(text) ? total : undefined;
  const read: ScopeCountsRead = force === undefined ? { made: total, noun } : { made: total, noun, forForce: force };
  const complete = COMPLETE.exec(text);
  const inProgress = IN_PROGRESS.exec(text);
  if (complete) read.complete = count(complete[1]);
  if (inProgress) read.inProgress = count(inProgress[1]);
  if (force !== undefined && !complete && !inProgress) {
    if (ALL_IN_PROGRESS.test(text)) Object.assign(read, { complete: 0, inProgress: force });
    else if (ALL_COMPLETE.test(text)) Object.assign(read, { complete: force, inProgress: 0 });
  }
  return read;
}
