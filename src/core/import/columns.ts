/**
 * Recognising column headings. Forces head their trackers in their own words; the synonyms below
 * cover every heading in the Lancashire tracker, the City of London committee paper and the
 * Lincolnshire action matrix, and a mapping file names anything else. A column that maps to nothing
 * is reported, never dropped silently.
 */
import { IMPORT_FIELDS, type ImportField, type ImportProblem, type SourceRow } from './types';

/** Headings as the forces write them, per field, in normalised form (see {@link normaliseHeading}). */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  scope: ['force', 'scope', 'forces inspected', 'inspected', 'applies to force'],
  report: [
    'originating report/inspection',
    'originating report',
    'originating inspection',
    'report',
    'report title',
    'inspection',
    'inspection report',
    'source report'
  ],
  reportType: ['type of inspection', 'inspection type', 'report type', 'type of report'],
  source: ['inspectorate', 'source', 'published by', 'inspecting body'],
  published: ['published', 'date published', 'publication date', 'published date', 'date of publication'],
  ref: ['ref', 'ref number', 'ref no', 'ref no.', 'reference', 'reference number', 'rec no', 'rec ref', 'no', 'no.', '#', 'number'],
  kind: ['kind', 'category', 'finding type', 'type of finding', 'recommendation type'],
  evidence: ['hmic evidence', 'hmicfrs evidence', 'evidence', 'inspection evidence'],
  text: [
    'recommendation',
    'recommendations',
    'recommendation (short summary)',
    'recommendation (short summary) more recent recs will have coc',
    'recommendation text',
    'recommendations & areas for improvement',
    'recommendations and areas for improvement',
    'area for improvement/cause of concern',
    'area for improvement / cause of concern',
    'area for improvement',
    'areas for improvement',
    'cause of concern',
    'area for attention',
    'finding'
  ],
  actionRequired: ['action required', 'specific action required', 'action required (specific)', 'required action'],
  plan: ['what', 'what?', 'action plan', 'plan', 'planned action', 'actions'],
  accepted: [
    'accepted for action y/n',
    'accepted for action (y/n)',
    'accepted for action',
    'accepted for action by the force? yes/no',
    'accepted for action by the force?',
    'accepted',
    'accepted y/n'
  ],
  sro: ['sro', 'sro/co lead', 'sro / co lead', 'sro / chief officer lead', 'sro/chief officer lead', 'chief officer lead', 'senior responsible officer', 'co lead'],
  owner: ['plan owner', 'owner', 'action owner', 'lead officer', 'responsible officer'],
  directorate: ['directorate', 'department', 'business area', 'portfolio'],
  addressee: ['addressed to', 'addressee', 'recommendation for', 'responsible body'],
  due: ['timescale', 'timescale?', 'timescales', 'due date', 'due', 'deadline', 'target date', 'completion date', 'date due'],
  confidence: ['confidence in timescale', 'confidence in timescale set', 'confidence', 'confidence rating', 'confidence in timescale (high/medium/low)'],
  confidenceNarrative: ['narrative', 'narrative explaining the confidence rating', 'confidence narrative', 'narrative explaining confidence'],
  progress: ['progress update', 'progress updates', 'progress', 'update', 'latest update', 'current position'],
  lastUpdated: ['last updated', 'date updated', 'updated', 'date of last update', 'last update'],
  dateMade: ['date recommendation made', 'date made', 'year', 'year made', 'date of recommendation'],
  statusExplanation: ['explanation of status', 'status explanation', 'status narrative'],
  status: ['status', 'complete/ nfa approved by cos / hmi', 'complete/nfa approved by cos/hmi', 'rag', 'rag status', 'rag rating', 'traffic light', 'current status'],
  comment: ['comment', 'comments', 'latest comment', 'notes', 'note', 'remarks']
};

/** A heading mapped to a field, or deliberately ignored by a mapping file. */
export type ColumnTarget = ImportField | 'ignore';

/**
 * An explicit mapping, as read from a `--mapping` JSON file:
 * `{ "columns": { "Heading as written": "text", "Internal notes": "ignore" } }`.
 */
export interface ColumnMappingFile {
  columns: Record<string, ColumnTarget>;
}

/** How one column of the file was understood. */
export interface MappedColumn {
  index: number;
  heading: string;
  target: ColumnTarget | null;
  /** How the target was found. */
  via: 'mapping file' | 'synonym' | 'none';
}

export interface HeaderMapping {
  /** The spreadsheet row number of the heading row. */
  headerRow: number;
  columns: MappedColumn[];
  /** Field to the columns mapped to it, in file order (values of several are joined). */
  fieldColumns: Partial<Record<ImportField, number[]>>;
  problems: ImportProblem[];
}

