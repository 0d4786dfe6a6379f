/**
 * Committee paper fixtures transcribed from City of London Police's November 2017 paper
 * (../shared/seeds/city-of-london-hmicfrs-recommendations-rag-2017.txt): its reports, publication
 * lines, references, texts, due dates as written and colours, with the NEW markers it printed.
 * Each item's history says what it was at the previous paper (15 August 2017), so the NEW / CLOSED
 * markers the paper printed follow from the histories.
 */
import type { AppliesTo, DueDate, IsoDate, Lifecycle, OriginatingReport, ProgressUpdate, Recommendation, RecommendationKind, TrafficLight } from '../../src/core/model';

export const PREVIOUS_PAPER_DATE: IsoDate = '2017-08-15';
export const PAPER_DATE: IsoDate = '2017-11-23';

export const REPORTS: OriginatingReport[] = [
  {
    id: 1,
    title: 'Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases',
    source: 'Joint inspection',
    reportType: 'Joint inspection',
    published: '2017-07-18',
    publishedText: 'Published July 2017',
    scope: 'All forces, this force not inspected',
    responseDeadline: null
  },
  {
    id: 2,
    title: 'PEEL: Police Effectiveness 2016',
    source: 'HMICFRS',
    reportType: 'PEEL',
    published: '2017-03-02',
    publishedText: 'Published March 2017',
    scope: 'Force inspected',
    responseDeadline: null
  },
  {
    id: 3,
    title: 'PEEL: Police Legitimacy 2016 - CoLP',
    source: 'HMICFRS',
    reportType: 'PEEL',
    published: '2016-12-08',
    publishedText: 'Published December 2016',
    scope: 'Force inspected',
    responseDeadline: null
  },
  {
    id: 4,
    title: 'Living in fear - the police and CPS response to harassment and stalking',
    source: 'Joint inspection',
    reportType: 'Joint inspection',
    published: '2017-07-05',
    publishedText: 'Published July 2017',
    scope: 'All forces, this force not inspected',
    responseDeadline: null
  },
  {
    id: 5,
    title: "In harm's way: The role of the police in keeping children safe",
    source: 'Joint inspection',
    reportType: 'Joint inspection',
    published: '2015-07-01',
    publishedText: 'Published July 2015',
    scope: 'All forces, this force not inspected',
    responseDeadline: null
  },
  {
    id: 6,
    title: 'Police and Crime Plan 2021 – 2025',
    source: 'Police and crime plan',
    reportType: 'Plan',
    published: '2021-11-01',
    scope: 'Force inspected',
    responseDeadline: null
  }
];

function due(raw: string, original: IsoDate | null, current: IsoDate | null = original): DueDate {
  const kind = original ? 'date' : /immediate/i.test(raw) ? 'immediate' : raw ? 'no deadline' : 'none';
  return {
    kind,
    original,
    current,
    raw,
    revisions: current && original && current !== original ? [{ from: original, to: current, reason: 'Revised deadline reported to the committee' }] : []
  };
}

interface Row {
  id: number;
  reportId: number;
  ref: string;
  kind?: RecommendationKind;
  text: string;
  appliesTo?: AppliesTo;
  dependsOn?: string;
  due: DueDate;
  /** Lifecycle and colour recorded when the item entered the tracker. */
  was: Lifecycle;
  wasColour: TrafficLight;
  /** A change recorded after the previous paper, if any. */
  now?: { lifecycle: Lifecycle; colour: TrafficLight; at: string };
  comment: string;
}

