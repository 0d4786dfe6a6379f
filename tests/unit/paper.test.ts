import {
  SnapshotFormatError,
  buildCommitteePaper,
  buildPlanUpdate,
  parseSnapshot,
  serialiseSnapshot,
  snapshotOf
} from '../../src/core/paper';
import type { CommitteePaper, PaperRow } from '../../src/core/paper';
import type { Recommendation } from '../../src/core/model';
import { paperSubtitle } from '../../src/paper/strings';
import { PAPER_DATE, PREVIOUS_PAPER_DATE, PRINTED_STATUS, REPORTS, UPDATES, currentRecommendations, previousRecommendations } from './paper-fixtures';

/** City of London rates against the original deadline ("Original: April 2017 Now due: February 2018" is RED). */
const COL_POLICY = { overdueAgainst: 'original' } as const;

function previousPaper(): CommitteePaper {
  return buildCommitteePaper({ reports: REPORTS, recommendations: previousRecommendations(), asAt: PREVIOUS_PAPER_DATE, ragPolicy: COL_POLICY });
}

function rowsByKey(paper: CommitteePaper): Map<string, PaperRow> {
  const map = new Map<string, PaperRow>();
  for (const s of paper.sections) for (const r of s.rows) map.set(`${s.reportId}#${r.ref}`, r);
  return map;
}

describe('committee paper against the previous paper’s frozen snapshot', () => {
  const snapshot = parseSnapshot(serialiseSnapshot(snapshotOf(previousPaper(), { paperId: '2017-08-15-committee-paper', issuedAt: '2017-08-15T16:00:00Z', issuedBy: 'Strategic Development' })));
  const paper = buildCommitteePaper({
    reports: REPORTS,
    recommendations: currentRecommendations(),
    updates: UPDATES,
    asAt: PAPER_DATE,
    baseline: { kind: 'snapshot', snapshot },
    ragPolicy: COL_POLICY
  });

  it('prints the statuses City of London printed, NEW and CLOSED included', () => {
    const rows = rowsByKey(paper);
    const printed = Object.fromEntries([...rows.entries()].map(([k, r]) => [k, r.statusLabel]));
    expect(printed).toEqual(PRINTED_STATUS);
  });

  it('orders reports newest first with their by-line, publication line and scope sentence', () => {
    expect(paper.sections.map((s) => [s.title, s.byLine, s.publishedLine])).toEqual([
      ['Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases', 'A joint inspection report', 'Published July 2017'],
      ['Living in fear - the police and CPS response to harassment and stalking', 'A joint inspection report', 'Published July 2017'],
      ['PEEL: Police Effectiveness 2016', 'A force report by HMICFRS', 'Published March 2017'],
      ['PEEL: Police Legitimacy 2016 - CoLP', 'A force report by HMICFRS', 'Published December 2016'],
      ["In harm's way: The role of the police in keeping children safe", 'A joint inspection report', 'Published July 2015']
    ]);
    const legitimacy = paper.sections.find((s) => s.reportId === 3);
    expect(legitimacy?.scopeSentence).toBe('There are 3 recommendations which apply to force, 2 are complete and 1 to be progressed.');
    expect(paper.sections[0].scopeSentence).toBe('There are 4 recommendations; 1 of which is for other bodies and 3 apply to force, 1 is complete and 2 to be progressed.');
  });

  it('leaves the plan out of the committee paper', () => {
    expect(paper.sections.some((s) => s.reportId === 6)).toBe(false);
  });

  it('summarises counts by colour and what changed', () => {
    expect(paper.summary).toMatchObject({
      total: 12,
      open: 10,
      closed: 2,
      byTrafficLight: { GREEN: 5, AMBER: 2, RED: 3, WHITE: 2 },
      newCount: 5,
      closedSinceCount: 1
    });
    expect(paper.summary.changes.map((c) => `${c.ref} ${c.from} -> ${c.to}`)).toEqual([
      '6 AMBER -> NEW GREEN',
      '7 AMBER -> NEW GREEN',
      '10 AMBER -> NEW RED',
      '12 AMBER -> NEW RED',
      '1 RED -> NEW CLOSED',
      '4 RED -> NEW GREEN'
    ]);
  });

  it('prints the timescale as the source wrote it: its precision, tags and revisions', () => {
    const rows = rowsByKey(paper);
    expect(rows.get('2#12')?.due).toEqual({ original: 'Sept 17 [Original internal deadline] Now due: March 2018', nowDue: null });
    expect(rows.get('1#1')?.due).toEqual({ original: 'January 2018', nowDue: null });
    expect(rows.get('4#8')?.due).toEqual({ original: 'Immediate', nowDue: null });
    expect(rows.get('1#2')?.due).toEqual({ original: 'No deadline set by HMICFRS', nowDue: null });
  });

  it('takes the comment from the latest progress update', () => {
    const row = rowsByKey(paper).get('3#5');
    expect(row?.comment).toBe('The force has established a Performance Development Action Plan with a timeline for delivery of February 2018.\nProgress is reported monthly to the Strategic Management Board.');
    expect(row?.commentDate).toBe('2017-11-10');
    expect(rowsByKey(paper).get('1#4')?.comment).toMatch(/^The force has gone live with the Niche system/);
  });

  it('gives every RED item the owner’s reason, with how far past its deadline it is beside it', () => {
    expect(paper.redItems.map((r) => [r.ref, r.rationale.reason.split('\n')[0], r.rationale.overdue])).toEqual([
      ['10', 'The role of lead responsible officer [LRO] has been raised to a minimum level of Inspector rank.', '54 days past its deadline of 30 September 2017.'],
      ['12', 'Analysis to understand which tactics are having best effect has commenced and will be embedded by March 2018.', '54 days past its original deadline of 30 September 2017 (now due 31 March 2018).'],
      ['5', 'The force has established a Performance Development Action Plan with a timeline for delivery of February 2018.', '237 days past its original deadline of 31 March 2017 (now due 28 February 2018).']
    ]);
  });

  it('lists closed items in the appendix, and keeps those reported closed before out of the tables', () => {
    expect(paper.closedItems.map((c) => [c.reportTitle, c.ref, c.closedOn])).toEqual([
      ["In harm's way: The role of the police in keeping children safe", '1', '2016-03-01'],
      ['PEEL: Police Legitimacy 2016 - CoLP', '1', '2017-10-30']
    ]);
    expect(paper.sections.find((s) => s.reportId === 5)?.rows).toEqual([]);
  });

  it('gives the same markers when compared with the previous paper’s date through the histories', () => {
    const byDate = buildCommitteePaper({
      reports: REPORTS,
      recommendations: currentRecommendations(),
      asAt: PAPER_DATE,
      baseline: { kind: 'date', date: PREVIOUS_PAPER_DATE },
      ragPolicy: COL_POLICY
    });
    const labels = (p: CommitteePaper): string[] => p.sections.flatMap((s) => s.rows.map((r) => `${s.reportId}#${r.ref} ${r.statusLabel}`));
    expect(labels(byDate)).toEqual(labels(paper));
  });

  it('uses the frozen snapshot, not the histories: a history rewritten later does not move the markers', () => {
    const rewritten = currentRecommendations().map((r): Recommendation => ({ ...r, history: r.history.slice(-1) }));
    const again = buildCommitteePaper({ reports: REPORTS, recommendations: rewritten, updates: UPDATES, asAt: PAPER_DATE, baseline: { kind: 'snapshot', snapshot }, ragPolicy: COL_POLICY });
    expect(again.summary.changes).toEqual(paper.summary.changes);
  });
});

