/**
 * The importer's pure core, shared by the CLI and (later) the web part's import: read a table or a
 * structured document into a plan, with every problem named by row, column and value.
 */
import type { IsoDate, Source } from '../model';
import { SOURCES } from '../model';
import type { ColumnMappingFile } from './columns';
import { documentToPlan, type DocumentOptions } from './document';
import type { PeopleTable } from './people';
import { tableToDocument, type TableReading } from './table';
import type { ImportPlan, RawDocument, SourceTable } from './types';

export * from './types';
export { fieldForHeading, mapHeaders, normaliseHeading, parseMappingFile, type ColumnMappingFile, type ColumnTarget, type HeaderMapping, type MappedColumn } from './columns';
export { documentToPlan, readAddressee, readKind, readReportType, readSource, type DocumentOptions } from './document';
export { htmlToText, looksLikeHtml } from './html';
export { actionKey, normaliseForKey, recommendationKey, reportKey, updateKey } from './keys';
export { linkNationalRows, wordOverlap, SAME_RECOMMENDATION_OVERLAP } from './link';
export { matchPerson, parsePeopleTable, type PeopleEntry, type PeopleTable } from './people';
export { moreSpecificScope, readScope } from './scope';
export { knownStatusWords, readStatusWord, type StatusReading } from './statusWords';
export { formatPreview, formatProblem, plannedColourDifferences, summarisePlan, type PlanSummary, type PlannedColourDifference, type ReportCount } from './summary';
export { tableToDocument, type TableOptions, type TableReading } from './table';
export { readDay, type DayReading } from './dayText';

/** Options for planning an import of a table. */
export interface PlanTableOptions {
  mapping?: ColumnMappingFile;
  people?: PeopleTable;
  /** The force whose tracker this is ("Lancashire"); read from the scope column when not given. */
  force?: string;
  /** Publisher for reports that name none (a tracker with no source column). */
  defaultSource?: Source;
  /** The day of the import: the date of a status the source gives without any date. */
  importedOn?: IsoDate;
}

/** Reads a table into a plan: the heading row found and mapped, rows grouped, values normalised. */
export function planTable(table: SourceTable, options: PlanTableOptions = {}): { plan: ImportPlan; reading: TableReading } {
  const reading = tableToDocument(table, { mapping: options.mapping, force: options.force });
  const plan = documentToPlan(reading.document, { people: options.people, defaultSource: options.defaultSource, importedOn: options.importedOn });
  plan.problems.unshift(...reading.problems);
  return { plan, reading };
}

/** Plans a structured document (the demo data files). */
export function planDocument(doc: RawDocument, options: DocumentOptions = {}): ImportPlan {
  return documentToPlan(doc, options);
}

/** Reads a publisher name given on the command line or in a mapping file. */
export function parseSource(text: string): Source {
  const found = SOURCES.find((s) => s.toLowerCase() === text.trim().toLowerCase());
  if (!found) throw new Error(`"${text}" is not a source. Use one of: ${SOURCES.join(', ')}.`);
  return found;
}

function isStringOrAbsent(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

/**
 * Checks that parsed JSON is a structured document ({ name, reports: [{ title, recommendations:
 * [{ text, … }] }] }), naming the first thing wrong by its path.
 */
export function parseRawDocument(json: unknown, name: string): RawDocument {
  const fail = (path: string, what: string): never => {
    throw new Error(`${name}: ${path} ${what}.`);
  };
  if (typeof json !== 'object' || json === null) return fail('the file', 'is not a JSON object');
  const doc = json as { name?: unknown; force?: unknown; asAt?: unknown; reports?: unknown };
  if (!Array.isArray(doc.reports)) return fail('"reports"', 'must be an array');
  if (!isStringOrAbsent(doc.asAt)) fail('"asAt"', 'must be a string (the date the source speaks for)');
  (doc.reports as unknown[]).forEach((r, i) => {
    const report = r as { title?: unknown; recommendations?: unknown } | null;
    if (typeof report?.title !== 'string' || report.title.trim() === '') fail(`reports[${i}].title`, 'must be a non-empty string');
    if (!Array.isArray(report?.recommendations)) fail(`reports[${i}].recommendations`, 'must be an array');
    (report?.recommendations as unknown[]).forEach((x, j) => {
      const rec = x as Record<string, unknown> | null;
      const path = `reports[${i}].recommendations[${j}]`;
      if (typeof rec?.text !== 'string') fail(`${path}.text`, 'must be a string');
      for (const f of ['ref', 'kind', 'status', 'due', 'comment', 'owner', 'sro', 'confidence', 'lastUpdated', 'keyPrinciple']) {
        if (!isStringOrAbsent(rec?.[f])) fail(`${path}.${f}`, 'must be a string');
      }
      for (const list of ['actions', 'updates']) {
        if (rec?.[list] !== undefined && !Array.isArray(rec[list])) fail(`${path}.${list}`, 'must be an array');
      }
      ((rec?.actions as unknown[] | undefined) ?? []).forEach((a, k) => {
        const act = a as Record<string, unknown> | null;
        if (typeof act?.ref !== 'string' || typeof act.text !== 'string') fail(`${path}.actions[${k}]`, 'needs "ref" and "text" strings');
      });
      ((rec?.updates as unknown[] | undefined) ?? []).forEach((u, k) => {
        const upd = u as Record<string, unknown> | null;
        if (typeof upd?.date !== 'string' || typeof upd.text !== 'string') fail(`${path}.updates[${k}]`, 'needs "date" and "text" strings');
      });
    });
  });
  return {
    ...(json as RawDocument),
    name: typeof doc.name === 'string' ? doc.name : name,
    force: typeof doc.force === 'string' ? doc.force : undefined,
    asAt: typeof doc.asAt === 'string' ? doc.asAt : undefined
  };
}
