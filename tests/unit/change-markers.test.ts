import { changeMarker, dueInForceOn, instantTime, markSince, previousStatus, statusAt } from '../../src/core/changeMarkers';
import type { StatusChange } from '../../src/core/model';
import type { RagPolicy } from '../../src/core/status';
import { requestClosure, approveClosure } from '../../src/core/transitions';
import { CITY_PAPER_DATE, CITY_ROWS, cityRow, change, dated } from './fixtures/seedRecommendations';

const CITY_POLICY: RagPolicy = { overdueAgainst: 'original' };
/** The committee's previous paper, a quarter before. */
const PREVIOUS_PAPER = '2017-08-17';

describe('changeMarker', () => {
  it('prints NEW before the colour when the colour or the status changed since the previous paper', () => {
    expect(changeMarker({ lifecycle: 'Complete, awaiting sign-off', trafficLight: 'GREEN' }, { lifecycle: 'Being progressed', trafficLight: 'AMBER' })).toEqual({
      marker: 'NEW',
      label: 'NEW GREEN'
    });
    expect(changeMarker({ lifecycle: 'Being progressed', trafficLight: 'RED' }, { lifecycle: 'Being progressed', trafficLight: 'AMBER' })).toEqual({
      marker: 'NEW',
      label: 'NEW RED'
    });
    // Same colour, different status: still a change the committee should see.
    expect(changeMarker({ lifecycle: 'Being progressed', trafficLight: 'AMBER' }, { lifecycle: 'Awaiting review', trafficLight: 'AMBER' }).label).toBe('NEW AMBER');
  });

  it('prints the bare colour when nothing changed', () => {
    expect(changeMarker({ lifecycle: 'Being progressed', trafficLight: 'AMBER' }, { lifecycle: 'Being progressed', trafficLight: 'AMBER' })).toEqual({ marker: null, label: 'AMBER' });
  });

  it('marks NEW CLOSED when closed since the previous paper, CLOSED when closed before it', () => {
    const closed = { lifecycle: 'Closed by the force' as const, trafficLight: 'GREEN' as const };
    expect(changeMarker(closed, { lifecycle: 'Complete, awaiting sign-off', trafficLight: 'GREEN' })).toEqual({ marker: 'CLOSED', label: 'NEW CLOSED' });
    expect(changeMarker(closed, { lifecycle: 'Discharged by the inspectorate', trafficLight: 'GREEN' })).toEqual({ marker: null, label: 'CLOSED' });
    expect(changeMarker(closed, undefined)).toEqual({ marker: 'CLOSED', label: 'NEW CLOSED' });
  });

  it('marks an item that did not exist at the previous paper as NEW', () => {
    expect(changeMarker({ lifecycle: 'Being progressed', trafficLight: 'AMBER' }, undefined)).toEqual({ marker: 'NEW', label: 'NEW AMBER' });
  });
});

describe('statusAt', () => {
  const history: StatusChange[] = [
    change('2017-03-20T10:00:00Z', 'Being progressed', 'AMBER'),
    change('2017-09-25T11:00:00Z', 'Complete, awaiting sign-off', 'GREEN'),
    change('2017-06-30T23:30:00Z', 'Awaiting review', 'AMBER')
  ];

  it('finds the last change at or before an instant, whatever the order of the history', () => {
    expect(statusAt(history, '2017-09-25T10:59:59Z')?.lifecycle).toBe('Awaiting review');
    expect(statusAt(history, '2017-09-25T11:00:00Z')?.lifecycle).toBe('Complete, awaiting sign-off');
    expect(statusAt(history, '2017-03-20T09:59:59Z')).toBeUndefined();
  });

  it('reads a date as the end of that day in London', () => {
    // 23:30 UTC on 30 June 2017 is 00:30 on 1 July in London.
    expect(statusAt(history, '2017-06-30')?.lifecycle).toBe('Being progressed');
    expect(statusAt(history, '2017-07-01')?.lifecycle).toBe('Awaiting review');
  });

  it('refuses a date that is not a date', () => {
    expect(() => statusAt(history, '30/06/2017')).toThrow('Not an ISO instant');
    expect(() => statusAt(history, '2017-02-30')).toThrow('No such date');
    expect(() => instantTime('2017-06-30 10:00')).toThrow(RangeError);
  });
});

describe('due date in force at a past date', () => {
  it('uses the revisions approved by then', () => {
    const due = {
      ...dated('Sept 17', '2017-09-30'),
      current: '2018-06-30',
      revisions: [
        { from: '2017-09-30', to: '2018-01-31', reason: 'a', at: '2017-09-22T09:00:00Z' },
        { from: '2018-01-31', to: '2018-06-30', reason: 'b', at: '2018-01-20T09:00:00Z' }
      ]
    };
    expect(dueInForceOn(due, '2017-09-21')).toBe('2017-09-30');
    expect(dueInForceOn(due, '2017-12-01')).toBe('2018-01-31');
    expect(dueInForceOn(due, '2018-02-01')).toBe('2018-06-30');
  });
});

