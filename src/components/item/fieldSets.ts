/**
 * How the screens show edits: each field's label and its value as text, over the core's merge
 * (core/fieldMerge.ts), for the conflict dialogs and the item's history.
 */
import type { Action, OriginatingReport, Person, Recommendation } from '../../core/model';
import { ACTION_MERGE, RECOMMENDATION_MERGE, REPORT_MERGE, changedFields } from '../../core/fieldMerge';
import type { ActionField, EditableField, FieldMerge, ReportField } from '../../core/fieldMerge';
import type { ItemVersion } from '../../data';
import { dueText } from '../common/format';

/** The fields a user edits in the recommendation form, with their labels. */
export const EDITABLE_FIELDS: Readonly<Record<EditableField, string>> = {
  ref: 'Reference',
  kind: 'Kind',
  text: 'Recommendation',
  reportId: 'Originating report',
  appliesTo: 'Applies to',
  addressee: 'Addressed to',
  acceptedForAction: 'Accepted for action',
  causeOfConcernIds: 'Causes of concern answered',
  dependsOn: 'Depends on',
  owner: 'Owner',
  sro: 'SRO',
  directorate: 'Directorate',
  lifecycle: 'Status',
  due: 'Due date',
  confidence: 'Confidence',
  confidenceNarrative: 'Why that confidence',
  latestComment: 'Latest comment',
  closure: 'Closure request',
  extension: 'Extension request',
  lastUpdated: 'Last updated'
};

/** A field's value as text, for showing side by side. */
export function fieldText(rec: Recommendation, field: EditableField): string {
  const value = rec[field];
  if (value === undefined || value === null) return '';
  if (field === 'owner' || field === 'sro') return (value as Person).name;
  if (field === 'due') return dueText(rec.due);
  if (field === 'acceptedForAction') return value === true ? 'Yes' : 'No';
  if (field === 'closure') return rec.closure === undefined ? '' : `${rec.closure.decision?.outcome ?? 'requested'}: ${rec.closure.evidence}`;
  if (field === 'extension') return rec.extension === undefined ? '' : `${rec.extension.decision?.outcome ?? 'requested'}: ${rec.extension.proposed} (${rec.extension.reason})`;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** How a screen compares two versions of one kind of item: labels, values as text, and the merge. */
export interface FieldSet<T> extends FieldMerge<T> {
  /** The fields a user edits, with their labels. */
  labels: Readonly<Record<string, string>>;
  /** A field's value as text, for showing side by side. */
  text: (item: T, field: string) => string;
}

export const RECOMMENDATION_FIELDS: FieldSet<Recommendation> = {
  ...RECOMMENDATION_MERGE,
  labels: EDITABLE_FIELDS,
  text: (rec, field) => fieldText(rec, field as EditableField)
};

const ACTION_LABELS: Record<ActionField, string> = { ref: 'Reference', text: 'Action', owner: 'Owner', lifecycle: 'Status', due: 'Due date', currentPosition: 'Current position' };

/** The fields of an action a user edits, in the action form and by posting an update on it. */
export const ACTION_FIELDS: FieldSet<Action> = {
  ...ACTION_MERGE,
  labels: ACTION_LABELS,
  text: (a, field) => {
    if (field === 'owner') return a.owner?.name ?? '';
    if (field === 'due') return dueText(a.due);
    const value = (a as unknown as Record<string, unknown>)[field];
    return value === undefined || value === null ? '' : String(value);
  }
};

const REPORT_LABELS: Record<ReportField, string> = {
  title: 'Title',
  source: 'Published by',
  reportType: 'Type',
  published: 'Published',
  scope: 'Scope',
  url: 'Link to the report',
  usesTrafficLights: 'Rated by traffic light'
};

/** The fields of an originating report a user edits in the report form. */
export const REPORT_FIELDS: FieldSet<OriginatingReport> = {
  ...REPORT_MERGE,
  labels: REPORT_LABELS,
  text: (r, field) => {
    if (field === 'usesTrafficLights') return r.usesTrafficLights === false ? 'No' : 'Yes';
    const value = (r as unknown as Record<string, unknown>)[field];
    return value === undefined || value === null ? '' : String(value);
  }
};

/** One entry of an item's audit history: its version, who saved it and the fields that changed. */
export interface AuditEntry {
  version: string;
  at: string;
  by: string;
  /** The fields that changed from the previous version: display label, then old and new text. */
  changes: { field: string; from: string; to: string }[];
}

/** The audit history from an item's versions (newest first): each compared with the one saved before it. */
export function auditTrail(versions: readonly ItemVersion<Recommendation>[]): AuditEntry[] {
  return versions.map((v, i) => {
    const previous = versions[i + 1]?.value;
    const current = v.value;
    let changes: AuditEntry['changes'];
    if (current === undefined) changes = [{ field: 'Item', from: '', to: v.problem ?? 'This version cannot be read.' }];
    else if (previous === undefined) changes = [{ field: 'Item', from: '', to: 'Created' }];
    else changes = changedFields(previous, current).map((f) => ({ field: EDITABLE_FIELDS[f], from: fieldText(previous, f), to: fieldText(current, f) }));
    return { version: v.label, at: v.created, by: v.editor ?? 'Unknown', changes };
  });
}
