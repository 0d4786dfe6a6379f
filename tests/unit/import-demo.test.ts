/**
 * The demo data files against the seeds they transcribe: every report and recommendation of the
 * City of London paper, every reference number of the Lincolnshire OCR text, every numbered
 * paragraph of the PCC's update; every timescale dated or flagged; owners mapped to role accounts.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePeopleTable, parseRawDocument, planDocument, type ImportPlan } from '../../src/core/import';
import { DEMO_DATA_DIR, planDemoFile, readDemoPeople } from '../../src/import/demo';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const seed = (f: string): string => readFileSync(join(SEEDS, f), 'utf8');
const demo = (f: string): { reports: { title: string; published?: string; recommendations: { ref: string; status?: string; actions?: { status?: string }[]; note?: string }[] }[] } =>
  JSON.parse(readFileSync(join(DEMO_DATA_DIR, f), 'utf8'));

let plans: Record<string, ImportPlan>;
beforeAll(async () => {
  const people = await readDemoPeople();
  plans = {};
  for (const f of ['city-of-london-recommendations.json', 'lincolnshire-action-matrix.json', 'lincolnshire-pcc-plan-2024-02.json', 'lancashire-hmic-recommendations-tracker.tsv']) {
    plans[f] = await planDemoFile(f, people);
  }
});

describe('the demo Lancashire tracker', () => {
  it('is the seed, every row', () => {
    expect(readFileSync(join(DEMO_DATA_DIR, 'lancashire-hmic-recommendations-tracker.tsv'), 'utf8')).toBe(seed('lancashire-hmic-recommendations-tracker.tsv'));
    expect(plans['lancashire-hmic-recommendations-tracker.tsv'].recommendations).toHaveLength(311);
  });
});

describe('the City of London paper', () => {
  const paper = seed('city-of-london-hmicfrs-recommendations-rag-2017.txt');
  const doc = demo('city-of-london-recommendations.json');

  it('has every report with its publication line', () => {
    const published = [...paper.matchAll(/Published (\w+ \d{4})/g)].map((m) => `Published ${m[1]}`);
    expect(doc.reports.map((r) => r.published)).toEqual(published);
    for (const r of doc.reports) expect(paper).toContain(r.title);
    expect(doc.reports).toHaveLength(14);
  });

  it('has every recommendation, per report', () => {
    expect(doc.reports.map((r) => r.recommendations.length)).toEqual([9, 1, 4, 11, 5, 4, 7, 3, 1, 3, 1, 2, 1, 1]);
    expect(plans['city-of-london-recommendations.json'].recommendations).toHaveLength(53);
  });

  it('has every status cell of the paper, on a recommendation or one of its actions', () => {
    // After the traffic-light legend, whose colour cells are definitions.
    const cells = paper
      .slice(paper.indexOf('A progress report on the police response to domestic abuse'))
      .split('\n')
      .flatMap((line) => line.split('\t'))
      .map((c) => c.replace(/<\/?p>/g, '').trim())
      .filter((c) => /^(NEW )?(GREEN|AMBER|RED|WHITE|CLOSED)$/.test(c));
    const count = (list: string[]): Record<string, number> => list.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    // The vetting recommendation's status is the open one of its two parts, which keep the paper's cells.
    const statuses = doc.reports.flatMap((r) =>
      r.recommendations.flatMap((x) => [...(x.note?.includes('per part') ? [] : [x.status ?? '']), ...(x.actions ?? []).map((a) => a.status ?? '')])
    );
    expect(count(statuses.filter((s) => s !== ''))).toEqual(count(cells));
    expect(cells).toHaveLength(59);
  });

  it('reads every due date of the paper or flags it', () => {
    const plan = plans['city-of-london-recommendations.json'];
    const raws = new Set<string>();
    for (const r of plan.recommendations) {
      for (const due of [r.recommendation.due, ...r.actions.map((a) => a.action.due)]) {
        if (due.raw === '') continue;
        raws.add(due.raw);
        if (due.kind === 'unparsed') expect(plan.problems.some((p) => p.value === due.raw || due.raw.includes(p.value))).toBe(true);
      }
    }
    expect(raws.size).toBeGreaterThanOrEqual(15);
    const rec12 = plan.recommendations.find((r) => r.recommendation.ref === '12' && r.recommendation.text.includes('serious and organised crime'));
    expect(rec12?.recommendation.due).toMatchObject({ original: '2017-09-30', current: '2018-03-31' });
  });

  it('rates WHITE items as not the force’s, or as waiting on another body', () => {
    const plan = plans['city-of-london-recommendations.json'];
    const nca = plan.recommendations.find((r) => r.recommendation.text.startsWith('Within six months, the NCA should'));
    expect(nca?.recommendation).toMatchObject({ appliesTo: 'National', addressee: 'National Crime Agency', lifecycle: 'Being progressed' });
    const pins = plan.recommendations.find((r) => r.recommendation.text.startsWith('Chief constables should stop the use of Police Information Notices'));
    expect(pins?.recommendation).toMatchObject({ appliesTo: 'Force', dependsOn: 'NPCC' });
  });

  it('keeps Corporate Communications’ numbered actions I to V', () => {
    const rec1 = plans['city-of-london-recommendations.json'].recommendations.find((r) => r.statusText === 'NEW CLOSED');
    expect(rec1?.actions.map((a) => [a.action.ref, a.statusText])).toEqual([
      ['1.2', 'NEW GREEN'],
      ['1.3', 'NEW GREEN'],
      ['1.4', 'NEW GREEN'],
      ['1.5', 'RED'],
      ['1.6', 'NEW GREEN']
    ]);
    expect(rec1?.actions[3].action.due).toMatchObject({ original: '2017-04-30', current: '2018-02-28' });
  });
});

describe('the Lincolnshire action matrix', () => {
  const ocr = seed('lincolnshire-hmic-action-matrix-2017.ocr.txt');
  const doc = demo('lincolnshire-action-matrix.json');

  it('has every reference number in the OCR text', () => {
    const inOcr = [...ocr.matchAll(/^(?:[a-z] )?(1[4-6]\d{1,2})\b/gm)].map((m) => m[1]);
    expect(inOcr).toHaveLength(28);
    const refs = doc.reports.flatMap((r) => r.recommendations.map((x) => x.ref));
    // The OCR prints 164 as a second 163; the transcription says so.
    expect(refs).toEqual(inOcr.map((r, i) => (r === '163' && inOcr.indexOf('163') !== i ? '164' : r)));
    expect(doc.reports.flatMap((r) => r.recommendations).find((x) => x.ref === '164')?.note).toContain('second "163"');
  });

  it('imports owners, timescales, confidence, narrative and progress updates', () => {
    const plan = plans['lincolnshire-action-matrix.json'];
    const r152 = plan.recommendations.find((r) => r.recommendation.ref === '152');
    expect(r152?.recommendation).toMatchObject({ acceptedForAction: true, confidence: 'Medium', due: { kind: 'date', raw: 'Jan-18', current: '2018-01-31' } });
    expect(r152?.sro).toEqual({ name: 'DCC Knighton', login: 'dcc@contoso.onmicrosoft.com', directorate: 'Chief Officer Team' });
    expect(r152?.updates).toHaveLength(1);
    const r156 = plan.recommendations.find((r) => r.recommendation.ref === '156');
    expect(r156?.owner).toEqual({ name: 'DCS Davison (Head of Crime)', login: 'owner@contoso.onmicrosoft.com', directorate: 'Crime' });
    // The matrix names no directorates: each item takes its owner's from the people table.
    expect(r156?.recommendation.directorate).toBe('Crime');
    expect(r156?.recommendation.due.kind).toBe('awaiting new timescale');
    expect(plan.recommendations.filter((r) => r.recommendation.due.kind === 'awaiting new timescale')).toHaveLength(6);
    expect(plan.recommendations.find((r) => r.recommendation.ref === '1614')?.actions.map((a) => a.action.due.current)).toEqual(['2017-05-31', '2017-10-31']);
  });

  it('flags every timescale it cannot date, with where it was', () => {
    const plan = plans['lincolnshire-action-matrix.json'];
    for (const r of plan.recommendations.filter((x) => x.recommendation.due.kind === 'unparsed')) {
      expect(plan.problems).toContainEqual(expect.objectContaining({ value: r.recommendation.due.raw, message: expect.stringContaining('Timescale not understood') }));
    }
    // "Decision by PCSB in June 2017", "Phase One completed by March 17 …" and "May-17 Oct-17" name
    // months: they are dated milestones. "Awaiting detail" names none.
    expect(plan.recommendations.filter((x) => x.recommendation.due.kind === 'unparsed').map((x) => x.recommendation.ref)).toEqual(['1611']);
    expect(['161', '164', '1614'].map((ref) => plan.recommendations.find((x) => x.recommendation.ref === ref)?.recommendation.due.current)).toEqual(['2017-06-30', '2017-03-31', '2017-10-31']);
  });
});

describe('the Lincolnshire PCC plan update', () => {
  const update = seed('lincolnshire-pcc-plan-delivery-update-2024-02.txt');

  it('has every numbered paragraph as a plan commitment under its key principle', () => {
    const plan = plans['lincolnshire-pcc-plan-2024-02.json'];
    const numbered = [...update.matchAll(/^\s*-?\s*(\d\.\d\.\d)\s/gm)].map((m) => m[1]);
    const commitments = plan.recommendations.filter((r) => /^\d\.\d\.\d$/.test(r.recommendation.ref));
    expect(commitments.map((r) => r.recommendation.ref)).toEqual(numbered);
    expect(new Set(plan.recommendations.map((r) => r.recommendation.keyPrinciple))).toEqual(
      new Set(['Community Safety and Prevention in Partnership', 'Listening, responding and being accountable', 'Protecting and supporting victims and the vulnerable', 'Policing that Works', 'Precept commitments'])
    );
    for (const r of plan.recommendations) expect(r.recommendation.kind).toBe('Plan commitment');
    expect(plan.reports[0].report).toMatchObject({ source: 'Police and crime plan', reportType: 'Plan' });
  });

  it('has the planned events as dated actions', () => {
    const events = plans['lincolnshire-pcc-plan-2024-02.json'].recommendations.find((r) => r.recommendation.ref === '3.2');
    expect(events?.actions.map((a) => [a.action.text, a.action.due.current])).toEqual([
      ['Strong Voices event', '2024-02-29'],
      ['Road safety online event', '2024-02-29'],
      ['Fraud campaign launch', '2024-02-29'],
      ['PCC and Victim Lincs websites go-live', '2024-05-31']
    ]);
  });
});

describe('directorates from the people table', () => {
  it("gives every item whose owner the table matches that owner's directorate, and none to the others", () => {
    const plan = plans['lincolnshire-action-matrix.json'];
    const owned = plan.recommendations.filter((r) => r.owner?.login !== undefined);
    // Owners no entry of the table names stay as text ("Supt Timmins", "ACO", …), with no directorate.
    expect(plan.recommendations.filter((r) => r.owner !== undefined && r.owner.login === undefined).map((r) => r.recommendation.ref)).toEqual(['141', '143', '152', '153', '161', '167', '169']);
    expect(owned).toHaveLength(21);
    for (const r of owned) expect(r.recommendation.directorate).toBe(r.owner?.directorate);
    for (const r of plan.recommendations.filter((x) => x.owner?.login === undefined)) expect(r.recommendation.directorate).toBeUndefined();
  });

  it('keeps a directorate the source gives over the owner\'s', () => {
    const people = parsePeopleTable({ entries: [{ match: ['Head of Crime'], login: 'owner@contoso.onmicrosoft.com', directorate: 'Crime' }] });
    const doc = parseRawDocument(
      { reports: [{ title: 'Crime data integrity', source: 'HMICFRS', recommendations: [
        { ref: '1', text: 'Audit crime recording.', owner: 'Head of Crime' },
        { ref: '2', text: 'Train call handlers.', owner: 'Head of Crime', directorate: 'Contact Management' }
      ] }] },
      'inline.json'
    );
    const plan = planDocument(doc, { people, importedOn: '2017-11-14' });
    expect(plan.recommendations.map((r) => r.recommendation.directorate)).toEqual(['Crime', 'Contact Management']);
  });

  it('rejects an empty directorate in the table, naming the entry', () => {
    expect(() => parsePeopleTable({ entries: [{ match: ['PSD'], login: 'headpsd@contoso.onmicrosoft.com' }, { match: ['CoS'], login: 'manager@contoso.onmicrosoft.com', directorate: ' ' }] })).toThrow(
      'People table entry 2: "directorate", when given, must be a non-empty string.'
    );
  });
});
