/**
 * The wording the paper uses for reports, due dates and colours, kept apart from the builder so
 * that the Word and HTML renderers print exactly the same words.
 */
import { formatUkDate, parseIsoDate } from '../dates';
import type { DueDate, OriginatingReport, TrafficLight } from '../model';
import type { PaperDue } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 2017". */
export function formatMonthYear(date: string): string {
  const { year, month } = parseIsoDate(date);
  return `${MONTHS[month - 1]} ${year}`;
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

/** "A national report by HMICFRS", as the City of London paper introduces each report. */
export function reportByLine(report: OriginatingReport): string {
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

/** The due date as the paper prints it: the original and, when revised, the date now due. */
export function paperDue(due: DueDate): PaperDue {
  switch (due.kind) {
    case 'date': {
      const original = due.original ?? due.current;
      const current = due.current ?? due.original;
      return {
        original: original ? formatUkDate(original) : due.raw,
        nowDue: current && current !== original ? formatUkDate(current) : null
      };
    }
    case 'immediate':
      return { original: due.raw.trim() || 'Immediate', nowDue: due.current ? formatUkDate(due.current) : null };
    case 'no deadline':
      return { original: due.raw.trim() || 'No deadline set', nowDue: due.current ? formatUkDate(due.current) : null };
    case 'awaiting new timescale':
      return { original: due.original ? formatUkDate(due.original) : due.raw.trim(), nowDue: 'Awaiting new timescale' };
    case 'unparsed':
      return { original: due.raw.trim(), nowDue: null };
    case 'none':
      return { original: '', nowDue: null };
  }
}

/** One line of text for a due date: "30 April 2017; now due 28 February 2018". */
export function dueText(due: PaperDue): string {
  return due.nowDue ? `${due.original ? `Original: ${due.original}. ` : ''}Now due: ${due.nowDue}` : due.original;
}
