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

/**
 * Reads delimited text. Every record is kept, blank ones included, so that row numbers match the
 * rows a user sees in a spreadsheet. A byte-order mark is dropped.
 */
export function readDelimited(text: string, name: string, delimiter: ',' | '\t' = name.toLowerCase().endsWith('.csv') ? ',' : '\t'): SourceTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false, header: false });
  const quoteProblem = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteProblem) {
    throw new Error(`${name}: row ${(quoteProblem.row ?? 0) + 1}: ${quoteProblem.message}. Check the file is ${delimiter === ',' ? 'comma' : 'tab'}-separated.`);
  }
  const rows: SourceRow[] = parsed.data.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c ?? '') }));
  // Papa Parse turns the newline that ends a file into one empty record: it is not a row.
  const last = rows[rows.length - 1];
  if (last && last.cells.length === 1 && last.cells[0] === '' && /\r?\n$/.test(source)) rows.pop();
  return { name, rows };
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

/**
 * Reads a sheet of an .xlsx workbook (the first, unless named). Merged cells give their value to
 * every cell they cover, as a user reading the sheet would.
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array, name: string, sheetName?: string): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typing names Node's Buffer; at run time it takes any ArrayBuffer view.
  await workbook.xlsx.load((data instanceof Uint8Array ? data : new Uint8Array(data)) as unknown as ExcelJS.Buffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(sheetName ? `${name}: no sheet called "${sheetName}".` : `${name}: the workbook has no sheets.`);
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
  return { name: sheetName ? `${name} [${sheetName}]` : name, rows };
}

/** Reads a file's bytes by its name's format. */
export async function readTable(data: Uint8Array, name: string, sheetName?: string): Promise<SourceTable> {
  const format = formatOf(name);
  if (format === null) throw new Error(`${name}: not a file the importer reads. Use .xlsx, .csv or .tsv.`);
  if (format === 'xlsx') return readXlsx(data, name, sheetName);
  const text = new TextDecoder('utf-8').decode(data);
  return readDelimited(text, name, format === 'csv' ? ',' : '\t');
}
