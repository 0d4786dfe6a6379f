import { Workbook, ValueType } from 'exceljs';
import { ExportError, exportViewToXlsx, neutraliseCell, sheetName } from '../../src/reports/xlsx';
import type { ExportView } from '../../src/reports/xlsx';

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
    workbook = await readBack(await exportViewToXlsx(VIEW));
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
    const back = await readBack(await exportViewToXlsx({ title: 'n', columns: [{ key: 'n', header: 'N', type: 'number' }], rows: [{ n: -3 }] }));
    expect(back.worksheets[0].getRow(2).getCell(1).value).toBe(-3);
  });

  it('refuses a value it cannot export and names where it is', async () => {
    await expect(exportViewToXlsx({ ...VIEW, rows: [{ ...VIEW.rows[0], due: '30/09/2017' }] })).rejects.toThrow(new ExportError("Row 1, column 'Now due': '30/09/2017' is not a date (YYYY-MM-DD)."));
    await expect(exportViewToXlsx({ ...VIEW, rows: [{ comment: 'x'.repeat(40000) }] })).rejects.toThrow(/Row 1, column 'Comment': the text is 40000 characters long/);
    await expect(exportViewToXlsx({ ...VIEW, columns: [] })).rejects.toThrow('no columns');
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
