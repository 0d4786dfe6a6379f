/**
 * Due dates read from the free text forces write, and deadlines read from recommendation text.
 *
 * The rules, each chosen so that a date is never guessed:
 * - **UK dates, day first**: `03/04/2018` is 3 April 2018; `31/02/2018` is unparsed.
 * - **A month without a day is due on its last day**: `Apr-17`, `April 2017` and `Sept 17` are all
 *   due on 30 April / 30 September 2017 — work promised "in April" is late only once April is over.
 *   A year alone (`2014`) is, likewise, due on 31 December.
 * - **A range or list is due when its last part is**: `Sep-17 - Feb/March-18` is due 31 March 2018,
 *   `Now due: January 2018 and June 2018` on 30 June 2018, `Immediately & April '18` on 30 April 2018.
 *   A range whose end comes before its start is unparsed.
 * - **Revisions**: `Original: April 2017 Now due: February 2018` and
 *   `March 2017 [Original Internal deadline] Now due April 2018` give the original date, the current
 *   date and one revision between them. `Now due: January 2018` alone gives a revision from an unknown
 *   date (`from: null`). An original date with no new one (`Sept 17 [original internal deadline]`)
 *   stays the current date: it is the only date committed to.
 * - **Immediate means due on publication**: `Immediate` / `Immediately` is kind 'immediate', dated
 *   with the publication date when it is known and undated otherwise.
 * - **Relative deadlines count from publication**: `Within six months` is the publication date plus
 *   six calendar months; with no publication date it is unparsed, with the reason.
 * - **Months named among words are milestones**: text that is not a timescale as such but names
 *   months with their years (`Decision by PCSB in June 2017`, `May-17 Oct-17`, `Phase One
 *   completed by March 17 Phase Two - ongoing.`) is due when the last month it names is over; the
 *   words stay in `raw`, so the milestones are printed as written.
 * - `No deadline set by HMICFRS…` is 'no deadline'; `Awaiting new timescale` is 'awaiting new
 *   timescale' (also when OCR has damaged the last word: `timesfale`); an empty text is 'none';
 *   anything else (`Ongoing`, `Awaiting update`, `Awaiting detail`) is 'unparsed' with the problem
 *   stated: no date the tracker can check.
 * - `raw` is always the text exactly as given. HTML wrappers from exported cells (`<p>…</p>`) are
 *   read through, not kept out of `raw`.
 */
import { addDays, addMonths, parseIsoDate } from '../dates';
import { MONTH_PATTERN, parseUkDate } from './ukDate';
import type { DueDate, DueRevision, IsoDate } from '../model';

export { parseUkDate, type UkDatePrecision, type UkDateReading } from './ukDate';

/** What a due-date text is resolved against. */
export interface DueDateContext {
  /** The originating report's publication date: `Immediate` and `Within six months` count from it. */
  published?: IsoDate | null;
}

/** One part of a timescale, read: a date (period), immediacy, or why it could not be read. */
type Part =
  | { kind: 'date'; first: IsoDate; last: IsoDate }
  | { kind: 'immediate'; date: IsoDate | null }
  /** `final`: a refusal no other reading may overrule (a range that ends before it starts). */
  | { kind: 'problem'; problem: string; final?: true };

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24
};
const NUMBER_PATTERN = '(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)';
const UNIT_PATTERN = '(day|week|month|year)s?';
/** "of publication", "of publication of this review", "of the publication of the report". */
const OF_PUBLICATION_PATTERN = '(?:\\s+of\\s+(?:the\\s+)?publication(?:\\s+of\\s+(?:the|this)\\s+(?:report|review|inspection))?)?';
const WITHIN_SOURCE = `\\bwithin\\s+${NUMBER_PATTERN}\\s+${UNIT_PATTERN}${OF_PUBLICATION_PATTERN}`;

