/**
 * UI benchmark (issue 5): with 10,000 recommendations in the stand-in, headless Chromium on the
 * local workbench measures the time from navigation to the first rows shown, to every row loaded,
 * and from a filter change to the grid re-rendered; then the gzip size of each web part's
 * production bundle. Each figure is printed against its target as a ratio (at most 1 is on target).
 */
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Recommendation } from '../src/core/model';
import { provision } from '../src/data';
import { TRACKER_SCHEMA } from '../src/schema';
import { nodeSp } from '../src/data/node';
import { createTrackerData } from '../src/data';
import { startWorkbench } from '../src/workbench/server';
import { launchChromium } from '../tests/e2e/harness';

const ITEMS = 10000;
const TARGET_FIRST_ROWS_MS = 1500;
const TARGET_FILTER_MS = 100;
/** Gzip budget per web part bundle (React, Fluent UI, PnPjs and the tracker's code). */
const BUNDLE_BUDGET_BYTES = 260 * 1024;
const NOW = '2017-11-14T09:30:00Z';
const ROOT = resolve(__dirname, '..');

function recommendation(i: number, reportId: number): Recommendation {
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    reportId,
    ref: String(i + 1),
    kind: i % 5 === 0 ? 'Area for improvement' : 'Recommendation',
    text: `Benchmark recommendation ${i + 1}: the force should improve how it records and reviews item ${i + 1}.`,
    appliesTo: i % 17 === 0 ? 'National' : 'Force',
    acceptedForAction: true,
    causeOfConcernIds: [],
    owner: { name: `Owner ${i % 40}` },
    directorate: ['Crime', 'Local Policing', 'Public Protection', 'Criminal Justice', 'Contact Management'][i % 5],
    lifecycle: i % 4 === 0 ? 'Closed by the force' : 'Being progressed',
    due: { kind: 'date', original: `2017-${month}-28`, current: `2017-${month}-28`, revisions: [], raw: `${month}/2017` },
    confidence: (['High', 'Medium', 'Low'] as const)[i % 3],
    reopenings: [],
    lastUpdated: `2017-${month}-01`,
    history: [{ at: '2017-01-10T09:00:00Z', lifecycle: 'Being progressed', trafficLight: 'AMBER' }]
  };
}

function ratio(value: number, target: number): string {
  return (value / target).toFixed(2);
}

