/**
 * The Lancashire tracker (seeds), read by the importer: counts per report and per status equal the
 * source's, counted here independently by splitting the TSV; HTML never reaches a text field;
 * every deadline in the text is dated or flagged; national rows repeated as force rows are linked.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { planTable, readScope, type ImportPlan, type PlannedRecommendation } from '../../src/core/import';
import { isFinished, isOpen, trafficLight } from '../../src/core/status';
import { readDelimited } from '../../src/import/readers';

const TSV = join(__dirname, '..', '..', '..', 'shared', 'seeds', 'lancashire-hmic-recommendations-tracker.tsv');
const text = readFileSync(TSV, 'utf8');
const { plan, reading } = planTable(readDelimited(text, 'lancashire.tsv'), { defaultSource: 'HMICFRS' });

/** The source's own rows: 7 tab-separated cells, not the heading, with recommendation text. */
const sourceRows = text
  .split('\n')
  .map((line, i) => ({ line: i + 1, cells: line.split('\t') }))
  .filter((r) => r.cells.length === 7 && r.cells[0] !== 'Force' && r.cells[3].trim() !== '');
const stripP = (s: string): string => s.replace(/<\/?p>/g, '').trim();

function byRow(row: number): PlannedRecommendation {
  const found = plan.recommendations.find((r) => r.row === row);
  if (!found) throw new Error(`no recommendation from row ${row}`);
  return found;
}

function textFields(p: ImportPlan): string[] {
  return [
    ...p.reports.flatMap((r) => [r.report.title, r.report.scopeText ?? '', r.report.publishedText ?? '']),
    ...p.recommendations.flatMap((r) => [r.recommendation.text, r.recommendation.latestComment ?? '', r.statusText, r.recommendation.due.raw])
  ];
}

