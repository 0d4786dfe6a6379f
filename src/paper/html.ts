/**
 * The committee paper and the plan update as printable HTML pages. Every piece of data is escaped:
 * no markup from the register reaches the page, whatever an imported cell held.
 */
import { formatUkDate } from '../core/dates';
import type { TrafficLight } from '../core/model';
import { TRAFFIC_LIGHTS } from '../core/model';
import { UNCHECKED_TIMESCALE } from '../core/dueDates';
import { TRAFFIC_LIGHT_COLOURS, dueText, formatDateAs } from '../core/paper';
import type { CommitteePaper, PaperColourNote, PaperDue, PaperRow, PaperSection, PlanCommitmentEntry, PlanUpdate } from '../core/paper';
import { PAPER_STRINGS as S, activityText, changeRows, paperSubtitle, textBlocks } from './strings';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Stored text as HTML paragraphs, with bullet lines as lists. */
function paras(text: string): string {
  return textBlocks(text)
    .map((b) => (b.kind === 'paragraph' ? `<p>${escapeHtml(b.text)}</p>` : `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`))
    .join('');
}

function table(head: readonly string[], rows: string[], className: string): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return `<table class="${className}"><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function cells(values: string[]): string {
  return `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
}

/** A status cell: the colour as fill, the label as text (so it reads without colour too). */
function statusCell(colour: TrafficLight, label: string, note: PaperColourNote | null = null): string {
  const { fill, text } = TRAFFIC_LIGHT_COLOURS[colour];
  const recorded = note ? `<br><span class="source">${escapeHtml(S.sourceRecorded(note.recordedLabel, note.recordedOn))}</span>` : '';
  return `<td class="status" style="background:#${fill};color:#${text}">${escapeHtml(label)}${recorded}</td>`;
}

function dueCell(due: PaperDue, confidence = ''): string {
  const unchecked = due.unchecked ? `<p class="unchecked">(${escapeHtml(UNCHECKED_TIMESCALE)})</p>` : '';
  const rated = confidence ? `<p class="confidence">${escapeHtml(S.confidence(confidence))}</p>` : '';
  if (!due.nowDue) return `${due.original ? `<p>${escapeHtml(due.original)}</p>` : ''}${unchecked}${rated}`;
  const original = due.original ? `<p>${escapeHtml(S.original)}: ${escapeHtml(due.original)}</p>` : '';
  return `${original}<p>${escapeHtml(S.nowDue)}: ${escapeHtml(due.nowDue)}</p>${rated}`;
}

/** The line that says why the colour printed is not the one the source recorded. */
function colourWhy(note: PaperColourNote | null, colour: TrafficLight): string {
  return note ? `<p class="recorded">${escapeHtml(S.colourWhy(note.recordedLabel, note.recordedOn, colour, note.reason))}</p>` : '';
}

function row(r: PaperRow): string {
  const red = r.redRationale?.overdue ? `<p class="overdue">${escapeHtml(r.redRationale.overdue)}</p>` : '';
  const main = `<tr class="item${r.marker ? ' changed' : ''}"><td class="ref">${escapeHtml(r.ref)}</td><td><p class="kind">${escapeHtml(r.kind)}</p>${paras(r.text)}</td>${statusCell(r.trafficLight, r.statusLabel, r.colourNote)}<td>${dueCell(r.due, r.confidence)}</td><td>${paras(r.comment)}${r.commentDate ? `<p class="updated">${escapeHtml(S.commentDate(r.commentDate))}</p>` : ''}${red}${colourWhy(r.colourNote, r.trafficLight)}${r.sameAs ? `<p class="same-as">${escapeHtml(S.sameAs(r.sameAs))}</p>` : ''}</td></tr>`;
  const actions = r.actions.map(
    (a) =>
      `<tr class="action"><td class="ref">${escapeHtml(a.ref)}</td><td><p class="kind">${escapeHtml(S.actionRequired)}</p>${paras(a.text)}</td>${statusCell(a.trafficLight, a.statusLabel, a.colourNote)}<td>${dueCell(a.due)}</td><td>${a.currentPosition ? `<p class="kind">${escapeHtml(S.currentPosition)}</p>${paras(a.currentPosition)}` : ''}${colourWhy(a.colourNote, a.trafficLight)}</td></tr>`
  );
  return main + actions.join('');
}

