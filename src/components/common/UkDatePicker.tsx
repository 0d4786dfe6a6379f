/**
 * Fluent's DatePicker set up the UK way: day-first display and typing (`31/03/2018`), Monday first,
 * its words from loc (calendar.ts: none of Fluent's built-in English), and the value as an ISO
 * calendar date so that no time zone shifts the day.
 */
import * as React from 'react';
import { DatePicker } from '@fluentui/react/lib/DatePicker';
import { DayOfWeek } from '@fluentui/react/lib/DateTimeUtilities';
import { isValidDate, isoDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import { useStrings } from './strings';
import { DATE_FORMATTING, datePickerStrings } from './calendar';

const UK_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/** Reads a day-first UK date typed by a user; null when it is not a real date. */
export function parseUkDate(text: string): IsoDate | null {
  const m = UK_DATE.exec(text);
  if (m === null) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? isoDate(year, month, day) : null;
}

function toLocalDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function fromLocalDate(date: Date): IsoDate {
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function formatDay(date?: Date): string {
  if (date === undefined) return '';
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

export interface UkDatePickerProps {
  label: string;
  value: IsoDate | null;
  onChange: (value: IsoDate | null) => void;
  required?: boolean;
}

export function UkDatePicker(props: UkDatePickerProps): JSX.Element {
  const { Pickers: strings, DatePicker: words } = useStrings();
  const fluentStrings = React.useMemo(() => datePickerStrings(words), [words]);
  return (
    <DatePicker
      label={props.label}
      strings={fluentStrings}
      dateTimeFormatter={DATE_FORMATTING}
      pickerAriaLabel={words.Calendar}
      isRequired={props.required}
      allowTextInput
      firstDayOfWeek={DayOfWeek.Monday}
      placeholder={strings.DatePlaceholder}
      ariaLabel={props.label}
      value={props.value === null ? undefined : toLocalDate(props.value)}
      formatDate={formatDay}
      parseDateFromString={(text) => {
        const iso = parseUkDate(text);
        return iso === null ? null : toLocalDate(iso);
      }}
      onSelectDate={(d) => props.onChange(d === null || d === undefined ? null : fromLocalDate(d))}
    />
  );
}
