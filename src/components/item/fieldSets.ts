/**
 * Edits as changes of fields, so that a change can be shown, compared with someone else's and
 * re-applied on top of their version after a conflict (HTTP 412) without losing either.
 */
import type { Action, OriginatingReport, Person, Recommendation } from '../../core/model';
import { dueText } from '../common/format';

/** The fields a user edits in the recommendation form, with their labels. */
export const EDITABLE_FIELDS = {
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
} as const;
export type EditableField = keyof typeof EDITABLE_FIELDS;

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

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ between two versions of a recommendation. */
export function changedFields(before: Recommendation, after: Recommendation): EditableField[] {
  return (Object.keys(EDITABLE_FIELDS) as EditableField[]).filter((f) => !same(before[f], after[f]));
}

/**
 * Re-applies my changes (from `base` to `mine`) on top of `theirs`: every field I changed takes my
 * value, every other field keeps theirs, and the status history keeps their entries and adds mine.
 */
export function reapply(base: Recommendation, mine: Recommendation, theirs: Recommendation): Recommendation {
  const merged: Recommendation = { ...theirs };
  for (const field of changedFields(base, mine)) {
    (merged as unknown as Record<string, unknown>)[field] = mine[field];
  }
  const added = mine.history.slice(base.history.length);
  return { ...merged, history: [...theirs.history, ...added], reopenings: [...theirs.reopenings, ...mine.reopenings.slice(base.reopenings.length)] };
}

/** How a screen compares two versions of one kind of item: labels, values as text, and the merge. */
export interface FieldSet<T> {
  /** The fields a user edits, with their labels. */
  labels: Readonly<Record<string, string>>;
  /** The fields that differ between two versions. */
  changed: (before: T, after: T) => string[];
  /** A field's value as text, for showing side by side. */
  text: (item: T, field: string) => string;
  /** My changes (from `base` to `mine`) re-applied on top of `theirs`. */
  reapply: (base: T, mine: T, theirs: T) => T;
}

export const RECOMMENDATION_FIELDS: FieldSet<Recommendation> = {
  labels: EDITABLE_FIELDS,
  changed: changedFields,
  text: (rec, field) => fieldText(rec, field as EditableField),
  reapply
};

/** A field set over plain fields: each field I changed takes my value, every other keeps theirs. */
function plainFields<T extends object>(labels: Record<string, string>, text: (item: T, field: string) => string): FieldSet<T> {
  const changed = (before: T, after: T): string[] => Object.keys(labels).filter((f) => !same((before as Record<string, unknown>)[f], (after as Record<string, unknown>)[f]));
  return {
    labels,
    changed,
    text,
    reapply: (base, mine, theirs) => {
      const merged = { ...theirs } as Record<string, unknown>;
      for (const f of changed(base, mine)) merged[f] = (mine as Record<string, unknown>)[f];
      return merged as T;
    }
  };
}

/** The fields of an action a user edits, in the action form and by posting an update on it. */
export const ACTION_FIELDS: FieldSet<Action> = plainFields<Action>(
  { ref: 'Reference', text: 'Action', owner: 'Owner', lifecycle: 'Status', due: 'Due date', currentPosition: 'Current position' },
  (a, field) => {
    if (field === 'owner') return a.owner?.name ?? '';
    if (field === 'due') return dueText(a.due);
    const value = (a as unknown as Record<string, unknown>)[field];
    return value === undefined || value === null ? '' : String(value);
  }
);

/** The fields of an originating report a user edits in the report form. */
export const REPORT_FIELDS: FieldSet<OriginatingReport> = plainFields<OriginatingReport>(
  { title: 'Title', source: 'Published by', reportType: 'Type', published: 'Published', scope: 'Scope', url: 'Link to the report', usesTrafficLights: 'Rated by traffic light' },
  (r, field) => {
    if (field === 'usesTrafficLights') return r.usesTrafficLights === false ? 'No' : 'Yes';
    const value = (r as unknown as Record<string, unknown>)[field];
    return value === undefined || value === null ? '' : String(value);
  }
);
