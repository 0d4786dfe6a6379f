/**
 * Readers, heading recognition and bad input: every heading of the three police trackers maps to a
 * field; unknown columns are reported; a broken row is rejected by row and column while the good
 * rows import; hostile cells become inert text; an .xlsx built from the Lancashire rows reads the
 * same as the TSV.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { fieldForHeading, htmlToText, mapHeaders, parseMappingFile, planTable, readStatusWord } from '../../src/core/import';
import { readDelimited, readTable, readXlsx } from '../../src/import/readers';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');

describe('heading synonyms', () => {
  it('recognise every heading of the Lancashire tracker', () => {
    const header = readFileSync(join(SEEDS, 'lancashire-hmic-recommendations-tracker.tsv'), 'utf8').split('\n')[2].split('\t');
    expect(header.map((h) => fieldForHeading(h))).toEqual(['scope', 'report', 'reportType', 'text', 'dateMade', 'statusExplanation', 'status']);
  });

  it("recognise the City of London paper's table headings", () => {
    expect(['Recommendations & Areas for Improvement', 'Status', 'Due Date', 'Comment', 'Ref', 'Area for Attention', 'Recommendation'].map((h) => fieldForHeading(h))).toEqual([
      'text',
      'status',
      'due',
      'comment',
      'ref',
      'text',
      'text'
    ]);
  });

  it('recognise every heading of the Lincolnshire action matrix', () => {
    const headings: [string, string][] = [
      ['Ref', 'ref'],
      ['Ref Number', 'ref'],
      ['HMIC evidence', 'evidence'],
      ['Area for improvement / cause of concern', 'text'],
      ['Area for Improvement/Cause of Concern', 'text'],
      ['Action required', 'actionRequired'],
      ['Accepted for action Y/N', 'accepted'],
      ['Accepted for action by the force? Yes/No', 'accepted'],
      ['SRO / chief officer lead', 'sro'],
      ['SRO/CO lead', 'sro'],
      ['Plan owner', 'owner'],
      ['What', 'plan'],
      ['What?', 'plan'],
      ['Timescale', 'due'],
      ['Timescale?', 'due'],
      ['Confidence in timescale', 'confidence'],
      ['Confidence in timescale set', 'confidence'],
      ['Narrative', 'confidenceNarrative'],
      ['Narrative explaining the confidence rating', 'confidenceNarrative'],
      ['Progress update', 'progress'],
      ['Last updated', 'lastUpdated']
    ];
    expect(headings.map(([h]) => [h, fieldForHeading(h)])).toEqual(headings);
  });

  it('report a column they do not know, and take a mapping file for it', () => {
    const rows = [{ rowNumber: 1, cells: ['Ref', 'What HMIC found', 'Status', 'Internal notes'] }, { rowNumber: 2, cells: ['1', 'The force should…', 'AMBER', 'see file'] }];
    expect(() => mapHeaders(rows, undefined, 'tracker.csv')).toThrow(/^tracker\.csv: no heading row found: /);
    const mapped = mapHeaders(rows, parseMappingFile({ columns: { 'What HMIC found': 'text' } }), 'tracker.csv');
    expect(mapped.fieldColumns).toMatchObject({ ref: [0], text: [1], status: [2] });
    expect(mapped.problems).toEqual([expect.objectContaining({ severity: 'warning', row: 1, column: 'Internal notes', message: expect.stringContaining('not recognised') })]);
    const ignored = mapHeaders(rows, parseMappingFile({ columns: { 'What HMIC found': 'text', 'Internal notes': 'ignore' } }), 'tracker.csv');
    expect(ignored.problems).toEqual([]);
    expect(() => parseMappingFile({ columns: { 'What HMIC found': 'body' } })).toThrow(/"What HMIC found" to "body", which is not a field/);
  });
});

describe('cells', () => {
  it('turn HTML into text keeping paragraphs and lists', () => {
    expect(htmlToText('<p>First.</p> <p>Second.</p><ul><li>one</li><li>two</li></ul>')).toBe('First.\n\nSecond.\n\n• one\n• two');
    expect(htmlToText('Plain  text\r\nwith lines')).toBe('Plain text\nwith lines');
  });

  it('make scripts, event handlers and styles inert', () => {
    expect(htmlToText('<script>alert("x")</script>Update due')).toBe('Update due');
    expect(htmlToText('Photo <img src=x onerror="alert(1)"> attached')).toBe('Photo attached');
    expect(htmlToText('<style>p{color:red}</style><p style="x" onclick="steal()">Kept</p>')).toBe('Kept');
    expect(htmlToText('<a href="javascript:alert(1)">link text</a>')).toBe('link text');
  });

  it('map status words to lifecycle and colour, and know no others', () => {
    expect(readStatusWord('NEW GREEN')).toEqual({ lifecycle: 'Complete, awaiting sign-off', trafficLight: 'GREEN', markedNew: true });
    expect(readStatusWord('<p>Being progressed</p>')).toEqual({ lifecycle: 'Being progressed', trafficLight: null, markedNew: false });
    // WHITE is a colour beside the lifecycle, not a closing state: the item stays open.
    expect(readStatusWord('WHITE')).toEqual({ lifecycle: 'Being progressed', trafficLight: 'WHITE', markedNew: false });
    expect(readStatusWord('No further action needed')?.lifecycle).toBe('No further action');
    expect(readStatusWord('NEW CLOSED')?.lifecycle).toBe('Closed by the force');
    expect(readStatusWord('Done-ish')).toBeNull();
  });
});

describe('a file with bad rows', () => {
  const csv = [
    'Ref,Recommendation,Status,Due Date,Comment,Plan Owner',
    '1,The force should improve its response to missing children.,AMBER,April 2018,Plan agreed,Head of Crime',
    '2,,AMBER,May 2018,This row lost its recommendation,',
    '3,"<script>alert(1)</script>The force should <b>review</b> vetting.",Sort of done,Whenever,"<img src=x onerror=alert(2)>Checked",Nobody Known',
    '',
    '4,The force should review its use of force data.,NEW RED,Sept 17 [original internal deadline] Now due: January 2018,,'
  ].join('\r\n');
  const { plan, reading } = planTable(readDelimited(csv, 'bad.csv'), { force: 'Lincolnshire' });

  it('imports the good rows and rejects the broken one by row and column', () => {
    expect(plan.recommendations.map((r) => r.recommendation.ref)).toEqual(['1', '3', '4']);
    expect(reading.counts).toMatchObject({ rejected: 1, blank: 1 });
    expect(plan.problems).toContainEqual({ severity: 'error', row: 3, column: 'Recommendation', value: '', message: 'No recommendation text: the row is not imported.' });
  });

  it('reports an unknown status word and an unreadable timescale with row, column and value', () => {
    expect(plan.problems).toContainEqual(expect.objectContaining({ severity: 'warning', row: 4, column: 'Status', value: 'Sort of done' }));
    expect(plan.problems).toContainEqual(expect.objectContaining({ severity: 'warning', row: 4, column: 'Due Date', value: 'Whenever' }));
    const row4 = plan.recommendations.find((r) => r.row === 4);
    expect(row4?.recommendation.lifecycle).toBe('Awaiting review');
    expect(row4?.recommendation.latestComment).toContain('Status as written: Sort of done');
    expect(row4?.recommendation.due).toMatchObject({ kind: 'unparsed', raw: 'Whenever' });
  });

  it('imports hostile cells as inert text', () => {
    const row4 = plan.recommendations.find((r) => r.row === 4);
    expect(row4?.recommendation.text).toBe('The force should review vetting.');
    expect(row4?.recommendation.latestComment).toMatch(/^Checked/);
    expect(row4?.owner).toEqual({ name: 'Nobody Known' });
  });

  it('keeps revised due dates with the raw text', () => {
    const row6 = plan.recommendations.find((r) => r.row === 6);
    expect(row6?.recommendation.due).toMatchObject({ kind: 'date', current: '2018-01-31', raw: 'Sept 17 [original internal deadline] Now due: January 2018' });
    expect(row6?.markedNew).toBe(true);
    expect(row6?.trafficLight).toBe('RED');
  });
});

describe('.xlsx', () => {
  it('reads a workbook built from the Lancashire rows as the TSV reads', async () => {
    const tsv = readDelimited(readFileSync(join(SEEDS, 'lancashire-hmic-recommendations-tracker.tsv'), 'utf8'), 'lancashire.tsv');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tracker');
    for (const row of tsv.rows) sheet.addRow(row.cells);
    // A merged report cell over two rows, as spreadsheets often have.
    const buffer = await workbook.xlsx.writeBuffer();
    const table = await readTable(new Uint8Array(buffer as ArrayBuffer), 'lancashire.xlsx');
    const fromXlsx = planTable(table, { defaultSource: 'HMICFRS' }).plan;
    const fromTsv = planTable(tsv, { defaultSource: 'HMICFRS' }).plan;
    expect(fromXlsx.recommendations).toHaveLength(311);
    expect(fromXlsx.recommendations.map((r) => [r.row, r.key, r.statusText])).toEqual(fromTsv.recommendations.map((r) => [r.row, r.key, r.statusText]));
  });

  it('gives a merged cell its value in every row it covers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Matrix');
    sheet.addRow(['Ref', 'Originating report', 'Recommendation', 'Status']);
    sheet.addRow([1, 'PEEL 2016', 'The force should do A.', 'AMBER']);
    sheet.addRow([2, null, 'The force should do B.', 'GREEN']);
    sheet.mergeCells('B2:B3');
    const table = await readXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'matrix.xlsx');
    const { plan } = planTable(table);
    expect(plan.reports.map((r) => r.report.title)).toEqual(['PEEL 2016']);
    expect(plan.recommendations.map((r) => [r.row, r.recommendation.ref])).toEqual([
      [2, '1'],
      [3, '2']
    ]);
  });
});

describe('the date of an imported status', () => {
  // A City of London style row gives a colour but neither a publication day nor a last-updated day.
  const colourRow = [
    ['Originating Report/Inspection', 'Recommendation (short summary)', 'Status', 'Due Date'],
    ['A progress report on the police response to domestic abuse', 'Risk assessment – forces should continue to use DASH.', 'AMBER', 'No deadline set by HMICFRS']
  ].map((cells) => cells.join('\t')).join('\n');

  it('is the day of the import when the source gives no day, never an invented one', () => {
    const { plan } = planTable(readDelimited(colourRow, 'row.tsv', '\t'), { importedOn: '2026-11-23' });
    const history = plan.recommendations[0].recommendation.history;
    expect(history.map((h) => h.at.slice(0, 10))).toEqual(['2026-11-23']);
    expect(history[0].trafficLight).toBe('AMBER');
  });

  it('records no status change at all when no day is known', () => {
    const { plan } = planTable(readDelimited(colourRow, 'row.tsv', '\t'));
    expect(plan.recommendations[0].recommendation.history).toEqual([]);
  });
});
