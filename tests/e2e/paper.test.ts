/**
 * The printable committee paper in headless Chromium: built from the demo data on the stand-in,
 * rendered, screenshot and printed to PDF into test-artifacts/, with data that tries to run script.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { seedDemo } from '../../src/import/demo';
import { nodeSp } from '../../src/data/node';
import type { CommitteePaper } from '../../src/core/paper';
import { createTrackerData } from '../../src/data';
import { renderPaperHtml } from '../../src/paper/html';
import { prepareCommitteePaper } from '../../src/paper/issue';
import { startStandin } from '../../src/standin/server';
import type { Standin } from '../../src/standin/server';
import { ARTIFACTS, launchChromium } from './harness';

const HOSTILE = '<script>window.__ran = 1</script><img src="x" onerror="window.__ran = 2">';

const colTitles = new Set(
  (JSON.parse(readFileSync(join(__dirname, '../../data/demo/city-of-london-recommendations.json'), 'utf8')) as { reports: { title: string }[] }).reports.map((r) => r.title)
);

let server: Standin;
let browser: Browser;
let paper: CommitteePaper;
let html: string;

beforeAll(async () => {
  server = await startStandin({ port: 0 });
  const sp = nodeSp(server.siteUrl, { user: 'admin' });
  await seedDemo(sp);
  const data = createTrackerData(sp);
  const reportIds = (await data.reports.all()).filter((r) => colTitles.has(r.value.title)).map((r) => r.id);
  const [target] = (await data.recommendations.all()).filter((s) => s.value.reportId === reportIds[0]);
  await data.recommendations.update(target, { ...target.value, latestComment: `${target.value.latestComment ?? ''}\n${HOSTILE}` });
  paper = await prepareCommitteePaper(data, { asAt: '2017-11-23', selection: { reportIds }, baseline: { kind: 'date', date: '2017-08-15' }, ragPolicy: { overdueAgainst: 'original' } });
  html = renderPaperHtml(paper);
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the printable committee paper in Chromium', () => {
  it('renders every report with its scope sentence and coloured statuses, and runs no script from the data', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'committee-paper.png'), fullPage: true });
    writeFileSync(join(ARTIFACTS, 'committee-paper.html'), html);

    expect(await page.locator('section.report h2').allTextContents()).toEqual(paper.sections.map((s) => s.title));
    expect(await page.locator('p.scope').allTextContents()).toEqual(paper.sections.map((s) => s.scopeSentence));
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    expect(await page.locator('img, script').count()).toBe(0);
    expect(await page.getByText(HOSTILE, { exact: false }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);

    const red = page.locator('tr.item td.status', { hasText: /^(NEW )?RED$/ }).first();
    expect(await red.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(192, 0, 0)');
    expect(await page.title()).toBe('HMICFRS Report Recommendations');
    await page.close();
  });

  it('prints to A4 landscape pages', async () => {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'committee-paper.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(3);
    // A4 landscape is 842 x 595 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 841\.9\d* 59[45]\.\d+\s*\]/);
    await page.close();
  });
});
