/**
 * Readers for the files forces keep their trackers in: .xlsx (exceljs), .csv and .tsv (Papa Parse).
 * They take bytes or text, not paths, so the web part can use them on a dropped file; the CLI reads
 * the file from disk (see `readTableFile`).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { SourceRow, SourceTable } from '../core/import/types';

export type TableFormat = 'xlsx' | 'csv' | 'tsv';

/** The format a file name says it holds, or null. */
export function formatOf(fileName: string): TableFormat | null {
  const m = /\.(xlsx|csv|tsv|tab|txt)$/i.exec(fileName);
  if (!m) return null;
  const ext = m[1].toLowerCase();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv') return 'csv';
  return 'tsv';
}

/** A file the importer cannot read as what its name says; the message names the file and what to do. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** Excel's limit for one cell; no sheet a force keeps holds more, so a longer one means a broken file. */
export const MAX_CELL_CHARS = 32767;

/** A spreadsheet column's letters: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function checkCells(table: SourceTable): SourceTable {
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      if (cell.length > MAX_CELL_CHARS) {
        throw new UnreadableFileError(
          `${table.name}: row ${row.rowNumber}, column ${columnLetters(i + 1)} holds ${cell.length.toLocaleString('en-GB')} characters; a cell holds at most ${MAX_CELL_CHARS.toLocaleString('en-GB')} (Excel's limit). Check the file is complete and is the tracker.`
        );
      }
    });
  }
  return table;
}

/**
 * Reads delimited text. Every record is kept, blank ones included, so that row numbers match the
 * rows a user sees in a spreadsheet. A byte-order mark is dropped.
 */
export function readDelimited(text: string, name: string, delimiter: ',' | '\t' = name.toLowerCase().endsWith('.csv') ? ',' : '\t'): SourceTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false, header: false });
  const quoteProblem = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteProblem) {
    throw new UnreadableFileError(`${name}: row ${(quoteProblem.row ?? 0) + 1}: ${quoteProblem.message}. Check the file is ${delimiter === ',' ? 'comma' : 'tab'}-separated.`);
  }
  const rows: SourceRow[] = parsed.data.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c ?? '') }));
  // Papa Parse turns the newline that ends a file into one empty record: it is not a row.
  const last = rows[rows.length - 1];
  if (last && last.cells.length === 1 && last.cells[0] === '' && /\r?\n$/.test(source)) rows.pop();
  const first = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (delimiter === ',' && first && first.cells.length === 1 && (first.cells[0].match(/;/g) ?? []).length >= 2) {
    throw new UnreadableFileError(
      `${name}: row ${first.rowNumber} is separated by semicolons, not commas (as Excel saves CSV where the decimal separator is a comma). Save it as "CSV UTF-8 (Comma delimited)" or as .xlsx.`
    );
  }
  return checkCells({ name, rows });
}

/**
 * Decodes a text file: UTF-8 (with or without a byte-order mark), or UTF-16 with its byte-order mark
 * (Excel's "Unicode Text"). Bytes that are not UTF-8 are refused with the line they are on, never
 * read as replacement characters; UTF-16 without a byte-order mark is refused with a hint.
 */
export function decodeText(data: Uint8Array, name: string): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const start = data.subarray(0, 200);
  // Plain-ASCII text in UTF-16 is valid UTF-8 with a NUL beside every character: it must be caught
  // before decoding, or it is read as a file with no headings.
  if (start.filter((b) => b === 0).length * 4 > start.length) {
    throw new UnreadableFileError(`${name}: looks like UTF-16 text without a byte-order mark. Save it from Excel as "CSV UTF-8 (Comma delimited)", or as .xlsx.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(data);
    const line = lenient.slice(0, lenient.indexOf('\ufffd')).split('\n').length;
    throw new UnreadableFileError(`${name}: line ${line} is not valid UTF-8 text. Save it from Excel as "CSV UTF-8 (Comma delimited)", or as .xlsx.`);
  }
}

/** The text of an exceljs cell value: rich text joined, formulas by their result, dates as UK dates. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const d = value;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  if ('error' in value) return '';
  return '';
}

/** An .xlsx workbook is a zip archive: it starts "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a sheet of an .xlsx workbook (the first, unless named). Merged cells give their value to
 * every cell they cover, as a user reading the sheet would.
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array, name: string, sheetName?: string): Promise<SourceTable> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (!isZip(bytes)) {
    const looksLikeText = bytes.length > 0 && bytes.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
    throw new UnreadableFileError(
      looksLikeText
        ? `${name}: holds text, not an Excel workbook (a CSV file renamed .xlsx?). Rename it .csv, or open it in Excel and save it as .xlsx.`
        : `${name}: is not an Excel .xlsx workbook${bytes.length === 0 ? ' (the file is empty)' : ''}. Save it from Excel as "Excel Workbook (.xlsx)".`
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typing names Node's Buffer; at run time it takes any ArrayBuffer view.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableFileError(`${name}: the workbook cannot be read; it is damaged or cut short (${(e as Error).message}). Save it again from Excel.`);
  }
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError(sheetName ? `${name}: no sheet called "${sheetName}".` : `${name}: the workbook has no sheets.`);
  const width = sheet.columnCount;
  const rows: SourceRow[] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.isMerged ? cell.master.value : cell.value));
    }
    rows.push({ rowNumber: r, cells });
  }
  return checkCells({ name: sheetName ? `${name} [${sheetName}]` : name, rows });
}

/** Reads a file's bytes by its name's format. */
export async function readTable(data: Uint8Array, name: string, sheetName?: string): Promise<SourceTable> {
  const format = formatOf(name);
  if (format === null) throw new UnreadableFileError(`${name}: not a file the importer reads. Use .xlsx, .csv or .tsv.`);
  if (format === 'xlsx') return readXlsx(data, name, sheetName);
  if (isZip(data)) {
    throw new UnreadableFileError(`${name}: is an Excel workbook, not ${format === 'csv' ? 'CSV' : 'tab-separated'} text. Rename it .xlsx.`);
  }
  return readDelimited(decodeText(data, name), name, format === 'csv' ? ',' : '\t');
}
