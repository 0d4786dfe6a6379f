import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { buildCommitteePaper, buildPlanUpdate, parseSnapshot, serialiseSnapshot, snapshotOf } from '../../src/core/paper';
import type { CommitteePaper } from '../../src/core/paper';
import type { Recommendation } from '../../src/core/model';
import { renderPaperDocx, renderPlanUpdateDocx } from '../../src/paper/docx';
import { escapeHtml, renderPaperHtml, renderPlanUpdateHtml } from '../../src/paper/html';
import { renderPaperFile } from '../../src/paper/files';
import { PAPER_DATE, PREVIOUS_PAPER_DATE, REPORTS, UPDATES, currentRecommendations, previousRecommendations } from './paper-fixtures';

const COL_POLICY = { overdueAgainst: 'original' } as const;

function paperWith(recommendations: Recommendation[]): CommitteePaper {
  const previous = buildCommitteePaper({ reports: REPORTS, recommendations: previousRecommendations(), asAt: PREVIOUS_PAPER_DATE, ragPolicy: COL_POLICY });
  const snapshot = parseSnapshot(serialiseSnapshot(snapshotOf(previous, { paperId: 'q2', issuedAt: '2017-08-15T16:00:00Z', issuedBy: 'Analyst' })));
  return buildCommitteePaper({ reports: REPORTS, recommendations, updates: UPDATES, asAt: PAPER_DATE, baseline: { kind: 'snapshot', snapshot }, ragPolicy: COL_POLICY });
}

/** Parses an HTML document with jsdom. */
function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

