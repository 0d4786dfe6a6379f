/**
 * One recommendation counts once: Lancashire's tracker carries national recommendations twice,
 * once in the national section and again as the force's own row. Planned from the seed, given list
 * item ids as the writer would, the force rows point at the national rows they repeat; the paper's
 * and the grid's counts take each recommendation once and show the link both ways.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { planTable } from '../../src/core/import';
import type { OriginatingReport, Recommendation } from '../../src/core/model';
import { buildCommitteePaper } from '../../src/core/paper';
import { countedOnce, repeatedNationalRows } from '../../src/core/colourCounts';
import { buildRows, countByLight, countedRows } from '../../src/components/tracker/rows';
import { readDelimited } from '../../src/import/readers';

const TSV = join(__dirname, '..', '..', '..', 'shared', 'seeds', 'lancashire-hmic-recommendations-tracker.tsv');
const { plan } = planTable(readDelimited(readFileSync(TSV, 'utf8'), 'lancashire.tsv'), { defaultSource: 'HMICFRS' });

const reportIds = new Map(plan.reports.map((r, i) => [r.key, i + 1]));
const recIds = new Map(plan.recommendations.map((r, i) => [r.key, 1000 + i]));
const reports: (OriginatingReport & { id: number })[] = plan.reports.map((r) => ({ ...r.report, id: reportIds.get(r.key) as number }));
const recs: (Recommendation & { id: number })[] = plan.recommendations.map((r) => ({
  ...r.recommendation,
  id: recIds.get(r.key) as number,
  reportId: reportIds.get(r.reportKey),
  nationalRecommendationId: r.nationalKey ? recIds.get(r.nationalKey) : undefined
}));
const linked = plan.recommendations.filter((r) => r.nationalKey).length;

describe('a recommendation carried twice counts once', () => {
  it('finds each national row the force repeats, once', () => {
    expect(linked).toBeGreaterThan(0);
    expect(repeatedNationalRows(recs).size).toBe(linked);
    expect(countedOnce(recs)).toHaveLength(recs.length - linked);
  });

  it('counts the paper’s summary once, and says on both rows where the other is', () => {
    const paper = buildCommitteePaper({ reports, recommendations: recs, asAt: '2017-11-16' });
    expect(paper.summary.total).toBe(311 - linked);
    const rows = paper.sections.flatMap((s) => s.rows.map((r) => ({ ...r, report: s.title })));
    const carried = rows.filter((r) => r.sameAs?.kind === 'carried by');
    expect(carried.length).toBeGreaterThan(0);
    let shownBoth = 0;
    for (const national of carried) {
      const force = rows.find((r) => r.ref === national.sameAs?.ref && r.report === national.sameAs?.reportTitle);
      // A closed force row is in the appendix, not the report's table.
      if (force === undefined) expect(paper.closedItems.some((c) => c.ref === national.sameAs?.ref && c.reportTitle === national.sameAs?.reportTitle)).toBe(true);
      else {
        expect(force.sameAs).toEqual({ kind: 'repeats', ref: national.ref, reportTitle: national.report });
        shownBoth += 1;
      }
    }
    expect(shownBoth).toBeGreaterThan(0);
    const colours = Object.values(paper.summary.byTrafficLight).reduce((a, b) => a + b, 0);
    expect(colours).toBe(311 - linked);
  });

  it('counts the grid’s and the dashboard’s colours once, while both rows stay listed', () => {
    const rows = buildRows(recs.map((r) => ({ recommendation: r, etag: '"1"' })), reports, '2017-11-16');
    expect(rows).toHaveLength(311);
    expect(countedRows(rows)).toHaveLength(311 - linked);
    expect(Object.values(countByLight(rows)).reduce((a, b) => a + b, 0)).toBe(311 - linked);
    expect(rows.filter((r) => r.sameAs?.kind === 'carried by')).toHaveLength(linked);
  });
});