const ROWS: Row[] = [
  {
    id: 101,
    reportId: 1,
    ref: '1',
    text: 'Immediately, police and CPS must correctly identify all disclosure issues relating to unused material at the charging stage and this must be reflected fully in an action plan',
    due: due('January 2018', '2018-01-31'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    comment: 'At the October 2017 meeting of the London Criminal Justice Board DAC Hewitt [MPS] tasked all agencies to develop bespoke action plans for single-agency issues.'
  },
  // The paper does not print the CPS's own recommendations; this one stands for them, in summary.
  {
    id: 102,
    reportId: 1,
    ref: '2',
    text: 'The CPS should ensure that prosecutors review the schedules of unused material.',
    appliesTo: 'Other body',
    due: due('No deadline set by HMICFRS', null),
    was: 'Being progressed',
    wasColour: 'WHITE',
    comment: 'This action is for the Crown Prosecution Service.'
  },
  {
    id: 104,
    reportId: 1,
    ref: '4',
    text: "Within six months police forces should improve their supervision of case files, with regard to the handling of unused material. This process should be supported by the requirement for supervisors to sign the Disclosure Officer's Report each time this is completed",
    due: due('January 2018', '2018-01-31'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    comment: 'The force has gone live with the Niche system (Crime, Intelligence, Case Prep and Custody) on 25/10/2017.'
  },
  {
    id: 106,
    reportId: 1,
    ref: '6',
    text: 'Within six months, all police forces should establish the role of dedicated disclosure champion and ensure that the role holder is of sufficient seniority to ensure they are able to work closely with the CPS Area Disclosure Champions',
    due: due('January 2018', '2018-01-31'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    now: { lifecycle: 'Complete, awaiting sign-off', colour: 'GREEN', at: '2017-10-12T10:00:00Z' },
    comment: 'The Disclosure Champion has been nominated as the Head of Administration of Justice with a Detective Inspector within the unit as deputy.'
  },
  {
    id: 207,
    reportId: 2,
    ref: '7',
    kind: 'Area for improvement',
    text: 'The force should enhance its ability to gather and use intelligence from a range of sources to develop its understanding of serious and organised crime.',
    due: due('Sept 17 [internal deadline]', '2017-09-30'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    now: { lifecycle: 'Complete, awaiting sign-off', colour: 'GREEN', at: '2017-09-28T15:00:00Z' },
    comment: 'The force has engaged with Durham, Merseyside and Essex to understand the Serious and Organised crime process in other forces.'
  },
  {
    id: 210,
    reportId: 2,
    ref: '10',
    kind: 'Area for improvement',
    text: "The force should improve its understanding, across the government's national 4P framework, of the impact of its activity against serious and organised crime.",
    due: due('Sept 17 [original internal deadline]', '2017-09-30'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    comment: 'The role of lead responsible officer [LRO] has been raised to a minimum level of Inspector rank.'
  },
  {
    id: 212,
    reportId: 2,
    ref: '12',
    kind: 'Area for improvement',
    text: "The force should improve its understanding of the impact of its activity on serious and organised crime and ensure that it learns from experience to maximise the force's disruptive effect on this activity.",
    due: due('Sept 17 [Original internal deadline] Now due: March 2018', '2017-09-30', '2018-03-31'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    comment: 'Analysis to understand which tactics are having best effect has commenced and will be embedded by March 2018.'
  },
  {
    id: 301,
    reportId: 3,
    ref: '1',
    kind: 'Area for improvement',
    text: 'The force should improve how it demonstrates that it has taken action to improve how it treats all the people it serves.',
    due: due('April 2017', '2017-04-30'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    now: { lifecycle: 'Closed by the force', colour: 'GREEN', at: '2017-10-30T12:00:00Z' },
    comment: 'PSD do not believe that any further action is required in this area.'
  },
  {
    id: 304,
    reportId: 3,
    ref: '4',
    kind: 'Area for improvement',
    text: "The force should improve how it identifies and understands its workforce's wellbeing needs.",
    due: due('March 2017', '2017-03-31'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    now: { lifecycle: 'Complete, awaiting sign-off', colour: 'GREEN', at: '2017-11-01T09:00:00Z' },
    comment: 'The force has established a Well Being Plan and a Senior Officer has absorbed the role of Well Being Champion.'
  },
  {
    id: 305,
    reportId: 3,
    ref: '5',
    kind: 'Area for improvement',
    text: 'The force should improve how it manages individual performance of its officers and staff.',
    due: due('Original deadline March 2017 Now due: February 2018', '2017-03-31', '2018-02-28'),
    was: 'Being progressed',
    wasColour: 'AMBER',
    comment: 'The force has established a Performance Development Action Plan with a timeline for delivery of February 2018.'
  },
  {
    id: 408,
    reportId: 4,
    ref: '8',
    text: 'Chief constables should stop the use of Police Information Notices and their equivalents immediately.',
    dependsOn: 'National NPCC decision',
    due: due('Immediate', null),
    was: 'Being progressed',
    wasColour: 'WHITE',
    comment: 'All reccs 8-11 awaiting national NPCC decision.'
  },
  {
    id: 501,
    reportId: 5,
    ref: '1',
    kind: 'Area for attention',
    text: 'At present senior officers do not know the outcomes for children following on from police activity.',
    due: due('February 2016 [Internal deadline]', '2016-02-29'),
    was: 'Closed by the force',
    wasColour: 'GREEN',
    comment: 'A monthly report regarding the outcomes of juveniles who have been in police custody has been developed and is distributed monthly.'
  }
];

function toRecommendation(row: Row, state: 'previous' | 'current'): Recommendation {
  const entered = { at: '2017-07-25T09:00:00Z', lifecycle: row.was, trafficLight: row.wasColour };
  if (row.was === 'Closed by the force') entered.at = '2016-03-01T09:00:00Z';
  const changed = state === 'current' && row.now !== undefined;
  const history = [entered];
  if (changed && row.now) history.push({ at: row.now.at, lifecycle: row.now.lifecycle, trafficLight: row.now.colour });
  return {
    id: row.id,
    reportId: row.reportId,
    ref: row.ref,
    kind: row.kind ?? 'Recommendation',
    text: row.text,
    appliesTo: row.appliesTo ?? 'Force',
    dependsOn: row.dependsOn,
    acceptedForAction: true,
    causeOfConcernIds: [],
    lifecycle: changed && row.now ? row.now.lifecycle : row.was,
    due: row.due,
    reopenings: [],
    latestComment: row.comment,
    lastUpdated: '2017-07-25',
    history,
    directorate: row.reportId === 2 ? 'Crime' : 'Corporate Services'
  };
}

/** The register as it stood at the previous paper. */
export function previousRecommendations(): Recommendation[] {
  return ROWS.map((r) => toRecommendation(r, 'previous'));
}

/** The register now, each item's history recording what changed since. */
export function currentRecommendations(): Recommendation[] {
  return ROWS.map((r) => toRecommendation(r, 'current'));
}

/** Progress updates: the latest is the comment the paper prints. */
export const UPDATES: ProgressUpdate[] = [
  { id: 1, recommendationId: 305, at: '2017-09-01T08:00:00Z', author: 'Head of HR', text: 'A draft Performance Development Action Plan is with the Chief Officer Team.', lifecycle: 'Being progressed' },
  {
    id: 2,
    recommendationId: 305,
    at: '2017-11-10T08:00:00Z',
    author: 'Head of HR',
    text: 'The force has established a Performance Development Action Plan with a timeline for delivery of February 2018.\nProgress is reported monthly to the Strategic Management Board.',
    lifecycle: 'Being progressed'
  }
];

/** The colour City of London's paper printed for each fixture row, keyed by report id and ref. */
export const PRINTED_STATUS: Record<string, string> = {
  '1#1': 'AMBER',
  '1#2': 'WHITE',
  '1#4': 'AMBER',
  '1#6': 'NEW GREEN',
  '2#7': 'NEW GREEN',
  '2#10': 'NEW RED',
  '2#12': 'NEW RED',
  '3#1': 'NEW CLOSED',
  '3#4': 'NEW GREEN',
  '3#5': 'RED',
  '4#8': 'WHITE'
};