/** A cell's text, its paragraphs joined by spaces. */
function cellText(cell: Element): string {
  const paras = [...cell.querySelectorAll('p')];
  const text = paras.length ? paras.map((p) => p.textContent ?? '').join(' ') : (cell.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Table rows of an HTML fragment as arrays of cell texts. */
function tableRows(html: string): string[][] {
  return [...parse(html).querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td,th')].map(cellText));
}

describe('committee paper as Word', () => {
  const paper = paperWith(currentRecommendations());
  let html = '';
  let text = '';

  beforeAll(async () => {
    const bytes = await renderPaperDocx(paper);
    const buffer = Buffer.from(bytes);
    html = (await mammoth.convertToHtml({ buffer })).value;
    text = (await mammoth.extractRawText({ buffer })).value;
  });

  it('has the title, a heading per report and the appendix headings', () => {
    const doc = parse(html);
    const headings = [...doc.querySelectorAll('h1,h2')].map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings).toEqual([
      'H1 Summary',
      'H2 Changes since the previous paper',
      'H1 Traffic light definitions',
      ...paper.sections.map((s) => `H2 ${s.title}`),
      'H1 RED items and their rationale',
      'H1 Appendix: closed items'
    ]);
    expect(text).toContain('HMICFRS Report Recommendations');
    expect(text).toContain('Position at 23 November 2017. NEW and CLOSED mark changes since the paper of 15 August 2017 (HMICFRS Report Recommendations).');
  });

  it('prints each report’s scope sentence and its table rows', () => {
    for (const s of paper.sections) expect(text).toContain(s.scopeSentence);
    const rows = tableRows(html);
    expect(rows).toContainEqual(['Ref', 'Recommendation', 'Status', 'Due date', 'Comment']);
    expect(rows).toContainEqual([
      '12',
      "Area for improvement The force should improve its understanding of the impact of its activity on serious and organised crime and ensure that it learns from experience to maximise the force's disruptive effect on this activity.",
      'NEW RED',
      'Sept 17 [Original internal deadline] Now due: March 2018',
      'Analysis to understand which tactics are having best effect has commenced and will be embedded by March 2018. Updated 25 July 2017 54 days past its original deadline of 30 September 2017 (now due 31 March 2018).'
    ]);
    expect(rows).toContainEqual(expect.arrayContaining(['1', 'NEW CLOSED', 'April 2017']));
    expect(rows).toContainEqual(['8', 'Recommendation Chief constables should stop the use of Police Information Notices and their equivalents immediately.', 'WHITE', 'Immediate', 'All reccs 8-11 awaiting national NPCC decision. Updated 25 July 2017']);
  });

  it('lists what changed, and what the previous paper had that this one has not', async () => {
    const rows = tableRows(html);
    expect(rows).toContainEqual(['PEEL: Police Effectiveness 2016', '10', 'AMBER', 'NEW RED']);
    const without = paperWith(currentRecommendations().filter((r) => r.id !== 104));
    const text2 = (await mammoth.extractRawText({ buffer: Buffer.from(await renderPaperDocx(without)) })).value;
    expect(text2).toContain('1 item of the previous paper no longer reported.');
    const html2 = (await mammoth.convertToHtml({ buffer: Buffer.from(await renderPaperDocx(without)) })).value;
    expect(tableRows(html2)).toContainEqual(['Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases', '4', 'AMBER', 'no longer reported']);
  });

  it('keeps multi-paragraph comments as paragraphs', () => {
    expect(html).toContain('<p>The force has established a Performance Development Action Plan with a timeline for delivery of February 2018.</p><p>Progress is reported monthly to the Strategic Management Board.</p><p><em>Updated 10 November 2017</em></p>');
  });

  it('lists RED rationales and closed items', () => {
    const rows = tableRows(html);
    expect(rows).toContainEqual([
      'PEEL: Police Effectiveness 2016',
      '10',
      expect.stringContaining('4P framework') as string,
      'Sept 17 [original internal deadline]',
      'The role of lead responsible officer [LRO] has been raised to a minimum level of Inspector rank.',
      '54 days past its deadline of 30 September 2017.'
    ]);
    expect(rows).toContainEqual(["In harm's way: The role of the police in keeping children safe", '1', expect.any(String) as string, 'Closed by the force', '1 March 2016', expect.any(String) as string]);
  });
});

describe('committee paper as HTML', () => {
  const hostile = currentRecommendations().map((r) =>
    r.id === 101 ? { ...r, text: '<script>alert(1)</script><img src=x onerror="alert(2)">', latestComment: '<b onclick="x()">bold</b> & "quoted"' } : r
  );
  const html = renderPaperHtml(paperWith(hostile));
  const doc = parse(html);

  it('escapes everything from the data: no script, element or handler gets through', () => {
    expect(doc.querySelectorAll('script, img, b').length).toBe(0);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(doc.body.textContent).toContain('<b onclick="x()">bold</b> & "quoted"');
  });

  it('has the same sections, scope sentences and statuses as the Word version', () => {
    const paper = paperWith(hostile);
    expect([...doc.querySelectorAll('section.report h2')].map((h) => h.textContent)).toEqual(paper.sections.map((s) => s.title));
    expect([...doc.querySelectorAll('p.scope')].map((p) => p.textContent)).toEqual(paper.sections.map((s) => s.scopeSentence));
    const statuses = [...doc.querySelectorAll('table.items tr.item td.status')].map((td) => td.textContent);
    expect(statuses).toEqual(paper.sections.flatMap((s) => s.rows.map((r) => r.statusLabel)));
    expect(doc.documentElement.lang).toBe('en-GB');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the paper as a file', () => {
  it('names the file by date and committee, with the right type', async () => {
    const paper = paperWith(currentRecommendations());
    const word = await renderPaperFile(paper, 'docx', 'Police Performance & Resource Management Sub-Committee');
    expect([word.name, word.mime]).toEqual(['2017-11-23-police-performance-resource-management-sub-committee.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(Buffer.from(word.content as Uint8Array).subarray(0, 2).toString('latin1')).toBe('PK');
    const page = await renderPaperFile(paper, 'html');
    expect([page.name, page.mime, page.content]).toEqual(['2017-11-23-hmicfrs-report-recommendations.html', 'text/html;charset=utf-8', renderPaperHtml(paper)]);
  });
});

describe('plan delivery update', () => {
  const update = buildPlanUpdate({
    plan: REPORTS[5],
    commitments: [
      {
        id: 1,
        reportId: 6,
        ref: '6.1.3',
        kind: 'Plan commitment',
        text: 'Improving 101 call response times',
        appliesTo: 'Force',
        acceptedForAction: true,
        causeOfConcernIds: [],
        lifecycle: 'Being progressed',
        due: { kind: 'none', original: null, current: null, raw: '', revisions: [] },
        reopenings: [],
        lastUpdated: null,
        history: [],
        keyPrinciple: 'Precept Commitments'
      }
    ],
    updates: [
      { recommendationId: 1, at: '2024-01-10T09:00:00Z', author: 'Force Control Room', text: 'The recruitment of call takers into the control room has been successful with the establishment of 90 FTE now reached.', lifecycle: 'Being progressed' }
    ],
    asAt: '2024-02-05',
    period: { from: '2023-11-01', to: '2024-01-31' }
  });

  it('renders numbered sections in Word', async () => {
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await renderPlanUpdateDocx(update)) })).value;
    expect(text).toContain('Police and Crime Plan Delivery Update');
    // The precept commitments are their own part after the key principles, not a principle.
    expect(text).toContain('2 Precept Commitments');
    expect(text).toContain('2.1 The PCC, in consultation with the Chief Constable, made a number of commitments');
    expect(text).toContain('2.1.1 Improving 101 call response times');
    expect(text).toContain('90 FTE now reached');
    expect(text).not.toContain('Activity in quarter');
    expect(text).not.toContain('Future planned activities/events');
  });

  it('renders the same in HTML', () => {
    const d = parse(renderPlanUpdateHtml(update));
    expect([...d.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['1 Commissioner’s update', '2 Precept Commitments']);
    expect(d.querySelector('.commitment')?.textContent).toContain('2.1.1 Improving 101 call response times');
  });
});
