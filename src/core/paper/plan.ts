/**
 * The plan delivery update, in the shape of the Lincolnshire PCC's quarterly update to the Police
 * and Crime Panel: per key principle of the plan, the activity in the quarter and the future planned
 * activities, with every commitment's progress.
 */
import { formatUkDate, londonDate } from '../dates';
import { timescaleText } from '../dueDates';
import type { Action, DatePrecision, IsoDate, Lifecycle, OriginatingReport, ProgressUpdate, Recommendation, TrafficLight } from '../model';
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
  /** How precisely the update was dated: an update the source dated "February 2024" is printed so. */
  precision: DatePrecision;
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
  /** The commitment's colour; null when the plan is not rated by colour (see `usesTrafficLights`). */
  trafficLight: TrafficLight | null;
  /** Progress updates written in the quarter, oldest first. */
  activity: PlanActivity[];
  /** The latest progress before or in the quarter, shown when there was no activity in it. */
  latest: string;
}

/** An activity or event planned in or after the quarter. */
export interface PlannedEvent {
  ref: string;
  text: string;
  /** The timescale as written ("February 2024", "2024"), else the month it is due in. */
  when: string;
}

export interface PlanPrinciple {
  /** Section number (the first principle is 2: section 1 is the Commissioner's update). */
  number: number;
  name: string;
  commitments: PlanCommitmentEntry[];
  planned: PlannedEvent[];
}

/** The commitments made for the precept: their own part after the key principles, not one of them. */
export interface PlanPreceptPart {
  number: number;
  /** "The PCC, in consultation with the Chief Constable, made a number of commitments …". */
  intro: string;
  commitments: PlanCommitmentEntry[];
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
  precept: PlanPreceptPart | null;
  /** False when the plan is not rated by colour: the update then prints no RAG. */
  usesTrafficLights: boolean;
}

/** The heading used for commitments that name no key principle. */
export const UNGROUPED_PRINCIPLE = 'Other commitments';

/**
 * The heading under which a plan update lists its future planned activities and events. An entry
 * of a plan with this text is that list (its actions are the events), not a commitment.
 */
export const PLANNED_EVENTS_HEADING = 'Future planned activities/events';

/** The key principle name that marks the commitments made for the precept. */
const PRECEPT = /^precept commitments?$/i;

/** How the precept part opens, in the PCC update's words. */
export const PRECEPT_INTRO =
  'The PCC, in consultation with the Chief Constable, made a number of commitments in relation to the use of the extra council tax raised through the precept. These are summarised below alongside progress against delivery of these commitments.';

const refOrder = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function isPlannedEventsEntry(rec: Recommendation): boolean {
  return rec.text.replace(/[\s.:]+$/, '').trim().toLowerCase() === PLANNED_EVENTS_HEADING.toLowerCase();
}

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
  const usesTrafficLights = input.plan.usesTrafficLights !== false;
  const all = input.commitments
    .filter((c) => c.reportId === undefined || input.plan.id === undefined || c.reportId === input.plan.id)
    .sort((a, b) => refOrder.compare(a.ref, b.ref));

  const groups = new Map<string, { commitments: Recommendation[]; lists: Recommendation[] }>();
  const precept: Recommendation[] = [];
  for (const c of all) {
    const name = c.keyPrinciple?.trim() || UNGROUPED_PRINCIPLE;
    if (PRECEPT.test(name) && !isPlannedEventsEntry(c)) {
      precept.push(c);
      continue;
    }
    let group = groups.get(name);
    if (!group) {
      group = { commitments: [], lists: [] };
      groups.set(name, group);
    }
    (isPlannedEventsEntry(c) ? group.lists : group.commitments).push(c);
  }

  const entry = (rec: Recommendation, number: string): PlanCommitmentEntry => {
    const mine = updates.filter((u) => u.recommendationId === rec.id && rec.id !== undefined && u.actionId === undefined).sort((a, b) => a.at.localeCompare(b.at));
    const inQuarter = mine.filter((u) => {
      const day = londonDate(u.at);
      return day >= input.period.from && day <= input.period.to;
    });
    const upToEnd = mine.filter((u) => londonDate(u.at) <= input.period.to);
    const last = upToEnd[upToEnd.length - 1];
    return {
      number,
      recommendationId: rec.id ?? null,
      ref: rec.ref,
      text: rec.text,
      lifecycle: rec.lifecycle,
      trafficLight: usesTrafficLights ? trafficLight(rec, input.asAt) : null,
      activity: inQuarter.map((u) => ({ date: londonDate(u.at), precision: u.atPrecision ?? 'day', author: u.author, text: u.text })),
      latest: last ? last.text : (rec.latestComment ?? '')
    };
  };

  const principles: PlanPrinciple[] = [...groups.entries()].map(([name, group], index) => {
    const number = index + 2;
    const ids = new Set([...group.commitments, ...group.lists].map((r) => r.id).filter((id): id is number => id !== undefined));
    // Every open event from the start of the quarter on, those in the quarter included.
    const planned = actions
      .filter((a) => ids.has(a.recommendationId) && isOpen(a.lifecycle))
      .filter((a) => a.due.current === null || a.due.current >= input.period.from)
      .sort((a, b) => (a.due.current ?? '9999').localeCompare(b.due.current ?? '9999') || refOrder.compare(a.ref, b.ref))
      .map((a) => ({ ref: a.ref, text: a.text, when: timescaleText(a.due).written || (a.due.current ? formatMonthYear(a.due.current) : '') }));
    return { number, name, commitments: group.commitments.map((rec, i) => entry(rec, `${number}.1.${i + 1}`)), planned };
  });
  const preceptNumber = principles.length + 2;

  return {
    title: input.title ?? 'Police and Crime Plan Delivery Update',
    planTitle: input.plan.title,
    periodLabel: formatMonthYear(input.asAt),
    period: input.period,
    asAt: input.asAt,
    purpose:
      `The purpose of this report is to provide an update in relation to delivery of the ${input.plan.title}, ` +
      `covering ${formatUkDate(input.period.from)} to ${formatUkDate(input.period.to)}.`,
    principles,
    precept: precept.length ? { number: preceptNumber, intro: PRECEPT_INTRO, commitments: precept.map((rec, i) => entry(rec, `${preceptNumber}.1.${i + 1}`)) } : null,
    usesTrafficLights
  };
}