describe('Lancashire tracker import plan', () => {
  it('reads the 91 "No further action needed" rows as closed, approved no further action: none of them WHITE', () => {
    const nfaRows = sourceRows.filter((r) => stripP(r.cells[6]) === 'No further action needed');
    expect(nfaRows).toHaveLength(91);
    const nfa = nfaRows.map((r) => byRow(r.line).recommendation);
    expect(new Set(nfa.map((r) => r.lifecycle))).toEqual(new Set(['No further action']));
    expect(nfa.every((r) => isFinished(r.lifecycle) && !isOpen(r.lifecycle))).toBe(true);
    expect(new Set(nfa.map((r) => trafficLight(r, '2017-11-16')))).toEqual(new Set(['GREEN']));
  });

  it('imports every recommendation row, and only those', () => {
    expect(sourceRows).toHaveLength(311);
    expect(plan.recommendations).toHaveLength(sourceRows.length);
    expect(reading.counts).toMatchObject({ recommendations: 311, sections: 1, rejected: 0 });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('has the same count per originating report as the source', () => {
    const expected = new Map<string, number>();
    for (const r of sourceRows) expected.set(stripP(r.cells[1]), (expected.get(stripP(r.cells[1])) ?? 0) + 1);
    const actual = new Map<string, number>();
    const titles = new Map(plan.reports.map((r) => [r.key, r.report.title]));
    for (const r of plan.recommendations) actual.set(titles.get(r.reportKey) as string, (actual.get(titles.get(r.reportKey) as string) ?? 0) + 1);
    expect(actual).toEqual(expected);
    expect(plan.reports).toHaveLength(44);
    expect(actual.get('Undercover Policing Inspection Report 2014')).toBe(48);
    expect(actual.get('National Core Business Inspection Report 2014')).toBe(26);
  });

  it('has the same count per status as the source, and maps each status word', () => {
    const expected = new Map<string, number>();
    for (const r of sourceRows) expected.set(stripP(r.cells[6]), (expected.get(stripP(r.cells[6])) ?? 0) + 1);
    const actual = new Map<string, number>();
    for (const r of plan.recommendations) actual.set(r.statusText, (actual.get(r.statusText) ?? 0) + 1);
    expect(actual).toEqual(expected);
    expect(Object.fromEntries(actual)).toEqual({ Completed: 124, 'No further action needed': 91, 'Being progressed': 76, 'Awaiting Review from FLL': 20 });
    const lifecycles = new Map<string, string>(plan.recommendations.map((r) => [r.statusText, r.recommendation.lifecycle]));
    expect(Object.fromEntries(lifecycles)).toEqual({
      Completed: 'Closed by the force',
      'No further action needed': 'No further action',
      'Being progressed': 'Being progressed',
      'Awaiting Review from FLL': 'Awaiting review'
    });
  });

  it('lets no HTML tag into a text field, and keeps paragraphs and list items apart', () => {
    for (const t of textFields(plan)) expect(t).not.toMatch(/<\/?[a-z][^>]*>/i);
    // Row 10 holds <p>…</p> <ul> with checkbox bullets in the source.
    const nabis = plan.recommendations.find((r) => r.recommendation.text.startsWith('As a result of this inspection, HMIC considers'));
    expect(nabis?.recommendation.text).toContain('\n\nForces should explicitly include NABIS');
    const rocu = plan.recommendations.find((r) => r.recommendation.text.includes('This action plan should be developed:'));
    expect(rocu?.recommendation.text).toContain('\n• in consultation with police and crime commissioners');
  });

  it('reads the scope from both the force and the type columns', () => {
    const scopes = new Map(plan.reports.map((r) => [r.report.title, r.report.scope]));
    expect(scopes.get('Examining Multi-Agency Responses to Children & Young people who sexually offend')).toBe('All forces, this force not inspected');
    expect(scopes.get('Targeting the risk')).toBe('Selection of forces, not this force');
    expect(scopes.get('Lancashire Crime Report 2014')).toBe('Force inspected');
    expect(readScope('All forces & All Chief Constables Lancashire not inspected', 'Lancashire')).toBe('All forces, this force not inspected');
    expect(readScope('Selection of forces not Lancashire', 'Lancashire')).toBe('Selection of forces, not this force');
    expect(readScope('Lancashire', 'Lancashire')).toBe('Force inspected');
    expect(readScope('Joint Inspection', 'Lancashire')).toBeNull();
  });

  it('dates every deadline written in a recommendation, or flags it with its row', () => {
    const withDeadline = plan.recommendations.filter((r) => r.recommendation.due.kind !== 'none');
    expect(withDeadline.length).toBeGreaterThan(90);
    for (const r of withDeadline) {
      if (r.recommendation.due.kind === 'unparsed') {
        expect(plan.problems.some((p) => p.row === r.row && p.message.startsWith('Deadline in the text not dated'))).toBe(true);
      } else {
        expect(r.recommendation.due.raw).not.toBe('');
      }
    }
    expect(byRow(38).recommendation.due).toMatchObject({ kind: 'date', current: '2015-08-31', raw: 'By 31 August 2015' });
  });

  it('links the force rows that repeat a national row, without doubling them', () => {
    const linked = plan.recommendations.filter((r) => r.nationalKey);
    expect(linked.length).toBeGreaterThanOrEqual(13);
    const keys = new Map(plan.recommendations.map((r) => [r.key, r]));
    // "Police forces should ensure that the most effective…": national row 49, Lancashire's own row 253.
    expect(keys.get(byRow(253).nationalKey as string)?.row).toBe(49);
    expect(keys.get(byRow(110).nationalKey as string)?.row).toBe(101);
    for (const r of linked) expect(keys.get(r.nationalKey as string)?.nationalKey).toBeUndefined();
    expect(new Set(linked.map((r) => r.nationalKey)).size).toBe(linked.length);
  });

  it('keeps a row the source repeats word for word, reported, under its own key', () => {
    expect(byRow(222).key).not.toBe(byRow(221).key);
    expect(plan.problems).toContainEqual(expect.objectContaining({ row: 222, severity: 'warning', message: expect.stringContaining('occurrence 2') }));
    expect(new Set(plan.recommendations.map((r) => r.key)).size).toBe(311);
  });

  it('reads who a recommendation not for the force is addressed to', () => {
    expect(byRow(103).recommendation).toMatchObject({ appliesTo: 'National', addressee: 'Home Office', lifecycle: 'No further action' });
    expect(byRow(259).recommendation).toMatchObject({ appliesTo: 'Other body', addressee: 'Crown Prosecution Service' });
  });
});
