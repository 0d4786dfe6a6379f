/**
 * Golden test: City of London Police's committee paper of 16 November 2017 (the seed
 * `city-of-london-hmicfrs-recommendations-rag-2017.txt`), regenerated from the register.
 *
 * The demo transcription of the paper is imported into the stand-in through the real importer and
 * PnPjs, the site measures RED against the original deadline as the committee does, and the paper
 * is built as at the paper's date. Every expected value below was copied by hand from the seed
 * text, not computed: the status cell (colour and NEW / CLOSED marker), the due date cell as
 * printed, the opening words of the comment, each report's by-line, publication line and scope
 * sentence, and the counts.
 *
 * Where the seed's table has a cell that spans rows (the due date of the three Stop and Search
 * enhancements, the comment of Living in fear 8 to 11), each row carries the spanned text.
 */
import { JSDOM } from 'jsdom';
import { DEMO_RAG_POLICY, planDemoFile, readDemoPeople } from '../../src/import/demo';
import type { CommitteePaper, PaperRow } from '../../src/core/paper';
import { dueText } from '../../src/core/paper';
import { formatPreview, plannedColourDifferences } from '../../src/core/import';
import { trafficLight } from '../../src/core/status';
import type { TrackerData } from '../../src/data';
import { prepareCommitteePaper } from '../../src/paper/issue';
import type { Standin } from '../../src/standin/server';
import { importedDemoSite, reportFile } from './golden.support';

const PAPER_DATE = '2017-11-16';

/** One row of the seed's tables: ref, Status cell, Due Date cell, the Comment's opening words. */
type Row = [ref: string, status: string, due: string, comment: string];

interface Section {
  title: string;
  byLine: string;
  published: string;
  scope: string;
  rows: Row[];
  /** Numbered actions printed under a recommendation, by its ref. */
  actions?: Record<string, Row[]>;
}

const THIS_REPORT_14 = 'This report was published on the 14th November 2017.';
const THIS_REPORT_9 = 'This report was published on the 9 th November 2017.';
const ASSIGN_DEADLINE = 'The Force will assign a deadline as part of the action plan';
const NPCC = 'All reccs 8-11 awaiting national NPCC decision.';
const PENDING_NPCC = 'No deadline set by HMICFRS - force to determine its own deadlines pending NPCC decision';
const STOP_SEARCH_DUE = 'April 2017 [Original internal deadline] Now Due: January 2018';
const STOP_SEARCH_COMMENT = 'The force has accepted HMICs suggested enhancements';

