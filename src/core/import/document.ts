/**
 * From a raw document (values as written) to an import plan: safe text, scope, report type and
 * source, status words, timescales through the core due-date parser with the raw text kept,
 * owners matched to accounts, references, idempotency keys, and national rows linked to the
 * force's own copies. Every value that cannot be read is reported with its row, column and text.
 */
import { deadlineFromText, parseDueDate } from '../dueDates';
import { checkReportLink, linkProblemText } from '../links';
import { trafficLight } from '../status';
import { pccResponseDeadline } from '../colourCounts';
import type {
  AppliesTo,
  Confidence,
  DueDate,
  IsoDate,
  IsoInstant,
  OriginatingReport,
  RecordedStatus,
  RecommendationKind,
  ReportType,
  Scope,
  Source
} from '../model';
import { readDay } from './dayText';
import { htmlToText } from './html';
import { actionKey, normaliseForKey, recommendationKey, reportKey, updateKey } from './keys';
import { linkNationalRows } from './link';
import { matchPerson, type PeopleTable } from './people';
import { readScope } from './scope';
import { readScopeCounts } from './summaryText';
import { knownStatusWords, readingMarker, readStatusWord, type StatusReading } from './statusWords';
import type {
  ImportField,
  ImportPlan,
  ImportProblem,
  PlannedAction,
  PlannedRecommendation,
  PlannedReport,
  PlannedUpdate,
  RawAction,
  RawDocument,
  RawOrigin,
  RawRecommendation,
  RawReport,
  RawUpdate
} from './types';

export interface DocumentOptions {
  people?: PeopleTable;
  /** Used when a report names no publisher (a tracker with no source column). */
  defaultSource?: Source;
  /** Who the progress updates are from when the source does not say. */
  defaultAuthor?: string;
  /** The day of the import: the date of a status the source gives without any date. */
  importedOn?: IsoDate;
}

/** What the planners read beside the options: the source's own date, when it gives one. */
interface PlanOptions extends DocumentOptions {
  sourceDate?: IsoDate | null;
}

/** The date the document speaks for (its `asAt`), read as a UK day; null when absent or unreadable. */
function documentDate(r: Reader, doc: RawDocument): IsoDate | null {
  const text = htmlToText(doc.asAt ?? '');
  if (text === '') return null;
  const day = readDay(text);
  if (day?.precision === 'day' && day.date !== null) return day.date;
  r.report({ row: null, column: () => 'asAt' }, 'published', text, "The source's date is not a day: its statuses are dated from each item's last update instead.");
  return null;
}

/** The status a source recorded, kept as written with the day it was recorded on. */
function recordedStatus(statusText: string, status: StatusReading | null, on: IsoDate | undefined): RecordedStatus | undefined {
  if (statusText === '' || on === undefined) return undefined;
  return { label: statusText, colour: status?.trafficLight ?? null, marker: status ? readingMarker(status) : null, on };
}

/** Reads what a report's publisher line says about who published it. */
export function readSource(text: string): Source | null {
  const t = text.toLowerCase();
  const bodies = [
    /hmicfrs|\bhmic\b|\bpeel\b/.test(t),
    /hmcpsi/.test(t),
    /probation/.test(t),
    /ofsted/.test(t),
    /\bcqc\b/.test(t)
  ].filter(Boolean).length;
  if (/\bjoint\b/.test(t) || bodies > 1) return 'Joint inspection';
  if (/police and crime (plan|commissioner)|\bpcc\b/.test(t)) return 'Police and crime plan';
  if (/internal audit|\baudit\b/.test(t)) return 'Internal audit';
  if (/\biopc\b/.test(t)) return 'IOPC';
  if (/coroner/.test(t)) return 'Coroner';
  if (/hmcpsi/.test(t)) return 'HMCPSI';
  if (/probation/.test(t)) return 'HMI Probation';
  if (/ofsted/.test(t)) return 'Ofsted';
  if (/\bcqc\b/.test(t)) return 'CQC';
  if (/hmicfrs|\bhmic\b|\bpeel\b/.test(t)) return 'HMICFRS';
  return null;
}

