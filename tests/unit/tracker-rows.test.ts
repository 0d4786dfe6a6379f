/**
 * The grid's rows (components/tracker/rows.ts) over the City of London committee paper of
 * November 2017 as the tracker holds it, and the Lincolnshire action matrix as the demo imports it:
 * the colours the paper printed, the filters, sort and grouping a user applies, counts once.
 */
import type { RecommendationRecord } from '../../src/data/TrackerDataSource';
import { EMPTY_FILTERS, buildRows, closedOn, countByLight, countedRows, distinct, filterRows, groupRows, initialFilters, narrows, sameRows, sortRows, withPage, withRecord } from '../../src/components/tracker/rows';
import type { RowFilters, TrackerRow } from '../../src/components/tracker/rows';
import type { RagPolicy } from '../../src/core/status';
import type { Lifecycle, TrafficLight } from '../../src/core/model';
import type { TrackerStrings } from '../../src/components/common/strings';
import type { ValueNames } from '../../src/components/common/values';
import { LOC_FOLDERS, locFile, readLocStrings } from '../../src/workbench/loc';
import { planDemoFile, readDemoPeople } from '../../src/import/demo';
import { CITY_REPORTS, cityRecords } from './fixtures/cityRecords';
import { CITY_PAPER_DATE, CITY_ROWS, LINCS_153, LINCS_155, LINCS_157, LINCS_163 } from './fixtures/seedRecommendations';

/** City of London's committee measures RED against the original deadline. */
const CITY_POLICY: RagPolicy = { overdueAgainst: 'original' };
const rows = buildRows(cityRecords(), CITY_REPORTS, CITY_PAPER_DATE, CITY_POLICY);

/** The colour the paper printed in its Status column: NEW dropped, a CLOSED item GREEN. */
function printed(id: number): TrafficLight {
  const colour = CITY_ROWS[id - 101].printed.replace(/^NEW /, '');
  return (colour === 'CLOSED' ? 'GREEN' : colour) as TrafficLight;
}

const ids = (list: readonly TrackerRow[]): number[] => list.map((r) => r.id);
const filtered = (f: Partial<RowFilters>, today = CITY_PAPER_DATE): number[] => ids(filterRows(rows, { ...EMPTY_FILTERS, ...f }, today));

/** The en-GB names of the stored values (loc `Values`), as the grid shows them. */
let names: ValueNames;
beforeAll(async () => {
  names = (await readLocStrings<TrackerStrings>(locFile(LOC_FOLDERS.shared))).Values;
});