const IMMEDIATE = /^immediate(?:ly)?$/i;
const NO_DEADLINE = /^no\s+deadline\b/i;
/** OCR turned "timescale" into "timesfale": any damage after "times" is accepted; the kind carries no date. */
const AWAITING_NEW_TIMESCALE = /^awaiting\s+(?:a\s+)?new\s+times\w{0,6}$/i;
const WITHIN = new RegExp(`^${WITHIN_SOURCE}$`, 'i');
const NOW_DUE = /^(.*?)\s*\bnow\s+due\b\s*:?\s*(.*)$/i;
const ORIGINAL_PREFIX = /^original(?:\s+internal)?(?:\s+deadline)?\s*:?\s*/i;
const DEADLINE_NOTE = /\s*\[\s*(?:original\s+)?(?:internal\s+)?deadline\s*\]\s*/gi;
const LEAD_IN = /^(?:(?:due(?:\s+date)?|deadline)\s*:?\s*)?(?:by\s+)?(?:the\s+end\s+of\s+|end\s+of\s+)?/i;
/** Range separators (end must not precede start) and list separators; captured to tell them apart. */
const SEPARATORS = /(\s+(?:-|–|—|to|until)\s+|\s*&\s*|\s+and\s+)/i;
const RANGE_SEPARATOR = /^\s*(?:-|–|—|to|until)\s*$/i;

/** Cell text as a reader sees it: tags and common entities gone, one space between words. */
function readable(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/, '');
}

function checkPublished(published: IsoDate | null | undefined): IsoDate | null {
  if (published === undefined || published === null) return null;
  parseIsoDate(published);
  return published;
}

/** Adds "six months" (etc.) to a date, as a calendar does. */
function addPeriod(date: IsoDate, count: number, unit: string): IsoDate {
  switch (unit.toLowerCase()) {
    case 'day':
      return addDays(date, count);
    case 'week':
      return addDays(date, count * 7);
    case 'month':
      return addMonths(date, count);
    default:
      return addMonths(date, count * 12);
  }
}

function readCount(word: string): number {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : NUMBER_WORDS[lower];
}

/** A relative deadline ("Within six months") resolved against publication, or why it cannot be. */
function relativePart(phrase: string, count: number, unit: string, published: IsoDate | null): Part {
  if (published === null) {
    return { kind: 'problem', problem: `"${phrase}" counts from the report's publication date, which is not known` };
  }
  const date = addPeriod(published, count, unit);
  return { kind: 'date', first: date, last: date };
}

function readPart(text: string, published: IsoDate | null): Part {
  const t = text.replace(LEAD_IN, '');
  if (IMMEDIATE.test(t)) return { kind: 'immediate', date: published };
  const within = WITHIN.exec(t);
  if (within) return relativePart(t, readCount(within[1]), within[2], published);
  const reading = parseUkDate(t);
  return reading.ok ? { kind: 'date', first: reading.first, last: reading.last } : { kind: 'problem', problem: reading.problem };
}

/** Reads a timescale of one or more parts; a range or list is due when its last part is. */
function readTimescale(text: string, published: IsoDate | null): Part {
  const pieces = text.split(SEPARATORS);
  const parts: Part[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = readPart(pieces[i], published);
    if (part.kind === 'problem') return part;
    const previous = parts[parts.length - 1];
    if (i > 0 && RANGE_SEPARATOR.test(pieces[i - 1]) && previous.kind === 'date' && part.kind === 'date' && part.last < previous.first) {
      return { kind: 'problem', problem: `"${text}" ends before it starts`, final: true };
    }
    parts.push(part);
  }
  const dated = parts.filter((p): p is Extract<Part, { kind: 'date' }> => p.kind === 'date');
  if (dated.length === 0) return parts[0];
  const last = dated.map((p) => p.last).reduce((a, b) => (b > a ? b : a));
  const first = dated.map((p) => p.first).reduce((a, b) => (b < a ? b : a));
  return { kind: 'date', first, last };
}

function dueOn(raw: string, original: IsoDate | null, current: IsoDate | null, revisions: DueRevision[] = []): DueDate {
  return { kind: 'date', original, current, revisions, raw };
}

