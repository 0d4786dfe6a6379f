/**
 * Status words as the forces write them, read into the tracker's lifecycle and the colour the
 * source gave. Two vocabularies appear: lifecycle words (Lancashire) and traffic lights with an
 * optional NEW marker (City of London). A word not listed here is reported, never guessed.
 */
import type { Lifecycle, TrafficLight } from '../model';
import { htmlToText } from './html';

export interface StatusReading {
  lifecycle: Lifecycle;
  /** The colour the source gave, or null when it used a lifecycle word only. */
  trafficLight: TrafficLight | null;
  /** NEW before a colour: changed since the last report to the committee. */
  markedNew: boolean;
}

/**
 * Lifecycle words. Lancashire's status column is headed "Complete/ NFA approved by CoS / HMI", so
 * its "Completed" is a closure already approved by the Chief of Staff, not a claim awaiting sign-off.
 */
const WORDS: Record<string, Omit<StatusReading, 'markedNew'>> = {
  completed: { lifecycle: 'Closed by the force', trafficLight: null },
  complete: { lifecycle: 'Closed by the force', trafficLight: null },
  closed: { lifecycle: 'Closed by the force', trafficLight: null },
  discharged: { lifecycle: 'Discharged by the inspectorate', trafficLight: null },
  'complete awaiting sign off': { lifecycle: 'Complete, awaiting sign-off', trafficLight: null },
  'awaiting sign off': { lifecycle: 'Complete, awaiting sign-off', trafficLight: null },
  // "No further action needed", approved like a closure: a closing state, not WHITE.
  'no further action needed': { lifecycle: 'No further action', trafficLight: null },
  'no further action': { lifecycle: 'No further action', trafficLight: null },
  nfa: { lifecycle: 'No further action', trafficLight: null },
  'being progressed': { lifecycle: 'Being progressed', trafficLight: null },
  'in progress': { lifecycle: 'Being progressed', trafficLight: null },
  ongoing: { lifecycle: 'Being progressed', trafficLight: null },
  open: { lifecycle: 'Being progressed', trafficLight: null },
  'awaiting review from fll': { lifecycle: 'Awaiting review', trafficLight: null },
  'awaiting review': { lifecycle: 'Awaiting review', trafficLight: null },
  // Colours, with City of London's definitions: GREEN implemented, AMBER ongoing, RED past its
  // deadline or will not be implemented (still open). WHITE (not the force's to deliver, or waiting
  // on another organisation) says nothing of the lifecycle: the item stays open until closed.
  green: { lifecycle: 'Complete, awaiting sign-off', trafficLight: 'GREEN' },
  amber: { lifecycle: 'Being progressed', trafficLight: 'AMBER' },
  red: { lifecycle: 'Being progressed', trafficLight: 'RED' },
  white: { lifecycle: 'Being progressed', trafficLight: 'WHITE' }
};

function key(text: string): string {
  return htmlToText(text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The marker a reading carries: NEW, or CLOSED for "NEW CLOSED". */
export function readingMarker(reading: StatusReading): 'NEW' | 'CLOSED' | null {
  if (!reading.markedNew) return null;
  return reading.lifecycle === 'Closed by the force' || reading.lifecycle === 'Discharged by the inspectorate' ? 'CLOSED' : 'NEW';
}

/** Reads a status cell; null when the word is not known (the caller reports it) or the cell is empty. */
export function readStatusWord(text: string | undefined): StatusReading | null {
  let k = key(text ?? '');
  if (k === '') return null;
  let markedNew = false;
  if (k.startsWith('new ')) {
    markedNew = true;
    k = k.slice(4);
  }
  const found = WORDS[k];
  return found ? { ...found, markedNew } : null;
}

/** The words {@link readStatusWord} knows, for messages. */
export function knownStatusWords(): string[] {
  return Object.keys(WORDS);
}
