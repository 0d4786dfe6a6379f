/**
 * The demo site: provisions the tracker's lists and loads the four published documents kept in
 * `data/demo/` through the importer (the Lancashire tracker as the force exported it, the City of
 * London committee paper, the Lincolnshire action matrix and the Lincolnshire PCC's plan update).
 * Owners are demo accounts named by role, matched from the owner text by `data/demo/people.json`.
 * Safe to run on every start: a second run provisions nothing new and imports nothing twice.
 * Node-only (reads files): used by the workbench, tests and `src/cli/seed-demo.ts`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SPFI } from '@pnp/sp';
import { parsePeopleTable, parseRawDocument, planDocument, planTable, type ImportPlan, type PeopleTable } from '../core/import';
import { addDays, londonDate } from '../core/dates';
import type { UpdateRound } from '../core/round';
import { openUpdateRound } from '../paper/round';
import { RAG_POLICY_SETTING } from '../core/status';
import type { RagPolicy } from '../core/status';
import { createTrackerData, provision, type Stored } from '../data';
import { readTable } from './readers';
import { writePlan, type ImportProgress, type WriteResult } from './writer';
import { TRACKER_SCHEMA } from '../schema';

/** The demo data folder of this checkout. */
export const DEMO_DATA_DIR = resolve(__dirname, '..', '..', 'data', 'demo');

/** The demo site's RAG policy: City of London's, RED past the original deadline. */
export const DEMO_RAG_POLICY: RagPolicy = { overdueAgainst: 'original' };

/** The demo sources, in the order they are loaded. */
export const DEMO_FILES = [
  'lancashire-hmic-recommendations-tracker.tsv',
  'city-of-london-recommendations.json',
  'lincolnshire-action-matrix.json',
  'lincolnshire-pcc-plan-2024-02.json'
] as const;

export interface SeedDemoOptions {
  /** Folder holding the demo files; defaults to this checkout's `data/demo`. */
  dataDir?: string;
  log?: (line: string) => void;
  onProgress?: (file: string, p: ImportProgress) => void;
}

export interface SeedDemoResult {
  /** Per demo file, what the import did. */
  files: { file: string; result: WriteResult }[];
}

/** Reads `people.json`: role aliases, the owner texts that map to them, and their directorates. */
export async function readDemoPeople(dataDir: string = DEMO_DATA_DIR): Promise<PeopleTable> {
  const json = JSON.parse(await readFile(join(dataDir, 'people.json'), 'utf8')) as { domain?: unknown; entries?: { match: string[]; alias: string; directorate?: string }[] };
  if (typeof json.domain !== 'string' || !Array.isArray(json.entries)) throw new Error('people.json needs "domain" and "entries".');
  const domain = json.domain;
  return parsePeopleTable({ entries: json.entries.map((e) => ({ match: e.match, login: `${e.alias}@${domain}`, directorate: e.directorate })) });
}

/** Plans one demo file. */
export async function planDemoFile(file: string, people: PeopleTable, dataDir: string = DEMO_DATA_DIR): Promise<ImportPlan> {
  const path = join(dataDir, file);
  if (file.endsWith('.json')) return planDocument(parseRawDocument(JSON.parse(await readFile(path, 'utf8')), file), { people, importedOn: londonDate(new Date()) });
  // Lancashire's tracker is of HMIC reports (joint ones are recognised by their type).
  const table = await readTable(new Uint8Array(await readFile(path)), file);
  return planTable(table, { people, defaultSource: 'HMICFRS', importedOn: londonDate(new Date()) }).plan;
}

/** The demo round's committee. */
export const DEMO_ROUND_COMMITTEE = 'Police Performance Committee';

/**
 * Opens the demo's update round (every open item of the register, reply in 14 days, paper in 28),
 * so that owners' inboxes show their round card as soon as the reminder service starts.
 */
export async function openDemoRound(sp: SPFI, now: Date, by = 'Strategic Development Analyst'): Promise<Stored<UpdateRound>> {
  const today = londonDate(now);
  const data = createTrackerData(sp);
  return openUpdateRound(data, { committee: DEMO_ROUND_COMMITTEE, selection: {}, replyBy: addDays(today, 14), paperDate: addDays(today, 28) }, { name: by, at: now.toISOString() });
}

/**
 * Provisions the site and loads every demo file, idempotently. Throws (a DataError, or the
 * importer's IncompleteImportError) when the site refuses writes; running it again finishes.
 */
export async function seedDemo(sp: SPFI, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => undefined);
  const dataDir = opts.dataDir ?? DEMO_DATA_DIR;
  const report = await provision(sp, TRACKER_SCHEMA, log);
  log(`Schema version ${report.toVersion}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`);
  const data = createTrackerData(sp);
  // City of London's committee measures RED against the original deadline; the demo does too,
  // unless a site owner has since chosen otherwise.
  if ((await data.settings.get(RAG_POLICY_SETTING)) === undefined) await data.settings.setRagPolicy(DEMO_RAG_POLICY);
  const people = await readDemoPeople(dataDir);
  const files: SeedDemoResult['files'] = [];
  for (const file of DEMO_FILES) {
    const plan = await planDemoFile(file, people, dataDir);
    const result = await writePlan(data, plan, { onProgress: (p) => opts.onProgress?.(file, p) });
    log(`${file}: ${result.created.recommendations} recommendations created, ${result.existing.recommendations} already there.`);
    files.push({ file, result });
  }
  return { files };
}
