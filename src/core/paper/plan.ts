/**
 * The plan delivery update, in the shape of the Lincolnshire PCC's quarterly update to the Police
 * and Crime Panel: per key principle of the plan, the activity in the quarter and the future planned
 * activities, with every commitment's progress.
 */
import { formatUkDate, londonDate } from '../dates';
import type { Action, IsoDate, Lifecycle, OriginatingReport, ProgressUpdate, Recommendation, TrafficLight } from '../model';
import { isOpen, trafficLight } from '../status';
import { formatMonthYear } from './format';

/** What a plan update is built from. */
export interface PlanUpdateInput {
  /** The plan (an originating report of type 'Plan'). */
  plan: OriginatingReport;
  /** Its commitments; those of other reports are ignored. */
  commitments: Recommendation[];
  updates?: ProgressUpdate[];
  actions?: Action[];
  /** The quarter reported on, inclusive. */
  period: { from: IsoDate; to: IsoDate };
  /** The date of the update (its title month). */
  asAt: IsoDate;
  title?: string;
}

/** A dated entry of activity in the quarter. */
export interface PlanActivity {
  date: IsoDate;
  author: string;
  text: string;
}

/** One commitment's part of the update. */
export interface PlanCommitmentEntry {
  /** Paragraph number in the update ("2.1.1"). */
  number: string;
  recommendationId: number | null;
  ref: string;
  text: string;
  lifecycle: Lifecycle;
  trafficLight: TrafficLight;
  /** Progress updates written in the quarter, oldest first. */
  activity: PlanActivity[];
  /** The latest progress before or in the quarter, shown when there was no activity in it. */
  latest: string;
}

/** An activity or event planned after the quarter. */
export interface PlannedEvent {
  ref: string;
  text: string;
  /** "February 2024", or the timescale as written when it is not a date. */
  when: string;
}

export interface PlanPrinciple {
  /** Section number (the first principle is 2: section 1 is the Commissioner's update). */
  number: number;
  name: string;
  commitments: PlanCommitmentEntry[];
  planned: PlannedEvent[];
}

export interface PlanUpdate {
  title: string;
  planTitle: string;
  /** "February 2024". */
  periodLabel: string;
  period: { from: IsoDate; to: IsoDate };
  asAt: IsoDate;
  /** Section 1: the purpose of the report, as the Commissioner's update opens. */
  purpose: string;
  principles: PlanPrinciple[];
}

/** The heading used for commitments that name no key principle. */
export const UNGROUPED_PRINCIPLE = 'Other commitments';

const refOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Builds the plan delivery update. Pure; the quarter and date are inputs.
 * @throws RangeError when the period ends before it starts.
 */
export function buildPlanUpdate(input: PlanUpdateInput): PlanUpdate {
  if (input.period.to < input.period.from) {
    throw new RangeError(`The period ends (${input.period.to}) before it starts (${input.period.from}).`);
  }
  const updates = input.updates ?? [];
  const actions = input.actions ?? [];
  const commitments = input.commitments
    .filter((c) => c.reportId === undefined || input.plan.id === undefined || c.reportId === input.plan.id)
    .sort((a, b) => refOrder.compare(a.ref, b.ref));

  const groups = new Map<string, Recommendation[]>();
  for (const c of commitments) {
    const name = c.keyPrinciple?.trim() || UNGROUPED_PRINCIPLE;
    const group = groups.get(name);
    if (group) group.push(c);
    else groups.set(name, [c]);
  }

  const principles: PlanPrinciple[] = [...groups.entries()].map(([name, recs], index) => {
    const number = index + 2;
    const entries = recs.map((rec, i): PlanCommitmentEntry => {
      const mine = updates.filter((u) => u.recommendationId === rec.id && rec.id !== undefined).sort((a, b) => a.at.localeCompare(b.at));
      const inQuarter = mine.filter((u) => {
        const day = londonDate(u.at);
        return day >= input.period.from && day <= input.period.to;
      });
      const upToEnd = mine.filter((u) => londonDate(u.at) <= input.period.to);
      const last = upToEnd[upToEnd.length - 1];
      return {
        number: `${number}.1.${i + 1}`,
        recommendationId: rec.id ?? null,
        ref: rec.ref,
        text: rec.text,
        lifecycle: rec.lifecycle,
        trafficLight: trafficLight(rec, input.asAt),
        activity: inQuarter.map((u) => ({ date: londonDate(u.at), author: u.author, text: u.text })),
        latest: last ? last.text : rec.latestComment ?? ''
      };
    });
    const ids = new Set(recs.map((r) => r.id).filter((id): id is number => id !== undefined));
    const planned = actions
      .filter((a) => ids.has(a.recommendationId) && isOpen(a.lifecycle))
      .filter((a) => a.due.current === null || a.due.current > input.period.to)
      .sort((a, b) => (a.due.current ?? '9999').localeCompare(b.due.current ?? '9999') || refOrder.compare(a.ref, b.ref))
      .map((a) => ({ ref: a.ref, text: a.text, when: a.due.current ? formatMonthYear(a.due.current) : a.due.raw.trim() }));
    return { number, name, commitments: entries, planned };
  });

  return {
    title: input.title ?? 'Police and Crime Plan Delivery Update',
    planTitle: input.plan.title,
    periodLabel: formatMonthYear(input.asAt),
    period: input.period,
    asAt: input.asAt,
    purpose:
      `The purpose of this report is to provide an update in relation to delivery of the ${input.plan.title}, ` +
      `covering ${formatUkDate(input.period.from)} to ${formatUkDate(input.period.to)}.`,
    principles
  };
}