describe('items the previous paper had', () => {
  it('lists those no longer reported', () => {
    const previous = snapshotOf(previousPaper(), { paperId: 'p', issuedAt: '2017-08-15T16:00:00Z', issuedBy: 'Analyst' });
    const paper = buildCommitteePaper({
      reports: REPORTS,
      recommendations: currentRecommendations().filter((r) => r.id !== 104),
      asAt: PAPER_DATE,
      baseline: { kind: 'snapshot', snapshot: previous },
      ragPolicy: COL_POLICY
    });
    expect(paper.summary.noLongerReported).toEqual([
      { key: 'id:104', reportTitle: 'Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases', ref: '4', was: 'AMBER' }
    ]);
  });
});

describe('selection', () => {
  it('chooses reports by id and items by directorate', () => {
    const paper = buildCommitteePaper({ reports: REPORTS, recommendations: currentRecommendations(), asAt: PAPER_DATE, selection: { reportIds: [2, 3], directorates: [' crime '] } });
    expect(paper.sections.map((s) => s.reportId)).toEqual([2]);
    expect(paper.sections[0].rows.map((r) => r.ref)).toEqual(['7', '10', '12']);
    expect(paper.comparedWith).toBeNull();
    expect(paper.sections[0].rows.every((r) => r.marker === null)).toBe(true);
  });

  it('covers several directorates, and reads a snapshot stored with one directorate as a list of one', () => {
    const crime = buildCommitteePaper({ reports: REPORTS, recommendations: currentRecommendations(), asAt: PAPER_DATE, selection: { directorates: ['Crime'] } });
    const both = buildCommitteePaper({ reports: REPORTS, recommendations: currentRecommendations(), asAt: PAPER_DATE, selection: { directorates: ['Crime', ' corporate services '] } });
    const all = buildCommitteePaper({ reports: REPORTS, recommendations: currentRecommendations(), asAt: PAPER_DATE });
    expect(crime.summary.total).toBeLessThan(both.summary.total);
    expect(both.summary.total).toBe(all.summary.total);
    expect(paperSubtitle(both)).toBe('Position at 23 November 2017, Crime and corporate services.');
    const stored = JSON.parse(serialiseSnapshot(snapshotOf(crime, { paperId: 'p', issuedAt: '2017-11-23T16:00:00Z', issuedBy: 'Strategic Development' }))) as { selection: object };
    stored.selection = { directorate: 'Crime' };
    expect(parseSnapshot(JSON.stringify(stored)).selection).toEqual({ directorates: ['Crime'] });
    stored.selection = { directorates: 'Crime' };
    expect(() => parseSnapshot(JSON.stringify(stored))).toThrow('directorates');
  });

  it('names a report that is not in the register', () => {
    expect(() => buildCommitteePaper({ reports: REPORTS, recommendations: [], asAt: PAPER_DATE, selection: { reportIds: [99] } })).toThrow('report 99');
  });

  it('names a recommendation whose report is missing', () => {
    const orphan = { ...currentRecommendations()[0], ref: '77', reportId: 42 };
    expect(() => buildCommitteePaper({ reports: REPORTS, recommendations: [orphan], asAt: PAPER_DATE })).toThrow("Recommendation '77' belongs to report 42");
  });
});

