/**
 * Issuing committee papers against the stand-in, with the real PnPjs and the demo data: two papers
 * a quarter apart with changes between; the issued files never change afterwards; the Word
 * document read back (mammoth) matches the demo data.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { DEMO_RAG_POLICY, seedDemo } from '../../src/import/demo';
import { nodeSp } from '../../src/data/node';
import { formatUkDate } from '../../src/core/dates';
import type { IsoDate, OriginatingReport, Recommendation } from '../../src/core/model';
import { scopeCounts, scopeSentence } from '../../src/core/scope';
import { isClosed, isOpen, trafficLight } from '../../src/core/status';
import { approveClosure, requestClosure, setManualRed } from '../../src/core/transitions';
import { createTrackerData } from '../../src/data';
import type { Stored, TrackerData } from '../../src/data';
import { PaperAlreadyIssuedError, issueCommitteePaper, listIssuedPapers, prepareCommitteePaper } from '../../src/paper/issue';
import type { IssuedPaper } from '../../src/paper/issue';
import { PAPER_STRINGS } from '../../src/paper/strings';
import { startStandin } from '../../src/standin/server';
import type { Standin } from '../../src/standin/server';

const COMMITTEE = 'Police Performance and Resource Management Sub Committee';
const FIRST: IsoDate = '2017-11-23';
const SECOND: IsoDate = '2018-02-22';

const colTitles = new Set(
  (JSON.parse(readFileSync(join(__dirname, '../../data/demo/city-of-london-recommendations.json'), 'utf8')) as { reports: { title: string }[] }).reports.map((r) => r.title)
);

let server: Standin;
let data: TrackerData;
let reports: Stored<OriginatingReport>[];
let reportIds: number[];
let first: IssuedPaper;
let second: IssuedPaper;
let firstBytes: { docx: Buffer; html: Buffer; snapshot: Buffer };
let secondBytes: { docx: Buffer; html: Buffer; snapshot: Buffer };
const touched: { closedSoon?: number; completed?: number; manualRed?: number; commented?: number } = {};

async function readFiles(paper: IssuedPaper): Promise<{ docx: Buffer; html: Buffer; snapshot: Buffer }> {
  const read = async (url: string): Promise<Buffer> => Buffer.from(await data.papers.read(url));
  return { docx: await read(paper.files.docx.serverRelativeUrl), html: await read(paper.files.html.serverRelativeUrl), snapshot: await read(paper.files.snapshot.serverRelativeUrl) };
}

/** The files' SHA-256 digests: equal digests, equal bytes. */
function digests(files: { docx: Buffer; html: Buffer; snapshot: Buffer }): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, `${v.length} bytes, sha256 ${createHash('sha256').update(v).digest('hex')}`]));
}

async function colRecommendations(): Promise<Stored<Recommendation>[]> {
  return (await data.recommendations.all()).filter((s) => s.value.reportId !== undefined && reportIds.includes(s.value.reportId));
}

/** Open force items, AMBER on both paper dates: their colour moves only when someone acts. */
function steadyAmber(recs: Stored<Recommendation>[]): Stored<Recommendation>[] {
  return recs.filter((s) => s.value.appliesTo === 'Force' && isOpen(s.value.lifecycle) && trafficLight(s.value, FIRST, DEMO_RAG_POLICY) === 'AMBER' && trafficLight(s.value, SECOND, DEMO_RAG_POLICY) === 'AMBER');
}

async function save(id: number, change: (rec: Recommendation) => Recommendation): Promise<void> {
  const stored = await data.recommendations.get(id);
  await data.recommendations.update(stored, change(stored.value));
}

