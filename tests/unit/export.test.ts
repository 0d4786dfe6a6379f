import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, ValueType } from 'exceljs';
import { ExportError, MAX_CELL_TEXT, exportViewToXlsx, neutraliseCell, sheetName, truncateCell } from '../../src/paper/xlsx';
import type { ExportView } from '../../src/paper/xlsx';

/** The City of London paper's first recommendation text (risk assessment, domestic abuse), as published. */
const SEED_TEXT = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'seeds', 'city-of-london-hmicfrs-recommendations-rag-2017.txt'), 'utf8')
  .split('\n')
  .find((line) => line.startsWith('1\t<p>Areas for improvement'))
  ?.split('\t')[1] ?? '';

/** A tracker view ("everything red") with rows from the City of London paper and hostile cells. */
const VIEW: ExportView = {
  title: 'Red items: all reports',
  columns: [
    { key: 'report', header: 'Originating report' },
    { key: 'ref', header: 'Ref', width: 6 },
    { key: 'status', header: 'Status', width: 10 },
    { key: 'due', header: 'Now due', type: 'date' },
    { key: 'days', header: 'Days overdue', type: 'number' },
    { key: 'comment', header: 'Comment' }
  ],
  rows: [
    { report: 'PEEL: Police Effectiveness 2016', ref: '10', status: 'RED', due: '2017-09-30', days: 54, comment: 'The role of lead responsible officer [LRO] has been raised to a minimum level of Inspector rank.' },
    { report: 'PEEL: Police Legitimacy 2016 - CoLP', ref: '5', status: 'RED', due: '2018-02-28', days: 237, comment: '=HYPERLINK("http://x","y")' },
    { report: '+44 20 7601 2222', ref: '-1', status: '@SUM(A1:A2)', due: null, days: null, comment: '\t=1+2' },
    { report: 'Best Use of Stop and Search Scheme revisit 2016', ref: '1', status: 'RED', due: '2017-04-30', days: 207, comment: '\r=cmd|\' /C calc\'!A0' }
  ]
};

async function readBack(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes));
  return workbook;
}

describe('xlsx export of a tracker view', () => {
  let workbook: Workbook;
  beforeAll(async () => {
    const written = await exportViewToXlsx(VIEW);
    expect(written.truncated).toEqual([]);
    workbook = await readBack(written.bytes);
  });

  it('has one sheet named for the view, with the header and the same rows in the same order', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Red items all reports']);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(VIEW.rows.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(VIEW.columns.map((c) => c.header));
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first).toEqual(['PEEL: Police Effectiveness 2016', '10', 'RED', new Date(Date.UTC(2017, 8, 30)), 54, VIEW.rows[0].comment]);
    for (let i = 0; i < VIEW.rows.length; i++) {
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(neutraliseCell(String(VIEW.rows[i].ref)));
    }
  });

  it('brings =HYPERLINK(…) back as text, never as a formula', () => {
    const cell = workbook.worksheets[0].getRow(3).getCell(6);
    expect(cell.type).toBe(ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('\'=HYPERLINK("http://x","y")');
  });

  it('neutralises every cell that starts with =, +, -, @, tab or carriage return', () => {
    const sheet = workbook.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type === ValueType.Formula).toBe(false);
      if (typeof cell.value === 'string') cells.push(cell.value);
    }));
    expect(cells.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    const row = sheet.getRow(4);
    expect([1, 2, 3, 4, 5, 6].map((c) => row.getCell(c).value)).toEqual(["'+44 20 7601 2222", "'-1", "'@SUM(A1:A2)", null, null, "'\t=1+2"]);
  });

  it('keeps real numbers (negative ones too) as numbers', async () => {
    const back = await readBack((await exportViewToXlsx({ title: 'n', columns: [{ key: 'n', header: 'N', type: 'number' }], rows: [{ n: -3 }] })).bytes);
    expect(back.worksheets[0].getRow(2).getCell(1).value).toBe(-3);
  });

  it('refuses a value it cannot export and names where it is', async () => {
    await expect(exportViewToXlsx({ ...VIEW, rows: [{ ...VIEW.rows[0], due: '30/09/2017' }] })).rejects.toThrow(new ExportError("Row 1, column 'Now due': '30/09/2017' is not a date (YYYY-MM-DD)."));
    await expect(exportViewToXlsx({ ...VIEW, columns: [] })).rejects.toThrow('no columns');
  });
});

describe('a text longer than an Excel cell holds', () => {
  // The seed text repeated until it is longer than Excel allows; one copy starts like a formula.
  const long = SEED_TEXT.repeat(Math.ceil((MAX_CELL_TEXT + 5000) / SEED_TEXT.length));
  const hostile = `=${long}`;
  const view: ExportView = { ...VIEW, rows: [VIEW.rows[0], { ...VIEW.rows[1], comment: long }, { ...VIEW.rows[3], report: hostile, comment: 'Short' }] };

  it('is cut short with a marker and reported, and every other row and cell is exported', async () => {
    expect(SEED_TEXT).toMatch(/^<p>Areas for improvement<\/p> <p>Risk assessment/);
    const written = await exportViewToXlsx(view);
    expect(written.truncated).toEqual([
      { row: 2, column: 'Comment', length: long.length },
      { row: 3, column: 'Originating report', length: hostile.length + 1 }
    ]);
    const sheet = (await readBack(written.bytes)).worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const cut = sheet.getRow(3).getCell(6).value as string;
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut.endsWith(`… [truncated from ${long.length.toLocaleString('en-GB')} characters; the full text is in the tracker]`)).toBe(true);
    expect(long.startsWith(cut.slice(0, cut.indexOf('… [truncated')))).toBe(true);
    expect(sheet.getRow(2).getCell(6).value).toBe(VIEW.rows[0].comment);
    expect(sheet.getRow(4).getCell(6).value).toBe('Short');
  });

  it('stays text when it starts like a formula', async () => {
    const sheet = (await readBack((await exportViewToXlsx(view)).bytes)).worksheets[0];
    const cell = sheet.getRow(4).getCell(1);
    expect(cell.type).toBe(ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(String(cell.value).startsWith("'=<p>Areas for improvement")).toBe(true);
    expect(String(cell.value).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });

  it('is never cut inside a character outside the Basic Multilingual Plane', () => {
    const length = MAX_CELL_TEXT + 100;
    const marker = `… [truncated from ${length.toLocaleString('en-GB')} characters; the full text is in the tracker]`;
    const keep = MAX_CELL_TEXT - marker.length;
    // A text whose cut would fall between the two halves of a surrogate pair (U+1F4CB, a clipboard).
    const text = `${'x'.repeat(keep - 1)}\u{1F4CB}${'x'.repeat(length - keep - 1)}`;
    expect(text).toHaveLength(length);
    const cut = truncateCell(text);
    expect(cut === `${'x'.repeat(keep - 1)}${marker}`).toBe(true);
    expect(truncateCell('x'.repeat(MAX_CELL_TEXT)) === 'x'.repeat(MAX_CELL_TEXT)).toBe(true);
  });
});

describe('neutraliseCell and sheetName', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Awaiting update', 'Awaiting update'],
    ['a=b', 'a=b'],
    ['', '']
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('makes a title a valid sheet name', () => {
    expect(sheetName('Crime: open [RED] items / 2017?')).toBe('Crime open RED items 2017');
    expect(sheetName('')).toBe('Export');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
