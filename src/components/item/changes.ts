/**
 * Edits as changes of fields, so that a change can be shown, compared with someone else's and
 * re-applied on top of their version after a conflict (HTTP 412) without losing either.
 */
import type { Person, Recommendation } from '../../core/model';
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