/** The report type from the type cell, the title and the scope. */
export function readReportType(typeText: string, title: string, scope: Scope): ReportType {
  const t = `${typeText} ${title}`.toLowerCase();
  if (/\bpeel\b/.test(t)) return 'PEEL';
  if (/revisit/.test(t)) return 'Revisit';
  if (/\bjoint\b/.test(t)) return 'Joint inspection';
  if (/prevention of future deaths/.test(t)) return 'Prevention of future deaths';
  if (/learning recommendations/.test(t)) return 'Learning recommendations';
  if (/\baudit\b/.test(t)) return 'Audit';
  if (/\bplan\b/.test(t) && !/action plan/.test(t)) return 'Plan';
  if (scope === 'Force inspected' && /\bnational\b/.test(t)) return 'National thematic';
  if (scope === 'Force inspected') return 'Force inspection';
  if (scope !== 'Not stated') return 'National thematic';
  return 'Other';
}

/** Labels some sources put before the text ("Areas for improvement The force should…"). */
const KIND_LABELS: readonly [RegExp, RecommendationKind][] = [
  [/^accelerated causes? of concern\b[:.]?\s*/i, 'Accelerated cause of concern'],
  [/^causes? of concern\b[:.]?\s*/i, 'Cause of concern'],
  [/^areas? for improvements?\b[:.]?\s*/i, 'Area for improvement'],
  [/^areas? for attention\b[:.]?\s*/i, 'Area for attention'],
  [/^areas? for enhancements?\b[:.]?\s*/i, 'Area for enhancement'],
  [/^recommendations?\b[:.]?\s*/i, 'Recommendation'],
  [/^(plan )?commitments?\b[:.]?\s*/i, 'Plan commitment'],
  [/^\bafi\b[:.]?\s*/i, 'Area for improvement']
];

/** A kind written as a word ("AFI", "Cause of concern"), or null. */
export function readKind(text: string): RecommendationKind | null {
  const t = htmlToText(text).trim();
  for (const [label, kind] of KIND_LABELS) {
    const m = label.exec(t);
    if (m && m[0].trim().length >= t.length - 1) return kind;
  }
  return null;
}

/** Splits a leading kind label off a text; the text is kept whole when nothing follows the label. */
function splitKindLabel(text: string): { kind: RecommendationKind | null; text: string } {
  for (const [label, kind] of KIND_LABELS) {
    const m = label.exec(text);
    if (m) {
      const rest = text.slice(m[0].length).trim();
      return rest === '' ? { kind, text } : { kind, text: rest };
    }
  }
  return { kind: null, text };
}

/** National bodies and other agencies a recommendation can be addressed to, as trackers name them. */
const ADDRESSEES: readonly [RegExp, string, AppliesTo][] = [
  [/\bhome office\b/i, 'Home Office', 'National'],
  [/\bcollege of policing\b|\bcop\b/i, 'College of Policing', 'National'],
  [/\bnpcc\b|national police chiefs/i, 'NPCC', 'National'],
  [/\bnational crime agency\b|\bnca\b/i, 'National Crime Agency', 'National'],
  [/\bnational oversight group\b/i, 'National Oversight Group', 'National'],
  [/\bnuwg\b|national undercover working group/i, 'National Undercover Working Group', 'National'],
  [/\bncba\b|\bnbca\b|national crime business area/i, 'National Crime Business Area', 'National'],
  [/\bhmic\b|\bhmicfrs\b/i, 'HMICFRS', 'National'],
  [/\bcps\b|crown prosecution/i, 'Crown Prosecution Service', 'Other body'],
  [/\bhm courts\b|courts and tribunals/i, 'HM Courts and Tribunals Service', 'Other body'],
  [/\bministry of justice\b/i, 'Ministry of Justice', 'Other body'],
  [/\bdepartment of health\b|dept\.? of health/i, 'Department of Health', 'Other body'],
  [/\byouth justice board\b/i, 'Youth Justice Board', 'Other body'],
  [/\bprobation\b/i, 'Probation', 'Other body']
];

/**
 * The subject of a recommendation's opening is the force itself ("Forces should…", "Chief
 * constables and CPS Area leads should…"): named before any other body the opening names.
 */
function addressedToForces(text: string): boolean {
  const opening = text.split(/\bshould\b|\bmust\b/i)[0] ?? '';
  const force = /\b(forces?|chief constables?|chief officers?|police)\b/i.exec(opening);
  if (!force) return false;
  const bodies = ADDRESSEES.map(([re]) => re.exec(opening)?.index).filter((i): i is number => i !== undefined);
  return bodies.every((i) => force.index < i);
}

function bodiesIn(text: string): { addressee: string; appliesTo: AppliesTo } | null {
  const found = ADDRESSEES.filter(([re]) => re.test(text));
  if (found.length === 0) return null;
  return { addressee: found.map(([, name]) => name).join(', '), appliesTo: found.some(([, , a]) => a === 'National') ? 'National' : 'Other body' };
}

