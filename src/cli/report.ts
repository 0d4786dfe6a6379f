/**
 * `npm run report -- --format docx|html [--since <date>] [--out <file>] [--site <url>] [--issue]`
 * writes the committee paper from the tracker site to a file, and with `--issue` also issues it:
 * the Word document, the HTML page and the snapshot go to the site's "Committee Papers" library.
 * NEW and CLOSED are measured against the committee's latest issued paper, or against `--since`.
 * With `--plan <id>` it writes the plan delivery update of that plan instead, for the quarter
 * ending on `--date` (or from `--from`).
 */
import { access, constants, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, addMonths, isoDate, isValidDate, londonDate, parseIsoDate } from '../core/dates';
import type { IsoDate } from '../core/model';
import type { CommitteePaper, PlanUpdate } from '../core/paper';
import { createTrackerData } from '../data';
import { renderPaperFile, renderPlanUpdateFile } from '../paper/files';
import { issueCommitteePaper, prepareCommitteePaper, preparePlanUpdate } from '../paper/issue';
import type { BaselineChoice, PaperOptions } from '../paper/issue';
import { nodeSp, type NodeSpOptions } from '../data/node';
import { siteAuthFromArgs, SiteAuthUsageError, SITE_AUTH_OPTIONS, SITE_AUTH_USAGE } from './sp';

const USAGE = `Usage: npm run report -- --format docx|html --site <url> [--since <date> | --previous <paper id>] [--date <date>] [--out <file>] [--issue]
       [--committee <name>] [--title <text>] [--directorate <name>] [--report <id>]... [--user <alias> | --tenant … --client-id … --certificate … --thumbprint …]
       npm run report -- --plan <id> --format docx|html --site <url> [--date <date>] [--from <date>] [--out <file>]
  --format       docx (Word) or html (printable page); default docx
  --site         the tracker site
  --since        mark NEW / CLOSED against each item's history at this date, instead of the latest issued paper
  --previous     mark NEW / CLOSED against this issued paper (its id, e.g. 2017-11-23-police-committee)
  --date         the date the paper speaks for; default today (Europe/London)
  --out          the file to write; default <date>-<title>.<format> in the current folder
  --issue        also issue the paper: store it and its snapshot in the site's Committee Papers library
  --committee    the committee the paper goes to (its papers form one series)
  --directorate  only this directorate's items
  --report       only this originating report (its list item id); repeat for several
${SITE_AUTH_USAGE}
  --plan         write the plan delivery update of this plan (its report's list item id) instead
  --from         the first day of the plan update's quarter; default three months before --date
Dates are YYYY-MM-DD or day first, DD/MM/YYYY.`;

/** A usage error: the message says what to fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

/** Reads a command-line date: ISO (`2017-11-23`) or UK day-first (`23/11/2017`). */
export function parseCliDate(text: string, option: string): IsoDate {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (uk) {
    const [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    if (!isValidDate(year, month, day)) throw new UsageError(`${option}: there is no such date as ${text}.`);
    return isoDate(year, month, day);
  }
  try {
    parseIsoDate(text.trim());
    return text.trim();
  } catch {
    throw new UsageError(`${option}: '${text}' is not a date (use YYYY-MM-DD or DD/MM/YYYY).`);
  }
}

/** The parsed command line. */
export interface ReportArgs {
  format: 'docx' | 'html';
  site: string;
  /** Who the command acts as: a stand-in user, or the tenant app registration. */
  auth: NodeSpOptions;
  out?: string;
  issue: boolean;
  options: PaperOptions;
  /** Set for the plan delivery update instead of the committee paper. */
  plan?: { planId: number; period: { from: IsoDate; to: IsoDate } };
}

/** Parses the arguments; `now` gives the default paper date. */
export function parseReportArgs(argv: string[], now: Date): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        since: { type: 'string' },
        previous: { type: 'string' },
        date: { type: 'string' },
        out: { type: 'string' },
        site: { type: 'string' },
        ...SITE_AUTH_OPTIONS,
        issue: { type: 'boolean' },
        committee: { type: 'string' },
        title: { type: 'string' },
        directorate: { type: 'string' },
        report: { type: 'string', multiple: true },
        plan: { type: 'string' },
        from: { type: 'string' }
      }
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const format = v.format ?? 'docx';
  if (format !== 'docx' && format !== 'html') throw new UsageError(`--format must be docx or html, not '${format}'.`);
  if (!v.site) throw new UsageError('--site is required.');
  let auth: NodeSpOptions;
  try {
    auth = siteAuthFromArgs(v);
  } catch (e) {
    throw e instanceof SiteAuthUsageError ? new UsageError(e.message) : e;
  }
  const asAt = v.date ? parseCliDate(v.date, '--date') : londonDate(now);
  let baseline: BaselineChoice = { kind: 'latest-issued' };
  if (v.since) {
    const since = parseCliDate(v.since, '--since');
    if (since >= asAt) throw new UsageError(`--since (${since}) must be before the paper's date (${asAt}).`);
    baseline = { kind: 'date', date: since };
  }
  if (v.previous !== undefined) {
    if (v.since) throw new UsageError('Give --since or --previous, not both.');
    baseline = { kind: 'issued', paperId: v.previous };
  }
  const reportIds = (v.report ?? []).map((r) => {
    if (!/^\d+$/.test(r)) throw new UsageError(`--report takes a report's list item id (a whole number), not '${r}'.`);
    return Number(r);
  });
  let plan: ReportArgs['plan'];
  if (v.plan !== undefined) {
    if (!/^\d+$/.test(v.plan)) throw new UsageError(`--plan takes the plan's list item id (a whole number), not '${v.plan}'.`);
    if (v.issue || v.since || v.previous) throw new UsageError('--issue, --since and --previous are for the committee paper, not the plan update.');
    const from = v.from ? parseCliDate(v.from, '--from') : addDays(addMonths(asAt, -3), 1);
    if (from > asAt) throw new UsageError(`--from (${from}) must not be after the update's date (${asAt}).`);
    plan = { planId: Number(v.plan), period: { from, to: asAt } };
  } else if (v.from) {
    throw new UsageError('--from is for the plan update (with --plan).');
  }
  return {
    plan,
    format,
    site: v.site,
    auth,
    out: v.out,
    issue: v.issue ?? false,
    options: {
      asAt,
      baseline,
      title: v.title,
      committee: v.committee,
      selection: { ...(reportIds.length ? { reportIds } : {}), ...(v.directorate ? { directorate: v.directorate } : {}) }
    }
  };
}