beforeAll(async () => {
  server = await startStandin({ port: 0 });
  const sp = nodeSp(server.siteUrl, { user: 'admin' });
  await seedDemo(sp);
  data = createTrackerData(sp);
  reports = (await data.reports.all()).filter((r) => colTitles.has(r.value.title));
  reportIds = reports.map((r) => r.id);

  first = await issueCommitteePaper(data, { asAt: FIRST, committee: COMMITTEE, selection: { reportIds }, issuedAt: '2017-11-23T17:00:00Z', issuedBy: 'Strategic Development' });
  firstBytes = await readFiles(first);

  // The quarter between: one item completed, one closed, one set RED by hand, one only commented on.
  const [completed, closedSoon, manualRed, commented] = steadyAmber(await colRecommendations());
  Object.assign(touched, { completed: completed.id, closedSoon: closedSoon.id, manualRed: manualRed.id, commented: commented.id });
  await save(completed.id, (r) => requestClosure(r, { by: 'Strategic Development Analyst', at: '2017-12-12T10:00:00Z', evidence: 'Action plan delivered and published.' }));
  await save(closedSoon.id, (r) =>
    approveClosure(requestClosure(r, { by: 'Strategic Development Analyst', at: '2018-01-08T10:00:00Z', evidence: 'Audit confirms implementation.' }), {
      by: 'Chief of Staff',
      at: '2018-01-15T10:00:00Z',
      outcome: 'closed'
    })
  );
  await save(manualRed.id, (r) => setManualRed(r, { by: 'Chief of Staff', at: '2018-02-01T10:00:00Z', rationale: 'Depends on a national IT system that will not be delivered.' }));
  await data.updates.add({ recommendationId: commented.id, at: '2018-02-05T09:00:00Z', author: 'Head of Crime', text: 'Training has been scheduled for March.', lifecycle: 'Being progressed' });

  second = await issueCommitteePaper(data, { asAt: SECOND, committee: COMMITTEE, selection: { reportIds }, issuedAt: '2018-02-22T17:00:00Z', issuedBy: 'Strategic Development' });
  secondBytes = await readFiles(second);
}, 300000);

afterAll(async () => {
  await server?.close();
});

describe('two papers a quarter apart', () => {
  it('stores the document, the page and the snapshot of each in the Committee Papers library', async () => {
    const files = await data.papers.list();
    const names = files.map((f) => `${f.paperDate} ${f.kind} ${f.name}`).sort();
    expect(names).toEqual([
      '2017-11-23 Paper 2017-11-23-police-performance-and-resource-management-sub-committee.docx',
      '2017-11-23 Paper 2017-11-23-police-performance-and-resource-management-sub-committee.html',
      '2017-11-23 Snapshot 2017-11-23-police-performance-and-resource-management-sub-committee.snapshot.json',
      '2018-02-22 Paper 2018-02-22-police-performance-and-resource-management-sub-committee.docx',
      '2018-02-22 Paper 2018-02-22-police-performance-and-resource-management-sub-committee.html',
      '2018-02-22 Snapshot 2018-02-22-police-performance-and-resource-management-sub-committee.snapshot.json'
    ]);
    // No paper was issued before the first: the statuses the source recorded on its date stand for it.
    expect(first.paper.comparedWith).toEqual({ kind: 'source', date: '2017-11-16' });
    expect(second.paper.comparedWith).toEqual({ kind: 'paper', paperId: first.snapshot.paperId, title: first.snapshot.title, asAt: FIRST });
    expect(JSON.parse(secondBytes.snapshot.toString('utf8'))).toEqual(second.snapshot);
  });

  it('marks exactly the changed items NEW and the closed one CLOSED', async () => {
    const now = await colRecommendations();
    // Changed by someone, or turned RED by the calendar: due on or after the first paper, before the second.
    const turnedRedByDate = now.filter((s) => isOpen(s.value.lifecycle) && trafficLight(s.value, FIRST, DEMO_RAG_POLICY) !== 'RED' && trafficLight(s.value, SECOND, DEMO_RAG_POLICY) === 'RED' && s.id !== touched.manualRed);
    const expectedNew = [touched.completed, touched.manualRed, ...turnedRedByDate.map((s) => s.id)].sort();
    const marked = second.paper.sections.flatMap((s) => s.rows);
    expect(marked.filter((r) => r.marker === 'NEW').map((r) => r.recommendationId).sort()).toEqual(expectedNew);
    expect(marked.filter((r) => r.marker === 'CLOSED').map((r) => r.recommendationId)).toEqual([touched.closedSoon]);
    expect(marked.find((r) => r.recommendationId === touched.commented)?.marker).toBeNull();
    expect(marked.find((r) => r.recommendationId === touched.commented)?.comment).toBe('Training has been scheduled for March.');
    expect(second.paper.redItems.find((r) => r.key === `id:${touched.manualRed}`)?.rationale.reason).toBe('Cannot / will not be implemented: Depends on a national IT system that will not be delivered.');
  });

  it('has markers that agree with the items’ histories', async () => {
    const byId = new Map((await colRecommendations()).map((s) => [s.id, s.value]));
    for (const row of second.paper.sections.flatMap((s) => s.rows)) {
      const rec = byId.get(row.recommendationId ?? -1);
      if (!rec) throw new Error(`Row ${row.ref} is not in the register`);
      const changedInQuarter = rec.history.filter((h) => h.at > `${FIRST}T23:59:59Z` && h.at <= `${SECOND}T23:59:59Z`);
      if (row.marker === 'CLOSED') expect(changedInQuarter.some((h) => isClosed(h.lifecycle))).toBe(true);
      if (row.marker === 'NEW' && changedInQuarter.length === 0) {
        // No recorded change: only the calendar can have moved it (RED once past its due date).
        expect([trafficLight(rec, FIRST, DEMO_RAG_POLICY), trafficLight(rec, SECOND, DEMO_RAG_POLICY)]).toEqual(['AMBER', 'RED']);
      }
      if (row.marker === null) expect(changedInQuarter.filter((h) => h.lifecycle !== rec.lifecycle)).toEqual([]);
    }
  });

  it('never changes an issued paper: editing an item afterwards leaves both files byte for byte', async () => {
    await save(touched.completed ?? -1, (r) => ({ ...r, text: `${r.text} (edited after the papers were issued)`, latestComment: 'Edited later.' }));
    // The edit is real: a paper prepared now says it, the issued ones do not.
    const now = await prepareCommitteePaper(data, { asAt: SECOND, committee: COMMITTEE, selection: { reportIds } });
    expect(now.sections.flatMap((s) => s.rows).find((r) => r.recommendationId === touched.completed)?.text).toMatch(/\(edited after the papers were issued\)$/);
    expect(digests(await readFiles(first))).toEqual(digests(firstBytes));
    expect(digests(await readFiles(second))).toEqual(digests(secondBytes));
    await expect(issueCommitteePaper(data, { asAt: SECOND, committee: COMMITTEE, selection: { reportIds }, issuedAt: '2018-02-23T09:00:00Z', issuedBy: 'Analyst' })).rejects.toThrow(PaperAlreadyIssuedError);
    expect(digests(await readFiles(second))).toEqual(digests(secondBytes));
  });
});

