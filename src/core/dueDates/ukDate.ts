/**
 * One date as a UK tracker writes it, read to the calendar period it names.
 *
 * The grammar is deliberately narrow: a text is read only when it can mean one thing.
 * - Numeric dates are day first: `03/04/2018` is 3 April 2018; `31/02/2018` is refused.
 * - A month without a day (`Apr-17`, `April 2017`, `Sept 17`, `April '18`) names the whole month;
 *   month alternatives (`Feb/March-18`) name the span from the first to the last of them.
 * - A year alone (`2014`) names the whole year.
 * - Two-digit years are this century: `17` is 2017 (every tracker in the seeds is from the 2010s).
 * - Anything else (no year, a season, a quarter, extra words) is a problem, never a guess.
 */
import { daysInMonth, endOfMonth, isoDate, isValidDate } from '../dates';
import type { IsoDate } from '../model';

/** How much of the date the text gave. */
export type UkDatePrecision = 'day' | 'month' | 'year';

/** The period a date text names (first and last day, equal for a day), or why it names none. */
export type UkDateReading =
  | { ok: true; first: IsoDate; last: IsoDate; precision: UkDatePrecision }
  | { ok: false; problem: string };

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12
};

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** A month name or its usual abbreviation (`Sept` included), as a regular-expression fragment. */
export const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A year: four digits, or two (optionally after an apostrophe: `'18`). */
const YEAR_PATTERN = "'?(\\d{4}|\\d{2})";

const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const NUMERIC_NO_YEAR = /^(\d{1,2})[/.](\d{1,2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+(${MONTH_PATTERN})\\.?,?[\\s-]+${YEAR_PATTERN}$`, 'i');
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+(${MONTH_PATTERN})\\.?$`, 'i');
const MONTHS_YEAR = new RegExp(`^(${MONTH_PATTERN}\\.?(?:\\s*/\\s*${MONTH_PATTERN}\\.?)*)[\\s-]*${YEAR_PATTERN}$`, 'i');
const MONTH_ONLY = new RegExp(`^${MONTH_PATTERN}\\.?$`, 'i');
const YEAR_ONLY = /^(\d{4})$/;
const SEASON_OR_QUARTER = /\b(?:spring|summer|autumn|winter|q[1-4]|quarter|financial year|fy)\b/i;

/** Earliest and latest years accepted: anything outside is an OCR or typing slip, not a deadline. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2099;

function fail(problem: string): UkDateReading {
  return { ok: false, problem };
}

function readYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function yearProblem(year: number, text: string): string | null {
  return year < MIN_YEAR || year > MAX_YEAR ? `"${text}" has the year ${year}, which cannot be a deadline` : null;
}

function dayReading(year: number, month: number, day: number, text: string): UkDateReading {
  const badYear = yearProblem(year, text);
  if (badYear) return fail(badYear);
  if (month < 1 || month > 12) return fail(`"${text}" is not a date: there is no month ${month} (dates are read day first)`);
  if (!isValidDate(year, month, day)) {
    return fail(`"${text}" is not a date: ${monthName.format(Date.UTC(year, month - 1, 1))} ${year} has ${daysInMonth(year, month)} days`);
  }
  const date = isoDate(year, month, day);
  return { ok: true, first: date, last: date, precision: 'day' };
}

/**
 * Reads one date written the UK way (`31/03/2015`, `1st April 2017`, `Apr-17`, `Feb/March-18`, `2014`).
 * The text must be only the date: surrounding words make it a problem. Pure; no clock is read.
 */
export function parseUkDate(text: string): UkDateReading {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return fail('There is no date');

  let m = NUMERIC.exec(t);
  if (m) return dayReading(readYear(m[4]), Number(m[3]), Number(m[1]), t);
  m = ISO.exec(t);
  if (m) return dayReading(Number(m[1]), Number(m[2]), Number(m[3]), t);
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return dayReading(readYear(m[3]), MONTH_NUMBERS[m[2].toLowerCase()], Number(m[1]), t);
  m = MONTHS_YEAR.exec(t);
  if (m) {
    const year = readYear(m[2]);
    const badYear = yearProblem(year, t);
    if (badYear) return fail(badYear);
    const months = m[1].split('/').map((name) => MONTH_NUMBERS[name.trim().replace(/\.$/, '').toLowerCase()]);
    const first = Math.min(...months);
    const last = Math.max(...months);
    return { ok: true, first: isoDate(year, first, 1), last: endOfMonth(year, last), precision: 'month' };
  }
  m = YEAR_ONLY.exec(t);
  if (m) {
    const year = Number(m[1]);
    const badYear = yearProblem(year, t);
    if (badYear) return fail(badYear);
    return { ok: true, first: isoDate(year, 1, 1), last: isoDate(year, 12, 31), precision: 'year' };
  }
  if (NUMERIC_NO_YEAR.test(t) || DAY_MONTH.test(t) || MONTH_ONLY.test(t)) return fail(`"${t}" has no year`);
  if (SEASON_OR_QUARTER.test(t)) return fail(`"${t}" names a season or quarter, not a date`);
  return fail(`"${t}" is not a date`);
}
