/**
 * The wording the paper uses for reports, due dates and colours, kept apart from the builder so
 * that the Word and HTML renderers print exactly the same words.
 */
import { formatUkDate, monthName, parseIsoDate } from '../dates';
import { UNCHECKED_TIMESCALE, timescaleText } from '../dueDates';
import type { DueDate, OriginatingReport, TrafficLight } from '../model';
import type { PaperDue } from './types';

/** "November 2017". */
export function formatMonthYear(date: string): string {
  const { year, month } = parseIsoDate(date);
  return `${monthName(month)} ${year}`;
}

/** A date as precisely as its source gave it: "14 February 2024", "February 2024" or "2024". */
export function formatDateAs(date: string, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return String(parseIsoDate(date).year);
  return precision === 'month' ? formatMonthYear(date) : formatUkDate(date);
}

/**
 * The committee's definitions of the colours (City of London Police's Performance and Resource
 * Management Sub Committee), worded for any force.
 */
export const TRAFFIC_LIGHT_DEFINITIONS: { colour: TrafficLight; definition: string }[] = [
  { colour: 'GREEN', definition: 'The recommendation is implemented.' },
  { colour: 'AMBER', definition: 'The recommendation is subject to ongoing work and monitoring but is anticipated will be implemented.' },
  { colour: 'RED', definition: 'The recommendation is beyond its designated deadline or cannot / will not be implemented (rationale required).' },
  { colour: 'WHITE', definition: 'The recommendation is not the force’s responsibility to deliver or is dependent upon another organisation delivering a product.' }
];

/** Print colours of the traffic lights (hex, no '#'), shared by the Word and HTML renderers. */
export const TRAFFIC_LIGHT_COLOURS: Record<TrafficLight, { fill: string; text: string }> = {
  GREEN: { fill: '00B050', text: '000000' },
  AMBER: { fill: 'FFC000', text: '000000' },
  RED: { fill: 'C00000', text: 'FFFFFF' },
  WHITE: { fill: 'FFFFFF', text: '000000' }
};

/** "A national report by HMICFRS": the source's by-line as written, else one in the City of London paper's words. */
export function reportByLine(report: OriginatingReport): string {
  const written = report.byLine?.replace(/\s+/g, ' ').trim();
  if (written) return written;
  const by = report.source === 'Joint inspection' || report.source === 'Other' ? '' : ` by ${report.source}`;
  switch (report.reportType) {
    case 'National thematic':
      return `A national report${by}`;
    case 'PEEL':
    case 'Force inspection':
      return `A force report${by}`;
    case 'Revisit':
      return `A revisit report${by}`;
    case 'Joint inspection':
      return `A joint inspection report${by}`;
    case 'Learning recommendations':
      return `Learning recommendations${by}`;
    case 'Prevention of future deaths':
      return `A prevention of future deaths report${by}`;
    case 'Audit':
      return `An audit report${by}`;
    case 'Plan':
      return `A plan${by}`;
    case 'Other':
      return `A report${by}`;
  }
}

/** "Published November 2017": the source's own words when kept, else the month of publication. */
export function publishedLine(report: OriginatingReport): string {
  const written = report.publishedText?.trim();
  if (written) return written;
  return report.published ? `Published ${formatMonthYear(report.published)}` : 'Publication date not recorded';
}

/**
 * The due date as the paper prints it: the timescale as the source wrote it (its precision, tags
 * and milestones kept) and, when an extension was agreed in the tracker, the date now due. A date
 * set in the tracker itself is printed as a day, and one read from the recommendation's own text
 * is left to the text.
 */
export function paperDue(due: DueDate): PaperDue {
  const { written, agreed } = timescaleText(due);
  const nowDue = agreed !== null ? formatUkDate(agreed) : null;
  // A deadline read from the recommendation's own text is printed there already; the due cell
  // stays as empty as the source left it.
  if (due.fromText) return { original: '', nowDue };
  if (written !== '') return due.kind === 'unparsed' && nowDue === null ? { original: written, nowDue, unchecked: true } : { original: written, nowDue };
  switch (due.kind) {
    case 'date': {
      const original = due.original ?? due.current;
      return { original: original ? formatUkDate(original) : '', nowDue: nowDue ?? (due.current && due.current !== original ? formatUkDate(due.current) : null) };
    }
    case 'immediate':
      return { original: 'Immediate', nowDue };
    case 'no deadline':
      return { original: 'No deadline set', nowDue };
    case 'awaiting new timescale':
      return { original: due.original ? formatUkDate(due.original) : '', nowDue: 'Awaiting new timescale' };
    case 'unparsed':
    case 'none':
      return { original: '', nowDue };
  }
}

/** The words the paper prints for an open item whose owner has given no update at all. */
export const AWAITING_UPDATE = 'Awaiting update';


/** One line of text for a due date: "30 April 2017; now due 28 February 2018". */
export function dueText(due: PaperDue): string {
  const text = due.nowDue ? `${due.original ? `Original: ${due.original}. ` : ''}Now due: ${due.nowDue}` : due.original;
  return due.unchecked ? `${text} (${UNCHECKED_TIMESCALE})` : text;
}
