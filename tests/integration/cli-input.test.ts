/**
 * The command-line tools given malformed input, as a user gives it: each exits non-zero with one
 * line naming the file and what is wrong, and nothing reaches the site. The CLIs run in their own
 * processes against a provisioned stand-in.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { nodeSp } from '../../src/data/node';
import { provision } from '../../src/data';
import { TRACKER_SCHEMA } from '../../src/schema';
import { startStandin, type Standin } from '../../src/standin/server';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const SEED = join(ROOT, '../shared/seeds/lancashire-hmic-recommendations-tracker.tsv');

let server: Standin;
let dir: string;
/** Items on the provisioned site before any CLI ran (the default reminder rules, the schema version). */
let baseline: number;

async function cli(script: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli', script), ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

/** Items in every tracker list: what an import or an issued paper would have added to. */
async function itemsOnSite(): Promise<number> {
  const sp = nodeSp(server.siteUrl, { user: 'admin' });
  const counts = await Promise.all(TRACKER_SCHEMA.lists.map(async (l) => (await sp.web.lists.getByTitle(l.title).select('ItemCount')()).ItemCount as number));
  return counts.reduce((a, b) => a + b, 0);
}

function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const seedLines = readFileSync(SEED, 'utf8').split('\n');

beforeAll(async () => {
  server = await startStandin({ port: 0 });
  await provision(nodeSp(server.siteUrl, { user: 'admin' }), TRACKER_SCHEMA, () => undefined);
  baseline = await itemsOnSite();
  dir = mkdtempSync(join(tmpdir(), 'cli-input-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tracker');
  for (const line of seedLines.slice(0, 60)) sheet.addRow(line.split('\t'));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  file('truncated.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  file('valid.xlsx', xlsx);
}, 120000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run import, given a malformed file', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a truncated .xlsx', () => [join(dir, 'truncated.xlsx')], /^truncated\.xlsx: the workbook cannot be read; it is damaged or cut short \(.+\)\. Save it again from Excel\.$/],
    ['a CSV named .xlsx', () => [file('renamed.xlsx', seedLines.slice(0, 5).join('\n').replace(/\t/g, ','))], /^renamed\.xlsx: holds text, not an Excel workbook \(a CSV file renamed \.xlsx\?\)\. Rename it \.csv/],
    ['an .xlsx named .csv', () => [file('workbook.csv', readFileSync(join(dir, 'valid.xlsx')))], /^workbook\.csv: is an Excel workbook, not CSV text\. Rename it \.xlsx\.$/],
    [
      'invalid UTF-8 (Windows-1252 text)',
      () => [file('latin1.tsv', Buffer.concat([Buffer.from(`${seedLines.slice(0, 3).join('\n')}\n`), Buffer.from('Lancashire\tCaf\xe9 review\tPEEL\tThe force should\t2019\t\tOpen\n', 'latin1')]))],
      /^latin1\.tsv: line 4 is not valid UTF-8 text\. Save it from Excel as "CSV UTF-8 \(Comma delimited\)", or as \.xlsx\.$/
    ],
    [
      'UTF-16 without a byte-order mark',
      () => [file('utf16-nobom.tsv', Buffer.from(`${seedLines.slice(0, 30).join('\n')}\n`, 'utf16le'))],
      /^utf16-nobom\.tsv: looks like UTF-16 text without a byte-order mark\. Save it from Excel as "CSV UTF-8 \(Comma delimited\)", or as \.xlsx\.$/
    ],
    ['semicolon-separated CSV', () => [file('semicolons.csv', 'Report;Recommendation;Status\nPEEL 2019;The force should;Open\n')], /^semicolons\.csv: row 1 is separated by semicolons, not commas/],
    ['a 5 MB cell', () => [file('big.csv', `Report,Recommendation,Status\nPEEL 2019,${'x'.repeat(5 * 1024 * 1024)},Open\n`)], /^big\.csv: row 2, column B holds 5,242,880 characters; a cell holds at most 32,767 \(Excel's limit\)/],
    ['50,000 empty rows under the headings', () => [file('empty.csv', `Report,Recommendation,Status\n${'\n'.repeat(50000)}`)], /^empty\.csv: holds no recommendations to import: every row below its headings is empty\.$/],
    ['50,000 empty rows and no headings', () => [file('blank.csv', ',,\n'.repeat(50000))], /^blank\.csv: no heading row found \(the file has no text at all\)/],
    ['broken JSON for --mapping', () => [SEED, '--mapping', file('mapping.json', '{"columns": {"Finding": ')], /mapping\.json: the --mapping file is not valid JSON \(.+\)\.$/],
    ['broken JSON for --people', () => [SEED, '--people', file('people.json', '{"entries": [{"match": ["Head of Crime"]')], /people\.json: the --people file is not valid JSON \(.+\)\.$/],
    ['a --people file of the wrong shape', () => [SEED, '--people', file('people-shape.json', '{"entries": 3}')], /people-shape\.json: A people table needs an "entries" array/],
    ['a missing file', () => [join(dir, 'no-such-tracker.xlsx')], /no-such-tracker\.xlsx: no such file\.$/]
  ];

  it.each(cases)('%s: one line naming the file, exit 1, nothing written', async (_what, args, message) => {
    const result = await cli('import.ts', ...args(), '--site', server.siteUrl, '--user', 'admin');
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Import failed: /);
    expect(lines[0].slice('Import failed: '.length)).toMatch(message);
    expect(result.stdout).toBe('');
    expect(await itemsOnSite()).toBe(baseline);
  }, 60000);

  it('reads UTF-16 text with its byte-order mark (Excel\'s "Unicode Text", either byte order) as the same tracker', async () => {
    const text = seedLines.slice(0, 30).join('\n');
    const utf8 = await cli('import.ts', file('tracker-utf8.tsv', text), '--dry-run', '--source', 'HMICFRS');
    const utf16 = await cli('import.ts', file('tracker-utf16.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), '--dry-run', '--source', 'HMICFRS');
    expect(utf16.code).toBe(utf8.code);
    expect(utf16.stdout.replace(/tracker-utf16/g, 'tracker-utf8')).toBe(utf8.stdout);
    expect(utf8.stdout).toMatch(/Dry run: nothing was written\./);
    const bigEndian = await cli('import.ts', file('tracker-utf16be.tsv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])), '--dry-run', '--source', 'HMICFRS');
    expect(bigEndian.stdout.replace(/tracker-utf16be/g, 'tracker-utf8')).toBe(utf8.stdout);
  }, 60000);
});

describe('npm run provision and npm run report, given bad input', () => {
  it('refuses a certificate file that holds no private key, in one line', async () => {
    const cert = file('cert.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const result = await cli('provision.ts', '--site', 'https://contoso.sharepoint.com/sites/tracker', '--tenant', '00000000-0000-0000-0000-000000000000', '--client-id', 'x', '--certificate', cert, '--thumbprint', 'a'.repeat(40));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Provisioning failed: --certificate .*cert\.pem: holds no PEM private key \("-----BEGIN PRIVATE KEY-----"\); give the key of the certificate uploaded to the app registration\.\n$/);
  }, 60000);

  it('refuses a thumbprint that is not 40 hexadecimal digits', async () => {
    const key = file('key.pem', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    const result = await cli('provision.ts', '--site', 'https://contoso.sharepoint.com/sites/tracker', '--tenant', 't', '--client-id', 'x', '--certificate', key, '--thumbprint', 'AB:CD');
    expect(result.stderr).toBe("Provisioning failed: --thumbprint: 'AB:CD' is not a certificate's SHA-1 thumbprint (40 hexadecimal digits).\n");
    expect(result.code).toBe(1);
  }, 60000);

  it('refuses an --out folder it cannot write before issuing anything', async () => {
    const locked = join(dir, 'locked');
    const result = await cli('report.ts', '--format', 'html', '--site', server.siteUrl, '--user', 'analyst', '--issue', '--out', join(locked, 'paper.html'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The committee paper was not written: --out .*locked\/paper\.html: the folder .*locked does not exist or cannot be written\.\n$/);
    expect(await itemsOnSite()).toBe(baseline);
  }, 60000);
});