describe('choosing the previous paper', () => {
  it('lists the issued papers, newest first, and compares with the one chosen', async () => {
    const issued = await listIssuedPapers(data, COMMITTEE);
    expect(issued.map((p) => [p.paperId, p.paperDate, p.files.map((f) => f.name.slice(p.paperId.length)).sort()])).toEqual([
      [second.snapshot.paperId, SECOND, ['.docx', '.html', '.snapshot.json']],
      [first.snapshot.paperId, FIRST, ['.docx', '.html', '.snapshot.json']]
    ]);
    const again = await prepareCommitteePaper(data, { asAt: SECOND, committee: COMMITTEE, selection: { reportIds }, baseline: { kind: 'issued', paperId: first.snapshot.paperId } });
    expect(again.summary.changes).toEqual(second.paper.summary.changes);
    await expect(prepareCommitteePaper(data, { asAt: FIRST, selection: { reportIds }, baseline: { kind: 'issued', paperId: second.snapshot.paperId } })).rejects.toThrow('is not earlier than');
    await expect(prepareCommitteePaper(data, { asAt: SECOND, baseline: { kind: 'issued', paperId: 'no-such-paper' } })).rejects.toThrow("There is no issued paper 'no-such-paper'");
  });
});

describe('an interrupted issue', () => {
  it('leaves the partial file alone, issues under a fresh name, and compares with the last complete paper', async () => {
    const date: IsoDate = '2018-05-24';
    const stem = `${date}-police-performance-and-resource-management-sub-committee`;
    // What an attempt cut off after its first file leaves behind: a document without a snapshot.
    await data.papers.add({ name: `${stem}.docx`, kind: 'Paper', paperDate: date, committee: COMMITTEE, content: 'partial' });
    const third = await issueCommitteePaper(data, { asAt: date, committee: COMMITTEE, selection: { reportIds }, issuedAt: '2018-05-24T17:00:00Z', issuedBy: 'Strategic Development' });
    expect(third.snapshot.paperId).toBe(`${stem}-2`);
    expect(third.paper.comparedWith).toMatchObject({ kind: 'paper', paperId: second.snapshot.paperId });
    expect(Buffer.from(await data.papers.read(`/sites/tracker/CommitteePapers/${stem}.docx`)).toString('utf8')).toBe('partial');
    expect((await listIssuedPapers(data, COMMITTEE)).map((p) => p.paperId)).toEqual([`${stem}-2`, second.snapshot.paperId, first.snapshot.paperId]);
  });
});

