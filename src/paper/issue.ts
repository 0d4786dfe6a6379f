/**
 * Preparing and issuing the committee paper from a site. Issuing stores the Word document, the
 * printable HTML and the JSON snapshot of what every item said in the "Committee Papers" library;
 * files there are never overwritten, so an issued paper never changes. The next paper is compared
 * with the latest snapshot of the same committee, not with a recomputation of history.
 * Browser-safe: the tracker web part's "Committee paper" command and the CLI both call this.
 */
import type { IsoDate, IsoInstant } from '../core/model';
import { buildCommitteePaper, buildPlanUpdate, parseSnapshot, selectionDirectorates, serialiseSnapshot, snapshotOf } from '../core/paper';
import type { CommitteePaper, PaperBaseline, PaperInput, PaperSelection, PaperSnapshot, PlanUpdate } from '../core/paper';
import { roundProblemText, type RoundProblem } from '../core/round';
import type { RagPolicy } from '../core/status';
import { itemName, problemsText, type PaperFile, type TrackerData } from '../data';
import { renderPaperDocx } from './docx';
import { renderPaperHtml } from './html';

/** The repositories a paper reads and writes. */
export type PaperData = Pick<TrackerData, 'reports' | 'recommendations' | 'actions' | 'updates' | 'papers' | 'settings'>;

/**
 * What to compare with: the committee's latest issued paper (default), a chosen issued paper, a
 * date through the items' histories, or nothing (a first paper).
 */
export type BaselineChoice = { kind: 'latest-issued' } | { kind: 'issued'; paperId: string } | { kind: 'date'; date: IsoDate } | { kind: 'none' };

export interface PaperOptions {
  /** The date the paper speaks for (London). */
  asAt: IsoDate;
  selection?: PaperSelection;
  title?: string;
  /** The committee the paper goes to; papers of one committee form one series of snapshots. */
  committee?: string;
  baseline?: BaselineChoice;
  /** Which due date makes an item RED; the site's setting (Tracker Settings) when absent. */
  ragPolicy?: RagPolicy;
  /** The closed update round the paper is for: its answers decide "Awaiting update" (core/round). */
  round?: PaperInput['round'];
}

export interface IssueOptions extends PaperOptions {
  issuedAt: IsoInstant;
  /** Who issued it (display name). */
  issuedBy: string;
}

/** An issued paper: its content, its snapshot and the three files stored for it. */
export interface IssuedPaper {
  paper: CommitteePaper;
  snapshot: PaperSnapshot;
  files: { docx: PaperFile; html: PaperFile; snapshot: PaperFile };
}

/** A paper of the same committee and date was already issued: it is not replaced. */
export class PaperAlreadyIssuedError extends Error {
  /** The problem by code, for the screens' words. */
  readonly problem: RoundProblem;

  constructor(readonly existing: PaperFile) {
    const problem: RoundProblem = { code: 'paperIssued', args: [existing.paperDate, existing.name] };
    super(roundProblemText(problem));
    this.problem = problem;
    this.name = 'PaperAlreadyIssuedError';
  }
}

/**
 * The register's content a paper is built from. Items that need completing are left out and named
 * with why, and so are the recommendations of a report that needs completing: the paper has no
 * report to print them under.
 */
export async function loadRegister(data: PaperData): Promise<Pick<PaperInput, 'reports' | 'recommendations' | 'actions' | 'updates' | 'leftOut'>> {
  const [reports, recommendations, actions, updates] = await Promise.all([data.reports.read(), data.recommendations.read(), data.actions.read(), data.updates.read()]);
  const incompleteReports = new Map(reports.incomplete.map((r) => [r.id, itemName(r.listTitle, r.id, r.title)]));
  const leftOut = [reports, recommendations, actions, updates].flatMap((read) => read.incomplete.map((i) => ({ item: itemName(i.listTitle, i.id, i.title), reason: problemsText(i.problems) })));
  const printable = recommendations.items.filter((s) => {
    const report = s.value.reportId === undefined ? undefined : incompleteReports.get(s.value.reportId);
    if (report !== undefined) leftOut.push({ item: itemName(data.recommendations.title, s.id, s.value.ref), reason: `its report, ${report}, needs completing` });
    return report === undefined;
  });
  return {
    reports: reports.items.map((s) => s.value),
    recommendations: printable.map((s) => s.value),
    actions: actions.items.map((s) => s.value),
    updates: updates.items.map((s) => s.value),
    leftOut
  };
}

function sameCommittee(file: PaperFile, committee: string | undefined): boolean {
  return (file.committee ?? '') === (committee ?? '');
}

const SNAPSHOT_SUFFIX = '.snapshot.json';

/** An issued paper as the library holds it: its id, date, committee and files. */
export interface IssuedPaperFiles {
  paperId: string;
  paperDate: IsoDate;
  committee?: string;
  files: PaperFile[];
}

/**
 * The issued papers in the library, newest first (optionally one committee's): what a user picks
 * the previous paper from. A paper counts as issued once its snapshot is stored.
 */
export async function listIssuedPapers(data: Pick<PaperData, 'papers'>, committee?: string): Promise<IssuedPaperFiles[]> {
  const files = await data.papers.list();
  return files
    .filter((f) => f.kind === 'Snapshot' && f.name.endsWith(SNAPSHOT_SUFFIX) && (committee === undefined || sameCommittee(f, committee)))
    .map((snapshot) => {
      const paperId = snapshot.name.slice(0, -SNAPSHOT_SUFFIX.length);
      const own = files.filter((f) => f.kind === 'Paper' && f.name.slice(0, f.name.lastIndexOf('.')) === paperId);
      return { paperId, paperDate: snapshot.paperDate, ...(snapshot.committee ? { committee: snapshot.committee } : {}), files: [...own, snapshot] };
    });
}

