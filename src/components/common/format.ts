/** Display formatting shared by the screens: UK dates, London times, due dates as forces write them. */
import { formatUkDate, londonWallClock, monthName } from '../../core/dates';
import { UNCHECKED_TIMESCALE, timescaleText } from '../../core/dueDates';
import type { DueDate, IsoDate, IsoInstant } from '../../core/model';
import type { ColourDifference } from '../../core/status';

/** "14 Nov 2017": the short UK date used in grids. */
export function shortUkDate(date: IsoDate | null | undefined): string {
  if (date === null || date === undefined || date === '') return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${monthName(m, 'short')} ${y}`;
}

/** "14 November 2017 at 09:30": an instant as London wall-clock time. */
export function ukDateTime(at: IsoInstant): string {
  const t = londonWallClock(at);
  return `${formatUkDate(t.date)} at ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/**
 * A due date in words: the timescale as the source wrote it ("April 2018", "Sept 17 [internal
 * deadline]") then any date agreed since in the tracker; a date set in the tracker as a day; what
 * the source said instead of a date; and, for text the tracker cannot read, that it cannot.
 */
export function dueText(due: DueDate): string {
  const { written, agreed } = timescaleText(due);
  if (written !== '' && !due.fromText) {
    const unreadable = due.kind === 'unparsed' ? ` (${UNCHECKED_TIMESCALE})` : '';
    return agreed !== null ? `${written}; now due ${shortUkDate(agreed)}` : `${written}${unreadable}`;
  }
  if (due.current !== null) return shortUkDate(due.current);
  switch (due.kind) {
    case 'immediate':
      return 'Immediate';
    case 'no deadline':
      return 'No deadline';
    case 'awaiting new timescale':
      return 'Awaiting new timescale';
    case 'unparsed':
      return `${due.raw} (${UNCHECKED_TIMESCALE})`;
    default:
      return '';
  }
}

/** "Source: AMBER (16 Nov 2017)": the colour a source recorded, beside the one the tracker shows. */
export function recordedColourText(diff: ColourDifference): string {
  return `source: ${diff.recorded.label} (${shortUkDate(diff.recorded.on)})`;
}

/** The sentence that explains a colour that differs from the one the source recorded. */
export function colourDifferenceSentence(diff: ColourDifference): string {
  return `The source recorded ${diff.recorded.label} on ${formatUkDate(diff.recorded.on)}; the tracker shows ${diff.derived}. ${diff.reason}`;
}