/** Who a recommendation not for the force is addressed to: named in the text's opening first, then in the comment. */
export function readAddressee(comment: string, text: string): { addressee: string; appliesTo: AppliesTo } | null {
  return bodiesIn(text.split(/\bshould\b|\bmust\b/i)[0] ?? '') ?? bodiesIn(comment);
}

const CONFIDENCE_WORDS: Record<string, Confidence> = { high: 'High', h: 'High', medium: 'Medium', med: 'Medium', m: 'Medium', low: 'Low', l: 'Low' };

function noonUtc(date: IsoDate): IsoInstant {
  return `${date}T12:00:00Z`;
}

/** Where a value came from: a table row and its headings, or a path in a structured document. */
interface Where {
  row: number | null;
  column(field: ImportField): string;
}

function where(origin: RawOrigin | undefined, path: string): Where {
  return {
    row: origin?.row ?? null,
    column: (field) => origin?.columns[field] ?? `${path}.${field}`
  };
}

class Reader {
  readonly problems: ImportProblem[] = [];
  constructor(private readonly doc: RawDocument) {}

  report(where: Where, field: ImportField, value: string, message: string, severity: ImportProblem['severity'] = 'warning'): void {
    this.problems.push({ severity, row: where.row, column: where.column(field), value, message });
  }

  due(raw: string | undefined, published: IsoDate | null, origin: Where, field: ImportField = 'due'): DueDate | null {
    const text = htmlToText(raw ?? '');
    if (text === '') return null;
    const due = parseDueDate(text, { published: published ?? undefined });
    if (due.kind === 'unparsed') this.report(origin, field, text, `Timescale not understood${due.problem ? `: ${due.problem}` : ''}; kept as written.`);
    return due;
  }

  status(raw: string | undefined, origin: Where, what: string): StatusReading | null {
    const text = htmlToText(raw ?? '');
    if (text === '') {
      this.report(origin, 'status', '', `No status given: the ${what} is imported as "Awaiting review".`, 'info');
      return null;
    }
    const reading = readStatusWord(text);
    if (!reading) {
      this.report(origin, 'status', text, `Status word not recognised: the ${what} is imported as "Awaiting review" and the word kept in its comment. Known words: ${knownStatusWords().join(', ')}, and NEW before a colour.`);
    }
    return reading;
  }

  get name(): string {
    return this.doc.name;
  }
}

function none(): DueDate {
  return { kind: 'none', original: null, current: null, revisions: [], raw: '' };
}

/** Turns a raw document into an import plan. Never throws on bad values: it reports them. */
export function documentToPlan(doc: RawDocument, options: DocumentOptions = {}): ImportPlan {
  const r = new Reader(doc);
  const asAt = documentDate(r, doc);
  const reports: PlannedReport[] = [];
  const recommendations: PlannedRecommendation[] = [];

  doc.reports.forEach((raw, reportIndex) => {
    const planned = planReport(r, raw, doc, { ...options, sourceDate: asAt }, `reports[${reportIndex}]`);
    reports.push(planned);
    const seen = new Map<string, number>();
    raw.recommendations.forEach((rawRec, recIndex) => {
      const rec = planRecommendation(r, rawRec, planned, recIndex, seen, { ...options, sourceDate: asAt }, `reports[${reportIndex}].recommendations[${recIndex}]`);
      if (rec) recommendations.push(rec);
    });
  });

  // A plan whose source rates nothing by colour is not rated by colour: its update prints no RAG.
  for (const planned of reports) {
    if (planned.report.reportType !== 'Plan') continue;
    planned.report.usesTrafficLights = recommendations.some((rec) => rec.reportKey === planned.key && rec.trafficLight !== null);
  }
  linkNationalRows(reports, recommendations);
  return { name: doc.name, reports, recommendations, problems: r.problems };
}

