/**
 * From a table (rows of cells) to a raw document: find and map the heading row, skip blank rows,
 * section rows ("Lancashire and National Recommendations") and repeated headings, group rows into
 * their originating reports, and read each report's scope from the cells. Values stay as written;
 * {@link documentToPlan} interprets them.
 */
import { mapHeaders, type ColumnMappingFile, type HeaderMapping } from './columns';
import { htmlToText } from './html';
import { normaliseForKey } from './keys';
import { moreSpecificScope, readScope } from './scope';
import type { ImportField, ImportProblem, RawDocument, RawRecommendation, RawReport, SourceRow, SourceTable } from './types';

export interface TableOptions {
  mapping?: ColumnMappingFile;
  /** The force whose tracker this is; read from the scope cells when not given. */
  force?: string;
  /** The report every row belongs to when the file has no report column; defaults to the file name. */
  report?: string;
}

export interface TableReading {
  document: RawDocument;
  header: HeaderMapping;
  problems: ImportProblem[];
  /** Rows by what they turned out to be. */
  counts: { rows: number; blank: number; sections: number; headings: number; recommendations: number; rejected: number };
}

type RowValues = Partial<Record<ImportField, string>>;

function rowValues(row: SourceRow, header: HeaderMapping): RowValues {
  const values: RowValues = {};
  for (const [field, indexes] of Object.entries(header.fieldColumns) as [ImportField, number[]][]) {
    const parts = indexes.map((i) => (row.cells[i] ?? '').trim()).filter((v) => v !== '');
    if (parts.length > 0) values[field] = parts.join('\n\n');
  }
  return values;
}

function isBlank(row: SourceRow): boolean {
  return row.cells.every((c) => htmlToText(c) === '');
}

function nonEmptyCells(row: SourceRow): number {
  return row.cells.filter((c) => htmlToText(c) !== '').length;
}

function headingFor(header: HeaderMapping, field: ImportField): string {
  const i = header.fieldColumns[field]?.[0];
  return i === undefined ? field : header.columns[i].heading;
}

/**
 * A force named in a tracker's scope column: the most common short value that is not itself a
 * scope phrase ("Lancashire"), or one named in "… Lancashire not inspected".
 */