describe('the issued Word document, read back', () => {
  let html = '';
  let text = '';
  beforeAll(async () => {
    html = (await mammoth.convertToHtml({ buffer: secondBytes.docx })).value;
    text = (await mammoth.extractRawText({ buffer: secondBytes.docx })).value;
  });

  it('has a heading per City of London report, newest first', () => {
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'"));
    const reportHeadings = headings.filter((h) => colTitles.has(h));
    const expected = [...reports]
      .map((r) => ({ ...r.value, id: r.id }))
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || (a.id ?? 0) - (b.id ?? 0))
      .map((r) => r.title);
    expect(reportHeadings).toEqual(expected);
  });

  it('prints each report’s scope sentence from the demo data, counting what a report made beyond the register', async () => {
    const recs = (await colRecommendations()).map((s) => s.value);
    for (const report of reports) {
      const counts = scopeCounts(recs.filter((r) => r.reportId === report.id));
      const inEitherNoun = (sentence: string): RegExp => new RegExp(sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/recommendations?/, '(recommendations?|actions?)'));
      if ((report.value.made ?? 0) <= counts.total) expect(text).toMatch(inEitherNoun(scopeSentence(counts)));
      // Counted as the source counts them: some of its reports count "actions".
      else expect(text).toMatch(new RegExp(`There are ${report.value.made} (recommendations|actions)`));
    }
  });

  it('has a table row per open item: its ref, text, status, due date and latest comment', async () => {
    const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
    const rows = [...new JSDOM(html).window.document.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => squash([...td.querySelectorAll('p, li')].map((p) => p.textContent ?? '').join(' ')))
    );
    // The item edited after issue is left out: the issued paper rightly shows its earlier text.
    const open = (await colRecommendations()).filter((s) => (!isClosed(s.value.lifecycle) || s.id === touched.closedSoon) && s.id !== touched.completed);
    expect(open.length).toBeGreaterThan(30);
    for (const { id, value: rec } of open) {
      const row = second.paper.sections.flatMap((s) => s.rows).find((r) => r.recommendationId === id);
      // Bullet lines are printed as a list: the bullet is the list's, not the text's.
      const printed = rows.find((cells) => cells.length === 5 && cells[0] === rec.ref && cells[1] === squash(`${rec.kind} ${rec.text.replace(/^[•\-–*]\s+/gm, '')}`));
      expect(row).toBeDefined();
      expect(printed).toBeDefined();
      const note = row?.colourNote ?? null;
      expect(printed?.[2]).toBe(squash(`${row?.statusLabel ?? ''} ${note ? PAPER_STRINGS.sourceRecorded(note.recordedLabel, note.recordedOn) : ''}`));
      expect(printed?.[3]).toBe(squash(row?.due.nowDue ? `Original: ${row.due.original} Now due: ${row.due.nowDue}` : (row?.due.original ?? '')));
      const why = note ? PAPER_STRINGS.colourWhy(note.recordedLabel, note.recordedOn, row?.trafficLight ?? '', note.reason) : '';
      expect(printed?.[4]).toBe(squash(`${(row?.comment ?? '').replace(/^[•\-–*]\s+/gm, '')} ${row?.commentDate ? `Updated ${formatUkDate(row.commentDate)}` : ''} ${row?.redRationale?.overdue ?? ''} ${why}`));
    }
    const closed = second.paper.sections.flatMap((s) => s.rows).find((r) => r.marker === 'CLOSED');
    expect(closed?.statusLabel).toBe('NEW CLOSED');
    expect(text).toContain('NEW CLOSED');
    expect(text).toContain('Appendix: closed items');
  });
});
