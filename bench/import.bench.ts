/**
 * Importing the Lancashire tracker (311 recommendations in 44 reports) into an empty stand-in site
 * through the importer, against the baseline of one request per row: the same reports and
 * recommendations added one `add` at a time. Prints time and HTTP requests of each (the stand-in
 * counts a `$batch` once) and their ratios. Each side gets a fresh, provisioned site per run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeSp } from '../src/data/node';
import { planTable, type ImportPlan } from '../src/core/import';
import type { Recommendation } from '../src/core/model';
import { createTrackerData, provision, type TrackerData } from '../src/data';
import { readDelimited } from '../src/import/readers';
import { writePlan } from '../src/import/writer';
import { TRACKER_SCHEMA } from '../src/schema';
import { startStandin } from '../src/standin/server';

const RUNS = 5;
const TODAY = '2026-11-23';
const TSV = join(__dirname, '..', 'data', 'demo', 'lancashire-hmic-recommendations-tracker.tsv');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One request per row: each report, then each recommendation, added on its own. */
async function rowByRow(data: TrackerData, plan: ImportPlan): Promise<void> {
  const reportIds = new Map<string, number>();
  for (const r of plan.reports) reportIds.set(r.key, (await data.reports.add(r.report)).id);
  const recIds = new Map<string, number>();
  for (const p of plan.recommendations) {
    const rec: Recommendation = {
      ...p.recommendation,
      reportId: reportIds.get(p.reportKey),
      nationalRecommendationId: p.nationalKey ? recIds.get(p.nationalKey) : undefined
    };
    recIds.set(p.key, (await data.recommendations.add(rec)).id);
  }
}

async function timed(run: (data: TrackerData) => Promise<void>): Promise<{ ms: number; requests: number }> {
  const server = await startStandin({ port: 0 });
  try {
    const sp = nodeSp(server.siteUrl, { user: 'admin' });
    await provision(sp, TRACKER_SCHEMA);
    const data = createTrackerData(sp);
    server.resetRequestCount();
    const t = performance.now();
    await run(data);
    const ms = performance.now() - t;
    return { ms, requests: server.requestCount() };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const plan = planTable(readDelimited(readFileSync(TSV, 'utf8'), 'lancashire.tsv'), { defaultSource: 'HMICFRS' }).plan;
  const rows = plan.recommendations.length;
  const importer: { ms: number; requests: number }[] = [];
  const baseline: { ms: number; requests: number }[] = [];
  // Alternate the two so that neither gets the warmer process.
  for (let run = 0; run < RUNS; run++) {
    importer.push(
      await timed(async (data) => {
        await writePlan(data, plan, { today: TODAY });
      })
    );
    baseline.push(await timed((data) => rowByRow(data, plan)));
  }
  const iMs = median(importer.map((r) => r.ms));
  const bMs = median(baseline.map((r) => r.ms));
  const iReq = median(importer.map((r) => r.requests));
  const bReq = median(baseline.map((r) => r.requests));
  process.stdout.write(`Lancashire tracker: ${plan.reports.length} reports, ${rows} recommendations, into an empty site (median of ${RUNS} runs)\n`);
  process.stdout.write(`  importer (batched):      ${iMs.toFixed(0)} ms, ${iReq} requests\n`);
  process.stdout.write(`  one request per row:     ${bMs.toFixed(0)} ms, ${bReq} requests\n`);
  process.stdout.write(`  requests ratio importer/baseline: ${(iReq / bReq).toFixed(3)} (${(bReq / iReq).toFixed(1)}x fewer)\n`);
  process.stdout.write(`  time ratio importer/baseline:     ${(iMs / bMs).toFixed(2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
