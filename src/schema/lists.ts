/**
 * The tracker's SharePoint lists, described once. Internal names carry a `Trk` prefix so that they
 * never collide with SharePoint's own site columns. Choices come from the model's constants, so a
 * new lifecycle or kind reaches SharePoint through provisioning.
 */
import {
  APPLIES_TO,
  CONFIDENCES,
  DATE_PRECISIONS,
  DUE_KINDS,
  LIFECYCLES,
  RECOMMENDATION_KINDS,
  REMINDER_STATUSES,
  REPORT_TYPES,
  SCOPES,
  SOURCES,
  TRAFFIC_LIGHTS
} from '../core/model';
import { ROUND_STATUSES } from '../core/round/model';
import type { FieldSchema, ListKey, ListSchema, TrackerSchema } from './types';

/** Choices of the "Accepted for action" column: empty means not yet decided. */
export const ACCEPTED_CHOICES = ['Yes', 'No'] as const;

/** Choices of "Rated by traffic light": empty means rated. */
export const USES_TRAFFIC_LIGHTS_CHOICES = ['Yes', 'No'] as const;

/** How coarsely a source dated a progress update. */
export const AT_PRECISIONS = ['month', 'year'] as const;

/** Choices of the Reminder Log's item kind. */
export const REMINDER_ITEM_KINDS = ['recommendation', 'action'] as const;

/** Internal names, so that code never spells a column twice. */
export const F = {
  title: 'Title',
  source: 'TrkSource',
  reportType: 'TrkReportType',
  published: 'TrkPublished',
  publishedText: 'TrkPublishedText',
  scope: 'TrkScope',
  scopeText: 'TrkScopeText',
  responseDeadline: 'TrkResponseDeadline',
  reportUrl: 'TrkReportUrl',
  publishedPrecision: 'TrkPublishedPrecision',
  byLine: 'TrkByLine',
  made: 'TrkMade',
  madeForForce: 'TrkMadeForForce',
  recordedScope: 'TrkRecordedScope',
  recorded: 'TrkRecorded',
  usesTrafficLights: 'TrkUsesTrafficLights',
  atPrecision: 'TrkAtPrecision',
  report: 'TrkReport',
  kind: 'TrkKind',
  text: 'TrkText',
  appliesTo: 'TrkAppliesTo',
  addressee: 'TrkAddressee',
  accepted: 'TrkAccepted',
  causesOfConcern: 'TrkCausesOfConcern',
  nationalRec: 'TrkNationalRec',
  dependsOn: 'TrkDependsOn',
  keyPrinciple: 'TrkKeyPrinciple',
  sro: 'TrkSro',
  sroName: 'TrkSroName',
  sroEmail: 'TrkSroEmail',
  owner: 'TrkOwner',
  ownerName: 'TrkOwnerName',
  ownerEmail: 'TrkOwnerEmail',
  directorate: 'TrkDirectorate',
  lifecycle: 'TrkLifecycle',
  trafficLight: 'TrkTrafficLight',
  dueKind: 'TrkDueKind',
  dueOriginal: 'TrkDueOriginal',
  dueCurrent: 'TrkDueCurrent',
  dueRevisions: 'TrkDueRevisions',
  dueRaw: 'TrkDueRaw',
  dueProblem: 'TrkDueProblem',
  dueFromText: 'TrkDueFromText',
  confidence: 'TrkConfidence',
  confidenceNarrative: 'TrkConfidenceNarrative',
  confidenceText: 'TrkConfidenceText',
  evidence: 'TrkEvidence',
  ragOverride: 'TrkRagOverride',
  closure: 'TrkClosure',
  extension: 'TrkExtension',
  reopenings: 'TrkReopenings',
  latestComment: 'TrkLatestComment',
  lastUpdated: 'TrkLastUpdated',
  history: 'TrkHistory',
  recommendation: 'TrkRecommendation',
  currentPosition: 'TrkCurrentPosition',
  action: 'TrkAction',
  at: 'TrkAt',
  author: 'TrkAuthor',
  enabled: 'TrkEnabled',
  definition: 'TrkDefinition',
  ruleKey: 'TrkRuleKey',
  itemId: 'TrkItemId',
  itemKind: 'TrkItemKind',
  occurrence: 'TrkOccurrence',
  recipient: 'TrkRecipient',
  channel: 'TrkChannel',
  status: 'TrkStatus',
  attempts: 'TrkAttempts',
  detail: 'TrkDetail',
  value: 'TrkValue',
  paperDate: 'TrkPaperDate',
  committee: 'TrkCommittee',
  paperKind: 'TrkPaperKind',
  replyBy: 'TrkReplyBy',
  roundItems: 'TrkRoundItems',
  selection: 'TrkSelection',
  openedBy: 'TrkOpenedBy'
} as const;