function planReport(r: Reader, raw: RawReport, doc: RawDocument, options: PlanOptions, path: string): PlannedReport {
  const origin = where(raw.origin, path);
  const title = htmlToText(raw.title).replace(/\s+/g, ' ').trim();
  const scopeText = htmlToText(raw.scope ?? '');
  const scope: Scope = readScope(scopeText, doc.force) ?? readScope(raw.source, doc.force) ?? 'Not stated';
  if (scopeText !== '' && readScope(scopeText, doc.force) === null) r.report(origin, 'scope', scopeText, 'Scope not understood: the report is imported as "Not stated" and the text kept.');
  const sourceText = htmlToText(raw.source ?? '');
  let source = readSource(`${sourceText} ${raw.reportType ?? ''}`) ?? readSource(title);
  if (source === null) {
    source = options.defaultSource ?? 'Other';
    if (!options.defaultSource) r.report(origin, 'source', sourceText, `No publisher given for "${title}": imported as "Other".`, 'info');
  }
  const publishedText = htmlToText(raw.published ?? '');
  const day = readDay(publishedText);
  // A month ("Published November 2017") is kept as its first day with its precision, so reports
  // sort by it; a year alone has no day to keep.
  const published = day?.date ?? null;
  const precise = day?.precision === 'day' ? published : null;
  if (publishedText !== '' && day === null) r.report(origin, 'published', publishedText, 'Publication date not understood; kept as written.');
  const summary = raw.summary ? htmlToText(raw.summary) : undefined;
  const made = summary ? readScopeCounts(summary) : null;
  // A link that is no web address (`javascript:`, a typo) is dropped: the report imports without it.
  const link = typeof raw.url === 'string' && raw.url.trim() !== '' ? checkReportLink(raw.url) : null;
  if (link?.ok === false) r.report(origin, 'report', raw.url ?? '', `Link to the report refused: ${linkProblemText(link.problem)} The report is imported without a link.`);
  const sentenceOn = options.sourceDate ?? options.importedOn;
  const report: OriginatingReport = {
    title,
    source,
    reportType: readReportType(htmlToText(raw.reportType ?? ''), title, scope),
    published,
    publishedPrecision: day && day.date !== null ? day.precision : undefined,
    publishedText: publishedText || undefined,
    byLine: sourceText || undefined,
    made: made?.made,
    madeForForce: made?.forForce,
    recordedScope: summary && sentenceOn ? { sentence: summary, on: sentenceOn } : undefined,
    scope,
    scopeText: scopeText || undefined,
    responseDeadline: precise ? pccResponseDeadline(precise) : null,
    url: link?.ok === true ? raw.url?.trim() : undefined
  };
  return { key: reportKey(title), row: raw.origin?.row ?? null, report, summary };
}

function readAccepted(r: Reader, raw: string | undefined, origin: Where): boolean | null {
  const t = htmlToText(raw ?? '').toLowerCase();
  if (t === '') return null;
  if (/^(y|yes|accepted)\b/.test(t)) return true;
  if (/^(n|no|not accepted)\b/.test(t)) return false;
  r.report(origin, 'accepted', t, 'Accepted for action: expected Y/N or Yes/No; left undecided.');
  return null;
}

/**
 * "Awaiting update", "Awaiting detail": what a tracker writes where the owner has not answered. The
 * cell holds no content: no plan, comment or update is made of it, and the paper says so itself.
 */
const AWAITING = /^awaiting\s+(?:an?\s+)?(?:update|detail)s?\.?$/i;

/** A cell's text, or '' when the cell only says that it awaits an answer. */
function given(raw: string | undefined): string {
  const text = htmlToText(raw ?? '');
  return AWAITING.test(text.trim()) ? '' : text;
}

/** A confidence rating, or (when the cell holds anything else) the text as written beside it. */
function readConfidence(r: Reader, raw: string | undefined, origin: Where): { rating?: Confidence; asWritten?: string } {
  const written = htmlToText(raw ?? '').trim();
  const t = written.toLowerCase().replace(/[^a-z ]+/g, ' ').trim();
  if (t === '') return {};
  const words = t.split(/\s+/).map((w) => CONFIDENCE_WORDS[w]);
  const first = words[0];
  if (first && words.every((w) => w === first)) return { rating: first };
  if (!/^awaiting\b/i.test(written)) r.report(origin, 'confidence', written, 'Confidence: expected High, Medium or Low; not set as a rating, and printed as written.');
  return { asWritten: written };
}

