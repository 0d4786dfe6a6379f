/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) as days in Europe/London.
 * Pure: the current instant is always passed in, never read from a clock.
 */
import type { IsoDate, IsoInstant } from './model';
import { fill } from './fill';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86400000;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23'
});

/** The calendar date and wall-clock time in London at an instant. */
export function londonWallClock(at: Date | IsoInstant): { date: IsoDate; hour: number; minute: number; weekday: number } {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a valid instant: ${String(at)}`);
  const parts: Record<string, string> = {};
  for (const p of londonParts.formatToParts(instant)) parts[p.type] = p.value;
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(parts.weekday)
  };
}

/**
 * How many dates (and instants) each memo below keeps before it starts again: far more than a
 * tracker's items name, few enough that a long-running service's memo stays small.
 */
const MEMO_LIMIT = 20000;

/** Looks `key` up in `memo`, or works it out with `read` and keeps it. */
function remembered<K, V>(memo: Map<K, V>, key: K, read: (key: K) => V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = read(key);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The London dates of the instants read so far: `Intl` is slow, and a tracker's rows read each item's history. */
const londonDates = new Map<IsoInstant, IsoDate>();

/** Today's date in Europe/London at the given instant. */
export function londonDate(at: Date | IsoInstant): IsoDate {
  if (typeof at !== 'string') return londonWallClock(at).date;
  return remembered(londonDates, at, (instant) => londonWallClock(instant).date);
}

/** What can be wrong with an ISO date, in core's English, `{0}` the value as given (an extension's refusal quotes these words). */
export const ISO_DATE_PROBLEM_ENGLISH = {
  notIso: "Not an ISO date (YYYY-MM-DD): '{0}'",
  noSuchDate: "No such date: '{0}'"
} as const;
export type IsoDateProblem = keyof typeof ISO_DATE_PROBLEM_ENGLISH;

/** What is wrong with an ISO date: not in the form YYYY-MM-DD, or no such day; null when nothing. */
export function isoDateProblem(date: IsoDate): IsoDateProblem | null {
  const m = ISO_DATE.exec(date);
  if (!m) return 'notIso';
  return isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'noSuchDate';
}

/** Checks and splits an ISO date; throws a RangeError naming the bad value. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const problem = isoDateProblem(date);
  if (problem !== null) throw new RangeError(fill(ISO_DATE_PROBLEM_ENGLISH[problem], date));
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** True when the year, month (1-12) and day form a real calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a year, month (1-12) and day as an ISO date. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Each date's midnight UTC, read once: 10,000 rows measure their due dates and updates against a few hundred dates. */
const utcMidnights = new Map<IsoDate, number>();

function toUtcMs(date: IsoDate): number {
  return remembered(utcMidnights, date, (d) => {
    const { year, month, day } = parseIsoDate(d);
    return Date.UTC(year, month - 1, day);
  });
}

/** Checks an ISO date; throws a RangeError naming the bad value, as {@link parseIsoDate} does. */
export function assertIsoDate(date: IsoDate): void {
  toUtcMs(date);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** The last day of the given month (1-12). */
export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Day of week of a date, 0 = Sunday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** The months' English names, January first: the one table core's English dates and the paper print (the screens write theirs through `Intl`). */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month's name (1 = January): "November". */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1];
}

/** Formats an ISO date the UK way: "14 November 2017". */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${monthName(month)} ${year}`;
}