/** Kinds of file in the Committee Papers library: the paper itself and its frozen snapshot. */
export const PAPER_KINDS = ['Paper', 'Snapshot'] as const;

/** A person: a site user when matched, with the text (and e-mail) always kept beside it. */
function personFields(user: string, name: string, email: string, label: string, indexed: boolean): FieldSchema[] {
  return [
    { internalName: user, displayName: label, type: 'User', indexed, inDefaultView: true },
    { internalName: name, displayName: `${label} (as written)`, type: 'Text', indexed, description: `The ${label.toLowerCase()} as the source names them, kept when no site user matches.` },
    { internalName: email, displayName: `${label} e-mail`, type: 'Text' }
  ];
}

/** A due date: the date in force is indexed (due-before queries), the rest kept as written. */
function dueFields(indexed: boolean): FieldSchema[] {
  return [
    { internalName: F.dueKind, displayName: 'Due kind', type: 'Choice', choices: DUE_KINDS, required: true },
    { internalName: F.dueOriginal, displayName: 'Original due date', type: 'DateTime', dateOnly: true },
    { internalName: F.dueCurrent, displayName: 'Due date', type: 'DateTime', dateOnly: true, indexed, inDefaultView: true },
    { internalName: F.dueRevisions, displayName: 'Due date revisions', type: 'Note', description: 'JSON: every approved change of due date.' },
    { internalName: F.dueRaw, displayName: 'Timescale (as written)', type: 'Note' },
    { internalName: F.dueProblem, displayName: 'Timescale problem', type: 'Note' },
    { internalName: F.dueFromText, displayName: 'Timescale read from the text', type: 'Boolean', description: "Yes when the source gave no timescale and the deadline was read from the recommendation's own text." }
  ];
}

const lifecycleField = (indexed: boolean): FieldSchema => ({
  internalName: F.lifecycle,
  displayName: 'Status',
  type: 'Choice',
  choices: LIFECYCLES,
  required: true,
  indexed,
  inDefaultView: true
});

const reports: ListSchema = {
  key: 'reports',
  title: 'Inspection Reports',
  description: 'Originating reports: inspections, reviews, audits and plans whose recommendations are tracked.',
  baseTemplate: 100,
  large: false,
  titleField: { displayName: 'Title', required: true },
  fields: [
    { internalName: F.source, displayName: 'Source', type: 'Choice', choices: SOURCES, required: true, indexed: true, inDefaultView: true },
    { internalName: F.reportType, displayName: 'Report type', type: 'Choice', choices: REPORT_TYPES, required: true, inDefaultView: true },
    { internalName: F.published, displayName: 'Published', type: 'DateTime', dateOnly: true, indexed: true, inDefaultView: true },
    { internalName: F.publishedPrecision, displayName: 'Published precision', type: 'Choice', choices: DATE_PRECISIONS, description: 'Whether the source gave the day, only the month or only the year of publication.' },
    { internalName: F.publishedText, displayName: 'Published (as written)', type: 'Text' },
    { internalName: F.byLine, displayName: 'By-line (as written)', type: 'Text', description: 'Who published it, as the source puts it ("A joint national report by HMCPSI and HMIC").' },
    { internalName: F.made, displayName: 'Recommendations made', type: 'Number', description: 'How many the report made in all, national ones and those for other bodies included.' },
    { internalName: F.madeForForce, displayName: 'Recommendations for the force', type: 'Number', description: 'Of those, how many apply to the force.' },
    { internalName: F.recordedScope, displayName: 'Scope sentence (as written)', type: 'Note', description: "JSON: the source's scope sentence and its date." },
    { internalName: F.usesTrafficLights, displayName: 'Rated by traffic light', type: 'Choice', choices: USES_TRAFFIC_LIGHTS_CHOICES, description: 'No for a plan whose updates rate nothing by colour: its update then prints no RAG. Empty means Yes.' },
    { internalName: F.scope, displayName: 'Scope', type: 'Choice', choices: SCOPES, required: true },
    { internalName: F.scopeText, displayName: 'Scope (as written)', type: 'Text' },
    { internalName: F.responseDeadline, displayName: 'PCC response deadline', type: 'DateTime', dateOnly: true, inDefaultView: true },
    { internalName: F.reportUrl, displayName: 'Report link', type: 'URL' }
  ]
};