describe('buildRows', () => {
  it('gives every row of the paper the colour the paper printed, under the committee’s policy', () => {
    expect(rows).toHaveLength(CITY_ROWS.length);
    for (const row of rows) expect([row.id, row.trafficLight]).toEqual([row.id, printed(row.id)]);
  });

  it('names each row’s report and searches its words in lower case', () => {
    const website = rows.find((r) => r.reportTitle === 'PEEL: Police efficiency 2015');
    expect(website?.record.recommendation.ref).toBe('2');
    expect(website?.haystack).toContain('skills and knowledge of the workforce');
    expect(website?.haystack).toContain('peel: police efficiency 2015');
    expect(rows.every((r) => r.haystack === r.haystack.toLowerCase())).toBe(true);
  });

  it('measures RED against the deadline the site chose', () => {
    // PEEL efficiency 2015 rec 2: "March 2016 [Original Internal deadline] Now due: April 2018".
    const current = buildRows(cityRecords(), CITY_REPORTS, CITY_PAPER_DATE, { overdueAgainst: 'current' });
    expect(rows.find((r) => r.id === 120)?.trafficLight).toBe('RED');
    expect(current.find((r) => r.id === 120)?.trafficLight).toBe('AMBER');
  });

  it('builds the same records again under another policy, another day, a saved item and a renamed report', () => {
    // One array of records, as the tracker holds it, built again as a save, a new day or a new
    // policy comes: each row says what a build of fresh records says.
    const records = cityRecords();
    const fresh = (today: string, policy: RagPolicy): TrackerRow[] => buildRows(cityRecords(), CITY_REPORTS, today, policy);
    const strip = (list: TrackerRow[]): unknown[] => list.map(({ record, ...facts }) => ({ ...facts, etag: record.etag }));
    for (const [today, policy] of [[CITY_PAPER_DATE, CITY_POLICY], [CITY_PAPER_DATE, { overdueAgainst: 'current' }], ['2018-02-01', CITY_POLICY], [CITY_PAPER_DATE, CITY_POLICY]] as const) {
      expect(strip(buildRows(records, CITY_REPORTS, today, policy))).toEqual(strip(fresh(today, policy)));
    }
    expect(buildRows(records, CITY_REPORTS, CITY_PAPER_DATE, { overdueAgainst: 'current' }).find((r) => r.id === 120)?.trafficLight).toBe('AMBER');
    expect(buildRows(records, CITY_REPORTS, CITY_PAPER_DATE, CITY_POLICY).find((r) => r.id === 120)?.trafficLight).toBe('RED');
    // Item 120 saved as closed: its row is the saved one, and GREEN.
    const index = records.findIndex((r) => r.recommendation.id === 120);
    const closed = withRecord(records, { etag: '"9"', recommendation: { ...records[index].recommendation, lifecycle: 'Closed by the force' } });
    const row = buildRows(closed, CITY_REPORTS, CITY_PAPER_DATE, CITY_POLICY).find((r) => r.id === 120);
    expect([row?.trafficLight, row?.record.etag]).toEqual(['GREEN', '"9"']);
    // A report renamed: its rows carry, and are found by, the new title.
    const renamed = CITY_REPORTS.map((r) => (r.id === 7 ? { ...r, title: 'Stop and search, as renamed' } : r));
    const again = buildRows(records, renamed, CITY_PAPER_DATE, CITY_POLICY).filter((r) => r.record.recommendation.reportId === 7);
    expect(again.map((r) => r.reportTitle)).toEqual(['Stop and search, as renamed', 'Stop and search, as renamed', 'Stop and search, as renamed', 'Stop and search, as renamed']);
    expect(again.every((r) => r.haystack.includes('as renamed'))).toBe(true);
  });

  it('names the causes of concern a row answers by their refs, or by id when not loaded', () => {
    const records = cityRecords();
    records[1] = { ...records[1], recommendation: { ...records[1].recommendation, causeOfConcernIds: [101, 999] } };
    expect(buildRows(records, CITY_REPORTS, CITY_PAPER_DATE, CITY_POLICY)[1].causesOfConcern).toEqual(['1', '#999']);
  });
});

describe('counts', () => {
  it('counts the paper’s colours: six RED, six AMBER, four GREEN, four WHITE', () => {
    const fromPaper: Record<TrafficLight, number> = { RED: 0, AMBER: 0, GREEN: 0, WHITE: 0 };
    for (const row of rows) fromPaper[printed(row.id)] += 1;
    expect(countByLight(rows)).toEqual(fromPaper);
    expect(fromPaper).toEqual({ RED: 6, AMBER: 6, GREEN: 4, WHITE: 4 });
  });

  it('counts a national row the force’s own row carries once', () => {
    // Stolen freedom 1 is the NCA's; say the force's rec 4 carries it, as an import links them.
    const records = cityRecords().map((r) => (r.recommendation.id === 105 ? { ...r, recommendation: { ...r.recommendation, nationalRecommendationId: 104 } } : r));
    const linked = buildRows(records, CITY_REPORTS, CITY_PAPER_DATE, CITY_POLICY);
    expect(linked.find((r) => r.id === 104)?.sameAs).toEqual({ id: 105, ref: '4', reportTitle: CITY_ROWS[4].report, kind: 'carried by' });
    expect(linked.find((r) => r.id === 105)?.sameAs).toEqual({ id: 104, ref: '1', reportTitle: CITY_ROWS[3].report, kind: 'repeats' });
    expect(countedRows(linked)).toHaveLength(CITY_ROWS.length - 1);
    expect(countByLight(linked)).toEqual({ RED: 6, AMBER: 6, GREEN: 4, WHITE: 3 });
  });
});

