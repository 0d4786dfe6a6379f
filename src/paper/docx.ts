/**
 * The committee paper and the plan update as Word documents (.docx), through the `docx` package.
 * Runs in the browser and in Node: the result is bytes, saved by the caller.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType
} from 'docx';
import type { ISectionOptions } from 'docx';
import { formatUkDate } from '../core/dates';
import type { TrafficLight } from '../core/model';
import { TRAFFIC_LIGHTS } from '../core/model';
import { UNCHECKED_TIMESCALE } from '../core/dueDates';
import { TRAFFIC_LIGHT_COLOURS, dueText, formatDateAs } from '../core/paper';
import type { CommitteePaper, PaperColourNote, PaperDue, PaperRow, PaperSection, PlanCommitmentEntry, PlanUpdate } from '../core/paper';
import { PAPER_STRINGS as S, activityText, changeRows, paperSubtitle, textBlocks } from './strings';

/** The MIME type of a .docx file. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 landscape with 15 mm margins, in twips: the width tables share. */
const PAGE_MARGIN = 851;
const CONTENT_WIDTH = 16838 - 2 * PAGE_MARGIN;
/** The same for A4 portrait (the plan update). */
const PORTRAIT_WIDTH = 11906 - 2 * PAGE_MARGIN;

/** Stored text as Word paragraphs, with bullet lines as bulleted paragraphs. */
function textParagraphs(text: string, options: { bold?: boolean } = {}): Paragraph[] {
  const blocks = textBlocks(text);
  if (blocks.length === 0) return [new Paragraph({ children: [new TextRun({ text: '', bold: options.bold })] })];
  return blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [new Paragraph({ children: [new TextRun({ text: b.text, bold: options.bold })] })]
      : b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: item, bold: options.bold })] }))
  );
}

function cell(children: Paragraph[], shading?: { fill: string }): TableCell {
  return new TableCell({ children, shading: shading ? { type: ShadingType.CLEAR, color: 'auto', fill: shading.fill } : undefined });
}

function textCell(text: string, bold = false): TableCell {
  return cell(textParagraphs(text, { bold }));
}

function statusCell(colour: TrafficLight, label: string, note: PaperColourNote | null = null): TableCell {
  const { fill, text } = TRAFFIC_LIGHT_COLOURS[colour];
  const recorded = note ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: S.sourceRecorded(note.recordedLabel, note.recordedOn), size: 16, color: text })] })] : [];
  return cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: label, bold: true, color: text })] }), ...recorded], { fill });
}

function dueParagraphs(due: PaperDue, confidence = ''): Paragraph[] {
  const rated = confidence ? [plain(S.confidence(confidence))] : [];
  if (!due.nowDue) return [...textParagraphs(due.original), ...(due.unchecked ? [plain(`(${UNCHECKED_TIMESCALE})`, { italics: true })] : []), ...rated];
  const lines = due.original ? [`${S.original}: ${due.original}`, `${S.nowDue}: ${due.nowDue}`] : [`${S.nowDue}: ${due.nowDue}`];
  return [...lines.map((line) => new Paragraph({ children: [new TextRun(line)] })), ...rated];
}

/** A table whose header row repeats on every page, columns sized by share of the page width. */
function table(head: readonly string[], shares: number[], rows: TableRow[], width = CONTENT_WIDTH): Table {
  const total = shares.reduce((a, b) => a + b, 0);
  const columnWidths = shares.map((s) => Math.floor((s / total) * width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: head.map((h) => cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], { fill: 'D9D9D9' }))
  });
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths, rows: [header, ...rows] });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  // Space above a heading so it does not sit on the table before it; keep it with what follows.
  return new Paragraph({ heading: level, keepNext: true, spacing: { before: 240, after: 80 }, children: [new TextRun(text)] });
}

function plain(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold: options.bold, italics: options.italics })] });
}

/** Why the colour printed is not the one the source recorded, as an italic line. */
function colourWhy(note: PaperColourNote | null, colour: string): Paragraph[] {
  return note ? [plain(S.colourWhy(note.recordedLabel, note.recordedOn, colour, note.reason), { italics: true })] : [];
}

