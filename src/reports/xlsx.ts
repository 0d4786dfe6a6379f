/**
 * Export of any tracker view to an Excel workbook (.xlsx) through exceljs. Text that a spreadsheet
 * could read as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the start) is neutralised
 * with a leading apostrophe, and every text value is written as a text cell: no exported cell can
 * run as a formula.
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

function cellValue(value: ExportValue, column: ExportColumn, where: string): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (column.type === 'date' && typeof value === 'string') return isoToExcelDate(value, where);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExportError(`${where}: ${value} is not a finite number.`);
    return value;
  }
  const text = neutraliseCell(value.replace(XML_INVALID, ''));
  if (text.length > MAX_CELL_TEXT) throw new ExportError(`${where}: the text is ${text.length} characters long; Excel cells hold at most ${MAX_CELL_TEXT}.`);
  return text;
}

/**
 * Writes the view as a one-sheet workbook: a bold, frozen header row with filters, then the rows in
 * the view's order. Runs in the browser and in Node.
 * @throws ExportError naming the row and column of a value that cannot be exported.
 */
export async function exportViewToXlsx(view: ExportView): Promise<Uint8Array> {
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
  view.rows.forEach((row, index) => {
    const values: Record<string, string | number | Date | null> = {};
    for (const column of view.columns) {
      values[column.key] = cellValue(row[column.key], column, `Row ${index + 1}, column '${column.header}'`);
    }
    sheet.addRow(values);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: view.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
