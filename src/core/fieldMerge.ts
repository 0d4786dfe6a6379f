/**
 * Edits as changes of fields, so that a change can be compared with someone else's and re-applied
 * on top of their version after a conflict (HTTP 412) without losing either.
 */
import type { Action, OriginatingReport, Recommendation } from './model';

/** The fields of a recommendation a user edits: in the form, and by the transitions' commands. */
export const RECOMMENDATION_FIELD_NAMES = [
  'ref',
  'kind',
  'text',
  'reportId',
  'appliesTo',
  'addressee',
  'acceptedForAction',
  'causeOfConcernIds',
  'dependsOn',
  'owner',
  'sro',
  'directorate',
  'lifecycle',
  'due',
  'confidence',
  'confidenceNarrative',
  'latestComment',
  'closure',
  'extension',
  'lastUpdated'
] as const;
export type EditableField = (typeof RECOMMENDATION_FIELD_NAMES)[number];

/** The fields of an action a user edits, in the action form and by posting an update on it. */
export const ACTION_FIELD_NAMES = ['ref', 'text', 'owner', 'lifecycle', 'due', 'currentPosition'] as const;

/** The fields of an originating report a user edits in the report form. */
export const REPORT_FIELD_NAMES = ['title', 'source', 'reportType', 'published', 'scope', 'url', 'usesTrafficLights'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ between two versions of a recommendation. */
export function changedFields(before: Recommendation, after: Recommendation): EditableField[] {
  return RECOMMENDATION_FIELD_NAMES.filter((f) => !same(before[f], after[f]));
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

/** How two versions of one kind of item are compared and merged. */
export interface FieldMerge<T> {
  /** The fields that differ between two versions. */
  changed: (before: T, after: T) => string[];
  /** My changes (from `base` to `mine`) re-applied on top of `theirs`. */
  reapply: (base: T, mine: T, theirs: T) => T;
}

export const RECOMMENDATION_MERGE: FieldMerge<Recommendation> = { changed: changedFields, reapply };

/** A merge over plain fields: each field I changed takes my value, every other keeps theirs. */
export function plainMerge<T extends object>(fields: readonly string[]): FieldMerge<T> {
  const changed = (before: T, after: T): string[] => fields.filter((f) => !same((before as Record<string, unknown>)[f], (after as Record<string, unknown>)[f]));
  return {
    changed,
    reapply: (base, mine, theirs) => {
      const merged = { ...theirs } as Record<string, unknown>;
      for (const f of changed(base, mine)) merged[f] = (mine as Record<string, unknown>)[f];
      return merged as T;
    }
  };
}

export const ACTION_MERGE: FieldMerge<Action> = plainMerge<Action>(ACTION_FIELD_NAMES);
export const REPORT_MERGE: FieldMerge<OriginatingReport> = plainMerge<OriginatingReport>(REPORT_FIELD_NAMES);