const recommendations: ListSchema = {
  key: 'recommendations',
  title: 'Recommendations',
  description: 'Recommendations, areas for improvement and causes of concern, with owner, status and due date.',
  baseTemplate: 100,
  large: true,
  titleField: { displayName: 'Reference', required: true },
  fields: [
    { internalName: F.report, displayName: 'Report', type: 'Lookup', lookupList: 'reports', indexed: true, inDefaultView: true },
    { internalName: F.kind, displayName: 'Kind', type: 'Choice', choices: RECOMMENDATION_KINDS, required: true, indexed: true, inDefaultView: true },
    { internalName: F.text, displayName: 'Recommendation', type: 'Note', required: true, inDefaultView: true },
    { internalName: F.appliesTo, displayName: 'Applies to', type: 'Choice', choices: APPLIES_TO, required: true, indexed: true },
    { internalName: F.addressee, displayName: 'Addressed to', type: 'Text' },
    { internalName: F.accepted, displayName: 'Accepted for action', type: 'Choice', choices: ACCEPTED_CHOICES },
    { internalName: F.causesOfConcern, displayName: 'Causes of concern answered', type: 'LookupMulti', lookupList: 'recommendations' },
    { internalName: F.nationalRec, displayName: 'National recommendation', type: 'Lookup', lookupList: 'recommendations' },
    { internalName: F.dependsOn, displayName: 'Depends on', type: 'Text', description: 'The other organisation whose product or decision this waits for.' },
    { internalName: F.keyPrinciple, displayName: 'Key principle', type: 'Text' },
    { internalName: F.evidence, displayName: 'Inspectorate evidence', type: 'Note', description: "The inspectorate's evidence for the finding, as its report gives it." },
    ...personFields(F.sro, F.sroName, F.sroEmail, 'SRO', false),
    ...personFields(F.owner, F.ownerName, F.ownerEmail, 'Owner', true),
    { internalName: F.directorate, displayName: 'Directorate', type: 'Text', indexed: true, inDefaultView: true },
    lifecycleField(true),
    { internalName: F.trafficLight, displayName: 'Traffic light', type: 'Choice', choices: TRAFFIC_LIGHTS, indexed: true, inDefaultView: true },
    ...dueFields(true),
    { internalName: F.confidence, displayName: 'Confidence', type: 'Choice', choices: CONFIDENCES },
    { internalName: F.confidenceNarrative, displayName: 'Confidence narrative', type: 'Note' },
    { internalName: F.confidenceText, displayName: 'Confidence (as written)', type: 'Text', description: 'The confidence cell as the source wrote it, when it is not one rating.' },
    { internalName: F.ragOverride, displayName: 'Manual RED', type: 'Note', description: 'JSON: the rationale for a RED set by hand.' },
    { internalName: F.closure, displayName: 'Closure request', type: 'Note', description: 'JSON' },
    { internalName: F.extension, displayName: 'Extension request', type: 'Note', description: 'JSON' },
    { internalName: F.reopenings, displayName: 'Re-openings', type: 'Note', description: 'JSON' },
    { internalName: F.latestComment, displayName: 'Latest comment', type: 'Note', inDefaultView: true },
    { internalName: F.lastUpdated, displayName: 'Last updated', type: 'DateTime', dateOnly: true, indexed: true, inDefaultView: true },
    { internalName: F.history, displayName: 'Status history', type: 'Note', description: 'JSON: every change of status or colour.' },
    { internalName: F.recorded, displayName: 'Status (as recorded by the source)', type: 'Note', description: 'JSON: the status the source gave, its NEW / CLOSED marker and its date.' }
  ]
};