describe('the City of London paper\u2019s markers, from history', () => {
  const marked = markSince(
    CITY_ROWS.map((row) => row.rec),
    PREVIOUS_PAPER,
    CITY_PAPER_DATE,
    CITY_POLICY
  );
  const labelOf = (report: string, ref: string): string => {
    const rec = cityRow(report, ref).rec;
    const found = marked.find((m) => m.item === rec);
    if (found === undefined) throw new Error(`not marked: ${report} ${ref}`);
    return found.label;
  };

  it('marks completed items NEW GREEN (Effectiveness 2016 AFI 7, Making it fair 6, Legitimacy 2016 AFI 4)', () => {
    expect(labelOf('PEEL: Police Effectiveness 2016', '7')).toBe('NEW GREEN');
    expect(labelOf('Making it fair', '6')).toBe('NEW GREEN');
    expect(labelOf('PEEL: Police Legitimacy 2016 - CoLP', '4')).toBe('NEW GREEN');
  });

  it('marks items whose "Sept 17" deadline passed since the previous paper NEW RED (Effectiveness 2016 AFI 10 and 12)', () => {
    expect(labelOf('PEEL: Police Effectiveness 2016', '10')).toBe('NEW RED');
    expect(labelOf('PEEL: Police Effectiveness 2016', '12')).toBe('NEW RED');
  });

  it('leaves items already RED at the previous paper as RED, though no change was recorded when they turned', () => {
    const stopSearch = cityRow('Best Use of Stop and Search', '1').rec;
    expect(stopSearch.history.map((h) => h.trafficLight)).toEqual(['AMBER']);
    expect(previousStatus(stopSearch, PREVIOUS_PAPER, CITY_POLICY)).toEqual({ lifecycle: 'Being progressed', trafficLight: 'RED' });
    expect(labelOf('Best Use of Stop and Search', '1')).toBe('RED');
    expect(labelOf('PEEL: Police Legitimacy 2016 - CoLP', '5')).toBe('RED');
    expect(labelOf('PEEL: Police efficiency 2015', '2')).toBe('RED');
  });

  it('marks Legitimacy 2016 AFI 1 NEW CLOSED', () => {
    expect(labelOf('PEEL: Police Legitimacy 2016 - CoLP', '1')).toBe('NEW CLOSED');
  });

  it('leaves unchanged AMBER and WHITE items unmarked', () => {
    expect(labelOf('Stolen freedom', '4')).toBe('AMBER');
    expect(labelOf('Stolen freedom', '10')).toBe('WHITE');
    expect(labelOf('Living in fear', '8')).toBe('WHITE');
  });

  it('marks every item of a report published since the previous paper NEW', () => {
    const daReport = 'A progress report on the police response to domestic abuse';
    const daItems = CITY_ROWS.filter((row) => row.report === daReport).map((row) => row.rec);
    const da = marked.filter((m) => daItems.includes(m.item));
    expect(da.map((m) => [m.item.ref, m.previous, m.label])).toEqual([
      ['1', undefined, 'NEW AMBER'],
      ['National Oversight Group', undefined, 'NEW WHITE'],
      ['Update of forces\u2019 domestic abuse action plans', undefined, 'NEW AMBER']
    ]);
  });

  it('agrees with every marker the paper printed for these rows, except that the paper leaves a new report\u2019s items unmarked', () => {
    for (const row of CITY_ROWS) {
      const label = marked.find((m) => m.item === row.rec)?.label;
      const newReport = row.report.startsWith('A progress report on the police response to domestic abuse');
      expect([row.report, row.rec.ref, newReport ? label?.replace(/^NEW /, '') : label]).toEqual([row.report, row.rec.ref, row.printed]);
    }
  });

  it('gives the same markers when compared with a frozen snapshot of the previous paper', () => {
    const snapshot = new Map(CITY_ROWS.map((row) => [row.rec, previousStatus(row.rec, PREVIOUS_PAPER, CITY_POLICY)]));
    for (const m of marked) {
      expect(changeMarker(m.current, snapshot.get(m.item))).toEqual({ marker: m.marker, label: m.label });
    }
  });
});

describe('markers after transitions', () => {
  it('marks an item closed through the transitions as NEW CLOSED at the next paper, and CLOSED at the one after', () => {
    const vetting = cityRow('PEEL: Police Legitimacy 2016 – National', '1 (within 2 years)').rec;
    const closed = approveClosure(
      requestClosure(vetting, { by: 'Head of Professional Standards', at: '2018-01-10T10:00:00Z', evidence: 'All staff vetted to at least the lowest level' }),
      { by: 'Chief of Staff', at: '2018-01-12T10:00:00Z', outcome: 'closed' }
    );
    expect(markSince([closed], CITY_PAPER_DATE, '2018-02-15')[0].label).toBe('NEW CLOSED');
    expect(markSince([closed], '2018-02-15', '2018-05-15')[0].label).toBe('CLOSED');
  });
});
