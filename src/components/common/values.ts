/**
 * Values the lists store, shown by the name the locale gives them (loc `Values`). The stored value
 * stays what SharePoint holds, what OData filters and the reminder rules name, and what a select's
 * option carries; only what a user reads is the locale's name. In en-GB the two are the same words.
 */
import { APPLIES_TO, CLOSURE_STATES, CONFIDENCES, EXTENSION_STATES, LIFECYCLES, RECOMMENDATION_KINDS, REPORT_TYPES, SCOPES, SOURCES, TRAFFIC_LIGHTS } from '../../core/model';

/** Each set of stored values a screen shows, by the loc `Values` group that names them. */
export const VALUE_SETS = {
  kind: RECOMMENDATION_KINDS,
  appliesTo: APPLIES_TO,
  lifecycle: LIFECYCLES,
  trafficLight: TRAFFIC_LIGHTS,
  confidence: CONFIDENCES,
  source: SOURCES,
  reportType: REPORT_TYPES,
  scope: SCOPES,
  closure: CLOSURE_STATES,
  extension: EXTENSION_STATES
} as const;

export type ValueSet = keyof typeof VALUE_SETS;

/** A value of one set, as stored. */
export type StoredValue<S extends ValueSet> = (typeof VALUE_SETS)[S][number];

/**
 * The names of every stored value: loc `Values` must be assignable to this, so a group that misses
 * a value (a value added to core, say) fails the type check where the screens pass the strings in.
 */
export type ValueNames = { readonly [S in ValueSet]: Readonly<Record<StoredValue<S>, string>> };

/** A stored value as the screens name it. */
export function displayValue<S extends ValueSet>(names: ValueNames, set: S, value: StoredValue<S>): string {
  const group: Readonly<Record<StoredValue<S>, string>> = names[set];
  return group[value];
}

/** Choices for a select or Dropdown: the stored value as the key, its name as the text (all of the set unless `values` narrows it). */
export function valueOptions<S extends ValueSet>(names: ValueNames, set: S, values: readonly StoredValue<S>[] = VALUE_SETS[set]): { key: StoredValue<S>; text: string }[] {
  return values.map((value) => ({ key: value, text: displayValue(names, set, value) }));
}


/**
 * A value held as plain text (a reminder rule's clause or watched field, as the rule's JSON holds
 * it): its name when `set` names a value set that holds it, otherwise the text as it is.
 */
export function displayText(names: ValueNames, set: string, value: string): string {
  if (!Object.prototype.hasOwnProperty.call(VALUE_SETS, set)) return value;
  const group: Readonly<Record<string, string>> = names[set as ValueSet];
  return Object.prototype.hasOwnProperty.call(group, value) ? group[value] : value;
}
