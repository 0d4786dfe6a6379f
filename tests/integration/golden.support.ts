/**
 * Shared set-up for the golden tests: a fresh stand-in site with one demo file imported through the
 * real importer and PnPjs, and `npm run report` run in its own process as a user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_RAG_POLICY, planDemoFile, readDemoPeople } from '../../src/import/demo';
import { nodeSp } from '../../src/data/node';
import type { IsoDate } from '../../src/core/model';
import { createTrackerData, provision } from '../../src/data';
import type { TrackerData } from '../../src/data';
import { writePlan } from '../../src/import/writer';
import { TRACKER_SCHEMA } from '../../src/schema';
import { startStandin } from '../../src/standin/server';
import type { Standin } from '../../src/standin/server';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

/**
 * A provisioned site measuring RED as the demo does (City of London's rule), holding one file of
 * `data/demo` imported as on `today`.
 */
export async function importedDemoSite(file: string, today: IsoDate): Promise<{ server: Standin; data: TrackerData }> {
  const server = await startStandin({ port: 0 });
  const sp = nodeSp(server.siteUrl, { user: 'admin' });
  await provision(sp, TRACKER_SCHEMA);
  const data = createTrackerData(sp);
  await data.settings.setRagPolicy(DEMO_RAG_POLICY);
  await writePlan(data, await planDemoFile(file, await readDemoPeople()), { today });
  return { server, data };
}

/** Runs `npm run report -- <args> --out <name>` in a scratch folder and returns the file it wrote. */
export async function reportFile(args: string[], name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'golden-report-'));
  try {
    await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/report.ts'), ...args, '--out', name], { cwd: dir });
    return readFileSync(join(dir, name), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
