/**
 * The domain model: what forces track when they act on inspection findings.
 * Pure types, no behaviour. Dates are ISO calendar dates (`YYYY-MM-DD`, the day in Europe/London);
 * instants are ISO timestamps in UTC (`2017-11-14T09:30:00Z`).
 */

/** A calendar date in Europe/London, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, ISO 8601 in UTC. */
export type IsoInstant = string;

/** Who published the originating report. */
export const SOURCES = [
  'HMICFRS',
  'HMCPSI',
  'HMI Probation',
  'Joint inspection',
  'IOPC',
  'Coroner',
  'Internal audit',
  'Police and crime plan',
  'Ofsted',
  'CQC',
  'Other'
] as const;
export type Source = (typeof SOURCES)[number];

/** The type of report, as the forces label it. */
export const REPORT_TYPES = [
  'PEEL',
  'National thematic',
  'Force inspection',
  'Joint inspection',
  'Revisit',
  'Learning recommendations',
  'Prevention of future deaths',
  'Audit',
  'Plan',
  'Other'
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** Whether the force itself was inspected ("Lancashire", "Selection of forces not Lancashire", …). */
export const SCOPES = ['Force inspected', 'Selection of forces, not this force', 'All forces, this force not inspected', 'National', 'Not stated'] as const;
export type Scope = (typeof SCOPES)[number];

/** How precisely a source gave a date: "14 November 2017", "November 2017" or "2017". */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** What a source itself said about an item on its date: the Status cell as written. */
export interface RecordedStatus {
  /** The status as written: "NEW GREEN", "AMBER", "Completed". */
  label: string;
  /** The colour the source gave, or null when it used a lifecycle word only. */
  colour: TrafficLight | null;
  /** NEW (changed since the source's previous paper) or CLOSED (NEW CLOSED), as the source marked it. */
  marker: 'NEW' | 'CLOSED' | null;
  /** The source's date: the day its paper speaks for, or the item's last update. */
  on: IsoDate;
}

/** A report's scope sentence as the source wrote it, with the source's date. */
export interface RecordedScope {
  sentence: string;
  on: IsoDate;
}

/** The originating report (a source of recommendations). */
export interface OriginatingReport {
  id?: number;
  title: string;
  source: Source;
  reportType: ReportType;
  /**
   * Publication date: the day, or the first day of the month (or year) when the source gives only
   * that (`publishedPrecision` says which); null when the source gives nothing.
   */
  published: IsoDate | null;
  /** How precisely the source gave the publication date; 'day' when absent. */
  publishedPrecision?: DatePrecision;
  /** Free text of the publication line, kept as written ("Published November 2017"). */
  publishedText?: string;
  /** Who published it, as the source's by-line puts it ("A joint national report by HMCPSI and HMIC"). */
  byLine?: string;
  /**
   * How many recommendations (or actions) the report made in all, national ones and those for
   * other bodies included, when more than the register holds ("There are 22 recommendations; 4 of
   * which apply to force").
   */
  made?: number;
  /** Of those, how many apply to the force, when the source says. */
  madeForForce?: number;
  /** The scope sentence as the source wrote it. */
  recordedScope?: RecordedScope;
  /**
   * Whether the report's items are rated by colour; false for a plan whose updates use none, so
   * that its update prints no RAG. Absent means rated.
   */
  usesTrafficLights?: boolean;
  scope: Scope;
  /** The scope text as written in the source. */
  scopeText?: string;
  /** The PCC's response deadline: 56 days after publication by default (see `pccResponseDeadline`). */
  responseDeadline: IsoDate | null;
  url?: string;
}

export const RECOMMENDATION_KINDS = [
  'Recommendation',
  'Area for improvement',
  'Cause of concern',
  'Accelerated cause of concern',
  'Area for attention',
  'Area for enhancement',
  'Plan commitment'
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Who a recommendation is addressed to: WHITE when it is not the force's to deliver. */
export const APPLIES_TO = ['Force', 'National', 'Other body'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];

/** Lifecycle status. "Complete, awaiting sign-off", "closed by the force" and "discharged" are distinct. */
export const LIFECYCLES = [
  'Awaiting review',
  'Being progressed',
  'Complete, awaiting sign-off',
  'Closed by the force',
  'Discharged by the inspectorate',
  'No further action'
] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const TRAFFIC_LIGHTS = ['GREEN', 'AMBER', 'RED', 'WHITE'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export const CONFIDENCES = ['High', 'Medium', 'Low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A person as the tracker knows them: a site user when matched, else the text the source gave. */
export interface Person {
  /** SharePoint site user id, when matched. */
  userId?: number;
  /** Display name or the role text as written ("ACC Gibson", "Head of Crime"). */
  name: string;
  email?: string;
}

/** How a due date was expressed. */
export const DUE_KINDS = ['date', 'immediate', 'no deadline', 'awaiting new timescale', 'unparsed', 'none'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** One approved change of due date. */
export interface DueRevision {
  from: IsoDate | null;
  to: IsoDate;
  reason: string;
  approvedBy?: string;
  at?: IsoInstant;
}

/** A due date as forces write it: never a guessed date; the raw text is always kept. */
export interface DueDate {
  kind: DueKind;
  /** The first committed date, if any. */
  original: IsoDate | null;
  /** The date now in force (the last revision), if any. */
  current: IsoDate | null;
  revisions: DueRevision[];
  /** The text it was read from, exactly as written ('' when there was none). */
  raw: string;
  /** Why the text could not be read, when kind is 'unparsed'. */
  problem?: string;
  /**
   * True when the deadline was read from the recommendation's own text ("Within six months, forces
   * should…") because the source gave no timescale: `raw` is then a phrase of that text.
   */
  fromText?: true;
}

/** A manual RED ("cannot / will not be implemented"): only with a rationale. */
export interface RagOverride {
  colour: 'RED';
  rationale: string;
  setBy: string;
  at: IsoInstant;
}

/** Where an extension request stands: asked for, then the decision's outcome. */
export const EXTENSION_STATES = ['requested', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** Where a closure request stands: asked for, then the decision's outcome. */
export const CLOSURE_STATES = ['requested', 'approved', 'returned'] as const;
export type ClosureState = (typeof CLOSURE_STATES)[number];

/** An extension request to move a due date. */
export interface ExtensionRequest {
  requestedBy: string;
  requestedAt: IsoInstant;
  /** The owner when the request was made: they may not decide it, even if the owner changes meanwhile. */
  ownerAtRequest?: Person;
  proposed: IsoDate;
  reason: string;
  decision?: { outcome: Exclude<ExtensionState, 'requested'>; by: string; at: IsoInstant; note?: string };
}

/** A closure request awaiting (or having had) sign-off. */
export interface ClosureRequest {
  requestedBy: string;
  requestedAt: IsoInstant;
  /** The owner when the request was made: they may not decide it, even if the owner changes meanwhile. */
  ownerAtRequest?: Person;
  evidence: string;
  decision?: { outcome: Exclude<ClosureState, 'requested'>; by: string; at: IsoInstant; note?: string };
}

/** A change of lifecycle or colour, the raw material of NEW / CLOSED markers. */
export interface StatusChange {
  at: IsoInstant;
  lifecycle: Lifecycle;
  trafficLight: TrafficLight;
  by?: string;
  note?: string;
}

export interface Recommendation {
  id?: number;
  reportId?: number;
  /** Reference as the source gives it: `141`, `1610`, `4`, `1.2`. */
  ref: string;
  kind: RecommendationKind;
  text: string;
  appliesTo: AppliesTo;
  /** Who it is addressed to, when not the force ("Home Office", "NPCC", "College of Policing"). */
  addressee?: string;
  acceptedForAction: boolean | null;
  /** For an area for improvement or recommendation: the causes of concern it answers (their ids). */
  causeOfConcernIds: number[];
  /**
   * The other organisation whose product or decision this depends on ("NPCC decision"), while it
   * does. City of London rates such items WHITE even when they apply to the force.
   */
  dependsOn?: string;
  /** The national row this force row duplicates, if any. */
  nationalRecommendationId?: number;
  sro?: Person;
  owner?: Person;
  directorate?: string;
  lifecycle: Lifecycle;
  due: DueDate;
  confidence?: Confidence;
  /** The confidence cell as written when it is not one rating ("High Med", "Awaiting new confidence level"). */
  confidenceAsWritten?: string;
  confidenceNarrative?: string;
  ragOverride?: RagOverride;
  closure?: ClosureRequest;
  extension?: ExtensionRequest;
  /** Why it was re-opened, every time it was. */
  reopenings: { at: IsoInstant; by: string; reason: string }[];
  latestComment?: string;
  /** For a plan commitment: the plan's key principle it delivers ("Policing that Works"). */
  keyPrinciple?: string;
  /** The inspectorate's evidence for the finding, as its report gives it. */
  inspectorateEvidence?: string;
  lastUpdated: IsoDate | null;
  history: StatusChange[];
  /**
   * The traffic light last derived by the status rules, stored so that lists can be filtered and
   * sorted by colour on the server. Derived data: the status rules remain the authority.
   */
  trafficLight?: TrafficLight;
  /** The status the source recorded, kept beside the derived colour. */
  recorded?: RecordedStatus;
}

/**
 * A recommendation as lists of them read it (the tracker's grid with its filters, search, colours
 * and export, the dashboard, the rules page's previews): every column these derive from, without
 * the long texts and records only the item panel shows, which are read when an item is opened.
 */
export type ListedRecommendation = Omit<Recommendation, 'acceptedForAction' | 'keyPrinciple' | 'inspectorateEvidence' | 'confidenceAsWritten' | 'confidenceNarrative' | 'reopenings' | 'trafficLight'>;

export interface Action {
  id?: number;
  recommendationId: number;
  /** Numbering within the recommendation ("I", "1.2"). */
  ref: string;
  text: string;
  owner?: Person;
  lifecycle: Lifecycle;
  due: DueDate;
  currentPosition?: string;
  /** The status the source recorded for this action. */
  recorded?: RecordedStatus;
}

export interface ProgressUpdate {
  id?: number;
  recommendationId: number;
  actionId?: number;
  at: IsoInstant;
  /** When the source dated the update by month or year only ("February 2024"): `at` is then in that period. */
  atPrecision?: 'month' | 'year';
  author: string;
  text: string;
  lifecycle: Lifecycle;
  confidence?: Confidence;
}

/**
 * A reminder rule as kept in the Reminder Rules list, so that admins can change rules without code.
 * The rule itself (trigger, condition, recipients, template, repeat policy) is `definition`, whose
 * shape belongs to the core reminder rules.
 */
export interface ReminderRuleRecord {
  id?: number;
  /** Stable key, unique in the list ("due-in-14-days"). */
  key: string;
  name: string;
  enabled: boolean;
  definition: { [key: string]: unknown };
}

export const REMINDER_STATUSES = ['Claimed', 'Sent', 'Failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One reminder, recorded in the Reminder Log under its idempotency key so that none is sent twice. */
export interface ReminderLogEntry {
  id?: number;
  /** Idempotency key: rule, item and occurrence. Unique in the list. */
  key: string;
  ruleKey: string;
  /** The recommendation (or action, see `itemKind`) the reminder is about. */
  itemId: number;
  itemKind: 'recommendation' | 'action';
  occurrence: string;
  recipient: string;
  channel: string;
  status: ReminderStatus;
  at: IsoInstant;
  attempts: number;
  detail?: string;
}