/** Refuses, before anything is read or issued, an output folder that cannot be written. */
async function checkOutFolder(out: string | undefined): Promise<void> {
  const folder = dirname(resolve(out ?? 'paper'));
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new Error(`--out ${out ?? ''}: the folder ${folder} does not exist or cannot be written.`);
  }
}

/** Writes the file whole or not at all: a run cut off part way leaves no half-written paper. */
async function writeWhole(out: string, content: Uint8Array | string): Promise<void> {
  const partial = `${out}.${process.pid}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, out);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

/** Writes the plan delivery update; returns the file written and the update. */
export async function runPlanUpdate(args: ReportArgs, plan: NonNullable<ReportArgs['plan']>, log: (line: string) => void): Promise<{ out: string; update: PlanUpdate }> {
  await checkOutFolder(args.out);
  const data = createTrackerData(nodeSp(args.site, args.auth));
  const update = await preparePlanUpdate(data, { ...plan, asAt: args.options.asAt, title: args.options.title });
  const file = await renderPlanUpdateFile(update, args.format);
  const out = resolve(args.out ?? file.name);
  await writeWhole(out, file.content);
  const count = update.principles.reduce((n, p) => n + p.commitments.length, 0);
  log(`${update.principles.length} key principles, ${count} commitments. Written to ${out}.`);
  return { out, update };
}

/** Runs the command: returns what was written and, with `--issue`, the library files. */
export async function runReport(args: ReportArgs, now: Date, log: (line: string) => void): Promise<{ out: string; paper: CommitteePaper; issued: string[] }> {
  await checkOutFolder(args.out);
  const data = createTrackerData(nodeSp(args.site, args.auth));
  let paper: CommitteePaper;
  const issued: string[] = [];
  if (args.issue) {
    const result = await issueCommitteePaper(data, { ...args.options, issuedAt: now.toISOString(), issuedBy: 'user' in args.auth && args.auth.user !== undefined ? args.auth.user : 'report CLI' });
    paper = result.paper;
    issued.push(result.files.docx.serverRelativeUrl, result.files.html.serverRelativeUrl, result.files.snapshot.serverRelativeUrl);
  } else {
    paper = await prepareCommitteePaper(data, args.options);
  }
  const file = await renderPaperFile(paper, args.format, args.options.committee ?? paper.title);
  const out = resolve(args.out ?? file.name);
  await writeWhole(out, file.content);
  const c = paper.comparedWith;
  const compared = c === null ? 'no previous paper' : c.kind === 'paper' ? `the paper of ${c.asAt}` : c.kind === 'source' ? `the statuses the source recorded on ${c.date}` : c.date;
  log(`${paper.sections.length} reports, ${paper.summary.total} items (${paper.summary.newCount} NEW, ${paper.summary.closedSinceCount} CLOSED since ${compared}). Written to ${out}.`);
  for (const url of issued) log(`Issued: ${url}`);
  return { out, paper, issued };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const now = new Date();
  const args = parseReportArgs(argv, now);
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  if (args.plan) await runPlanUpdate(args, args.plan, log);
  else await runReport(args, now, log);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      // Usage, data, snapshot and already-issued errors all carry a message that says what to fix.
      process.stderr.write(`The committee paper was not written: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
  );
}
