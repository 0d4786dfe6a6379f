/**
 * The date picker's words (components/common/calendar.ts): en-GB month and day names in the order
 * Fluent indexes them (January first, Sunday first), the months as the grids print them, every
 * string Fluent would otherwise supply in its own English given from loc, and the dates the
 * calendar speaks written day first.
 */
import { defaultDatePickerStrings } from '@fluentui/react/lib-commonjs/DatePicker';
import type { IDatePickerStrings } from '@fluentui/react/lib/DatePicker';
import { DATE_FORMATTING, datePickerStrings } from '../../src/components/common/calendar';
import { longDate, shortDate, shortMonthYear } from '../../src/components/common/intl';
import type { TrackerStrings } from '../../src/components/common/strings';
import { formatUkDate } from '../../src/core/dates';
import { LOC_FOLDERS, locFile, readLocStrings } from '../../src/workbench/loc';

let words: TrackerStrings['DatePicker'];
let strings: IDatePickerStrings;
beforeAll(async () => {
  words = (await readLocStrings<TrackerStrings>(locFile(LOC_FOLDERS.shared))).DatePicker;
  strings = datePickerStrings(words);
});

test('months run January to December, short as the grids print them (en-GB writes September short as "Sept")', () => {
  expect(strings.months).toHaveLength(12);
  expect(strings.months[0]).toBe('January');
  expect(strings.months[11]).toBe('December');
  expect(strings.shortMonths).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']);
  expect(strings.shortMonths[8]).toBe(shortDate('2017-09-14').split(' ')[1]);
});

test('the screens write dates through Intl en-GB: a calendar date is the day it names, in any time zone', () => {
  expect(longDate('2017-11-14')).toBe(formatUkDate('2017-11-14'));
  expect(longDate('2018-01-01')).toBe('1 January 2018');
  expect(shortDate('2017-09-05')).toBe('5 Sept 2017');
  expect(shortDate('2017-11-14')).toBe('14 Nov 2017');
  expect(shortDate(null)).toBe('');
  expect(shortMonthYear('2017-11-30')).toBe('Nov 2017');
});

test('days start on Sunday, as Fluent indexes them (the picker itself starts its weeks on Monday)', () => {
  expect(strings.days).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
  expect(strings.shortDays).toEqual(['S', 'M', 'T', 'W', 'T', 'F', 'S']);
});

test('every string Fluent has a default for comes from loc', () => {
  const ours = strings as unknown as Record<string, unknown>;
  expect(Object.keys(defaultDatePickerStrings).filter((k) => ours[k] === undefined)).toEqual([]);
  const fromLoc = new Set(Object.values(words));
  for (const [key, value] of Object.entries(ours)) if (!Array.isArray(value)) expect({ key, fromLoc: fromLoc.has(value as string) }).toEqual({ key, fromLoc: true });
  expect(strings.goToToday).toBe(words.GoToToday);
  expect(strings.isRequiredErrorMessage).toBe(words.Required);
});

test('the calendar writes dates day first, as the rest of the screens do', () => {
  const day = new Date(2017, 10, 14);
  expect(DATE_FORMATTING.formatMonthDayYear(day, strings)).toBe(formatUkDate('2017-11-14'));
  expect(DATE_FORMATTING.formatMonthYear(day, strings)).toBe('November 2017');
  expect(DATE_FORMATTING.formatMonth(day, strings)).toBe('November');
  expect(DATE_FORMATTING.formatDay(day)).toBe('14');
  expect(DATE_FORMATTING.formatYear(day)).toBe('2017');
});