function unparsed(raw: string, problem: string): DueDate {
  return { kind: 'unparsed', original: null, current: null, revisions: [], raw, problem };
}

function immediate(raw: string, date: IsoDate | null): DueDate {
  return { kind: 'immediate', original: date, current: date, revisions: [], raw };
}

function fromPart(raw: string, part: Part): DueDate {
  switch (part.kind) {
    case 'date':
      return dueOn(raw, part.last, part.last);
    case 'immediate':
      return immediate(raw, part.date);
    default:
      return unparsed(raw, part.problem);
  }
}

/** The date a part is due on (immediate: publication, when known). */
function partDue(part: Part): IsoDate | null {
  return part.kind === 'date' ? part.last : part.kind === 'immediate' ? part.date : null;
}

/** A month with its year among other words: "June 2017", "Oct-17", "March 17". */
const MONTH_YEAR_ANYWHERE = new RegExp(`\\b(${MONTH_PATTERN})\\.?[\\s-]+('?(?:\\d{4}|\\d{2}))\\b`, 'gi');

/** The months a text names, as milestones: due when the last is over; null when it names none. */
function milestones(raw: string, readableText: string): DueDate | null {
  const months = Array.from(readableText.matchAll(MONTH_YEAR_ANYWHERE))
    .map((m) => parseUkDate(`${m[1]} ${m[2]}`))
    .filter((r): r is Extract<ReturnType<typeof parseUkDate>, { ok: true }> => r.ok);
  if (months.length === 0) return null;
  const last = months.map((r) => r.last).reduce((a, b) => (b > a ? b : a));
  return dueOn(raw, last, last);
}

/** The original side of a revision, without its "Original:" / "[Original internal deadline]" labels. */
function originalSide(text: string): string {
  return text.replace(DEADLINE_NOTE, ' ').trim().replace(ORIGINAL_PREFIX, '').trim();
}

/**
 * Reads a due date from the free text of a tracker's timescale or due-date cell.
 *
 * Never guesses: text that cannot be read with confidence is kind 'unparsed' with `problem` saying
 * why, and `raw` is always `text` exactly as given. See the module comment for the rules.
 *
 * @param text - the cell text, as written (`Apr-17`, `Original: April 2017 Now due: February 2018`).
 * @param ctx - `published`: the report's publication date, for `Immediate` and `Within six months`.
 * @throws RangeError when `ctx.published` is given but is not a real ISO date.
 */
export function parseDueDate(text: string, ctx: DueDateContext = {}): DueDate {
  const published = checkPublished(ctx.published);
  const t = readable(text);
  if (t === '') return { kind: 'none', original: null, current: null, revisions: [], raw: text };
  if (NO_DEADLINE.test(t)) return { kind: 'no deadline', original: null, current: null, revisions: [], raw: text };
  if (AWAITING_NEW_TIMESCALE.test(t)) return { kind: 'awaiting new timescale', original: null, current: null, revisions: [], raw: text };

  const revised = NOW_DUE.exec(t);
  if (!revised) {
    const part = readTimescale(originalSide(t), published);
    return part.kind === 'problem' && !part.final ? (milestones(text, t) ?? fromPart(text, part)) : fromPart(text, part);
  }

  const [, before, after] = revised;
  if (after === '') return unparsed(text, `"${t}" says "now due" but gives no date`);
  const currentPart = readTimescale(after, published);
  const current = partDue(currentPart);
  if (currentPart.kind === 'problem') return unparsed(text, currentPart.problem);
  const beforeText = originalSide(before);
  let original: IsoDate | null = null;
  if (beforeText !== '') {
    const originalPart = readTimescale(beforeText, published);
    if (originalPart.kind === 'problem') return unparsed(text, originalPart.problem);
    original = partDue(originalPart);
  }
  if (current === null) return unparsed(text, `"${t}" gives no date to count from: the publication date is not known`);
  if (original === current) return dueOn(text, original, current);
  const revision: DueRevision = { from: original, to: current, reason: `Recorded in the source as "${t}"` };
  return dueOn(text, original, current, [revision]);
}