const actions: ListSchema = {
  key: 'actions',
  title: 'Actions',
  description: 'Actions the force takes to deliver a recommendation.',
  baseTemplate: 100,
  large: true,
  titleField: { displayName: 'Reference', required: true },
  fields: [
    { internalName: F.recommendation, displayName: 'Recommendation', type: 'Lookup', lookupList: 'recommendations', required: true, indexed: true, inDefaultView: true },
    { internalName: F.text, displayName: 'Action', type: 'Note', required: true, inDefaultView: true },
    ...personFields(F.owner, F.ownerName, F.ownerEmail, 'Owner', true),
    lifecycleField(true),
    ...dueFields(true),
    { internalName: F.currentPosition, displayName: 'Current position', type: 'Note', inDefaultView: true },
    { internalName: F.recorded, displayName: 'Status (as recorded by the source)', type: 'Note', description: 'JSON: the status the source gave, its NEW / CLOSED marker and its date.' }
  ]
};

const updates: ListSchema = {
  key: 'updates',
  title: 'Progress Updates',
  description: 'Progress updates posted by owners against recommendations and actions.',
  baseTemplate: 100,
  large: true,
  titleField: { displayName: 'Summary', required: false },
  fields: [
    { internalName: F.recommendation, displayName: 'Recommendation', type: 'Lookup', lookupList: 'recommendations', required: true, indexed: true, inDefaultView: true },
    { internalName: F.action, displayName: 'Action', type: 'Lookup', lookupList: 'actions', indexed: true },
    { internalName: F.at, displayName: 'Posted', type: 'DateTime', dateOnly: false, required: true, indexed: true, inDefaultView: true },
    { internalName: F.atPrecision, displayName: 'Dated by', type: 'Choice', choices: AT_PRECISIONS, description: 'Month or year when the source dated the update only so; empty for an exact time.' },
    { internalName: F.author, displayName: 'Author', type: 'Text', required: true, inDefaultView: true },
    { internalName: F.text, displayName: 'Update', type: 'Note', required: true, inDefaultView: true },
    lifecycleField(false),
    { internalName: F.confidence, displayName: 'Confidence', type: 'Choice', choices: CONFIDENCES }
  ]
};

const reminderRules: ListSchema = {
  key: 'reminderRules',
  title: 'Reminder Rules',
  description: 'Reminder rules: trigger, condition, recipients, message and repeat policy.',
  baseTemplate: 100,
  large: false,
  titleField: { displayName: 'Name', required: true },
  fields: [
    { internalName: F.ruleKey, displayName: 'Key', type: 'Text', required: true, indexed: true, inDefaultView: true },
    { internalName: F.enabled, displayName: 'Enabled', type: 'Boolean', inDefaultView: true },
    { internalName: F.definition, displayName: 'Definition', type: 'Note', required: true, description: 'JSON: the rule.' }
  ]
};