function section(s: PaperSection): string {
  const body = s.rows.length ? table(S.tableColumns, s.rows.map(row), 'items') : `<p>${escapeHtml(S.noRows)}</p>`;
  return `<section class="report"><h2>${escapeHtml(s.title)}</h2><p class="byline">${escapeHtml(s.byLine)}</p><p class="published">${escapeHtml(s.publishedLine)}</p><p class="scope">${escapeHtml(s.scopeSentence)}</p>${s.registerScopeSentence ? `<p class="register-scope">${escapeHtml(S.registerCount(s.registerScopeSentence))}</p>` : ''}${body}</section>`;
}

const PRINT_CSS = `
@page { size: A4 landscape; margin: 15mm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 10pt; color: #000; background: #fff; margin: 0 auto; max-width: 280mm; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 4pt; page-break-after: avoid; }
p { margin: 0 0 4pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #d9d9d9; }
table.counts, table.legend { width: auto; min-width: 50%; }
table.items { table-layout: fixed; }
table.items th:nth-child(1) { width: 5%; }
table.items th:nth-child(2) { width: 38%; }
table.items th:nth-child(3) { width: 10%; }
table.items th:nth-child(4) { width: 12%; }
table.items th:nth-child(5) { width: 35%; }
td.status { font-weight: bold; text-align: center; white-space: nowrap; }
td.status .source { font-weight: normal; font-size: 8pt; white-space: normal; }
.recorded, .overdue, .register-scope, .policy, .unchecked, .same-as { font-style: italic; }
td.ref { white-space: nowrap; }
tr.action td { background: #f5f5f5; }
tr.action td.ref { padding-left: 12pt; }
.kind { font-weight: bold; }
.byline, .published { font-style: italic; }
.scope { font-weight: bold; }
span.status { padding: 0 4pt; font-weight: bold; border: 1px solid #000; }
.activity { margin: 0 0 6pt 24pt; }
.when, .updated { font-style: italic; }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

/** The committee paper as one self-contained, printable HTML document. */
export function renderPaperHtml(paper: CommitteePaper): string {
  const counts = TRAFFIC_LIGHTS.map((c) => `<tr>${statusCell(c, c)}<td>${paper.summary.byTrafficLight[c]}</td></tr>`);
  const leftOut = S.leftOut(paper);
  const changes = changeRows(paper).map((values) => cells(values.map(escapeHtml)));
  const legend = paper.legend.map((l) => `<tr>${statusCell(l.colour, l.colour)}<td>${escapeHtml(l.definition)}</td></tr>`);
  const red = paper.redItems.map((r) => cells([escapeHtml(r.reportTitle), escapeHtml(r.ref), paras(r.text), escapeHtml(dueText(r.due)), paras(r.rationale.reason), escapeHtml(r.rationale.overdue ?? '')]));
  const closed = paper.closedItems.map((c) =>
    cells([escapeHtml(c.reportTitle), escapeHtml(c.ref), paras(c.text), escapeHtml(c.lifecycle), escapeHtml(c.closedOn ? formatUkDate(c.closedOn) : ''), paras(c.comment)])
  );
  const body = [
    `<header><h1>${escapeHtml(paper.title)}</h1><p class="subtitle">${escapeHtml(paperSubtitle(paper))}</p></header>`,
    `<section class="summary"><h2>${escapeHtml(S.summary)}</h2><p>${escapeHtml(S.totals(paper))}</p>${leftOut === null ? '' : `<p class="left-out">${escapeHtml(leftOut)}</p>`}${table(S.countsColumns, counts, 'counts')}`,
    `<h3>${escapeHtml(S.changesHeading)}</h3><p>${escapeHtml(S.changesLine(paper))}</p>${changes.length ? table(S.changesColumns, changes, 'changes') : ''}</section>`,
    `<section class="legend"><h2>${escapeHtml(S.legendHeading)}</h2>${table(S.legendColumns, legend, 'legend')}<p class="policy">${escapeHtml(paper.ragPolicyStatement)}</p></section>`,
    ...paper.sections.map(section),
    `<section class="red"><h2>${escapeHtml(S.redHeading)}</h2>${red.length ? table(S.redColumns, red, 'red-items') : `<p>${escapeHtml(S.redNone)}</p>`}</section>`,
    `<section class="appendix"><h2>${escapeHtml(S.closedHeading)}</h2>${closed.length ? table(S.closedColumns, closed, 'closed-items') : `<p>${escapeHtml(S.closedNone)}</p>`}</section>`
  ].join('');
  return page(paper.title, body);
}

/** A commitment and its progress: activity in the quarter, else the latest progress. */
function planCommitment(c: PlanCommitmentEntry, labelled: boolean): string {
  const status = c.trafficLight === null ? '' : ` <span class="status" style="background:#${TRAFFIC_LIGHT_COLOURS[c.trafficLight].fill};color:#${TRAFFIC_LIGHT_COLOURS[c.trafficLight].text}">${escapeHtml(c.trafficLight)}</span>`;
  const activity = c.activity.length
    ? c.activity.map((a) => `<div class="activity"><p class="when">${escapeHtml(formatDateAs(a.date, a.precision))}, ${escapeHtml(a.author)}</p>${paras(activityText(c, a))}</div>`).join('')
    : labelled
      ? `<p class="none">${escapeHtml(S.noActivity)}</p>${c.latest ? `<p class="kind">${escapeHtml(S.latestProgress)}</p>${paras(c.latest)}` : ''}`
      : paras(c.latest);
  return `<div class="commitment"><p><span class="number">${escapeHtml(c.number)}</span> <strong>${escapeHtml(c.text)}</strong>${status}</p>${activity}</div>`;
}

/** The plan delivery update as a printable HTML document, numbered as the PCC's update is. */
export function renderPlanUpdateHtml(update: PlanUpdate): string {
  const principleList = update.principles.map((p) => `<li>${escapeHtml(p.name)}</li>`).join('');
  const parts = [
    `<header><h1>${escapeHtml(update.title)}</h1><p class="subtitle">${escapeHtml(update.periodLabel)}</p></header>`,
    `<section><h2>1 ${escapeHtml(S.commissionersUpdate)}</h2><p>1.1 ${escapeHtml(update.purpose)}</p><p>1.2 ${escapeHtml(S.principlesIntro)}</p><ul>${principleList}</ul></section>`
  ];
  for (const p of update.principles) {
    const entries = p.commitments.map((c) => planCommitment(c, true)).join('');
    const planned = p.planned.length
      ? table(['Activity / event', 'When'], p.planned.map((e) => cells([escapeHtml(e.text), escapeHtml(e.when)])), 'planned')
      : `<p>${escapeHtml(S.nothingPlanned)}</p>`;
    parts.push(
      `<section class="principle"><h2>${p.number} ${escapeHtml(p.name)}</h2><h3>${p.number}.1 ${escapeHtml(S.activityHeading)}</h3>${entries}<h3>${p.number}.2 ${escapeHtml(S.plannedHeading)}</h3>${planned}</section>`
    );
  }
  if (update.precept) {
    const n = update.precept.number;
    parts.push(`<section class="precept"><h2>${n} ${escapeHtml(S.preceptHeading)}</h2><p>${n}.1 ${escapeHtml(update.precept.intro)}</p>${update.precept.commitments.map((c) => planCommitment(c, false)).join('')}</section>`);
  }
  return page(`${update.title} ${update.periodLabel}`, parts.join(''));
}