/* ---------- Deadlines inside recommendation text ---------- */

/** "By 31 March 2015", "not later than 30 September 2014", "by November 2015", "by 14th April" (no year: a problem). */
const BY_DATE = new RegExp(
  `\\b(?:by|not\\s+later\\s+than|no\\s+later\\s+than)\\s+(?:the\\s+end\\s+of\\s+)?` +
    `((?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?${MONTH_PATTERN}\\b\\.?(?:[\\s-]+'?(?:\\d{4}|\\d{2})\\b)?|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b)`,
  'gi'
);
const WITHIN_ANYWHERE = new RegExp(WITHIN_SOURCE, 'gi');
/** "with immediate effect", "should take immediate steps". */
const IMMEDIATE_EFFECT = /\b(?:with\s+immediate\s+effect|take\s+immediate\s+(?:steps|action))\b/gi;
const IMMEDIATELY = /\bimmediately\b/gi;
/** Sentences whose subject is the inspectorate: its own timetable ("HMIC will revisit … within six months") is not the force's deadline. */
const INSPECTORATE_SUBJECT = /^(?:note:\s*)?(?:hmic(?:frs)?|hmcpsi|hmi\s+probation|the\s+inspectorate|the\s+re-?inspection)\b/i;
/** How a recommendation opens before its deadline: "We recommend, that within six months, …". */
const RECOMMEND_LEAD = /^(?:we\s+recommend|hmic(?:frs)?\s+recommends?)\s*,?\s*(?:that\s*,?\s*)?$/i;

interface Phrase {
  start: number;
  end: number;
  part: Part;
}

/** Replaces tags and `&nbsp;` with spaces of the same length, so that positions still index the original text. */
function maskMarkup(text: string): string {
  return text.replace(/<[^>]*>|&nbsp;|&#160;/gi, (m) => ' '.repeat(m.length));
}

/** Where the sentence (or bullet, or bracketed aside) holding position `index` starts. */
function sentenceStart(masked: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const c = masked[i];
    if (c === '•' || c === '(' || c === '*') return i + 1;
    if ('.!?;:'.includes(c) && /\s/.test(masked[i + 1] ?? ' ')) return i + 1;
  }
  return 0;
}

/**
 * "Immediately" sets a deadline when it governs the recommended action: when it opens the sentence
 * ("Immediately, all forces should…"), follows "should" closely ("should review immediately",
 * "should, immediately, establish"), or closes the sentence ("…are ended immediately."). Elsewhere it
 * describes something else ("incidents that need to be dealt with immediately and…").
 */
function isImmediateDeadline(masked: string, index: number, sentenceFrom: number): boolean {
  const before = masked.slice(sentenceFrom, index).trim();
  if (before === '' || RECOMMEND_LEAD.test(before)) return true;
  if (/\bshould\s*,?(?:\s+[a-z-]+){0,3}$/i.test(before)) return true;
  return /^\s*(?:[.;)]|$)/.test(masked.slice(index + 'immediately'.length));
}

