/**
 * How the screens show edits: each field's label and its value as text (the words from loc), over
 * the core's merge (core/fieldMerge.ts), for the conflict dialogs and the item's history.
 */
import type { Action, Person, Recommendation } from '../../core/model';
import { ACTION_MERGE, RECOMMENDATION_MERGE, changedFields } from '../../core/fieldMerge';
import type { EditableField, FieldMerge } from '../../core/fieldMerge';
import type { ItemVersion } from '../../data';
import { dueText } from '../common/format';
import { format, longDate } from '../common/intl';
import { needsText } from '../common/messages';
import type { TrackerStrings } from '../common/strings';
import { displayValue } from '../common/values';

/** A field's value as text, for showing side by side. */
function fieldText(rec: Recommendation, field: EditableField, { Fields: strings, Format: words, Values: names }: TrackerStrings): string {
  const value = rec[field];
  if (value === undefined || value === null) return '';
  if (field === 'owner' || field === 'sro') return (value as Person).name;
  if (field === 'due') return dueText(rec.due, words);
  if (field === 'acceptedForAction') return value === true ? strings.Yes : strings.No;
  if (field === 'kind') return displayValue(names, 'kind', rec.kind);
  if (field === 'appliesTo') return displayValue(names, 'appliesTo', rec.appliesTo);
  if (field === 'lifecycle') return displayValue(names, 'lifecycle', rec.lifecycle);
  if (field === 'confidence') return rec.confidence === undefined ? '' : displayValue(names, 'confidence', rec.confidence);
  if (field === 'closure') return rec.closure === undefined ? '' : format(strings.ClosureValue, displayValue(names, 'closure', rec.closure.decision?.outcome ?? 'requested'), rec.closure.evidence);
  if (field === 'extension') return rec.extension === undefined ? '' : format(strings.ExtensionValue, displayValue(names, 'extension', rec.extension.decision?.outcome ?? 'requested'), longDate(rec.extension.proposed), rec.extension.reason);
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

/** The fields of a recommendation a user edits in the recommendation form and the dialogs. */
export function recommendationFields(strings: TrackerStrings): FieldSet<Recommendation> {
  return { ...RECOMMENDATION_MERGE, labels: strings.Fields.Recommendation, text: (rec, field) => fieldText(rec, field as EditableField, strings) };
}

/** The fields of an action a user edits, in the action form and by posting an update on it. */
export function actionFields(strings: TrackerStrings): FieldSet<Action> {
  return {
    ...ACTION_MERGE,
    labels: strings.Fields.Action,
    text: (a, field) => {
      if (field === 'owner') return a.owner?.name ?? '';
      if (field === 'due') return dueText(a.due, strings.Format);
      if (field === 'lifecycle') return displayValue(strings.Values, 'lifecycle', a.lifecycle);
      const value = (a as unknown as Record<string, unknown>)[field];
      return value === undefined || value === null ? '' : String(value);
    }
  };
}

/** One entry of an item's audit history: its version, who saved it and the fields that changed. */
export interface AuditEntry {
  version: string;
  at: string;
  by: string;
  /** The fields that changed from the previous version: display label, then old and new text. */
  changes: { field: string; from: string; to: string }[];
}

/** The audit history from an item's versions (newest first): each compared with the one saved before it. */
export function auditTrail(versions: readonly ItemVersion<Recommendation>[], all: TrackerStrings): AuditEntry[] {
  const strings = all.Fields;
  return versions.map((v, i) => {
    const previous = versions[i + 1]?.value;
    const current = v.value;
    let changes: AuditEntry['changes'];
    if (current === undefined) changes = [{ field: strings.Item, from: '', to: v.problems ? format(all.ValueProblems.VersionNeedsCompleting, needsText(v.problems, all)) : strings.Unreadable }];
    else if (previous === undefined) changes = [{ field: strings.Item, from: '', to: strings.Created }];
    else changes = changedFields(previous, current).map((f) => ({ field: strings.Recommendation[f], from: fieldText(previous, f, all), to: fieldText(current, f, all) }));
    return { version: v.label, at: v.created, by: v.editor ?? strings.UnknownEditor, changes };
  });
}