describe('snapshot file', () => {
  const snapshot = snapshotOf(previousPaper(), { paperId: 'p1', issuedAt: '2017-08-15T16:00:00Z', issuedBy: 'Analyst' });

  it('round-trips through JSON unchanged', () => {
    expect(parseSnapshot(serialiseSnapshot(snapshot))).toEqual(snapshot);
    expect(snapshot.items).toHaveLength(12);
  });

  it('refuses a damaged snapshot and names the field', () => {
    const bad = JSON.parse(serialiseSnapshot(snapshot)) as { items: { trafficLight: string }[] };
    bad.items[3].trafficLight = 'PURPLE';
    expect(() => parseSnapshot(JSON.stringify(bad))).toThrow(SnapshotFormatError);
    expect(() => parseSnapshot(JSON.stringify(bad))).toThrow("items[3].trafficLight 'PURPLE' is not one of GREEN, AMBER, RED, WHITE.");
    expect(() => parseSnapshot('{"format":"something else"}')).toThrow("format should be 'inspection-tracker/committee-paper-snapshot'");
    expect(() => parseSnapshot('not json')).toThrow('the file is not JSON');
  });
});

describe('plan delivery update', () => {
  const plan = REPORTS[5];
  const commitment = (id: number, ref: string, text: string, keyPrinciple: string): Recommendation => ({
    id,
    reportId: 6,
    ref,
    kind: 'Plan commitment',
    text,
    appliesTo: 'Force',
    acceptedForAction: true,
    causeOfConcernIds: [],
    lifecycle: 'Being progressed',
    due: { kind: 'none', original: null, current: null, raw: '', revisions: [] },
    reopenings: [],
    lastUpdated: null,
    history: [],
    keyPrinciple
  });
  const commitments = [
    commitment(1, '2.1', "'The Happening'", 'Community Safety and Prevention in Partnership'),
    commitment(2, '3.1', 'Parish Council Engagement Sessions', 'Listening, responding and being accountable'),
    commitment(3, '2.2', 'CCTV review', 'Community Safety and Prevention in Partnership')
  ];
  const update = buildPlanUpdate({
    plan,
    commitments,
    asAt: '2024-02-05',
    period: { from: '2023-11-01', to: '2024-01-31' },
    updates: [
      { recommendationId: 1, at: '2024-01-15T10:00:00Z', author: 'OPCC', text: 'Formally opened in January 2024.', lifecycle: 'Being progressed' },
      { recommendationId: 3, at: '2023-09-01T10:00:00Z', author: 'OPCC', text: 'Review commissioned.', lifecycle: 'Being progressed' }
    ],
    actions: [
      { recommendationId: 2, ref: '3.2.1', text: 'Road safety online event', lifecycle: 'Being progressed', due: { kind: 'date', original: '2024-02-29', current: '2024-02-29', raw: 'February 2024', revisions: [] } },
      { recommendationId: 2, ref: '3.2.0', text: 'Held already', lifecycle: 'Closed by the force', due: { kind: 'date', original: '2024-03-31', current: '2024-03-31', raw: 'March 2024', revisions: [] } }
    ]
  });

  it('groups commitments by key principle, numbered as the PCC update is', () => {
    expect(update.periodLabel).toBe('February 2024');
    expect(update.principles.map((p) => [p.number, p.name, p.commitments.map((c) => `${c.number} ${c.text}`)])).toEqual([
      [2, 'Community Safety and Prevention in Partnership', ["2.1.1 'The Happening'", '2.1.2 CCTV review']],
      [3, 'Listening, responding and being accountable', ['3.1.1 Parish Council Engagement Sessions']]
    ]);
  });

  it('reports activity in the quarter, the latest progress otherwise, and open planned events after it', () => {
    const [community, listening] = update.principles;
    expect(community.commitments[0].activity).toEqual([{ date: '2024-01-15', precision: 'day', author: 'OPCC', text: 'Formally opened in January 2024.' }]);
    expect(community.commitments[1].activity).toEqual([]);
    expect(community.commitments[1].latest).toBe('Review commissioned.');
    expect(listening.planned).toEqual([{ ref: '3.2.1', text: 'Road safety online event', when: 'February 2024' }]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => buildPlanUpdate({ plan, commitments, asAt: '2024-02-05', period: { from: '2024-02-01', to: '2024-01-01' } })).toThrow(RangeError);
  });
});
