/**
 * Golden test: Lincolnshire Police's HMIC action matrix (the seed
 * `lincolnshire-hmic-action-matrix-2017.ocr.txt`), regenerated as a paper as at its latest update
 * (June 2017, the latest "Last Updated" cell: 30 June 2017).
 *
 * The demo transcription is imported into the stand-in through the real importer and PnPjs. The
 * expected due date and confidence cells below were copied by hand from the seed; the matrix has no
 * status column, so each colour is the status rules' on that date, worked out by hand from the
 * seed's timescale: RED past the date the timescale names, RED for "Awaiting new timescale" (the
 * timescale ran out and none is set), AMBER otherwise, with "Awaiting detail" said to be no date
 * the tracker can check.
 */
import type { CommitteePaper } from '../../src/core/paper';
import { dueText } from '../../src/core/paper';
import type { TrackerData } from '../../src/data';
import { prepareCommitteePaper } from '../../src/paper/issue';
import type { Standin } from '../../src/standin/server';
import { importedDemoSite } from './golden.support';

const LATEST_UPDATE = '2017-06-30';
const AWAITING = 'Awaiting new timescale';

/** Ref, colour, the Timescale cell as printed, the Confidence cell. */
type Row = [ref: string, colour: string, due: string, confidence: string];

const MATRIX: Row[] = [
  ['141', 'AMBER', 'Sep-17', ''],
  ['142', 'AMBER', 'Aug-17', ''],
  ['143', 'RED', AWAITING, 'N'],
  ['144', 'RED', AWAITING, 'N'],
  ['145', 'AMBER', 'Mar-18', ''],
  ['152', 'AMBER', 'Jan-18', 'Medium'],
  ['153', 'AMBER', 'Nov-17', 'High'],
  ['154', 'RED', AWAITING, 'Medium'],
  ['155', 'RED', AWAITING, 'Awaiting new confidence level'],
  ['156', 'RED', AWAITING, 'Awaiting new confidence level'],
  ['157', 'RED', AWAITING, 'High'],
  // Due when June 2017 is over: met on the paper's date.
  ['161', 'AMBER', 'Decision by PCSB in June 2017', ''],
  ['162', 'AMBER', 'Sep-17', ''],
  ['163', 'AMBER', 'Jul-17', ''],
  // The last month it names (March 2017) has passed while the item is open.
  ['164', 'RED', 'Phase One completed by March 17 Phase Two - ongoing.', ''],
  ['165', 'AMBER', 'Jul-17', ''],
  ['166', 'AMBER', 'Sep-17', ''],
  ['167', 'AMBER', 'Apr-18', ''],
  ['168', 'AMBER', 'Sep-17', ''],
  ['169', 'AMBER', 'Nov-17', ''],
  ['1610', 'AMBER', 'Nov-17', 'Medium'],
  ['1611', 'AMBER', 'Awaiting detail (no date the tracker can check)', 'Awaiting detail'],
  ['1612', 'AMBER', 'Sep-17 - Feb/March-18.', 'Medium'],
  ['1613', 'AMBER', "Immediately & April '18", 'Medium'],
  ['1614', 'AMBER', 'May-17 Oct-17', 'High Med'],
  ['1615', 'AMBER', 'Apr-18', 'Medium'],
  ['1616', 'AMBER', 'Apr-18', 'Medium'],
  ['1617', 'AMBER', 'Sep-17 - Feb/March-18.', 'High']
];

/** 1614's plan has two parts, each with its own timescale. */
const ACTIONS_1614: [ref: string, colour: string, due: string][] = [
  ['1', 'RED', 'May-17'],
  ['2', 'AMBER', 'Oct-17']
];

let server: Standin;
let data: TrackerData;
let paper: CommitteePaper;
let reportIds: number[];

beforeAll(async () => {
  ({ server, data } = await importedDemoSite('lincolnshire-action-matrix.json', LATEST_UPDATE));
  reportIds = (await data.reports.all()).map((r) => r.id);
  paper = await prepareCommitteePaper(data, { asAt: LATEST_UPDATE, selection: { reportIds } });
}, 120000);

afterAll(async () => {
  await server?.close();
});

describe('the Lincolnshire action matrix, as at its latest update', () => {
  const rows = (): CommitteePaper['sections'][number]['rows'] =>
    paper.sections.flatMap((s) => s.rows).sort((a, b) => MATRIX.findIndex((m) => m[0] === a.ref) - MATRIX.findIndex((m) => m[0] === b.ref));

  it('prints every reference with its colour, its timescale as written and its confidence as the matrix gives it', () => {
    expect(rows().map((r) => [r.ref, r.statusLabel, dueText(r.due), r.confidence])).toEqual(MATRIX);
  });

  it('prints both parts of 1614 with their own timescales', () => {
    const row = rows().find((r) => r.ref === '1614');
    expect(row?.actions.map((a) => [a.ref, a.statusLabel, dueText(a.due)])).toEqual(ACTIONS_1614);
  });

  it('gives each "Awaiting new timescale" item its rationale, with the deadline its text set where it set one', () => {
    const red = new Map(paper.redItems.map((r) => [r.ref, r.rationale.overdue]));
    expect([...red.keys()].sort()).toEqual(['143', '144', '154', '155', '156', '157', '164']);
    // "By 1 September 2015, all forces should conduct a review …"
    expect(red.get('143')).toBe('668 days past its deadline of 1 September 2015; awaiting a new timescale.');
    expect(red.get('154')).toBe('Past its deadline and awaiting a new timescale.');
  });

  it('takes an "Awaiting update" cell for what it is: no plan, no action and no progress update of that text', async () => {
    const [actions, updates, recs] = await Promise.all([data.actions.all(), data.updates.all(), data.recommendations.all()]);
    expect(actions.filter((a) => /^awaiting update$/i.test(a.value.text.trim()))).toEqual([]);
    expect(updates.filter((u) => /^awaiting update$/i.test(u.value.text.trim()))).toEqual([]);
    // 143 and 145 have "Awaiting update" as their plan: no action was made of it.
    const byRef = new Map(recs.map((r) => [r.value.ref, r.id]));
    expect(actions.filter((a) => a.value.recommendationId === byRef.get('143') || a.value.recommendationId === byRef.get('145'))).toEqual([]);
    // 155 to 157 give progress with "Awaiting update" for its date: kept as the comment, undated.
    expect(rows().find((r) => r.ref === '156')?.comment).toMatch(/^ACC Gibson - CSE training given at supervisor and manager seminars/);
    expect(rows().find((r) => r.ref === '156')?.commentDate).toBeNull();
  });

  it('has no NEW or CLOSED marker: the matrix records no status to compare with', () => {
    expect(paper.comparedWith).toBeNull();
    expect(rows().filter((r) => r.marker !== null)).toEqual([]);
  });
});