function planRecommendation(
  r: Reader,
  raw: RawRecommendation,
  report: PlannedReport,
  index: number,
  seen: Map<string, number>,
  options: PlanOptions,
  path: string
): PlannedRecommendation | null {
  const origin = where(raw.origin, path);
  const written = htmlToText(raw.text);
  if (written === '') {
    r.report(origin, 'text', '', 'No recommendation text: not imported.', 'error');
    return null;
  }
  const labelled = splitKindLabel(written);
  const kindText = htmlToText(raw.kind ?? '');
  let kind = kindText !== '' ? readKind(kindText) : null;
  if (kindText !== '' && kind === null) r.report(origin, 'kind', kindText, 'Kind not recognised: taken from the text, else "Recommendation".');
  kind = kind ?? labelled.kind ?? 'Recommendation';
  const text = labelled.kind && (kindText === '' || labelled.kind === kind) ? labelled.text : written;

  // Timescales count from a publication day only: "Immediately" in a report published "November
  // 2017" has no day to be due on.
  const published = report.report.publishedPrecision === 'month' || report.report.publishedPrecision === 'year' ? null : report.report.published;
  const statusText = htmlToText(raw.status ?? '');
  const status = r.status(raw.status, origin, 'recommendation');
  const comments = [given(raw.comment)].filter((c) => c !== '');
  if (statusText !== '' && status === null) comments.push(`Status as written: ${statusText}`);

  const timescale = r.due(raw.due, published, origin) ?? deadlineFromText(text, published) ?? none();
  // "Awaiting new timescale": the deadline it had has passed; the one its text sets, when it sets one.
  const textDeadline = timescale.kind === 'awaiting new timescale' ? deadlineFromText(text, published) : null;
  const due = textDeadline?.kind === 'date' ? { ...timescale, original: textDeadline.current } : timescale;
  if (htmlToText(raw.due ?? '') === '' && due.kind === 'unparsed') {
    r.report(origin, 'text', due.raw, `Deadline in the text not dated${due.problem ? `: ${due.problem}` : ''}; kept as written.`);
  }

  let appliesTo: AppliesTo = 'Force';
  let addressee = htmlToText(raw.addressee ?? '') || undefined;
  let dependsOn: string | undefined;
  if (status && (status.trafficLight === 'WHITE' || status.lifecycle === 'No further action')) {
    const inText = bodiesIn(text.split(/\bshould\b|\bmust\b/i)[0] ?? '');
    const inComment = bodiesIn(comments.join(' '));
    if (status.trafficLight === 'WHITE' && addressedToForces(text) && inComment) {
      // City of London rates WHITE a force's own recommendation that waits on another body, also
      // when the text names a partner beside the force ("Chief constables and CPS Area leads …").
      dependsOn = inComment.addressee;
    } else {
      const found = inText ?? inComment;
      if (found) {
        appliesTo = found.appliesTo;
        addressee = addressee ?? found.addressee;
      }
    }
  }

  const { rating: confidence, asWritten: confidenceAsWritten } = readConfidence(r, raw.confidence, origin);
  const narrative = given(raw.confidenceNarrative);
  const lastUpdatedText = given(raw.lastUpdated);
  const lastUpdatedDay = readDay(lastUpdatedText);
  if (lastUpdatedText !== '' && (lastUpdatedDay === null || lastUpdatedDay.date === null)) r.report(origin, 'lastUpdated', lastUpdatedText, 'Last updated: not a date; not set.');

  const ref = htmlToText(raw.ref ?? '').trim();
  const textKey = normaliseForKey(text);
  const occurrence = (seen.get(ref !== '' ? `ref:${ref}` : textKey) ?? 0) + 1;
  seen.set(ref !== '' ? `ref:${ref}` : textKey, occurrence);
  if (occurrence > 1) {
    r.report(origin, ref !== '' ? 'ref' : 'text', ref !== '' ? ref : text.slice(0, 80), `The source repeats this ${ref !== '' ? 'reference' : 'recommendation'} in the same report: both are imported, this one as occurrence ${occurrence}.`);
  }
  const key = recommendationKey(report.report.title, ref, text, occurrence);
  const lifecycle = status?.lifecycle ?? 'Awaiting review';
  const lastUpdated = lastUpdatedDay?.date ?? null;
  // The colour the source gives dates from the item's last update, else the source's own date, else
  // publication, else the import itself.
  const statusDay = lastUpdated ?? options.sourceDate ?? published ?? options.importedOn;

  const owner = matchPerson(raw.owner, options.people);
  const planned: PlannedRecommendation = {
    key,
    reportKey: report.key,
    row: raw.origin?.row ?? null,
    recommendation: {
      ref: ref !== '' ? ref : String(index + 1),
      kind,
      text,
      appliesTo,
      addressee,
      dependsOn,
      acceptedForAction: readAccepted(r, raw.accepted, origin),
      causeOfConcernIds: [],
      // The source's directorate, else the one the people table gives the owner.
      directorate: htmlToText(raw.directorate ?? '') || owner?.directorate,
      lifecycle,
      due,
      confidence,
      confidenceAsWritten,
      confidenceNarrative: narrative || undefined,
      reopenings: [],
      latestComment: comments.join('\n\n') || undefined,
      inspectorateEvidence: htmlToText(raw.evidence ?? '') || undefined,
      keyPrinciple: htmlToText(raw.keyPrinciple ?? '') || (kind === 'Plan commitment' ? report.report.title : undefined),
      lastUpdated,
      // The status the source gives, dated by the source: its colour, or the one the rules derive
      // on that day when the source wrote a lifecycle word.
      history: status && statusDay
        ? [{ at: noonUtc(statusDay), lifecycle, trafficLight: status.trafficLight ?? trafficLight({ lifecycle, appliesTo, due, dependsOn, ragOverride: undefined }, statusDay), note: `Imported from ${r.name}: ${statusText}` }]
        : [],
      recorded: recordedStatus(statusText, status, statusDay ?? undefined)
    },
    sro: matchPerson(raw.sro, options.people),
    owner,
    statusText,
    trafficLight: status?.trafficLight ?? null,
    markedNew: status?.markedNew ?? false,
    plan: given(raw.plan) || undefined,
    actions: [],
    updates: []
  };
  planned.actions = (raw.actions ?? [])
    .map((a, i) => planAction(r, a, planned, published, statusDay ?? undefined, options, raw.origin, `${path}.actions[${i}]`))
    .filter((a): a is PlannedAction => a !== null);
  planned.updates = (raw.updates ?? [])
    .map((u, i) => planUpdate(r, u, planned, options, raw.origin, `${path}.updates[${i}]`))
    .filter((u): u is PlannedUpdate => u !== null);
  return planned;
}