/** The snapshot of an issued paper, read and checked. @throws Error when there is no such paper. */
export async function readIssuedSnapshot(data: Pick<PaperData, 'papers'>, paperId: string): Promise<PaperSnapshot> {
  const file = (await data.papers.list('Snapshot')).find((f) => f.name === `${paperId}${SNAPSHOT_SUFFIX}`);
  if (!file) throw new Error(`There is no issued paper '${paperId}' in the Committee Papers library.`);
  return parseSnapshot(await data.papers.readText(file.serverRelativeUrl));
}

/** The latest snapshot of the committee's papers dated before `asAt`, read and checked; null if none. */
export async function latestSnapshotBefore(data: Pick<PaperData, 'papers'>, asAt: IsoDate, committee?: string): Promise<PaperSnapshot | null> {
  const file = (await data.papers.list('Snapshot')).find((f) => f.paperDate < asAt && sameCommittee(f, committee));
  return file ? parseSnapshot(await data.papers.readText(file.serverRelativeUrl)) : null;
}

async function resolveBaseline(data: PaperData, options: PaperOptions): Promise<PaperBaseline> {
  const choice = options.baseline ?? { kind: 'latest-issued' };
  if (choice.kind === 'date') return { kind: 'date', date: choice.date };
  if (choice.kind === 'none') return { kind: 'none' };
  if (choice.kind === 'issued') {
    const chosen = await readIssuedSnapshot(data, choice.paperId);
    if (chosen.asAt >= options.asAt) throw new Error(`The paper '${choice.paperId}' (${chosen.asAt}) is not earlier than this paper's date (${options.asAt}).`);
    return { kind: 'snapshot', snapshot: chosen };
  }
  const snapshot = await latestSnapshotBefore(data, options.asAt, options.committee);
  return snapshot ? { kind: 'snapshot', snapshot } : { kind: 'none' };
}

/** Builds the paper from the site without storing anything (a preview, or the CLI's output). */
export async function prepareCommitteePaper(data: PaperData, options: PaperOptions): Promise<CommitteePaper> {
  const [register, baseline, ragPolicy] = await Promise.all([loadRegister(data), resolveBaseline(data, options), options.ragPolicy ?? data.settings.ragPolicy()]);
  return buildCommitteePaper({ ...register, asAt: options.asAt, selection: options.selection, title: options.title, baseline, ragPolicy, ...(options.round ? { round: options.round } : {}) });
}

/** "2017-11-23-police-performance-committee": the stem of the paper's file names. */
export function paperStem(asAt: IsoDate, label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `${asAt}-${slug}` : asAt;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * Builds, renders and stores the paper with its snapshot. The snapshot is stored last: a paper
 * counts as issued (and becomes the next paper's baseline) only once all three files are saved, and
 * an interrupted attempt leaves its partial files untouched and takes a fresh name next time.
 * @throws PaperAlreadyIssuedError when this committee already has a paper issued for that date.
 */
export async function issueCommitteePaper(data: PaperData, options: IssueOptions): Promise<IssuedPaper> {
  const existing = await data.papers.list();
  const issued = existing.find((f) => f.kind === 'Snapshot' && f.paperDate === options.asAt && sameCommittee(f, options.committee));
  if (issued) throw new PaperAlreadyIssuedError(issued);

  const paper = await prepareCommitteePaper(data, options);
  const label = [options.committee ?? paper.title, ...selectionDirectorates(options.selection)].filter(Boolean).join(' ');
  const stem = paperStem(options.asAt, label);
  const taken = new Set(existing.map((f) => f.name.toLowerCase()));
  const names = (id: string): string[] => [`${id}.docx`, `${id}.html`, `${id}${SNAPSHOT_SUFFIX}`];
  let paperId = stem;
  for (let n = 2; names(paperId).some((name) => taken.has(name.toLowerCase())); n++) paperId = `${stem}-${n}`;

  const snapshot = snapshotOf(paper, { paperId, issuedAt: options.issuedAt, issuedBy: options.issuedBy });
  const [docxName, htmlName, snapshotName] = names(paperId);
  const common = { paperDate: options.asAt, committee: options.committee };
  const docx = await data.papers.add({ ...common, name: docxName, kind: 'Paper', content: toArrayBuffer(await renderPaperDocx(paper)) });
  const html = await data.papers.add({ ...common, name: htmlName, kind: 'Paper', content: renderPaperHtml(paper) });
  const snapshotFile = await data.papers.add({ ...common, name: snapshotName, kind: 'Snapshot', content: serialiseSnapshot(snapshot) });
  return { paper, snapshot, files: { docx, html, snapshot: snapshotFile } };
}

/**
 * Builds the plan delivery update for one plan (an originating report of type 'Plan') from the site.
 * @throws Error when the report does not exist or is not a plan.
 */
export async function preparePlanUpdate(data: PaperData, options: { planId: number; period: { from: IsoDate; to: IsoDate }; asAt: IsoDate; title?: string }): Promise<PlanUpdate> {
  const plan = await data.reports.find(options.planId);
  if (!plan) throw new Error(`There is no report ${options.planId} on the site.`);
  if (plan.value.reportType !== 'Plan') throw new Error(`Report ${options.planId} ('${plan.value.title}') is a ${plan.value.reportType} report, not a plan.`);
  const register = await loadRegister(data);
  return buildPlanUpdate({
    plan: plan.value,
    commitments: register.recommendations.filter((r) => r.reportId === options.planId),
    updates: register.updates,
    actions: register.actions,
    period: options.period,
    asAt: options.asAt,
    title: options.title
  });
}