describe('filterRows', () => {
  it('narrows by colour, report and lifecycle', () => {
    expect(filtered({ trafficLight: 'RED' })).toEqual(rows.filter((r) => printed(r.id) === 'RED').map((r) => r.id));
    expect(filtered({ trafficLight: 'RED' })).toEqual([112, 113, 114, 116, 118, 120]);
    expect(filtered({ reportId: '7' })).toEqual([115, 116, 117, 118]);
    expect(filtered({ reportId: '7', trafficLight: 'GREEN' })).toEqual([115, 117]);
    expect(filtered({ lifecycle: 'Complete, awaiting sign-off' })).toEqual([109, 111, 117]);
    expect(filtered({ kind: 'Area for improvement' })).toContain(101);
  });

  it('keeps open items only: not complete-awaiting-sign-off, not closed', () => {
    const open = filtered({ openOnly: true });
    expect(open).toHaveLength(16);
    expect(open).not.toContain(115);
    expect(open).not.toContain(109);
  });

  it('finds items overdue against their current due date, on the day the rows were built', () => {
    // On the paper's date nothing open had passed its current date; by 1 February 2018 two had
    // (Making it fair 1 and Stop and Search 1, both due January 2018).
    expect(filtered({ overdue: true })).toEqual([]);
    const later = buildRows(cityRecords(), CITY_REPORTS, '2018-02-01', CITY_POLICY);
    expect(ids(filterRows(later, { ...EMPTY_FILTERS, overdue: true }, '2018-02-01'))).toEqual([108, 114]);
    // "Due within" reads the day it is given; national and complete items are never due.
    expect(filtered({ dueWithinDays: 31 }, '2018-01-01')).toEqual([108, 114]);
  });

  it('finds items closed since a date by the history entry that closed them', () => {
    const closed = rows.find((r) => r.id === 115) as TrackerRow;
    expect(closedOn(closed)).toBe('2017-10-30');
    expect(closedOn(rows[0])).toBeNull();
    expect(filtered({ closedSince: '2017-10-01' })).toEqual([115]);
    expect(filtered({ closedSince: '2017-10-31' })).toEqual([]);
  });

  it('searches every word, in any case, across ref, text, report and comment', () => {
    expect(filtered({ search: 'National  CRIME agency' })).toEqual([104]);
    expect(filtered({ search: 'stalking' })).toEqual([110]);
    expect(filtered({ search: 'stalking agency' })).toEqual([]);
    expect(filtered({ search: '   ' })).toHaveLength(CITY_ROWS.length);
  });

  it('matches an owner by name, ignoring case', () => {
    const lincs = [LINCS_153, LINCS_155, LINCS_157, LINCS_163].map((rec, i): RecommendationRecord => ({ recommendation: { ...rec, id: i + 1 }, etag: '"1"' }));
    const lincsRows = buildRows(lincs, [], '2017-11-14');
    expect(ids(filterRows(lincsRows, { ...EMPTY_FILTERS, owner: 'insp shaw' }, '2017-11-14'))).toEqual([1]);
    expect(ids(filterRows(lincsRows, { ...EMPTY_FILTERS, search: 'knighton' }, '2017-11-14'))).toEqual([1, 2, 4]);
  });
});

describe('search as a user types it', () => {
  const typed = 'police efficiency 2015 workforce';
  /** Each prefix of what the user types, as the search box holds it after each key. */
  const keystrokes = Array.from({ length: typed.length + 1 }, (_, n) => typed.slice(0, n));

  it('holds each row’s words once, in lower case, with its owner and closing date beside them', () => {
    const row = rows.find((r) => r.id === 115);
    expect(row?.ownerKey).toBe(row?.ownerName.toLowerCase());
    expect(row?.closed).toBe(closedOn(rows.find((r) => r.id === 115) as TrackerRow));
    expect(rows.every((r) => r.haystack.includes(r.record.recommendation.ref.toLowerCase()))).toBe(true);
  });

  it('filters the rows the last keystroke kept to the same rows as filtering them all', () => {
    let kept = filterRows(rows, EMPTY_FILTERS, CITY_PAPER_DATE);
    let last: RowFilters = EMPTY_FILTERS;
    for (const search of keystrokes) {
      const next = { ...EMPTY_FILTERS, search };
      expect(narrows(last, next)).toBe(true);
      kept = filterRows(kept, next, CITY_PAPER_DATE);
      expect(ids(kept)).toEqual(filtered({ search }));
      last = next;
    }
    expect(ids(kept)).toEqual([120]);
  });

  it('starts again from every row when the search is cut back, rewritten or another filter moves', () => {
    const search = (text: string): RowFilters => ({ ...EMPTY_FILTERS, search: text });
    expect(narrows(search('police eff'), search('police'))).toBe(false);
    expect(narrows(search('police'), search('polite'))).toBe(false);
    expect(narrows(search('police'), { ...search('police e'), trafficLight: 'RED' })).toBe(false);
    expect(narrows(search('Police'), search('police E'))).toBe(true);
  });

  it('tells a keystroke that kept the same rows from one that changed them', () => {
    const kept = filterRows(rows, { ...EMPTY_FILTERS, search: 'police' }, CITY_PAPER_DATE);
    expect(sameRows(filterRows(kept, { ...EMPTY_FILTERS, search: 'police ' }, CITY_PAPER_DATE), kept)).toBe(true);
    expect(sameRows(filterRows(kept, { ...EMPTY_FILTERS, search: 'police efficiency' }, CITY_PAPER_DATE), kept)).toBe(false);
    expect(kept.length).toBeGreaterThan(1);
    expect(sameRows([...kept].reverse(), kept)).toBe(false);
  });
});