function guessForce(rows: RowValues[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of rows) {
    const s = htmlToText(v.scope ?? '');
    const named = /\bnot\s+([A-Z][A-Za-z]+)\b|([A-Z][A-Za-z]+)\s+not inspected/.exec(s);
    const candidate = named ? (named[1] ?? named[2]) : s.split(/\s+/).length <= 3 && !/forces?|national/i.test(s) ? s : '';
    if (candidate) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/** Groups a table's rows into originating reports. Throws only when no heading row can be found. */
export function tableToDocument(table: SourceTable, options: TableOptions = {}): TableReading {
  const header = mapHeaders(table.rows, options.mapping, table.name);
  const problems: ImportProblem[] = [...header.problems];
  const counts = { rows: 0, blank: 0, sections: 0, headings: 0, recommendations: 0, rejected: 0 };
  const body = table.rows.filter((r) => r.rowNumber > header.headerRow);
  const headingKey = header.columns.map((c) => normaliseForKey(c.heading)).join('|');
  const values = body.map((r) => rowValues(r, header));
  const force = options.force ?? guessForce(values);

  const reports = new Map<string, RawReport>();
  let previousReport: string | undefined;
  if (header.fieldColumns.report === undefined) {
    // A tracker of one inspection: every row belongs to it.
    previousReport = options.report ?? table.name.replace(/\.[a-z]+$/i, '');
    problems.push({ severity: 'info', row: header.headerRow, column: null, value: previousReport, message: `No report column: every row is imported under "${previousReport}".` });
  }

  body.forEach((row, i) => {
    counts.rows += 1;
    if (isBlank(row)) {
      counts.blank += 1;
      return;
    }
    if (row.cells.map((c) => normaliseForKey(c)).join('|') === headingKey) {
      counts.headings += 1;
      return;
    }
    const v = values[i];
    const text = htmlToText(v.text ?? '');
    // A section row: one cell of words across an otherwise empty row, no recommendation in it.
    if (text === '' && nonEmptyCells(row) === 1 && !v.status && !v.due) {
      counts.sections += 1;
      problems.push({ severity: 'info', row: row.rowNumber, column: null, value: htmlToText(row.cells.find((c) => htmlToText(c) !== '') ?? ''), message: 'Section heading, not a recommendation.' });
      return;
    }
    if (text === '') {
      counts.rejected += 1;
      problems.push({ severity: 'error', row: row.rowNumber, column: headingFor(header, 'text'), value: '', message: 'No recommendation text: the row is not imported.' });
      return;
    }
    let title = htmlToText(v.report ?? '');
    if (title === '') {
      if (previousReport === undefined) {
        counts.rejected += 1;
        problems.push({ severity: 'error', row: row.rowNumber, column: headingFor(header, 'report'), value: '', message: 'No originating report, and no row above to take it from: the row is not imported.' });
        return;
      }
      title = previousReport;
      if (header.fieldColumns.report !== undefined) problems.push({ severity: 'info', row: row.rowNumber, column: headingFor(header, 'report'), value: '', message: `No originating report: taken from the row above ("${title}").` });
    }
    previousReport = title;
    const key = normaliseForKey(title);
    let report = reports.get(key);
    if (!report) {
      report = { title, recommendations: [], origin: { row: row.rowNumber, columns: {} } };
      reports.set(key, report);
    }
    // The scope may sit in the force column and, in Lancashire's tracker, in the type column too:
    // both phrases are kept as written, and the report keeps the most specific reading of its rows.
    const scopeFromScope = readScope(v.scope, force);
    const scopeFromType = readScope(v.reportType, force);
    const rowScope = moreSpecificScope(scopeFromScope, scopeFromType);
    const rowScopeText = [...new Set([v.scope, scopeFromType ? v.reportType : undefined].filter((t): t is string => !!t).map((t) => htmlToText(t)))].join(' / ');
    const reportScope = report.scope === undefined ? null : readScope(report.scope, force);
    if (report.scope === undefined || (rowScope !== null && reportScope !== rowScope && moreSpecificScope(reportScope, rowScope) === rowScope)) {
      if (rowScopeText !== '') report.scope = rowScopeText;
    }
    if (v.reportType && !scopeFromType && !report.reportType) report.reportType = htmlToText(v.reportType);
    if (v.source && !report.source) report.source = htmlToText(v.source);
    const published = v.published ?? v.dateMade;
    if (published && !report.published) report.published = htmlToText(published);
    else if (published && report.published && htmlToText(published) !== report.published) {
      // Keep the most precise publication date given by the report's rows.
      if (htmlToText(published).length > report.published.length) report.published = htmlToText(published);
    }

    const columns: Partial<Record<ImportField, string>> = {};
    for (const f of Object.keys(v) as ImportField[]) columns[f] = headingFor(header, f);
    const comment = [v.statusExplanation, v.comment].filter((s): s is string => !!s && htmlToText(s) !== '');
    const plan = [v.actionRequired, v.plan].filter((s): s is string => !!s && htmlToText(s) !== '');
    const rec: RawRecommendation = {
      ref: v.ref,
      kind: v.kind,
      text: v.text ?? '',
      evidence: v.evidence,
      addressee: v.addressee,
      accepted: v.accepted,
      sro: v.sro,
      owner: v.owner,
      directorate: v.directorate,
      plan: plan.length > 0 ? plan.join('\n\n') : undefined,
      due: v.due,
      confidence: v.confidence,
      confidenceNarrative: v.confidenceNarrative,
      status: v.status,
      comment: comment.length > 0 ? comment.join('\n\n') : undefined,
      lastUpdated: v.lastUpdated,
      updates: v.progress ? [{ date: v.lastUpdated ?? '', text: v.progress }] : undefined,
      origin: { row: row.rowNumber, columns }
    };
    if (v.statusExplanation) columns.comment = headingFor(header, 'statusExplanation');
    report.recommendations.push(rec);
    counts.recommendations += 1;
  });

  return { document: { name: table.name, force, reports: [...reports.values()] }, header, problems, counts };
}
