import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { planFile } from '../src/cli/import';
async function main() {
  const d = mkdtempSync(join(tmpdir(), 'cli-'));
  const tsv = readFileSync('/work/shared/seeds/lancashire-hmic-recommendations-tracker.tsv', 'utf8');
  const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('T');
  for (const line of tsv.split('\n').slice(0, 40)) ws.addRow(line.split('\t'));
  const xbuf = Buffer.from(await wb.xlsx.writeBuffer());
  const cases: [string, Buffer | string, Record<string,string>?][] = [
    ['truncated.xlsx', xbuf.subarray(0, Math.floor(xbuf.length / 2))],
    ['renamed.xlsx', 'Report,Recommendation\nA,B\n'],
    ['latin1.csv', Buffer.concat([Buffer.from('Report,Recommendation\nA,'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('\n')])],
    ['utf16.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv.split('\n').slice(0, 10).join('\n'), 'utf16le')])],
    ['semi.csv', 'Report;Recommendation;Status\nA;B;Open\n'],
    ['big.csv', `Report,Recommendation\nA,${'x'.repeat(5 * 1024 * 1024)}\n`],
    ['empty.csv', `Report,Recommendation,Status\n${'\n'.repeat(50000)}`],
    ['blank.csv', '\n'.repeat(50000)],
  ];
  for (const [name, content] of cases) {
    writeFileSync(join(d, name), content);
    const t = Date.now();
    try { const plan = await planFile(join(d, name)); console.log(name, 'OK', plan.reports.length, 'reports', plan.problems.slice(0,2).map(p=>p.message), Date.now()-t, 'ms'); }
    catch (e) { console.log(name, 'ERR', (e as Error).message.slice(0, 300), Date.now()-t, 'ms'); }
  }
  writeFileSync(join(d, 'm.json'), '{"columns": {');
  try { await planFile(join(d, 'semi.csv'), { mapping: join(d, 'm.json') }); } catch (e) { console.log('mapping ERR', (e as Error).message); }
  try { await planFile(join(d, 'semi.csv'), { people: join(d, 'm.json') }); } catch (e) { console.log('people ERR', (e as Error).message); }
  writeFileSync(join(d, 'p.json'), '{"entries": 3}');
  try { await planFile(join(d, 'semi.csv'), { people: join(d, 'p.json') }); } catch (e) { console.log('people2 ERR', (e as Error).message); }
  try { await planFile(join(d, 'nothing.csv')); } catch (e) { console.log('missing ERR', (e as Error).message); }
}
main();
