/**
 * Export of any tracker view to an Excel workbook (.xlsx) through exceljs. Text that a spreadsheet
 * could read as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the start) is neutralised
 * with a leading apostrophe, and every text value is written as a text cell: no exported cell can
 * run as a formula. A text longer than an Excel cell holds is cut short with a marker and reported,
 * so one long text never stops the rest of the view from being exported.
 */
import { Workbook } from 'exceljs';
import { parseIsoDate } from '../core/dates';

/** The MIME type of a .xlsx file. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a column's values are written: text, numbers, or ISO dates (`YYYY-MM-DD`) as Excel dates. */
export type ExportColumnType = 'text' | 'number' | 'date';

export interface ExportColumn {
  /** The row field the column reads. */
  key: string;
  header: string;
  type?: ExportColumnType;
  /** Width in characters. */
  width?: number;
}

export type ExportValue = string | number | boolean | null | undefined;

/** A tracker view as shown: its title, its visible columns in order and its rows in order. */
export interface ExportView {
  title: string;
  columns: ExportColumn[];
  rows: Record<string, ExportValue>[];
}

/** Excel refuses cells longer than this. */
export const MAX_CELL_TEXT = 32767;

/** A text cut short to fit a cell: the view's row (from 1), the column's header and the text's full length. */
export interface TruncatedCell {
  row: number;
  column: string;
  length: number;
}

/** The written workbook, and the cells whose text had to be cut short. */
export interface XlsxExport {
  bytes: Uint8Array;
  truncated: TruncatedCell[];
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters XML 1.0 cannot carry at all: an .xlsx holding them will not open. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Makes text safe for a spreadsheet cell: a value starting with `=`, `+`, `-`, `@`, tab or carriage
 * return gets a leading apostrophe (OWASP's CSV injection advice), so Excel, LibreOffice and any
 * later CSV save show it as text instead of evaluating it.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Cuts a text longer than Excel allows, ending it with a marker that gives the full length and says
 * where the whole text is. The start is kept, so a neutralised value stays neutralised.
 */
export function truncateCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const marker = `… [truncated from ${text.length.toLocaleString('en-GB')} characters; the full text is in the tracker]`;
  let keep = MAX_CELL_TEXT - marker.length;
  // Never end on the first half of a surrogate pair: Excel would show a broken character.
  if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep -= 1;
  return text.slice(0, keep) + marker;
}

/** An export that cannot be written: names the row and column. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(title: string): string {
  const cleaned = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  return (cleaned || 'Export').slice(0, 31);
}

function isoToExcelDate(value: string, where: string): Date {
  try {
    const { year, month, day } = parseIsoDate(value);
    return new Date(Date.UTC(year, month - 1, day));
  } catch {
    throw new ExportError(`${where}: '${value}' is not a date (YYYY-MM-DD).`);
  }
}

function cellValue(value: ExportValue, column: ExportColumn, where: string, onTruncate: (length: number) => void): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (column.type === 'date' && typeof value === 'string') return isoToExcelDate(value, where);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExportError(`${where}: ${value} is not a finite number.`);
    return value;
  }
  const text = neutraliseCell(value.replace(XML_INVALID, ''));
  if (text.length > MAX_CELL_TEXT) onTruncate(text.length);
  return truncateCell(text);
}

/**
 * Writes the view as a one-sheet workbook: a bold, frozen header row with filters, then the rows in
 * the view's order. Runs in the browser and in Node. Texts too long for a cell are cut short with a
 * marker and listed in the result, for the caller to warn about.
 * @throws ExportError naming the row and column of a value that cannot be exported.
 */
export async function exportViewToXlsx(view: ExportView): Promise<XlsxExport> {
  if (view.columns.length === 0) throw new ExportError('The view has no columns to export.');
  const workbook = new Workbook();
  workbook.creator = 'Inspection recommendations tracker';
  const sheet = workbook.addWorksheet(sheetName(view.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = view.columns.map((c) => ({
    key: c.key,
    header: neutraliseCell(c.header),
    width: c.width ?? (c.type === 'date' ? 12 : c.type === 'number' ? 10 : 30),
    style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.type === 'text' || c.type === undefined ? { alignment: { wrapText: true, vertical: 'top' } } : {}
  }));
  sheet.getRow(1).font = { bold: true };
  const truncated: TruncatedCell[] = [];
  view.rows.forEach((row, index) => {
    const values: Record<string, string | number | Date | null> = {};
    for (const column of view.columns) {
      const onTruncate = (length: number): void => void truncated.push({ row: index + 1, column: column.header, length });
      values[column.key] = cellValue(row[column.key], column, `Row ${index + 1}, column '${column.header}'`, onTruncate);
    }
    sheet.addRow(values);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: view.columns.length } };
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), truncated };
}