describe('withRecord', () => {
  it('puts a saved item in place of the one with its id, or after the others when new, leaving its input alone', () => {
    const records = cityRecords();
    const saved = { ...records[2], recommendation: { ...records[2].recommendation, directorate: 'Crime' }, etag: '"9"' };
    const replaced = withRecord(records, saved);
    expect(replaced.map((r) => r.recommendation.id)).toEqual(records.map((r) => r.recommendation.id));
    expect(replaced[2]).toBe(saved);
    expect(records[2]).not.toBe(saved);
    const added = { ...saved, recommendation: { ...saved.recommendation, id: 999 } };
    expect(withRecord(records, added).map((r) => r.recommendation.id)).toEqual([...records.map((r) => r.recommendation.id), 999]);
  });
});

describe('withPage', () => {
  it('adds a later page after the records, keeping the saved version of an item saved while the pages loaded, and a new one once', () => {
    const records = cityRecords();
    const half = Math.floor(records.length / 2);
    const [firstPage, laterPage] = [records.slice(0, half), records.slice(half)];
    expect(laterPage.length).toBeGreaterThan(1);
    // Saved on the page while the later page was on its way: one item of the first page, and a new item the later page also brings.
    const saved = { ...firstPage[3], recommendation: { ...firstPage[3].recommendation, directorate: 'Crime' }, etag: '"9"' };
    const created = laterPage[laterPage.length - 1];
    const held = withRecord(withRecord(firstPage, saved), created);
    const drawn = withPage(held, laterPage);
    expect(drawn.map((r) => r.recommendation.id).sort((a, b) => a - b)).toEqual(records.map((r) => r.recommendation.id).sort((a, b) => a - b));
    expect(drawn[3]).toBe(saved);
    expect(drawn.filter((r) => r.recommendation.id === created.recommendation.id)).toHaveLength(1);
    expect(withPage(firstPage, laterPage).map((r) => r.recommendation.id)).toEqual(records.map((r) => r.recommendation.id));
  });
});

describe('initialFilters', () => {
  const preset = { directorate: 'Crime', reportId: '3', onlyRed: true, kind: 'Recommendation' as const, openOnly: true };

  it('starts from the page author’s presets', () => {
    expect(initialFilters(preset, {})).toEqual({ ...EMPTY_FILTERS, directorate: 'Crime', reportId: '3', kind: 'Recommendation', trafficLight: 'RED', openOnly: true });
  });

  it('lets a link narrow or replace them', () => {
    const f = initialFilters(preset, { trafficLight: 'AMBER', directorate: 'Professional Standards', overdue: true, dueWithinDays: 30, closedSince: '2017-10-01', lifecycle: 'Being progressed' });
    expect(f).toMatchObject({ trafficLight: 'AMBER', directorate: 'Professional Standards', reportId: '3', overdue: true, dueWithinDays: 30, closedSince: '2017-10-01', lifecycle: 'Being progressed', kind: 'Recommendation' });
  });
});

