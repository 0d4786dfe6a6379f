/**
 * Counting by colour for the committee paper and the dashboard (each national recommendation counted
 * once), and the PCC's response deadline for an originating report.
 */
import { addDays, parseIsoDate } from './dates';
import type { IsoDate, OriginatingReport, Recommendation, TrafficLight } from './model';
import { TRAFFIC_LIGHTS } from './model';
import { DEFAULT_RAG_POLICY, trafficLight } from './status';
import type { RagFacts, RagPolicy } from './status';

/**
 * Days a police and crime commissioner has to publish comments on an HMICFRS report (section 55 of
 * the Police Act 1996: 56 days from receiving it; taken from publication here).
 */
export const DEFAULT_PCC_RESPONSE_DAYS = 56;

/** The PCC's response deadline: `days` calendar days after publication. */
export function pccResponseDeadline(published: IsoDate, days: number = DEFAULT_PCC_RESPONSE_DAYS): IsoDate {
  parseIsoDate(published);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`The response period must be a whole number of days, 1 or more (got ${days}).`);
  return addDays(published, days);
}

/** A report's response deadline, or null when its publication date is not known. */
export function reportResponseDeadline(report: Pick<OriginatingReport, 'published'>, days: number = DEFAULT_PCC_RESPONSE_DAYS): IsoDate | null {
  return report.published === null ? null : pccResponseDeadline(report.published, days);
}

/** How many items are of each colour on `today`: the committee paper's summary. */
export function countByTrafficLight(items: readonly RagFacts[], today: IsoDate, policy: RagPolicy = DEFAULT_RAG_POLICY): Record<TrafficLight, number> {
  const counts = Object.fromEntries(TRAFFIC_LIGHTS.map((c) => [c, 0])) as Record<TrafficLight, number>;
  for (const item of items) counts[trafficLight(item, today, policy)]++;
  return counts;
}

/** What identifies a recommendation across the register: its id and the national row it repeats. */
export type LinkedItem = Pick<Recommendation, 'id' | 'nationalRecommendationId'>;

/**
 * The national rows that a force row of the register repeats, by the national row's id, with the
 * force row that carries the recommendation (DOMAIN.md: "the same national recommendation appears
 * twice"). Counts take the force row and leave these out, so one recommendation counts once.
 */
export function repeatedNationalRows<T extends LinkedItem>(items: readonly T[]): Map<number, T> {
  const ids = new Set(items.map((i) => i.id).filter((id): id is number => id !== undefined));
  const repeated = new Map<number, T>();
  for (const item of items) {
    const national = item.nationalRecommendationId;
    if (national !== undefined && ids.has(national) && !repeated.has(national)) repeated.set(national, item);
  }
  return repeated;
}

/** The items with every national row a force row repeats left out: each recommendation once. */
export function countedOnce<T extends LinkedItem>(items: readonly T[]): T[] {
  const repeated = repeatedNationalRows(items);
  return items.filter((i) => i.id === undefined || !repeated.has(i.id));
}

/** The other row of the same recommendation, and which way round. */
export interface SameRecommendation<T> {
  /** 'carried by': this national row is repeated by `other`, the force's own; 'repeats': this force row repeats `other`. */
  kind: 'carried by' | 'repeats';
  other: T;
}

/** For each item, the other row of the same recommendation in `items`, or null: both rows say where the other is. */
export function sameRecommendationAs<T extends LinkedItem>(items: readonly T[]): (item: T) => SameRecommendation<T> | null {
  const carriedBy = repeatedNationalRows(items);
  const byId = new Map(items.map((i) => [i.id, i]));
  return (item) => {
    const force = item.id === undefined ? undefined : carriedBy.get(item.id);
    if (force) return { kind: 'carried by', other: force };
    const national = item.nationalRecommendationId === undefined ? undefined : byId.get(item.nationalRecommendationId);
    return national ? { kind: 'repeats', other: national } : null;
  };
}
