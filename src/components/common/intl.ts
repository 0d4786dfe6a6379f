/**
 * en-GB wording through `Intl`: `{0}`-style placeholders filled in order, numbers and dates as en-GB
 * writes them, and plural forms chosen by `Intl.PluralRules` (so a locale with other plural categories,
 * Welsh has six, is a translation of the `loc` file, not a change of code).
 */
import { fill } from '../../core/fill';
import type { IsoDate } from '../../core/model';

/** The locale the screens write in. */
export const LOCALE = 'en-GB';

/** A string with a form for each plural category the locale uses; `other` is always there (typed in loc/mystrings.d.ts). */
export type PluralForms = ITrackerPlural;

const PLURAL_RULES = new Intl.PluralRules(LOCALE);
const NUMBER_FORMAT = new Intl.NumberFormat(LOCALE);
// A calendar date is a day, not an instant: written as the day it names, whatever the reader's zone.
const LONG_DATE = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH_YEAR = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
// A list of words or names, as the locale lists them without "and" ("a, b, c" in en-GB).
const UNIT_LIST = new Intl.ListFormat(LOCALE, { type: 'unit', style: 'short' });

/** `{0}`-style placeholders filled in order (core's `fill`, which core's messages use too). */
export const format = fill;

/**
 * A list as the locale writes it ("a, b, c"); with `separator` (a loc string, such as
 * `Common.ListSeparator`, "; ") for a list the locale's list forms do not fit: of phrases with
 * commas of their own, or of parts shown side by side.
 */
export function listText(items: readonly string[], separator?: string): string {
  return separator === undefined ? UNIT_LIST.format(items) : items.join(separator);
}

/** A number as en-GB writes it ("1,234"). */
export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** The plural form for `n`, with `{0}` filled by the number and `{1}`… by the other values. */
export function plural(forms: PluralForms, n: number, ...values: (string | number)[]): string {
  return format(forms[PLURAL_RULES.select(n)] ?? forms.other, formatNumber(n), ...values);
}

const day = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

/** A date as the locale writes it in full ("14 November 2017"). */
export function longDate(date: IsoDate): string {
  return LONG_DATE.format(day(date));
}

/** A date as the locale writes it in a table ("14 Nov 2017"); '' for none. */
export function shortDate(date: IsoDate | null | undefined): string {
  return date === null || date === undefined || date === '' ? '' : SHORT_DATE.format(day(date));
}

/** A date's month and year, short ("Nov 2017"). */
export function shortMonthYear(date: IsoDate): string {
  return SHORT_MONTH_YEAR.format(day(date));
}

/** `count` names the locale gives one part of a date, the i-th written for the UTC instant `at(i)`. */
function namesOf(part: Intl.DateTimeFormatOptions, count: number, at: (i: number) => number): string[] {
  const names = new Intl.DateTimeFormat(LOCALE, { ...part, timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => names.format(at(i)));
}

/** The locale's month names, January first. */
export function monthNames(form: 'long' | 'short'): string[] {
  return namesOf({ month: form }, 12, (i) => Date.UTC(2021, i, 1));
}

/** The locale's day names, Sunday first: 3 to 9 January 2021 were Sunday to Saturday. */
export function dayNames(form: 'long' | 'narrow'): string[] {
  return namesOf({ weekday: form }, 7, (i) => Date.UTC(2021, 0, 3 + i));
}