/** Lower case, single spaces, no trailing colon: "Complete/ NFA approved by CoS / HMI " → "complete/ nfa approved by cos / hmi". */
export function normaliseHeading(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[:]+$/, '')
    .toLowerCase();
}

const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) for (const s of SYNONYMS[field]) index.set(s, field);
  return index;
})();

/** The field a heading names by synonym, or null. Exact match first, then the longest synonym it starts with. */
export function fieldForHeading(heading: string): ImportField | null {
  const h = normaliseHeading(heading);
  if (h === '') return null;
  const exact = SYNONYM_INDEX.get(h) ?? SYNONYM_INDEX.get(h.replace(/[?.]+$/, ''));
  if (exact) return exact;
  let best: { field: ImportField; length: number } | null = null;
  for (const [synonym, field] of SYNONYM_INDEX) {
    // Only whole-word prefixes of some length: "recommendation (short summary) more recent…" but not "no" in "notes".
    if (synonym.length < 4 || !h.startsWith(synonym)) continue;
    const next = h.charAt(synonym.length);
    if (next !== '' && /[a-z0-9]/.test(next)) continue;
    if (!best || synonym.length > best.length) best = { field, length: synonym.length };
  }
  return best ? best.field : null;
}

/** Checks a parsed mapping file, naming the first bad entry. */
export function parseMappingFile(json: unknown): ColumnMappingFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('The mapping file must be a JSON object with a "columns" object.');
  const columns = (json as { columns?: unknown }).columns;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) throw new Error('The mapping file has no "columns" object.');
  const out: Record<string, ColumnTarget> = {};
  for (const [heading, target] of Object.entries(columns as Record<string, unknown>)) {
    if (target !== 'ignore' && !(IMPORT_FIELDS as readonly unknown[]).includes(target)) {
      throw new Error(`The mapping file maps "${heading}" to ${JSON.stringify(target)}, which is not a field. Use one of: ${IMPORT_FIELDS.join(', ')}, or "ignore".`);
    }
    out[normaliseHeading(heading)] = target as ColumnTarget;
  }
  return { columns: out };
}

function mapHeadingRow(cells: readonly string[], mapping?: ColumnMappingFile): MappedColumn[] {
  return cells.map((heading, index) => {
    const explicit = mapping?.columns[normaliseHeading(heading)];
    if (explicit) return { index, heading, target: explicit, via: 'mapping file' as const };
    const field = fieldForHeading(heading);
    return { index, heading, target: field, via: field ? ('synonym' as const) : ('none' as const) };
  });
}

/**
 * Finds the heading row (the first row in which at least two cells name a field, and one of them
 * the recommendation text) and maps its columns.
 */
export function mapHeaders(rows: readonly SourceRow[], mapping: ColumnMappingFile | undefined, fileName: string): HeaderMapping {
  for (const row of rows) {
    const columns = mapHeadingRow(row.cells, mapping);
    const mapped = columns.filter((c) => c.target && c.target !== 'ignore');
    if (mapped.length < 2 || !mapped.some((c) => c.target === 'text')) continue;
    return describe(row.rowNumber, columns, rows);
  }
  throw new Error(
    `${fileName}: no heading row found` +
      (rows.some((r) => r.cells.some((c) => c.trim() !== '')) ? '' : ' (the file has no text at all)') +
      ': no row names the recommendation text and at least one other column. ' +
      'Give a mapping file (--mapping) naming the columns, for example {"columns": {"Finding": "text", "Owner": "owner"}}.'
  );
}

function describe(headerRow: number, columns: MappedColumn[], rows: readonly SourceRow[]): HeaderMapping {
  const problems: ImportProblem[] = [];
  const fieldColumns: Partial<Record<ImportField, number[]>> = {};
  for (const c of columns) {
    if (c.target === null) {
      const used = rows.some((r) => r.rowNumber > headerRow && (r.cells[c.index] ?? '').trim() !== '');
      if (c.heading.trim() === '' && !used) continue;
      problems.push({
        severity: 'warning',
        row: headerRow,
        column: c.heading,
        value: c.heading,
        message: used
          ? 'Column not recognised: its values are not imported. Name it in a mapping file (--mapping) to import it, or map it to "ignore".'
          : 'Column not recognised (it is empty).'
      });
      continue;
    }
    if (c.target === 'ignore') continue;
    const already = fieldColumns[c.target];
    if (already === undefined) {
      fieldColumns[c.target] = [c.index];
    } else {
      already.push(c.index);
      problems.push({
        severity: 'warning',
        row: headerRow,
        column: c.heading,
        value: c.heading,
        message: `Column maps to "${c.target}" like column "${columns[already[0]].heading}": their values are joined. Map one of them to another field in a mapping file to keep them apart.`
      });
    }
  }
  return { headerRow, columns, fieldColumns, problems };
}
