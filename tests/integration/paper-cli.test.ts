/**
 * `npm run report` as a user runs it: the CLI in its own process, against the stand-in seeded with
 * the demo data, writing the committee paper and the plan delivery update to files.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { UsageError, parseCliDate, parseReportArgs } from '../../src/cli/report';
import { seedDemo } from '../../src/import/demo';
import { nodeSp } from '../../src/data/node';
import { createTrackerData } from '../../src/data';
import { startStandin } from '../../src/standin/server';
import type { Standin } from '../../src/standin/server';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

let server: Standin;
let dir: string;
let planId: number;

async function report(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/report.ts'), ...args], { cwd: dir });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

beforeAll(async () => {
  server = await startStandin({ port: 0 });
  const sp = nodeSp(server.siteUrl, { user: 'admin' });
  await seedDemo(sp);
  const plans = (await createTrackerData(sp).reports.all()).filter((r) => r.value.reportType === 'Plan');
  planId = plans[0].id;
  dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
}, 120000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('writes the committee paper as Word, compared with a date through the histories', async () => {
    const result = await report('--format', 'docx', '--site', server.siteUrl, '--date', '23/11/2017', '--since', '2017-08-15', '--out', 'paper.docx');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ reports, \d+ items \(\d+ NEW, \d+ CLOSED since 2017-08-15\)\. Written to .*paper\.docx\.\n$/);
    const text = (await mammoth.extractRawText({ path: join(dir, 'paper.docx') })).value;
    expect(text).toContain('Position at 23 November 2017. NEW and CLOSED mark changes since 15 August 2017.');
    expect(text).toContain('A progress report on the police response to domestic abuse');
    expect(text).toContain('Best Use of Stop and Search Scheme revisit 2016');
  });

  it('writes the printable HTML for one directorate', async () => {
    const result = await report('--format', 'html', '--site', server.siteUrl, '--date', '2017-11-23', '--directorate', 'No such directorate', '--out', 'paper.html');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'paper.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
    expect(html).toContain('Position at 23 November 2017, No such directorate.');
    expect(html).toContain('0 items in this paper: 0 open and 0 closed.');
  });

  it('issues the paper to the Committee Papers library with --issue', async () => {
    const result = await report('--format', 'html', '--site', server.siteUrl, '--date', '2017-11-23', '--committee', 'Police Performance and Resource Management Sub Committee', '--issue', '--out', 'issued.html');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const issued = result.stdout.split('\n').filter((l) => l.startsWith('Issued: '));
    expect(issued).toEqual([
      'Issued: /sites/tracker/CommitteePapers/2017-11-23-police-performance-and-resource-management-sub-committee.docx',
      'Issued: /sites/tracker/CommitteePapers/2017-11-23-police-performance-and-resource-management-sub-committee.html',
      'Issued: /sites/tracker/CommitteePapers/2017-11-23-police-performance-and-resource-management-sub-committee.snapshot.json'
    ]);
    const again = await report('--format', 'html', '--site', server.siteUrl, '--date', '2017-11-23', '--committee', 'Police Performance and Resource Management Sub Committee', '--issue', '--out', 'again.html');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A paper for 2017-11-23 has already been issued');
  });

  it('writes the plan delivery update grouped by key principle', async () => {
    const result = await report('--plan', String(planId), '--format', 'docx', '--site', server.siteUrl, '--date', '2024-02-29', '--from', '2023-11-01', '--out', 'plan.docx');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = (await mammoth.extractRawText({ path: join(dir, 'plan.docx') })).value;
    for (const principle of ['Community Safety and Prevention in Partnership', 'Listening, responding and being accountable', 'Protecting and supporting victims and the vulnerable', 'Policing that Works']) {
      expect(text).toMatch(new RegExp(`\\n\\d ${principle}\\n`));
    }
    expect(text).toContain('The Happening');
  });

  it('fails with a message and a non-zero exit on bad input', async () => {
    const result = await report('--format', 'pdf', '--site', server.siteUrl);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The committee paper was not written: --format must be docx or html, not 'pdf'\./);
  });
});

describe('command-line dates and arguments', () => {
  const now = new Date('2018-02-22T12:00:00Z');

  it('reads ISO and UK day-first dates, and refuses others', () => {
    expect(parseCliDate('2017-11-23', '--date')).toBe('2017-11-23');
    expect(parseCliDate('3/2/2018', '--date')).toBe('2018-02-03');
    expect(() => parseCliDate('31/02/2018', '--date')).toThrow('--date: there is no such date as 31/02/2018.');
    expect(() => parseCliDate('02/31/2018', '--date')).toThrow(UsageError);
    expect(() => parseCliDate('Feb 2018', '--since')).toThrow("--since: 'Feb 2018' is not a date");
  });

  it('defaults to Word, today in London and the latest issued paper', () => {
    const args = parseReportArgs(['--site', 'http://x/sites/t', '--report', '3', '--report', '5'], now);
    expect(args).toMatchObject({ format: 'docx', issue: false, options: { asAt: '2018-02-22', baseline: { kind: 'latest-issued' }, selection: { reportIds: [3, 5] } } });
  });

  it('refuses a --since on or after the paper date, and --issue with --plan', () => {
    expect(() => parseReportArgs(['--site', 'http://x', '--since', '2018-02-22'], now)).toThrow('--since (2018-02-22) must be before the paper');
    expect(() => parseReportArgs(['--site', 'http://x', '--plan', '4', '--issue'], now)).toThrow('--issue, --since and --previous are for the committee paper');
    expect(() => parseReportArgs(['--format', 'html'], now)).toThrow('--site is required.');
    expect(() => parseReportArgs(['--site', 'http://x', '--since', '2017-01-01', '--previous', 'p'], now)).toThrow('Give --since or --previous, not both.');
    expect(parseReportArgs(['--site', 'http://x', '--previous', '2017-11-23-ppr'], now).options.baseline).toEqual({ kind: 'issued', paperId: '2017-11-23-ppr' });
  });

  it('acts as a stand-in user, or as a tenant app registration given all four of its options', () => {
    expect(parseReportArgs(['--site', 'http://x', '--user', 'manager'], now).auth).toEqual({ user: 'manager' });
    const key = join(dir, 'key.pem');
    writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    const thumbprint = 'AB12'.repeat(10);
    const tenant = ['--tenant', 'contoso-tenant-id', '--client-id', 'app-id', '--certificate', key, '--thumbprint', thumbprint];
    expect(parseReportArgs(['--site', 'https://contoso.sharepoint.com/sites/tracker', ...tenant], now).auth).toEqual({
      tenant: { tenantId: 'contoso-tenant-id', clientId: 'app-id', certificatePath: key, thumbprint }
    });
    expect(() => parseReportArgs(['--site', 'http://x', '--tenant', 'contoso-tenant-id', '--client-id', 'app-id'], now)).toThrow('For a tenant, also give --certificate, --thumbprint.');
    expect(() => parseReportArgs(['--site', 'http://x', '--user', 'admin', ...tenant], now)).toThrow(UsageError);
  });
});