describe('sortRows', () => {
  it('sorts RED first, then AMBER, GREEN, WHITE; ties by reference, in number order', () => {
    const sorted = sortRows(rows, 'trafficLight', false, names);
    expect(sorted.map((r) => r.trafficLight)).toEqual([...Array(6).fill('RED'), ...Array(6).fill('AMBER'), ...Array(4).fill('GREEN'), ...Array(4).fill('WHITE')]);
    expect(sorted.slice(0, 6).map((r) => r.record.recommendation.ref)).toEqual(['1', '1.5', '2', '5', '10', '12']);
  });

  it('reverses the key, not the tie-break, and leaves its input alone', () => {
    const before = ids(rows);
    const sorted = sortRows(rows, 'trafficLight', true, names);
    expect(sorted.slice(0, 4).map((r) => r.trafficLight)).toEqual(['WHITE', 'WHITE', 'WHITE', 'WHITE']);
    expect(sorted.slice(0, 4).map((r) => r.record.recommendation.ref)).toEqual(['1', '8', '10', 'National Oversight Group']);
    expect(ids(rows)).toEqual(before);
  });

  it('puts items with no current due date last', () => {
    const sorted = sortRows(rows, 'due', false, names);
    expect(sorted[0].record.recommendation.due.current).toBe('2017-03-31');
    const undated = sorted.filter((r) => r.record.recommendation.due.current === null);
    expect(sorted.slice(-undated.length)).toEqual(undated);
  });

  it('sorts by status as the grid names it, not as the list stores it', () => {
    const status = (list: readonly TrackerRow[]): Lifecycle[] => [...new Set(list.map((r) => r.record.recommendation.lifecycle))];
    const stored = status(sortRows(rows, 'lifecycle', false, names));
    expect(stored).toEqual([...stored].sort());
    expect(stored.length).toBeGreaterThan(1);
    // A locale whose names run the other way round sorts the other way round.
    const reversed = Object.fromEntries(stored.map((l, i) => [l, `${String.fromCharCode(90 - i)} ${l}`])) as Record<Lifecycle, string>;
    expect(status(sortRows(rows, 'lifecycle', false, { ...names, lifecycle: { ...names.lifecycle, ...reversed } }))).toEqual([...stored].reverse());
  });
});

describe('groupRows', () => {
  it('groups by report in alphabetical order, each group a contiguous run', () => {
    const { rows: ordered, groups } = groupRows(rows, 'report', '(no report)');
    expect(groups.map((g) => g.name)).toEqual([
      'A progress report on the police response to domestic abuse',
      'Best Use of Stop and Search Scheme revisit 2016',
      'Living in fear - the police and CPS response to harassment and stalking',
      'Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases',
      'PEEL: Police Effectiveness 2016',
      'PEEL: Police efficiency 2015',
      'PEEL: Police Legitimacy 2016 - CoLP',
      'PEEL: Police Legitimacy 2016 – National',
      'Stolen freedom: the policing response to modern slavery and human trafficking'
    ]);
    expect(ordered).toHaveLength(rows.length);
    for (const g of groups) expect(ordered.slice(g.startIndex, g.startIndex + g.count).every((r) => r.reportTitle === g.name)).toBe(true);
    expect(groups.map((g) => g.count)).toEqual([3, 1, 1, 2, 3, 1, 4, 1, 4]);
  });

  it('groups the Lincolnshire matrix by directorate, items with none last under the label given', async () => {
    const plan = await planDemoFile('lincolnshire-action-matrix.json', await readDemoPeople());
    const records = plan.recommendations.map((p, i): RecommendationRecord => ({ recommendation: { ...p.recommendation, id: i + 1 }, etag: '"1"' }));
    const { groups } = groupRows(buildRows(records, [], '2017-11-14'), 'directorate', 'No directorate');
    const named = distinct(plan.recommendations.map((p) => p.recommendation.directorate));
    expect(named).toEqual(['Crime', 'Criminal Justice', 'Professional Standards', 'Strategic Development']);
    expect(groups.map((g) => g.name)).toEqual([...named, 'No directorate']);
    expect(groups[groups.length - 1].count).toBe(plan.recommendations.filter((p) => p.recommendation.directorate === undefined).length);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(plan.recommendations.length);
  });
});

describe('distinct', () => {
  it('drops blanks and repeats and sorts as people read numbers', () => {
    expect(distinct(['Crime', undefined, ' ', 'Crime', 'crime scene', 'Area 10', 'Area 9'])).toEqual(['Area 9', 'Area 10', 'Crime', 'crime scene']);
  });
});
