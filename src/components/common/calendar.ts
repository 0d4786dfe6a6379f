/**
 * The words and date formats of Fluent's date picker and its calendar, so that none of Fluent's
 * built-in (American) English shows: the month and day names are `Intl`'s in the screens' locale (as
 * the grids print them), the days Sunday first as Fluent indexes them, and the rest loc
 * `DatePicker`; the dates the calendar speaks ("Today's date …") are written day first.
 */
import type { IDatePickerProps, IDatePickerStrings } from '@fluentui/react/lib/DatePicker';
import { LOCALE, dayNames, monthNames } from './intl';
import type { TrackerStrings } from './strings';

/** Fluent's strings for a date picker, from the loc `DatePicker` words. */
export function datePickerStrings(words: TrackerStrings['DatePicker']): IDatePickerStrings {
  return {
    months: monthNames('long'),
    shortMonths: monthNames('short'),
    days: dayNames('long'),
    // The calendar's column headings: one letter each, the full name being their accessible name.
    shortDays: dayNames('narrow'),
    goToToday: words.GoToToday,
    prevMonthAriaLabel: words.PreviousMonth,
    nextMonthAriaLabel: words.NextMonth,
    prevYearAriaLabel: words.PreviousYear,
    nextYearAriaLabel: words.NextYear,
    prevYearRangeAriaLabel: words.PreviousYears,
    nextYearRangeAriaLabel: words.NextYears,
    closeButtonAriaLabel: words.Close,
    selectedDateFormatString: words.SelectedDate,
    todayDateFormatString: words.TodaysDate,
    monthPickerHeaderAriaLabel: words.MonthPickerHeading,
    yearPickerHeaderAriaLabel: words.YearPickerHeading,
    dayMarkedAriaLabel: words.DayMarked,
    weekNumberFormatString: words.WeekNumber,
    isRequiredErrorMessage: words.Required,
    invalidInputErrorMessage: words.InvalidDate,
    isResetStatusMessage: words.DateReset
  };
}

// The calendar's days are local midnights (Fluent's `Date`s), written in the reader's zone.
const DAY_MONTH_YEAR = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
const MONTH_YEAR = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric' });

/** How the calendar writes a date in its labels, through `Intl` in the screens' locale: "14 November 2017" and "November 2017", not "November 14, 2017". */
export const DATE_FORMATTING: NonNullable<IDatePickerProps['dateTimeFormatter']> = {
  formatDay: (date) => String(date.getDate()),
  formatMonth: (date, strings) => strings.months[date.getMonth()],
  formatYear: (date) => String(date.getFullYear()),
  formatMonthDayYear: (date) => DAY_MONTH_YEAR.format(date),
  formatMonthYear: (date) => MONTH_YEAR.format(date)
};
