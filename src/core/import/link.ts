/**
 * A force's tracker often carries a national recommendation twice: once in the national section
 * ("All forces …, Lancashire not inspected") and again as the force's own row under a report title
 * of its own ("National 2015 Joint Inspection - …"). The force row is linked to the national one
 * (`nationalKey`, later `nationalRecommendationId`) so that summaries count it once.
 *
 * Two rows are the same recommendation when their word sets overlap almost entirely: forces
 * shorten a preamble ("By 30 November 2015, …") or fix a typo, so exact equality misses most pairs,
 * while different recommendations from one report share well under half their words.
 */
import { normaliseForKey } from './keys';
import type { PlannedRecommendation, PlannedReport } from './types';

/** Share of the shorter text's words found in the longer: 1 when one contains the other. */
export const SAME_RECOMMENDATION_OVERLAP = 0.85;

function wordSet(text: string): Set<string> {
  return new Set(normaliseForKey(text).split(' ').filter((w) => w.length > 2));
}

/** Share of the smaller set's words that are in the larger set. */
export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared += 1;
  return shared / small.size;
}

const NATIONAL_SCOPES = new Set(['All forces, this force not inspected', 'Selection of forces, not this force', 'National']);

/**
 * Sets `nationalKey` on each force row that repeats a row of a national report. Each national row
 * is linked to at most one force row, the most similar.
 */
export function linkNationalRows(reports: readonly PlannedReport[], recommendations: PlannedRecommendation[]): void {
  const scopeOf = new Map(reports.map((r) => [r.key, r.report.scope]));
  const national = recommendations.filter((r) => NATIONAL_SCOPES.has(scopeOf.get(r.reportKey) ?? 'Not stated'));
  const force = recommendations.filter((r) => scopeOf.get(r.reportKey) === 'Force inspected');
  if (national.length === 0 || force.length === 0) return;
  const words = new Map(recommendations.map((r) => [r.key, wordSet(r.recommendation.text)]));
  const candidates: { force: PlannedRecommendation; national: PlannedRecommendation; score: number }[] = [];
  for (const f of force) {
    for (const n of national) {
      const score = wordOverlap(words.get(f.key) as Set<string>, words.get(n.key) as Set<string>);
      if (score >= SAME_RECOMMENDATION_OVERLAP) candidates.push({ force: f, national: n, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const linkedNational = new Set<string>();
  for (const c of candidates) {
    if (c.force.nationalKey || linkedNational.has(c.national.key)) continue;
    c.force.nationalKey = c.national.key;
    linkedNational.add(c.national.key);
  }
}