function itemRows(r: PaperRow): TableRow[] {
  const main = new TableRow({
    children: [
      textCell(r.ref),
      cell([plain(r.kind, { bold: true }), ...textParagraphs(r.text)]),
      statusCell(r.trafficLight, r.statusLabel, r.colourNote),
      cell(dueParagraphs(r.due, r.confidence)),
      cell([
        ...textParagraphs(r.comment),
        ...(r.commentDate ? [plain(S.commentDate(r.commentDate), { italics: true })] : []),
        ...(r.redRationale?.overdue ? [plain(r.redRationale.overdue, { italics: true })] : []),
        ...colourWhy(r.colourNote, r.trafficLight),
        ...(r.sameAs ? [plain(S.sameAs(r.sameAs), { italics: true })] : [])
      ])
    ]
  });
  const actions = r.actions.map(
    (a) =>
      new TableRow({
        children: [
          textCell(a.ref),
          cell([plain(S.actionRequired, { bold: true }), ...textParagraphs(a.text)]),
          statusCell(a.trafficLight, a.statusLabel, a.colourNote),
          cell(dueParagraphs(a.due)),
          cell([...(a.currentPosition ? [plain(S.currentPosition, { bold: true }), ...textParagraphs(a.currentPosition)] : textParagraphs('')), ...colourWhy(a.colourNote, a.trafficLight)])
        ]
      })
  );
  return [main, ...actions];
}

function reportSection(s: PaperSection): (Paragraph | Table)[] {
  const body = s.rows.length ? [table(S.tableColumns, [6, 38, 10, 12, 34], s.rows.flatMap(itemRows))] : [plain(S.noRows)];
  return [heading(s.title, HeadingLevel.HEADING_2), plain(s.byLine, { italics: true }), plain(s.publishedLine, { italics: true }), plain(s.scopeSentence, { bold: true }), ...(s.registerScopeSentence ? [plain(S.registerCount(s.registerScopeSentence), { italics: true })] : []), ...body];
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })]
  });
}

function landscape(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { orientation: PageOrientation.LANDSCAPE },
        margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN }
      }
    },
    footers: { default: pageFooter() },
    children
  };
}

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The committee paper as a .docx file's bytes. */
export async function renderPaperDocx(paper: CommitteePaper): Promise<Uint8Array> {
  const counts = TRAFFIC_LIGHTS.map((c) => new TableRow({ children: [statusCell(c, c), textCell(String(paper.summary.byTrafficLight[c]))] }));
  const leftOut = S.leftOut(paper);
  const changes = changeRows(paper).map((values) => new TableRow({ children: values.map((v) => textCell(v)) }));
  const legend = paper.legend.map((l) => new TableRow({ children: [statusCell(l.colour, l.colour), textCell(l.definition)] }));
  const red = paper.redItems.map(
    (r) => new TableRow({ children: [textCell(r.reportTitle), textCell(r.ref), textCell(r.text), textCell(dueText(r.due)), textCell(r.rationale.reason), textCell(r.rationale.overdue ?? '')] })
  );
  const closed = paper.closedItems.map(
    (c) =>
      new TableRow({
        children: [textCell(c.reportTitle), textCell(c.ref), textCell(c.text), textCell(c.lifecycle), textCell(c.closedOn ? formatUkDate(c.closedOn) : ''), textCell(c.comment)]
      })
  );
  const children: (Paragraph | Table)[] = [
    heading(paper.title, HeadingLevel.TITLE),
    plain(paperSubtitle(paper)),
    heading(S.summary, HeadingLevel.HEADING_1),
    plain(S.totals(paper)),
    ...(leftOut === null ? [] : [plain(leftOut)]),
    table(S.countsColumns, [1, 1], counts),
    heading(S.changesHeading, HeadingLevel.HEADING_2),
    plain(S.changesLine(paper)),
    ...(changes.length ? [table(S.changesColumns, [50, 10, 20, 20], changes)] : []),
    heading(S.legendHeading, HeadingLevel.HEADING_1),
    table(S.legendColumns, [15, 85], legend),
    plain(paper.ragPolicyStatement, { italics: true }),
    ...paper.sections.flatMap(reportSection),
    heading(S.redHeading, HeadingLevel.HEADING_1),
    ...(red.length ? [table(S.redColumns, [18, 6, 30, 12, 22, 12], red)] : [plain(S.redNone)]),
    heading(S.closedHeading, HeadingLevel.HEADING_1),
    ...(closed.length ? [table(S.closedColumns, [20, 6, 30, 12, 10, 22], closed)] : [plain(S.closedNone)])
  ];
  const doc = new Document({
    creator: 'Inspection recommendations tracker',
    title: paper.title,
    description: paperSubtitle(paper),
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [landscape(children)]
  });
  return pack(doc);
}