function planAction(
  r: Reader,
  raw: RawAction,
  rec: PlannedRecommendation,
  published: IsoDate | null,
  statusDay: IsoDate | undefined,
  options: DocumentOptions,
  parent: RawOrigin | undefined,
  path: string
): PlannedAction | null {
  const origin = where(parent, path);
  const text = htmlToText(raw.text);
  if (text === '') {
    r.report(origin, 'plan', raw.ref, 'Action with no text: not imported.', 'error');
    return null;
  }
  const statusText = htmlToText(raw.status ?? '');
  const status = statusText === '' ? null : r.status(raw.status, origin, 'action');
  const position = [given(raw.currentPosition), statusText !== '' && status === null ? `Status as written: ${statusText}` : ''].filter((t) => t !== '').join('\n\n');
  return {
    key: actionKey(rec.key, raw.ref, text),
    row: parent?.row ?? null,
    action: {
      ref: raw.ref,
      text,
      lifecycle: status?.lifecycle ?? rec.recommendation.lifecycle,
      due: r.due(raw.due, published, origin) ?? none(),
      currentPosition: position || undefined,
      recorded: recordedStatus(statusText, status, statusDay)
    },
    owner: matchPerson(raw.owner, options.people),
    statusText,
    trafficLight: status?.trafficLight ?? null
  };
}

function planUpdate(r: Reader, raw: RawUpdate, rec: PlannedRecommendation, options: DocumentOptions, parent: RawOrigin | undefined, path: string): PlannedUpdate | null {
  const origin = where(parent, path);
  const text = given(raw.text);
  if (text === '') return null;
  const day = readDay(raw.date);
  const date = day?.date ?? rec.recommendation.lastUpdated;
  if (date === null) {
    r.report(origin, 'lastUpdated', raw.date, 'Progress update with no date: imported into the latest comment instead.');
    rec.recommendation.latestComment = [rec.recommendation.latestComment, text].filter((t) => !!t).join('\n\n');
    return null;
  }
  const status = raw.status ? readStatusWord(raw.status) : null;
  const at = noonUtc(date);
  const precision = day && day.precision !== 'day' ? day.precision : undefined;
  return {
    key: updateKey(rec.key, at, text),
    row: parent?.row ?? null,
    update: {
      at,
      ...(precision ? { atPrecision: precision } : {}),
      author: htmlToText(raw.author ?? '') || rec.owner?.name || options.defaultAuthor || 'Imported',
      text,
      lifecycle: status?.lifecycle ?? rec.recommendation.lifecycle,
      confidence: raw.confidence ? CONFIDENCE_WORDS[htmlToText(raw.confidence).toLowerCase()] : rec.recommendation.confidence
    }
  };
}
