/**
 * en-GB wording through `Intl`: `{0}`-style placeholders filled in order, numbers as en-GB writes
 * them, and plural forms chosen by `Intl.PluralRules` (so a locale with other plural categories,
 * Welsh has six, is a translation of the `loc` file, not a change of code).
 */
import { fill } from '../../core/messages';

/** The locale the screens write in. */
export const LOCALE = 'en-GB';

/** A string with a form for each plural category the locale uses; `other` is always there (typed in loc/mystrings.d.ts). */
export type PluralForms = ITrackerPlural;

const PLURAL_RULES = new Intl.PluralRules(LOCALE);
const NUMBER_FORMAT = new Intl.NumberFormat(LOCALE);

/** `{0}`-style placeholders filled in order (core's `fill`, which core's messages use too). */
export const format = fill;

/** A number as en-GB writes it ("1,234"). */
export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** The plural form for `n`, with `{0}` filled by the number and `{1}`… by the other values. */
export function plural(forms: PluralForms, n: number, ...values: (string | number)[]): string {
  return format(forms[PLURAL_RULES.select(n)] ?? forms.other, formatNumber(n), ...values);
}