/** A commitment and its progress: activity in the quarter, else (labelled so under a key principle) the latest progress. */
function planCommitment(c: PlanCommitmentEntry, labelled: boolean): Paragraph[] {
  const status = c.trafficLight === null ? [] : [new TextRun(' '), new TextRun({ text: c.trafficLight, bold: true, color: c.trafficLight === 'WHITE' ? '000000' : TRAFFIC_LIGHT_COLOURS[c.trafficLight].fill })];
  const out = [new Paragraph({ children: [new TextRun(`${c.number} `), new TextRun({ text: c.text, bold: true }), ...status] })];
  if (c.activity.length) {
    for (const a of c.activity) {
      const text = activityText(c, a);
      out.push(plain(`${formatDateAs(a.date, a.precision)}, ${a.author}`, { italics: true }), ...(text ? textParagraphs(text) : []));
    }
  } else if (labelled) {
    out.push(plain(S.noActivity, { italics: true }));
    if (c.latest) out.push(plain(S.latestProgress, { bold: true }), ...textParagraphs(c.latest));
  } else if (c.latest) {
    out.push(...textParagraphs(c.latest));
  }
  return out;
}

/** The plan delivery update as a .docx file's bytes, numbered as the PCC's update is. */
export async function renderPlanUpdateDocx(update: PlanUpdate): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    heading(update.title, HeadingLevel.TITLE),
    plain(update.periodLabel, { bold: true }),
    heading(`1 ${S.commissionersUpdate}`, HeadingLevel.HEADING_1),
    plain(`1.1 ${update.purpose}`),
    plain(`1.2 ${S.principlesIntro}`),
    ...update.principles.map((p) => new Paragraph({ numbering: { reference: 'principles', level: 0 }, children: [new TextRun(p.name)] }))
  ];
  for (const p of update.principles) {
    children.push(heading(`${p.number} ${p.name}`, HeadingLevel.HEADING_1), heading(`${p.number}.1 ${S.activityHeading}`, HeadingLevel.HEADING_2));
    for (const c of p.commitments) children.push(...planCommitment(c, true));
    children.push(heading(`${p.number}.2 ${S.plannedHeading}`, HeadingLevel.HEADING_2));
    if (p.planned.length) {
      children.push(table(['Activity / event', 'When'], [75, 25], p.planned.map((e) => new TableRow({ children: [textCell(e.text), textCell(e.when)] })), PORTRAIT_WIDTH));
    } else {
      children.push(plain(S.nothingPlanned));
    }
  }
  if (update.precept) {
    const n = update.precept.number;
    children.push(heading(`${n} ${S.preceptHeading}`, HeadingLevel.HEADING_1), plain(`${n}.1 ${update.precept.intro}`));
    for (const c of update.precept.commitments) children.push(...planCommitment(c, false));
  }
  const doc = new Document({
    creator: 'Inspection recommendations tracker',
    title: `${update.title} ${update.periodLabel}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [{ reference: 'principles', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }]
    },
    sections: [
      {
        properties: { page: { margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } } },
        footers: { default: pageFooter() },
        children
      }
    ]
  });
  return pack(doc);
}
