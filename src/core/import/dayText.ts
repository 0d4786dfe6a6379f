/**
 * Reading the dates a tracker gives for publication and last update ("Published November 2017",
 * "14/09/2015", "May-17", "2014", or ISO in the demo files) through the core UK date reader.
 * Timescales (due dates) are read by the core due-date parser instead.
 */
import { parseUkDate } from '../dueDates';
import type { IsoDate } from '../model';
import { htmlToText } from './html';

export type DayPrecision = 'day' | 'month' | 'year';

export interface DayReading {
  /** The day; for a month, its first day (the earliest it can mean); null for a year alone. */
  date: IsoDate | null;
  precision: DayPrecision;
}

/** Reads a day, month or year, after a leading "Published" or "Published on"; null when none. */
export function readDay(text: string | undefined): DayReading | null {
  const t = htmlToText(text ?? '')
    .replace(/^(?:last\s+)?(?:published|updated)(?:\s+on)?(?:\s+the)?\s+/i, '')
    .replace(/\.$/, '')
    .trim();
  if (t === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const reading = parseUkDate(`${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`);
    return reading.ok ? { date: reading.first, precision: 'day' } : null;
  }
  const reading = parseUkDate(t);
  if (!reading.ok) return null;
  return { date: reading.precision === 'year' ? null : reading.first, precision: reading.precision };
}
