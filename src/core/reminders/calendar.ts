/**
 * Working days and quiet hours in Europe/London: when a reminder may reach somebody.
 * Pure: instants are passed in, never read from a clock.
 */
import { addDays, londonWallClock, parseIsoDate, weekday } from '../dates';
import type { IsoDate } from '../model';
import type { DeliveryWindow } from './model';
import { ruleProblemText } from './problems';

/**
 * Bank holidays in England and Wales, as published on gov.uk/bank-holidays (substitute days
 * included). Forces in Scotland or Northern Ireland pass their own list.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly IsoDate[] = [
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'
];

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for an `HH:MM` (24-hour) time of day. */
export function isTimeOfDay(time: string): boolean {
  return HH_MM.test(time);
}

/** Minutes after midnight of an `HH:MM` time; throws a RangeError naming a bad value. */
export function minutesOfDay(time: string): number {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(ruleProblemText({ code: 'timeOfDay', args: [time] }));
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: IsoDate, holidays: readonly IsoDate[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !holidays.includes(date);
}

/** True when `minute` (of the day) falls in the quiet hours, which may wrap midnight. */
function isQuiet(minute: number, quiet: DeliveryWindow['quietHours']): boolean {
  if (!quiet) return false;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The UTC instant of a London wall-clock time (London is UTC or UTC+1). */
export function londonInstant(date: IsoDate, minute: number): Date {
  const { year, month, day } = parseIsoDate(date);
  const guess = Date.UTC(year, month - 1, day, Math.floor(minute / 60), minute % 60);
  const seen = londonWallClock(new Date(guess));
  const seenMinute = seen.hour * 60 + seen.minute + (seen.date === date ? 0 : seen.date > date ? 1440 : -1440);
  return new Date(guess - (seenMinute - minute) * 60000);
}

/**
 * The first instant at or after `at` when the window allows delivery: `at` itself when it is
 * already allowed, else the end of the quiet hours on the next allowed day.
 */
export function nextAllowedInstant(at: Date, window: DeliveryWindow, holidays: readonly IsoDate[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): Date {
  const now = londonWallClock(at);
  const nowMinute = now.hour * 60 + now.minute;
  // A year of bank holidays and weekends cannot hide more than a fortnight of working days.
  for (let offset = 0; offset < 15; offset++) {
    const date = addDays(now.date, offset);
    if (window.workingDaysOnly && !isWorkingDay(date, holidays)) continue;
    if (offset === 0 && !isQuiet(nowMinute, window.quietHours)) return at;
    const firstMinute = offset === 0 ? nowMinute : 0;
    const minute = firstAllowedMinute(firstMinute, window.quietHours);
    if (minute !== null) return londonInstant(date, minute);
  }
  throw new RangeError('The delivery window allows no time in the next fortnight.');
}

/** The first minute at or after `from` that is outside the quiet hours that day, if any. */
function firstAllowedMinute(from: number, quiet: DeliveryWindow['quietHours']): number | null {
  if (!quiet || !isQuiet(from, quiet)) return from;
  const end = minutesOfDay(quiet.end);
  // Quiet until `end` today if it ends later today; a wrap past midnight ends the next day.
  return end > from ? end : null;
}
