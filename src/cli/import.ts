/**
 * `npm run import -- <file> [--mapping <file>] [--people <file>] [--source <publisher>] [--dry-run] [--site <url>] [--user <alias>]`
 *
 * Imports a force's tracker (.xlsx, .csv, .tsv) or a structured document (.json, as in data/demo)
 * into the tracker site. `--dry-run` writes nothing and prints the preview: counts per report and
 * status, and every problem with its row, column and value. Running it again changes nothing; a
 * run cut off part way finishes next time. Exits non-zero when rows were rejected or writes failed.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatPreview,
  formatProblem,
  parseMappingFile,
  parsePeopleTable,
  parseRawDocument,
  parseSource,
  planDocument,
  planTable,
  type ImportPlan,
  type PeopleTable
} from '../core/import';
import { londonDate } from '../core/dates';
import { DEFAULT_RAG_POLICY, readRagPolicy } from '../core/status';
import { createTrackerData, DataError } from '../data';
import { decodeText, readTable, UnreadableFileError } from '../import/readers';
import { IncompleteImportError, writePlan, type ImportProgress, type WriteResult } from '../import/writer';
import { nodeSp } from '../data/node';
import { siteAuthFromArgs, SITE_AUTH_OPTIONS, SITE_AUTH_USAGE } from './sp';

const USAGE = `Usage: npm run import -- <file> [--mapping <file>] [--people <file>] [--source <publisher>] [--force <name>] [--sheet <name>] [--dry-run] [--site <url>] [--user <alias> | --tenant … --client-id … --certificate … --thumbprint …]

  <file>       .xlsx, .csv, .tsv (a tracker) or .json (a structured document, as in data/demo)
  --mapping    JSON naming columns the importer does not recognise: {"columns": {"Heading": "text", "Notes": "ignore"}}
  --people     JSON matching owner names to accounts, with the directorate each leads (optional; used when a row names none):
               {"entries": [{"match": ["Head of Crime"], "login": "owner@contoso.onmicrosoft.com", "directorate": "Crime"}]}
  --source     publisher of reports whose rows name none (HMICFRS, HMCPSI, …)
  --force      the force whose tracker this is, when its scope column does not say
  --dry-run    write nothing; print what would be imported, which items will show another colour than the source's, and every problem
  --site       the tracker site (required unless --dry-run); its RAG setting decides the colours
  --rag        original | current: the deadline RED is measured against in a dry run without --site (default current)
${SITE_AUTH_USAGE}`;

/** Reads a file's bytes; a missing or unreadable file is one line naming it. */
async function bytesOf(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message}.`);
  }
}

/** Reads a JSON file (`--mapping`, `--people`, a structured document) and hands it to its parser, naming the file in any error. */
async function readJsonFile<T>(path: string, what: string, parse: (value: unknown) => T): Promise<T> {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(await bytesOf(path), path));
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`${path}: the ${what} is not valid JSON (${(e as Error).message}).`);
  }
  try {
    return parse(value);
  } catch (e) {
    const message = (e as Error).message;
    throw new UnreadableFileError(message.includes(path) ? message : `${path}: ${message}`);
  }
}

/** Reads the file named on the command line into a plan; a file with nothing to import is refused. */
export async function planFile(
  file: string,
  options: { mapping?: string; people?: string; source?: string; force?: string; sheet?: string } = {}
): Promise<ImportPlan> {
  const plan = await readPlan(file, options);
  if (plan.recommendations.length === 0 && !plan.problems.some((p) => p.severity === 'error')) {
    throw new UnreadableFileError(`${basename(file)}: holds no recommendations to import: every row below its headings is empty.`);
  }
  return plan;
}

async function readPlan(
  file: string,
  options: { mapping?: string; people?: string; source?: string; force?: string; sheet?: string } = {}
): Promise<ImportPlan> {
  const people: PeopleTable | undefined = options.people ? await readJsonFile(options.people, '--people file', parsePeopleTable) : undefined;
  const defaultSource = options.source ? parseSource(options.source) : undefined;
  if (extname(file).toLowerCase() === '.json') {
    const doc = await readJsonFile(file, 'document', (v) => parseRawDocument(v, basename(file)));
    return planDocument(doc, { people, defaultSource, importedOn: londonDate(new Date()) });
  }
  const mapping = options.mapping ? await readJsonFile(options.mapping, '--mapping file', parseMappingFile) : undefined;
  const table = await readTable(await bytesOf(file), basename(file), options.sheet);
  return planTable(table, { mapping, people, defaultSource, force: options.force, importedOn: londonDate(new Date()) }).plan;
}

function progressLine(p: ImportProgress): string {
  return `\r  ${p.phase}: ${p.done}/${p.total}        `;
}

function resultLines(r: WriteResult): string {
  const c = r.created;
  const e = r.existing;
  return [
    `Created ${c.reports} reports, ${c.recommendations} recommendations, ${c.actions} actions, ${c.updates} progress updates.`,
    `Already on the site (left as they are): ${e.reports} reports, ${e.recommendations} recommendations, ${e.actions} actions, ${e.updates} progress updates.`,
    `${r.linked} force rows linked to their national row. People: ${r.people.matched} matched to site users, ${r.people.unmatched} kept as text.`
  ].join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      people: { type: 'string' },
      source: { type: 'string' },
      force: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean' },
      site: { type: 'string' },
      rag: { type: 'string' },
      ...SITE_AUTH_OPTIONS,
      help: { type: 'boolean' }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new Error(`Give one file to import.\n${USAGE}`);
  if (!values['dry-run'] && !values.site) throw new Error(`--site is required (or use --dry-run).\n${USAGE}`);
  const auth = siteAuthFromArgs(values);

  if (values.rag !== undefined && values.site) throw new Error(`--rag is for a dry run without --site: the site's own setting decides its colours.\n${USAGE}`);
  const cliPolicy = values.rag !== undefined ? readRagPolicy(values.rag) : undefined;
  const plan = await planFile(positionals[0], values);
  const errors = plan.problems.filter((p) => p.severity === 'error').length;
  const data = values.site ? createTrackerData(nodeSp(values.site, auth)) : null;
  const policy = cliPolicy ?? (data ? await data.settings.ragPolicy() : DEFAULT_RAG_POLICY);
  if (values['dry-run'] || data === null) {
    process.stdout.write(`${formatPreview(plan, { policy })}\n\nDry run: nothing was written.\n`);
    return errors > 0 ? 2 : 0;
  }

  process.stdout.write(`${formatPreview(plan, { policy })}\n\nImporting into ${values.site}…\n`);
  const showProgress = process.stderr.isTTY === true;
  const onProgress = (p: ImportProgress): void => {
    if (showProgress) process.stderr.write(progressLine(p));
  };
  try {
    const result = await writePlan(data, plan, { onProgress });
    if (showProgress) process.stderr.write('\n');
    for (const p of result.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
    process.stdout.write(`${resultLines(result)}\n`);
    return errors > 0 ? 2 : 0;
  } catch (e) {
    if (showProgress) process.stderr.write('\n');
    if (e instanceof IncompleteImportError) {
      for (const p of e.result.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
      process.stdout.write(`${resultLines(e.result)}\n`);
    }
    throw e;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`Import failed: ${e instanceof DataError || e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
  );
}
