/** Display formatting shared by the screens: UK dates, London times, due dates as forces write them. */
import { timescaleText } from '../../core/dueDates';
import type { DueDate, IsoInstant } from '../../core/model';
import type { ColourDifference } from '../../core/status';
import { LOCALE, format, longDate, shortDate } from './intl';
import { colourReasonText } from './messages';
import type { TrackerStrings } from './strings';
import { displayValue } from './values';

/** The words of due dates and colours (loc `Format`). */
export type FormatStrings = TrackerStrings['Format'];

const LONDON_DATE_TIME = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** "14 November 2017 at 09:30": an instant as London wall-clock time. */
export function ukDateTime(at: IsoInstant): string {
  return LONDON_DATE_TIME.format(new Date(at));
}

/**
 * A due date in words: the timescale as the source wrote it ("April 2018", "Sept 17 [internal
 * deadline]") then any date agreed since in the tracker; a date set in the tracker as a day; what
 * the source said instead of a date; and, for text the tracker cannot read, that it cannot.
 */
export function dueText(due: DueDate, strings: FormatStrings): string {
  const { written, agreed } = timescaleText(due);
  if (written !== '' && !due.fromText) {
    if (agreed !== null) return format(strings.NowDue, written, shortDate(agreed));
    return due.kind === 'unparsed' ? format(strings.Unreadable, written) : written;
  }
  if (due.current !== null) return shortDate(due.current);
  switch (due.kind) {
    case 'immediate':
      return strings.Immediate;
    case 'no deadline':
      return strings.NoDeadline;
    case 'awaiting new timescale':
      return strings.AwaitingTimescale;
    case 'unparsed':
      return format(strings.Unreadable, due.raw);
    default:
      return '';
  }
}

/** "source: AMBER (16 Nov 2017)": the colour a source recorded, beside the one the tracker shows. */
export function recordedColourText(diff: ColourDifference, strings: FormatStrings): string {
  return format(strings.Recorded, diff.recorded.label, shortDate(diff.recorded.on));
}

/**
 * The sentence that explains a colour that differs from the one the source recorded: the source's
 * label as it wrote it ("NEW GREEN"), the tracker's colour by its name.
 */
export function colourDifferenceSentence(diff: ColourDifference, strings: Pick<TrackerStrings, 'Format' | 'CoreMessages' | 'Values'>): string {
  return format(strings.Format.ColourDifference, diff.recorded.label, longDate(diff.recorded.on), displayValue(strings.Values, 'trafficLight', diff.derived), colourReasonText(diff.reason, strings));
}
