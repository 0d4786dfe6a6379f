/** Display formatting shared by the screens: UK dates, London times, due dates as forces write them. */
import { formatUkDate, londonWallClock } from '../../core/dates';
import type { DueDate, IsoDate, IsoInstant } from '../../core/model';

/** "14 Nov 2017": the short UK date used in grids. */
export function shortUkDate(date: IsoDate | null | undefined): string {
  if (date === null || date === undefined || date === '') return '';
  const [y, m, d] = date.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** "14 November 2017 at 09:30": an instant as London wall-clock time. */
export function ukDateTime(at: IsoInstant): string {
  const t = londonWallClock(at);
  return `${formatUkDate(t.date)} at ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** A due date in words: the date in force, or what the source said instead of a date. */
export function dueText(due: DueDate): string {
  if (due.current !== null) return shortUkDate(due.current);
  switch (due.kind) {
    case 'immediate':
      return 'Immediate';
    case 'no deadline':
      return 'No deadline';
    case 'awaiting new timescale':
      return 'Awaiting new timescale';
    case 'unparsed':
      return due.raw;
    default:
      return '';
  }
}