const reminderLog: ListSchema = {
  key: 'reminderLog',
  title: 'Reminder Log',
  description: 'Every reminder sent, under its idempotency key, so that none is sent twice.',
  baseTemplate: 100,
  large: true,
  titleField: { displayName: 'Idempotency key', required: true, indexed: true },
  fields: [
    { internalName: F.ruleKey, displayName: 'Rule', type: 'Text', required: true, indexed: true, inDefaultView: true },
    { internalName: F.itemId, displayName: 'Item', type: 'Number', required: true, indexed: true, inDefaultView: true },
    { internalName: F.itemKind, displayName: 'Item kind', type: 'Choice', choices: REMINDER_ITEM_KINDS, required: true },
    { internalName: F.occurrence, displayName: 'Occurrence', type: 'Text', required: true },
    { internalName: F.recipient, displayName: 'Recipient', type: 'Text', required: true, indexed: true, inDefaultView: true },
    { internalName: F.channel, displayName: 'Channel', type: 'Text', required: true },
    { internalName: F.status, displayName: 'Status', type: 'Choice', choices: REMINDER_STATUSES, required: true, indexed: true, inDefaultView: true },
    { internalName: F.at, displayName: 'At', type: 'DateTime', dateOnly: false, required: true, indexed: true, inDefaultView: true },
    { internalName: F.attempts, displayName: 'Attempts', type: 'Number', required: true },
    { internalName: F.detail, displayName: 'Detail', type: 'Note' }
  ]
};

const settings: ListSchema = {
  key: 'settings',
  title: 'Tracker Settings',
  description: 'Tracker settings as key and value, including the provisioned schema version.',
  baseTemplate: 100,
  large: false,
  titleField: { displayName: 'Key', required: true, indexed: true },
  fields: [{ internalName: F.value, displayName: 'Value', type: 'Note', inDefaultView: true }]
};

const papers: ListSchema = {
  key: 'papers',
  title: 'Committee Papers',
  description: 'Issued committee papers and the frozen snapshot each was computed from.',
  baseTemplate: 101,
  large: false,
  titleField: { displayName: 'Title', required: false },
  fields: [
    { internalName: F.paperDate, displayName: 'Paper date', type: 'DateTime', dateOnly: true, required: true, indexed: true, inDefaultView: true },
    { internalName: F.committee, displayName: 'Committee', type: 'Text', inDefaultView: true },
    { internalName: F.paperKind, displayName: 'Paper kind', type: 'Choice', choices: PAPER_KINDS, required: true, indexed: true, inDefaultView: true }
  ]
};

const rounds: ListSchema = {
  key: 'rounds',
  title: 'Update Rounds',
  description: 'Update rounds: before a committee paper, the owners in scope are asked for word on their open items.',
  baseTemplate: 100,
  large: false,
  titleField: { displayName: 'Title', required: true },
  fields: [
    { internalName: F.committee, displayName: 'Committee', type: 'Text', required: true, inDefaultView: true },
    { internalName: F.replyBy, displayName: 'Reply by', type: 'DateTime', dateOnly: true, required: true, inDefaultView: true },
    { internalName: F.paperDate, displayName: 'Paper date', type: 'DateTime', dateOnly: true, required: true, inDefaultView: true },
    { internalName: F.status, displayName: 'Status', type: 'Choice', choices: ROUND_STATUSES, required: true, indexed: true, inDefaultView: true },
    { internalName: F.selection, displayName: 'Scope', type: 'Note', description: "JSON: the paper's selection (reports, directorate)." },
    { internalName: F.openedBy, displayName: 'Opened by', type: 'Text', required: true },
    { internalName: F.at, displayName: 'Opened', type: 'DateTime', dateOnly: false, required: true, inDefaultView: true },
    { internalName: F.roundItems, displayName: 'Items', type: 'Note', required: true, description: 'JSON: the items asked about, with their owner and SRO, as they stood when the round opened.' },
    { internalName: F.closure, displayName: 'Closure', type: 'Note', description: 'JSON: when and by whom the round was closed, the items answered, and the paper issued for it.' }
  ]
};

/** The tracker's lists and the schema version: raise the version whenever a list or column changes. */
export const TRACKER_SCHEMA: TrackerSchema = {
  version: 4,
  lists: [reports, recommendations, actions, updates, reminderRules, reminderLog, settings, papers, rounds]
};

/** The schema of one list by key. */
export function listSchema(key: ListKey, schema: TrackerSchema = TRACKER_SCHEMA): ListSchema {
  const found = schema.lists.find((l) => l.key === key);
  if (!found) throw new Error(`The schema has no list '${key}'.`);
  return found;
}

/** The key under which the provisioned schema version is kept in Tracker Settings. */
export const SCHEMA_VERSION_KEY = 'SchemaVersion';
