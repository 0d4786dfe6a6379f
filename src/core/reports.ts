/**
 * Report-level rules: the PCC's response deadline and the committee paper's colour counts.
 */
import { addDays, parseIsoDate } from './dates';
import type { IsoDate, OriginatingReport, TrafficLight } from './model';
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