function findPhrases(masked: string, published: IsoDate | null): Phrase[] {
  const phrases: Phrase[] = [];
  const add = (start: number, end: number, part: Part): void => {
    if (INSPECTORATE_SUBJECT.test(masked.slice(sentenceStart(masked, start), start).trim())) return;
    if (phrases.some((p) => start < p.end && end > p.start)) return;
    phrases.push({ start, end, part });
  };

  for (const m of Array.from(masked.matchAll(BY_DATE))) {
    const start = m.index ?? 0;
    const reading = parseUkDate(m[1]);
    const part: Part = reading.ok
      ? { kind: 'date', first: reading.first, last: reading.last }
      : { kind: 'problem', problem: `"${m[0]}": ${reading.problem}` };
    add(start, start + m[0].length, part);
  }
  for (const m of Array.from(masked.matchAll(WITHIN_ANYWHERE))) {
    const start = m.index ?? 0;
    add(start, start + m[0].length, relativePart(m[0].replace(/\s+/g, ' '), readCount(m[1]), m[2], published));
  }
  for (const m of Array.from(masked.matchAll(IMMEDIATE_EFFECT))) {
    const start = m.index ?? 0;
    add(start, start + m[0].length, { kind: 'immediate', date: published });
  }
  for (const m of Array.from(masked.matchAll(IMMEDIATELY))) {
    const start = m.index ?? 0;
    if (isImmediateDeadline(masked, start, sentenceStart(masked, start))) {
      add(start, start + m[0].length, { kind: 'immediate', date: published });
    }
  }
  return phrases.sort((a, b) => a.start - b.start);
}

/**
 * Finds the deadline a recommendation sets inside its own text and resolves it against the report's
 * publication date: "By 31 March 2015, every force…" (31 March 2015), "By November 2015, …"
 * (30 November 2015), "Within six months of publication of this review" (publication + 6 months),
 * "Immediately, all forces should…", "with immediate effect", "should take immediate steps" (kind
 * 'immediate', due on publication).
 *
 * - Returns null when the text sets no deadline.
 * - A relative or immediate deadline with no publication date is 'unparsed', saying so: never guessed.
 * - Several deadlines that agree give that date; several that differ ("with immediate effect … by
 *   November 2015") are 'unparsed', naming them, for a person to decide.
 * - Timetables of the inspectorate itself ("HMIC will revisit the constabulary within six months")
 *   are not the force's deadline and are ignored.
 * - `raw` is the deadline phrase exactly as written in the text (from the first phrase to the last
 *   when there are several), so it can be shown next to the date it gave.
 *
 * @throws RangeError when `published` is not null and not a real ISO date.
 */
export function deadlineFromText(recommendationText: string, published: IsoDate | null): DueDate | null {
  const publishedDate = checkPublished(published);
  const masked = maskMarkup(recommendationText);
  const phrases = findPhrases(masked, publishedDate);
  if (phrases.length === 0) return null;

  const raw = recommendationText.slice(phrases[0].start, phrases[phrases.length - 1].end);
  const problems = phrases.flatMap((p) => (p.part.kind === 'problem' ? [p.part.problem] : []));
  if (problems.length > 0) return { ...unparsed(raw, problems.join('; ')), fromText: true };

  const readings = phrases.map((p) => `${p.part.kind}:${partDue(p.part) ?? ''}`);
  if (readings.some((r) => r !== readings[0])) {
    const named = phrases.map((p) => `"${masked.slice(p.start, p.end).replace(/\s+/g, ' ')}"`).join(', ');
    return { ...unparsed(raw, `The text sets different deadlines (${named}): choose the due date by hand`), fromText: true };
  }
  return { ...fromPart(raw, phrases[0].part), fromText: true };
}

/** Said beside a timescale that names no date: the colour cannot follow it, and every screen says so. */
export const UNCHECKED_TIMESCALE = 'no date the tracker can check';

/** A timescale as the source wrote it, and the date the tracker has since agreed, if any. */
export interface TimescaleText {
  /** The text as written, one space between words ('' when the date was set in the tracker). */
  written: string;
  /** The date now due after an extension agreed in the tracker; null when none was. */
  agreed: IsoDate | null;
}

/**
 * How a due date is printed: as the source gave it, with its precision ("April 2018", "2024"), its
 * tags ("[internal deadline]") and every milestone ("Now due: January 2018 and June 2018"); an
 * extension agreed in the tracker (a revision with a time) follows as the date now due.
 */
export function timescaleText(due: DueDate): TimescaleText {
  const agreed = [...due.revisions].reverse().find((r) => r.at !== undefined);
  return { written: due.raw.replace(/\s+/g, ' ').trim(), agreed: agreed ? agreed.to : null };
}
