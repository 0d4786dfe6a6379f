/**
 * What an import would do, counted the way a user checks it against the source: per report and
 * per status as written, plus every problem with its row, column and value.
 */
import { formatUkDate } from '../dates';
import type { RecordedStatus, TrafficLight } from '../model';
import { DEFAULT_RAG_POLICY, colourDifference, colourReasonText, ragPolicyStatement } from '../status';
import type { RagPolicy } from '../status';
import type { ImportPlan, ImportProblem } from './types';

export interface ReportCount {
  title: string;
  recommendations: number;
  actions: number;
  updates: number;
  /** Per status as the source wrote it ('' when none was given). */
  byStatus: Record<string, number>;
}

export interface PlanSummary {
  reports: ReportCount[];
  recommendations: number;
  actions: number;
  updates: number;
  byStatus: Record<string, number>;
  byLifecycle: Record<string, number>;
  /** Force rows linked to the national row they repeat. */
  linkedToNational: number;
  problems: { error: number; warning: number; info: number };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function summarisePlan(plan: ImportPlan): PlanSummary {
  const reports = new Map<string, ReportCount>(
    plan.reports.map((r) => [r.key, { title: r.report.title, recommendations: 0, actions: 0, updates: 0, byStatus: {} }])
  );
  const byStatus: Record<string, number> = {};
  const byLifecycle: Record<string, number> = {};
  let actions = 0;
  let updates = 0;
  for (const rec of plan.recommendations) {
    const report = reports.get(rec.reportKey);
    if (report) {
      report.recommendations += 1;
      report.actions += rec.actions.length;
      report.updates += rec.updates.length;
      bump(report.byStatus, rec.statusText);
    }
    bump(byStatus, rec.statusText);
    bump(byLifecycle, rec.recommendation.lifecycle);
    actions += rec.actions.length;
    updates += rec.updates.length;
  }
  const problems = { error: 0, warning: 0, info: 0 };
  for (const p of plan.problems) problems[p.severity] += 1;
  return {
    reports: [...reports.values()],
    recommendations: plan.recommendations.length,
    actions,
    updates,
    byStatus,
    byLifecycle,
    linkedToNational: plan.recommendations.filter((r) => r.nationalKey).length,
    problems
  };
}

/** One problem as a line: "row 12, column "Status": "Done?" — Status word not recognised…". */
export function formatProblem(p: ImportProblem): string {
  const where = [p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column "${p.column}"` : null].filter((w) => w !== null).join(', ');
  const value = p.value.length > 80 ? `${p.value.slice(0, 77)}...` : p.value;
  return `${p.severity.toUpperCase()} ${where || 'file'}: "${value}" - ${p.message}`;
}

function statusList(byStatus: Record<string, number>): string {
  return Object.entries(byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${status === '' ? '(no status)' : status} ${n}`)
    .join(', ');
}

/** An item whose colour, derived by the status rules on the source's date, is not the one the source recorded. */
export interface PlannedColourDifference {
  reportTitle: string;
  /** The recommendation's ref, or "ref / action ref" for an action. */
  ref: string;
  recorded: RecordedStatus;
  derived: TrafficLight;
  reason: string;
}

/**
 * The items that will show a different colour from the source's: each recommendation and action
 * with a recorded colour, its colour derived as at the source's own date under `policy`.
 */
export function plannedColourDifferences(plan: ImportPlan, policy: RagPolicy = DEFAULT_RAG_POLICY): PlannedColourDifference[] {
  const titles = new Map(plan.reports.map((r) => [r.key, r.report.title]));
  const out: PlannedColourDifference[] = [];
  for (const p of plan.recommendations) {
    const rec = p.recommendation;
    const reportTitle = titles.get(p.reportKey) ?? '';
    const push = (ref: string, facts: Parameters<typeof colourDifference>[0]): void => {
      const diff = facts.recorded ? colourDifference(facts, facts.recorded.on, policy) : null;
      if (diff) out.push({ reportTitle, ref, recorded: diff.recorded, derived: diff.derived, reason: colourReasonText(diff.reason) });
    };
    push(rec.ref, rec);
    for (const a of p.actions) push(`${rec.ref} / ${a.action.ref}`, { ...rec, lifecycle: a.action.lifecycle, due: a.action.due, ragOverride: undefined, recorded: a.action.recorded });
  }
  return out;
}

/** The preview's lines on colours: how many items will differ from the source, and which. */
function colourLines(plan: ImportPlan, policy: RagPolicy): string[] {
  const differing = plannedColourDifferences(plan, policy);
  const lines = [ragPolicyStatement(policy)];
  if (differing.length === 0) {
    lines.push('Colours: every item the source gives a colour will show that colour.');
    return lines;
  }
  lines.push(`Colours: ${differing.length} ${differing.length === 1 ? 'item' : 'items'} will show a different colour from the source (both are kept and shown):`);
  for (const d of differing) lines.push(`  ${d.reportTitle} ${d.ref}: the source recorded ${d.recorded.label} on ${formatUkDate(d.recorded.on)}; the tracker shows ${d.derived}. ${d.reason}`);
  return lines;
}

/**
 * The dry-run preview: counts per report and status, the items whose colour will differ from the
 * source's under the site's RAG `policy`, then every problem (info lines only when asked).
 */
export function formatPreview(plan: ImportPlan, options: { includeInfo?: boolean; policy?: RagPolicy } = {}): string {
  const s = summarisePlan(plan);
  const lines: string[] = [];
  lines.push(`${plan.name}: ${s.reports.length} reports, ${s.recommendations} recommendations, ${s.actions} actions, ${s.updates} progress updates.`);
  lines.push(`By status: ${statusList(s.byStatus)}.`);
  lines.push(`By lifecycle: ${statusList(s.byLifecycle)}.`);
  if (s.linkedToNational > 0) lines.push(`${s.linkedToNational} force rows repeat a national row and will be linked to it.`);
  lines.push('');
  for (const r of s.reports) {
    lines.push(`  ${r.title}: ${r.recommendations} (${statusList(r.byStatus)})${r.actions > 0 ? `, ${r.actions} actions` : ''}${r.updates > 0 ? `, ${r.updates} updates` : ''}`);
  }
  lines.push('');
  lines.push(...colourLines(plan, options.policy ?? DEFAULT_RAG_POLICY));
  const shown = plan.problems.filter((p) => options.includeInfo || p.severity !== 'info');
  lines.push('');
  lines.push(`Problems: ${s.problems.error} errors, ${s.problems.warning} warnings${s.problems.info > 0 ? `, ${s.problems.info} notes` : ''}.`);
  for (const p of shown) lines.push(`  ${formatProblem(p)}`);
  return lines.join('\n');
}