async function uiTimings(): Promise<void> {
  const workbench = await startWorkbench({ seed: false, now: NOW });
  try {
    const sp = nodeSp(workbench.standin.siteUrl, { user: 'admin' });
    await provision(sp, TRACKER_SCHEMA);
    const data = createTrackerData(sp);
    const report = await data.reports.add({ title: 'Benchmark inspection', source: 'HMICFRS', reportType: 'PEEL', published: '2017-01-01', scope: 'Force inspected', responseDeadline: null });
    await data.recommendations.addMany(Array.from({ length: ITEMS }, (_, i) => recommendation(i, report.id)));

    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addCookies([{ name: 'standin-user', value: 'analyst', url: workbench.url }]);
      const page = await context.newPage();
      // A first visit warms the HTTP connection and the bundle cache, as a returning user has them.
      await page.goto(`${workbench.url}?page=tracker`);
      await page.locator('.ms-DetailsRow').first().waitFor();
      await page.goto(`${workbench.url}?page=tracker`);
      await page.locator('.ms-DetailsRow').first().waitFor({ timeout: 60000 });
      const firstRows = await page.evaluate(() => performance.now());
      process.stdout.write(`first rows after ${firstRows.toFixed(0)} ms\n`);
      await page.getByTestId('counts').filter({ hasText: new RegExp(`^Showing ${ITEMS} of ${ITEMS}`) }).waitFor({ timeout: 120000 });
      const allRows = await page.evaluate(() => performance.now());

      // A filter change: the search box, typed into as a user does, timed inside the page from
      // the input event to the frame after the counts (and the grid, in the same render) changed.
      const filterMs: number[] = [];
      for (const term of ['owner 7', 'public protection', 'improvement', '']) {
        const elapsed = await page.evaluate(
          (value) =>
            new Promise<number>((resolve) => {
              const input = document.querySelector('input[aria-label="Search recommendations"]') as HTMLInputElement;
              const counts = document.querySelector('[data-testid="counts"]') as HTMLElement;
              const before = counts.textContent;
              const observer = new MutationObserver(() => {
                if (counts.textContent === before) return;
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - start));
              });
              observer.observe(counts, { childList: true, subtree: true, characterData: true });
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
              const start = performance.now();
              setter?.call(input, value);
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          term
        );
        filterMs.push(elapsed);
      }
      const worstFilter = Math.max(...filterMs);
      process.stdout.write(
        [
          `ui: ${ITEMS} recommendations, headless Chromium, local workbench`,
          `  navigation → first rows shown: ${firstRows.toFixed(0)} ms (target ${TARGET_FIRST_ROWS_MS} ms, ratio ${ratio(firstRows, TARGET_FIRST_ROWS_MS)})`,
          `  navigation → all ${ITEMS} rows loaded: ${allRows.toFixed(0)} ms`,
          `  filter change → re-rendered: ${filterMs.map((m) => m.toFixed(0)).join(', ')} ms; worst ${worstFilter.toFixed(0)} ms (target ${TARGET_FILTER_MS} ms, ratio ${ratio(worstFilter, TARGET_FILTER_MS)})`,
          ''
        ].join('\n')
      );
    } finally {
      await browser.close();
    }
  } finally {
    await workbench.close();
  }
}

/**
 * Each web part's production bundle as a page loads it: the web part's root component with React,
 * Fluent UI and PnPjs, minified; code loaded on demand (the Excel writer) counted apart.
 */
async function bundleSizes(): Promise<void> {
  const parts = [
    { name: 'Recommendation Tracker', module: './src/components/tracker/RecommendationTracker', component: 'RecommendationTracker' },
    { name: 'Tracker Dashboard', module: './src/components/dashboard/TrackerDashboard', component: 'TrackerDashboard' }
  ];
  for (const part of parts) {
    const result = await build({
      stdin: {
        contents: [
          "import * as React from 'react';",
          "import * as ReactDom from 'react-dom';",
          "import { spfi } from '@pnp/sp';",
          "import { SPBrowser } from '@pnp/sp/behaviors/spbrowser';",
          `import { ${part.component} } from '${part.module}';`,
          "import { createDataSource } from './src/components/data/createDataSource';",
          `export function render(el: HTMLElement, siteUrl: string, settings: any): void { ReactDom.render(React.createElement(${part.component}, { data: createDataSource(spfi(siteUrl).using(SPBrowser())), settings }), el); }`
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'tsx',
        sourcefile: 'entry.tsx'
      },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2017',
      minify: true,
      write: false,
      outdir: join(ROOT, 'temp', 'bench-bundle'),
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent'
    });
    const [entry, ...chunks] = result.outputFiles;
    const gz = gzipSync(entry.contents).length;
    const onDemand = chunks.reduce((sum, c) => sum + gzipSync(c.contents).length, 0);
    process.stdout.write(
      `bundle: ${part.name}: ${(entry.contents.length / 1024).toFixed(0)} KiB minified, ${(gz / 1024).toFixed(0)} KiB gzip (budget ${(BUNDLE_BUDGET_BYTES / 1024).toFixed(0)} KiB, ratio ${ratio(gz, BUNDLE_BUDGET_BYTES)}); loaded on demand: ${(onDemand / 1024).toFixed(0)} KiB gzip\n`
    );
  }
}

async function main(): Promise<void> {
  await uiTimings();
  await bundleSizes();
}

main().catch((e: unknown) => {
  process.stderr.write(`ui bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