/** The seed's reports, newest first as the paper orders them, and within a month as the paper does. */
const SEED: Section[] = [
  {
    title: 'A progress report on the police response to domestic abuse',
    byLine: 'A national report by HMICFRS',
    published: 'Published November 2017',
    scope: 'There are 9 recommendations, 1 of which is national and 8 apply to force these are being progressed.',
    rows: [
      ['1', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['2', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['3', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['4', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['5', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['6', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['7', 'WHITE', 'No deadline set by HMICFRS', 'This action is for the National Oversight Group.'],
      ['8', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_14],
      ['9', 'AMBER', 'April 2018', THIS_REPORT_14]
    ]
  },
  {
    title: 'PEEL: Police Efficiency – National',
    byLine: 'A force report by HMICFRS',
    published: 'Published November 2017',
    scope: 'There is 1 recommendation and this applies to the force.',
    rows: [['1', 'AMBER', 'September 2018', THIS_REPORT_9]]
  },
  {
    title: 'PEEL: Police Efficiency [including leadership] 2017 - COLP',
    byLine: 'A force report by HMICFRS',
    published: 'Published November 2017',
    scope: 'There are 4 recommendations which apply to force, these are to be progressed.',
    rows: [
      ['1', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_9],
      ['2', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_9],
      ['3', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_9],
      ['4', 'AMBER', 'No deadline set by HMICFRS', THIS_REPORT_9]
    ]
  },
  {
    title: 'Stolen freedom: the policing response to modern slavery and human trafficking',
    byLine: 'A national report by HMICFRS',
    published: 'Published October 2017',
    scope: 'There are 11 recommendations; 7 of which apply to force, these are to be progressed.',
    rows: [
      ['1', 'WHITE', 'April 2018', 'This action is for the National Crime Agency and Regional Organised Crime'],
      ['2', 'AMBER', 'October 2018', 'The Force SPOC for Modern Slavery and Human Trafficking has received'],
      ['3', 'WHITE', 'April 2018', 'This action is for the National Crime Agency.'],
      ['4', 'AMBER', 'April 2018', 'An action plan is currently being considered.'],
      ['5', 'AMBER', '', ASSIGN_DEADLINE],
      ['6', 'AMBER', '', ASSIGN_DEADLINE],
      ['7', 'AMBER', '', ASSIGN_DEADLINE],
      ['8', 'AMBER', '', ASSIGN_DEADLINE],
      ['9', 'AMBER', '', ASSIGN_DEADLINE],
      ['10', 'WHITE', 'October 2018', 'This action is for the College of Policing.'],
      ['11', 'WHITE', 'October 2018', 'This action is for the College of Policing.']
    ]
  },
  {
    title: 'Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases',
    byLine: 'A joint national report by HMCPSi and HMICFRS',
    published: 'Published July 2017',
    scope: 'There are 9 recommendations; 5 of which apply to force, 1 is complete and 4 to be progressed.',
    rows: [
      ['1', 'AMBER', 'January 2018', 'At the October 2017 meeting of the London Criminal Justice Board'],
      ['4', 'AMBER', 'January 2018', 'The force has gone live with the Niche system'],
      ['6', 'NEW GREEN', 'January 2018', 'The Disclosure Champion has been nominated'],
      ['8', 'AMBER', 'July 2018', 'A meeting was scheduled with the CPS'],
      // The seed leaves this comment cell empty: the owner has given no word, which the paper states.
      ['9', 'AMBER', 'January 2018', 'Awaiting update']
    ]
  },
  {
    title: 'Living in fear - the police and CPS response to harassment and stalking',
    byLine: 'A joint national report by HMCPSi and HMIC',
    published: 'Published July 2017',
    scope: 'There are 22 recommendations; 4 of which apply to force.',
    rows: [
      ['8', 'WHITE', 'Immediate', NPCC],
      ['9', 'WHITE', PENDING_NPCC, NPCC],
      ['10', 'WHITE', PENDING_NPCC, NPCC],
      ['11', 'WHITE', PENDING_NPCC, NPCC]
    ]
  },
  {
    title: 'PEEL: Police Effectiveness 2016',
    byLine: 'A Force report by HMIC',
    published: 'Published March 2017',
    scope: 'There are a total of 13 actions for the force. 6 are complete and 7 in progress',
    rows: [
      ['7', 'NEW GREEN', 'Sept 17 [internal deadline]', 'The force has engaged with Durham, Merseyside and Essex'],
      ['8', 'NEW GREEN', 'Sept 17 [internal deadline]', 'Processes are in place for new operations'],
      ['9', 'NEW GREEN', 'Sept 17 [internal deadline]', 'The force uses a strategic threat assessment process and MoRiLE'],
      ['10', 'NEW RED', 'Sept 17 [original internal deadline] Now due: January 2018 and June 2018', 'The role of lead responsible officer [LRO] has been raised'],
      ['11', 'NEW GREEN', 'Sept 17 [internal deadline]', "A position paper has been agreed by the force's NPCC team"],
      ['12', 'NEW RED', 'Sept 17 [Original internal deadline] Now due: March 2018', 'The roles and responsibilities of Lead Responsible Officer'],
      ['13', 'NEW GREEN', 'Sept 17 [internal deadline]', 'Regular penetration testing is now conducted']
    ]
  },
  {
    title: 'Best Use of Stop and Search Scheme revisit 2016',
    byLine: 'A Force report by HMIC',
    published: 'Published February 2017',
    scope:
      "HMIC reported that following a revisit in November 2016 they found that the force was compliant with the Best Use of Stop and Search scheme having previously failed on 2 requirements.\nHMIC further advised that the force's monitoring and analysis could be further enhanced and these suggestions have been accepted and are reported below.\nTotal of 3 actions: relevant to the City of London Police and in progress.",
    rows: [
      ['1', 'RED', STOP_SEARCH_DUE, STOP_SEARCH_COMMENT],
      ['2', 'RED', STOP_SEARCH_DUE, STOP_SEARCH_COMMENT],
      ['3', 'RED', STOP_SEARCH_DUE, STOP_SEARCH_COMMENT]
    ]
  },
  {
    title: 'PEEL: Police Legitimacy 2016 – National',
    byLine: 'A National report by HMIC',
    published: 'Published December 2016',
    scope: 'Total of 3 actions are relevant to the City of London Police, 2 are complete and 1 is in progress.',
    // The paper rates the recommendation by its parts (GREEN, AMBER); it is open while a part is. Its
    // own due date cell is empty: its deadlines are in its text ("Within six months", "Within two years").
    rows: [['1', 'AMBER', '', '']],
    actions: {
      '1': [
        ['1', 'GREEN', 'June 2017', 'The Head of Professional Standards confirms'],
        ['2', 'AMBER', 'December 2018', 'Vetting clearance is already embedded within recruitment']
      ]
    }
  },
  {
    title: 'PEEL: Police Legitimacy 2016 - CoLP',
    byLine: 'A Force report by HMIC',
    published: 'Published December 2016',
    scope:
      'Total of 5 actions: 0 are national and outside the remit of City of London Police.\n5 are relevant to the City of London Police, 2 are in progress (with an element of 1 now closed) and 3 are complete',
    rows: [
      ['1', 'NEW CLOSED', 'April 2017', 'Professional Standards implemented a questionnaire'],
      ['4', 'NEW GREEN', 'March 2017', 'The force has undertaken a staff survey'],
      ['5', 'RED', 'Original deadline March 2017 Now due: February 2018', 'The force has established a Performance Development Action Plan']
    ],
    actions: {
      '1': [
        ['1.2', 'NEW GREEN', 'April 2017', 'CoL Procurement has been briefed'],
        ['1.3', 'NEW GREEN', 'Original: April 2017', 'Initial attempts to generate interest via the Community Bulletin'],
        ['1.4', 'NEW GREEN', 'April 2017', 'Fortnightly electronic Skyline news bulletin has been launched'],
        ['1.5', 'RED', 'Original: April 2017 Now due: February 2018', '2 designs for the force website have been produced'],
        ['1.6', 'NEW GREEN', 'April 2017', 'Twitter and Facebook activity took place between 24th April']
      ]
    }
  },
  {
    title: 'PEEL: Police Efficiency 2016 CoLP',
    byLine: 'A Force report by HMIC',
    published: 'Published November 2016',
    scope: 'Total of 5 actions: 0 are national and outside the remit of City of London Police.\n5 are relevant to the City of London Police, 4 are complete and 1 in progress.',
    rows: [['5', 'RED', 'March 2017 [Original Internal deadline] Now due April 2018', 'This work has been addressed in the Workforce Plan']]
  },
  {
    title: 'The tri-service review of the joint emergency services interoperability principles',
    byLine: 'A national report by HMIC',
    published: 'Published April 2016',
    scope: 'Total of 6 actions: 1 are national and outside the remit of City of London Police.\n5 are relevant to the City of London Police now complete',
    rows: [
      ['3', 'NEW GREEN', 'April 2017 [Internal deadline]', 'The force undertakes regular testing exercises.'],
      ['5', 'NEW GREEN', 'April 2017 [Internal deadline]', 'NCALT training packages and awareness are utilised']
    ]
  },
  {
    title: 'PEEL: Police efficiency 2015',
    byLine: 'An inspection of the City of London Police by HMIC',
    published: 'Published October 2015',
    scope: 'Total of 2 actions: 0 are national and outside the remit of City of London Police.\n2 were areas relevant to the City of London Police, 1 is still in progress.',
    rows: [['2', 'RED', 'March 2016 [Original Internal deadline] Now due: April 2018', 'An initial skills audit for the workforce has been undertaken']]
  },
  {
    title: "In harm's way: The role of the police in keeping children safe",
    byLine: 'A national report: Published July 2015, a joint inspection by HMIC and HMCPSi. The report highlights areas for attention and does not make specific recommendations',
    published: 'Published July 2015',
    scope: 'Actions for the City of London Police are now complete.',
    rows: [['1', 'NEW GREEN', 'February 2016 [Internal deadline]', 'A monthly report regarding the outcomes of juveniles']]
  }
];

/** The seed's RED items (eight recommendations, two of them NEW RED) and its one RED action. */
const SEED_RED = [
  ['PEEL: Police Effectiveness 2016', '10'],
  ['PEEL: Police Effectiveness 2016', '12'],
  ['Best Use of Stop and Search Scheme revisit 2016', '1'],
  ['Best Use of Stop and Search Scheme revisit 2016', '2'],
  ['Best Use of Stop and Search Scheme revisit 2016', '3'],
  ['PEEL: Police Legitimacy 2016 - CoLP', '5'],
  ['PEEL: Police Efficiency 2016 CoLP', '5'],
  ['PEEL: Police efficiency 2015', '2']
];


let server: Standin;
let data: TrackerData;
let paper: CommitteePaper;

function seen(row: Pick<PaperRow, 'ref' | 'statusLabel' | 'due'>, comment: string): Row {
  return [row.ref, row.statusLabel, dueText(row.due), comment];
}

/** The comment cut to the expected opening words, so a mismatch prints both. */
function opening(actual: string, expected: string): string {
  const flat = actual.replace(/\s+/g, ' ').trim();
  return expected === '' ? flat : flat.slice(0, expected.length);
}

beforeAll(async () => {
  ({ server, data } = await importedDemoSite('city-of-london-recommendations.json', PAPER_DATE));
  paper = await prepareCommitteePaper(data, { asAt: PAPER_DATE });
}, 120000);

afterAll(async () => {
  await server?.close();
});

describe('the City of London paper of 16 November 2017, regenerated', () => {
  it('has the seed’s reports, newest first, each with its by-line, publication line and scope sentence', () => {
    expect(paper.sections.map((s) => [s.title, s.byLine, s.publishedLine, s.scopeSentence])).toEqual(SEED.map((s) => [s.title, s.byLine, s.published, s.scope]));
  });

  it.each(SEED.map((s) => [s.title, s] as const))('%s: every row’s status, due date and comment as the seed prints them', (_title, section) => {
    const printed = paper.sections.find((s) => s.title === section.title);
    expect(printed?.rows.map((r, i) => seen(r, opening(r.comment, section.rows[i]?.[3] ?? '')))).toEqual(section.rows);
    for (const [ref, actions] of Object.entries(section.actions ?? {})) {
      const row = printed?.rows.find((r) => r.ref === ref);
      expect(row?.actions.map((a, i) => seen(a, opening(a.currentPosition, actions[i]?.[3] ?? '')))).toEqual(actions);
    }
  });

  it('counts 53 recommendations and 7 actions: 8 RED, 9 WHITE, 25 AMBER, 11 GREEN (one closed); 12 NEW and 1 NEW CLOSED', () => {
    expect(paper.sections.flatMap((s) => s.rows)).toHaveLength(53);
    expect(paper.sections.flatMap((s) => s.rows.flatMap((r) => r.actions))).toHaveLength(7);
    expect(paper.summary).toMatchObject({ total: 53, open: 52, closed: 1, newCount: 12, closedSinceCount: 1, byTrafficLight: { RED: 8, WHITE: 9, AMBER: 25, GREEN: 11 } });
    expect(paper.redItems.map((r) => [r.reportTitle, r.ref])).toEqual(SEED_RED);
  });

  it('on the source’s date prints the register’s count beside the source’s sentence only where they differ; later, the register’s own, counting what each report made in the source’s noun', async () => {
    const beside = paper.sections.filter((s) => s.registerScopeSentence !== null).map((s) => [s.title, s.registerScopeSentence]);
    expect(beside).toEqual([
      // The seed's sentence says 6 complete and 7 in progress; its table shows five of the seven GREEN.
      ['PEEL: Police Effectiveness 2016', 'There are 13 actions which apply to force, 11 are complete and 2 to be progressed.'],
      // The seed counts #1 in progress "with an element of 1 now closed"; its table marks it NEW CLOSED.
      ['PEEL: Police Legitimacy 2016 - CoLP', 'There are 5 actions which apply to force, 4 are complete and 1 to be progressed.']
    ]);
    const later = await prepareCommitteePaper(data, { asAt: '2018-02-22' });
    const sentence = (title: string): string | undefined => later.sections.find((s) => s.title === title)?.scopeSentence;
    expect(sentence('Living in fear - the police and CPS response to harassment and stalking')).toBe('There are 22 recommendations; 18 of which are national and 4 apply to force, these are to be progressed.');
    expect(sentence('Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases')).toBe('There are 9 recommendations; 4 of which are national and 5 apply to force, 1 is complete and 4 to be progressed.');
    expect(sentence('PEEL: Police Effectiveness 2016')).toBe('There are 13 actions which apply to force, 11 are complete and 2 to be progressed.');
  });

  it('keeps Living in fear 8 to 11 open and WHITE: the force’s own, waiting on an NPCC decision', async () => {
    const reports = await data.reports.all();
    const living = reports.find((r) => r.value.title.startsWith('Living in fear'));
    const recs = (await data.recommendations.byReport(living?.id ?? -1)).map((s) => s.value);
    expect(recs.map((r) => [r.ref, r.lifecycle, r.appliesTo, r.dependsOn, trafficLight(r, PAPER_DATE, DEMO_RAG_POLICY)])).toEqual(
      ['8', '9', '10', '11'].map((ref) => [ref, 'Being progressed', 'Force', 'NPCC', 'WHITE'])
    );
    expect(living?.value).toMatchObject({ made: 22, madeForForce: 4, byLine: 'A joint national report by HMCPSi and HMIC', publishedPrecision: 'month', published: '2017-07-01' });
  });

  it('dates the history by the paper, not the import: compared with 1 August 2017 it marks what the paper marked', async () => {
    const since = await prepareCommitteePaper(data, { asAt: PAPER_DATE, baseline: { kind: 'date', date: '2017-08-01' } });
    expect(since.summary).toMatchObject({ newCount: 12, closedSinceCount: 1 });
    expect(since.sections.flatMap((s) => s.rows.map((r) => r.statusLabel))).toEqual(paper.sections.flatMap((s) => s.rows.map((r) => r.statusLabel)));
  });

  it('lists in the import preview the items whose colour will differ from the seed’s: none under the committee’s rule, the eight revised items and action 1.5 under the current-deadline rule', async () => {
    const plan = await planDemoFile('city-of-london-recommendations.json', await readDemoPeople());
    expect(plannedColourDifferences(plan, DEMO_RAG_POLICY)).toEqual([]);
    expect(formatPreview(plan, { policy: DEMO_RAG_POLICY })).toContain('Colours: every item the source gives a colour will show that colour.');
    const current = plannedColourDifferences(plan, { overdueAgainst: 'current' });
    expect(current.map((d) => `${d.reportTitle} ${d.ref}: ${d.recorded.label} → ${d.derived}`)).toEqual([
      'PEEL: Police Effectiveness 2016 10: NEW RED → AMBER',
      'PEEL: Police Effectiveness 2016 12: NEW RED → AMBER',
      'Best Use of Stop and Search Scheme revisit 2016 1: RED → AMBER',
      'Best Use of Stop and Search Scheme revisit 2016 2: RED → AMBER',
      'Best Use of Stop and Search Scheme revisit 2016 3: RED → AMBER',
      'PEEL: Police Legitimacy 2016 - CoLP 1 / 1.5: RED → AMBER',
      'PEEL: Police Legitimacy 2016 - CoLP 5: RED → AMBER',
      'PEEL: Police Efficiency 2016 CoLP 5: RED → AMBER',
      'PEEL: Police efficiency 2015 2: RED → AMBER'
    ]);
    expect(formatPreview(plan, { policy: { overdueAgainst: 'current' } })).toContain('Colours: 9 items will show a different colour from the source (both are kept and shown):');
  });

  it('keeps the item closed in the period in its report’s table, with its actions, and dates the closure by the paper', () => {
    expect(paper.closedItems.map((c) => [c.reportTitle, c.ref, c.closedOn])).toEqual([['PEEL: Police Legitimacy 2016 - CoLP', '1', PAPER_DATE]]);
  });

  it('gives each RED item the owner’s reason with how far past its original deadline it is', () => {
    const stopSearch = paper.redItems.find((r) => r.reportTitle.startsWith('Best Use of Stop and Search') && r.ref === '1');
    expect(stopSearch?.rationale.reason).toMatch(/^The force has accepted HMICs suggested enhancements/);
    expect(stopSearch?.rationale.overdue).toBe('200 days past its original deadline of 30 April 2017 (now due 31 January 2018).');
  });

  it('says in the legend that RED is measured against the original deadline, and shows no colour that differs from the seed’s', () => {
    expect(paper.ragPolicyStatement).toMatch(/^RED is measured against the original deadline/);
    const notes = paper.sections.flatMap((s) => s.rows.flatMap((r) => [r.colourNote, ...r.actions.map((a) => a.colourNote)]));
    expect(notes.filter((n) => n !== null)).toEqual([]);
  });

  it('under the current-deadline rule, shows the seed’s RED beside the derived AMBER, with the reason, for exactly the revised items', async () => {
    const current = await prepareCommitteePaper(data, { asAt: PAPER_DATE, ragPolicy: { overdueAgainst: 'current' } });
    const differing = current.sections.flatMap((s) =>
      s.rows.flatMap((r) => [r, ...r.actions].filter((x) => x.colourNote).map((x) => [s.title, x.ref, x.statusLabel, x.colourNote?.recordedLabel]))
    );
    expect(differing).toEqual([
      ['PEEL: Police Effectiveness 2016', '10', 'NEW AMBER', 'NEW RED'],
      ['PEEL: Police Effectiveness 2016', '12', 'NEW AMBER', 'NEW RED'],
      ['Best Use of Stop and Search Scheme revisit 2016', '1', 'AMBER', 'RED'],
      ['Best Use of Stop and Search Scheme revisit 2016', '2', 'AMBER', 'RED'],
      ['Best Use of Stop and Search Scheme revisit 2016', '3', 'AMBER', 'RED'],
      ['PEEL: Police Legitimacy 2016 - CoLP', '1.5', 'AMBER', 'RED'],
      ['PEEL: Police Legitimacy 2016 - CoLP', '5', 'AMBER', 'RED'],
      ['PEEL: Police Efficiency 2016 CoLP', '5', 'AMBER', 'RED'],
      ['PEEL: Police efficiency 2015', '2', 'AMBER', 'RED']
    ]);
    const row = current.sections.find((s) => s.title === 'PEEL: Police efficiency 2015')?.rows[0];
    expect(row?.colourNote).toEqual({ recordedLabel: 'RED', recordedOn: PAPER_DATE, reason: 'Ongoing work, due by 30 April 2018; its original deadline of 31 March 2016 has passed, which this site does not count as RED.' });
    expect(current.ragPolicyStatement).toMatch(/^RED is measured against the current deadline/);
  });

  it('prints the seed’s RED and NEW GREEN markers from `npm run report -- --format html --date 2017-11-16 --report …`', async () => {
    const reports = await data.reports.all();
    const ids = reports.filter((r) => ['PEEL: Police Effectiveness 2016', 'Best Use of Stop and Search Scheme revisit 2016'].includes(r.value.title)).map((r) => String(r.id));
    const html = await reportFile(['--format', 'html', '--site', server.siteUrl, '--date', PAPER_DATE, ...ids.flatMap((id) => ['--report', id])], 'paper.html');
    const doc = new JSDOM(html).window.document;
    const statuses = [...doc.querySelectorAll('table.items td.status')].map((td) => td.textContent);
    expect(statuses).toEqual(['NEW GREEN', 'NEW GREEN', 'NEW GREEN', 'NEW RED', 'NEW GREEN', 'NEW RED', 'NEW GREEN', 'RED', 'RED', 'RED']);
    expect(doc.querySelector('.policy')?.textContent).toMatch(/original deadline/);
  });
});
